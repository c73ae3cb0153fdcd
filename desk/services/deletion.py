"""Deleting things for good: every row that goes away leaves a ``delete`` event.

SQLite's cascades would remove a candidate's applications, notes and stage
changes silently; an export could then never tell a server or another desk
that they are gone. So each service here deletes the children itself, logging
one ``delete`` event per row, in the same transaction as the deletion.

``data`` on a delete event may carry ``deleted_at`` (when the deletion really
happened, for deletions merged in from another desk) and ``merged_into`` (an
application that lost a duplicate-id tie to another one); the export reads both.
"""

from __future__ import annotations

from typing import Any

from desk.clock import utcnow
from desk.errors import NotFoundError
from desk.store import Store


def _ids(store: Store, sql: str, params: list[Any]) -> list[str]:
    return [r[0] for r in store.conn.execute(sql, params)]


def _log_many(store: Store, entity: str, ids: list[str], data: dict[str, Any] | None) -> None:
    for entity_id in ids:
        store.log(entity, entity_id, "delete", data)


def delete_application(store: Store, app_id: str, *, data: dict[str, Any] | None = None) -> None:
    """Delete one application and its stage history."""
    with store.write():
        if store.conn.execute("SELECT 1 FROM applications WHERE id = ?", [app_id]).fetchone() is None:
            raise NotFoundError(f"no application {app_id}")
        changes = _ids(store, "SELECT id FROM stage_changes WHERE application_id = ? ORDER BY id", [app_id])
        _log_many(store, "stage_change", changes, data)
        store.conn.execute("DELETE FROM applications WHERE id = ?", [app_id])
        store.log("application", app_id, "delete", data)


def delete_note(store: Store, note_id: str, *, data: dict[str, Any] | None = None) -> None:
    with store.write():
        cur = store.conn.execute("DELETE FROM notes WHERE id = ?", [note_id])
        if cur.rowcount == 0:
            raise NotFoundError(f"no note {note_id}")
        store.log("note", note_id, "delete", data)


def delete_candidate(
    store: Store, candidate_id: str, *, data: dict[str, Any] | None = None
) -> dict[str, int]:
    """Delete a candidate with their documents (they hold the resume text), applications and notes.

    Returns how many rows of each kind went, for the caller's report.
    """
    with store.write():
        if store.conn.execute("SELECT 1 FROM candidates WHERE id = ?", [candidate_id]).fetchone() is None:
            raise NotFoundError(f"no candidate {candidate_id}")
        apps = _ids(store, "SELECT id FROM applications WHERE candidate_id = ? ORDER BY id", [candidate_id])
        for app_id in apps:
            delete_application(store, app_id, data=data)
        notes = _ids(store, "SELECT id FROM notes WHERE candidate_id = ? ORDER BY id", [candidate_id])
        _log_many(store, "note", notes, data)
        docs = _ids(store, "SELECT id FROM documents WHERE candidate_id = ? ORDER BY id", [candidate_id])
        _log_many(store, "document", docs, data)
        store.conn.execute("DELETE FROM documents WHERE candidate_id = ?", [candidate_id])
        store.conn.execute("DELETE FROM candidates WHERE id = ?", [candidate_id])  # skills, notes cascade
        store.log("candidate", candidate_id, "delete", data)
    return {"applications": len(apps), "notes": len(notes), "documents": len(docs)}


def delete_job(store: Store, job_id: str, *, data: dict[str, Any] | None = None) -> dict[str, int]:
    """Delete a job with its requirements and applications; its notes stay, detached from it."""
    with store.write():
        if store.conn.execute("SELECT 1 FROM jobs WHERE id = ?", [job_id]).fetchone() is None:
            raise NotFoundError(f"no job {job_id}")
        apps = _ids(store, "SELECT id FROM applications WHERE job_id = ? ORDER BY id", [job_id])
        for app_id in apps:
            delete_application(store, app_id, data=data)
        reqs = _ids(store, "SELECT id FROM requirements WHERE job_id = ? ORDER BY id", [job_id])
        _log_many(store, "requirement", reqs, data)
        notes = _ids(store, "SELECT id FROM notes WHERE job_id = ? ORDER BY id", [job_id])
        now = utcnow()
        for note_id in notes:
            store.conn.execute("UPDATE notes SET job_id = NULL, updated_at = ? WHERE id = ?", [now, note_id])
            store.log("note", note_id, "update", {"job_id": None})
        store.conn.execute("DELETE FROM jobs WHERE id = ?", [job_id])
        store.log("job", job_id, "delete", data)
    return {"applications": len(apps), "requirements": len(reqs), "notes": len(notes)}
