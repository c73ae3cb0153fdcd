"""One export, start to end: a consistent snapshot, the selection, the streamed entities.

The whole export runs in one read transaction, so it sees a single moment of the
database even while the TUI or an import keeps writing; ``to_seq`` is the last
event of that moment, and a later incremental export starts right after it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import desk
from desk.clock import utcnow
from desk.errors import DeskError, NotFoundError
from desk.export import entities, redact, selection
from desk.export.cursor import get_cursor
from desk.export.writer import SECTIONS, JsonlSink, JsonSink
from desk.scoring import SCORER_VERSION
from desk.services.taxonomy import taxonomy_for
from desk.store import Store

FORMAT = "desk-export"
SCHEMA_VERSION = 1
MODES = ("all", "since-last")
FORMATS = ("json", "jsonl")
#: Entities read per query: big enough to amortise SQL, small enough to keep memory flat.
CHUNK = 500

#: Called after each entity written with (entity type, entities written so far);
#: for progress bars, and for tests that interrupt an export half-way.
Progress = Callable[[str, int], None]


@dataclass(frozen=True)
class Plan:
    desk_id: str
    mode: str
    job_id: str | None
    target: str
    from_seq: int
    to_seq: int
    redact: bool
    generated_at: str

    def header(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "schema_version": SCHEMA_VERSION,
            "desk_id": self.desk_id,
            "desk_version": desk.__version__,
            "generated_at": self.generated_at,
            "scorer_version": SCORER_VERSION,
            "mode": self.mode,
            "job_id": self.job_id,
            "redacted": self.redact,
            "range": {"from_seq": self.from_seq, "to_seq": self.to_seq},
        }


def check_options(mode: str, fmt: str) -> None:
    if mode not in MODES:
        raise DeskError(f"export mode must be one of {', '.join(MODES)}, not {mode!r}")
    if fmt not in FORMATS:
        raise DeskError(f"export format must be one of {', '.join(FORMATS)}, not {fmt!r}")


@contextlib.contextmanager
def snapshot(store: Store) -> Iterator[None]:
    """A read transaction for the whole export; its TEMP tables go with it."""
    if store.conn.in_transaction:  # the caller's transaction already pins a snapshot
        try:
            yield
        finally:
            selection.drop(store)
        return
    store.conn.execute("BEGIN")
    try:
        yield
    finally:
        if store.conn.in_transaction:
            store.conn.execute("ROLLBACK")


def make_plan(store: Store, *, mode: str, job_id: str | None, target: str, redact: bool) -> Plan:
    """Decide the range and fill the selection; call inside :func:`snapshot`."""
    if job_id is not None and not store.conn.execute("SELECT 1 FROM jobs WHERE id = ?", [job_id]).fetchone():
        raise NotFoundError(f"no job {job_id}")
    to_seq = store.last_seq()
    from_seq = get_cursor(store, target) if mode == "since-last" else 0
    from_seq = min(from_seq, to_seq)
    selection.prepare(
        store, from_seq=from_seq, to_seq=to_seq, job_id=job_id, incremental=mode == "since-last"
    )
    return Plan(store.desk_id, mode, job_id, target, from_seq, to_seq, redact, utcnow())


def _entities(store: Store, section: str, plan: Plan) -> Iterator[dict[str, Any]]:
    if section == "tombstones":
        yield from selection.tombstones(store, from_seq=plan.from_seq, to_seq=plan.to_seq)
        return
    name_of = taxonomy_for(store).name
    job_cache = entities.JobCache(store)
    for ids in selection.chunks(store, section, CHUNK):
        if section == "jobs":
            rows = entities.jobs(store, ids)
            yield from (redact.job(r) for r in rows) if plan.redact else rows
        elif section == "candidates":
            rows = entities.candidates(store, ids, name_of)
            yield from (redact.candidate(r, plan.desk_id) for r in rows) if plan.redact else rows
        elif section == "applications":
            rows = entities.applications(store, ids, job_cache)
            yield from (redact.application(r) for r in rows) if plan.redact else rows
        elif section == "notes":
            rows = entities.notes(store, ids)
            yield from (redact.note(r) for r in rows) if plan.redact else rows
        else:
            yield from entities.stage_changes(store, ids)


def write(
    store: Store, sink: JsonSink | JsonlSink, plan: Plan, progress: Progress | None = None
) -> dict[str, int]:
    """Stream every selected entity into ``sink``; returns the count per section."""
    sink.header(plan.header())
    counts: dict[str, int] = {}
    total = 0
    for section, kind in SECTIONS:
        sink.begin(section)
        n = 0
        for entity in _entities(store, section, plan):
            sink.entity(kind, entity)
            n += 1
            total += 1
            if progress is not None:
                progress(kind, total)
        counts[section] = n
    sink.finish(counts)
    return counts
