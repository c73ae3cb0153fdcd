"""Builders for real PDF and DOCX files, shared by the extract tests, other test modules and the bench.

Tests build their inputs with fpdf2 and python-docx instead of checking in binaries, so a fixture
says in code what it contains. A line that starts with ``"# "`` is a section heading: bold, a little
larger, with space above it, the way resumes set them.

Import as ``from tests.extract.builders import make_resume_pdf`` (``python -m pytest`` puts the repo
root on ``sys.path``).
"""

from __future__ import annotations

import os
import random
from collections.abc import Sequence
from pathlib import Path

import docx
from fpdf import FPDF

HEADING = "# "
PAGE_W, PAGE_H = 595.0, 842.0  # A4 in points
MARGIN = 42.0
GUTTER = 28.0
LEFT_SHARE = 0.36  # a sidebar resume's left column is about a third of the page

Table = Sequence[Sequence[str]]


def new_pdf() -> FPDF:
    """An A4 document in points with the core Helvetica font and no automatic page breaks."""
    pdf = FPDF(unit="pt", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_font("Helvetica", size=10)
    return pdf


def draw_lines(pdf: FPDF, lines: Sequence[str], x: float, y: float, width: float, size: float = 10) -> float:
    """Draw lines in a box of ``width`` from (x, y), wrapping long ones; return the y below the last."""
    for line in lines:
        if line.startswith(HEADING):
            y += size * 0.9
            pdf.set_font("Helvetica", style="B", size=size + 2)
            text, height = line[len(HEADING) :], (size + 2) * 1.3
        else:
            pdf.set_font("Helvetica", size=size)
            text, height = line, size * 1.3
        pdf.set_xy(x, y)
        pdf.multi_cell(width, height, text, new_x="LEFT", new_y="NEXT")
        y = pdf.get_y()
    return y


def add_resume_page(
    pdf: FPDF,
    lines: Sequence[str],
    *,
    columns: int = 1,
    right: Sequence[str] | None = None,
    header: Sequence[str] = (),
) -> None:
    """Add one page: a full-width header, then ``lines`` in one column or ``lines | right`` in two."""
    pdf.add_page()
    width = PAGE_W - 2 * MARGIN
    y = MARGIN
    if header:
        pdf.set_font("Helvetica", style="B", size=18)
        pdf.set_xy(MARGIN, y)
        pdf.cell(width, 24, header[0], align="C", new_x="LEFT", new_y="NEXT")
        y = draw_centered(pdf, header[1:], pdf.get_y(), width) + 10
    if columns == 1:
        draw_lines(pdf, [*lines, *(right or ())], MARGIN, y, width)
        return
    if right is None:
        half = (len(lines) + 1) // 2
        lines, right = lines[:half], lines[half:]
    left_w = width * LEFT_SHARE
    draw_lines(pdf, lines, MARGIN, y, left_w)
    draw_lines(pdf, right, MARGIN + left_w + GUTTER, y, width - left_w - GUTTER)


def draw_centered(pdf: FPDF, lines: Sequence[str], y: float, width: float) -> float:
    pdf.set_font("Helvetica", size=10)
    for line in lines:
        pdf.set_xy(MARGIN, y)
        pdf.cell(width, 13, line, align="C", new_x="LEFT", new_y="NEXT")
        y = pdf.get_y()
    return y


def save_pdf(pdf: FPDF, path: str | os.PathLike[str], password: str | None = None) -> Path:
    """Write the document; with ``password`` it needs that user password to open."""
    if password is not None:
        pdf.set_encryption(owner_password=password + "-owner", user_password=password)
    path = Path(path)
    pdf.output(str(path))
    return path


def make_resume_pdf(
    path: str | os.PathLike[str],
    lines: Sequence[str],
    columns: int = 1,
    *,
    right: Sequence[str] | None = None,
    header: Sequence[str] = (),
    password: str | None = None,
) -> Path:
    """A one-page resume PDF; with ``columns=2`` ``lines`` is the left column and ``right`` the right."""
    pdf = new_pdf()
    add_resume_page(pdf, lines, columns=columns, right=right, header=header)
    return save_pdf(pdf, path, password)


def make_dated_entries_pdf(
    path: str | os.PathLike[str],
    name: str,
    sections: Sequence[tuple[str, Sequence[tuple[str, Sequence[str]]]]],
) -> Path:
    """A moderncv/Europass-style page: dates right-aligned in a narrow left column beside each entry.

    ``sections`` is ``[(heading, [(dates, entry_lines), ...]), ...]``.
    """
    pdf = new_pdf()
    pdf.add_page()
    pdf.set_font("Helvetica", style="B", size=18)
    pdf.set_xy(MARGIN, MARGIN)
    pdf.cell(400, 24, name)
    y = MARGIN + 48
    for heading, entries in sections:
        y = draw_lines(pdf, [HEADING + heading], 150, y, 400)
        for dates, lines in entries:
            pdf.set_font("Helvetica", size=10)
            pdf.set_xy(MARGIN, y)
            pdf.cell(95, 13, dates, align="R")
            y = draw_lines(pdf, lines, 150, y, 400) + 8
    return save_pdf(pdf, path)


def make_image_only_pdf(path: str | os.PathLike[str], pages: int = 1) -> Path:
    """Pages with only drawn shapes, like a scan: no text layer at all."""
    pdf = new_pdf()
    for _ in range(pages):
        pdf.add_page()
        pdf.set_fill_color(200, 200, 200)
        pdf.rect(60, 60, 400, 600, style="F")
        pdf.rect(80, 80, 200, 20, style="D")
    return save_pdf(pdf, path)


def make_docx(
    path: str | os.PathLike[str],
    paragraphs: Sequence[str | Table],
    table: Table | None = None,
    *,
    header: str | None = None,
    footer: str | None = None,
) -> Path:
    """A DOCX of paragraphs ("# " -> Heading 1; a list of rows -> a table right there), then ``table``."""
    document = docx.Document()
    for block in [*paragraphs, *([table] if table is not None else [])]:
        if isinstance(block, str):
            if block.startswith(HEADING):
                document.add_heading(block[len(HEADING) :], level=1)
            else:
                document.add_paragraph(block)
        else:
            rows = [list(row) for row in block]
            grid = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            for cells, row in zip(grid.rows, rows, strict=True):
                for cell, text in zip(cells.cells, row, strict=False):
                    cell.text = text
    if header is not None:
        document.sections[0].header.paragraphs[0].text = header
    if footer is not None:
        document.sections[0].footer.paragraphs[0].text = footer
    path = Path(path)
    document.save(str(path))
    return path


# --- resume-like content for the bench and for bulk tests -------------------------------------------

_SKILLS = [
    "Python",
    "Go",
    "Rust",
    "SQL",
    "PostgreSQL",
    "Django",
    "Flask",
    "FastAPI",
    "Kubernetes",
    "Docker",
    "AWS",
    "Terraform",
    "React",
]
_VERBS = [
    "Built",
    "Led",
    "Designed",
    "Shipped",
    "Migrated",
    "Scaled",
    "Automated",
    "Reduced",
    "Mentored",
    "Owned",
]
_THINGS = [
    "the billing pipeline",
    "a search service for 40M documents",
    "CI from Jenkins to GitHub Actions",
    "the on-call rotation and runbooks",
    "an event store on PostgreSQL",
    "the public API gateway",
]
_OUTCOMES = [
    "cutting p99 latency by 38%",
    "saving $200k a year in cloud spend",
    "with zero downtime over 14 months",
    "for a team of 12 engineers",
    "and halved the time to deploy",
]


def sample_resume(seed: int, pages: int = 1) -> tuple[list[str], list[str], list[str]]:
    """(header, left, right) lines of a plausible resume that fills about ``pages`` pages."""
    rnd = random.Random(seed)
    header = [f"Candidate {seed:04d}", f"c{seed}@example.com | +1 555 {seed:04d} | Berlin, Germany"]
    left = ["# Skills", *(", ".join(rnd.sample(_SKILLS, 4)) for _ in range(6))]
    left += [
        "# Education",
        "BSc Computer Science",
        "TU Munich, 2010 - 2014",
        "# Languages",
        "English, German",
    ]
    right = ["# Experience"]
    for job in range(9 * pages):
        right.append(f"Senior Engineer, Company {rnd.randint(1, 99)} - 20{10 + job % 12} - 20{11 + job % 12}")
        right += [
            f"- {rnd.choice(_VERBS)} {rnd.choice(_THINGS)} in {rnd.choice(_SKILLS)}, {rnd.choice(_OUTCOMES)}"
            for _ in range(4)
        ]
    right += ["# Projects", "desk: an offline recruiting tool", "- Wrote the PDF layout step"]
    return header, left, right


def make_sample_resume_pdf(path: str | os.PathLike[str], seed: int, pages: int = 1, columns: int = 1) -> Path:
    """A plausible resume of ``pages`` pages; with two columns the sidebar is on page one."""
    header, left, right = sample_resume(seed, pages)
    per_page = 50
    pdf = new_pdf()
    if columns == 2:
        add_resume_page(pdf, left, columns=2, right=right[:per_page], header=header)
        rest = right[per_page:]
    else:
        body = [*left, *right]
        add_resume_page(pdf, body[:per_page], header=header)
        rest = body[per_page:]
    for start in range(0, min(len(rest), (pages - 1) * 56), 56):
        add_resume_page(pdf, rest[start : start + 56])
    return save_pdf(pdf, path)
