"""The person's name, from the first lines of a resume, or from the top of its main column.

The name is the first short line that is made of name-shaped words and nothing else: not
a document title ("RESUME"), not a job title, not contacts. Separators cut a line first, so
"Jane Doe | jane@x.com" and "Sean Gallagher — Backend Engineer" give the name alone.

A sidebar resume read column by column (LinkedIn's "Save to PDF" is the common one) opens with
the sidebar's "Contact" and "Top Skills" and puts the name, headline and location after them,
at the top of the main column. There the name is a line among the few that stand just before
the first main heading (Summary, Experience), over the headline. A skill in the sidebar ("REST
APIs") is name-shaped too, so a sidebar's lists are searched only when the resume opens with a
"Contact" block or the email spells the name, and a line that holds more than a name is passed.
"""

from __future__ import annotations

import re

from desk.model import Section
from desk.parse.contacts import SEPARATORS, is_place
from desk.parse.names import name_tokens
from desk.parse.resume_vocab import NAME_PARTICLES, NOT_NAME_WORDS, POSTNOMINALS
from desk.parse.sections import (
    EDUCATION,
    EXPERIENCE,
    OTHER,
    PROJECTS,
    SUMMARY,
    Line,
    heading_kind,
    is_bullet,
    is_contact_heading,
    lines_between,
    unspace_letters,
)

_LABEL = re.compile(
    r"^(?:full\s+|candidate(?:'s)?\s+)?(?:name|candidate|applicant|nombre(?:\s+completo)?|nom(?:\s+complet)?|"
    r"vor-?\s*und\s*nachname|naam|nome|imię\s+i\s+nazwisko|namn|navn|nimi|ad\s+soyad|adı\s+soyadı|jméno|"
    r"nume|nama(?:\s+lengkap)?)\s*[:\-–]\s*(?:\|\s*)?(.+)$"
    r"|^(?:氏名|姓名|名前|이름)\s*[:：]?\s*(.+)$",
    re.I,
)
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
#: A bracketed note after a name: its romanisation or an English nickname.
_TRAILING_NOTE = re.compile(r"\s+\([^()]{1,40}\)\s*$")
#: Job titles in Chinese, Japanese and Korean, which a name-shaped line may hold ("백엔드 개발자").
_CJK_TITLE = re.compile(r"개발자|엔지니어|工程师|开发|エンジニア|開発|经理|マネージャー|디자이너|设计师")
_TITLES = {"dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "prof", "prof.", "mx", "mx."}
#: Streets: "Schönhauser Allee 112" or "Hofwiesenstrasse 18" is the address line above a name.
_STREET = re.compile(
    r"(?:straße|strasse|str\.|allee|weg|platz|gasse|ring|damm|street|road|avenue|lane|drive|boulevard|"
    r"gatan|vägen|gade|vej|laan|straat|gracht|rue|calle|carrer|via|viale|ulica|ul\.|avenida|rua|sokak|"
    r"sokağı|caddesi|mah\.?|st\.?|rd\.?|ave\.?|blvd\.?)$",
    re.I,
)


def _titlecase(word: str) -> str:
    """ "O'CONNOR" -> "O'Connor", "JOSÉ" -> "José", "MARY-JANE" -> "Mary-Jane"."""
    return word.lower() if word.lower() in NAME_PARTICLES else word.title()


def name_from_line(line: str) -> str | None:
    """The name in one line, or None when the line is not (or does not start with) a name."""
    name = _name_from_line(line)
    if name is None:  # "AISHA RAHMAN Senior Full-Stack Developer": a name in capitals, then a headline
        tokens = line.split()
        caps = 0
        while caps < len(tokens) and tokens[caps].isupper() and tokens[caps].strip(".-'’").isalpha():
            caps += 1
        if 2 <= caps <= 4 and caps < len(tokens) and not tokens[caps].isupper():
            name = _name_from_line(" ".join(tokens[:caps]))
    return name


def _name_from_line(line: str) -> str | None:
    text = unspace_letters(line.strip()[:120])
    m = _LABEL.match(text)
    if m:
        text = m.group(1) or m.group(2)
    text = _PRONOUNS.sub(" ", text).strip(" \t*#=_~-–—•·:")
    text = _TRAILING_NOTE.sub("", text) or text  # "김지훈 (Kim Ji-hoon)", "ZHANG Xiaoyu (Sherry)"
    cut = _CUT.search(text)
    if cut:
        if cut.start() == 0:
            return None
        if text[cut.start() :].lstrip()[:1].isdigit() and _STREET.search(text[: cut.start()].rstrip()):
            return None  # "Schönhauser Allee 112"
        text = text[: cut.start()]
    tokens = text.split()
    while tokens and tokens[0].lower() in _TITLES:
        tokens = tokens[1:]
    while len(tokens) > 2 and _postnominal(tokens[-1], tokens):
        tokens = tokens[:-1]
    if not text.isascii() and _CJK_TITLE.search(text):
        return None
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
    # a nickname inside the name, "Daniel (Danny) Kowalski", "Jessica “Jess” Thornton": the name without it
    plain = [t for t in tokens if t[:1] not in "\"“'‘("]
    if 2 <= len(plain) < len(tokens):
        tokens = plain
    letters = [c for c in "".join(tokens) if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        turkish = any("İ" in t for t in tokens)  # "ELİF YILDIRIM" is Elif Yıldırım, not "Eli̇f Yildirim"
        tokens = [_turkish_title(t) if turkish else _titlecase(t) for t in tokens]
    return " ".join(tokens)


def _postnominal(token: str, tokens: list[str]) -> bool:
    """ "RN", "PhD", "P.E." after a name; not a surname that spells the same ("Nguyen Van Do",
    "NGUYEN VAN DO": among capitals, capitals say nothing)."""
    if token.lower().strip(",") not in POSTNOMINALS:
        return False
    if "." in token or (token[:1].isupper() and any(c.isupper() for c in token[1:]) and not token.isupper()):
        return True  # "P.E.", "PhD", "MSc"
    return token.isupper() and not all(t.isupper() for t in tokens)


def _turkish_title(word: str) -> str:
    """Title case with Turkish dotted and dotless i (Python's lower() gives "İ" a combining dot)."""
    rest = word[1:].replace("I", "ı").replace("İ", "i").lower()
    return word[0] + rest


_FRAME = " \t#*|=+~"


def find_name(header_lines: list[str], *, labels: bool = True) -> str | None:
    """The first name-shaped line among the first non-empty header lines (a "Name:" label wins,
    unless the caller has looked for one already)."""
    name = labelled_name(header_lines) if labels else None
    if name:
        return name
    seen = 0
    for line in header_lines:
        if not line.strip():
            continue
        seen += 1
        if seen > 6:
            break
        framed = line.strip()[:200].strip(_FRAME)  # an ASCII box: "#      HENDRIK PIETERSE      #"
        parts = SEPARATORS.split(unspace_letters(framed), maxsplit=1)
        # a name in capitals passes for an unknown heading ("MICHAEL ODHIAMBO | SENIOR .NET DEVELOPER")
        if len(parts) == 2 and (heading_kind(parts[0]) not in (None, OTHER) or is_contact_heading(parts[0])):
            parts = parts[1:]  # Europass: "PERSONAL INFORMATION      Andrei Popescu"
        name = name_from_line(parts[0]) if parts else None
        if name and not is_place(name):  # "San Francisco" over a sidebar's list
            return name
    return None


#: A resume pasted into an email: the sender's name before the address ("From: Samuel Osei <s@x.com>").
_FROM = re.compile(r"^from:\s*\"?([^<\"]{3,60}?)\"?\s*<[^>]*@[^>]*>", re.I)
#: The name in a page's running footer or header: "Sandra Meier-Studer – Lebenslauf Seite 1 von 2".
_RUNNING = re.compile(
    r"\s[–—|-]\s+(?:lebenslauf|curriculum vitae|cv|resume|résumé|page|seite|página|pagina)\b", re.I
)


def sender_name(lines: list[str]) -> str | None:
    """The sender of an email the resume was pasted into, in its full form if the resume spells it
    out ("From: Samuel Osei" and then "SAMUEL KWAME OSEI" over the CV)."""
    sender = None
    for line in lines[:10]:
        m = _FROM.match(line.strip())
        if m:
            sender = name_from_line(m.group(1))
            break
    if sender is None:
        return None
    mine = name_tokens(sender)
    for line in lines[:80]:
        full = name_from_line(line.strip().strip(_FRAME)) if line.strip() else None
        if full and len(full.split()) > len(sender.split()) and set(mine) <= set(name_tokens(full)):
            return full
    return sender


def running_name(lines: list[str]) -> str | None:
    """The name in a running footer ("Name – Lebenslauf Seite 1 von 2"), the last resort."""
    for line in lines:
        if len(line) > 120 or ("–" not in line and "—" not in line and "|" not in line and " - " not in line):
            continue  # the regex only where it can match: most lines have none of these
        m = _RUNNING.search(line)
        if m and 3 <= len(line[: m.start()].strip()) <= 60:
            name = name_from_line(line[: m.start()].strip())
            if name:
                return name
    return None


def labelled_name(lines: list[str]) -> str | None:
    """The name after a "Name:" label ("Naam:", "氏名") among the first 30 lines."""
    for line in lines[:30]:
        m = _LABEL.match(line.strip()[:200])
        if m:
            name = name_from_line(m.group(1) or m.group(2))
            if name:
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
    """``(name, lines from the name to the heading)`` when a name stands within the last
    ``MAX_NAME_BLOCK`` lines before the first main heading, past other sections, with a line
    (headline, location) under it: the top of a main column read after its sidebar. Where a
    blank line parts the last block from the sidebar's list, the name is searched in that block
    only. The resume must open with a "Contact" sidebar block, or the email must spell the
    name: a line in a sidebar list is name-shaped too often."""
    # a sidebar may hold a main kind too ("EDUCATION" beside "WORK EXPERIENCE"): each is tried in turn
    for main in sections[1:]:
        if main.kind in _MAIN_KINDS:
            got = _before_main(lines, sections, main, email)
            if got is not None:
                return got
    return None


def _before_main(
    lines: list[Line], sections: list[Section], first_main: Section, email: str | None
) -> tuple[str, list[Line]] | None:
    last = [s for s in sections if s.start < first_main.start][-1]
    # the last heading's line is not searched, unless only its capitals made it one ("NIKHIL DESHMUKH")
    guessed = last.kind == OTHER and heading_kind(last.heading, lenient=False) is None
    tail = lines_between(lines, last.start + (0 if guessed else 1), first_main.start)
    while tail and not tail[-1].text:
        tail.pop()
    blank = max((i for i, ln in enumerate(tail) if not ln.text), default=-1)
    got = _name_block(tail[blank + 1 :][-MAX_NAME_BLOCK:], sections, email, spelt_only=False)
    if got is None and blank > 0:  # an unheaded summary paragraph between the name and the heading
        before = max((i for i, ln in enumerate(tail[:blank]) if not ln.text), default=-1)
        got = _name_block(tail[before + 1 : blank][-MAX_NAME_BLOCK:], sections, email, spelt_only=True)
    return got


def _name_block(
    tail: list[Line], sections: list[Section], email: str | None, *, spelt_only: bool
) -> tuple[str, list[Line]] | None:
    found: list[tuple[str, int]] = []
    for i, ln in enumerate(tail[:-1]):  # a line under the name: it never stands alone
        name = name_from_line(ln.text)
        core = _TRAILING_NOTE.sub("", _PRONOUNS.sub(" ", ln.text)).strip()  # "Priya Nair (She/Her)"
        if not name or len(name) < 0.8 * len(core):
            continue  # the line holds more than a name: "Yelp Hackathon 22 – Best Hack"
        if not heading_kind(name) and not is_place(name) and not is_bullet(tail[i + 1].text):
            found.append((name, i))  # not "About Me" missed as a heading, nor "San Francisco"
    spelt = [f for f in found if spelt_by_email(f[0], email)]
    if not spelt and (spelt_only or not (found and is_contact_heading(sections[0].heading))):
        return None
    name, i = (spelt or found)[0]
    return name, tail[i:]


_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})


def spelt_by_email(name: str, email: str | None) -> bool:
    """The email's local part spells the name: priya.nair@, nairpriya84@, pnair@, rafadominguez@."""
    if not email or "@" not in email:
        return False
    local = "".join(name_tokens(email.split("@", 1)[0]))
    # German spelling in an address: weissmueller@ for Weißmüller (casefold makes ß "ss" already)
    german = name.casefold().translate(_UMLAUTS)
    tokens = [t for t in dict.fromkeys(name_tokens(name) + name_tokens(german)) if len(t) > 1]
    found = [t for t in tokens if t in local]
    if len(found) >= 2:
        return True
    if len(found) == 1 and len(found[0]) >= 4:
        word = found[0]
        rest = local.replace(word, "", 1)  # what is left beside the surname: an initial or a short form
        return bool(rest) and any(t != word and t.startswith(rest) for t in tokens)
    return False
