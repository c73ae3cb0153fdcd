"""PDF extraction end to end, through both engines, on PDFs fpdf2 builds in tmp_path."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from desk.extract import ExtractError, extract_bytes, extract_file
from tests.extract.builders import (
    make_dated_entries_pdf,
    make_docx,
    make_image_only_pdf,
    make_resume_pdf,
    make_sample_resume_pdf,
)

ENGINES = ("pdfium", "pdfplumber")
HEADER = ["Ada Lovelace", "ada@example.com | +44 20 7946 0000 | London"]
LEFT = [
    "# Skills",
    "Python, Rust, SQL",
    "Kubernetes, Terraform",
    "# Education",
    "BSc Mathematics",
    "University of London, 2008 - 2011",
    "# Languages",
    "English, French",
]
RIGHT = [
    "# Experience",
    "Staff Engineer, Analytical Engines Ltd",
    "2019 - present",
    "- Led the compiler team of nine",
    "- Cut build times by 40%",
    "Senior Engineer, Difference Co",
    "2014 - 2019",
    "- Built the payments API",
    "- Mentored six engineers",
    "# Projects",
    "Note G: the first published program",
]
HEADINGS = {"Skills", "Education", "Languages", "Experience", "Projects"}


def plain(line: str) -> str:
    return line.removeprefix("# ")


def headings(text: str) -> list[str]:
    return [line for line in text.splitlines() if line in HEADINGS]


@pytest.fixture
def one_column(tmp_path: Path) -> Path:
    return make_resume_pdf(tmp_path / "one.pdf", [*LEFT, *RIGHT], columns=1, header=HEADER)


@pytest.fixture
def two_columns(tmp_path: Path) -> Path:
    return make_resume_pdf(tmp_path / "two.pdf", LEFT, columns=2, right=RIGHT, header=HEADER)


@pytest.mark.parametrize("engine", ENGINES)
def test_one_column_keeps_lines_in_order_with_headings_on_their_own_line(
    one_column: Path, engine: str
) -> None:
    result = extract_file(one_column, pdf_engine=engine)
    assert (result.format, result.pages, result.engine) == ("pdf", 1, engine)
    assert result.layout["columns"] == [1] and result.layout["text_layer"] is True
    lines = [line for line in result.text.splitlines() if line]
    assert lines == [*HEADER, *map(plain, LEFT), *map(plain, RIGHT)]
    for heading in ("Education", "Experience", "Projects"):
        assert f"\n\n{heading}\n" in result.text


@pytest.mark.parametrize("engine", ENGINES)
def test_two_columns_read_left_column_then_right_column(two_columns: Path, engine: str) -> None:
    result = extract_file(two_columns, pdf_engine=engine)
    assert result.layout["columns"] == [2]
    lines = [line for line in result.text.splitlines() if line]
    left, right = [plain(x) for x in LEFT], [plain(x) for x in RIGHT]
    # every output line is one input line: no line mixes words from both columns
    assert set(lines) <= {*HEADER, *left, *right}
    assert lines == [*HEADER, *left, *right]
    assert headings(result.text) == ["Skills", "Education", "Languages", "Experience", "Projects"]
    assert "\n\nEducation\n" in result.text and "\n\nExperience\n" in result.text


def test_two_columns_found_on_a_dense_multi_page_resume(tmp_path: Path) -> None:
    path = make_sample_resume_pdf(tmp_path / "long.pdf", seed=3, pages=3, columns=2)
    result = extract_file(path)
    assert result.pages == 3
    assert result.layout["columns"][0] == 2
    text = result.text
    assert text.index("Languages") < text.index("Experience") < text.index("Projects")
    assert "Skills Experience" not in text


@pytest.mark.parametrize("engine", ENGINES)
def test_a_date_column_stays_beside_its_entries(tmp_path: Path, engine: str) -> None:
    entries = [
        (f"20{10 + n} - 20{11 + n}", [f"Engineer at Company {n}", "Built things in Go", "- Led five"])
        for n in range(4)
    ]
    path = make_dated_entries_pdf(tmp_path / "moderncv.pdf", "John Doe", [("Experience", entries)])
    result = extract_file(path, pdf_engine=engine)
    assert result.layout["columns"] == [1]
    assert (
        "\n\nExperience\n2010 - 2011 Engineer at Company 0\nBuilt things in Go\n- Led five\n\n2011 - 2012 Engineer"
        in result.text
    )


@pytest.mark.parametrize("columns", [1, 2])
def test_both_engines_agree_on_section_headings(tmp_path: Path, columns: int) -> None:
    fixtures = [
        make_resume_pdf(tmp_path / "a.pdf", LEFT, columns=columns, right=RIGHT, header=HEADER),
        make_sample_resume_pdf(tmp_path / "b.pdf", seed=11, pages=2, columns=columns),
    ]
    for path in fixtures:
        fast, slow = (extract_file(path, pdf_engine=engine) for engine in ENGINES)
        assert headings(fast.text) == headings(slow.text) != []
        assert fast.layout["columns"] == slow.layout["columns"]
        assert fast.text.split() == slow.text.split()


@pytest.mark.parametrize("engine", ENGINES)
def test_password_protected_pdf_is_encrypted(tmp_path: Path, engine: str) -> None:
    path = make_resume_pdf(tmp_path / "locked.pdf", LEFT, header=HEADER, password="s3cret")
    with pytest.raises(ExtractError) as info:
        extract_file(path, pdf_engine=engine)
    assert info.value.reason == "encrypted"
    assert "password" in info.value.message


@pytest.mark.parametrize("engine", ENGINES)
def test_image_only_pdf_has_no_text_layer(tmp_path: Path, engine: str) -> None:
    path = make_image_only_pdf(tmp_path / "scan.pdf", pages=2)
    with pytest.raises(ExtractError) as info:
        extract_file(path, pdf_engine=engine)
    assert info.value.reason == "no-text-layer"
    assert "OCR" in info.value.message


@pytest.mark.parametrize("engine", ENGINES)
def test_truncated_pdf_is_corrupt(two_columns: Path, engine: str) -> None:
    data = two_columns.read_bytes()
    with pytest.raises(ExtractError) as info:
        extract_bytes(data[: len(data) // 2], "cut.pdf", pdf_engine=engine)
    assert info.value.reason == "corrupt"
    assert "pdfium" in info.value.message and "pdfplumber" in info.value.message


def test_when_one_engine_cannot_open_the_file_the_other_reads_it(two_columns: Path) -> None:
    data = two_columns.read_bytes()
    no_xref = data[: data.rindex(b"xref")]  # pdfminer needs the trailer; PDFium rebuilds it
    result = extract_bytes(no_xref, "r.pdf", pdf_engine="pdfplumber")
    assert result.engine == "pdfium"
    assert result.layout["fallback_from"] == "pdfplumber"
    assert "Ada Lovelace" in result.text


@pytest.mark.parametrize(
    ("prefix", "reason"), [(b"\r\n  ", None), (b"x" * 600, None), (b"x" * 2000, "corrupt")]
)
def test_pdf_header_may_follow_a_little_junk(two_columns: Path, prefix: bytes, reason: str | None) -> None:
    data = prefix + two_columns.read_bytes()
    if reason is None:
        assert "Ada Lovelace" in extract_bytes(data, "r.pdf").text
    else:
        with pytest.raises(ExtractError) as info:
            extract_bytes(data, "r.pdf")
        assert info.value.reason == reason


def test_a_docx_named_pdf_is_corrupt(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "cv.docx", ["Ada Lovelace"])
    with pytest.raises(ExtractError) as info:
        extract_bytes(path.read_bytes(), "cv.pdf")
    assert info.value.reason == "corrupt" and "not a PDF" in info.value.message


def test_weird_pages_rotated_and_zero_size_read_the_same_with_both_engines(
    two_columns: Path, tmp_path: Path
) -> None:
    src = pdfium.PdfDocument(two_columns.read_bytes())
    doc = pdfium.PdfDocument.new()
    try:
        doc.new_page(0, 0)
        for rotation in (0, 90, 180, 270):
            doc.import_pages(src)
            doc[len(doc) - 1].set_rotation(rotation)
        out = tmp_path / "weird.pdf"
        doc.save(str(out))
    finally:
        doc.close()
        src.close()
    fast, slow = (extract_file(out, pdf_engine=engine) for engine in ENGINES)
    assert fast.pages == slow.pages == 5
    assert fast.layout["empty_pages"] == slow.layout["empty_pages"] == [1]
    assert fast.layout["columns"] == slow.layout["columns"] == [0, 2, 2, 2, 2]
    assert fast.text == slow.text
    assert fast.text.count("Ada Lovelace") == 4


def test_extraction_leaks_no_file_descriptors(two_columns: Path) -> None:
    fd_dir = Path("/proc/self/fd")
    if not fd_dir.exists():
        pytest.skip("needs /proc")
    before = len(os.listdir(fd_dir))
    for engine in ENGINES:
        for _ in range(5):
            extract_file(two_columns, pdf_engine=engine)
    assert len(os.listdir(fd_dir)) <= before


def test_pdfium_is_safe_to_call_from_worker_threads(two_columns: Path) -> None:
    expected = extract_file(two_columns).text
    results: list[str] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(10):
                results.append(extract_file(two_columns).text)
        except BaseException as exc:  # report in the main thread
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and results == [expected] * 40


def test_unknown_engine_is_a_programming_error(two_columns: Path) -> None:
    with pytest.raises(ValueError, match="unknown PDF engine"):
        extract_file(two_columns, pdf_engine="ocr")
