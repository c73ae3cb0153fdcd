"""Read models for the faces: a readable score breakdown, compare, skill matrix, histogram.

Each function returns plain JSON-safe data, so the TUI draws it, the CLI can
print it and the tests check it without a screen. Scores always come from
``desk.scoring.score`` on the stored facts: what a recruiter reads here is
exactly what the ranking used.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desk.errors import DeskError
from desk.model import IGNORED, REQUIRED
from desk.scoring import RequirementResult, score
from desk.services.jobs import load_job
from desk.services.ranking import facts_for, ranked
from desk.services.rows import loads, query
from desk.services.taxonomy import taxonomy_for
from desk.store import Store

#: the order a recruiter reads a breakdown in: what is there, what is nearly there, what is not
SKILL_GROUPS = ("met", "partial", "missing")


def how_text(res: RequirementResult, name: Callable[[str], str]) -> str:
    """How a requirement was matched, in words: "exact", "fuzzy 92%", "implied via Django", ..."""
    if res.how is None:
        return ""
    if res.how == "related":
        return f"related: {name(res.skill or '')} for {name(res.via or '')}"
    if res.how == "fuzzy":
        return f"fuzzy {res.similarity or 0:.0f}%"
    if res.how == "implied":
        via = _implied_via(res.evidence)
        return f"implied via {via}" if via else "implied"
    shown = name(res.skill or "")
    if res.skill and shown.lower() != res.label.lower():
        return f"{res.how}: {shown}"
    return res.how


def _implied_via(evidence: str) -> str:
    """desk.profile writes implied evidence as "via Django: <snippet>"."""
    if evidence.startswith("via ") and ": " in evidence:
        return evidence[4 : evidence.index(": ")]
    return ""


def _evidence(res: RequirementResult) -> str:
    if res.how == "implied" and _implied_via(res.evidence):
        return res.evidence[res.evidence.index(": ") + 2 :]
    return res.evidence


def _item(res: RequirementResult, name: Callable[[str], str]) -> dict[str, Any]:
    return {
        "key": res.id,
        "type": res.type,
        "kind": res.kind,
        "label": res.label,
        "weight": res.weight,
        "knockout": res.knockout,
        "status": res.status,
        "credit": res.credit,
        "skill": res.skill,
        "how": how_text(res, name),
        "evidence": _evidence(res),
        "months": res.months,
        "last_year": res.last_year,
        "sources": list(res.sources),
        "detail": res.detail,
    }


def breakdown(store: Store, job_id: str, candidate_id: str) -> dict[str, Any]:
    """One candidate's score for one job, grouped the way the detail pane reads it.

    Skill requirements fall into met / partial / missing; everything else (years,
    degree, location, clearance, ...) is "fit", with the scorer's own detail line.
    """
    job = load_job(store, job_id)
    result = score(job, facts_for(store, candidate_id))
    name = taxonomy_for(store).name
    groups: dict[str, list[dict[str, Any]]] = {g: [] for g in SKILL_GROUPS}
    fit: list[dict[str, Any]] = []
    for res in result.requirements:
        item = _item(res, name)
        if res.type == "skill":
            groups["missing" if res.status not in groups else res.status].append(item)
        else:
            fit.append(item)
    return {
        "candidate_id": candidate_id,
        "job_id": job_id,
        "score": result.score,
        "points": result.points,
        "met": result.met,
        "required_total": result.required_total,
        "knocked_out": result.knocked_out,
        "scorer_version": result.scorer_version,
        "skills": groups,
        "fit": fit,
    }


def _candidate_rows(store: Store, job_id: str, candidate_ids: list[str]) -> list[dict[str, Any]]:
    marks = ",".join("?" for _ in candidate_ids)
    rows = query(
        store,
        f"""
        SELECT c.id AS candidate_id, c.name, c.location, c.years_experience, c.degree_level,
               c.seniority, a.score, a.met, a.required_total, a.stage, a.starred
        FROM candidates c LEFT JOIN applications a ON a.candidate_id = c.id AND a.job_id = ?
        WHERE c.id IN ({marks})
        """,
        [job_id, *candidate_ids],
    )
    by_id = {r["candidate_id"]: r for r in rows}
    missing = [cid for cid in candidate_ids if cid not in by_id]
    if missing:
        raise DeskError(f"no candidate {missing[0]}")
    return [{**by_id[cid], "starred": bool(by_id[cid]["starred"])} for cid in candidate_ids]


def compare(store: Store, job_id: str, candidate_ids: list[str]) -> dict[str, Any]:
    """Two or three candidates side by side: one row per requirement, one cell per candidate."""
    if not 2 <= len(candidate_ids) <= 3:
        raise DeskError("compare needs two or three candidates")
    job = load_job(store, job_id)
    name = taxonomy_for(store).name
    people = _candidate_rows(store, job_id, candidate_ids)
    scores = [score(job, facts_for(store, cid)) for cid in candidate_ids]
    for person, result in zip(people, scores, strict=True):
        person["score"] = result.score
        person["met"], person["required_total"] = result.met, result.required_total
    rows = []
    for i, req in enumerate(r for r in job.requirements if r.kind != IGNORED):
        cells = [_item(s.requirements[i], name) for s in scores]
        rows.append(
            {
                "key": req.id,
                "type": req.type,
                "kind": req.kind,
                "label": req.label,
                "weight": req.weight,
                "cells": cells,
                # rows where the candidates differ are the ones worth reading first
                "differs": len({c["status"] for c in cells}) > 1,
            }
        )
    return {"job_id": job_id, "candidates": people, "rows": rows}


def skill_matrix(
    store: Store, job_id: str, *, top: int = 15, include_preferred: bool = False, **filters: Any
) -> dict[str, Any]:
    """The top candidates (by score, after ``filters``) against the job's required skills.

    Soft skills are left out, as in the score's required coverage: "communication"
    in every column says nothing about anyone.
    """
    job = load_job(store, job_id)
    kinds = {REQUIRED, "preferred"} if include_preferred else {REQUIRED}
    reqs = [r for r in job.requirements if r.type == "skill" and r.kind in kinds and r.category != "soft"]
    wanted = {r.id for r in reqs}
    rows = []
    for row in ranked(store, job_id, limit=max(1, top), sort="score", descending=True, **filters):
        result = score(job, facts_for(store, row["candidate_id"]))
        status = {r.id: r.status for r in result.requirements if r.id in wanted}
        rows.append(
            {
                "candidate_id": row["candidate_id"],
                "name": row["name"],
                "rank": row["rank"],
                "score": row["score"],
                "met": row["met"],
                "required_total": row["required_total"],
                "cells": [status.get(r.id, "missing") for r in reqs],
            }
        )
    columns = [{"key": r.id, "label": r.label, "kind": r.kind} for r in reqs]
    counts = [sum(1 for row in rows if row["cells"][i] == "met") for i in range(len(reqs))]
    for col, met in zip(columns, counts, strict=True):
        col["met"] = met
    return {"job_id": job_id, "requirements": columns, "rows": rows}


def score_histogram(store: Store, job_id: str, *, buckets: int = 10) -> dict[str, Any]:
    """How a job's candidates spread over the score range, counted by SQL (no rows loaded)."""
    if buckets < 1:
        raise DeskError("a histogram needs at least one bucket")
    counts = dict(
        store.conn.execute(
            "SELECT MIN(CAST(score * ? / 100.0 AS INTEGER), ? - 1) AS b, COUNT(*) "
            "FROM applications WHERE job_id = ? AND score IS NOT NULL GROUP BY b",
            [buckets, buckets, job_id],
        ).fetchall()
    )
    total, mean, low, high = store.conn.execute(
        "SELECT COUNT(*), AVG(score), MIN(score), MAX(score) FROM applications "
        "WHERE job_id = ? AND score IS NOT NULL",
        [job_id],
    ).fetchone()
    median = None
    if total:
        median = store.conn.execute(
            "SELECT score FROM applications WHERE job_id = ? AND score IS NOT NULL "
            "ORDER BY score LIMIT 1 OFFSET ?",
            [job_id, (total - 1) // 2],
        ).fetchone()[0]
    width = 100 / buckets
    return {
        "job_id": job_id,
        "total": total,
        "mean": None if mean is None else round(mean, 2),
        "median": median,
        "min": low,
        "max": high,
        "buckets": [
            {"lo": round(i * width, 2), "hi": round((i + 1) * width, 2), "count": int(counts.get(i, 0))}
            for i in range(buckets)
        ],
    }


def application_summary(store: Store, job_id: str, candidate_id: str) -> dict[str, Any]:
    """The facts a detail pane heads with: who, where, stage, star, tags."""
    rows = query(
        store,
        """
        SELECT c.id AS candidate_id, c.name, c.location, c.years_experience, c.seniority, c.tags,
               a.id AS application_id, a.score, a.met, a.required_total, a.stage, a.starred
        FROM candidates c LEFT JOIN applications a ON a.candidate_id = c.id AND a.job_id = ?
        WHERE c.id = ?
        """,
        [job_id, candidate_id],
    )
    if not rows:
        raise DeskError(f"no candidate {candidate_id}")
    row = rows[0]
    row["tags"] = loads(row["tags"], [])
    row["starred"] = bool(row["starred"])
    return row


def detail(store: Store, job_id: str, candidate_id: str, *, search: str | None = None) -> dict[str, Any]:
    """Everything the main screen's detail pane shows for the highlighted row, in one read."""
    from desk.services.blind import sensitive_terms
    from desk.services.resume_view import search_snippet

    try:
        hit = search_snippet(store, candidate_id, search or "")
    except DeskError:
        hit = None
    return {
        "summary": application_summary(store, job_id, candidate_id),
        "breakdown": breakdown(store, job_id, candidate_id),
        "snippet": None if hit is None else {"text": hit[0], "spans": hit[1]},
        "sensitive": sensitive_terms(store, candidate_id),
    }
