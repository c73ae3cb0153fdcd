"""``desk import`` end to end on a folder of every format and fault: outcomes, records, exit codes, --json."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import click
from click.testing import CliRunner

from desk.cli.common import AppContext, DeskGroup
from desk.cli.imports import import_cmd
from desk.services.candidates import failed_documents
from desk.store import open_store
from tests.importer.files import OK, sample


@click.group(cls=DeskGroup)
@click.option("--db", "db_option")
@click.pass_context
def desk(ctx: click.Context, db_option: str) -> None:
    """A stand-in root group, so the command is tested exactly as desk.cli will mount it."""
    ctx.obj = AppContext(db_option=db_option)
    ctx.call_on_close(ctx.obj.close)


desk.add_command(import_cmd)


def run(db: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(desk, ["--db", str(db), "import", *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def _name(path: str, folder: Path) -> str:
    return path.removeprefix(str(folder) + "/")


def test_every_file_gets_its_outcome_and_failures_are_recorded(
    mixed: tuple[Path, dict[str, str]], db_path: Path
) -> None:
    folder, expect = mixed
    code, out, err = run(db_path, str(folder), "--max-size", "100KB", "--workers", "2", "--json")
    assert code == 3, err  # some files failed: PARTIAL
    report = json.loads(out)  # exactly one JSON document on stdout
    assert set(report) >= {"imported", "updated", "skipped", "failed", "merged", "candidates"}
    got = {_name(f["path"], folder): f["code"] for f in report["failed"]}
    assert got == {k: v for k, v in expect.items() if v != OK}
    assert all(f["reason"] for f in report["failed"])
    oks = [k for k, v in expect.items() if v == OK]
    assert report["imported"] == len(oks) and report["updated"] == 0 and report["skipped"] == 0
    assert len(report["candidates"]) == len(oks)
    assert report["extracted"] == len(oks) + 4  # + locked, scan, broken, blank: refused by a reader
    scan = next(f for f in report["failed"] if f["path"].endswith("scan.pdf"))
    assert "OCR" in scan["reason"]

    with open_store(db_path) as store:
        failed = {_name(d["path"], folder.resolve()): d["error"] for d in failed_documents(store)}
        assert set(failed) == set(got)  # one failed record per file, so the TUI can list them
        # every candidate has a document and skills, and is scored for every open job (none here)
        orphans = store.conn.execute(
            "SELECT COUNT(*) FROM candidates c WHERE NOT EXISTS "
            "(SELECT 1 FROM documents d WHERE d.candidate_id = c.id AND d.status = 'ok')"
        ).fetchone()[0]
        assert orphans == 0
        names = {r[0] for r in store.conn.execute("SELECT name FROM candidates")}
        assert {"José Martínez García", "Ada Quill", "Wei Zhang", "Jamal Carter"} <= names
        layout = store.conn.execute(
            "SELECT layout FROM documents WHERE path LIKE '%two-column.pdf'"
        ).fetchone()
        assert json.loads(layout[0])["columns"] == [2]
        ada = store.conn.execute(
            "SELECT years_experience, email FROM candidates WHERE name = 'Ada Quill'"
        ).fetchone()
        assert ada[1] == "ada.quill@example.org" and ada[0] > 8
        table = store.conn.execute(
            "SELECT COUNT(*) FROM candidate_skills s JOIN documents d ON d.candidate_id = s.candidate_id "
            "WHERE d.path LIKE '%with-table.docx' AND s.skill_id IN ('kubernetes', 'terraform', 'go')"
        ).fetchone()[0]
        assert table == 3  # skills written in a DOCX table were read

    # run again: nothing is extracted, unchanged files are skipped, failures come from their records
    code, out, err = run(db_path, str(folder), "--max-size", "100KB", "--json")
    again = json.loads(out)
    assert code == 3
    assert (again["imported"], again["updated"], again["skipped"], again["extracted"]) == (0, 0, len(oks), 0)
    assert {_name(f["path"], folder): f["code"] for f in again["failed"]} == got
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == len(oks) + len(got)
    conn.close()


def test_text_mode_prints_lines_and_a_summary_on_stderr_and_exits_0(tmp_path: Path, db_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(sample(1))
    (folder / "b.md").write_text(sample(5))
    code, out, err = run(db_path, str(folder), "--workers", "1")
    assert code == 0 and out == ""
    assert "imported" in err and "2 imported" in err.splitlines()[-1]
    code, out, err = run(db_path, str(folder / "a.txt"))
    assert code == 0 and "1 unchanged (skipped)" in err


def test_user_errors_are_one_line(tmp_path: Path, db_path: Path) -> None:
    code, out, err = run(db_path, str(tmp_path / "missing"))
    assert code == 1 and err.strip() == f"error: no such file or folder: {tmp_path / 'missing'}"
    code, out, err = run(db_path, str(tmp_path), "--max-size", "lots")
    assert code == 2 and "cannot read size" in err
