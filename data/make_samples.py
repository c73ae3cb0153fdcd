"""Turn the sample resumes (desk/samples/resumes/*.txt) into the mixed demo set in desk/samples/files/.

    .venv/bin/python data/make_samples.py [--out DIR]

About 40 % PDF (every third of them two columns: Skills/Education on the left, Experience on
the right), 25 % DOCX (some with the skills in a table), the rest TXT and Markdown, and one
JSON Resume. All 46 resumes, so the two duplicate people (03/45 by email, 10/46 by phone)
arrive in different formats, which is what `desk demo` and the import tests exercise.

The output is deterministic (fixed dates inside PDF and DOCX), so re-running it leaves the
committed files unchanged. Needs fpdf2 and python-docx (test dependencies), not shipped.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import docx
from fpdf import FPDF

from desk.model import Resume
from desk.parse.resume import parse_resume

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "desk" / "samples" / "resumes"
OUT = ROOT / "desk" / "samples" / "files"
FIXED = datetime(2026, 1, 15, 9, 0, tzinfo=UTC)
#: One cycle of formats (8 PDF, 5 DOCX, 7 text), repeated over the sorted resumes.
CYCLE = (
    "pdf", "docx", "txt", "pdf2", "md", "pdf", "docx-table", "txt", "pdf", "docx",
    "pdf2", "md", "pdf", "txt", "docx-table", "pdf", "txt", "pdf2", "docx", "md",
)  # fmt: skip
#: The one resume written as JSON Resume (a clean, dated, one-page one).
JSON_RESUME = "06-tyler-nguyen"
#: Duplicates go out in a format other than their twin's, so a merge crosses formats.
OVERRIDES = {"45-priya-raghunathan": "pdf", "46-kenji-watanabe": "pdf2"}
LEFT_KINDS = frozenset({"skills", "education", "certifications"})
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
BULLET = re.compile(r"^\s*[-•*·]\s+")

Part = tuple[str, list[str]]  # (heading, lines)


def split(text: str, resume: Resume) -> tuple[list[str], list[tuple[str, str, list[str]]]]:
    """Header lines, then (kind, heading, body lines) per section as the resume parser found them."""
    first = resume.sections[0].start if resume.sections else len(text)
    header = [ln for ln in text[:first].splitlines() if ln.strip()]
    sections = []
    for s in resume.sections:
        body = text[s.start : s.end].splitlines()
        while body and (not body[0].strip() or body[0].strip() == s.heading.strip()):
            body.pop(0)
        sections.append((s.kind, s.heading.strip(), body))
    return header, sections


# -- PDF -----------------------------------------------------------------------------------------------
class _Pdf:
    W, H, M, GUTTER = 595.0, 842.0, 40.0, 24.0

    def __init__(self) -> None:
        pdf = FPDF(unit="pt", format="A4")
        pdf.set_auto_page_break(False)
        pdf.set_creation_date(FIXED)
        pdf.set_creator("desk data/make_samples.py")
        if (DEJAVU / "DejaVuSans.ttf").exists():
            pdf.add_font("Body", "", str(DEJAVU / "DejaVuSans.ttf"))
            pdf.add_font("Body", "B", str(DEJAVU / "DejaVuSans-Bold.ttf"))
            self.font, self.clean = "Body", lambda s: s
        else:  # pragma: no cover - no DejaVu: the core font, with text squeezed into Latin-1
            self.font, self.clean = "Helvetica", _latin1
        self.pdf = pdf

    def header(self, lines: list[str]) -> float:
        pdf = self.pdf
        pdf.add_page()
        pdf.set_font(self.font, "B", 17)
        pdf.set_xy(self.M, self.M)
        pdf.cell(self.W - 2 * self.M, 22, self.clean(lines[0]), align="C", new_x="LEFT", new_y="NEXT")
        pdf.set_font(self.font, "", 9)
        for line in lines[1:]:
            pdf.set_x(self.M)
            pdf.cell(self.W - 2 * self.M, 12, self.clean(line), align="C", new_x="LEFT", new_y="NEXT")
        return pdf.get_y() + 10

    def flow(self, parts: list[Part], x: float, y: float, width: float, page: int) -> None:
        """Draw headed parts in a column from (x, y) on ``page``, continuing on further pages."""
        pdf = self.pdf
        for heading, lines in parts:
            rows = [("B", heading)] + [("", ln) for ln in lines]
            for style, text in rows:
                size = 11 if style else 9
                pdf.set_font(self.font, style, size)
                height = size * 1.3
                wrapped = pdf.multi_cell(width, height, self.clean(text) or " ", dry_run=True, output="LINES")
                need = height * len(wrapped) + (8 if style else 0)
                if y + need > self.H - self.M:
                    page += 1
                    if page > pdf.pages_count:
                        pdf.add_page()
                    pdf.page = page
                    y = self.M
                if style:
                    y += 8
                pdf.set_xy(x, y)
                pdf.multi_cell(width, height, self.clean(text) or " ", new_x="LEFT", new_y="NEXT")
                y = pdf.get_y()

    def save(self, path: Path) -> None:
        self.pdf.output(str(path))


def make_pdf(path: Path, header: list[str], sections: list[tuple[str, str, list[str]]], columns: int) -> None:
    doc = _Pdf()
    y = doc.header(header)
    full = doc.W - 2 * doc.M
    if columns == 1:
        doc.flow([(h, body) for _, h, body in sections], doc.M, y, full, 1)
    else:
        left = [(h, body) for kind, h, body in sections if kind in LEFT_KINDS]
        right = [(h, body) for kind, h, body in sections if kind not in LEFT_KINDS]
        left_w = full * 0.34
        doc.flow(right, doc.M + left_w + doc.GUTTER, y, full - left_w - doc.GUTTER, 1)
        doc.flow(left, doc.M, y, left_w, 1)
        doc.pdf.page = doc.pdf.pages_count
    doc.save(path)


def _latin1(text: str) -> str:
    table = {
        "–": "-",
        "—": "-",
        "•": "-",
        "→": "->",
        "★": "*",
        "„": '"',
        "−": "-",
        "’": "'",
        "“": '"',
        "”": '"',
    }
    return "".join(table.get(ch, ch) for ch in text).encode("latin-1", "replace").decode("latin-1")


# -- DOCX ----------------------------------------------------------------------------------------------
def make_docx(path: Path, header: list[str], sections: list[tuple[str, str, list[str]]], table: bool) -> None:
    d = docx.Document()
    d.core_properties.created = d.core_properties.modified = FIXED.replace(tzinfo=None)
    d.core_properties.author = "desk samples"
    d.add_heading(header[0], level=0)
    for line in header[1:]:
        d.add_paragraph(line)
    for kind, heading, body in sections:
        d.add_heading(heading.title() if heading.isupper() else heading, level=1)
        lines = [ln for ln in body if ln.strip()]
        if table and kind == "skills" and lines:
            rows = [ln.split(":", 1) if ":" in ln else ["", ln] for ln in lines]
            grid = d.add_table(rows=len(rows), cols=2)
            for cells, (label, items) in zip(grid.rows, rows, strict=True):
                cells.cells[0].text, cells.cells[1].text = label.strip(), items.strip()
            continue
        for line in lines:
            if BULLET.match(line):
                d.add_paragraph(BULLET.sub("", line), style="List Bullet")
            else:
                d.add_paragraph(line.strip())
    buf = io.BytesIO()
    d.save(buf)
    path.write_bytes(_fixed_zip(buf.getvalue()))


def _fixed_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed member times, so the same input makes the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2026, 1, 15, 9, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


# -- text ----------------------------------------------------------------------------------------------
def make_md(header: list[str], sections: list[tuple[str, str, list[str]]]) -> str:
    out = [f"# {header[0]}", "", *(f"{ln}  " for ln in header[1:])]
    for _, heading, body in sections:
        out += ["", f"## {heading.title() if heading.isupper() else heading}", ""]
        out += [ln if BULLET.match(ln) or not ln.strip() else f"{ln}  " for ln in body]
    return "\n".join(out).rstrip() + "\n"


def make_json(text: str, resume: Resume) -> dict:
    """A JSON Resume (jsonresume.org schema v1) from a parsed text resume."""
    header, sections = split(text, resume)
    body = {kind: lines for kind, _, lines in sections}
    work = []
    for w in resume.work:
        lines = text[w.start_offset : w.end_offset].splitlines()
        work.append(
            {
                "name": w.company,
                "position": w.title,
                "startDate": w.start,
                **({} if w.current else {"endDate": w.end}),
                "highlights": [BULLET.sub("", ln).strip() for ln in lines if BULLET.match(ln)],
            }
        )
    skills = []
    for line in (ln for ln in body.get("skills", []) if ln.strip()):
        label, items = line.split(":", 1) if ":" in line else ("Skills", line)
        skills.append({"name": label.strip(), "keywords": [i.strip() for i in items.split(",") if i.strip()]})
    projects: list[dict[str, str]] = []
    for line in (ln.strip() for ln in body.get("projects", []) if ln.strip()):
        if " — " in line or not projects:
            name, _, about = line.partition(" — ")
            projects.append({"name": name, "description": about})
        else:
            projects[-1]["description"] += " " + line
    label = header[1] if len(header) > 1 and "@" not in header[1] else ""
    city = (resume.location or "").split(",")
    return {
        "$schema": "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json",
        "basics": {
            "name": resume.name,
            "label": label,
            "email": resume.email,
            "phone": resume.phone,
            "location": {"city": city[0].strip(), "region": city[1].strip() if len(city) > 1 else ""},
            "profiles": [{"url": link} for link in resume.links],
            "summary": " ".join(ln.strip() for ln in body.get("summary", []) if ln.strip()),
        },
        "work": work,
        "education": [
            {"institution": d.school, "area": d.field, "studyType": d.level, "endDate": d.graduation}
            for d in resume.education
        ],
        "skills": skills,
        "projects": projects,
    }


def build(out: Path) -> dict[str, int]:
    out.mkdir(parents=True, exist_ok=True)
    for old in out.iterdir():
        if old.is_file() and old.name != "README.md":
            old.unlink()
    counts: dict[str, int] = {}
    for i, src in enumerate(sorted(SOURCE.glob("*.txt"))):
        stem, text = src.stem, src.read_text(encoding="utf-8")
        resume = parse_resume(text, today=FIXED.date())
        header, sections = split(text, resume)
        fmt = "json" if stem == JSON_RESUME else OVERRIDES.get(stem, CYCLE[i % len(CYCLE)])
        counts[fmt] = counts.get(fmt, 0) + 1
        if fmt in ("pdf", "pdf2"):
            make_pdf(out / f"{stem}.pdf", header, sections, 2 if fmt == "pdf2" else 1)
        elif fmt.startswith("docx"):
            make_docx(out / f"{stem}.docx", header, sections, table=fmt == "docx-table")
        elif fmt == "md":
            (out / f"{stem}.md").write_text(make_md(header, sections), encoding="utf-8")
        elif fmt == "json":
            doc = make_json(text, resume)
            (out / f"{stem}.resume.json").write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
        else:
            (out / f"{stem}.txt").write_text(text, encoding="utf-8")
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    counts = build(args.out)
    print(
        f"wrote {sum(counts.values())} files to {args.out}: "
        + ", ".join(f"{v} {k}" for k, v in sorted(counts.items()))
    )


if __name__ == "__main__":
    main()
