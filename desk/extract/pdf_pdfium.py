"""PDFium adapter (pypdfium2): the fast engine, words with boxes from the text page.

Speed comes from few calls into PDFium: the page text in one call, split into words by
whitespace (PDFium inserts spaces and line breaks where the glyphs are apart), then two loose
character boxes per word, its first and last character, through a bare function pointer. Loose
boxes span the font's full height, so every word on a line gets the same top and bottom whatever
its letters. A word whose ends are not on one line falls back to a box per character.

PDFium is not thread-safe, even across documents, so all calls hold one process-wide lock.
"""

from __future__ import annotations

import ctypes
import struct
import threading

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from desk.extract.layout import Word
from desk.extract.pdf_common import EngineError, PageWords, encrypted, summarise

_LOCK = threading.Lock()
_PASSWORD_ERRORS = {pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY}
#: FPDFText_GetLooseCharBox without ctypes' per-argument conversion (argtypes), about 3x faster.
_LOOSE_BOX = ctypes.CFUNCTYPE(ctypes.c_int)(
    ctypes.cast(pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_void_p).value
)
#: FS_RECTF as laid out in memory: left, top, right, bottom.
_RECT = struct.Struct("4f")


def read_words(data: bytes) -> list[PageWords]:
    """Words of every page; ``EngineError`` if PDFium cannot read the file."""
    with _LOCK:
        try:
            pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            if exc.err_code in _PASSWORD_ERRORS:
                raise encrypted() from None
            raise EngineError(summarise(exc)) from None
        except Exception as exc:  # PDFium's loader should only raise PdfiumError; be safe on bad input
            raise EngineError(summarise(exc)) from None
        try:
            return [_page(pdf, i) for i in range(len(pdf))]
        except Exception as exc:
            raise EngineError(summarise(exc)) from None
        finally:
            pdf.close()


def _page(pdf: pdfium.PdfDocument, index: int) -> PageWords:
    page = pdf[index]
    try:
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            words = _words(textpage, height)
        finally:
            textpage.close()
    finally:
        page.close()
    return PageWords(words, width, height)


def _words(textpage: pdfium.PdfTextPage, height: float) -> list[Word]:
    count = textpage.count_chars()
    if count <= 0:
        return []
    text = textpage.get_text_range()
    if len(text) != count:  # rare: PDFium's text and char list disagree; read char by char
        text = "".join(_char(textpage, i) for i in range(count))
    handle = ctypes.c_void_p(ctypes.cast(textpage.raw, ctypes.c_void_p).value)
    rect = pdfium_c.FS_RECTF()
    ref = ctypes.byref(rect)
    read = _RECT.unpack_from
    buffer = memoryview(rect).cast("B")
    loose_box = _LOOSE_BOX
    make = tuple.__new__  # Word(...) through NamedTuple's Python-level __new__ is twice as slow
    words: list[Word] = []
    append = words.append
    find = text.find
    end = 0
    for token in text.split():
        start = find(token, end)
        end = start + len(token)
        if not loose_box(handle, start, ref):
            words += _per_char(textpage, text, start, end, height)
            continue
        x0, top, x1, bottom = read(buffer)
        if end - start > 1:
            if not loose_box(handle, end - 1, ref):
                words += _per_char(textpage, text, start, end, height)
                continue
            _, last_top, x1, last_bottom = read(buffer)
            if x1 < x0 or last_top <= bottom or last_bottom >= top:  # the word's ends are on two lines
                words += _per_char(textpage, text, start, end, height)
                continue
        append(make(Word, (x0, x1, height - top, height - bottom, token)))
    return words


def _per_char(textpage: pdfium.PdfTextPage, text: str, start: int, end: int, height: float) -> list[Word]:
    """Split a run of characters into words wherever the next character is not to the right on the line."""
    raw = textpage.raw
    rect = pdfium_c.FS_RECTF()
    ref = ctypes.byref(rect)
    words: list[Word] = []
    current: list[float] | None = None  # x0, x1, top, bottom
    chars: list[str] = []
    for i in range(start, end):
        if not pdfium_c.FPDFText_GetLooseCharBox(raw, i, ref):
            continue
        box = [rect.left, rect.right, height - rect.top, height - rect.bottom]
        mid = (box[2] + box[3]) / 2
        if current is not None and current[2] <= mid <= current[3] and box[0] >= current[0]:
            current[1] = max(current[1], box[1])
            chars.append(text[i])
            continue
        if current is not None:
            words.append(Word(current[0], current[1], current[2], current[3], "".join(chars)))
        current, chars = box, [text[i]]
    if current is not None:
        words.append(Word(current[0], current[1], current[2], current[3], "".join(chars)))
    return words


def _char(textpage: pdfium.PdfTextPage, index: int) -> str:
    code = pdfium_c.FPDFText_GetUnicode(textpage.raw, index)
    return chr(code) if 0 < code < 0x110000 and not 0xD800 <= code < 0xE000 else " "
