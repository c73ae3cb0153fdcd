"""parse_resume against the hand-written expectations in tests/fixtures/resume_expected/.

One test per fixture and field group, so a failure names the resume and what went wrong.
Comparisons follow the fixtures' README: text as written, case and spacing ignored; years
within 0.3; gaps within a month; education level and year exact, field and school contained.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from desk.model import Resume
from desk.parse.resume import parse_resume

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "desk" / "samples" / "resumes"
EXPECTED = ROOT / "tests" / "fixtures" / "resume_expected"
TODAY = date(2026, 12, 1)
FIXTURES = sorted(p.stem for p in EXPECTED.glob("*.json") if (SAMPLES / f"{p.stem}.txt").exists())
FIELDS = ("contacts", "location_links", "work", "years", "gaps", "education")

#: (fixture, field group) pairs where the fixture disagrees with its resume text (reported, not edited).
KNOWN_FIXTURE_ISSUES: dict[tuple[str, str], str] = {}


def norm(value: Any) -> str:
    return re.sub(r"\s+", " ", str(value or "")).strip().casefold()


def _month(ym: str) -> int:
    return int(ym[:4]) * 12 + int(ym[5:7]) - 1


_parsed: dict[str, Resume] = {}


def parsed(stem: str) -> tuple[Resume, dict[str, Any]]:
    if stem not in _parsed:
        _parsed[stem] = parse_resume((SAMPLES / f"{stem}.txt").read_text(encoding="utf-8"), today=TODAY)
    return _parsed[stem], json.loads((EXPECTED / f"{stem}.json").read_text(encoding="utf-8"))


def mismatches(stem: str, group: str) -> list[str]:
    """What differs for one field group (empty when it matches); also used by the accuracy report."""
    r, exp = parsed(stem)
    out: list[str] = []
    if group == "contacts":
        for key in ("name", "email", "phone"):
            if norm(getattr(r, key)) != norm(exp.get(key)):
                out.append(f"{key}: got {getattr(r, key)!r}, want {exp.get(key)!r}")
    elif group == "location_links":
        got, want = norm(r.location), norm(exp.get("location"))
        if (got or want) and not (got and want and (got in want or want in got)):
            out.append(f"location: got {r.location!r}, want {exp.get('location')!r}")
        if sorted(map(norm, r.links)) != sorted(map(norm, exp.get("links", []))):
            out.append(f"links: got {r.links}, want {exp.get('links')}")
    elif group == "work":
        want = exp.get("work", [])
        if len(r.work) != len(want):
            out.append(f"work: got {len(r.work)} entries, want {len(want)}")
        for i, (w, e) in enumerate(zip(r.work, want, strict=False)):
            for key in ("title", "company", "start", "end"):
                if norm(getattr(w, key)) != norm(e.get(key)):
                    out.append(f"work[{i}].{key}: got {getattr(w, key)!r}, want {e.get(key)!r}")
    elif group == "years":
        want = exp.get("years_experience")
        if (want is None) != (r.years_experience is None) or (
            want is not None and abs(r.years_experience - want) > 0.3  # type: ignore[operator]
        ):
            out.append(f"years: got {r.years_experience}, want {want}")
    elif group == "gaps":
        want = exp.get("gaps", [])
        ok = len(r.gaps) == len(want) and all(
            abs(_month(g["start"]) - _month(e["start"])) <= 1
            and abs(_month(g["end"]) - _month(e["end"])) <= 1
            for g, e in zip(r.gaps, want, strict=False)
        )
        if not ok:
            out.append(f"gaps: got {r.gaps}, want {want}")
    elif group == "education":
        want = exp.get("education", [])
        if len(r.education) != len(want):
            out.append(f"education: got {len(r.education)} degrees, want {len(want)}")
        for i, (d, e) in enumerate(zip(r.education, want, strict=False)):
            for key in ("level", "graduation"):
                if norm(getattr(d, key)) != norm(e.get(key)):
                    out.append(f"education[{i}].{key}: got {getattr(d, key)!r}, want {e.get(key)!r}")
            for key in ("field", "school"):
                got, w = norm(getattr(d, key)), norm(e.get(key))
                if w and not (got and (w in got or got in w)):
                    out.append(f"education[{i}].{key}: got {getattr(d, key)!r}, want {e.get(key)!r}")
    return out


def test_fixtures_exist() -> None:
    assert FIXTURES, "no resume fixtures found"


@pytest.mark.parametrize("group", FIELDS)
@pytest.mark.parametrize("stem", FIXTURES)
def test_fixture(stem: str, group: str) -> None:
    if (stem, group) in KNOWN_FIXTURE_ISSUES:
        pytest.xfail(KNOWN_FIXTURE_ISSUES[(stem, group)])
    assert mismatches(stem, group) == []


@pytest.mark.parametrize("stem", FIXTURES)
def test_fixture_certifications(stem: str) -> None:
    """Certification lines as the fixture lists them (years in brackets dropped)."""
    r, exp = parsed(stem)
    assert sorted(map(norm, r.certifications)) == sorted(map(norm, exp.get("certifications", [])))


def accuracy_report() -> str:
    """Per-field accuracy over all fixtures: `python -m tests.parse.test_resume_fixtures`."""
    lines = []
    full = 0
    per_group = dict.fromkeys(FIELDS, 0)
    for stem in FIXTURES:
        bad = {g: mismatches(stem, g) for g in FIELDS}
        for g, m in bad.items():
            per_group[g] += not m
        if not any(bad.values()):
            full += 1
        for g, m in bad.items():
            lines += [f"{stem} {g}: {x}" for x in m]
    head = [f"{full}/{len(FIXTURES)} fixtures fully correct"]
    head += [f"  {g}: {n}/{len(FIXTURES)}" for g, n in per_group.items()]
    return "\n".join(head + lines)


if __name__ == "__main__":
    print(accuracy_report())
