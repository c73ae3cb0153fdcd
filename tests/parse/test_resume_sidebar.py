"""Sidebar resumes read column by column: LinkedIn's "Save to PDF" export and its kin.

The sidebar ("Contact", "Top Skills", "Languages", "Certifications") comes first in reading
order and the name, headline and location open the main column after it. The name must come
from there, never from a sidebar list item that merely looks like a name ("REST APIs").
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desk.extract import extract_file
from desk.parse.resume import parse_resume
from desk.parse.resume_header import spelt_by_email
from tests.extract.builders import HEADING, make_resume_pdf

TODAY = date(2026, 12, 1)

LINKEDIN = """Contact
+91 98450 12345 (Mobile)
arjun.k@outlook.com
www.linkedin.com/in/arjunk (LinkedIn)

Top Skills
Python (Programming Language)
Django
REST APIs

Languages
English (Full Professional)
Hindi (Native or Bilingual)

Certifications
AWS Certified Developer - Associate

Arjun Krishnan
Lead Software Engineer | Python | Django | AWS
Hyderabad, Telangana, India

Summary
I build backend systems for food delivery at scale, mostly in Python.

Experience
Swiggy
5 years 2 months
Lead Software Engineer
January 2022 - Present (2 years 11 months)
Hyderabad, Telangana, India
Led a team of six building the order service in Django and Celery.
Senior Software Engineer
October 2019 - December 2021 (2 years 3 months)
Bengaluru, Karnataka, India

Mindtree
Software Engineer
July 2016 - September 2019 (3 years 3 months)
Bengaluru Area, India

Education
Anna University
Bachelor of Engineering - BE, Electronics and Communications Engineering · (2012 - 2016)
"""


def _check_linkedin(text: str) -> None:
    r = parse_resume(text, today=TODAY)
    assert r.name == "Arjun Krishnan"
    assert r.location == "Hyderabad, Telangana, India"
    assert (r.email, r.phone) == ("arjun.k@outlook.com", "+91 98450 12345")
    assert [(w.title, w.company, w.start, w.end) for w in r.work] == [
        ("Lead Software Engineer", "Swiggy", "2022-01", None),
        ("Senior Software Engineer", "Swiggy", "2019-10", "2021-12"),
        ("Software Engineer", "Mindtree", "2016-07", "2019-09"),
    ]
    assert [(d.level, d.school) for d in r.education] == [("bachelor", "Anna University")]
    assert "no-name" not in r.flags


def test_linkedin_export_text() -> None:
    _check_linkedin(LINKEDIN)
    # the degree line unwrapped: the field after LinkedIn's "Degree - ABBR," is the subject
    field = parse_resume(LINKEDIN, today=TODAY).education[0].field
    assert field == "Electronics and Communications Engineering"


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_linkedin_layout_pdf(tmp_path: Path, engine: str) -> None:
    """The same profile drawn as a sidebar PDF: both engines read the sidebar first, then the name."""
    blocks = LINKEDIN.split("\n\n")
    sidebar, main = "\n\n".join(blocks[:4]), "\n\n".join(blocks[4:])
    heads = {"Contact", "Top Skills", "Languages", "Certifications", "Summary", "Experience", "Education"}

    def lines(text: str) -> list[str]:
        return [HEADING + t if t in heads else t for t in text.splitlines() if t]

    path = make_resume_pdf(
        tmp_path / "Profile.pdf",
        lines(sidebar),
        columns=2,
        right=lines(main.replace("· ", "")),
    )
    text = extract_file(path, pdf_engine=engine).text
    assert text.index("Top Skills") < text.index("Arjun Krishnan")  # the sidebar did come first
    _check_linkedin(text)


def test_sidebar_list_items_are_not_names() -> None:
    text = "Skills\nREST APIs\nMachine Learning\n\nExperience\nEngineer, Acme — 2019 – 2021\n"
    assert parse_resume(text, today=TODAY).name is None
    text = "Languages\nMandarin (native)\nFrench (fluent)\n\nExperience\nEngineer, Acme — 2019 – 2021\n"
    assert parse_resume(text, today=TODAY).name is None


def test_a_resume_that_opens_with_a_heading_still_finds_its_name() -> None:
    for text in (
        "CONTACT\nJohn Smith\njohn@x.com\n+1 555 123 4567\n\nEXPERIENCE\nEngineer, Acme, 2019 - 2021\n",
        "Profile\nJohn Smith\nBackend developer\n\nExperience\nEngineer, Acme, 2019 - 2021\n",
        "RESUME\n\nJohn Smith\njohn@x.com\n\nEXPERIENCE\nEngineer, Acme, 2019 - 2021\n",
    ):
        assert parse_resume(text, today=TODAY).name == "John Smith"


def test_a_block_before_experience_is_a_name_only_with_evidence() -> None:
    """Without a "Contact" sidebar first or an email that spells it, a name-shaped block standing
    before the first main heading may be a list item or a project: no name beats a wrong one."""
    body = (
        "Certifications\nCKA\n\n{who}\nPlatform engineer\nPune, India\n\nExperience\nSRE, Acme, 2019 - 2021\n"
    )
    assert parse_resume(body.format(who="Payment Gateway"), today=TODAY).name is None
    spelt = body.format(who="Meera Iyer") + "\nmeera.iyer@example.com\n"
    r = parse_resume(spelt, today=TODAY)
    assert (r.name, r.location) == ("Meera Iyer", "Pune, India")


@pytest.mark.parametrize(
    ("name", "email", "spelt"),
    [
        ("Priya Nair", "priya.nair@gmail.com", True),
        ("Priya Nair", "nairpriya84@gmail.com", True),
        ("Priya Nair", "pnair@company.com", True),
        ("José Müller", "jose_muller@web.de", True),
        ("Priya Nair", "coolcoder@gmail.com", False),
        ("REST APIs", "priya.nair@gmail.com", False),
        ("Ann Lee", "annabel@x.com", False),  # one short name inside another word says nothing
        ("Priya Nair", None, False),
    ],
)
def test_spelt_by_email(name: str, email: str | None, spelt: bool) -> None:
    assert spelt_by_email(name, email) is spelt


def test_a_sentence_is_not_the_next_roles_company() -> None:
    text = (
        "Jane Doe\n\nExperience\nAcme Corp\nLead Engineer\nJan 2022 - Present\n"
        "Led a team of six building the order service in Django and Celery.\n"
        "Senior Engineer\nOct 2019 - Dec 2021\n"
    )
    r = parse_resume(text, today=TODAY)
    assert [(w.title, w.company) for w in r.work] == [
        ("Lead Engineer", "Acme Corp"),
        ("Senior Engineer", "Acme Corp"),
    ]


def test_linkedin_export_without_blank_lines() -> None:
    """Some extractors join the blocks with no blank line: the name is found among the last lines
    before "Summary", and a line that holds more than a name ("Yelp Hackathon 22 – Best Hack")
    is not one."""
    text = (
        "Contact\nrafa.dominguez@gmail.com\nTop Skills\nPayments\nHonors-Awards\n"
        "Yelp Hackathon 22 – Best Infrastructure Hack\nRafael Domínguez\n"
        "Engineering Manager, Payments Infrastructure at Stripe\nSan Francisco, California\n"
        "Summary\nI manage two teams.\nExperience\nStripe\nEngineering Manager\n"
        "March 2021 - Present (3 years 7 months)\n"
    )
    r = parse_resume(text, today=TODAY)
    assert (r.name, r.location) == ("Rafael Domínguez", "San Francisco, California")


def test_the_email_decides_between_a_sidebar_line_and_the_main_column() -> None:
    text = (
        "CONTACT\n+91 98200 76543\nnikhil.deshmukh@gmail.com\nSector 17, Vashi,\nNavi Mumbai 400703\n\n"
        "SKILLS\nPHP\nPython\n\nNIKHIL DESHMUKH\nSOFTWARE DEVELOPER\n\nPROFILE\nBackend developer.\n"
    )
    assert parse_resume(text, today=TODAY).name == "Nikhil Deshmukh"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (  # German: the label sits in the "Persönliche Daten" block, after the title
            "Lebenslauf\n\nPersönliche Daten\nName:       Katharina Weißmüller\nTelefon:    +49 176 2345 6789\n\n"
            "Berufserfahrung\n03/2019 – heute   Softwareentwicklerin, Siemens AG\n",
            "Katharina Weißmüller",
        ),
        (
            "Curriculum Vitae\n\nPersonalia\nNaam:    Jeroen van der Berg\n\nWerkervaring\n",
            "Jeroen van der Berg",
        ),
        (
            "Curriculum Vitae                Europass\n\nPERSONAL INFORMATION       Andrei Popescu\n"
            "                           +40 745 123 456\n\nWORK EXPERIENCE\n",
            "Andrei Popescu",
        ),
        ("職務経歴書\n\n氏名 佐藤 健太\nメール: kenta@example.jp\n\n職務経歴\n", "佐藤 健太"),
    ],
)
def test_labelled_names(text: str, name: str) -> None:
    assert parse_resume(text, today=TODAY).name == name


@pytest.mark.parametrize("text", ["氏名：123\nfoo\n", "Name: 42\nExperience\n", "姓名\n\n技能\nPython\n"])
def test_a_label_without_a_name_after_it_does_not_break_the_parse(text: str) -> None:
    """The CJK label has its own group; reading only the first one raised inside the parser."""
    assert not any(f.startswith("parser-error") for f in parse_resume(text, today=TODAY).flags)


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("김지훈 (Kim Ji-hoon)", "김지훈"),
        ("ZHANG Xiaoyu (Sherry)", "ZHANG Xiaoyu"),
        ("백엔드 개발자 / 9년차", None),
    ],
)
def test_romanisation_and_nicknames_in_brackets_and_cjk_titles(line: str, name: str | None) -> None:
    from desk.parse.resume_header import name_from_line

    assert name_from_line(line) == name


def test_linkedin_name_with_pronouns() -> None:
    text = LINKEDIN.replace("\nArjun Krishnan\n", "\nArjun Krishnan (He/Him)\n")
    assert parse_resume(text, today=TODAY).name == "Arjun Krishnan"


def test_a_sidebar_with_education_and_an_unheaded_summary_before_the_main_column() -> None:
    """The sidebar held EDUCATION (a main heading), so the name was sought before it; and an
    unheaded summary stood between the name and WORK EXPERIENCE."""
    text = (
        "[ PHOTO ]\n\nCONTACT\nAustin, TX 78704\nmarcus.okafor@gmail.com\n\nSKILLS\nGo · Python\n\n"
        "EDUCATION\nB.S. Computer Science\nThe University of Texas at Austin\n2010 – 2014\n\n"
        "LANGUAGES\nEnglish – native\n\nMarcus Okafor\nSenior Backend Engineer\n\n"
        "Backend engineer with 12 years of experience building distributed\nsystems in Go.\n\n"
        "WORK EXPERIENCE\n\nSenior Backend Engineer\nAcme Corp | Jan 2020 – Present\n- Go\n"
    )
    assert parse_resume(text, today=TODAY).name == "Marcus Okafor"


def test_an_email_spells_a_german_name_without_umlauts() -> None:
    assert spelt_by_email("Jonas Weißmüller", "jonas.weissmueller@web.de")
    assert spelt_by_email("Jörg Bäcker", "joerg.baecker@example.de")
    assert not spelt_by_email("Jonas Weißmüller", "anna.schmidt@web.de")
