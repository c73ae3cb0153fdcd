"""Bytes of a text file to ``str`` without ever raising ``UnicodeDecodeError``.

Order of belief: a BOM, then strict UTF-8 (most files), then UTF-16 without a BOM (NUL-heavy),
then charset-normalizer's guess, except that Windows-1252 wins when it reads as Western text and
the guess has too little to go on (it reads a short "café – naïve" as Ukrainian cp1125) or would
turn curly quotes into C1 controls (Latin-1).
"""

from __future__ import annotations

import codecs
import unicodedata

from charset_normalizer import from_bytes

from desk.extract.result import ExtractError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: Typographic characters CP1252 adds to Latin-1; real Western text uses them, mis-decodes rarely do.
_WESTERN_PUNCT = set("–—‘’‚“”„•…€†‡‰‹›™°±·×÷«»§¶©®¢£¥¿¡ªº¹²³¼½¾µ\u00a0\u00ad")
_SAMPLE = 65536
_ALLOWED_CONTROLS = set("\t\n\r\f\v\x00")
_ASCII = bytes(range(128))
#: With fewer non-ASCII bytes than this, charset-normalizer's guess is noise (``café`` -> cp1125).
_FEW_ACCENTS = 16

BAD_ENCODING = "the file is not readable text (binary data or an unknown encoding); save it as UTF-8 text"


def decode_text(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)``; raise ``ExtractError("bad-encoding")`` for binary data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    utf16 = _utf16_without_bom(data)
    if utf16:
        return data.decode(utf16, errors="replace"), utf16
    return _single_byte(data)


def _single_byte(data: bytes) -> tuple[str, str]:
    """Pick between CP1252 and charset-normalizer's guess, which needs a few accents to be right."""
    try:
        western: str | None = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    plausible = western is not None and _looks_western(western)
    sample = data[:_SAMPLE]
    best = _best_guess(sample)
    if best is None:
        if plausible and western is not None:
            return western, "cp1252"
        raise ExtractError("bad-encoding", BAD_ENCODING)
    encoding = codecs.lookup(best).name
    guessed = data.decode(encoding, errors="replace")
    if western is not None and (
        guessed == western
        or (plausible and (len(sample.translate(None, _ASCII)) < _FEW_ACCENTS or _has_c1(guessed)))
    ):
        return western, "cp1252"
    if _control_share(guessed[:_SAMPLE]) > 0.02:
        raise ExtractError("bad-encoding", BAD_ENCODING)
    return guessed, encoding


def _best_guess(sample: bytes) -> str | None:
    """charset-normalizer's pick, but a Windows code page wins a near tie with a Mac or DOS one."""
    results = from_bytes(sample)
    best = results.best()
    if best is None:
        return None
    for match in results:
        if (
            match.encoding.startswith("cp125")
            and match.chaos <= best.chaos
            and match.coherence >= best.coherence - 0.05
        ):
            return match.encoding
    return best.encoding


def _utf16_without_bom(data: bytes) -> str | None:
    """Spot UTF-16 by its NULs: mostly-ASCII text has a NUL in every other byte."""
    sample = data[:4096]
    half = len(sample) // 2
    if half < 4:
        return None
    even_nuls = sample[0::2].count(0) / half
    odd_nuls = sample[1::2].count(0) / half
    if odd_nuls > 0.4 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.4 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def _looks_western(text: str) -> bool:
    """True if every non-ASCII character is a Latin letter or common punctuation, used sparingly.

    Cyrillic or Greek bytes decoded as CP1252 also give Latin letters (``Ïðèâåò``), but then nearly
    every letter is accented; in real Western text accents are a minority.
    """
    sample = text[:_SAMPLE]
    if _control_share(sample) > 0.01:
        return False
    letters = accented = 0
    for ch in sample:
        if ch.isascii():
            letters += ch.isalpha()
            continue
        if ch in _WESTERN_PUNCT:
            continue
        if not ch.isalpha() or "LATIN" not in unicodedata.name(ch, ""):
            return False
        letters += 1
        accented += 1
    return letters > 0 and accented <= 0.3 * letters


def _has_c1(text: str) -> bool:
    """C1 controls: what CP1252's quotes and dashes become when read as Latin-1."""
    return any("\x80" <= ch <= "\x9f" for ch in text[:_SAMPLE])


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(
        1
        for ch in text
        if (ch < " " and ch not in _ALLOWED_CONTROLS) or "\x7f" <= ch <= "\x9f" or ch == "\ufffd"
    )
    return bad / len(text)
