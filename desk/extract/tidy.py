"""One shape for text from every format: ``\\n`` newlines, no control characters, at most one blank line."""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufeff\ufffe\uffff]")
_TRAILING = re.compile(r"[ \t\u00a0]+$", re.MULTILINE)
_BLANKS = re.compile(r"\n{3,}")
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"})


def tidy(text: str) -> str:
    """Normalise newlines and ligatures; drop NULs and other controls, trailing spaces, extra blank lines."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").replace("\v", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _CONTROL.sub("", text).translate(_LIGATURES)
    if " \n" in text or "\t\n" in text or "\u00a0\n" in text or text.endswith((" ", "\t", "\u00a0")):
        text = _TRAILING.sub("", text)  # the check is ~20x cheaper than the regex on text without any
    return _BLANKS.sub("\n\n", text).strip("\n")


def is_blank(text: str) -> bool:
    """True when nothing but whitespace is left, so the file counts as empty."""
    return not text.strip()
