"""Blind review: hide who a candidate is so that the work is judged, not the person.

Blind mode hides names, contacts (email, phone, where they live), links and
schools wherever a face shows a candidate. Redaction replaces each hidden run with the same number
of block characters, so offsets computed on the original text (skill hits,
search hits) still point at the same words in the redacted text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from desk.model import Resume
from desk.services.rows import loads
from desk.store import Store

BLOCK = "█"
LABEL_PREFIX = "Candidate #"

EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
URL_RE = re.compile(
    r"(?:https?://|www\.)\S+|\b(?:[\w-]+\.)*(?:github|gitlab|linkedin|stackoverflow|twitter|x)\.com/\S*",
    re.I,
)
#: a phone is a run of digits with separators; at least nine digits, so "2019 - 2021" is not one
PHONE_RE = re.compile(r"(?<![\w+])\+?\(?\d[\d ().-]{6,}\d(?!\w)")
#: "University of Manchester", "Imperial College London", "KTH Royal Institute of Technology"
SCHOOL_RE = re.compile(
    r"(?:\b[A-Z][\w&'.-]*[ \t]+){0,4}"
    r"\b(?:University|Universität|Université|Universidad|College|Institute|Polytechnic|Academy|School)\b"
    r"(?:[ \t]+(?:of|for|de|der|of the)[ \t]+[A-Z][\w&'.-]*(?:[ \t]+[A-Z][\w&'.-]*){0,3})?"
    r"(?: [A-Z][a-z][\w&'.-]*)?"
)
#: words of a school's name too generic to hide on their own ("Technology" appears in job titles)
SCHOOL_STOP = frozenset(
    [
        "university",
        "college",
        "institute",
        "technology",
        "school",
        "state",
        "royal",
        "national",
        "polytechnic",
        "academy",
        "science",
        "sciences",
        "engineering",
        "business",
        "management",
        "applied",
        "arts",
        "the",
        "of",
        "and",
        "for",
        "de",
        "der",
        "new",
        "north",
        "south",
        "east",
        "west",
        "city",
        "community",
        "technical",
        "federal",
    ]
)


def blind_label(candidate_id: str) -> str:
    """What blind mode shows instead of a name: stable, short, and not personal."""
    return LABEL_PREFIX + candidate_id.replace("-", "")[:6]


def sensitive_terms(store: Store, candidate_id: str) -> list[str]:
    """The strings that identify one candidate: name (and its parts), email, phone, address, links, schools."""
    row = store.conn.execute(
        "SELECT name, email, phone, location, profile FROM candidates WHERE id = ?", [candidate_id]
    ).fetchone()
    if row is None:
        return []
    name, email, phone, location, profile = row
    resume = Resume.from_dict(loads(profile, {}))
    return terms_for(name, [email, phone, location, *resume.links], [d.school for d in resume.education])


def terms_for(name: str | None, contacts: Iterable[str | None], schools: Iterable[str | None]) -> list[str]:
    """Sensitive terms from plain values; longest first so a full name wins over its parts."""
    terms: set[str] = set()
    if name:
        terms.add(name.strip())
        terms.update(part for part in re.split(r"[\s,]+", name) if len(part.strip(".")) >= 2)
    terms.update(c.strip() for c in contacts if c and c.strip())
    for school in schools:
        if not school or not school.strip():
            continue
        terms.add(school.strip())
        terms.update(
            w for w in re.findall(r"[\w&'-]+", school) if len(w) >= 3 and w.lower() not in SCHOOL_STOP
        )
    return sorted(terms, key=lambda t: (-len(t), t))


def _blocks(match: re.Match[str]) -> str:
    return re.sub(r"\S", BLOCK, match.group())


def _phone(match: re.Match[str]) -> str:
    """Nine digits or more, and not a date range ("01.2019 - 06.2021" has as many digits)."""
    value = match.group()
    digits = sum(ch.isdigit() for ch in value)
    if digits < 9 or re.search(r"\s-\s|(?:19|20)\d\d\D+(?:19|20)\d\d", value):
        return value
    return _blocks(match)


def redact(text: str, terms: Iterable[str] = ()) -> str:
    """Hide identifying text; the result has exactly the length of ``text``.

    Whitespace inside a hidden run is kept so that line breaks (and offsets) survive.
    """
    if not text:
        return text
    out = EMAIL_RE.sub(_blocks, text)
    out = URL_RE.sub(_blocks, out)
    out = PHONE_RE.sub(_phone, out)
    out = SCHOOL_RE.sub(_blocks, out)
    words = [t for t in terms if t]
    if words:
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(t) for t in words) + r")(?!\w)")
        out = pattern.sub(_blocks, out)
    return out
