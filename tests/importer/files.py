"""Real input files for the import tests: PDFs (fpdf2), DOCX (python-docx), text, JSON Resume, zips.

Each builder writes what a recruiter's folder really holds, good and bad, and returns what
the import must make of it, so a test reads as "this folder in, these outcomes out".
"""

from __future__ import annotations

import functools
import json
import re
import sys
import zipfile
from pathlib import Path

from tests.extract.builders import make_docx, make_image_only_pdf, make_resume_pdf

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "desk" / "samples" / "resumes"
SAMPLE_FILES = ROOT / "desk" / "samples" / "files"
OK = "ok"

JSON_RESUME = {
    "basics": {
        "name": "Ada Quill",
        "label": "Backend Engineer",
        "email": "ada.quill@example.org",
        "phone": "+44 7700 900123",
        "location": {"city": "Manchester", "countryCode": "GB"},
        "profiles": [{"network": "GitHub", "url": "https://github.com/adaquill"}],
    },
    "work": [
        {
            "name": "Northwind Freight",
            "position": "Senior Backend Engineer",
            "startDate": "2021-03",
            "highlights": ["Built the routing API in Python and Django on PostgreSQL", "Ran Kafka consumers"],
        },
        {
            "name": "Acme Analytics",
            "position": "Backend Engineer",
            "startDate": "2017-09",
            "endDate": "2021-02",
            "highlights": ["Flask services on AWS, deployed with Docker"],
        },
    ],
    "education": [
        {
            "institution": "University of Leeds",
            "area": "Computer Science",
            "studyType": "BSc",
            "endDate": "2017",
        }
    ],
    "skills": [{"name": "Backend", "keywords": ["Python", "Django", "PostgreSQL", "Kafka"]}],
}


def sample(number: int) -> str:
    """The text of sample resume ``number`` (1-46)."""
    return next(SAMPLES.glob(f"{number:02d}-*.txt")).read_text(encoding="utf-8")


def latin1(text: str) -> str:
    """The builders' core PDF font speaks Latin-1: dashes and bullets become ASCII."""
    for a, b in (("–", "-"), ("—", "-"), ("•", "-"), ("→", "->"), ("’", "'"), ("−", "-")):
        text = text.replace(a, b)
    return text.encode("latin-1", "replace").decode("latin-1")


def _is_heading(line: str) -> bool:
    return bool(re.fullmatch(r"[A-Z][A-Z &/]{3,}", line.strip()))


def pdf_lines(text: str, limit: int = 48) -> tuple[list[str], list[str], list[str]]:
    """(header, left, right) of a sample: Skills/Education/Certifications left, the rest right."""
    lines = latin1(text).splitlines()
    first = next(i for i, ln in enumerate(lines) if _is_heading(ln))
    header = [ln for ln in lines[:first] if ln.strip()]
    left: list[str] = []
    right: list[str] = []
    target = right
    for line in lines[first:]:
        if _is_heading(line):
            target = left if any(k in line for k in ("SKILL", "EDUCATION", "CERTIFICATION")) else right
            target.append("# " + line.strip().title())
        elif line.strip():
            target.append(line[:110])
    return header, left[: limit // 3], right[:limit]


def build_mixed(folder: Path) -> dict[str, str]:
    """A folder of every kind of file; returns display name -> "ok" or the failure code expected."""
    folder.mkdir(parents=True, exist_ok=True)
    expect: dict[str, str] = {}

    header, left, right = pdf_lines(sample(1))
    make_resume_pdf(folder / "one-column.pdf", [*left, *right][:52], header=header)
    expect["one-column.pdf"] = OK
    header, left, right = pdf_lines(sample(7))
    make_resume_pdf(folder / "two-column.pdf", left, columns=2, right=right, header=header)
    expect["two-column.pdf"] = OK
    header, left, right = pdf_lines(sample(9))
    make_resume_pdf(folder / "locked.pdf", right, header=header, password="s3cret")
    expect["locked.pdf"] = "encrypted"
    make_image_only_pdf(folder / "scan.pdf")
    expect["scan.pdf"] = "no-text-layer"
    header, left, right = pdf_lines(sample(12))
    good = make_resume_pdf(folder / "broken.pdf", right, header=header).read_bytes()
    (folder / "broken.pdf").write_bytes(good[: len(good) // 2])
    expect["broken.pdf"] = "corrupt"

    text = sample(13).splitlines()
    skills = [
        ["Languages", "py, golang, JS, SQL"],
        ["Infra", "k8s, TF, GCP, Docker"],
        ["Data", "Postgres, Redis"],
    ]
    make_docx(folder / "with-table.docx", [text[0], text[1], "# Experience", *text[5:20]], table=skills)
    expect["with-table.docx"] = OK

    (folder / "utf8.md").write_text("# " + sample(15), encoding="utf-8")
    (folder / "utf16.txt").write_text(sample(21), encoding="utf-16")
    (folder / "cp1252.txt").write_bytes(sample(17).encode("cp1252", "replace"))
    (folder / "ada.resume.json").write_text(json.dumps(JSON_RESUME), encoding="utf-8")
    expect.update({"utf8.md": OK, "utf16.txt": OK, "cp1252.txt": OK, "ada.resume.json": OK})

    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text("   \n\n  \n")
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    (folder / "huge.txt").write_text(sample(22) + "x" * 150_000)  # over the tests' 100 KB limit
    expect.update(
        {"empty.txt": "empty", "blank.txt": "empty", "photo.png": "unsupported", "huge.txt": "too-large"}
    )
    (folder / ".hidden.txt").write_text(sample(23))  # hidden: not even listed
    (folder / "~$lock.docx").write_bytes(b"lock")  # an Office lock file: not listed either

    with zipfile.ZipFile(folder / "batch.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("inbox/jamal.txt", sample(22))
        zf.writestr("../escape.txt", sample(24))
        zf.writestr("/etc/abs.txt", sample(25))
        zf.writestr("bomb.txt", b"\0" * 5_000_000)
    expect.update(
        {
            "batch.zip::inbox/jamal.txt": OK,
            "batch.zip::../escape.txt": "unsafe-path",
            "batch.zip::/etc/abs.txt": "unsafe-path",
            "batch.zip::bomb.txt": "zip-bomb",
        }
    )
    return expect


def person(i: int) -> str:
    """A small, distinct resume: person ``i`` has their own name, email and phone."""
    first = ["Ana", "Ben", "Cai", "Dee", "Eli", "Fay", "Gus", "Hal", "Ivy", "Jon"][i % 10]
    last = f"Tester{i:03d}"
    return (
        f"{first} {last}\nBackend Engineer\n{first.lower()}.{last.lower()}@example.com | +1 555 01{i:03d}0 | "
        f"Austin, TX\n\nEXPERIENCE\nBackend Engineer, Company {i} — Jan 2019 – Present\n"
        f"- Built services in Python and Django on PostgreSQL, deployed with Docker on AWS ({i})\n\n"
        f"SKILLS\nPython, Django, PostgreSQL, Docker, AWS, Kafka\n"
    )


def build_people(folder: Path, n: int, duplicates: int) -> int:
    """``n`` files: the last ``duplicates`` are new versions (same email) of the first ones; returns persons."""
    folder.mkdir(parents=True, exist_ok=True)
    persons = n - duplicates
    for i in range(persons):
        (folder / f"p{i:04d}.txt").write_text(person(i))
    for j in range(duplicates):
        (folder / f"p{persons + j:04d}.txt").write_text(
            person(j) + "\nPROJECTS\nA newer version of this resume\n"
        )
    return persons


@functools.cache
def _registered() -> bool:
    from desk.cli import cli

    return "import" in cli.commands


def desk_argv(db: Path, *args: str) -> list[str]:
    """``python -m desk --db DB import ...``; until ``import`` is registered in desk.cli, the same via -c."""
    if _registered():
        return [sys.executable, "-m", "desk", "--db", str(db), *args]
    script = (
        "import sys\nfrom desk.cli import cli\nfrom desk.cli.imports import import_cmd\n"
        "cli.add_command(import_cmd)\ncli(sys.argv[1:], prog_name='desk')\n"
    )
    return [sys.executable, "-c", script, "--db", str(db), *args]
