"""A candidate as a page to read: resume text with the skills and search hits marked.

Offsets are into ``candidates.text`` (the text the skills were found in and that
FTS5 indexes), so the TUI can style spans without re-parsing anything, and blind
mode's same-length redaction keeps them valid.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from desk.errors import DeskError
from desk.model import IGNORED, REQUIRED
from desk.services.blind import sensitive_terms
from desk.services.candidates import candidate_json
from desk.services.jobs import load_job
from desk.services.pipeline import notes_for, stage_history
from desk.services.rows import query
from desk.services.taxonomy import taxonomy_for
from desk.skills.matcher import matcher_for
from desk.store import Store

#: FTS5 marks hits with these; control characters never occur in stored resume text
OPEN, CLOSE = "\x01", "\x02"


def _marked(text: str) -> tuple[str, list[tuple[int, int]]]:
    """Strip FTS5 hit markers, returning the plain text and the spans they enclosed."""
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    start = -1
    for ch in text:
        if ch == OPEN:
            start = pos
        elif ch == CLOSE:
            if start >= 0:
                spans.append((start, pos))
            start = -1
        else:
            plain.append(ch)
            pos += 1
    return "".join(plain), spans


def _fts(store: Store, sql: str, search: str, candidate_id: str) -> Any:
    try:
        return store.conn.execute(sql, [search, candidate_id]).fetchone()
    except sqlite3.OperationalError as exc:
        raise DeskError(f"cannot search for {search!r}: {exc}") from exc


def check_search(store: Store, search: str | None) -> None:
    """Raise DeskError for a full-text query SQLite cannot parse (any FTS5 complaint, not a crash).

    Run before a list is paged with the query, so the user hears about the typo once,
    in words, whatever part of FTS5 rejected it ("unterminated string" included).
    """
    if search and search.strip():
        _fts(
            store,
            "SELECT 1 FROM candidates_fts WHERE candidates_fts MATCH ? AND ? IS NOT NULL LIMIT 1",
            search,
            "",
        )


def search_spans(store: Store, candidate_id: str, search: str) -> list[tuple[int, int]]:
    """Where a full-text query hits one candidate's resume text (empty when it does not)."""
    if not search or not search.strip():
        return []
    row = _fts(
        store,
        "SELECT highlight(candidates_fts, 1, char(1), char(2)) FROM candidates_fts "
        "WHERE candidates_fts MATCH ? AND rowid = (SELECT rowid FROM candidates WHERE id = ?)",
        search,
        candidate_id,
    )
    return _marked(row[0] or "")[1] if row else []


def search_snippet(
    store: Store, candidate_id: str, search: str, *, tokens: int = 14
) -> tuple[str, list[tuple[int, int]]] | None:
    """FTS5's snippet() around the best hit, on one line, with hit spans in the returned text."""
    if not search or not search.strip():
        return None
    row = _fts(
        store,
        f"SELECT snippet(candidates_fts, 1, char(1), char(2), '…', {int(tokens)}) FROM candidates_fts "
        "WHERE candidates_fts MATCH ? AND rowid = (SELECT rowid FROM candidates WHERE id = ?)",
        search,
        candidate_id,
    )
    if not row or not row[0]:
        return None
    text, spans = _marked(row[0])
    return text.replace("\n", " "), spans


def skill_spans(store: Store, candidate_id: str, job_id: str | None = None) -> list[dict[str, Any]]:
    """Every skill mention in the resume text, flagged when the job asks for that skill.

    ``wanted`` is "required", "preferred" or "" so the face can mark what matters for
    the job more strongly than any other skill.
    """
    row = store.conn.execute("SELECT text FROM candidates WHERE id = ?", [candidate_id]).fetchone()
    if row is None:
        raise DeskError(f"no candidate {candidate_id}")
    tax = taxonomy_for(store)
    wanted: dict[str, str] = {}
    if job_id:
        for req in load_job(store, job_id).requirements:
            if req.kind == IGNORED or req.type != "skill":
                continue
            for sid in req.skills:
                if wanted.get(sid) != REQUIRED:
                    wanted[sid] = req.kind
    return [
        {
            "start": h.start,
            "end": h.end,
            "skill_id": h.skill_id,
            "name": tax.name(h.skill_id),
            "how": h.how,
            "similarity": h.similarity,
            "wanted": wanted.get(h.skill_id, ""),
        }
        for h in matcher_for(tax).find(row[0] or "", implied=False)
    ]


def applications_of(store: Store, candidate_id: str) -> list[dict[str, Any]]:
    rows = query(
        store,
        "SELECT a.id AS application_id, a.job_id, j.title, a.stage, a.score, a.met, a.required_total, "
        "a.starred FROM applications a JOIN jobs j ON j.id = a.job_id "
        "WHERE a.candidate_id = ? ORDER BY j.created_at, j.id",
        [candidate_id],
    )
    for r in rows:
        r["starred"] = bool(r["starred"])
    return rows


def candidate_page(
    store: Store, candidate_id: str, *, job_id: str | None = None, search: str | None = None
) -> dict[str, Any]:
    """All a candidate screen shows, read in one go (and in one worker thread)."""
    tax = taxonomy_for(store)
    data = candidate_json(store, candidate_id, skill_names=tax.name)
    text = store.conn.execute("SELECT text FROM candidates WHERE id = ?", [candidate_id]).fetchone()[0]
    try:
        hits = search_spans(store, candidate_id, search or "")
    except DeskError:
        hits = []
    return {
        "candidate": data,
        "text": text or "",
        "skill_spans": skill_spans(store, candidate_id, job_id),
        "search_spans": hits,
        "notes": notes_for(store, candidate_id),
        "history": stage_history(store, candidate_id),
        "applications": applications_of(store, candidate_id),
        "sensitive": sensitive_terms(store, candidate_id),
        "job_id": job_id,
    }
