"""The click commands: desk export / merge, their --json, their error lines."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from desk.cli.common import AppContext, DeskGroup
from desk.cli.export import export_cmd, merge_cmd, sync_cmd
from desk.export.schema import load_schema
from desk.store import Store


@click.group(cls=DeskGroup)
@click.option("--db", "db_option", type=click.Path(dir_okay=False))
@click.pass_context
def cli(ctx: click.Context, db_option: str | None) -> None:
    """The same --db handling as desk.cli.cli, with only the commands under test."""
    app = AppContext(db_option=db_option)
    ctx.obj = app
    ctx.call_on_close(app.close)


for _command in (export_cmd, sync_cmd, merge_cmd):
    cli.add_command(_command)


def run(db: Path, *args: str):
    return CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)


@pytest.fixture
def db(desk: Store) -> Path:
    path = desk.path
    desk.close()
    return path


def test_schema_flag_prints_the_schema(db: Path) -> None:
    result = run(db, "export", "--schema")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == load_schema()


def test_export_to_stdout_is_one_json_document(db: Path) -> None:
    result = run(db, "export", "--json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["format"] == "desk-export" and doc["counts"]["candidates"] > 0
    # stdout has its own cursor: nothing changed since
    again = json.loads(run(db, "export", "--since-last").stdout)
    assert again["counts"]["candidates"] == 0


def test_export_to_file_prints_a_summary(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.jsonl"
    result = run(db, "export", "-o", str(out), "--format", "jsonl", "--since-last", "--json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["path"] == str(out.resolve()) and summary["format"] == "jsonl"
    assert summary["counts"]["applications"] > 0
    plain = run(db, "export", "-o", str(out), "--since-last")
    assert plain.exit_code == 0 and "0 candidates" in plain.stdout


def test_user_errors_are_one_line(db: Path, tmp_path: Path) -> None:
    result = run(db, "export", "--job", "no-such-job")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1
    result = run(db, "export", "-o", str(tmp_path / "missing-dir" / "x.json"))
    assert result.exit_code == 1 and "no such directory" in result.stderr
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something-else"}')
    result = run(db, "merge", str(bad))
    assert result.exit_code == 1 and "not a desk export" in result.stderr
    result = run(db, "export", "--format", "jsonl", "--json")
    assert result.exit_code == 2


def test_merge_command_reports(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "mine.json"
    assert run(db, "export", "-o", str(out)).exit_code == 0
    result = run(db, "merge", str(out), "--json", "--no-validate")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["entities"]["candidate"]["unchanged"] > 0
    assert all(c["created"] == c["updated"] == 0 for c in report["entities"].values())
    text = run(db, "merge", str(out), "--no-validate")
    assert text.exit_code == 0 and "unchanged" in text.stdout


def test_help_texts(db: Path) -> None:
    for name in ("export", "sync", "merge"):
        result = run(db, name, "--help")
        assert result.exit_code == 0 and "Usage:" in result.output
