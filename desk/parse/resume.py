"""parse_resume: resume text in, a desk.model.Resume out.

Pure and deterministic given ``today`` (no I/O, no clock beyond the default), standard
library and desk.model only, so the server runs the very same code. It never raises: text
from PDF and DOCX extraction is messy, and a half-parsed resume with flags beats none.
"""

from __future__ import annotations

from datetime import date

from desk.model import Resume, Section
from desk.parse.contacts import find_email, find_links, find_location, find_phone
from desk.parse.resume_education import education_entries
from desk.parse.resume_facts import authorizations, certifications, seniority
from desk.parse.resume_header import (
    find_name,
    labelled_name,
    main_column_name,
    running_name,
    sender_name,
    spelt_by_email,
)
from desk.parse.resume_work import work_entries
from desk.parse.resume_years import years_and_gaps
from desk.parse.sections import (
    CERTIFICATIONS,
    SKILLS,
    Line,
    find_sections,
    is_contact_heading,
    lines_between,
    split_lines,
)

#: Re-exported for callers that recompute years and seniority from other work lists
#: (desk.importer.jsonresume does, for JSON Resume documents).
__all__ = ["parse_resume", "seniority", "years_and_gaps"]

#: Stored with every document (documents.parser_version): which parser read it. resume-2 reads
#: misspelt first headings, CJK resumes, titles in more languages, master-level Diploms, sidebar
#: contact blocks and table header rows; resume-3 reads LinkedIn's PDF export (the name atop the
#: main column, after the sidebar), Europass, Indian resumes (roles and degrees told as sentences,
#: "Jun-2018", experience and education tables), dates with a day or a two-digit year, Polish,
#: Italian, Spanish and Portuguese degrees, and towns in addresses; resume-4 takes a cased
#: ambiguous skill joined to another ("EC2/Chef", "MPI + NumPy", "Swift and Kotlin"), a date set
#: apart by blank lines over its role, sentence-case and more foreign headings, a name in capitals
#: before a headline, and the name atop a main column past a sidebar's EDUCATION and an unheaded
#: summary. resume-5 renders Markdown, reads Awesome-CV's right-aligned dates and PDF tables row by
#: row, Nordic, Turkish, Czech, Romanian and Indonesian dates, headings, titles and degrees, names
#: behind addresses, nicknames, credentials, letterheads and email greetings, and the town of an
#: address. A document stored by an older one may say less.
PARSER_VERSION = "resume-5"
#: Inputs longer than this are cut: no resume is a megabyte, and the parser stays fast.
MAX_CHARS = 200_000


def parse_resume(text: str, *, today: date | None = None) -> Resume:
    """Parse resume text; offsets in the result index into ``text``."""
    today = today or date.today()
    resume = Resume(as_of=f"{today.year:04d}-{today.month:02d}")
    if not isinstance(text, str) or not text.strip():
        resume.flags = ["empty", "no-name", "no-contact"]
        return resume
    try:
        _parse_into(resume, text[:MAX_CHARS], today)
    except Exception as exc:  # a parser bug must not lose the import; tests assert it never happens
        resume.flags.append(f"parser-error:{type(exc).__name__}")
    return resume


def _parse_into(resume: Resume, text: str, today: date) -> None:
    lines = split_lines(text)
    sections = find_sections(lines, len(text))
    resume.sections = sections
    header_end = sections[0].start if sections else min(len(text), _header_guess(lines))
    header_lines = [ln for ln in lines if ln.end <= header_end]
    header_text = text[:header_end]
    body_text = text[header_end:]

    # a sidebar's "Contact" block is header matter wherever the columns put it
    contact = [
        ln for s in sections if is_contact_heading(s.heading) for ln in lines_between(lines, s.start, s.end)
    ]
    resume.name, top = _name(lines, sections, header_lines, contact, find_email(text))
    if top:
        header_lines = header_lines + top  # the headline and location under the name
        header_text = "\n".join([header_text, *(ln.text for ln in top)])
    if contact:
        header_lines = header_lines + contact[1:]
        header_text = "\n".join([header_text, *(ln.text for ln in contact[1:])])
    resume.email = find_email(header_text) or find_email(text)
    resume.phone = find_phone(header_text, body_text)
    resume.links = find_links(header_text, body_text)
    resume.location = find_location(
        [ln.text for ln in header_lines], [ln.text for ln in lines[:60]], resume.name
    )

    resume.education = education_entries(lines, sections, today)
    schools = [d.school for d in resume.education if d.school]
    resume.work = work_entries(text, lines, sections, today, schools)
    resume.years_experience, resume.gaps = years_and_gaps(resume.work, today)
    resume.certifications = certifications(text, lines, sections)
    student = any(
        d.graduation
        and d.graduation.isdigit()
        and (
            int(d.graduation) > today.year or (int(d.graduation) == today.year and "expect" in d.text.lower())
        )
        for d in resume.education
    )
    resume.seniority = seniority(resume.work, resume.years_experience, student)
    resume.authorizations = authorizations(text)

    if any("impossible-range" in w.flags for w in resume.work):
        resume.flags.append("impossible-range")
    if not resume.name:
        resume.flags.append("no-name")
    if not resume.email and not resume.phone:
        resume.flags.append("no-contact")
    if not sections:
        resume.flags.append("no-sections")


def _name(
    lines: list[Line], sections: list[Section], header: list[Line], contact: list[Line], email: str | None
) -> tuple[str | None, list[Line]]:
    """The person's name, and the lines under it when it tops a main column.

    A "Name:" label wins, then a name in the header, else atop a main column. A resume that opens
    with a heading may have it in its first lines or atop the main column after a sidebar; an
    email that spells one of the two decides, else the first lines do (a postcode line, "Navi
    Mumbai 400703", in a sidebar's contact block is name-shaped too).
    """
    texts = [ln.text for ln in lines]
    labelled = labelled_name([ln.text for ln in header + contact]) or sender_name(texts)
    if labelled:
        return labelled, []
    if any(ln.text for ln in header):
        name = find_name([ln.text for ln in header], labels=False)
        found = (name, []) if name else main_column_name(lines, sections, email)
    else:
        opening = find_name(_opening_lines(lines, sections))
        column = main_column_name(lines, sections, email)
        if column and (
            not opening or (spelt_by_email(column[0], email) and not spelt_by_email(opening, email))
        ):
            found = column
        else:
            found = (opening, []) if opening else None
    if found:
        return found
    # last resorts: a label further down ("Candidate: | Oliver Whitfield" under an agency's
    # letterhead), then a running footer
    return labelled_name(texts[:40]) or running_name(texts), []


def _opening_lines(lines: list[Line], sections: list[Section]) -> list[str]:
    """The first lines of a resume that opens with a heading ("CONTACT", "Profile"), for its name:
    not the headings ("About Me"), nor the items of a skills or certifications list there
    ("REST APIs"), which are name-shaped too."""
    lists = [(s.start, s.end) for s in sections if s.kind in (SKILLS, CERTIFICATIONS)]
    heads = {s.start for s in sections}
    return [
        ln.text for ln in lines[:8] if ln.start not in heads and not any(a <= ln.start < b for a, b in lists)
    ]


def _header_guess(lines: list[Line]) -> int:
    """Without headings, the header is the first dozen non-empty lines."""
    seen = 0
    for ln in lines:
        if ln.text:
            seen += 1
            if seen == 12:
                return ln.end
    return lines[-1].end if lines else 0
