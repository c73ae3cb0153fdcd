"""Listing and reading sources: folders, globs, junk, zip safety, sizes, JSON Resume mapping (no workers)."""

from __future__ import annotations

import json
import zipfile
from datetime import date
from pathlib import Path

import pytest

from desk.errors import DeskError
from desk.extract import extract_bytes
from desk.importer import ImportOptions, parse_size
from desk.importer.jsonresume import resume_from_json
from desk.importer.sources import expand, iter_loaded
from desk.importer.worker import WorkerConfig, process
from tests.importer.files import JSON_RESUME, sample


def test_parse_size_reads_what_people_type() -> None:
    assert parse_size("20MB") == 20_000_000
    assert parse_size("500k") == 500_000
    assert parse_size("1.5 MiB") == int(1.5 * 2**20)
    assert parse_size("1234") == 1234
    with pytest.raises(DeskError, match="cannot read size"):
        parse_size("twenty")


def test_options_refuse_nonsense() -> None:
    with pytest.raises(DeskError, match="PDF engine"):
        ImportOptions(pdf_engine="ghostscript")
    with pytest.raises(DeskError, match="timeout"):
        ImportOptions(timeout=0)


def test_folders_recurse_skip_junk_and_globs_match(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.txt").write_text("x")
    (tmp_path / "a" / "b" / "two.md").write_text("x")
    (tmp_path / "a" / ".DS_Store").write_text("x")
    (tmp_path / "a" / "~$open.docx").write_text("x")
    (tmp_path / "a" / ".git").mkdir()
    (tmp_path / "a" / ".git" / "config").write_text("x")
    names = [Path(s.display).name for s in expand([str(tmp_path / "a")], ImportOptions())]
    assert names == ["one.txt", "two.md"]
    globbed = expand([str(tmp_path / "a" / "**" / "*.md")], ImportOptions())
    assert [Path(s.display).name for s in globbed] == ["two.md"]
    # the same file named twice (folder and file) is listed once
    assert len(expand([str(tmp_path / "a"), str(tmp_path / "a" / "one.txt")], ImportOptions())) == 2


def test_missing_paths_are_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DeskError, match="no such file or folder"):
        expand([str(tmp_path / "nope")], ImportOptions())
    with pytest.raises(DeskError, match="no files match"):
        expand([str(tmp_path / "*.pdf")], ImportOptions())


def test_zip_entries_are_checked_before_reading(tmp_path: Path) -> None:
    archive = tmp_path / "in.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("ok/resume.txt", sample(1))
        zf.writestr("../../etc/passwd.txt", "x")
        zf.writestr("/abs/resume.txt", "x")
        zf.writestr("C:/win/resume.txt", "x")
        zf.writestr("bomb.txt", b"\0" * 3_000_000)
        zf.writestr("__MACOSX/._resume.txt", "x")
        zf.writestr("nested.zip", b"PK\x03\x04")
    options = ImportOptions()
    loaded = {
        Path(x.source.member or "").as_posix(): x
        for x in iter_loaded(expand([str(archive)], options), options)
    }
    assert loaded["ok/resume.txt"].failure is None and loaded["ok/resume.txt"].data == sample(1).encode()
    for name in ("../../etc/passwd.txt", "/abs/resume.txt", "C:/win/resume.txt"):
        assert loaded[name].failure[0] == "unsafe-path", name
    assert loaded["bomb.txt"].failure[0] == "zip-bomb"
    assert loaded["nested.zip"].failure[0] == "unsupported"
    assert not any("MACOSX" in k for k in loaded)
    # refused entries still get a stable id, so their failure is recorded once
    again = [x.sha256 for x in iter_loaded(expand([str(archive)], options), options)]
    assert again == [x.sha256 for x in loaded.values()]


def test_zip_total_limit_stops_an_archive_that_expands_too_far(tmp_path: Path) -> None:
    archive = tmp_path / "many.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_STORED) as zf:
        for i in range(5):
            zf.writestr(f"r{i}.txt", sample(i + 1))
    options = ImportOptions(zip_total_bytes=len(sample(1).encode()) + len(sample(2).encode()) + 10)
    codes = [
        x.failure[0] if x.failure else "ok" for x in iter_loaded(expand([str(archive)], options), options)
    ]
    assert codes == ["ok", "ok", "zip-bomb", "zip-bomb", "zip-bomb"]


def test_damaged_zip_is_one_failed_source(tmp_path: Path) -> None:
    (tmp_path / "bad.zip").write_bytes(b"PK\x03\x04 not really a zip")
    options = ImportOptions()
    [only] = list(iter_loaded(expand([str(tmp_path / "bad.zip")], options), options))
    assert only.failure[0] == "corrupt" and len(only.sha256) == 64


def test_json_resume_fields_win_over_parsing() -> None:
    extracted = extract_bytes(json.dumps(JSON_RESUME).encode(), "ada.json")
    resume = resume_from_json(extracted.json_resume, extracted.text, today=date(2026, 1, 1))
    assert (resume.name, resume.email, resume.phone) == (
        "Ada Quill",
        "ada.quill@example.org",
        "+44 7700 900123",
    )
    assert resume.location == "Manchester, GB"
    assert [(w.company, w.title, w.start, w.end, w.current) for w in resume.work] == [
        ("Northwind Freight", "Senior Backend Engineer", "2021-03", None, True),
        ("Acme Analytics", "Backend Engineer", "2017-09", "2021-02", False),
    ]
    assert resume.years_experience == pytest.approx(8.3, abs=0.1)  # 2017-09 .. 2026-01, no gap
    assert resume.education[0].level == "bachelor" and resume.education[0].school == "University of Leeds"
    # offsets point at each entry's text, so skills are credited to the right job
    first = resume.work[0]
    assert "routing API" in extracted.text[first.start_offset : first.end_offset]


def test_worker_payload_crosses_processes(tmp_path: Path) -> None:
    """The payload goes through a pipe: it must pickle, and come back as the model objects."""
    import pickle

    from desk.model import CandidateSkill, Resume

    path = tmp_path / "r.txt"
    path.write_text(sample(1))
    out = process({"id": 7, "path": str(path), "name": "r.txt", "display": "r.txt"}, WorkerConfig(), None)
    out = pickle.loads(pickle.dumps(out))
    assert out["ok"] and out["id"] == 7 and out["format"] == "txt"
    assert isinstance(out["resume"], Resume) and out["resume"].email == "daniel.okafor@example.com"
    assert isinstance(out["skills"]["python"], CandidateSkill)
    bad = tmp_path / "x.pdf"
    bad.write_bytes(b"%PDF-1.4 garbage")
    failed = process({"id": 8, "path": str(bad), "name": "x.pdf", "display": "x.pdf"}, WorkerConfig(), None)
    assert (failed["ok"], failed["code"]) == (False, "corrupt") and len(failed["sha256"]) == 64
