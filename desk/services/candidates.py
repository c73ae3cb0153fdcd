"""Candidates and their documents: store what the parsers found, read it back as JSON Resume."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desk.clock import new_id, utcnow
from desk.errors import DeskError
from desk.model import DEGREE_LEVELS, CandidateSkill, Resume
from desk.parse.names import names_agree
from desk.services.rows import dumps, loads, query, resolve_id
from desk.store import Store
from desk.store.schema import phone_key

PROFILE_NETWORKS = (
    ("github", "GitHub"),
    ("linkedin", "LinkedIn"),
    ("gitlab", "GitLab"),
    ("stackoverflow", "Stack Overflow"),
)


def resolve_candidate(store: Store, ref: str) -> str:
    return resolve_id(store, "candidates", ref, label="candidate", name_column="name")


def _insert(store: Store, table: str, record: dict[str, Any]) -> None:
    """One INSERT of known columns; sqlite-utils' insert() re-reads the schema every call."""
    cols = ", ".join(record)
    marks = ", ".join("?" * len(record))
    store.conn.execute(f"INSERT INTO {table} ({cols}) VALUES ({marks})", list(record.values()))


_SOURCES_JSON: dict[tuple[str, ...], str] = {}


def _sources_json(sources: list[str]) -> str:
    """``dumps(sources)``, remembered: a handful of distinct lists fill every candidate's skill rows."""
    key = tuple(sources)
    got = _SOURCES_JSON.get(key)
    if got is None:
        if len(_SOURCES_JSON) > 1000:
            _SOURCES_JSON.clear()
        got = _SOURCES_JSON[key] = dumps(sources)
    return got


def candidate_row(resume: Resume, text: str, profile_json: str | None = None) -> dict[str, Any]:
    """The ``candidates`` columns a parsed resume fills (the id, tags and times are the caller's)."""
    return {
        "name": resume.name,
        "email": (resume.email or "").lower() or None,
        "phone": resume.phone,
        "phone_key": phone_key(resume.phone),
        **scored_columns(resume),
        "profile": profile_json if profile_json is not None else dumps(resume.to_dict()),
        "text": text,
    }


def scored_columns(resume: Resume) -> dict[str, Any]:
    """The columns of ``candidate_row`` that the scorer reads (``ranking.FACT_COLUMNS``)."""
    levels = [d.level for d in resume.education if d.level]
    grads = [int(d.graduation[:4]) for d in resume.education if d.graduation and d.graduation[:4].isdigit()]
    return {
        "location": resume.location,
        "years_experience": resume.years_experience,
        "degree_level": max((DEGREE_LEVELS.get(lv, 0) for lv in levels), default=0),
        "degree_fields": dumps([d.field for d in resume.education if d.field]),
        "graduation_year": max(grads) if grads else None,
        "seniority": resume.seniority,
        "authorizations": dumps(resume.authorizations),
    }


def save_candidate(
    store: Store,
    *,
    resume: Resume,
    text: str,
    skills: dict[str, CandidateSkill],
    candidate_id: str | None = None,
    profile_json: str | None = None,
) -> str:
    """Insert a new candidate, or replace an existing one's parsed data (a newer resume of the same person).

    ``profile_json`` is ``dumps(resume.to_dict())`` when the caller has it already (an import
    worker encodes it, off the single writer's thread)."""
    now = utcnow()
    row = {**candidate_row(resume, text, profile_json), "updated_at": now}
    with store.write():
        if candidate_id is None:
            candidate_id = new_id()
            _insert(store, "candidates", {"id": candidate_id, "tags": "[]", "created_at": now, **row})
            store.log("candidate", candidate_id, "create")
        else:
            sets = ", ".join(f"{k} = ?" for k in row)
            store.conn.execute(f"UPDATE candidates SET {sets} WHERE id = ?", [*row.values(), candidate_id])
            store.log("candidate", candidate_id, "update")
        store.conn.execute("DELETE FROM candidate_skills WHERE candidate_id = ?", [candidate_id])
        store.conn.executemany(
            "INSERT INTO candidate_skills (candidate_id, skill_id, how, similarity, mentions, months, last_year, "
            "sources, evidence, strength) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    candidate_id,
                    cs.skill_id,
                    cs.how,
                    cs.similarity,
                    cs.mentions,
                    cs.months,
                    cs.last_year,
                    _sources_json(cs.sources),
                    cs.evidence,
                    cs.strength,
                )
                for cs in skills.values()
            ],
        )
    return candidate_id


def add_document(
    store: Store,
    *,
    path: str,
    sha256: str,
    status: str,
    candidate_id: str | None = None,
    fmt: str | None = None,
    size: int | None = None,
    pages: int | None = None,
    text: str | None = None,
    layout: dict[str, Any] | None = None,
    parser_version: str | None = None,
    error: str | None = None,
) -> str:
    doc_id = new_id()
    now = utcnow()
    with store.write():
        _insert(
            store,
            "documents",
            {
                "id": doc_id,
                "candidate_id": candidate_id,
                "path": path,
                "sha256": sha256,
                "format": fmt,
                "size": size,
                "pages": pages,
                "text": text,
                "layout": dumps(layout or {}),
                "parser_version": parser_version,
                "status": status,
                "error": error,
                "imported_at": now,
                "updated_at": now,
            },
        )
        store.log("document", doc_id, "create")
    return doc_id


def find_same_person(store: Store, resume: Resume, text: str) -> tuple[str, str] | None:
    """An existing candidate who is this person: same email, same phone, or same name and near-identical text.

    A shared email or phone counts only when the names agree (``names_agree``): agencies put
    their own contact details on every resume they send. Returns (candidate id, reason) so
    the import report can say why it merged.
    """
    if resume.email:
        for cid, name in store.conn.execute(
            "SELECT id, name FROM candidates WHERE email = ? ORDER BY created_at, id", [resume.email.lower()]
        ):
            if names_agree(resume.name, name):
                return cid, f"same email {resume.email.lower()}"
    key = phone_key(resume.phone)
    if key:
        for cid, name in store.conn.execute(
            "SELECT id, name FROM candidates WHERE phone_key = ? ORDER BY created_at, id", [key]
        ):
            if names_agree(resume.name, name):
                return cid, f"same phone {resume.phone}"
    if resume.name:
        from rapidfuzz import fuzz

        for cid, other in store.conn.execute(
            "SELECT id, text FROM candidates WHERE lower(name) = lower(?)", [resume.name]
        ):
            if fuzz.ratio(text[:4000], (other or "")[:4000]) >= 90:
                return cid, f"same name {resume.name} and near-identical text"
    return None


def _profiles(links: list[str]) -> list[dict[str, str]]:
    out = []
    for link in links:
        network = next((label for key, label in PROFILE_NETWORKS if key in link.lower()), "Website")
        url = link if link.startswith(("http://", "https://")) else f"https://{link}"
        username = link.rstrip("/").rsplit("/", 1)[-1] if network != "Website" else ""
        out.append({"network": network, "url": url, "username": username})
    return out


DOCUMENT_FIELDS = ("id", "path", "sha256", "format", "pages", "status", "error", "imported_at")


def candidate_document(
    c: dict[str, Any],
    skill_rows: list[dict[str, Any]],
    doc_rows: list[dict[str, Any]],
    name_of: Callable[[str], str],
    *,
    parse_sources: Callable[[str | None], list[str]] | None = None,
) -> dict[str, Any]:
    """A candidate row and its skills and documents as JSON Resume (basics, work, education,
    skills) plus desk's own fields. Pure, so ``desk candidate show`` and the export share it."""
    resume = Resume.from_dict(loads(c["profile"], {}))
    sources = parse_sources or (lambda raw: loads(raw, []))
    return {
        "id": c["id"],
        "basics": {
            "name": c["name"],
            "email": c["email"],
            "phone": c["phone"],
            "location": {"address": c["location"]} if c["location"] else {},
            "profiles": _profiles(resume.links),
        },
        "work": [
            {
                "name": w.company,
                "position": w.title,
                "location": w.location,
                "startDate": w.start,
                "endDate": None if w.current else w.end,
                "current": w.current,
                "months": w.months,
                "flags": w.flags,
            }
            for w in resume.work
        ],
        "education": [
            {"institution": d.school, "area": d.field, "studyType": d.level, "endDate": d.graduation}
            for d in resume.education
        ],
        "skills": [
            {
                "name": name_of(s["skill_id"]),
                "id": s["skill_id"],
                "how": s["how"],
                "strength": s["strength"],
                "months": s["months"],
                "last_year": s["last_year"],
                "sources": sources(s["sources"]),
                "evidence": s["evidence"],
            }
            for s in skill_rows
        ],
        "certificates": [{"name": n} for n in resume.certifications],
        "years_experience": c["years_experience"],
        "gaps": resume.gaps,
        "seniority": c["seniority"],
        "authorizations": loads(c["authorizations"], []),
        "tags": loads(c["tags"], []),
        "flags": resume.flags,
        "documents": [{k: d[k] for k in DOCUMENT_FIELDS} for d in doc_rows],
        "created_at": c["created_at"],
        "updated_at": c["updated_at"],
    }


def candidate_json(store: Store, candidate_id: str, *, skill_names: Any = None) -> dict[str, Any]:
    """One candidate, read from the store, in the shape of :func:`candidate_document`."""
    rows = query(store, "SELECT * FROM candidates WHERE id = ?", [candidate_id])
    if not rows:
        raise DeskError(f"no candidate {candidate_id}")
    skills = query(
        store,
        "SELECT * FROM candidate_skills WHERE candidate_id = ? ORDER BY strength DESC, skill_id",
        [candidate_id],
    )
    docs = query(
        store,
        f"SELECT {', '.join(DOCUMENT_FIELDS)} FROM documents WHERE candidate_id = ? ORDER BY imported_at, id",
        [candidate_id],
    )
    return candidate_document(rows[0], skills, docs, skill_names or (lambda sid: sid))


def list_candidates(store: Store, *, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
    rows = query(
        store,
        "SELECT c.id, c.name, c.email, c.location, c.years_experience, c.seniority, "
        "(SELECT COUNT(*) FROM documents d WHERE d.candidate_id = c.id) AS documents "
        "FROM candidates c ORDER BY lower(c.name), c.id LIMIT ? OFFSET ?",
        [limit, offset],
    )
    return rows


def set_tags(store: Store, candidate_id: str, tags: list[str]) -> list[str]:
    clean = sorted({t.strip().lower() for t in tags if t.strip()})
    with store.write():
        store.conn.execute(
            "UPDATE candidates SET tags = ?, updated_at = ? WHERE id = ?",
            [dumps(clean), utcnow(), candidate_id],
        )
        store.log("candidate", candidate_id, "update", {"tags": clean})
    return clean


def failed_documents(store: Store) -> list[dict[str, Any]]:
    return query(
        store,
        "SELECT id, path, error, imported_at FROM documents WHERE status = 'failed' ORDER BY imported_at",
    )
