"""Scores written at import are the store's: the writer's own facts equal what a re-rank reads back."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from desk.importer import ImportOptions, import_paths
from desk.parse.resume import parse_resume
from desk.profile import build_skills
from desk.services.candidates import save_candidate, scored_columns
from desk.services.jobs import add_job
from desk.services.ranking import facts_for, facts_from, rescore_job
from desk.store import Store, open_store
from tests.importer.files import ROOT, SAMPLE_FILES

JOBS = sorted((ROOT / "desk" / "samples" / "jobs").glob("*.txt"))


def _unchanged_by_a_full_rerank(db_path: Path) -> None:
    with open_store(db_path) as store:
        jobs = [r[0] for r in store.conn.execute("SELECT id FROM jobs")]
        candidates = store.conn.execute("SELECT COUNT(*) FROM candidates").fetchone()[0]
        assert store.conn.execute("SELECT COUNT(*) FROM applications").fetchone()[0] == len(jobs) * candidates
        for job_id in jobs:
            assert rescore_job(store, job_id) == 0  # every score, met and total already as a re-rank says


@pytest.mark.parametrize("batch_size", [1, 32])
def test_import_scores_equal_a_full_rerank_including_merged_people(
    tmp_path: Path, db_path: Path, batch_size: int
) -> None:
    """Same-person merges in one batch and across batches: the newer resume wins the profile,
    an older one only adds a document, and the scores follow whichever is stored."""
    with open_store(db_path) as store:
        for job in JOBS:
            add_job(store, job.read_text(encoding="utf-8"))
    folder = tmp_path / "in"
    folder.mkdir()
    for src in sorted(SAMPLE_FILES.iterdir())[:20]:
        shutil.copy(src, folder / src.name)
    for stem in ("45-priya-raghunathan", "46-kenji-watanabe"):  # the same people as 03 and 10
        [src] = SAMPLE_FILES.glob(f"{stem}.*")
        shutil.copy(src, folder / src.name)
    report = import_paths(db_path, [str(folder)], ImportOptions(workers=2, batch_size=batch_size))
    assert report.failed == [] and report.updated == 2
    _unchanged_by_a_full_rerank(db_path)


def test_facts_from_a_parsed_resume_equal_the_facts_read_back(store: Store) -> None:
    for path in sorted((ROOT / "desk" / "samples" / "resumes").glob("*.txt"))[:12]:
        text = path.read_text(encoding="utf-8")
        resume = parse_resume(text)
        if path.name.startswith("01"):  # a whole number of years: the store gives it back as a float
            resume = dataclasses.replace(resume, years_experience=7)
        skills = build_skills(text, resume)
        with store.write():
            cid = save_candidate(store, resume=resume, text=text, skills=skills)
        mine = facts_from(cid, scored_columns(resume), list(skills.values()))
        stored = facts_for(store, cid)
        assert mine == stored
        assert list(mine.skills) == list(stored.skills)  # same order too
        assert type(mine.years_experience) is type(stored.years_experience)
