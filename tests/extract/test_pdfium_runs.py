"""How the PDFium adapter cuts a line: one run per text object, words where objects or gaps say so.

The PDFs are written by hand (a content stream and a cross-reference table), because what is
under test is how the text objects are drawn, which fpdf2 does not let a test choose.
"""

from __future__ import annotations

import pytest

from desk.extract import extract_bytes
from desk.extract.pdf_pdfium import read_words

ENGINES = ("pdfium", "pdfplumber")
ROWS = 8


def _pdf(content: str) -> bytes:
    """A one-page A4 PDF with Helvetica as /F1 and ``content`` as its page content."""
    stream = content.encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _left(i: int) -> str:
    return f"Left column line {i} about Python"


def _right(i: int) -> str:
    return f"Right column line {i} about Kafka"


def _rows(draw: str) -> str:
    """Eight rows 14 pt apart, each drawn by ``draw`` formatted with its y, left and right text."""
    return "\n".join(draw.format(y=760 - 14 * i, left=_left(i), right=_right(i)) for i in range(ROWS))


def _column_by_column(text: str) -> bool:
    lines = [line for line in text.splitlines() if line.strip()]
    return lines == [_left(i) for i in range(ROWS)] + [_right(i) for i in range(ROWS)]


def test_a_line_drawn_by_one_object_is_one_run() -> None:
    data = _pdf(_rows("BT /F1 10 Tf 72 {y} Td ({left}) Tj ET"))
    [page] = read_words(data)
    assert [w.text for w in page.words] == [_left(i) for i in range(ROWS)]
    assert len({(round(w.top, 2), round(w.bottom - w.top, 2)) for w in page.words}) == ROWS  # one box per row
    assert all(w.x0 == pytest.approx(72, abs=1) for w in page.words)


@pytest.mark.parametrize("engine", ENGINES)
def test_columns_drawn_as_separate_objects_on_one_line_are_read_apart(engine: str) -> None:
    """Left and right cells on one baseline, drawn in turn: PDFium joins them into one text line."""
    data = _pdf(_rows("BT /F1 10 Tf 72 {y} Td ({left}) Tj ET BT /F1 10 Tf 330 {y} Td ({right}) Tj ET"))
    assert _column_by_column(extract_bytes(data, "two.pdf", pdf_engine=engine).text)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_gutter_set_by_kerning_inside_one_object_is_still_seen(engine: str) -> None:
    """One TJ per row with a 120 pt move between the columns: one object, so the width check splits it."""
    data = _pdf(_rows("BT /F1 10 Tf 72 {y} Td [({left}) -12000 ({right})] TJ ET"))
    assert _column_by_column(extract_bytes(data, "kerned.pdf", pdf_engine=engine).text)
