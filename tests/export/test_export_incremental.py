"""--since-last: only what changed, per target, and a cursor that moves only after a complete file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from export_fixtures import candidate_id, ingest_sample, read_export

from desk.export import export_to_file
from desk.export.cursor import get_cursor
from desk.services.jobs import update_requirement
from desk.services.pipeline import add_note, application_id, set_stage
from desk.store import Store, open_store


def _ids(doc: dict, section: str) -> set[str]:
    return {e["id"] for e in doc[section]}


def _first_job(store: Store) -> str:
    return store.conn.execute("SELECT id FROM jobs ORDER BY created_at LIMIT 1").fetchone()[0]


def test_since_last_exports_only_changes(desk: Store, tmp_path: Path) -> None:
    out = tmp_path / "inc.json"
    first = read_export(Path(export_to_file(desk, out, mode="since-last")["path"]))
    assert first["range"]["from_seq"] == 0 and first["counts"]["candidates"] == desk.db["candidates"].count
    assert get_cursor(desk, str(out.resolve())) == desk.last_seq()

    export_to_file(desk, out, mode="since-last")
    empty = read_export(out)
    assert empty["range"]["from_seq"] == empty["range"]["to_seq"] == desk.last_seq()
    assert all(n == 0 for n in empty["counts"].values())

    job = _first_job(desk)
    daniel = candidate_id(desk, "daniel.okafor@example.com")
    app = application_id(desk, job, daniel)
    set_stage(desk, app, "offer")
    note = add_note(desk, daniel, "Offer sent")
    export_to_file(desk, out, mode="since-last")
    doc = read_export(out)
    assert _ids(doc, "applications") == {app}
    assert _ids(doc, "notes") == {note}
    assert [s["to_stage"] for s in doc["stage_changes"]] == ["offer"]
    assert doc["jobs"] == doc["candidates"] == doc["tombstones"] == []


def test_job_edit_brings_its_applications(desk: Store, tmp_path: Path) -> None:
    out = tmp_path / "inc.jsonl"
    export_to_file(desk, out, mode="since-last", fmt="jsonl")
    job = _first_job(desk)
    key = desk.conn.execute(
        "SELECT key FROM requirements WHERE job_id = ? AND kind = 'required' ORDER BY position LIMIT 1", [job]
    ).fetchone()[0]
    update_requirement(desk, job, key, kind="preferred")
    export_to_file(desk, out, mode="since-last", fmt="jsonl")
    doc = read_export(out)
    assert _ids(doc, "jobs") == {job}
    expected = {r[0] for r in desk.conn.execute("SELECT id FROM applications WHERE job_id = ?", [job])}
    assert _ids(doc, "applications") == expected
    assert doc["candidates"] == []
    req = next(r for r in doc["jobs"][0]["parsed"]["requirements"] if r["id"] == key)
    assert req["kind"] == "preferred"


def test_new_resume_and_deletion(desk: Store, tmp_path: Path) -> None:
    from desk.services.deletion import delete_candidate

    out = tmp_path / "inc.json"
    export_to_file(desk, out, mode="since-last")
    new = ingest_sample(desk, "07").candidate_id
    gone = candidate_id(desk, "chloe.martin@example.com")
    gone_apps = {
        r[0] for r in desk.conn.execute("SELECT id FROM applications WHERE candidate_id = ?", [gone])
    }
    delete_candidate(desk, gone)
    export_to_file(desk, out, mode="since-last")
    doc = read_export(out)
    assert _ids(doc, "candidates") == {new}
    assert {a["candidate_id"] for a in doc["applications"]} == {new}
    stones = {(t["entity"], t["id"]) for t in doc["tombstones"]}
    assert ("candidate", gone) in stones
    assert {("application", a) for a in gone_apps} <= stones


def test_cursors_are_per_target_and_per_job(desk: Store, tmp_path: Path) -> None:
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    export_to_file(desk, a, mode="since-last")
    job = _first_job(desk)
    export_to_file(desk, b, mode="since-last", job_id=job)
    assert get_cursor(desk, str(b.resolve())) == 0, "a --job export must not stand in for a full one"
    assert get_cursor(desk, f"{b.resolve()}#job={job}") == desk.last_seq()
    export_to_file(desk, b, mode="since-last")
    assert read_export(b)["counts"]["candidates"] == desk.db["candidates"].count
    export_to_file(desk, a, mode="since-last")
    assert read_export(a)["counts"]["candidates"] == 0


# -- interruption ------------------------------------------------------------------------------------
class Boom(RuntimeError):
    pass


def _explode_after(n: int):
    def progress(kind: str, written: int) -> None:
        if written >= n:
            raise Boom(f"disk full after {written} entities")

    return progress


def _leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.startswith("."))


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
@pytest.mark.parametrize("mode", ["all", "since-last"])
def test_failure_mid_write_leaves_nothing(desk: Store, tmp_path: Path, fmt: str, mode: str) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / f"export.{fmt}"
    for n in (1, 12, 30):
        with pytest.raises(Boom):
            export_to_file(desk, out, mode=mode, fmt=fmt, progress=_explode_after(n))
        assert not out.exists()
        assert _leftovers(out_dir) == []
        assert get_cursor(desk, str(out.resolve())) == 0
    assert not desk.conn.in_transaction


def test_failure_keeps_the_previous_file_and_cursor(desk: Store, tmp_path: Path) -> None:
    out = tmp_path / "export.json"
    export_to_file(desk, out, mode="since-last")
    before = out.read_bytes()
    cursor = get_cursor(desk, str(out.resolve()))
    set_stage(
        desk, application_id(desk, _first_job(desk), candidate_id(desk, "daniel.okafor@example.com")), "hired"
    )
    add_note(desk, candidate_id(desk, "daniel.okafor@example.com"), "Hired!")
    with pytest.raises(Boom):
        export_to_file(desk, out, mode="since-last", progress=_explode_after(2))
    assert out.read_bytes() == before
    assert get_cursor(desk, str(out.resolve())) == cursor
    assert _leftovers(tmp_path) == []
    # the changes were not lost: the next export carries them
    export_to_file(desk, out, mode="since-last")
    assert read_export(out)["counts"]["notes"] == 1


KILLER = """
import os, signal, sys
from desk.export import export_to_file
from desk.store import open_store

def progress(kind, written):
    if written >= int(sys.argv[3]):
        os.kill(os.getpid(), signal.SIGKILL)

export_to_file(open_store(sys.argv[1]), sys.argv[2], mode="since-last", progress=progress)
"""


def test_killed_export_leaves_no_file_and_no_cursor(desk: Store, tmp_path: Path) -> None:
    """kill -9 half-way: no output, cursor unchanged; the next export sweeps the orphaned temp file."""
    desk.close()
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "export.json"
    db = str(tmp_path / "desk.db")
    proc = subprocess.run(
        [sys.executable, "-c", KILLER, db, str(out), "15"], capture_output=True, timeout=120
    )
    assert proc.returncode == -signal.SIGKILL
    assert not out.exists()
    temps = _leftovers(out_dir)
    assert len(temps) == 1 and temps[0].startswith(".export.json.desk-")
    assert os.stat(out_dir / temps[0]).st_mode & 0o077 == 0, "the temp file holds personal data: 0600"
    store = open_store(db)
    try:
        assert get_cursor(store, str(out.resolve())) == 0
        export_to_file(store, out, mode="since-last")
        assert _leftovers(out_dir) == []
        assert read_export(out)["counts"]["candidates"] == store.db["candidates"].count
    finally:
        store.close()
