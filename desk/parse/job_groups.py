"""Which skills on a JD line are alternatives ("one of") and which stand alone.

"at least one web framework (Django, Flask, FAST)", "(e.g., AWS, Azure)", "Python or
Go", "AWS/GCP" are one requirement met by any member; "PostgreSQL, MySQL, and
Cassandra" are three. Zones are character ranges of the line in which the skills
found form one group.
"""

from __future__ import annotations

import re

from desk.model import SkillHit

CUE_RE = re.compile(
    r"\b(at least one|one or more of|one of|any of|any one of|either|such as|e\.\s?g\.?|eg\.|for example|"
    r"for instance|including but not limited to|like)\b",
    re.I,
)
CATEGORY_BEFORE_RE = re.compile(
    r"(frameworks?|platforms?|clouds?|cloud providers?|providers?|languages?|databases?|data ?stores?|"
    r"tools?|librar(y|ies)|brokers?|queues?|orchestrators?|stacks?|engines?|warehouses?|services|"
    r"technologies|ci/?cd|systems?)\s*$",
    re.I,
)
OR_JOINER_RE = re.compile(
    r"^\s*(,\s*)?(or|and/or|oder|bzw\.?|beziehungsweise|ou|o)\s+$|^\s*/\s*$|^\s*\|\s*$", re.I
)
LIST_JOINER_RE = re.compile(r"^\s*,\s*$")
CLAUSE_END_RE = re.compile(
    r"[;)]|\.(?:\s|$)|\band\b(?=\s+(?:experience|knowledge|familiarity|proficiency))", re.I
)


def _paren_zones(line: str) -> list[tuple[int, int]]:
    zones: list[tuple[int, int]] = []
    for m in re.finditer(r"\(([^()]*)\)", line):
        inner = m.group(1)
        before = line[: m.start()].rstrip()
        cue_before = CUE_RE.search(line[max(0, m.start() - 60) : m.start()])
        if CUE_RE.match(inner.strip()) or cue_before or CATEGORY_BEFORE_RE.search(before):
            zones.append((m.start(1), m.end(1)))
    return zones


def _cue_zones(line: str) -> list[tuple[int, int]]:
    zones: list[tuple[int, int]] = []
    for m in CUE_RE.finditer(line):
        if m.group(1).lower() == "like" and not re.match(r"\s+[A-Z]", line[m.end() :]):
            continue
        rest = line[m.end() :]
        # a parenthesis right after the cue is handled as a paren zone
        end_m = CLAUSE_END_RE.search(rest)
        end = m.end() + (end_m.start() if end_m else len(rest))
        if "(" in line[m.end() : end]:
            paren = line.index("(", m.end())
            close = line.find(")", paren)
            end = close if close > 0 else end
        zones.append((m.end(), end))
    return zones


def group_hits(line: str, hits: list[SkillHit]) -> tuple[list[list[str]], list[str]]:
    """Split the skill ids of one line into groups of alternatives and single skills."""
    zones = _paren_zones(line) + _cue_zones(line)
    first: dict[str, SkillHit] = {}
    for h in hits:  # a skill named twice on a line ("CSS ... CSS-in-JS") counts where it first stands
        first.setdefault(h.skill_id, h)
    ordered = sorted(first.values(), key=lambda h: h.start)
    assigned: dict[str, int] = {}
    groups: list[list[str]] = []
    for lo, hi in sorted(zones):
        members = [h.skill_id for h in ordered if lo <= h.start < hi and h.skill_id not in assigned]
        if len(members) >= 2:
            for sid in members:
                assigned[sid] = len(groups)
            groups.append(members)
    # "Python or Go", "AWS/GCP": a run of skills joined by or-words and commas with at least one "or".
    run: list[SkillHit] = []
    saw_or = False

    def flush() -> None:
        nonlocal run, saw_or
        free = [h.skill_id for h in run if h.skill_id not in assigned]
        if saw_or and len(free) >= 2:
            for sid in free:
                assigned[sid] = len(groups)
            groups.append(free)
        run, saw_or = [], False

    for h in ordered:
        if run:
            gap = line[run[-1].end : h.start]
            if saw_or:  # "A, B or C, D": the item after "or" closes the list
                flush()
            elif OR_JOINER_RE.match(gap):
                saw_or = True
            elif not LIST_JOINER_RE.match(gap):
                flush()
        run.append(h)
        if saw_or:
            flush()
    flush()
    singles = [h.skill_id for h in ordered if h.skill_id not in assigned]
    return groups, singles
