"""``desk db`` and the --db / DESK_DB / default precedence, through the real console entry."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from desk.cli import cli


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desk", *args], capture_output=True, text=True, env=env, timeout=60
    )


def test_version_and_help() -> None:
    out = run("--version")
    assert out.returncode == 0 and "desk" in out.stdout
    assert run("--help").returncode == 0


def test_db_check_json_on_new_database(db_path: Path) -> None:
    out = run("--db", str(db_path), "db", "check", "--json")
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert report["ok"] is True
    assert report["integrity"] == "ok"
    assert report["schema_version"] >= 1
    assert report["counts"]["candidates"] == 0


def test_precedence_option_env_default(tmp_path: Path) -> None:
    env = dict(os.environ)
    env.pop("DESK_DB", None)
    env["XDG_DATA_HOME"] = str(tmp_path / "xdg")
    default = json.loads(run("db", "path", "--json", env=env).stdout)
    assert default["source"] == "default"
    assert default["path"] == str(tmp_path / "xdg" / "desk" / "desk.db")

    env["DESK_DB"] = str(tmp_path / "env.db")
    from_env = json.loads(run("db", "path", "--json", env=env).stdout)
    assert from_env == {"path": str(tmp_path / "env.db"), "source": "env", "exists": False}

    from_opt = json.loads(run("--db", str(tmp_path / "opt.db"), "db", "path", "--json", env=env).stdout)
    assert from_opt["source"] == "option" and from_opt["path"] == str(tmp_path / "opt.db")


def test_bad_database_is_one_error_line(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(b"\x00garbage" * 200)
    out = run("--db", str(bogus), "db", "check", "--json")
    assert out.returncode == 1
    assert out.stdout == ""
    assert out.stderr.startswith("error: ") and out.stderr.count("\n") == 1


def _all_commands(group, prefix=()):
    import click

    for name, cmd in group.commands.items():
        yield (*prefix, name)
        if isinstance(cmd, click.Group):
            yield from _all_commands(cmd, (*prefix, name))


@pytest.mark.parametrize("path", list(_all_commands(cli)), ids=" ".join)
def test_every_command_has_help(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output
    # The first help line must say something, not be empty.
    lines = [ln for ln in result.output.splitlines()[1:] if ln.strip()]
    assert lines, f"{' '.join(path)} has no help text"
