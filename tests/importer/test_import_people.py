"""Who ends up in the database: one candidate per person across formats, scored at once, and the demo."""

from __future__ import annotations

import shutil
from pathlib import Path

from desk.importer import ImportOptions, import_paths
from desk.services.demo import build_demo
from desk.services.jobs import add_job
from desk.store import open_store
from tests.importer.files import ROOT, SAMPLE_FILES, person


def test_same_person_in_two_formats_is_one_candidate_with_two_documents(
    tmp_path: Path, db_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for stem in ("03-priya-raghunathan", "45-priya-raghunathan", "10-kenji-watanabe", "46-kenji-watanabe"):
        [src] = SAMPLE_FILES.glob(f"{stem}.*")  # txt + pdf, docx + two-column pdf
        shutil.copy(src, folder / src.name)
    report = import_paths(db_path, [str(folder)], ImportOptions(workers=2))
    assert (report.imported, report.updated, report.failed) == (2, 2, [])
    assert len(report.candidates) == 2
    reasons = sorted(m["reason"] for m in report.merged)
    assert reasons[0].startswith("same email priya.raghunathan@example.com")
    assert reasons[1].startswith("same phone")  # "+1 646-555-0192" written "+1 (646) 555-0192"
    with open_store(db_path) as store:
        docs = store.conn.execute(
            "SELECT c.name, COUNT(d.id) FROM candidates c JOIN documents d ON d.candidate_id = c.id GROUP BY c.id"
        ).fetchall()
        assert sorted(n for _, n in docs) == [2, 2]
        assert {name.lower() for name, _ in docs} == {"priya raghunathan", "kenji watanabe"}


def test_phone_written_differently_is_the_same_person(tmp_path: Path, db_path: Path) -> None:
    (tmp_path / "a.txt").write_text(person(1).replace("+1 555 010010", "+1 646-555-0192"))
    other = person(2).replace("+1 555 010020", "+1 (646) 555-0192")
    (tmp_path / "b.txt").write_text(other)
    report = import_paths(
        db_path, [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], ImportOptions(workers=1)
    )
    assert (report.imported, report.updated) == (1, 1)
    assert report.merged[0]["reason"] == "same phone +1 (646) 555-0192"


def test_demo_database_has_every_job_and_candidate_scored(tmp_path: Path) -> None:
    demo = tmp_path / "demo.db"
    demo.write_text("an old demo file, replaced")
    summary = build_demo(demo, workers=2)
    assert (summary["imported"], summary["updated"], summary["failed"]) == (44, 2, [])
    assert len(summary["jobs"]) == 5
    with open_store(demo) as store:
        assert store.db["candidates"].count == 44
        # scored at import: one application per open job and candidate, each with a score
        row = store.conn.execute("SELECT COUNT(*), COUNT(score) FROM applications").fetchone()
        assert row == (5 * 44, 5 * 44)
        formats = {r[0] for r in store.conn.execute("SELECT DISTINCT format FROM documents")}
        assert formats == {"pdf", "docx", "txt", "md", "json"}
        json_person = store.conn.execute(
            "SELECT c.name FROM candidates c JOIN documents d ON d.candidate_id = c.id WHERE d.format = 'json'"
        ).fetchone()
        assert json_person == ("Tyler Nguyen",)


def test_candidates_imported_after_a_job_are_ranked_for_it(tmp_path: Path, db_path: Path) -> None:
    with open_store(db_path) as store:
        job = add_job(store, (ROOT / "desk" / "samples" / "jobs" / "01-backend-developer.txt").read_text())
    for i in range(3):
        (tmp_path / f"p{i}.txt").write_text(person(i))
    report = import_paths(db_path, [str(tmp_path)], ImportOptions(workers=1, batch_size=2))
    with open_store(db_path) as store:
        scored = store.conn.execute(
            "SELECT candidate_id, score FROM applications WHERE job_id = ? ORDER BY candidate_id", [job]
        ).fetchall()
    assert sorted(c for c, _ in scored) == sorted(report.candidates)
    assert all(score > 0 for _, score in scored)


def test_agency_contact_details_do_not_merge_different_people(tmp_path: Path, db_path: Path) -> None:
    """An agency's mailbox and phone on every resume it sends: two people stay two candidates."""
    agency = "talent@agency.example | +44 20 7946 0000"
    a = (
        person(1)
        .replace("Ben Tester001", "Claire Dubois")
        .replace("ben.tester001@example.com | +1 555 010010", agency)
    )
    b = (
        person(2)
        .replace("Cai Tester002", "Javier García")
        .replace("cai.tester002@example.com | +1 555 010020", agency)
    )
    # the same person again, through the same agency: still merged
    c = (
        person(3)
        .replace("Dee Tester003", "CLAIRE DUBOIS")
        .replace("dee.tester003@example.com | +1 555 010030", agency)
    )
    for name, text in (("a.txt", a), ("b.txt", b), ("c.txt", c)):
        (tmp_path / name).write_text(text)
    paths = [str(tmp_path / n) for n in ("a.txt", "b.txt", "c.txt")]
    report = import_paths(db_path, paths, ImportOptions(workers=1))
    assert (report.imported, report.updated) == (2, 1)
    assert [m["path"].rsplit("/", 1)[-1] for m in report.merged] == ["c.txt"]
    assert report.merged[0]["reason"] == "same email talent@agency.example"
    with open_store(db_path) as store:
        names = store.conn.execute(
            "SELECT c.name, COUNT(d.id) FROM candidates c JOIN documents d ON d.candidate_id = c.id "
            "GROUP BY c.id ORDER BY c.name"
        ).fetchall()
    assert [(n.lower(), k) for n, k in names] == [("claire dubois", 2), ("javier garcía", 1)]
