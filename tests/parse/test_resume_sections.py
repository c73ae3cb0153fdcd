"""Section headings (desk.parse.sections): spellings, languages, decorations, spans."""

from __future__ import annotations

import pytest

from desk.parse.sections import find_sections, heading_kind, split_lines


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        *[
            (h, "experience")
            for h in (
                "EXPERIENCE",
                "Work Experience",
                "Professional Experience",
                "Work History",
                "Employment",
                "Employment History",
                "Career History",
                "Relevant Experience",
                "Internships",
                "WORK",
                "Berufserfahrung",
                "Expérience professionnelle",
                "Experiencia",
                "Work Experiance",
                "Research Experience",
            )
        ],
        *[
            (h, "skills")
            for h in (
                "Skills",
                "Technical Skills",
                "Core Competencies",
                "Technologies",
                "Tech Stack",
                "Tools",
                "Kenntnisse",
                "Fähigkeiten",
                "Compétences",
                "Habilidades",
                "Skils",
                "STACK",
            )
        ],
        *[
            (h, "education")
            for h in (
                "Education",
                "Academic Background",
                "Qualifications",
                "Ausbildung",
                "Bildung",
                "Studium",
                "Formation",
                "Educación",
                "EDU",
                "Educaton",
            )
        ],
        *[
            (h, "projects")
            for h in ("Projects", "Selected Projects", "Personal Projects", "Projekte", "RESEARCH & PROJECTS")
        ],
        *[
            (h, "certifications")
            for h in (
                "Certifications",
                "Certificates",
                "Licenses & Certifications",
                "Licenses and Certifications",
                "Zertifikate",
            )
        ],
        *[
            (h, "summary")
            for h in (
                "Summary",
                "Profile",
                "About Me",
                "Objective",
                "Professional Summary",
                "Profil",
                "Zusammenfassung",
                "SOBRE MÍ / ABOUT ME",
                "Qualifications Summary",
                "Profesional Summary",
            )
        ],
        *[
            (h, "other")
            for h in ("Languages", "Interests", "PUBLICATIONS", "Awards", "Sprachen", "References")
        ],
    ],
)
def test_heading_spellings(heading: str, kind: str) -> None:
    assert heading_kind(heading) == kind


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("SKILLS:", "skills"),
        ("== Skills ==", "skills"),
        ("## Skills", "skills"),
        ("SKILLS —", "skills"),
        ("— Experience —", "experience"),
        ("  Education  ", "education"),
    ],
)
def test_decorated_headings(line: str, kind: str) -> None:
    assert heading_kind(line.strip()) == kind


@pytest.mark.parametrize(
    "line",
    [
        "Skills: Python, Go, SQL",
        "Languages: English, German",
        "Senior Backend Engineer",
        "Build Tools Engineer",
        "Project Manager",
        "Project Management",
        "- Tools",
        "Experience with Kafka and Postgres at scale.",
        "Jan 2019 – Present",
        "RESUME",
        "Curriculum Vitae",
        "jane@example.com",
        "",
    ],
)
def test_not_headings(line: str) -> None:
    assert heading_kind(line) is None


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("PROJECT DETAILS", "projects"),
        ("Project Profile", "projects"),
        ("Projects Handled", "projects"),
        ("Project Experience", "experience"),
        ("Academic Profile", "education"),
        ("Scholastic Profile", "education"),
        ("Educational Details", "education"),
        ("Strengths", "other"),
        ("DECLARATION", "other"),
    ],
)
def test_indian_resume_headings(heading: str, kind: str) -> None:
    """ "Project Details" was no heading (its projects read as the skills list above), "Academic
    Profile" a summary; "Declaration" ran the education section on to the end."""
    assert heading_kind(heading) == kind


RESUME = """JANE DOE
Berlin, Germany | jane@example.com

SUMMARY
Engineer.

EXPERIENCE
ACME GMBH
2019 - 2021
- built things

EDUCATION
BSc Physics, TU Berlin, 2018

PATENTS
One patent.
"""


def test_spans_run_from_heading_to_next_heading() -> None:
    sections = find_sections(split_lines(RESUME), len(RESUME))
    assert [(s.kind, s.heading) for s in sections] == [
        ("summary", "SUMMARY"),
        ("experience", "EXPERIENCE"),
        ("education", "EDUCATION"),
        ("other", "PATENTS"),  # unknown capitals, once the headings are capitals too
    ]
    for a, b in zip(sections, sections[1:], strict=False):
        assert a.end == b.start
    assert RESUME[sections[0].start :].startswith("SUMMARY")
    assert sections[-1].end == len(RESUME)
    assert (
        "ACME GMBH" in RESUME[sections[1].start : sections[1].end]
    )  # an employer above a date, not a heading


def test_name_in_capitals_is_not_a_heading() -> None:
    text = "BRIAN KOWALCZYK\nChicago, IL\n\nWork Experience\nAcme — Developer\n"
    sections = find_sections(split_lines(text), len(text))
    assert [s.heading for s in sections] == ["Work Experience"]


def test_inline_label_ends_a_section_outside_skills() -> None:
    text = "SKILLS\nLanguages: Python, Go\n\nCERTIFICATIONS\nCKA\n\nLanguages: English, Tamil\n"
    sections = find_sections(split_lines(text), len(text))
    assert [s.kind for s in sections] == ["skills", "certifications", "other"]


def test_split_lines_keeps_offsets() -> None:
    text = "a\r\nbb\n\nccc\x0cd"
    lines = split_lines(text)
    assert [ln.raw for ln in lines] == ["a", "bb", "", "ccc", "d"]
    for ln in lines:
        assert text[ln.start : ln.end] == ln.raw


def test_letter_spaced_headings() -> None:
    text = "JOHN Q. PUBLIC\njohn@example.com\n\nE X P E R I E N C E\nStripe\n\nW O R K   H I S T O R Y\nAcme\n\nS K I L L S\nGo\n"
    sections = find_sections(split_lines(text), len(text))
    assert [s.kind for s in sections] == ["experience", "experience", "skills"]
    assert sections[0].heading == "E X P E R I E N C E"  # as written


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("■職務経歴", "experience"),
        ("■学歴", "education"),
        ("【基本情報】", "other"),
        ("■職務要約", "summary"),
    ],
)
def test_japanese_headings_set_off_by_marks(heading: str, kind: str) -> None:
    """A 職務経歴書 sets its headings off with ■ or 【】; "■" alone is no list marker there."""
    assert heading_kind(heading) == kind


def test_a_bullet_before_an_english_heading_word_is_still_a_list_item() -> None:
    assert heading_kind("- Tools") is None
    assert heading_kind("• Skills") is None
