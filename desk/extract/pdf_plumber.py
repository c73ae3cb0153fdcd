"""pdfplumber adapter (pdfminer.six): pure Python, slower, and the fallback when PDFium gives up.

Words come from ``page.extract_words``; tolerances are a little tighter than the defaults so two
columns set close together do not fuse into one word across the gutter. Boxes are turned back to
the page's unrotated frame, where PDFium reports them, so both engines agree on rotated pages.
"""

from __future__ import annotations

import contextlib
import io

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect

from desk.extract.layout import Word
from desk.extract.pdf_common import EngineError, PageWords, encrypted, summarise

X_TOLERANCE = 1.5
Y_TOLERANCE = 2.0


def read_words(data: bytes) -> list[PageWords]:
    """Words of every page; ``EngineError`` if pdfminer cannot read the file."""
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:  # pdfplumber wraps pdfminer's many exception types
        if _is_password_error(exc):
            raise encrypted() from None
        raise EngineError(summarise(exc)) from None
    try:
        pages = []
        for page in pdf.pages:
            try:
                rotation = int(page.rotation or 0) % 360
                words = [
                    _unrotate(
                        float(w["x0"]),
                        float(w["x1"]),
                        float(w["top"]),
                        float(w["bottom"]),
                        w["text"],
                        rotation,
                    )
                    for w in page.extract_words(x_tolerance=X_TOLERANCE, y_tolerance=Y_TOLERANCE)
                ]
                pages.append(PageWords(words, float(page.width), float(page.height)))
            finally:
                page.close()
        return pages
    except Exception as exc:
        if _is_password_error(exc):
            raise encrypted() from None
        raise EngineError(summarise(exc)) from None
    finally:
        with contextlib.suppress(Exception):  # close() walks the pages again and can fail on broken files
            pdf.close()


def _unrotate(x0: float, x1: float, top: float, bottom: float, text: str, rotation: int) -> Word:
    """Undo the page's /Rotate, which pdfminer applies: PDFium reads text in the unrotated frame.

    Only the orientation matters to the layout step, not where the origin is, so each turn is a
    swap of axes and a change of sign. At 180 and 270 degrees pdfplumber reads each word's
    characters against the text's own direction, so they are put back in order.
    """
    if rotation == 90:
        return Word(top, bottom, -x1, -x0, text)
    if rotation == 180:
        return Word(-x1, -x0, -bottom, -top, text[::-1])
    if rotation == 270:
        return Word(-bottom, -top, x0, x1, text[::-1])
    return Word(x0, x1, top, bottom, text)


def _is_password_error(exc: BaseException) -> bool:
    inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc
    return isinstance(inner, PDFPasswordIncorrect) or isinstance(exc, PDFPasswordIncorrect)
