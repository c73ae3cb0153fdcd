"""What a recruiter does to an application: stages, stars, notes. Every change is logged."""

from __future__ import annotations

from typing import Any

from desk.clock import new_id, utcnow
from desk.errors import DeskError
from desk.model import STAGES
from desk.services.rows import query
from desk.store import Store


def application_id(store: Store, job_id: str, candidate_id: str) -> str:
    row = store.conn.execute(
        "SELECT id FROM applications WHERE job_id = ? AND candidate_id = ?", [job_id, candidate_id]
    ).fetchone()
    if row is None:
        raise DeskError("that candidate has no application for that job")
    return str(row[0])


def set_stage(store: Store, app_id: str, stage: str) -> dict[str, Any]:
    """Move an application to a stage; the change and its history are written together."""
    if stage not in STAGES:
        raise DeskError(f"unknown stage {stage!r}; choose from {', '.join(STAGES)}")
    with store.write():
        row = store.conn.execute("SELECT stage FROM applications WHERE id = ?", [app_id]).fetchone()
        if row is None:
            raise DeskError(f"no application {app_id}")
        if row[0] == stage:
            return {"application_id": app_id, "from": stage, "to": stage, "changed": False}
        now = utcnow()
        store.conn.execute(
            "UPDATE applications SET stage = ?, updated_at = ? WHERE id = ?", [stage, now, app_id]
        )
        change_id = new_id()
        store.db["stage_changes"].insert(
            {"id": change_id, "application_id": app_id, "from_stage": row[0], "to_stage": stage, "at": now}
        )
        store.log("application", app_id, "update", {"stage": stage})
        store.log("stage_change", change_id, "create")
    return {"application_id": app_id, "from": row[0], "to": stage, "changed": True}


def toggle_star(store: Store, app_id: str) -> bool:
    with store.write():
        row = store.conn.execute("SELECT starred FROM applications WHERE id = ?", [app_id]).fetchone()
        if row is None:
            raise DeskError(f"no application {app_id}")
        value = 0 if row[0] else 1
        store.conn.execute(
            "UPDATE applications SET starred = ?, updated_at = ? WHERE id = ?", [value, utcnow(), app_id]
        )
        store.log("application", app_id, "update", {"starred": bool(value)})
    return bool(value)


def stage_history(store: Store, candidate_id: str) -> list[dict[str, Any]]:
    return query(
        store,
        "SELECT s.at, s.from_stage, s.to_stage, j.title AS job FROM stage_changes s "
        "JOIN applications a ON a.id = s.application_id JOIN jobs j ON j.id = a.job_id "
        "WHERE a.candidate_id = ? ORDER BY s.at",
        [candidate_id],
    )


def add_note(store: Store, candidate_id: str, body: str, *, job_id: str | None = None) -> str:
    if not body.strip():
        raise DeskError("a note needs some text")
    note_id = new_id()
    now = utcnow()
    with store.write():
        if store.conn.execute("SELECT 1 FROM candidates WHERE id = ?", [candidate_id]).fetchone() is None:
            raise DeskError(f"no candidate {candidate_id}")
        store.db["notes"].insert(
            {
                "id": note_id,
                "candidate_id": candidate_id,
                "job_id": job_id,
                "body": body.strip(),
                "created_at": now,
                "updated_at": now,
            }
        )
        store.log("note", note_id, "create")
    return note_id


def notes_for(store: Store, candidate_id: str) -> list[dict[str, Any]]:
    return query(
        store,
        "SELECT id, job_id, body, created_at FROM notes WHERE candidate_id = ? ORDER BY created_at",
        [candidate_id],
    )
