"""A fixed desk for the TUI tests: the 46 sample resumes and 5 sample JDs, built deterministically.

Ids are UUID4s drawn from a seeded generator while the desk is built, and every
resume is parsed as of the same day, so two builds give the same rows, the same
ranks and the same "Candidate #id" labels: snapshots can show them.
"""

from __future__ import annotations

import hashlib
import random
import sqlite3
import uuid
from datetime import date
from pathlib import Path

import pytest

from desk.parse.resume import parse_resume
from desk.profile import build_skills
from desk.services.ingest import ingest
from desk.services.jobs import add_job
from desk.services.taxonomy import taxonomy_for
from desk.store import open_store

SAMPLES = Path(__file__).resolve().parents[2] / "desk" / "samples"
TODAY = date(2026, 6, 1)


def ingest_text(store, text: str, path: str) -> str:  # type: ignore[no-untyped-def]
    """Store one resume the way an import does (parse, skills, dedupe, score)."""
    resume = parse_resume(text, today=TODAY)
    skills = build_skills(text, resume, taxonomy_for(store))
    done = ingest(
        store,
        path=path,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        fmt="txt",
        size=len(text.encode()),
        pages=1,
        text=text,
        layout={},
        resume=resume,
        skills=skills,
        parser_version="test",
    )
    return done.candidate_id


def build_demo(path: Path, *, seed: int = 20260601) -> Path:
    rng = random.Random(seed)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(uuid, "uuid4", lambda: uuid.UUID(int=rng.getrandbits(128), version=4))
        with open_store(path) as store:
            for jd in sorted((SAMPLES / "jobs").glob("*.txt")):
                add_job(store, jd.read_text(encoding="utf-8"), source_path=jd.name)
            for cv in sorted((SAMPLES / "resumes").glob("*.txt")):
                ingest_text(store, cv.read_text(encoding="utf-8"), cv.name)
    return path


def copy_db(source: Path, dest: Path) -> Path:
    """SQLite's backup API: a consistent copy even while the source has a WAL."""
    src, dst = sqlite3.connect(source), sqlite3.connect(dest)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    return dest


async def settle(pilot, rounds: int = 30) -> None:  # type: ignore[no-untyped-def]
    """Wait until no worker runs and the messages they caused are handled (never a sleep)."""
    app = pilot.app
    quiet = 0
    for _ in range(rounds):
        await pilot.pause()
        if any(w.is_running for w in app.workers):
            quiet = 0
            await app.workers.wait_for_complete()
        else:
            quiet += 1
            if quiet >= 2:
                return


def plain(widget) -> str:  # type: ignore[no-untyped-def]
    """The text a Static shows."""
    return str(widget.render())


def table_lines(table) -> list[str]:  # type: ignore[no-untyped-def]
    """The candidate table's visible lines as text (header first)."""
    return [table.render_line(y).text for y in range(table.size.height)]


FIRST = [
    "Ada",
    "Ben",
    "Chloe",
    "Dev",
    "Eli",
    "Fay",
    "Gus",
    "Hana",
    "Ivo",
    "Jun",
    "Kai",
    "Lea",
    "Milo",
    "Nia",
    "Omar",
    "Pia",
    "Quin",
    "Rosa",
    "Sam",
    "Tara",
    "Uma",
    "Vic",
    "Wen",
    "Xia",
    "Yan",
    "Zoe",
]
LAST = [
    "Abe",
    "Brand",
    "Cole",
    "Diaz",
    "Engel",
    "Fox",
    "Gray",
    "Hale",
    "Ito",
    "Jain",
    "Khan",
    "Lund",
    "Moss",
    "Nagy",
    "Ortiz",
    "Park",
    "Quist",
    "Ruiz",
    "Sato",
    "Tan",
]
SKILLS = [
    "python",
    "django",
    "flask",
    "fastapi",
    "postgresql",
    "mysql",
    "cassandra",
    "kafka",
    "docker",
    "kubernetes",
    "aws",
    "azure",
    "git",
    "pytest",
    "java",
    "javascript",
    "typescript",
    "react",
    "go",
    "terraform",
    "linux",
    "sql",
    "redis",
    "spark",
    "airflow",
]
STAGE_MIX = ("new",) * 12 + ("screening", "screening", "interview", "offer", "hired", "rejected")


def synthetic_desk(path: Path, n: int, *, jobs: int = 3, seed: int = 7) -> list[str]:
    """A desk with ``n`` generated candidates written straight into the tables (executemany).

    For paging tests and the TUI benchmark: the three sample jobs are real, the
    candidates and their scores are random but fixed by ``seed``. Returns the job ids.
    """
    rng = random.Random(seed)
    now = "2026-06-01T00:00:00.000000Z"
    with open_store(path) as store:
        job_ids = [
            add_job(store, jd.read_text(encoding="utf-8"), source_path=jd.name)
            for jd in sorted((SAMPLES / "jobs").glob("*.txt"))[:jobs]
        ]
        people, skills, apps = [], [], []
        for i in range(n):
            cid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {i}"
            own = rng.sample(SKILLS, rng.randint(3, 9))
            text = f"{name}\nEngineer with {', '.join(own)}.\n"
            people.append(
                (
                    cid,
                    name,
                    f"p{i}@example.com",
                    f"Town {i % 50}",
                    round(rng.uniform(0, 20), 1),
                    text,
                    now,
                    now,
                )
            )
            for sid in own:
                months = rng.randint(0, 96)
                skills.append(
                    (cid, sid, "exact", 100.0, 1, months, 2026, '["work"]', sid, rng.randint(400, 1000))
                )
            for job in job_ids:
                score = round(rng.uniform(0, 100), 2)
                apps.append(
                    (
                        str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                        job,
                        cid,
                        rng.choice(STAGE_MIX),
                        score,
                        rng.randint(0, 20),
                        20,
                        int(rng.random() < 0.02),
                        now,
                        now,
                    )
                )
        with store.write():
            store.conn.executemany(
                "INSERT INTO candidates (id, name, email, location, years_experience, text, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                people,
            )
            store.conn.executemany(
                "INSERT INTO candidate_skills (candidate_id, skill_id, how, similarity, mentions, months, last_year, "
                "sources, evidence, strength) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                skills,
            )
            store.conn.executemany(
                "INSERT INTO applications (id, job_id, candidate_id, stage, score, met, required_total, starred, "
                "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                apps,
            )
    return job_ids


def record_notifications(app) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    """(message, severity, title) of every notification, kept after the toast times out."""
    seen: list[tuple[str, str, str]] = []
    notify = app.notify

    def spy(message, *, title="", severity="information", **kw):  # type: ignore[no-untyped-def]
        seen.append((str(message), severity, title))
        return notify(message, title=title, severity=severity, **kw)

    app.notify = spy
    return seen
