"""PDFium adapter (pypdfium2): the fast engine, runs of text with boxes from the text page.

Speed comes from few calls into PDFium. The page text comes in one call, with a line break
wherever PDFium saw a new line. A line drawn by one text object (one show-text operator: PDF
producers set separate columns, table cells and text boxes as separate objects) is handed to the
layout step as one run, boxed by the loose boxes of its first and last character; PDFium's
``CountRects`` says, without a box per character, whether a line is one object. A line made of
several objects (a bold label before plain text, a date set apart) is split into words, each boxed
by its first and last character, so a gutter between objects is still seen. So is a line with a
wide gap inside one object: PDFium marks the space it inserts for a move (kerning in a ``TJ``, as
TeX sets every word space) as generated, and the gap at each such space is measured. Space glyphs
are trusted: a producer that draws columns with runs of spaces in one object is not handled. Loose boxes
span the font's full height, so every run on a line gets the same top and bottom whatever its
letters. A word whose ends are not on one line falls back to a box per character.

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
_COUNT_RECTS = ctypes.CFUNCTYPE(ctypes.c_int)(
    ctypes.cast(pdfium_c.FPDFText_CountRects, ctypes.c_void_p).value
)
_IS_GENERATED = ctypes.CFUNCTYPE(ctypes.c_int)(
    ctypes.cast(pdfium_c.FPDFText_IsGenerated, ctypes.c_void_p).value
)
#: FS_RECTF as laid out in memory: left, top, right, bottom.
_RECT = struct.Struct("4f")
#: A move inside one object wider than this share of the line's (loose) height may be a column
#: gutter, so the line is read word by word. The layout's narrowest gutter is 0.8 heights; a
#: justified word space stays under 0.5.
MAX_INNER_GAP = 0.5


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
    box = _Box()
    words: list[Word] = []
    append = words.append
    start = 0
    for line in text.split("\r\n"):
        tokens = line.split()
        if tokens:
            run = _run(handle, box, text, line, tokens, start, height)
            if run is None:
                words += _token_words(textpage, handle, text, tokens, start, height)
            else:
                append(run)
        start += len(line) + 2
    return words


class _Box:
    """One FS_RECTF that PDFium writes char boxes into, with a ready ``byref`` and a reader:
    made once per page, not per line, as the per-line path is most of this adapter's time."""

    __slots__ = ("rect", "ref", "buffer")

    def __init__(self) -> None:
        self.rect = pdfium_c.FS_RECTF()
        self.ref = ctypes.byref(self.rect)
        self.buffer = memoryview(self.rect).cast("B")


def _run(
    handle: ctypes.c_void_p, box: _Box, text: str, line: str, tokens: list[str], start: int, height: float
) -> Word | None:
    """The line at ``start`` as one run, if one text object drew it with no wide move inside."""
    first = start + line.find(tokens[0])
    last = start + line.rfind(tokens[-1]) + len(tokens[-1]) - 1
    if _COUNT_RECTS(handle, first, last + 1 - first) != 1:
        return None
    ref, buffer, read = box.ref, box.buffer, _RECT.unpack_from
    if not _LOOSE_BOX(handle, first, ref):
        return None
    x0, top, _, bottom = read(buffer)
    if not _LOOSE_BOX(handle, last, ref):
        return None
    _, last_top, x1, last_bottom = read(buffer)
    if x1 < x0 or last_top <= bottom or last_bottom >= top:  # its ends are not on one line
        return None
    if len(tokens) > 1:
        # No space PDFium generated for a move (see the module docstring) may be as wide as a gutter.
        is_generated, loose_box, find = _IS_GENERATED, _LOOSE_BOX, text.find
        widest = MAX_INNER_GAP * (top - bottom)
        space = find(" ", first, last)
        while space >= 0:
            if is_generated(handle, space) == 1:
                if not loose_box(handle, space - 1, ref):
                    return None
                right = read(buffer)[2]
                if not loose_box(handle, space + 1, ref) or read(buffer)[0] - right > widest:
                    return None
            space = find(" ", space + 1, last)
    return tuple.__new__(Word, (x0, x1, height - top, height - bottom, " ".join(tokens)))


def _token_words(
    textpage: pdfium.PdfTextPage,
    handle: ctypes.c_void_p,
    text: str,
    tokens: list[str],
    start: int,
    height: float,
) -> list[Word]:
    """One line's words, each boxed by its first and last character."""
    rect = pdfium_c.FS_RECTF()
    ref = ctypes.byref(rect)
    read = _RECT.unpack_from
    buffer = memoryview(rect).cast("B")
    loose_box = _LOOSE_BOX
    make = tuple.__new__
    words: list[Word] = []
    append = words.append
    find = text.find
    end = start
    for token in tokens:
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
