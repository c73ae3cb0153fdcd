"""From a parsed resume to what the scorer knows: canonical skills with evidence and recency.

Done once per candidate at import (and stored), because ranking 100,000
candidates against a job must not re-read their resumes.
"""

from __future__ import annotations

from bisect import bisect_right

from desk.model import DEGREE_LEVELS, CandidateFacts, CandidateSkill, Resume, WorkEntry
from desk.scoring import IMPLIED_FACTOR, skill_strength
from desk.skills.matcher import SNIPPET_WIDTH, Raw, cut_snippet, matcher_for
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


class _Segments:
    """The text cut where a work entry or a section starts or ends, so that one binary
    search per hit says which entry and which source it belongs to."""

    def __init__(self, resume: Resume) -> None:
        where = _Locator(resume)
        cuts = {0}
        for w in where.work:
            cuts.update((w.start_offset, w.end_offset))
        for sec in where.sections:
            cuts.update((sec.start, sec.end))
        self.starts = sorted(c for c in cuts if c >= 0)
        self.info: list[tuple[WorkEntry | None, str]] = []
        for cut in self.starts:
            entry = where.entry(cut) if where.work else None
            src = "work" if entry is not None else (where.source(cut) if where.sections else "other")
            self.info.append((entry, src))

    def at(self, offset: int) -> tuple[WorkEntry | None, str]:
        return self.info[bisect_right(self.starts, offset) - 1]


def _nowhere(offset: int) -> tuple[WorkEntry | None, str]:
    """Where a hit is in a resume without sections or dated work: nowhere in particular."""
    return None, "other"


class _Evidence:
    """Evidence lines of one text; a skills line holding twenty names is cut once.

    A line longer than a snippet gives each hit the part of it around the hit
    (``cut_snippet``), cut from the stripped line kept here rather than found and
    stripped again per hit: skills lists are the long lines, and they hold most hits.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        #: line start -> the stripped line, and where it starts in the text (long lines)
        self.lines: dict[int, tuple[str, int]] = {}

    def at(self, start: int) -> str:
        text = self.text
        line_start = text.rfind("\n", 0, start) + 1
        got = self.lines.get(line_start)
        if got is None:
            line_end = text.find("\n", start)  # the hit's first line, whichever hit comes first
            raw = text[line_start : line_end if line_end >= 0 else len(text)]
            line = raw.strip()
            got = self.lines[line_start] = (line, line_start + len(raw) - len(raw.lstrip()))
        line, offset = got
        if len(line) <= SNIPPET_WIDTH:
            return line
        return cut_snippet(line, start - offset)


def build_skills(text: str, resume: Resume, taxonomy: Taxonomy | None = None) -> dict[str, CandidateSkill]:
    """Canonical skills of one resume, each with mentions, months, last year, sources, evidence.

    Runs at import for every resume (the bench target is 1,000 resumes/s on one core),
    hence plain tuples from ``SkillMatcher.scan``, one binary search per hit, and the
    strength of equal evidence computed once.
    """
    matcher = matcher_for(taxonomy)
    skills_sections = [(s.start, s.end) for s in resume.sections if s.kind == "skills"]
    hits = matcher.scan(text, list_spans=skills_sections)
    as_of = _as_of_year(resume)
    at = _Segments(resume).at if (resume.work or resume.sections) else _nowhere
    by_skill: dict[str, list[Raw]] = {}
    for h in hits:
        group = by_skill.get(h[2])
        if group is None:
            by_skill[h[2]] = [h]
        else:
            group.append(h)
    evidence = _Evidence(text)
    strengths = _STRENGTHS
    out: dict[str, CandidateSkill] = {}
    for sid, shits in by_skill.items():
        best = proof = shits[0]
        if len(shits) == 1:
            entry, src = at(best[0])
            if entry is None or "impossible-range" in entry.flags:
                months, last_year = 0, None
            else:
                months = entry.months
                last_year = as_of if entry.current else (_year(entry.end) or _year(entry.start) or None)
            sources: list[str] = [src]
        else:
            seen: dict[int, WorkEntry] = {}
            found = None
            places = set()
            for h in shits:
                if HOW_RANK[h[3]] > HOW_RANK[best[3]] or (h[3] == best[3] and h[4] > best[4]):
                    best = h
                entry, src = at(h[0])
                places.add(src)
                if entry is not None and "impossible-range" not in entry.flags:
                    seen[id(entry)] = entry
                    found = found or h
            proof = found or best
            months = sum(e.months for e in seen.values())
            years = [as_of if e.current else (_year(e.end) or _year(e.start) or 0) for e in seen.values()]
            last_year = max(years) if years and max(years) else None
            sources = sorted(places, key=SOURCE_ORDER.__getitem__) if len(places) > 1 else [*places]
        how, similarity, mentions = best[3], best[4], len(shits)
        key = (as_of, how, similarity, mentions, months, last_year, *sources)
        strength = strengths.get(key)
        if strength is None:
            strength = _strength(key)
        out[sid] = CandidateSkill(
            sid,
            how,
            similarity,
            mentions,
            months,
            last_year,
            sources,
            evidence.at(proof[0]),
            strength,
        )
    _add_implied(out, matcher.tax)
    return out


#: skill_strength of recent inputs: (as of, how, similarity, mentions, months, last year, *sources)
_STRENGTHS: dict[tuple, int] = {}


def _strength(key: tuple) -> int:
    """``skill_strength`` remembered: most skills of most resumes share a handful of inputs."""
    if len(_STRENGTHS) > 100_000:
        _STRENGTHS.clear()
    as_of, how, similarity, mentions, months, last_year, *sources = key
    got = _STRENGTHS[key] = skill_strength(
        how=how,
        similarity=similarity,
        mentions=mentions,
        months=months,
        last_year=last_year,
        sources=sources,
        as_of_year=as_of,
    )
    return got


def _add_implied(skills: dict[str, CandidateSkill], tax: Taxonomy) -> None:
    """Django implies Python: credit Python at 80 % of Django's strength if not shown directly.

    The strongest parent gives the credit (the first in id order on a tie); it is chosen
    before any record is built, because most implied skills have several parents."""
    implying = tax.implying()
    best: dict[str, tuple[int, CandidateSkill]] = {}
    for sid in sorted(skills.keys() & implying.keys()):
        parent = skills[sid]
        strength = parent.strength * IMPLIED_FACTOR // 1000
        for imp in implying[sid]:
            if imp in skills:
                continue
            current = best.get(imp)
            if current is None or strength > current[0]:
                best[imp] = (strength, parent)
    for imp, (strength, parent) in best.items():
        skills[imp] = CandidateSkill(
            skill_id=imp,
            how="implied",
            similarity=100.0,
            mentions=0,
            months=parent.months,
            last_year=parent.last_year,
            sources=list(parent.sources),
            evidence=f"via {tax.name(parent.skill_id)}: {parent.evidence}",
            strength=strength,
        )


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
