"""Which rows an export covers, kept in TEMP tables so 100,000 ids never sit in Python.

An incremental export covers the change-log events ``from_seq < seq <= to_seq``:

- a job changed if it or one of its requirements has an event;
- a candidate changed if it or one of its documents has an event;
- an application changed if it has an event, or its job or its candidate changed
  (their scores are recomputed then, without events of their own);
- notes and stage changes by their own events;
- deletions become tombstones.

``--job`` narrows everything to one job: its applications, their candidates,
those candidates' notes about this job or no job, and the applications' stage
changes. Because another job's export may have carried a candidate before, a
candidate newly paired with this job counts as changed for a ``--job`` export.

Tombstones are not narrowed by ``--job``: a deleted row's job is gone with it, and
a receiver told of an unrelated deletion only deletes what was deleted anyway.

The tables live in the export's read transaction and vanish with it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from desk.store import Store

TABLES = ("jobs", "candidates", "applications", "notes", "stage_changes")
APP_ORDER = "temp.desk_export_app_order"


def temp_name(table: str) -> str:
    return f"temp.desk_export_{table}"


def _changed(entity: str) -> str:
    """Ids of one entity with a create/update event in the range (params: from, to)."""
    return (
        "SELECT entity_id FROM events WHERE seq > :lo AND seq <= :hi "
        f"AND entity = '{entity}' AND op != 'delete'"
    )


_INCREMENTAL = {
    "jobs": f"""
        SELECT id FROM jobs WHERE id IN ({_changed("job")})
           OR id IN (SELECT substr(entity_id, 1, instr(entity_id, '/') - 1)
                     FROM events WHERE seq > :lo AND seq <= :hi AND entity = 'requirement')""",
    "candidates": f"""
        SELECT id FROM candidates WHERE id IN ({_changed("candidate")})
           OR id IN (SELECT candidate_id FROM documents WHERE id IN ({_changed("document")}))""",
    "applications": f"""
        SELECT id FROM applications WHERE id IN ({_changed("application")})
           OR job_id IN (SELECT id FROM {temp_name("jobs")})
           OR candidate_id IN (SELECT id FROM {temp_name("candidates")})""",
    "notes": f"SELECT id FROM notes WHERE id IN ({_changed('note')})",
    "stage_changes": f"SELECT id FROM stage_changes WHERE id IN ({_changed('stage_change')})",
}

_JOB_NEW_PAIRS = f"""
    INSERT OR IGNORE INTO {temp_name("candidates")}
    SELECT candidate_id FROM applications
    WHERE job_id = :job AND id IN (
        SELECT entity_id FROM events WHERE seq > :lo AND seq <= :hi
        AND entity = 'application' AND op = 'create')"""

_JOB_FILTER = {
    "jobs": "DELETE FROM {t} WHERE id != :job",
    "applications": "DELETE FROM {t} WHERE id NOT IN (SELECT id FROM applications WHERE job_id = :job)",
    "candidates": "DELETE FROM {t} WHERE id NOT IN (SELECT candidate_id FROM applications WHERE job_id = :job)",
    "notes": """DELETE FROM {t} WHERE id NOT IN (
        SELECT n.id FROM notes n JOIN applications a ON a.candidate_id = n.candidate_id AND a.job_id = :job
        WHERE n.job_id IS NULL OR n.job_id = :job)""",
    "stage_changes": """DELETE FROM {t} WHERE id NOT IN (
        SELECT s.id FROM stage_changes s JOIN applications a ON a.id = s.application_id
        WHERE a.job_id = :job)""",
}


def prepare(store: Store, *, from_seq: int, to_seq: int, job_id: str | None, incremental: bool) -> None:
    """Fill one TEMP id table per entity; call inside the export's read transaction."""
    conn = store.conn
    params: dict[str, Any] = {"lo": from_seq, "hi": to_seq, "job": job_id}
    for table in TABLES:
        conn.execute(f"DROP TABLE IF EXISTS {temp_name(table)}")
        conn.execute(f"CREATE TABLE {temp_name(table)} (id TEXT PRIMARY KEY) WITHOUT ROWID")
    for table in TABLES:
        source = _INCREMENTAL[table] if incremental else f"SELECT id FROM {table}"
        conn.execute(f"INSERT OR IGNORE INTO {temp_name(table)} {source}", params)
    if job_id is not None:
        if incremental:
            conn.execute(_JOB_NEW_PAIRS, params)
        for table in TABLES:
            conn.execute(_JOB_FILTER[table].format(t=temp_name(table)), params)
    # applications go out grouped by candidate, so each chunk reads a candidate's facts once
    conn.execute(f"DROP TABLE IF EXISTS {APP_ORDER}")
    conn.execute(
        f"CREATE TABLE {APP_ORDER} (candidate_id TEXT, id TEXT, PRIMARY KEY (candidate_id, id)) WITHOUT ROWID"
    )
    conn.execute(
        f"INSERT INTO {APP_ORDER} SELECT a.candidate_id, a.id FROM applications a "
        f"WHERE a.id IN (SELECT id FROM {temp_name('applications')})"
    )


def drop(store: Store) -> None:
    for table in TABLES:
        store.conn.execute(f"DROP TABLE IF EXISTS {temp_name(table)}")
    store.conn.execute(f"DROP TABLE IF EXISTS {APP_ORDER}")


def count(store: Store, table: str) -> int:
    return int(store.conn.execute(f"SELECT COUNT(*) FROM {temp_name(table)}").fetchone()[0])


def chunks(store: Store, table: str, size: int) -> Iterator[list[str]]:
    """Selected ids of one table in id order (applications: by candidate), ``size`` at a time."""
    if table == "applications":
        yield from _app_chunks(store, size)
        return
    last = ""
    while True:
        ids = [
            r[0]
            for r in store.conn.execute(
                f"SELECT id FROM {temp_name(table)} WHERE id > ? ORDER BY id LIMIT ?", [last, size]
            )
        ]
        if not ids:
            return
        yield ids
        last = ids[-1]


def _app_chunks(store: Store, size: int) -> Iterator[list[str]]:
    last = ("", "")
    while True:
        rows = store.conn.execute(
            f"SELECT candidate_id, id FROM {APP_ORDER} WHERE (candidate_id, id) > (?, ?) "
            "ORDER BY candidate_id, id LIMIT ?",
            [*last, size],
        ).fetchall()
        if not rows:
            return
        yield [r[1] for r in rows]
        last = rows[-1]


def tombstones(store: Store, *, from_seq: int, to_seq: int) -> Iterator[dict[str, Any]]:
    """One tombstone per deleted entity in the range (its latest delete event)."""
    cur = store.conn.execute(
        "SELECT entity, entity_id, MAX(seq) AS seq, at, data FROM events "
        "WHERE op = 'delete' AND seq > ? AND seq <= ? GROUP BY entity, entity_id ORDER BY seq",
        [from_seq, to_seq],
    )
    for entity, entity_id, seq, at, data in cur:
        extra = json.loads(data) if data else {}
        deleted_at = extra.get("deleted_at") or at
        stone: dict[str, Any] = {
            "entity": entity,
            "id": entity_id,
            "deleted_at": deleted_at,
            "updated_at": deleted_at,
            "seq": seq,
        }
        if extra.get("merged_into"):
            stone["merged_into"] = extra["merged_into"]
        yield stone
