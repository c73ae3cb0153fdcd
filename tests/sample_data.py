"""Put the bundled sample resumes and JDs into a real store, through the real pipeline.

Shared by the CLI, scoring and export tests (tests/ is on sys.path via its conftest).
"""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import desk
from desk.parse.resume import parse_resume
from desk.profile import build_skills
from desk.services.ingest import Ingested, ingest
from desk.services.taxonomy import taxonomy_for
from desk.store import Store

SAMPLES = Path(desk.__file__).parent / "samples"
TODAY = date(2026, 12, 1)


def sample(kind: str, prefix: str) -> Path:
    """A sample file by its number or stem prefix ("01", "01-daniel-okafor")."""
    return next((SAMPLES / kind).glob(f"{prefix}*.txt"))


def ingest_text(store: Store, text: str, name: str, *, today: date = TODAY) -> Ingested:
    resume = parse_resume(text, today=today)
    return ingest(
        store,
        path=name,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        fmt="txt",
        size=len(text),
        pages=1,
        text=text,
        layout={},
        resume=resume,
        skills=build_skills(text, resume, taxonomy_for(store)),
        parser_version="test",
    )


def ingest_sample(store: Store, prefix: str, *, today: date = TODAY) -> Ingested:
    path = sample("resumes", prefix)
    return ingest_text(store, path.read_text(encoding="utf-8"), str(path), today=today)
