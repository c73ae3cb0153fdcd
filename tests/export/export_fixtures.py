"""Build real desks from the shipped samples, through the services, for export tests.

Building one takes about a second, so a session builds a template once and each
test gets its own copy (SQLite's backup API), optionally under a new desk id.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import uuid
from datetime import date
from pathlib import Path
from typing import Any

from sample_data import ingest_sample as shared_ingest_sample
from sample_data import ingest_text as shared_ingest_text
from sample_data import sample as shared_sample

import desk
from desk.export.schema import document_validator, errors, line_validator
from desk.services.deletion import delete_candidate
from desk.services.ingest import Ingested
from desk.services.jobs import add_job
from desk.services.pipeline import add_note, application_id, set_stage, toggle_star
from desk.store import Store, open_store

SAMPLES = Path(desk.__file__).parent / "samples"
TODAY = date(2026, 6, 1)
JOBS = ("01", "02")
RESUMES = ("01", "02", "03", "05", "06", "10", "13", "45", "46")


def sample(kind: str, prefix: str) -> Path:
    return shared_sample(kind, f"{prefix}-")


def add_sample_job(store: Store, prefix: str) -> str:
    path = sample("jobs", prefix)
    return add_job(store, path.read_text(encoding="utf-8"), source_path=str(path))


def ingest_text(store: Store, text: str, name: str) -> Ingested:
    return shared_ingest_text(store, text, name, today=TODAY)


def ingest_sample(store: Store, prefix: str) -> Ingested:
    return shared_ingest_sample(store, f"{prefix}-", today=TODAY)


def candidate_id(store: Store, email: str) -> str:
    return store.conn.execute("SELECT id FROM candidates WHERE email = ?", [email]).fetchone()[0]


def build_desk(path: Path, *, work: bool = True) -> Store:
    """Two JDs, nine resumes (two of them duplicates), stages, a star, notes, one deletion."""
    store = open_store(path)
    jobs = [add_sample_job(store, p) for p in JOBS]
    for prefix in RESUMES:
        ingest_sample(store, prefix)
    if work:
        daniel = candidate_id(store, "daniel.okafor@example.com")
        app = application_id(store, jobs[0], daniel)
        set_stage(store, app, "screening")
        set_stage(store, app, "interview")
        toggle_star(store, app)
        add_note(
            store, daniel, "Strong Django; call Daniel on +44 20 7946 0958 before Friday", job_id=jobs[0]
        )
        add_note(store, daniel, "Prefers remote")
        tyler = candidate_id(store, "tyler.nguyen@example.com")
        set_stage(store, application_id(store, jobs[0], tyler), "screening")
        add_note(store, tyler, "Too junior for now")
        delete_candidate(store, tyler)
    return store


def copy_desk(template: Path, dest: Path, *, new_id: bool = False) -> Store:
    src = sqlite3.connect(template)
    dst = sqlite3.connect(dest)
    with dst:
        src.backup(dst)
    src.close()
    dst.close()
    store = open_store(dest)
    if new_id:
        with store.write():
            store.conn.execute("UPDATE meta SET value = ? WHERE key = 'desk_id'", [str(uuid.uuid4())])
    return store


# -- reading and checking exports -----------------------------------------------------------------
#: jsonschema needs ~10 ms an entity; the same entity recurs in many exports of one test run,
#: and validity is a function of content alone, so each distinct content is checked once.
_VALID: set[str] = set()


def _check(validator: Any, item: dict[str, Any]) -> None:
    key = hashlib.sha256(json.dumps(item, sort_keys=True).encode()).hexdigest()
    if key in _VALID:
        return
    assert errors(validator, item, limit=5) == [], item.get("type")
    _VALID.add(key)


def read_export(path: Path) -> dict[str, Any]:
    """Either form as one dict (JSON Lines gathered into the JSON form's arrays), schema-checked."""
    text = path.read_text(encoding="utf-8")
    first = text.split("\n", 1)[0]
    try:
        head = json.loads(first)
    except json.JSONDecodeError:
        head = {}
    if head.get("type") != "header":
        doc = json.loads(text)
        header = {k: v for k, v in doc.items() if not isinstance(v, list) and k != "counts"}
        _check(line_validator("header"), {"type": "header", **header})
        for section, items in doc.items():
            if isinstance(items, list):
                for item in items:
                    _check(line_validator(section[:-1]), {"type": section[:-1], **item})
        slim = {k: (v[:1] if isinstance(v, list) else v) for k, v in doc.items()}
        assert errors(document_validator(), slim, limit=5) == []  # the envelope, by the whole schema
        return doc
    sections = {
        "job": "jobs",
        "candidate": "candidates",
        "application": "applications",
        "note": "notes",
        "stage_change": "stage_changes",
        "tombstone": "tombstones",
    }
    lines = [json.loads(line) for line in text.splitlines() if line.strip()]
    doc: dict[str, Any] = {k: v for k, v in lines[0].items() if k != "type"}
    for name in sections.values():
        doc[name] = []
    assert lines[-1]["type"] == "end"
    for line in lines:
        _check(line_validator(line["type"]), line)
    for line in lines[1:-1]:
        kind = line.pop("type")
        doc[sections[kind]].append(line)
    doc["counts"] = lines[-1]["counts"]
    return doc
