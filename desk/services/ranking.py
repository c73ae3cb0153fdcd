"""Scores in the store: rank whole jobs with numpy, explain single rows with score().

Applications hold the number (and required coverage) for every job x candidate,
so the TUI pages ranked rows straight from SQL; the breakdown is computed on
demand for the row a user looks at, from the same facts.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import replace
from typing import Any, TypeVar

from desk.clock import new_id, utcnow
from desk.errors import DeskError
from desk.model import CandidateFacts, CandidateSkill
from desk.ranking import RankIndex, auth_bits, clearance_rank, seniority_rank, years_months
from desk.scoring import SCORER_VERSION, Score, score
from desk.services.jobs import load_job, open_job_ids
from desk.services.rows import loads, query
from desk.store import Store

T = TypeVar("T")
_INDEX: dict[str, tuple[tuple[int, int], RankIndex]] = {}


def _generation(store: Store) -> tuple[int, int]:
    row = store.conn.execute(
        "SELECT COALESCE(MAX(seq), 0), (SELECT COUNT(*) FROM candidates) FROM events WHERE entity = 'candidate'"
    ).fetchone()
    return int(row[0]), int(row[1])


def rank_index(store: Store) -> RankIndex:
    """All candidates as columns, cached until a candidate changes."""
    key = str(store.path)
    gen = _generation(store)
    cached = _INDEX.get(key)
    if cached is not None and cached[0] == gen:
        return cached[1]
    cur = store.conn.execute(
        "SELECT id, years_experience, degree_level, graduation_year, seniority, authorizations, location "
        "FROM candidates ORDER BY id"
    )
    ids: list[str] = []
    cols: dict[str, list[Any]] = {
        k: [] for k in ("years", "degree", "grad", "senior", "clearance", "auth", "location")
    }
    for cid, years, degree, grad, senior, auths, location in cur:
        tags = loads(auths, [])
        ids.append(cid)
        cols["years"].append(years_months(years))
        cols["degree"].append(degree or 0)
        cols["grad"].append(-1 if grad is None else grad)
        cols["senior"].append(seniority_rank(senior))
        cols["clearance"].append(clearance_rank(tags))
        cols["auth"].append(auth_bits(tags))
        cols["location"].append((location or "").lower())
    pos = {cid: i for i, cid in enumerate(ids)}
    rows: tuple[list[int], list[str], list[int]] = ([], [], [])
    for cid, sid, strength in store.conn.execute(
        "SELECT candidate_id, skill_id, strength FROM candidate_skills"
    ):
        rows[0].append(pos[cid])
        rows[1].append(sid)
        rows[2].append(strength)
    index = RankIndex(ids, rows, **cols)
    _INDEX[key] = (gen, index)
    return index


def _apply(store: Store, job_id: str, index: RankIndex, *, full: bool = True) -> int:
    """Write the index's scores for one job; new pairs become applications (logged)."""
    job = load_job(store, job_id)
    ranked = index.rank(job)
    sql = "SELECT id, candidate_id, score, met, required_total, scorer_version FROM applications WHERE job_id = ?"
    params: list[Any] = [job_id]
    if not full and index.n <= 500:  # a batch of new candidates: look up only theirs, not the whole pool
        sql += f" AND candidate_id IN ({','.join('?' * index.n)})"
        params += index.ids
    existing = {
        cid: (aid, score, met, total, version)
        for aid, cid, score, met, total, version in store.conn.execute(sql, params)
    }
    now = utcnow()
    updates, inserts = [], []
    points = ranked.points.tolist()
    met = ranked.met.tolist()
    for i, cid in enumerate(index.ids):
        value = points[i] / 100
        old = existing.get(cid)
        if old is None:
            inserts.append(
                {
                    "id": new_id(),
                    "job_id": job_id,
                    "candidate_id": cid,
                    "stage": "new",
                    "score": value,
                    "met": met[i],
                    "required_total": ranked.required_total,
                    "scorer_version": SCORER_VERSION,
                    "starred": 0,
                    "created_at": now,
                    "updated_at": now,
                }
            )
        elif old[1:] != (value, met[i], ranked.required_total, SCORER_VERSION):
            updates.append((value, met[i], ranked.required_total, SCORER_VERSION, old[0]))
    if updates:
        store.conn.executemany(
            "UPDATE applications SET score = ?, met = ?, required_total = ?, scorer_version = ? WHERE id = ?",
            updates,
        )
    if inserts:
        # a plain executemany: sqlite-utils' insert_all inspects every value of every row first
        store.conn.executemany(
            f"INSERT INTO applications ({', '.join(inserts[0])}) VALUES ({', '.join('?' * len(inserts[0]))})",
            [tuple(r.values()) for r in inserts],
        )
        store.conn.executemany(
            "INSERT INTO events (at, entity, entity_id, op) VALUES (?, 'application', ?, 'create')",
            [(now, r["id"]) for r in inserts],
        )
    return len(updates) + len(inserts)


def rescore_job(store: Store, job_id: str) -> int:
    """Rank every candidate for one job (after the job or its requirements changed)."""
    with store.write():
        return _apply(store, job_id, rank_index(store))


def rescore_candidates(store: Store, facts: list[CandidateFacts]) -> int:
    """Score freshly imported candidates against every open job, in the caller's transaction."""
    if not facts:
        return 0
    index = RankIndex.from_facts(facts)
    changed = 0
    with store.write():
        for job_id in open_job_ids(store):
            changed += _apply(store, job_id, index, full=False)
    return changed


def facts_for(store: Store, candidate_id: str) -> CandidateFacts:
    row = store.conn.execute(
        f"SELECT {', '.join(FACT_COLUMNS)} FROM candidates WHERE id = ?", [candidate_id]
    ).fetchone()
    if row is None:
        raise DeskError(f"no candidate {candidate_id}")
    skills = [
        CandidateSkill(
            skill_id=r["skill_id"],
            how=r["how"],
            similarity=r["similarity"],
            mentions=r["mentions"],
            months=r["months"],
            last_year=r["last_year"],
            sources=loads(r["sources"], []),
            evidence=r["evidence"],
            strength=r["strength"],
        )
        for r in query(
            store, "SELECT * FROM candidate_skills WHERE candidate_id = ? ORDER BY skill_id", [candidate_id]
        )
    ]
    return facts_from(candidate_id, dict(zip(FACT_COLUMNS, row, strict=True)), skills)


#: The ``candidates`` columns the scorer reads.
FACT_COLUMNS = (
    "years_experience",
    "degree_level",
    "degree_fields",
    "graduation_year",
    "location",
    "seniority",
    "authorizations",
)


def facts_from(candidate_id: str, row: dict[str, Any], skills: list[CandidateSkill]) -> CandidateFacts:
    """What the scorer reads of a candidate, from a ``candidates`` row and its skills.

    One function for both ways in: ``facts_for`` reads them back from the store, and an
    import builds them from the row and skills it has just written (a read of the whole
    skill list per candidate was a fifth of the single writer's time). Numbers come out as
    the store gives them back (REAL columns as floats), skills in id order, so the two ways
    agree exactly; a test holds them to it.
    """
    years = row["years_experience"]
    return CandidateFacts(
        id=candidate_id,
        skills={
            s.skill_id: s if isinstance(s.similarity, float) else replace(s, similarity=float(s.similarity))
            for s in sorted(skills, key=_skill_id)
        },
        years_experience=None if years is None else float(years),
        degree_level=row["degree_level"] or 0,
        degree_fields=loads(row["degree_fields"], []),
        graduation_year=row["graduation_year"],
        location=row["location"],
        seniority=row["seniority"],
        authorizations=loads(row["authorizations"], []),
    )


def _skill_id(skill: CandidateSkill) -> str:
    return skill.skill_id


def explain(store: Store, job_id: str, candidate_id: str) -> Score:
    return score(load_job(store, job_id), facts_for(store, candidate_id))


SORTS = {
    "score": "a.score",
    "name": "lower(c.name)",
    "years": "c.years_experience",
    "stage": "a.stage",
    "met": "a.met",
    "starred": "a.starred",
    "updated": "a.updated_at",
}


def filters_sql(
    *,
    stage: str | None,
    min_score: float | None,
    has_skill: str | None,
    lacks_skill: str | None,
    starred: bool | None,
    search: str | None,
) -> tuple[str, list[Any]]:
    where, params = [], []
    if stage:
        where.append("a.stage = ?")
        params.append(stage)
    if min_score is not None:
        where.append("a.score >= ?")
        params.append(min_score)
    if has_skill:
        where.append(
            "EXISTS (SELECT 1 FROM candidate_skills s WHERE s.candidate_id = c.id AND s.skill_id = ?)"
        )
        params.append(has_skill)
    if lacks_skill:
        where.append(
            "NOT EXISTS (SELECT 1 FROM candidate_skills s WHERE s.candidate_id = c.id AND s.skill_id = ?)"
        )
        params.append(lacks_skill)
    if starred:
        where.append("a.starred = 1")
    if search:
        where.append("c.rowid IN (SELECT rowid FROM candidates_fts WHERE candidates_fts MATCH ?)")
        params.append(search)
    return (" AND " + " AND ".join(where)) if where else "", params


def ordered_sql(
    columns: str,
    job_id: str,
    *,
    sort: str = "score",
    descending: bool = True,
    stage: str | None = None,
    min_score: float | None = None,
    has_skill: str | None = None,
    lacks_skill: str | None = None,
    starred: bool | None = None,
    search: str | None = None,
) -> tuple[str, list[Any]]:
    """SELECT ``columns`` of a job's applications (a) and candidates (c), filtered and in rank order.

    One definition of the order, shared by pages of rows here and the TUI's list of row ids.
    """
    if sort not in SORTS:
        raise DeskError(f"cannot sort by {sort!r}; choose from {', '.join(SORTS)}")
    extra, params = filters_sql(
        stage=stage,
        min_score=min_score,
        has_skill=has_skill,
        lacks_skill=lacks_skill,
        starred=starred,
        search=search,
    )
    direction = "DESC" if descending else "ASC"
    sql = (
        f"SELECT {columns} FROM applications a JOIN candidates c ON c.id = a.candidate_id "
        f"WHERE a.job_id = ?{extra} ORDER BY {SORTS[sort]} {direction}, a.score DESC, lower(c.name), c.id"
    )
    return sql, [job_id, *params]


RANKED_COLUMNS = (
    "a.id AS application_id, c.id AS candidate_id, c.name, a.score, a.met, a.required_total, "
    "c.years_experience, a.stage, a.starred, c.location, c.email"
)


def ranked(
    store: Store, job_id: str, *, offset: int = 0, limit: int = 50, **order: Any
) -> list[dict[str, Any]]:
    """One page of a job's candidates, best first by default; ``rank`` is the position in this order.

    ``order`` takes ``sort``, ``descending`` and the filters of :func:`ordered_sql`.
    """
    sql, params = ordered_sql(RANKED_COLUMNS, job_id, **order)
    rows = search_guard(
        order.get("search"), lambda: query(store, sql + " LIMIT ? OFFSET ?", [*params, limit, offset])
    )
    for i, r in enumerate(rows):
        r["rank"] = offset + i + 1
        r["starred"] = bool(r["starred"])
    return rows


def count_ranked(store: Store, job_id: str, **filters: Any) -> int:
    extra, params = filters_sql(
        **{k: filters.get(k) for k in ("stage", "min_score", "has_skill", "lacks_skill", "starred", "search")}
    )
    sql = f"SELECT COUNT(*) FROM applications a JOIN candidates c ON c.id = a.candidate_id WHERE a.job_id = ?{extra}"
    return int(
        search_guard(filters.get("search"), lambda: store.conn.execute(sql, [job_id, *params]).fetchone()[0])
    )


def search_guard(search: str | None, run: Callable[[], T]) -> T:
    """A malformed full-text query is the user's typo, not a crash: say what SQLite disliked."""
    try:
        return run()
    except sqlite3.OperationalError as exc:
        if search and any(w in str(exc) for w in ("fts5", "syntax", "no such column", "unterminated")):
            raise DeskError(f"cannot search for {search!r}: {exc}") from exc
        raise
