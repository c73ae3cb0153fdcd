"""``score(job, candidate) -> Score``: explained, deterministic, versioned.

The number is built from integers only: each requirement earns a credit of
0..1000, credits are weighted and summed, and the score is
``points = 10000 * sum(weight * credit) // (1000 * sum(weight))`` (0..10000,
shown as 0.00-100.00). Integer arithmetic is why ``desk.ranking`` can rank
100,000 candidates with numpy and get exactly the number this module gives
for one, and why a server re-scoring an export gets the same bytes.

This module imports only the standard library and ``desk.model``: the server
runs it as it is.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from desk.model import DEGREE_LEVELS, IGNORED, REQUIRED, CandidateFacts, CandidateSkill, Job, Requirement

#: 1.0.1: a degree's field is compared across languages ("Informatik" is "Computer Science"); only
#: the explanation's wording can differ from 1.0.0, never a number.
SCORER_VERSION = "1.0.1"

FULL = 1000
RELATED_FACTOR = 500  # a related skill (MySQL for PostgreSQL) earns half its strength
IMPLIED_FACTOR = 800  # Django implies Python: 80 % of Django's strength
UNKNOWN_CREDIT = 500  # the resume is silent: neither rewarded nor punished much

SOURCE_BASE = {"work": 650, "project": 550, "skills": 500, "summary": 450, "other": 450, "education": 400}
#: interns and juniors are one level: a "new grad" role is filled by this year's students
SENIORITY_ORDER = {"intern": 1, "junior": 1, "mid": 2, "senior": 3, "manager": 3, "staff": 4, "principal": 5}
CLEARANCE_ORDER = {"public-trust": 1, "any": 1, "secret": 2, "top-secret": 3, "ts-sci": 4}
AUTH_OK = ("us-citizen", "green-card", "work-authorization")


#: A subject under another language's name: a German JD's "Informatik" is a CV's "Computer Science".
FIELD_SYNONYMS = {
    "informatik": "computer science",
    "informatiker": "computer science",
    "informatique": "computer science",
    "informática": "computer science",
    "ingeniería informática": "computer science",
    "ciencias de la computación": "computer science",
    "ciência da computação": "computer science",
    "计算机科学": "computer science",
    "wirtschaftsinformatik": "information systems",
    "mathematik": "mathematics",
    "mathématiques": "mathematics",
    "matemáticas": "mathematics",
    "physik": "physics",
    "physique": "physics",
    "física": "physics",
    "elektrotechnik": "electrical engineering",
    "maschinenbau": "mechanical engineering",
    "statistik": "statistics",
}


def field_key(name: str) -> str:
    """A degree field, lower-cased and named in English where it has a known other-language name."""
    low = name.lower().strip()
    return FIELD_SYNONYMS.get(low, low)


def skill_strength(
    *,
    how: str,
    similarity: float,
    mentions: int,
    months: int,
    last_year: int | None,
    sources: list[str],
    as_of_year: int,
) -> int:
    """How strongly a resume shows a skill, 0..1000.

    A skill named once in a skills list earns 500; one used for three years in the
    current job earns ~900. Months of use (from dated work entries), recency and
    repeated mentions add; a fuzzy match scales by its similarity.
    """
    base = max((SOURCE_BASE.get(s, 450) for s in sources), default=450)
    value = base + min(max(months, 0), 60) * 250 // 60
    if last_year is not None:
        age = as_of_year - last_year
        value += 100 if age <= 1 else 50 if age <= 3 else 0
    value += min(max(mentions - 1, 0), 4) * 10
    if how == "fuzzy":
        value = value * int(similarity) // 100
    return max(0, min(FULL, value))


@dataclass
class RequirementResult:
    id: str
    type: str
    kind: str
    label: str
    weight: int
    knockout: bool
    status: str  # met | partial | missing | not-met | unknown
    credit: int  # 0..1000
    skill: str | None = None  # the candidate's skill that earned the credit
    how: str | None = None  # exact | alias | fuzzy | implied | related
    similarity: float | None = None
    via: str | None = None  # for related credit: the requirement skill it stands in for
    evidence: str = ""
    months: int = 0
    last_year: int | None = None
    sources: list[str] = field(default_factory=list)
    detail: str = ""


@dataclass
class Score:
    score: float  # 0.00-100.00
    points: int  # 0..10000, the exact integer behind score
    met: int  # required skill requirements met
    required_total: int
    knocked_out: bool
    requirements: list[RequirementResult]
    scorer_version: str = SCORER_VERSION

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def location_cities(params: dict[str, Any]) -> list[str]:
    """The cities a location requirement accepts, lower-cased ("Chantilly, VA" -> "chantilly")."""
    return [c for c in (str(p).split(",")[0].strip().lower() for p in params.get("places") or []) if c]


# -- per requirement --------------------------------------------------------------------
def _best_skill(cand: CandidateFacts, skill_ids: list[str]) -> tuple[int, CandidateSkill | None]:
    best: tuple[int, CandidateSkill | None] = (0, None)
    for sid in skill_ids:
        cs = cand.skills.get(sid)
        if cs is not None and cs.strength > best[0]:
            best = (cs.strength, cs)
    return best


def skill_credit(req: Requirement, cand: CandidateFacts, related: dict[str, list[str]]) -> RequirementResult:
    direct, cs = _best_skill(cand, req.skills)
    rel_credit, rel_cs, rel_for = 0, None, None
    for sid in req.skills:
        for rid in related.get(sid, ()):
            other = cand.skills.get(rid)
            if other is not None:
                value = other.strength * RELATED_FACTOR // FULL
                if value > rel_credit:
                    rel_credit, rel_cs, rel_for = value, other, sid
    res = RequirementResult(req.id, req.type, req.kind, req.label, req.weight, req.knockout, "missing", 0)
    if cs is not None and direct >= rel_credit:
        res.status, res.credit = "met", direct
        res.skill, res.how, res.similarity = cs.skill_id, cs.how, cs.similarity
        res.evidence, res.months, res.last_year, res.sources = (
            cs.evidence,
            cs.months,
            cs.last_year,
            cs.sources,
        )
    elif rel_cs is not None:
        res.status, res.credit = "partial", rel_credit
        res.skill, res.how, res.via = rel_cs.skill_id, "related", rel_for
        res.evidence, res.months, res.last_year, res.sources = (
            rel_cs.evidence,
            rel_cs.months,
            rel_cs.last_year,
            rel_cs.sources,
        )
    return res


OVER_RANGE_GRACE = 36  # months above a stated maximum before it costs anything
OVER_RANGE_STEP = 50  # credit lost per further year above the range...
OVER_RANGE_FLOOR = 600  # ...but never below this: overqualified is not unqualified


def years_credit(
    min_years: float | None, years: float | None, max_years: float | None = None
) -> tuple[str, int]:
    """Full credit from the minimum up; below it, pro rata. A JD that states a band
    ("4-6 years") gets a gentle discount for far more (12 years for a 4-6 role)."""
    if years is None:
        return "unknown", UNKNOWN_CREDIT
    need = int(round((min_years or 0) * 12))
    have = int(round(years * 12))
    if need <= 0 or have >= need:
        if max_years is not None:
            over = have - int(round(max_years * 12)) - OVER_RANGE_GRACE
            if over > 0:
                return "met", max(OVER_RANGE_FLOOR, FULL - over * OVER_RANGE_STEP // 12)
        return "met", FULL
    credit = have * FULL // need
    return ("partial" if credit >= FULL // 2 else "not-met"), credit


def degree_credit(min_level: str | None, level: int) -> tuple[str, int]:
    if level <= 0:
        return "unknown", UNKNOWN_CREDIT - 100
    need = DEGREE_LEVELS.get(min_level or "bachelor", 3)
    if level >= need:
        return "met", FULL
    return ("partial", FULL // 2) if level == need - 1 else ("not-met", FULL // 4)


def screening_credit(req: Requirement, cand: CandidateFacts) -> tuple[str, int]:
    p = req.params
    if req.type == "clearance":
        levels = [
            CLEARANCE_ORDER.get(a.split(":", 1)[1], 1)
            for a in cand.authorizations
            if a.startswith("clearance:")
        ]
        if not levels:
            return "unknown", UNKNOWN_CREDIT
        return (
            ("met", FULL)
            if max(levels) >= CLEARANCE_ORDER.get(p.get("level", "any"), 1)
            else ("partial", 500)
        )
    if req.type == "authorization":
        tags = set(cand.authorizations)
        wanted = ("us-citizen",) if p.get("needs") == "us-citizen" else AUTH_OK
        if tags & set(wanted):
            return "met", FULL
        if "needs-sponsorship" in tags:
            return "not-met", 0
        return "unknown", UNKNOWN_CREDIT
    if req.type == "graduation":
        years = p.get("years") or []
        # "current students only" names no year: without today's date we cannot tell, so say so
        if cand.graduation_year is None or not years:
            return "unknown", UNKNOWN_CREDIT
        if cand.graduation_year in years:
            return "met", FULL
        return "not-met", 0
    if req.type == "seniority":
        want = SENIORITY_ORDER.get(p.get("level", ""))
        have = SENIORITY_ORDER.get(cand.seniority or "")
        if want is None or have is None:
            return "unknown", UNKNOWN_CREDIT
        gap = abs(want - have)
        return ("met", FULL) if gap == 0 else ("partial", 500) if gap == 1 else ("not-met", 0)
    if req.type == "location":
        cities = location_cities(p)
        where = (cand.location or "").lower()
        if not cities or not where:
            return "unknown", UNKNOWN_CREDIT
        return ("met", FULL) if any(c in where for c in cities) else ("not-met", 0)
    return "unknown", UNKNOWN_CREDIT


def evaluate(req: Requirement, cand: CandidateFacts, related: dict[str, list[str]]) -> RequirementResult:
    if req.type == "skill":
        return skill_credit(req, cand, related)
    res = RequirementResult(req.id, req.type, req.kind, req.label, req.weight, req.knockout, "unknown", 0)
    if req.type == "years":
        res.status, res.credit = years_credit(
            req.params.get("min"), cand.years_experience, req.params.get("max")
        )
        have = "unknown" if cand.years_experience is None else f"{cand.years_experience:g} years"
        res.detail = f"has {have}; needs {req.label}"
        top = req.params.get("max")
        if top is not None and cand.years_experience is not None and cand.years_experience > top + 3:
            res.detail += f" (above the {top:g}-year top of the range)"
    elif req.type == "degree":
        res.status, res.credit = degree_credit(req.params.get("min_level"), cand.degree_level)
        names = {v: k for k, v in DEGREE_LEVELS.items()}
        res.detail = f"highest degree: {names.get(cand.degree_level, 'unknown')}"
        fields = [field_key(f) for f in req.params.get("fields", [])]
        if fields and cand.degree_fields:
            have = [field_key(c) for c in cand.degree_fields]
            hit = any(f in c or c in f for f in fields for c in have)
            res.detail += f"; field {'matches' if hit else 'differs'} ({', '.join(cand.degree_fields)})"
    else:
        res.status, res.credit = screening_credit(req, cand)
    return res


def score(job: Job, candidate: CandidateFacts) -> Score:
    """Score one candidate for one job, with the breakdown a recruiter reads."""
    related = job.related
    results: list[RequirementResult] = []
    total = weights = 0
    met = required_total = 0
    knocked = False
    for req in job.requirements:
        if req.kind == IGNORED:
            continue
        res = evaluate(req, candidate, related)
        results.append(res)
        total += req.weight * res.credit
        weights += req.weight
        if req.type == "skill" and req.kind == REQUIRED and req.category != "soft":
            required_total += 1
            met += res.status == "met"
        if req.knockout and res.status in ("missing", "not-met"):
            knocked = True
    points = 0 if weights == 0 or knocked else 10000 * total // (FULL * weights)
    return Score(points / 100, points, met, required_total, knocked, results)
