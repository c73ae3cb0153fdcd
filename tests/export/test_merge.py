"""desk merge: two desks combine their work; idempotent, last writer wins, tombstones delete."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from export_fixtures import add_sample_job, candidate_id, copy_desk, ingest_sample, read_export

from desk.errors import DeskError
from desk.export import export_to_file
from desk.export.merge import merge_file as _merge_file
from desk.services.candidates import set_tags
from desk.services.deletion import delete_candidate
from desk.services.pipeline import application_id, set_stage, toggle_star
from desk.store import Store, open_store

COMPARED = ("jobs", "candidates", "applications", "notes", "stage_changes")


def export(store: Store, path: Path, **kw: Any) -> dict[str, Any]:
    export_to_file(store, path, **kw)
    return read_export(path)


def merge_file(store: Store, path: Path, validate: bool = False) -> dict[str, Any]:
    """Exports made here were schema-checked by read_export already; the merge path's own
    validation is tested once, below, with validate=True."""
    return _merge_file(store, path, validate=validate)


def stones(doc: dict[str, Any]) -> set[tuple[str, str, str]]:
    return {(t["entity"], t["id"], t["deleted_at"]) for t in doc["tombstones"]}


def events(store: Store) -> int:
    return store.last_seq()


@pytest.fixture
def other(desk_template: Path, tmp_path: Path):
    """A second, empty desk."""
    store = open_store(tmp_path / "other.db")
    yield store
    store.close()


def test_merge_into_an_empty_desk_reproduces_every_entity(desk: Store, other: Store, tmp_path: Path) -> None:
    mine = export(desk, tmp_path / "a.json")
    report = merge_file(other, tmp_path / "a.json", validate=True)
    assert report["entities"]["candidate"]["created"] == len(mine["candidates"])
    theirs = export(other, tmp_path / "b.json")
    for section in COMPARED:
        assert theirs[section] == mine[section], section
    assert stones(theirs) == stones(mine), "deletions flow on with their original time"


def test_merging_twice_changes_nothing(desk: Store, other: Store, tmp_path: Path) -> None:
    export(desk, tmp_path / "a.jsonl", fmt="jsonl")
    merge_file(other, tmp_path / "a.jsonl")
    before = events(other)
    snapshot = export(other, tmp_path / "b1.json")
    report = merge_file(other, tmp_path / "a.jsonl")
    assert events(other) == before
    assert all(c["created"] == c["updated"] == c["deleted"] == 0 for c in report["entities"].values())
    again = export(other, tmp_path / "b2.json")
    assert {s: again[s] for s in COMPARED} == {s: snapshot[s] for s in COMPARED}


def test_no_ping_pong(desk: Store, other: Store, tmp_path: Path) -> None:
    """A -> B -> A: the round trip writes no event on A, and B's next incremental export is empty."""
    export(desk, tmp_path / "a.json")
    merge_file(other, tmp_path / "a.json")
    export(other, tmp_path / "b.json")
    before = events(desk)
    report = merge_file(desk, tmp_path / "b.json")
    assert events(desk) == before, report
    export(desk, tmp_path / "a2.json", mode="since-last")
    merge_file(other, tmp_path / "a2.json")
    export(other, tmp_path / "b.json", mode="since-last")
    assert all(n == 0 for n in read_export(tmp_path / "b.json")["counts"].values())


def test_last_writer_wins_both_ways(desk: Store, other: Store, tmp_path: Path) -> None:
    export(desk, tmp_path / "a.json")
    merge_file(other, tmp_path / "a.json")
    job = desk.conn.execute("SELECT id FROM jobs ORDER BY created_at LIMIT 1").fetchone()[0]
    brian = candidate_id(desk, "brian.kowalczyk@example.com")
    app = application_id(desk, job, brian)
    set_stage(desk, app, "rejected")  # older
    set_stage(other, app, "offer")  # newer, on the other desk
    toggle_star(other, app)
    export(desk, tmp_path / "a.json", mode="since-last")
    export(other, tmp_path / "b.json", mode="since-last")

    assert merge_file(other, tmp_path / "a.json")["entities"]["application"]["older"] == 1
    assert merge_file(desk, tmp_path / "b.json")["entities"]["application"]["updated"] == 1
    for store in (desk, other):
        assert store.conn.execute(
            "SELECT stage, starred FROM applications WHERE id = ?", [app]
        ).fetchone() == (
            "offer",
            1,
        )
    # both histories are kept on both desks
    for store in (desk, other):
        stages = {
            r[0]
            for r in store.conn.execute("SELECT to_stage FROM stage_changes WHERE application_id = ?", [app])
        }
        assert {"rejected", "offer"} <= stages


def test_tombstones_delete_unless_the_row_changed_later(desk: Store, other: Store, tmp_path: Path) -> None:
    export(desk, tmp_path / "a.json")
    merge_file(other, tmp_path / "a.json")
    chloe = candidate_id(desk, "chloe.martin@example.com")
    brian = candidate_id(desk, "brian.kowalczyk@example.com")
    delete_candidate(desk, chloe)
    delete_candidate(desk, brian)
    set_tags(other, brian, ["keep"])  # changed on the other desk after the deletion
    export(desk, tmp_path / "a.json", mode="since-last")
    report = merge_file(other, tmp_path / "a.json")
    assert report["entities"]["tombstone"]["deleted"] >= 1
    assert other.conn.execute("SELECT 1 FROM candidates WHERE id = ?", [chloe]).fetchone() is None
    assert (
        other.conn.execute("SELECT COUNT(*) FROM applications WHERE candidate_id = ?", [chloe]).fetchone()[0]
        == 0
    )
    assert other.conn.execute("SELECT 1 FROM candidates WHERE id = ?", [brian]).fetchone() is not None
    assert merge_file(other, tmp_path / "a.json")["entities"]["tombstone"]["deleted"] == 0


def test_older_export_after_newer_does_not_resurrect(desk: Store, other: Store, tmp_path: Path) -> None:
    export(desk, tmp_path / "before.json")
    chloe = candidate_id(desk, "chloe.martin@example.com")
    delete_candidate(desk, chloe)
    export(desk, tmp_path / "after.json")
    merge_file(other, tmp_path / "after.json")
    report = merge_file(other, tmp_path / "before.json")
    assert report["entities"]["candidate"]["tombstoned"] == 1
    assert other.conn.execute("SELECT 1 FROM candidates WHERE id = ?", [chloe]).fetchone() is None


def test_refuses_redacted_and_truncated_files_without_changes(
    desk: Store, other: Store, tmp_path: Path
) -> None:
    export(desk, tmp_path / "r.json", redact=True)
    with pytest.raises(DeskError, match="redacted"):
        merge_file(other, tmp_path / "r.json")
    export(desk, tmp_path / "a.jsonl", fmt="jsonl")
    lines = (tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    (tmp_path / "cut.jsonl").write_text("".join(lines[: len(lines) // 2]), encoding="utf-8")
    with pytest.raises(DeskError, match="truncated"):
        merge_file(other, tmp_path / "cut.jsonl")
    assert events(other) == 0 and other.db["candidates"].count == 0
    doc = json.loads((tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()[0])
    doc["schema_version"] = 99
    (tmp_path / "new.jsonl").write_text(json.dumps(doc) + "\n", encoding="utf-8")
    with pytest.raises(DeskError, match="newer desk"):
        merge_file(other, tmp_path / "new.jsonl")


def test_invalid_entity_is_refused_and_nothing_changes(desk: Store, other: Store, tmp_path: Path) -> None:
    doc = export(desk, tmp_path / "a.json")
    doc["applications"][-1]["stage"] = "ghosted"
    (tmp_path / "bad.json").write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(DeskError, match="invalid application"):
        merge_file(other, tmp_path / "bad.json", validate=True)
    assert events(other) == 0 and other.db["jobs"].count == 0


def test_two_desks_pairing_the_same_job_and_candidate_converge(tmp_path: Path) -> None:
    """Each desk scores the other's data and mints its own application id for the same pair;
    after exchanging exports both keep the smaller id, with the newest stage."""
    a, b = open_store(tmp_path / "a.db"), open_store(tmp_path / "b.db")
    job = add_sample_job(a, "01")
    person = ingest_sample(b, "01").candidate_id
    export(a, tmp_path / "a1.json")
    export(b, tmp_path / "b1.json")
    merge_file(b, tmp_path / "a1.json")  # b scores its candidate for a's job...
    merge_file(a, tmp_path / "b1.json")  # ...and a scores b's candidate: two ids, one pair
    ids = {s.conn.execute("SELECT id FROM applications").fetchone()[0] for s in (a, b)}
    assert len(ids) == 2
    set_stage(a, application_id(a, job, person), "screening")
    for _ in range(2):
        export(a, tmp_path / "a.json", mode="since-last")
        export(b, tmp_path / "b.json", mode="since-last")
        merge_file(b, tmp_path / "a.json")
        merge_file(a, tmp_path / "b.json")
    rows = [s.conn.execute("SELECT id, stage FROM applications").fetchall() for s in (a, b)]
    assert rows[0] == rows[1] and len(rows[0]) == 1
    assert rows[0][0] == (min(ids), "screening")
    for s in (a, b):
        assert s.conn.execute("PRAGMA foreign_key_check").fetchall() == []
        s.close()


def test_two_recruiters_combine_their_work(desk_template: Path, tmp_path: Path) -> None:
    a = copy_desk(desk_template, tmp_path / "a.db", new_id=True)
    b = open_store(tmp_path / "b.db")
    add_sample_job(b, "03")
    for prefix in ("16", "21", "29"):
        ingest_sample(b, prefix)
    export(a, tmp_path / "a.json")
    export(b, tmp_path / "b.json")
    merge_file(a, tmp_path / "b.json")
    merge_file(b, tmp_path / "a.json")
    for _ in range(2):  # new pairs scored on each side travel once more, then all is quiet
        export(a, tmp_path / "a.json", mode="since-last")
        export(b, tmp_path / "b.json", mode="since-last")
        merge_file(a, tmp_path / "b.json")
        merge_file(b, tmp_path / "a.json")
    docs = [export(s, tmp_path / f"final-{i}.json") for i, s in enumerate((a, b))]
    for section in COMPARED:
        assert docs[0][section] == docs[1][section], section
    assert len(docs[0]["jobs"]) == 3
    a.close()
    b.close()


def test_merged_people_keep_their_phone_key_and_duplicates_need_agreeing_names(tmp_path: Path) -> None:
    """Merged candidates are found by the import's phone look-up, and the merge report flags a
    shared phone only between people whose names agree (not an agency's people)."""
    from desk.importer import ImportOptions, import_paths

    resume = "{name}\n{email} | +44 20 7946 0000 | London, UK\n\nSKILLS\nPython, Django\n"
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "claire.txt").write_text(resume.format(name="Claire Dubois", email="claire@a.example"))
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "claire.txt").write_text(
        resume.format(name="CLAIRE DUBOIS", email="c.dubois@b.example")
    )
    (tmp_path / "b" / "javier.txt").write_text(resume.format(name="Javier García", email="javier@b.example"))
    for side in ("a", "b"):
        import_paths(tmp_path / f"{side}.db", [str(tmp_path / side)], ImportOptions(workers=1))
    a, b = open_store(tmp_path / "a.db"), open_store(tmp_path / "b.db")
    try:
        assert b.conn.execute("SELECT COUNT(*) FROM candidates").fetchone() == (2,)  # the agency phone
        export(b, tmp_path / "b.json")
        report = merge_file(a, tmp_path / "b.json")
        names = dict(a.conn.execute("SELECT id, name FROM candidates"))
        flagged = {
            (names[d["candidate_id"]], names[d["other_id"]], d["reason"]) for d in report["duplicates"]
        }
        assert flagged == {("Claire Dubois", "Claire Dubois", "same phone")}
        missing = a.conn.execute("SELECT COUNT(*) FROM candidates WHERE phone_key IS NULL").fetchone()
        assert missing == (0,)
    finally:
        a.close()
        b.close()
