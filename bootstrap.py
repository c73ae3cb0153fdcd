#!/usr/bin/env python3
"""Set up desk from a fresh clone with nothing but python3, then run a justfile recipe.

Usage: python3 bootstrap.py [RECIPE [ARGS...]]   (default recipe: demo)

Creates ./.venv (once; again when pyproject.toml changes), installs desk with
its test extra and the ``just`` binary from PyPI (rust-just), then runs
``just RECIPE`` inside the venv. Needs the network only for that install.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".desk-installed"


def say(msg: str) -> None:
    print(f"bootstrap: {msg}", file=sys.stderr, flush=True)


def run(*cmd: str | Path) -> None:
    subprocess.run([str(c) for c in cmd], check=True)


def make_venv() -> None:
    """Create the venv; Debian's python3 may lack ensurepip (python3-venv), so handle that."""
    try:
        run(sys.executable, "-m", "venv", VENV)
        return
    except subprocess.CalledProcessError:
        shutil.rmtree(VENV, ignore_errors=True)
    if os.geteuid() == 0 and shutil.which("apt-get"):
        ver = f"{sys.version_info.major}.{sys.version_info.minor}"
        say(f"python3 -m venv failed; installing python{ver}-venv with apt-get")
        run("apt-get", "update", "-qq")
        subprocess.run(["apt-get", "install", "-y", "-qq", f"python{ver}-venv"], check=False)
        subprocess.run(["apt-get", "install", "-y", "-qq", "python3-venv"], check=False)
        run(sys.executable, "-m", "venv", VENV)
        return
    sys.exit(
        "bootstrap: 'python3 -m venv' does not work here. On Debian/Ubuntu run "
        "'sudo apt-get install python3-venv' and try again."
    )


def setup() -> None:
    """Install (or refresh) the venv when pyproject.toml changed since the last install."""
    want = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text().strip() == want and (BIN / "just").exists():
        return
    if not (BIN / "python").exists():
        say("creating .venv")
        make_venv()
    say("installing desk and its test tools into .venv (first run takes a minute)")
    pip = [BIN / "python", "-m", "pip", "--disable-pip-version-check", "-q"]
    run(*pip, "install", "--upgrade", "pip")
    run(*pip, "install", "-e", f"{ROOT}[test]", "rust-just>=1.30")
    STAMP.write_text(want)


def main(argv: list[str]) -> int:
    setup()
    recipe = argv or ["demo"]
    if recipe == ["setup"]:
        return 0
    env = dict(os.environ)
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    env["VIRTUAL_ENV"] = str(VENV)
    os.chdir(ROOT)
    os.execve(str(BIN / "just"), [str(BIN / "just"), *recipe], env)
    return 0  # pragma: no cover - execve does not return


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
