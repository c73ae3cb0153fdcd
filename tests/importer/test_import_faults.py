"""Stopping an import the hard ways: a stuck file, Ctrl-C, cancel from a UI thread, and kill -9.

Each ends with the same checks: the database passes its integrity check, no candidate is
half-written, and running the same import again finishes the job without duplicates.
"""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import threading
import time
from pathlib import Path

import pytest

from desk.importer import ImportOptions, ImportProgress, import_paths
from tests.importer.files import ROOT, build_people, desk_argv, person


def assert_consistent(db: Path) -> dict[str, int]:
    """Integrity holds and every candidate is whole: a document, skills, one application per open job."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        whole = conn.execute(
            "SELECT COUNT(*) FROM candidates c WHERE EXISTS (SELECT 1 FROM documents d WHERE d.candidate_id = c.id) "
            "AND EXISTS (SELECT 1 FROM candidate_skills s WHERE s.candidate_id = c.id)"
        ).fetchone()[0]
        counts = {
            t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("candidates", "documents")
        }
        assert whole == counts["candidates"]
        assert conn.execute(
            "SELECT COUNT(*) FROM documents WHERE candidate_id IS NULL AND status = 'ok'"
        ).fetchone() == (0,)
        logged = conn.execute(
            "SELECT COUNT(DISTINCT entity_id) FROM events WHERE entity = 'candidate'"
        ).fetchone()[0]
        assert logged == counts["candidates"]  # each stored candidate's event committed with it
        return counts
    finally:
        conn.close()


def wait_for_first_commit(db: Path, proc: subprocess.Popen[str], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"the import ended before it could be interrupted: {proc.communicate()}")
        if db.exists():
            try:
                conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
                n = conn.execute("SELECT COUNT(*) FROM candidates").fetchone()[0]
                conn.close()
                if n:
                    return
            except sqlite3.OperationalError:
                pass
        time.sleep(0.01)
    pytest.fail("no batch was committed in time")


def test_a_stuck_file_is_killed_and_the_rest_import(tmp_path: Path, db_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(4):
        (folder / f"p{i}.txt").write_text(person(i))
    (folder / "slow.txt").write_text(person(9))
    # one worker: the files queued behind the stuck one must move to its replacement
    options = ImportOptions(workers=1, timeout=1, slow_paths=frozenset({"slow.txt"}), slow_seconds=600)
    report = import_paths(db_path, [str(folder)], options)
    assert report.imported == 4
    assert [(Path(f["path"]).name, f["code"]) for f in report.failed] == [("slow.txt", "timeout")]
    assert "longer than 1 s" in report.failed[0]["reason"]
    assert report.workers_killed == 1  # (a sleeping worker that was not killed would hold close() for 600 s)
    # a timeout says more about the machine than the file: the next run reads it again
    again = import_paths(db_path, [str(folder)], ImportOptions(workers=1))
    assert (again.imported, again.skipped, again.extracted, again.failed) == (1, 4, 1, [])
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT status, COUNT(*) FROM documents GROUP BY status").fetchall() == [("ok", 5)]
    conn.close()


def test_cancel_from_another_thread_keeps_what_was_read(tmp_path: Path, db_path: Path) -> None:
    persons = build_people(tmp_path / "in", 60, duplicates=0)
    cancel = threading.Event()

    def progress(p: ImportProgress) -> None:
        if p.done >= 5:
            cancel.set()

    options = ImportOptions(workers=1, batch_size=5)
    box: dict[str, object] = {}
    worker = threading.Thread(
        target=lambda: box.update(r=import_paths(db_path, [str(tmp_path / "in")], options, progress, cancel))
    )
    worker.start()
    worker.join(120)
    report = box["r"]
    assert report.interrupted and report.exit_code == 130
    counts = assert_consistent(db_path)
    assert counts["candidates"] == report.imported < persons
    rest = import_paths(db_path, [str(tmp_path / "in")], ImportOptions(workers=2))
    assert rest.skipped == report.imported and rest.imported == persons - report.imported
    assert assert_consistent(db_path)["candidates"] == persons


def test_ctrl_c_stops_cleanly_with_a_summary_and_exit_130(tmp_path: Path, db_path: Path) -> None:
    persons = build_people(tmp_path / "in", 200, duplicates=0)
    argv = desk_argv(
        db_path, "import", str(tmp_path / "in"), "--workers", "1", "--batch-size", "10", "--json"
    )
    proc = subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wait_for_first_commit(db_path, proc)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    report = json.loads(out)
    assert report["interrupted"] is True
    assert assert_consistent(db_path)["candidates"] == report["imported"] < persons


def test_kill_9_leaves_a_consistent_database_and_a_rerun_finishes(tmp_path: Path, db_path: Path) -> None:
    persons = build_people(tmp_path / "in", 200, duplicates=10)
    argv = desk_argv(db_path, "import", str(tmp_path / "in"), "--workers", "1", "--batch-size", "10")
    proc = subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wait_for_first_commit(db_path, proc)
    proc.kill()
    proc.communicate(timeout=60)
    before = assert_consistent(db_path)
    assert 0 < before["documents"] < 200

    rerun = subprocess.run(
        desk_argv(db_path, "import", str(tmp_path / "in"), "--json"), cwd=ROOT, capture_output=True, text=True
    )
    assert rerun.returncode == 0, rerun.stderr
    report = json.loads(rerun.stdout)
    assert report["skipped"] == before["documents"]
    assert report["imported"] + report["updated"] == 200 - before["documents"]
    after = assert_consistent(db_path)
    assert after == {
        "candidates": persons,
        "documents": 200,
    }  # every file exactly once, one candidate per person
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT COUNT(DISTINCT sha256), COUNT(DISTINCT path) FROM documents").fetchone() == (
        200,
        200,
    )
    conn.close()
