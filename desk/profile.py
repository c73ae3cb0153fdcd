"""From a parsed resume to what the scorer knows: canonical skills with evidence and recency.

Done once per candidate at import (and stored), because ranking 100,000
candidates against a job must not re-read their resumes.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict

from desk.model import DEGREE_LEVELS, CandidateFacts, CandidateSkill, Resume, SkillHit, WorkEntry
from desk.scoring import IMPLIED_FACTOR, skill_strength
from desk.skills.matcher import matcher_for, snippet
from desk.skills.taxonomy import Taxonomy

SECTION_SOURCE = {
    "experience": "work",
    "projects": "project",
    "skills": "skills",
    "education": "education",
    "summary": "summary",
    "certifications": "education",
}
HOW_RANK = {"exact": 3, "alias": 2, "fuzzy": 1, "implied": 0}


def _year(value: str | None) -> int | None:
    if not value:
        return None
    try:
        return int(value[:4])
    except ValueError:
        return None


def _as_of_year(resume: Resume) -> int:
    return _year(resume.as_of) or 2000


class _Locator:
    """Maps a text offset to its work entry and section with binary search, not a scan per hit."""

    def __init__(self, resume: Resume) -> None:
        self.work = sorted((w for w in resume.work), key=lambda w: w.start_offset)
        self.work_starts = [w.start_offset for w in self.work]
        self.sections = sorted(resume.sections, key=lambda s: s.start)
        self.section_starts = [s.start for s in self.sections]

    def entry(self, offset: int) -> WorkEntry | None:
        i = bisect_right(self.work_starts, offset) - 1
        if i >= 0 and offset < self.work[i].end_offset:
            return self.work[i]
        return None

    def source(self, offset: int) -> str:
        i = bisect_right(self.section_starts, offset) - 1
        if i >= 0 and offset < self.sections[i].end:
            return SECTION_SOURCE.get(self.sections[i].kind, "other")
        return "other"


SOURCE_ORDER = {"work": 0, "project": 1, "skills": 2, "summary": 3, "education": 4, "other": 5}


def build_skills(text: str, resume: Resume, taxonomy: Taxonomy | None = None) -> dict[str, CandidateSkill]:
    """Canonical skills of one resume, each with mentions, months, last year, sources, evidence."""
    skills_sections = [(s.start, s.end) for s in resume.sections if s.kind == "skills"]
    hits = matcher_for(taxonomy).find(text, implied=False, list_spans=skills_sections)
    as_of = _as_of_year(resume)
    where = _Locator(resume)
    by_skill: dict[str, list[tuple[SkillHit, WorkEntry | None, str]]] = defaultdict(list)
    for h in hits:
        entry = where.entry(h.start) if where.work else None
        src = "work" if entry is not None else (where.source(h.start) if where.sections else "other")
        by_skill[h.skill_id].append((h, entry, src))
    out: dict[str, CandidateSkill] = {}
    for sid, shits in by_skill.items():
        entries: dict[int, WorkEntry] = {}
        sources = sorted({src for _, _, src in shits}, key=SOURCE_ORDER.__getitem__)
        proof = None
        best = shits[0][0]
        for h, entry, _ in shits:
            if HOW_RANK[h.how] > HOW_RANK[best.how] or (h.how == best.how and h.similarity > best.similarity):
                best = h
            if entry is not None and "impossible-range" not in entry.flags:
                entries[id(entry)] = entry
                proof = proof or h
        months = sum(e.months for e in entries.values())
        years = [as_of if e.current else (_year(e.end) or _year(e.start) or 0) for e in entries.values()]
        last_year = max(years) if years and max(years) else None
        proof = proof or best
        out[sid] = CandidateSkill(
            skill_id=sid,
            how=best.how,
            similarity=best.similarity,
            mentions=len(shits),
            months=months,
            last_year=last_year,
            sources=sources,
            evidence=snippet(text, proof.start, proof.end),
            strength=skill_strength(
                how=best.how,
                similarity=best.similarity,
                mentions=len(shits),
                months=months,
                last_year=last_year,
                sources=sources,
                as_of_year=as_of,
            ),
        )
    _add_implied(out, taxonomy or matcher_for(None).tax)
    return out


def _add_implied(skills: dict[str, CandidateSkill], tax: Taxonomy) -> None:
    """Django implies Python: credit Python at 80 % of Django's strength if not shown directly."""
    implied: dict[str, CandidateSkill] = {}
    for sid in sorted(skills):
        parent = skills[sid]
        for imp in tax.implied_closure(sid):
            if imp in skills:
                continue
            strength = parent.strength * IMPLIED_FACTOR // 1000
            current = implied.get(imp)
            if current is None or strength > current.strength:
                implied[imp] = CandidateSkill(
                    skill_id=imp,
                    how="implied",
                    similarity=100.0,
                    mentions=0,
                    months=parent.months,
                    last_year=parent.last_year,
                    sources=list(parent.sources),
                    evidence=f"via {tax.name(sid)}: {parent.evidence}",
                    strength=strength,
                )
    skills.update(implied)


def build_facts(
    candidate_id: str, text: str, resume: Resume, taxonomy: Taxonomy | None = None
) -> CandidateFacts:
    levels = [DEGREE_LEVELS.get(d.level or "", 0) for d in resume.education]
    grads = [y for y in (_year(d.graduation) for d in resume.education) if y]
    return CandidateFacts(
        id=candidate_id,
        skills=build_skills(text, resume, taxonomy),
        years_experience=resume.years_experience,
        degree_level=max(levels, default=0),
        degree_fields=[d.field for d in resume.education if d.field],
        graduation_year=max(grads) if grads else None,
        location=resume.location,
        seniority=resume.seniority,
        authorizations=list(resume.authorizations),
    )
