"""PDF to text: check the header, read words with one engine (the other if it fails), lay out pages."""

from __future__ import annotations

from collections.abc import Callable

from desk.extract import pdf_pdfium
from desk.extract.layout import page_text
from desk.extract.pdf_common import EngineError, PageWords
from desk.extract.result import Extracted, ExtractError
from desk.extract.tidy import tidy


def _plumber_words(data: bytes) -> list[PageWords]:
    """pdfplumber's words, imported on first use: pdfminer costs ~0.15 s to import, which every
    import's workers would pay before their first file though most never fall back to it."""
    from desk.extract import pdf_plumber

    return pdf_plumber.read_words(data)


ENGINES: dict[str, Callable[[bytes], list[PageWords]]] = {
    "pdfium": pdf_pdfium.read_words,
    "pdfplumber": _plumber_words,
}
#: PDF readers accept junk before the header within the first kilobyte; so do we.
HEADER_WINDOW = 1024
#: Fewer visible characters than this per page on average means the pages are pictures.
MIN_CHARS_PER_PAGE = 40
NO_TEXT_LAYER = "no text layer (a scanned or image-only PDF); run OCR (e.g. ocrmypdf) and import the result"


def extract_pdf(data: bytes, engine: str = "pdfium") -> Extracted:
    """Text of a PDF in reading order, columns found per page; falls back to the other engine."""
    if engine not in ENGINES:
        raise ValueError(f"unknown PDF engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if b"%PDF" not in data[: HEADER_WINDOW + 4]:
        raise ExtractError("corrupt", "the file is not a PDF (no %PDF header at its start)")
    pages, used, failures = _read(data, engine)
    if not pages:
        raise ExtractError("empty", "the PDF has no pages")
    laid = [page_text(page.words) for page in pages]
    visible = sum(len(p.text) - p.text.count(" ") - p.text.count("\n") for p in laid)
    if visible < MIN_CHARS_PER_PAGE * len(pages):
        raise ExtractError("no-text-layer", NO_TEXT_LAYER)
    layout = {
        "columns": [p.columns for p in laid],
        "text_layer": True,
        "encoding": None,
        "empty_pages": [i + 1 for i, p in enumerate(laid) if not p.text],
    }
    if failures:
        layout["fallback_from"] = engine
        layout["fallback_reason"] = failures[0]
    text = tidy("\n\n".join(p.text for p in laid if p.text))
    return Extracted(text=text, format="pdf", pages=len(pages), engine=used, layout=layout)


def _read(data: bytes, engine: str) -> tuple[list[PageWords], str, list[str]]:
    """Words from the chosen engine, else the other; both failing means the file is damaged."""
    failures: list[str] = []
    for name in (engine, *(e for e in ENGINES if e != engine)):
        try:
            return ENGINES[name](data), name, failures
        except EngineError as exc:
            failures.append(f"{name}: {exc}")
    raise ExtractError(
        "corrupt", f"the PDF is damaged or incomplete and cannot be read ({'; '.join(failures)})"
    )
