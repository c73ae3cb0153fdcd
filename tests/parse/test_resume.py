"""parse_resume end to end: the contract, purity, robustness and speed."""

from __future__ import annotations

import ast
import json
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desk.model import DEGREE_LEVELS, Resume
from desk.parse.resume import parse_resume

TODAY = date(2026, 12, 1)
PARSE_DIR = Path(__file__).resolve().parents[2] / "desk" / "parse"
SAMPLES = Path(__file__).resolve().parents[2] / "desk" / "samples" / "resumes"

RESUME = """JANE DOE
Senior Backend Engineer
Austin, TX | (512) 555-0134 | jane.doe@example.com | github.com/janedoe | linkedin.com/in/jane-doe
U.S. Citizen · Active Secret clearance

PROFESSIONAL SUMMARY
Backend engineer, eight years of Python.

WORK EXPERIENCE

Senior Backend Engineer, Brightwater Payments — Jan 2021 – Present
• Own the settlement service (Django, PostgreSQL)
• Event-driven pipeline on Kafka

Backend Engineer at Tallyho Logistics | 2017 - 2019
- REST APIs in Flask

EDUCATION
B.S. Computer Science, University of Texas at Austin, 2013 – 2017

TECHNICAL SKILLS
Python, Django, PostgreSQL, Kafka

CERTIFICATIONS
AWS Certified Developer – Associate (2022)
"""


def test_full_resume() -> None:
    r = parse_resume(RESUME, today=TODAY)
    assert (r.name, r.email, r.phone, r.location) == (
        "Jane Doe",
        "jane.doe@example.com",
        "(512) 555-0134",
        "Austin, TX",
    )
    assert r.links == ["github.com/janedoe", "linkedin.com/in/jane-doe"]
    assert [s.kind for s in r.sections] == ["summary", "experience", "education", "skills", "certifications"]
    assert [(w.title, w.company, w.start, w.end, w.current, w.months) for w in r.work] == [
        ("Senior Backend Engineer", "Brightwater Payments", "2021-01", None, True, 72),
        ("Backend Engineer", "Tallyho Logistics", "2017", "2019", False, 36),
    ]
    assert r.years_experience == 9.0
    assert r.gaps == [{"start": "2020-01", "end": "2020-12", "months": 12}]
    assert [(d.level, d.field, d.school, d.graduation) for d in r.education] == [
        ("bachelor", "Computer Science", "University of Texas at Austin", "2017")
    ]
    assert r.certifications == ["AWS Certified Developer – Associate"]
    assert r.seniority == "senior"
    assert r.authorizations == ["us-citizen", "clearance:secret"]
    assert r.flags == []
    assert r.as_of == "2026-12"


def test_offsets_point_into_the_text() -> None:
    r = parse_resume(RESUME, today=TODAY)
    for s in r.sections:
        assert RESUME[s.start :].startswith(s.heading)
    skills = next(s for s in r.sections if s.kind == "skills")
    assert RESUME[skills.start : skills.end].strip() == "TECHNICAL SKILLS\nPython, Django, PostgreSQL, Kafka"
    first = r.work[0]
    assert RESUME[first.start_offset : first.end_offset].startswith("Senior Backend Engineer, Brightwater")
    assert RESUME[first.start_offset : first.end_offset].endswith("pipeline on Kafka")


def test_deterministic_and_json_safe() -> None:
    a = parse_resume(RESUME, today=TODAY).to_dict()
    b = parse_resume(RESUME, today=TODAY).to_dict()
    assert a == b
    assert Resume.from_dict(json.loads(json.dumps(a))).to_dict() == a


def test_today_defaults_to_the_clock() -> None:
    today = date.today()
    assert parse_resume("Jane Doe").as_of == f"{today.year:04d}-{today.month:02d}"


@pytest.mark.parametrize(
    ("text", "flags"),
    [
        ("", ["empty", "no-name", "no-contact"]),
        ("   \n\t\n", ["empty", "no-name", "no-contact"]),
        ("Jane Doe\nSenior Engineer\n", ["no-contact", "no-sections"]),
        ("jane@x.com\n\nEXPERIENCE\nEngineer, Acme Inc — 2019 – 2021\n", ["no-name"]),
    ],
)
def test_flags(text: str, flags: list[str]) -> None:
    assert parse_resume(text, today=TODAY).flags == flags


def test_imports_stay_pure() -> None:
    """Standard library and desk.model only (rapidfuzz allowed): the server runs this code as is."""
    allowed_roots = set(sys.stdlib_module_names) | {"desk", "rapidfuzz"}
    files = [
        *PARSE_DIR.glob("resume*.py"),
        *(PARSE_DIR / n for n in ("dates.py", "contacts.py", "sections.py")),
    ]
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert name.split(".")[0] in allowed_roots, f"{path.name} imports {name}"
                if name.startswith("desk."):
                    assert name == "desk.model" or name.startswith("desk.parse."), (
                        f"{path.name} imports {name}"
                    )


# -- robustness ------------------------------------------------------------------------
def check(r: Resume, text: str) -> None:
    """Invariants every result keeps, whatever the input."""
    assert isinstance(r, Resume)
    assert r.as_of == "2026-12"
    last = -1
    for s in r.sections:
        assert last <= s.start < s.end <= len(text)
        last = s.end
    for w in r.work:
        assert 0 <= w.start_offset <= w.end_offset <= len(text)
        assert w.months >= 0
        if "impossible-range" in w.flags:
            assert w.months == 0
            assert "impossible-range" in r.flags
        if w.current:
            assert w.end is None
    assert r.years_experience is None or r.years_experience >= 0
    assert all(g["months"] >= 6 for g in r.gaps)
    assert all(d.level in DEGREE_LEVELS for d in r.education)
    assert not any(f.startswith("parser-error") for f in r.flags), r.flags
    json.dumps(r.to_dict())


@settings(deadline=None, max_examples=200)
@given(st.text())
def test_never_raises_on_any_text(text: str) -> None:
    check(parse_resume(text, today=TODAY), text)


_headings = st.sampled_from(
    [
        "EXPERIENCE",
        "Work History",
        "Berufserfahrung",
        "EDUCATION",
        "Ausbildung",
        "Skills:",
        "== Projects ==",
        "CERTIFICATIONS",
        "Summary",
        "LANGUAGES",
        "Internships",
        "Formation",
        "## Experience",
    ]
)
_dates = st.sampled_from(
    [
        "Jan 2019 – Present",
        "2017-2020",
        "03/2018 - 06/2021",
        "2021–now",
        "June 2015 to August 2018",
        "2019.03 - 2021.06",
        "Mar '19 – Jun '21",
        "10/2021 – heute",
        "2021 - 2019",
        "Present - 2018",
        "2019",
        "Jan 2031 – Present",
        "Summer 2024",
        "",
    ]
)
_words = st.sampled_from(
    [
        "Senior",
        "Engineer",
        "Acme Corp",
        "GmbH",
        "at",
        "—",
        "|",
        ",",
        "Intern",
        "University of X",
        "BSc",
        "Ph.D.",
        "Manager",
        "Berlin, Germany",
        "Austin, TX",
        "jane@x.com",
        "+44 20 7946 0958",
        "github.com/x",
        "•",
        "-",
        "▪",
        "Python",
        "Kafka",
        "(",
        ")",
        "Remote",
        "U.S. Citizen",
        "TS/SCI",
        "Promotion",
        "JANE DOE",
    ]
)
_line = st.one_of(
    _headings,
    st.builds(lambda ws, d: " ".join([*ws, d]), st.lists(_words, max_size=8), _dates),
    st.builds(lambda ws: "• " + " ".join(ws), st.lists(_words, max_size=10)),
    st.text(max_size=40),
    st.just(""),
)


@settings(deadline=None, max_examples=200)
@given(st.lists(_line, max_size=40), st.sampled_from(["\n", "\r\n", "\n\n"]))
def test_never_raises_on_resume_like_text(lines: list[str], newline: str) -> None:
    text = newline.join(lines)
    check(parse_resume(text, today=TODAY), text)


@settings(deadline=None, max_examples=200)
@given(st.integers(1990, 2026), st.integers(1, 12), st.integers(1, 20))
def test_backwards_ranges_are_flagged(year: int, month: int, back: int) -> None:
    start = f"{month:02d}/{year}"
    end_year = year - back
    text = f"Jane Doe\n\nEXPERIENCE\nEngineer, Acme Inc — {start} – {month:02d}/{end_year}\n"
    r = parse_resume(text, today=TODAY)
    assert [w.flags for w in r.work] == [["impossible-range"]]
    assert r.work[0].months == 0
    assert r.years_experience is None
    assert "impossible-range" in r.flags


@pytest.mark.parametrize(
    "text",
    [
        "a-" * 25_000,
        "2019 " * 10_000,
        "Jan " * 12_500,
        "a." * 25_000,
        "1-" * 25_000,
        "(" * 50_000,
        " " * 25_000 + "x" + " " * 25_000,
        "\n".join(f"Engineer, Acme {i} — 2019 - 2020" for i in range(5_000)),
        "EXPERIENCE\n" + "\n".join(f"- did {i} things Jan 2019 – Present" for i in range(5_000)),
        "\x00\x01\x0c\x0b\u2028" * 10_000,
        "🙂 Ω ≈ ç √ ∫ " * 4_000,
    ],
    ids=[
        "a-",
        "2019",
        "Jan",
        "a.",
        "1-",
        "paren",
        "spaces",
        "5000-lines",
        "5000-bullets",
        "control",
        "unicode",
    ],
)
def test_pathological_inputs_are_fast(text: str) -> None:
    started = time.process_time()
    r = parse_resume(text, today=TODAY)
    assert time.process_time() - started < 2.0
    check(r, text)


def test_samples_parse_fast() -> None:
    """A few milliseconds per resume at most (CPU time; ~1 ms is typical)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    if not texts:
        pytest.skip("no sample resumes")
    for t in texts:
        parse_resume(t, today=TODAY)
    started = time.process_time()
    for t in texts:
        parse_resume(t, today=TODAY)
    assert (time.process_time() - started) / len(texts) < 0.010


def test_to_dict_is_asdict() -> None:
    """Resume.to_dict is written out for speed; it must stay what dataclasses.asdict gives,
    key order included (the stored profile JSON is compared byte for byte)."""
    import dataclasses
    from importlib import resources

    folder = resources.files("desk.samples").joinpath("resumes")
    texts = [p.read_text(encoding="utf-8") for p in folder.iterdir() if p.name.endswith(".txt")]
    for text in [RESUME, *texts]:
        resume = parse_resume(text, today=TODAY)
        resume.gaps.append({"start": "2020-01", "end": "2020-06", "months": 5})
        fast = resume.to_dict()
        assert json.dumps(fast) == json.dumps(dataclasses.asdict(resume))
        if fast["work"]:
            fast["work"][0]["flags"].append("x")
        fast["links"].append("x")
        assert resume.to_dict() == dataclasses.asdict(resume)  # a copy, not a view
