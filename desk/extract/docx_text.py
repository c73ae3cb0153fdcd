"""DOCX to text with python-docx, walking the body XML so tables and text boxes stay in place.

python-docx's ``document.paragraphs`` leaves out tables, content controls and text boxes, so we
walk ``w:body`` ourselves: paragraphs, tables (row by row; cells of a layout table,
the kind sidebar resumes are built from, as blocks of their own), content controls and text boxes
(only the modern copy: ``mc:Fallback`` repeats the same text for old readers). Headings (by style
or outline level, or a short all-bold paragraph) get a blank line before them; list items a
bullet. Header text comes first, footer text last, each distinct text once.
"""

from __future__ import annotations

import contextlib
import io
import zipfile
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from desk.extract.result import Extracted, ExtractError
from desk.extract.tidy import is_blank, tidy

if TYPE_CHECKING:  # python-docx and lxml cost ~0.1 s to import; a PDF-only import never needs them
    from docx.document import Document
    from docx.section import Section
    from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
#: A DOCX is a zip; refuse to inflate more than this (a zip bomb, or not a resume).
MAX_UNPACKED = 200_000_000
#: A bold paragraph this short with no final full stop reads as a heading.
BOLD_HEADING_MAX = 60
_HEADING_STYLES = ("heading", "title", "subtitle")
_SKIP = {W + "pPr", W + "rPr", W + "instrText", W + "delText", MC_FALLBACK}


def extract_docx(data: bytes) -> Extracted:
    """Body, tables, headers and footers of a DOCX in document order."""
    _check_zip(data)
    try:
        import docx

        document = docx.Document(io.BytesIO(data))
        text, facts = _document_text(document)
    except ExtractError:
        raise
    except Exception as exc:  # python-docx, zipfile and lxml raise many types on broken files
        raise ExtractError("corrupt", f"the DOCX is damaged and cannot be read ({_summary(exc)})") from None
    text = tidy(text)
    if is_blank(text):
        raise ExtractError("empty", "the DOCX contains no text")
    layout = {"text_layer": True, "encoding": "utf-8", **facts}
    return Extracted(text=text, format="docx", pages=1, engine=None, layout=layout)


def _check_zip(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except Exception as exc:
        raise ExtractError("corrupt", f"the DOCX is damaged and cannot be read ({_summary(exc)})") from None
    if unpacked > MAX_UNPACKED:
        raise ExtractError(
            "too-large",
            f"the DOCX unpacks to {unpacked / 1e6:.0f} MB; desk reads up to {MAX_UNPACKED // 10**6} MB",
        )


def _summary(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:120]


def _document_text(document: Document) -> tuple[str, dict[str, Any]]:
    styles: dict[str, str] = {}
    with contextlib.suppress(Exception):  # odd style definitions cost us heading names, not the text
        styles = {s.style_id: (s.name or "").lower() for s in document.styles}
    headers: list[str] = []
    footers: list[str] = []
    with contextlib.suppress(Exception):  # a broken header part should not lose the body
        headers, footers = _header_footer_texts(document, styles)
    body = _Writer(styles)
    body.blocks(document.element.body)
    parts = [*headers, body.text(), *footers]
    columns = max([body.columns, *(_section_columns(s) for s in document.sections)])
    facts = {"columns": [columns], "tables": body.tables, "headers": len(headers), "footers": len(footers)}
    return "\n\n".join(p for p in parts if p.strip()), facts


def _section_columns(section: Section) -> int:
    """Newspaper columns set on a section (``w:cols w:num``); the XML is already in reading order."""
    cols = section._sectPr.find(W + "cols")
    try:
        return min(max(1, int(cols.get(W + "num", "1"))), 16) if cols is not None else 1
    except ValueError:
        return 1


def _header_footer_texts(document: Document, styles: dict[str, str]) -> tuple[list[str], list[str]]:
    """Distinct header and footer texts over all sections, in section order."""
    headers: list[str] = []
    footers: list[str] = []
    for section in document.sections:
        for part, out in (
            (section.first_page_header, headers),
            (section.header, headers),
            (section.even_page_header, headers),
            (section.first_page_footer, footers),
            (section.footer, footers),
            (section.even_page_footer, footers),
        ):
            if part.is_linked_to_previous:  # no definition of its own; reading it would add one
                continue
            writer = _Writer(styles)
            writer.blocks(part._element)
            text = writer.text().strip()
            if text and text not in headers and text not in footers:
                out.append(text)
    return headers, footers


class _Writer:
    """Collects lines; a blank line marks a block boundary (never two in a row)."""

    def __init__(self, styles: dict[str, str]) -> None:
        self.styles = styles
        self.lines: list[str] = []
        self.tables = 0
        self.columns = 1  # side-by-side cells of a layout table

    def text(self) -> str:
        return "\n".join(self.lines)

    def blank(self) -> None:
        if self.lines and self.lines[-1]:
            self.lines.append("")

    def blocks(self, parent: etree._Element) -> None:
        """Block-level children in order: paragraphs, tables, and the wrappers that hold them."""
        for child in parent:
            tag = child.tag
            if tag == W + "p":
                self.paragraph(child)
            elif tag == W + "tbl":
                self.table(child)
            elif tag in (W + "sdt", W + "sdtContent", W + "customXml", W + "txbxContent"):
                self.blocks(child)

    def paragraph(self, p: etree._Element) -> None:
        pieces: list[str] = []
        boxes: list[etree._Element] = []
        _inline(p, pieces, boxes)
        text = "".join(pieces).strip()
        if not text:
            self.blank()
        elif self._is_heading(p, text):
            self.blank()
            self.lines.append(text)
        else:
            self.lines.append(f"• {text}" if self._is_list_item(p) else text)
        for box in boxes:
            self.blank()
            self.blocks(box)
            self.blank()

    def table(self, tbl: etree._Element) -> None:
        """Data tables row by row as ``a | b | c``; cells with several lines as blocks of their own."""
        self.tables += 1
        self.blank()
        for tr in _children(tbl, W + "tr"):
            cells = []
            for tc in _children(tr, W + "tc"):
                writer = _Writer(self.styles)
                writer.blocks(tc)
                self.tables += writer.tables
                self.columns = max(self.columns, writer.columns)
                if any(writer.lines):
                    cells.append(writer.lines)
            if all(sum(1 for line in cell if line) == 1 for cell in cells):
                if cells:
                    self.lines.append(" | ".join(next(line for line in cell if line) for cell in cells))
                continue
            self.columns = max(self.columns, len(cells))
            for cell in cells:
                self.blank()
                self.lines += cell
                self.blank()
        self.blank()

    def _is_heading(self, p: etree._Element, text: str) -> bool:
        ppr = p.find(W + "pPr")
        if ppr is not None:
            style = ppr.find(W + "pStyle")
            name = self.styles.get(style.get(W + "val", ""), "") if style is not None else ""
            if name.startswith(_HEADING_STYLES) or ppr.find(W + "outlineLvl") is not None:
                return True
        if len(text) > BOLD_HEADING_MAX or text.endswith((".", ",", ";")):
            return False
        runs = [r for r in p.iter(W + "r") if "".join(t.text or "" for t in r.iter(W + "t")).strip()]
        return bool(runs) and all(_is_bold(r) for r in runs)

    def _is_list_item(self, p: etree._Element) -> bool:
        ppr = p.find(W + "pPr")
        if ppr is None:
            return False
        if ppr.find(W + "numPr") is not None:
            return True
        style = ppr.find(W + "pStyle")
        return style is not None and "list" in self.styles.get(style.get(W + "val", ""), "")


def _inline(el: etree._Element, pieces: list[str], boxes: list[etree._Element]) -> None:
    """Text of a paragraph's runs in order; text boxes are set aside to follow the paragraph."""
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == W + "t":
            pieces.append(child.text or "")
        elif tag == W + "tab":
            pieces.append("\t")
        elif tag in (W + "br", W + "cr"):
            pieces.append("\n")
        elif tag == W + "noBreakHyphen":
            pieces.append("-")
        elif tag == W + "txbxContent":
            boxes.append(child)
        else:
            _inline(child, pieces, boxes)


def _is_bold(run: etree._Element) -> bool:
    rpr = run.find(W + "rPr")
    bold = rpr.find(W + "b") if rpr is not None else None
    return bold is not None and bold.get(W + "val", "true").lower() not in ("0", "false", "off")


def _children(el: etree._Element, tag: str) -> Iterable[etree._Element]:
    """Direct children with ``tag``, looking through content-control and custom-XML wrappers."""
    for child in el:
        if child.tag == tag:
            yield child
        elif child.tag in (W + "sdt", W + "sdtContent", W + "customXml"):
            yield from _children(child, tag)
