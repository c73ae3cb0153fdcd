"""The SQL half of ``desk merge``: write merged rows and their events, look local rows up.

:mod:`desk.export.merge` decides *whether* a row changes; this module does the
change the way the services do (same columns, same events), with the other
desk's timestamps kept, so the merged row exports exactly as it arrived.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from desk.clock import utcnow
from desk.model import Requirement
from desk.parse.names import names_agree
from desk.services import deletion
from desk.services.jobs import _req_row
from desk.services.rows import dumps, query
from desk.store import Store
from desk.store.schema import phone_key

USER_FIELDS = ("job_id", "candidate_id", "stage", "starred", "created_at", "updated_at")


def content_hash(value: Any) -> str:
    """The same value hashes the same on every desk and server (canonical JSON)."""
    text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


class RowWriter:
    def __init__(self, store: Store, origin: str) -> None:
        self.store = store
        self.conn = store.conn
        self.data = {"merged_from": origin}
        self.new_candidates: list[str] = []

    def log(self, entity: str, entity_id: str, op: str, extra: dict[str, Any] | None = None) -> None:
        self.store.log(entity, entity_id, op, {**self.data, **(extra or {})})

    # -- look-ups ---------------------------------------------------------------------------------
    def exists(self, table: str, row_id: str | None) -> bool:
        if row_id is None:
            return False
        return self.conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", [row_id]).fetchone() is not None

    def _delete_event(self, entity: str, entity_id: str) -> dict[str, Any] | None:
        row = self.conn.execute(
            "SELECT at, data FROM events WHERE entity = ? AND entity_id = ? AND op = 'delete' "
            "ORDER BY seq DESC LIMIT 1",
            [entity, entity_id],
        ).fetchone()
        if row is None:
            return None
        data = json.loads(row[1]) if row[1] else {}
        return {"deleted_at": data.get("deleted_at") or row[0], "merged_into": data.get("merged_into")}

    def deleted_at(self, entity: str, entity_id: str) -> str | None:
        event = self._delete_event(entity, entity_id)
        return None if event is None else event["deleted_at"]

    def surviving_application(self, app_id: str) -> str:
        """Follow ``merged_into`` from an application that lost a duplicate-pair tie."""
        for _ in range(8):
            event = self._delete_event("application", app_id)
            if event is None or not event["merged_into"]:
                break
            app_id = event["merged_into"]
        return app_id

    # -- jobs -------------------------------------------------------------------------------------
    def write_job(self, e: dict[str, Any], *, exists: bool) -> None:
        job_id, stamp = e["id"], e["updated_at"]
        row = {
            "id": job_id,
            "title": e["title"],
            "status": e["status"],
            "text": e["text"] or "",
            "source_path": e["source_path"],
            "parsed": dumps(e["parsed"]),
            "parser_version": e["parser_version"],
            "created_at": e["created_at"],
            "updated_at": stamp,
        }
        if exists:
            self.store.db["jobs"].update(job_id, row)
        else:
            self.store.db["jobs"].insert(row)
        self.log("job", job_id, "update" if exists else "create")
        local = {
            r["id"]: r for r in query(self.store, "SELECT * FROM requirements WHERE job_id = ?", [job_id])
        }
        keep: set[str] = set()
        for position, data in enumerate(e["parsed"]["requirements"]):
            new = _req_row(job_id, position, Requirement.from_dict(data), stamp)
            keep.add(new["id"])
            old = local.get(new["id"])
            if old is None:
                self.store.db["requirements"].insert(new)
                self.log("requirement", new["id"], "create")
            elif {k: v for k, v in old.items() if k not in ("created_at", "updated_at")} != {
                k: v for k, v in new.items() if k not in ("created_at", "updated_at")
            }:
                self.store.db["requirements"].update(new["id"], {**new, "created_at": old["created_at"]})
                self.log("requirement", new["id"], "update")
        for rid in sorted(set(local) - keep):
            self.conn.execute("DELETE FROM requirements WHERE id = ?", [rid])
            self.log("requirement", rid, "delete", {"deleted_at": stamp})

    # -- candidates -------------------------------------------------------------------------------
    def landable_candidate(self, e: dict[str, Any], name_of: Any) -> dict[str, Any]:
        """The candidate as it would read back here: documents whose file this desk already
        holds under another id are left out (one file, one document), skill names are ours."""
        docs = []
        for d in e["documents"]:
            row = self.conn.execute("SELECT id FROM documents WHERE sha256 = ?", [d["sha256"]]).fetchone()
            if row is None or row[0] == d["id"]:
                docs.append(d)
        skills = [{**s, "name": name_of(s["id"])} for s in e["skills"]]
        return {**e, "documents": docs, "skills": skills}

    def write_candidate(self, e: dict[str, Any], *, exists: bool) -> None:
        cid, facts, basics = e["id"], e["facts"], e["basics"]
        row = {
            "id": cid,
            "name": basics["name"],
            "email": basics["email"],
            "phone": basics["phone"],
            "phone_key": phone_key(basics["phone"]),  # what the import's same-person look-up reads
            "location": basics["location"].get("address"),
            "years_experience": e["years_experience"],
            "degree_level": facts["degree_level"],
            "degree_fields": dumps(facts["degree_fields"]),
            "graduation_year": facts["graduation_year"],
            "seniority": e["seniority"],
            "authorizations": dumps(e["authorizations"]),
            "profile": dumps(e["resume"] or {}),
            "text": e["text"] or "",
            "tags": dumps(e["tags"]),
            "created_at": e["created_at"],
            "updated_at": e["updated_at"],
        }
        if exists:
            self.store.db["candidates"].update(cid, row)
        else:
            self.store.db["candidates"].insert(row)
            self.new_candidates.append(cid)
        self.log("candidate", cid, "update" if exists else "create")
        self.conn.execute("DELETE FROM candidate_skills WHERE candidate_id = ?", [cid])
        skills = [
            {**s, "candidate_id": cid, "sources": dumps(s["sources"])} for s in facts["skills"].values()
        ]
        if skills:
            self.store.db["candidate_skills"].insert_all(skills)
        for d in e["documents"]:
            if self.exists("documents", d["id"]):
                continue
            self.store.db["documents"].insert(
                {**d, "candidate_id": cid, "layout": "{}", "updated_at": d["imported_at"]}
            )
            self.log("document", d["id"], "create")

    def possible_duplicates(self) -> list[dict[str, str]]:
        """Merged-in candidates who share an email or phone with another candidate here and whose
        names agree: the import's own rule for one person (an agency's mailbox is not one)."""
        out = []
        for cid in self.new_candidates:
            for other, reason, mine, theirs in self.conn.execute(
                "SELECT o.id, CASE WHEN o.email = c.email THEN 'same email' ELSE 'same phone' END, "
                "c.name, o.name FROM candidates c JOIN candidates o ON o.id != c.id "
                "AND (o.email = c.email OR o.phone_key = c.phone_key) WHERE c.id = ? ORDER BY o.id",
                [cid],
            ):
                if names_agree(mine, theirs):
                    out.append({"candidate_id": cid, "other_id": other, "reason": reason})
        return out

    # -- applications -----------------------------------------------------------------------------
    @staticmethod
    def user_part(e: dict[str, Any]) -> dict[str, Any]:
        return {k: e[k] for k in USER_FIELDS}

    def application_user_part(self, app_id: str) -> dict[str, Any] | None:
        rows = query(self.store, f"SELECT {', '.join(USER_FIELDS)} FROM applications WHERE id = ?", [app_id])
        return {**rows[0], "starred": bool(rows[0]["starred"])} if rows else None

    def application_for_pair(self, job_id: str, candidate_id: str) -> dict[str, Any] | None:
        rows = query(
            self.store,
            f"SELECT id, {', '.join(USER_FIELDS)} FROM applications WHERE job_id = ? AND candidate_id = ?",
            [job_id, candidate_id],
        )
        return {**rows[0], "starred": bool(rows[0]["starred"])} if rows else None

    def insert_application(self, e: dict[str, Any]) -> None:
        keys = ("id", "job_id", "candidate_id", "stage", "score", "met", "required_total", "scorer_version")
        self.store.db["applications"].insert(
            {
                **{k: e[k] for k in keys},
                "starred": int(e["starred"]),
                "created_at": e["created_at"],
                "updated_at": e["updated_at"],
            }
        )
        self.log("application", e["id"], "create")

    def update_application(self, app_id: str, part: dict[str, Any]) -> None:
        self.conn.execute(
            "UPDATE applications SET stage = ?, starred = ?, created_at = ?, updated_at = ? WHERE id = ?",
            [part["stage"], int(part["starred"]), part["created_at"], part["updated_at"], app_id],
        )
        self.log("application", app_id, "update", {"stage": part["stage"], "starred": part["starred"]})

    def resolve_pair(self, e: dict[str, Any], pair: dict[str, Any]) -> str:
        """Two ids for one job x candidate: keep the smaller id, with the newer stage and star."""
        mine = {k: pair[k] for k in USER_FIELDS}
        theirs = self.user_part(e)
        newer = (theirs["updated_at"], content_hash(theirs)) > (mine["updated_at"], content_hash(mine))
        fields = theirs if newer else mine
        local_id = pair["id"]
        if local_id < e["id"]:
            if fields != mine:
                self.update_application(local_id, fields)
            if self._delete_event("application", e["id"]) is None:
                self.log("application", e["id"], "delete", {"merged_into": local_id, "deleted_at": utcnow()})
            return "paired"
        self.conn.execute("PRAGMA defer_foreign_keys = ON")  # the id moves under its stage changes
        self.conn.execute(
            "UPDATE applications SET id = ?, stage = ?, starred = ?, created_at = ?, updated_at = ? WHERE id = ?",
            [
                e["id"],
                fields["stage"],
                int(fields["starred"]),
                fields["created_at"],
                fields["updated_at"],
                local_id,
            ],
        )
        moved = [
            r[0]
            for r in self.conn.execute("SELECT id FROM stage_changes WHERE application_id = ?", [local_id])
        ]
        self.conn.execute(
            "UPDATE stage_changes SET application_id = ? WHERE application_id = ?", [e["id"], local_id]
        )
        self.log("application", local_id, "delete", {"merged_into": e["id"], "deleted_at": utcnow()})
        self.log("application", e["id"], "create")
        for sc in moved:
            self.log("stage_change", sc, "update", {"application_id": e["id"]})
        return "paired"

    # -- notes, stage changes ---------------------------------------------------------------------
    def write_note(self, e: dict[str, Any], *, exists: bool) -> None:
        row = {k: e[k] for k in ("id", "candidate_id", "job_id", "body", "created_at", "updated_at")}
        row["body"] = row["body"] or ""
        if exists:
            self.store.db["notes"].update(e["id"], row)
        else:
            self.store.db["notes"].insert(row)
        self.log("note", e["id"], "update" if exists else "create")

    def insert_stage_change(self, e: dict[str, Any]) -> None:
        self.store.db["stage_changes"].insert(
            {k: e[k] for k in ("id", "application_id", "from_stage", "to_stage", "at")}
        )
        self.log("stage_change", e["id"], "create")

    # -- tombstones -------------------------------------------------------------------------------
    def _local_updated(self, entity: str, row_id: str) -> str | None:
        sql = {
            "job": "SELECT MAX(j.updated_at, COALESCE((SELECT MAX(updated_at) FROM requirements "
            "WHERE job_id = j.id), '')) FROM jobs j WHERE j.id = ?",
            "candidate": "SELECT MAX(c.updated_at, COALESCE((SELECT MAX(updated_at) FROM documents "
            "WHERE candidate_id = c.id), '')) FROM candidates c WHERE c.id = ?",
            "application": "SELECT updated_at FROM applications WHERE id = ?",
            "note": "SELECT updated_at FROM notes WHERE id = ?",
            "stage_change": "SELECT at FROM stage_changes WHERE id = ?",
        }.get(entity)
        if sql is None:
            return None
        row = self.conn.execute(sql, [row_id]).fetchone()
        return None if row is None else row[0]

    def apply_tombstone(self, e: dict[str, Any]) -> str:
        entity, row_id, deleted_at = e["entity"], e["id"], e["deleted_at"]
        if self._delete_event(entity, row_id) is not None:
            return "unchanged"
        extra = {
            "deleted_at": deleted_at,
            **({"merged_into": e["merged_into"]} if e.get("merged_into") else {}),
        }
        local = self._local_updated(entity, row_id)
        if local is None:  # never here, or a part of a job/candidate (those travel inside it)
            self.log(entity, row_id, "delete", extra)
            return "tombstoned"
        if local > deleted_at:
            return "older"
        data = {**self.data, **extra}
        if entity == "job":
            deletion.delete_job(self.store, row_id, data=data)
        elif entity == "candidate":
            deletion.delete_candidate(self.store, row_id, data=data)
        elif entity == "application":
            deletion.delete_application(self.store, row_id, data=data)
        elif entity == "note":
            deletion.delete_note(self.store, row_id, data=data)
        else:
            self.conn.execute("DELETE FROM stage_changes WHERE id = ?", [row_id])
            self.log(entity, row_id, "delete", extra)
        return "deleted"
