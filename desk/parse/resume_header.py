"""The person's name, from the first lines of a resume, or from the top of its main column.

The name is the first short line that is made of name-shaped words and nothing else: not
a document title ("RESUME"), not a job title, not contacts. Separators cut a line first, so
"Jane Doe | jane@x.com" and "Sean Gallagher — Backend Engineer" give the name alone.

A sidebar resume read column by column (LinkedIn's "Save to PDF" is the common one) opens with
the sidebar's "Contact" and "Top Skills" and puts the name, headline and location after them,
at the top of the main column. There the name is the first line of the block that stands just
before the first main heading (Summary, Experience); a skill in the sidebar ("REST APIs") is
name-shaped too, so the sidebar's lists are never searched.
"""

from __future__ import annotations

import re

from desk.model import Section
from desk.parse.contacts import SEPARATORS, is_place
from desk.parse.names import name_tokens
from desk.parse.resume_vocab import NAME_PARTICLES, NOT_NAME_WORDS
from desk.parse.sections import (
    EDUCATION,
    EXPERIENCE,
    PROJECTS,
    SUMMARY,
    Line,
    heading_kind,
    is_bullet,
    is_contact_heading,
    unspace_letters,
)

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
        low = tok.lower().strip("\"“”'‘’().")
        if not _TOKEN.match(tok) or low in NOT_NAME_WORDS:
            return None
        if tok.lstrip("\"“'‘(")[:1].islower() and low not in NAME_PARTICLES:
            return None  # "(native)" after a language is no nickname
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
        if name and not is_place(name):  # "San Francisco" over a sidebar's list
            return name
    return None


#: Headings that open a main column; the block just before one may be the name and headline.
_MAIN_KINDS = frozenset({SUMMARY, EXPERIENCE, EDUCATION, PROJECTS})
#: A name block is the name and a few lines under it (headline, location, contacts).
#: LinkedIn's export always has the headline.
MAX_NAME_BLOCK = 6


def main_column_name(
    lines: list[Line], sections: list[Section], email: str | None
) -> tuple[str, list[Line]] | None:
    """``(name, block)`` when a block of 2 to ``MAX_NAME_BLOCK`` lines, after a blank line, opens
    with a name and stands just before the first main heading, past other sections: the top of
    a main column read after its sidebar. The resume must open with a "Contact" sidebar block,
    or the email must spell the name: a block in a sidebar list is name-shaped too often."""
    first_main = next((s for s in sections if s.kind in _MAIN_KINDS), None)
    if first_main is None or first_main is sections[0]:
        return None
    heads = {s.start for s in sections}
    block: list[Line] = []  # the last block that opened after a blank line
    previous = "heading"  # what the line before was: heading, blank or text
    for ln in lines:
        if ln.start >= first_main.start:
            break
        if ln.start in heads:
            block, previous = [], "heading"  # a section's first lines are its content, not a name
        elif not ln.text:
            previous = "blank" if previous != "heading" else previous
        elif previous == "blank":
            block, previous = [ln], "text"
        else:
            if block and previous == "text":
                block.append(ln)
            previous = "text"
    if not 2 <= len(block) <= MAX_NAME_BLOCK or is_bullet(block[1].text):
        return None  # a name stands over a headline or contacts; alone it may be a list item
    name = name_from_line(SEPARATORS.split(unspace_letters(block[0].text[:200]), maxsplit=1)[0])
    if not name or heading_kind(name) or is_place(name):
        return None  # "About Me" missed as a heading, "San Francisco" over an address
    if not is_contact_heading(sections[0].heading) and not spelt_by_email(name, email):
        return None
    return name, block


def spelt_by_email(name: str, email: str | None) -> bool:
    """The email's local part spells the name: priya.nair@, nairpriya84@, pnair@, nairp@."""
    if not email or "@" not in email:
        return False
    local = "".join(name_tokens(email.split("@", 1)[0]))
    tokens = [t for t in name_tokens(name) if len(t) > 1]
    found = [t for t in tokens if t in local]
    if len(found) >= 2:
        return True
    if len(found) == 1 and len(found[0]) >= 4:
        word = found[0]
        initials = {t[0] for t in tokens if t != word}
        return any(local.startswith(i + word) or local.startswith(word + i) for i in initials)
    return False
