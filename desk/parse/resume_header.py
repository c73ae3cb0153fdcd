"""The person's name, from the first lines of a resume.

The name is the first short line that is made of name-shaped words and nothing else: not
a document title ("RESUME"), not a job title, not contacts. Separators cut a line first, so
"Jane Doe | jane@x.com" and "Sean Gallagher — Backend Engineer" give the name alone.
"""

from __future__ import annotations

import re

from desk.parse.contacts import SEPARATORS
from desk.parse.resume_vocab import NAME_PARTICLES, NOT_NAME_WORDS
from desk.parse.sections import unspace_letters

_LABEL = re.compile(r"^(?:full\s+)?(?:name|nombre|nom|vor-?\s*und\s*nachname)\s*[:\-–]\s*(.+)$", re.I)
_CUT = re.compile(
    r"\s*(?:[,|·•▪/;<]|\s[—–-]\s|\t|\s{3,}|\b(?:mobile|phone|tel|cell|e-?mail|address|contact)\b"
    r"|(?<![\w.+-])[\w.+-]{1,64}+@|\+?\d)",
    re.I,
)
_TOKEN = re.compile(r"^(?:[^\W\d_]\.|[^\W\d_]+(?:['’\-][^\W\d_]+)*\.?|[\"“'‘(][^\W\d_]+[\"”'’)])$")
_PRONOUNS = re.compile(r"\((?:she|he|they|ze|xe)\b[^)]{0,20}\)", re.I)
#: A whole name in Chinese, Japanese or Korean script: two to five characters, no space.
_CJK_NAME = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff\u3040-\u30ff\uac00-\ud7af]{2,5}$")
#: What tops a CJK resume instead of a name: "résumé", "personal résumé", "curriculum vitae".
_CJK_NOT_NAMES = frozenset(
    {"简历", "个人简历", "簡歷", "個人簡歷", "履歴書", "職務経歴書", "이력서", "자기소개서"}
)
_TITLES = {"dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "prof", "prof.", "mx", "mx."}


def _titlecase(word: str) -> str:
    """ "O'CONNOR" -> "O'Connor", "JOSÉ" -> "José", "MARY-JANE" -> "Mary-Jane"."""
    return word.lower() if word.lower() in NAME_PARTICLES else word.title()


def name_from_line(line: str) -> str | None:
    """The name in one line, or None when the line is not (or does not start with) a name."""
    text = unspace_letters(line.strip()[:120])
    m = _LABEL.match(text)
    if m:
        text = m.group(1)
    text = _PRONOUNS.sub(" ", text).strip(" \t*#=_~-–—•·:")
    cut = _CUT.search(text)
    if cut:
        if cut.start() == 0:
            return None
        text = text[: cut.start()]
    tokens = text.split()
    while tokens and tokens[0].lower() in _TITLES:
        tokens = tokens[1:]
    if len(tokens) == 1 and _CJK_NAME.match(tokens[0]) and tokens[0] not in _CJK_NOT_NAMES:
        return tokens[0]  # "王伟", "山田太郎", "김민준": written without a space
    if not 2 <= len(tokens) <= 5 or len(" ".join(tokens)) > 50:
        return None
    for tok in tokens:
        low = tok.lower().strip("\"“”'‘’()")
        if not _TOKEN.match(tok) or low in NOT_NAME_WORDS:
            return None
        if tok[0].islower() and low not in NAME_PARTICLES:
            return None
    if all(t.lower() in NAME_PARTICLES for t in tokens):
        return None
    letters = [c for c in "".join(tokens) if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        tokens = [_titlecase(t) for t in tokens]
    return " ".join(tokens)


def find_name(header_lines: list[str]) -> str | None:
    """The first name-shaped line among the first non-empty header lines (a "Name:" label wins)."""
    for line in header_lines[:30]:
        m = _LABEL.match(line.strip()[:200])
        if m:
            name = name_from_line(m.group(1))
            if name:
                return name
    seen = 0
    for line in header_lines:
        if not line.strip():
            continue
        seen += 1
        if seen > 6:
            break
        parts = SEPARATORS.split(unspace_letters(line.strip()[:200]), maxsplit=1)
        name = name_from_line(parts[0]) if parts else None
        if name:
            return name
    return None
