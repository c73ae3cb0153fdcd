"""The core stays headless: importing it must not pull in the faces.

A server runs desk's parsing and scoring without the faces installed, so this is
a contract, checked in fresh interpreters where the forbidden packages cannot be
imported at all (an import hook raises), not merely by grepping.
"""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import desk

FACES = ("desk.cli", "desk.tui", "desk.__main__")
#: Modules a server imports to parse and score: no textual, click or sqlite-utils.
PURE_PREFIXES = (
    "desk.skills",
    "desk.parse",
    "desk.scoring",
    "desk.model",
    "desk.clock",
    "desk.errors",
    "desk.extract",
    "desk.profile",
    "desk.ranking",
)

BLOCKER = """
import importlib, sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in BLOCKED:
            raise ImportError(f'{name} is blocked in this test')
sys.meta_path.insert(0, Block())
failed = []
for mod in MODULES:
    try:
        importlib.import_module(mod)
    except ImportError as exc:
        failed.append(f'{mod}: {exc}')
print(repr(failed))
"""


def _modules() -> list[str]:
    return sorted(
        info.name for info in pkgutil.walk_packages(desk.__path__, "desk.") if not info.name.startswith(FACES)
    )


def _run_blocked(modules: list[str], blocked: set[str]) -> list[str]:
    code = f"BLOCKED = {blocked!r}\nMODULES = {modules!r}\n" + BLOCKER
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return ast.literal_eval(out.stdout.strip().splitlines()[-1])


def test_core_never_needs_textual() -> None:
    assert _run_blocked(_modules(), {"textual"}) == []


def test_pure_core_needs_no_ui_or_store_libraries() -> None:
    pure = [m for m in _modules() if m.startswith(PURE_PREFIXES)]
    assert "desk.clock" in pure
    assert _run_blocked(pure, {"textual", "click", "sqlite_utils"}) == []


def test_core_source_never_imports_click_or_textual() -> None:
    """sqlite-utils pulls click in by itself; desk's own core must not."""
    root = Path(desk.__file__).parent
    offenders = []
    for path in root.rglob("*.py"):
        rel = path.relative_to(root.parent).with_suffix("").as_posix().replace("/", ".")
        if rel.startswith(FACES):
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{rel}: {n}" for n in names if n.split(".")[0] in {"click", "textual"}]
    assert offenders == []
