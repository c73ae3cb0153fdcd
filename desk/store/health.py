"""``desk db check``: a health report scripts can read (integrity, version, counts)."""

from __future__ import annotations

from typing import Any

from desk.store.db import Store

COUNTED_TABLES = (
    "jobs",
    "requirements",
    "candidates",
    "documents",
    "candidate_skills",
    "applications",
    "stage_changes",
    "notes",
    "events",
    "custom_skills",
)


def check(store: Store) -> dict[str, Any]:
    """Integrity check plus the facts a support question starts with."""
    problems = [r[0] for r in store.conn.execute("PRAGMA integrity_check")]
    fk = store.conn.execute("PRAGMA foreign_key_check").fetchall()
    integrity = "ok" if problems == ["ok"] and not fk else "; ".join(problems + [str(r) for r in fk])
    applied = store.applied_migrations()
    counts = {t: store.db[t].count for t in COUNTED_TABLES}
    return {
        "ok": integrity == "ok",
        "path": str(store.path),
        "desk_id": store.desk_id,
        "schema_version": len(applied),
        "migrations": applied,
        "integrity": integrity,
        "journal_mode": store.db.journal_mode,
        "last_event_seq": store.last_seq(),
        "counts": counts,
    }
