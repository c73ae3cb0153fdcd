"""From a parsed resume to what the scorer knows: canonical skills with evidence and recency.

Done once per candidate at import (and stored), because ranking 100,000
candidates against a job must not re-read their resumes.
"""

from __future__ import annotations

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


def _entry_for(offset: int, work: list[WorkEntry]) -> WorkEntry | None:
    for entry in work:
        if entry.start_offset <= offset < entry.end_offset:
            return entry
    return None


def _source_for(offset: int, resume: Resume) -> str:
    for section in resume.sections:
        if section.start <= offset < section.end:
            return SECTION_SOURCE.get(section.kind, "other")
    return "other"


def build_skills(text: str, resume: Resume, taxonomy: Taxonomy | None = None) -> dict[str, CandidateSkill]:
    """Canonical skills of one resume, each with mentions, months, last year, sources, evidence."""
    hits = matcher_for(taxonomy).find(text, implied=False)
    as_of = _as_of_year(resume)
    by_skill: dict[str, list[SkillHit]] = defaultdict(list)
    for h in hits:
        by_skill[h.skill_id].append(h)
    out: dict[str, CandidateSkill] = {}
    for sid, shits in by_skill.items():
        entries: dict[int, WorkEntry] = {}
        sources: list[str] = []
        for h in shits:
            entry = _entry_for(h.start, resume.work)
            src = "work" if entry is not None else _source_for(h.start, resume)
            if src not in sources:
                sources.append(src)
            if entry is not None and "impossible-range" not in entry.flags:
                entries[id(entry)] = entry
        months = sum(e.months for e in entries.values())
        last_year = max(
            (as_of if e.current else (_year(e.end) or _year(e.start) or 0) for e in entries.values()),
            default=None,
        )
        best = max(shits, key=lambda h: (HOW_RANK[h.how], h.similarity))
        proof = next((h for h in shits if _entry_for(h.start, resume.work) is not None), best)
        sources.sort(key=lambda s: ("work", "project", "skills", "summary", "education", "other").index(s))
        out[sid] = CandidateSkill(
            skill_id=sid,
            how=best.how,
            similarity=best.similarity,
            mentions=len(shits),
            months=months,
            last_year=last_year or None,
            sources=sources,
            evidence=snippet(text, proof.start, proof.end),
            strength=skill_strength(
                how=best.how,
                similarity=best.similarity,
                mentions=len(shits),
                months=months,
                last_year=last_year or None,
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
