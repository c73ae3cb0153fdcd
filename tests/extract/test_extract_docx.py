"""DOCX extraction: body order with tables in place, headings, headers and footers, broken files."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from desk.extract import ExtractError, extract_bytes, extract_file
from tests.extract.builders import make_docx


def test_paragraphs_headings_and_table_come_out_in_document_order(tmp_path: Path) -> None:
    path = make_docx(
        tmp_path / "cv.docx",
        [
            "Grace Hopper",
            "grace@example.com",
            "# Skills",
            [["Language", "Years"], ["COBOL", "12"], ["FORTRAN", "8"]],
            "# Experience",
            "Rear Admiral, US Navy",
            "Wrote the first compiler.",
        ],
        header="Curriculum vitae",
        footer="Page 1",
    )
    result = extract_file(path)
    assert (result.format, result.pages, result.engine) == ("docx", 1, None)
    assert result.layout["tables"] == 1 and result.layout["columns"] == [1]
    text = result.text
    assert text.startswith("Curriculum vitae\n\nGrace Hopper\ngrace@example.com\n\nSkills\n")
    assert "Language | Years\nCOBOL | 12\nFORTRAN | 8" in text
    assert text.index("FORTRAN | 8") < text.index(
        "\n\nExperience\nRear Admiral, US Navy\nWrote the first compiler."
    )
    assert text.endswith("Page 1")


def test_layout_table_cells_become_blocks_not_one_long_row(tmp_path: Path) -> None:
    """Sidebar resumes are often one table row: the sidebar cell, then the main cell."""
    document = docx.Document()
    document.add_paragraph("Linus Example")
    row = document.add_table(rows=1, cols=2).rows[0]
    row.cells[0].text = "Skills"
    row.cells[0].add_paragraph("C, Git")
    row.cells[1].text = "Experience"
    row.cells[1].add_paragraph("Maintainer, Linux")
    nested = row.cells[1].add_table(rows=1, cols=2)
    nested.rows[0].cells[0].text = "1991"
    nested.rows[0].cells[1].text = "First release"
    path = tmp_path / "sidebar.docx"
    document.save(str(path))
    result = extract_file(path)
    assert result.layout["columns"] == [2]
    text = result.text
    assert "Skills\nC, Git\n\nExperience\nMaintainer, Linux\n\n1991 | First release" in text
    assert "|" not in text.replace("1991 | First release", "")


def test_lists_get_bullets_and_bold_lines_count_as_headings(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Intro line")
    document.add_paragraph().add_run("PROJECTS").bold = True
    document.add_paragraph("Built a thing", style="List Bullet")
    path = tmp_path / "list.docx"
    document.save(str(path))
    assert extract_file(path).text == "Intro line\n\nPROJECTS\n• Built a thing"


def test_same_header_in_several_sections_appears_once(tmp_path: Path) -> None:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Jane Doe - jane@example.com"
    document.add_paragraph("First section")
    section = document.add_section()
    section.header.is_linked_to_previous = False
    section.header.paragraphs[0].text = "Jane Doe - jane@example.com"
    document.add_paragraph("Second section")
    path = tmp_path / "sections.docx"
    document.save(str(path))
    result = extract_file(path)
    assert result.text.count("Jane Doe") == 1
    assert result.text.startswith("Jane Doe - jane@example.com\n\nFirst section")


def test_docx_that_is_not_a_zip_is_corrupt() -> None:
    with pytest.raises(ExtractError) as info:
        extract_bytes(b"this is plain text, not a docx", "cv.docx")
    assert info.value.reason == "corrupt"


def test_truncated_docx_is_corrupt(tmp_path: Path) -> None:
    data = make_docx(tmp_path / "cv.docx", ["Hello", "# World"]).read_bytes()
    with pytest.raises(ExtractError) as info:
        extract_bytes(data[: len(data) // 2], "cv.docx")
    assert info.value.reason == "corrupt"


def test_zip_without_a_document_is_corrupt() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not a word document")
    with pytest.raises(ExtractError) as info:
        extract_bytes(buffer.getvalue(), "cv.docx")
    assert info.value.reason == "corrupt"


def test_old_binary_doc_named_docx_is_unsupported_and_encrypted_docx_is_encrypted() -> None:
    ole2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600
    with pytest.raises(ExtractError) as info:
        extract_bytes(ole2, "cv.docx")
    assert info.value.reason == "unsupported" and "DOCX" in info.value.message
    with pytest.raises(ExtractError) as info:
        extract_bytes(ole2 + "EncryptedPackage".encode("utf-16-le"), "cv.docx")
    assert info.value.reason == "encrypted"


def test_docx_without_text_is_empty(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "blank.docx", ["", "   "])
    with pytest.raises(ExtractError) as info:
        extract_file(path)
    assert info.value.reason == "empty"
