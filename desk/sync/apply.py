"""Apply one export to the server: upsert by id, last writer wins, tombstones delete.

The rules are the ones ``desk merge`` follows (see :mod:`desk.export.merge`):

- a row is written only if ``(updated_at, content_hash)`` is greater than the
  stored one's, so an equal row is a no-op and an older one is ignored, and the
  result does not depend on the order exports arrive in;
- an application's stage and star follow ``updated_at``, its score ``scored_at``;
- a tombstone is kept forever; it deletes rows not changed after it, and an
  incoming row it is not older than is not written (no resurrection by an old file);
- stage changes are history: inserted once, never rewritten.

Each file is applied in one transaction under an advisory lock, batch by batch
(psycopg pipelines ``executemany``), with a report of what happened to each kind.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby
from typing import Any

from desk.export.merge_rows import USER_FIELDS, content_hash
from desk.export.reader import ExportFile
from desk.sync.pg import LOCK_KEY, SCHEMA

BATCH = 500

_NOT_DELETED = (
    f"WHERE NOT EXISTS (SELECT 1 FROM {SCHEMA}.tombstones d WHERE d.entity = %(entity)s "
    "AND d.id = %(id)s AND d.deleted_at >= %(updated_at)s::timestamptz)"
)

UPSERT = {
    "job": f"""
        INSERT INTO {SCHEMA}.jobs AS t (id, origin_desk, updated_at, content_hash, title, status, doc)
        SELECT %(id)s, %(origin)s, %(updated_at)s::timestamptz, %(hash)s, %(title)s, %(status)s, %(doc)s
        {_NOT_DELETED}
        ON CONFLICT (id) DO UPDATE SET origin_desk = EXCLUDED.origin_desk, updated_at = EXCLUDED.updated_at,
            content_hash = EXCLUDED.content_hash, title = EXCLUDED.title, status = EXCLUDED.status,
            doc = EXCLUDED.doc, synced_at = now()
        WHERE (EXCLUDED.updated_at, EXCLUDED.content_hash) > (t.updated_at, t.content_hash)
        RETURNING (xmax = 0)""",
    "candidate": f"""
        INSERT INTO {SCHEMA}.candidates AS t (id, origin_desk, updated_at, content_hash, name, email, doc)
        SELECT %(id)s, %(origin)s, %(updated_at)s::timestamptz, %(hash)s, %(name)s, %(email)s, %(doc)s
        {_NOT_DELETED}
        ON CONFLICT (id) DO UPDATE SET origin_desk = EXCLUDED.origin_desk, updated_at = EXCLUDED.updated_at,
            content_hash = EXCLUDED.content_hash, name = EXCLUDED.name, email = EXCLUDED.email,
            doc = EXCLUDED.doc, synced_at = now()
        WHERE (EXCLUDED.updated_at, EXCLUDED.content_hash) > (t.updated_at, t.content_hash)
        RETURNING (xmax = 0)""",
    "note": f"""
        INSERT INTO {SCHEMA}.notes AS t (id, origin_desk, candidate_id, job_id, body, created_at, updated_at,
            content_hash)
        SELECT %(id)s, %(origin)s, %(candidate_id)s, %(job_id)s, %(body)s, %(created_at)s::timestamptz,
            %(updated_at)s::timestamptz, %(hash)s
        {_NOT_DELETED}
        ON CONFLICT (id) DO UPDATE SET origin_desk = EXCLUDED.origin_desk, candidate_id = EXCLUDED.candidate_id,
            job_id = EXCLUDED.job_id, body = EXCLUDED.body, created_at = EXCLUDED.created_at,
            updated_at = EXCLUDED.updated_at, content_hash = EXCLUDED.content_hash, synced_at = now()
        WHERE (EXCLUDED.updated_at, EXCLUDED.content_hash) > (t.updated_at, t.content_hash)
        RETURNING (xmax = 0)""",
    "stage_change": f"""
        INSERT INTO {SCHEMA}.stage_changes (id, origin_desk, application_id, from_stage, to_stage, at)
        SELECT %(id)s, %(origin)s, %(application_id)s, %(from_stage)s, %(to_stage)s, %(at)s::timestamptz
        {_NOT_DELETED}
        ON CONFLICT (id) DO NOTHING
        RETURNING (xmax = 0)""",
}

_USER_NEWER = "(EXCLUDED.updated_at, EXCLUDED.user_hash) > (t.updated_at, t.user_hash)"
_SCORE_NEWER = "(EXCLUDED.scored_at, EXCLUDED.score_hash) > (t.scored_at, t.score_hash)"


def _pick(column: str, newer: str) -> str:
    return f"{column} = CASE WHEN {newer} THEN EXCLUDED.{column} ELSE t.{column} END"


UPSERT["application"] = f"""
    INSERT INTO {SCHEMA}.applications AS t (id, origin_desk, job_id, candidate_id, stage, starred, created_at,
        updated_at, user_hash, score, met, required_total, scorer_version, breakdown, scored_at, score_hash)
    SELECT %(id)s, %(origin)s, %(job_id)s, %(candidate_id)s, %(stage)s, %(starred)s,
        %(created_at)s::timestamptz, %(updated_at)s::timestamptz, %(user_hash)s, %(score)s, %(met)s,
        %(required_total)s, %(scorer_version)s, %(breakdown)s, %(scored_at)s::timestamptz, %(score_hash)s
    {_NOT_DELETED}
    ON CONFLICT (id) DO UPDATE SET origin_desk = EXCLUDED.origin_desk,
        {", ".join(_pick(c, _USER_NEWER) for c in ("stage", "starred", "created_at", "user_hash"))},
        {", ".join(_pick(c, _SCORE_NEWER) for c in ("score", "met", "required_total", "scorer_version"))},
        {", ".join(_pick(c, _SCORE_NEWER) for c in ("breakdown", "score_hash"))},
        updated_at = GREATEST(t.updated_at, EXCLUDED.updated_at),
        scored_at = GREATEST(t.scored_at, EXCLUDED.scored_at), synced_at = now()
    WHERE {_USER_NEWER} OR {_SCORE_NEWER}
    RETURNING (xmax = 0)"""

TABLE = {
    "job": "jobs",
    "candidate": "candidates",
    "application": "applications",
    "note": "notes",
    "stage_change": "stage_changes",
}
#: the column a tombstone is compared with: rows changed after the deletion survive it
STAMP = {"stage_change": "at"}

TOMBSTONE = f"""
    INSERT INTO {SCHEMA}.tombstones AS t (entity, id, deleted_at, origin_desk, merged_into)
    VALUES (%(entity)s, %(id)s, %(deleted_at)s::timestamptz, %(origin)s, %(merged_into)s)
    ON CONFLICT (entity, id) DO UPDATE SET deleted_at = EXCLUDED.deleted_at, origin_desk = EXCLUDED.origin_desk,
        merged_into = COALESCE(EXCLUDED.merged_into, t.merged_into)
    WHERE EXCLUDED.deleted_at > t.deleted_at
    RETURNING (xmax = 0)"""


def _params(kind: str, e: dict[str, Any], origin: str, jsonb: Any) -> dict[str, Any]:
    base = {"entity": kind, "id": e["id"], "origin": origin, "updated_at": e["updated_at"]}
    if kind == "job":
        return {**base, "hash": content_hash(e), "title": e["title"], "status": e["status"], "doc": jsonb(e)}
    if kind == "candidate":
        b = e["basics"]
        return {**base, "hash": content_hash(e), "name": b["name"], "email": b["email"], "doc": jsonb(e)}
    if kind == "note":
        keys = ("candidate_id", "job_id", "body", "created_at")
        return {**base, "hash": content_hash(e), **{k: e[k] for k in keys}}
    if kind == "stage_change":
        return {**base, **{k: e[k] for k in ("application_id", "from_stage", "to_stage", "at")}}
    score_part = {k: e[k] for k in ("score", "met", "required_total", "scorer_version", "breakdown")}
    return {
        **base,
        **{k: e[k] for k in ("job_id", "candidate_id", "stage", "starred", "created_at", "scored_at")},
        "user_hash": content_hash({k: e[k] for k in USER_FIELDS}),
        **score_part,
        "breakdown": jsonb(e["breakdown"]),
        "score_hash": content_hash(score_part),
    }


def _results(cur: Any) -> Iterator[bool]:
    """One flag per statement of an executemany(returning=True): inserted (True), updated (False)."""
    while True:
        for row in cur.fetchall():
            yield bool(row[0])
        if not cur.nextset():
            return


def _delete_for(cur: Any, stone: dict[str, Any]) -> int:
    """Delete what a tombstone covers; children of a deleted job or candidate go with it."""
    table = TABLE.get(stone["entity"])
    if table is None:  # requirements and documents live inside their job / candidate
        return 0
    stamp = STAMP.get(stone["entity"], "updated_at")
    params = {"id": stone["id"], "at": stone["deleted_at"]}
    cur.execute(
        f"DELETE FROM {SCHEMA}.{table} WHERE id = %(id)s AND {stamp} <= %(at)s::timestamptz RETURNING id",
        params,
    )
    gone = len(cur.fetchall())
    if not gone:
        return 0
    if stone["entity"] in ("job", "candidate"):
        column = f"{stone['entity']}_id"
        cur.execute(
            f"DELETE FROM {SCHEMA}.stage_changes WHERE application_id IN (SELECT id FROM {SCHEMA}.applications "
            f"WHERE {column} = %(id)s AND updated_at <= %(at)s::timestamptz)",
            params,
        )
        cur.execute(
            f"DELETE FROM {SCHEMA}.applications WHERE {column} = %(id)s AND updated_at <= %(at)s::timestamptz",
            params,
        )
        if stone["entity"] == "candidate":
            cur.execute(
                f"DELETE FROM {SCHEMA}.notes WHERE candidate_id = %(id)s AND updated_at <= %(at)s::timestamptz",
                params,
            )
    elif stone["entity"] == "application" and stone.get("merged_into"):
        cur.execute(
            f"UPDATE {SCHEMA}.stage_changes SET application_id = %(into)s WHERE application_id = %(id)s",
            {**params, "into": stone["merged_into"]},
        )
    return gone


def _apply_batch(
    cur: Any, kind: str, batch: list[dict[str, Any]], origin: str, report: dict[str, Any]
) -> None:
    from psycopg.types.json import Jsonb

    counts = report.setdefault(kind, {"inserted": 0, "updated": 0, "ignored": 0, "deleted": 0})
    if kind == "tombstone":
        params = [{**s, "merged_into": s.get("merged_into"), "origin": origin} for s in batch]
        cur.executemany(TOMBSTONE, params, returning=True)
        flags = list(_results(cur))
        counts["inserted"] += sum(flags)
        counts["updated"] += len(flags) - sum(flags)
        counts["ignored"] += len(batch) - len(flags)
        for stone in batch:
            counts["deleted"] += _delete_for(cur, stone)
        return
    cur.executemany(UPSERT[kind], [_params(kind, e, origin, Jsonb) for e in batch], returning=True)
    flags = list(_results(cur))
    counts["inserted"] += sum(flags)
    counts["updated"] += len(flags) - sum(flags)
    counts["ignored"] += len(batch) - len(flags)


def _batches(export: ExportFile) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    for kind, group in groupby(export.entities(), key=lambda item: item[0]):
        batch: list[dict[str, Any]] = []
        for _, entity in group:
            batch.append(entity)
            if len(batch) >= BATCH:
                yield kind, batch
                batch = []
        if batch:
            yield kind, batch


def apply_export(conn: Any, export: ExportFile) -> dict[str, Any]:
    """Apply one export file in one transaction; returns counts per entity type."""
    header = export.header
    origin = header["desk_id"]
    report: dict[str, Any] = {}
    with conn.transaction(), conn.cursor() as cur:
        cur.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK_KEY])
        for kind, batch in _batches(export):
            _apply_batch(cur, kind, batch, origin, report)
        from psycopg.types.json import Jsonb

        cur.execute(
            f"INSERT INTO {SCHEMA}.imports (desk_id, generated_at, from_seq, to_seq, file_name, report) "
            "VALUES (%s, %s::timestamptz, %s, %s, %s, %s)",
            [
                origin,
                header["generated_at"],
                header["range"]["from_seq"],
                header["range"]["to_seq"],
                export.path.name,
                Jsonb(report),
            ],
        )
    return report
