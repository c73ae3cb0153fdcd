"""A JSON Resume to a desk Resume: take what the document states, parse the rendered text for the rest.

Why both: the structured fields (email, dates, employers) are exact and beat any text
parser, but skills evidence, sections and the facts JSON Resume has no field for
(authorizations, certifications in prose, seniority) come from parsing the rendered text,
whose offsets also tie each skill mention to its work entry. Years and seniority are
recomputed with the parser's own helpers (reached through ``desk.parse.resume``, the
parser's public module) so a JSON resume and a text resume count months the same way.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from desk.extract.jsonresume import render
from desk.extract.tidy import tidy
from desk.model import Degree, Resume, WorkEntry
from desk.parse import resume as parser
from desk.parse.dates import DateRange, period
from desk.parse.resume import parse_resume

_YM = re.compile(r"^(\d{4})(?:-(\d{1,2}))?")
_LEVELS = (
    ("phd", r"ph\.?\s?d|doctor|dphil"),
    ("mba", r"\bmba\b|business administration"),
    ("master", r"master|\bm\.?sc?\b|\bm\.?a\b|\bm\.?eng\b|\bmphil\b"),
    ("bachelor", r"bachelor|\bb\.?sc?\b|\bb\.?a\b|\bb\.?eng\b|\bb\.?tech\b"),
    ("associate", r"associate"),
    ("diploma", r"diplom"),
    ("highschool", r"high school|secondary|a-?levels?|abitur"),
)


def resume_from_json(doc: dict[str, Any], text: str, *, today: date | None = None) -> Resume:
    """``text`` is the rendering desk.extract made of ``doc``; fields ``doc`` states win over parsing."""
    today = today or date.today()
    resume = parse_resume(text, today=today)
    basics = _dict(doc.get("basics"))
    resume.name = _s(basics.get("name")) or resume.name
    resume.email = _s(basics.get("email")) or resume.email
    resume.phone = _s(basics.get("phone")) or resume.phone
    resume.location = _location(_dict(basics.get("location"))) or resume.location
    links = [_s(basics.get("url")), *(_s(p.get("url")) for p in _dicts(basics.get("profiles")))]
    resume.links = list(dict.fromkeys([*(link for link in links if link), *resume.links]))
    work = _work(_dicts(doc.get("work")), text, today)
    if work:
        resume.work = work
        resume.years_experience, resume.gaps = parser.years_and_gaps(work, today)
        student = any(
            (d.graduation or "")[:4].isdigit() and int(d.graduation[:4]) >= today.year  # type: ignore[index]
            for d in resume.education
        )
        resume.seniority = parser.seniority(work, resume.years_experience, student)
    education = [_degree(e, resume.education, i) for i, e in enumerate(_dicts(doc.get("education")))]
    if education:
        resume.education = education
    for flag in ("no-name", "no-contact"):
        if flag in resume.flags and (resume.name if flag == "no-name" else resume.email or resume.phone):
            resume.flags.remove(flag)
    return resume


def _work(entries: list[dict[str, Any]], text: str, today: date) -> list[WorkEntry]:
    """Work entries with their exact dates; offsets found by locating each rendered entry in ``text``."""
    out: list[WorkEntry] = []
    cursor = 0
    for entry in entries:
        block = tidy(render({"work": [entry]})).split("\n", 1)[-1]
        start = text.find(block, cursor)
        if start < 0:
            start = text.find(block.split("\n", 1)[0], cursor)
        end = start + len(block) if start >= 0 else -1
        if start >= 0:
            cursor = end
        first, last = _ym(entry.get("startDate")), _ym(entry.get("endDate"))
        current = first is not None and last is None
        span = period(DateRange(first, last, current, 0, 0), today) if first else None
        flags = ["impossible-range"] if span is not None and span.impossible else []
        out.append(
            WorkEntry(
                title=_s(entry.get("position")) or None,
                company=_s(entry.get("name")) or _s(entry.get("company")) or None,
                location=_s(entry.get("location")) or None,
                start=_ym_str(first),
                end=None if current else _ym_str(last),
                current=current,
                months=span.months if span is not None else 0,
                start_offset=max(start, 0),
                end_offset=max(end, 0),
                flags=flags,
            )
        )
    return out


def _degree(entry: dict[str, Any], parsed: list[Degree], index: int) -> Degree:
    study = _s(entry.get("studyType"))
    level = next((lv for lv, pat in _LEVELS if re.search(pat, study, re.I)), None)
    if level is None and index < len(parsed):
        level = parsed[index].level
    end = _ym(entry.get("endDate"))
    return Degree(
        level=level,
        field=_s(entry.get("area")) or None,
        school=_s(entry.get("institution")) or None,
        graduation=str(end[0]) if end else None,
        text=" ".join(v for v in (study, _s(entry.get("area")), _s(entry.get("institution"))) if v),
    )


def _location(loc: dict[str, Any]) -> str | None:
    parts = [_s(loc.get(k)) for k in ("city", "region", "countryCode")]
    return ", ".join(p for p in parts if p) or _s(loc.get("address")) or None


def _ym(value: Any) -> tuple[int, int | None] | None:
    m = _YM.match(_s(value))
    if not m:
        return None
    month = int(m.group(2)) if m.group(2) else None
    return int(m.group(1)), month if month and 1 <= month <= 12 else None


def _ym_str(ym: tuple[int, int | None] | None) -> str | None:
    if ym is None:
        return None
    return f"{ym[0]:04d}-{ym[1]:02d}" if ym[1] else f"{ym[0]:04d}"


def _s(value: Any) -> str:
    return str(value).strip() if isinstance(value, (str, int, float)) and not isinstance(value, bool) else ""


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []
