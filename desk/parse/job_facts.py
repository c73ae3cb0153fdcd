"""Facts in a JD that are not skills: years, education, and screening criteria.

Each finder takes one line and returns what it states, or nothing; the caller
decides which statement the score uses and keeps the others visible.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from desk.model import DEGREE_LEVELS

NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    # German, French, Spanish: "mindestens drei Jahre", "trois ans", "cinco años"
    "zwei": 2,
    "drei": 3,
    "vier": 4,
    "fünf": 5,
    "sechs": 6,
    "sieben": 7,
    "acht": 8,
    "zehn": 10,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "sept": 7,
    "huit": 8,
    "dix": 10,
    "dos": 2,
    "tres": 3,
    "cuatro": 4,
    "cinco": 5,
    "seis": 6,
    "siete": 7,
    "ocho": 8,
    "diez": 10,
}
_NUM = r"(\d{1,2}(?:\.\d)?|" + "|".join(NUMBER_WORDS) + r")"
_YEAR_WORD = r"(?:years?|yrs?|jahre|jahren|ans|años|anni|anos|jaar|jaren)\b"
#: "two (2) years", "Four (4) or more years", "5 or more years", "5+ years"
_YRS = r"\s*(?:\(\s*\d{1,2}\s*\)\s*)?(?:\+\s*|or more\s+)?" + _YEAR_WORD
YEARS_RANGE_RE = re.compile(_NUM + r"\s*(?:-|–|—|to|bis|à|a)\s*" + _NUM + r"\s*\+?" + _YRS, re.I)
YEARS_MIN_RE = re.compile(
    r"(?:(?:at least|minimum(?: of)?|min\.?|over|more than|no less than|mindestens|mind\.|mehr als|über|"
    r"au moins|plus de|al menos|más de|mínimo|almeno|più di|pelo menos|no mínimo|minimaal|ten minste)\s+"
    + _NUM
    + _YRS
    + r")|"
    r"(?:" + _NUM + r"\s*\+\s*" + _YEAR_WORD + r")|"
    r"(?:" + _NUM + _YRS + r"(?:\s+or more|\s+minimum)?)",
    re.I,
)
EXPERIENCE_CUE_RE = re.compile(
    r"experience|exp\b|professional|industry|working|work\b|in (the )?field|erfahrung|expérience|experiencia|"
    r"esperienza|experiência|ervaring|"
    # Indeed's screening lines: "Python: 3 years (Required)"
    r"\((?:required|preferred)\)",
    re.I,
)
NOT_EXPERIENCE_RE = re.compile(
    r"\b\d+[- ]year (?:degree|program|contract)|years? old|years? ago|warranty|founded|since \d{4}", re.I
)


def _num(text: str) -> float:
    t = text.lower()
    return float(NUMBER_WORDS[t]) if t in NUMBER_WORDS else float(t)


def find_years(line: str) -> list[tuple[float | None, float | None]]:
    """Experience ranges stated in a line: "4-6 years" -> (4, 6); "5+ years" -> (5, None).

    Ranges, "N+" and "at least N" are read anywhere; a bare "N years" only next to a
    word about experience, so "a 4 year degree" or "founded 10 years ago" are not asks.
    """
    if NOT_EXPERIENCE_RE.search(line):
        return []
    cue = bool(EXPERIENCE_CUE_RE.search(line))
    found: list[tuple[float | None, float | None]] = []
    taken: list[tuple[int, int]] = []
    for m in YEARS_RANGE_RE.finditer(line):
        lo, hi = _num(m.group(1)), _num(m.group(2))
        if 0 <= lo <= hi <= 40 and hi > 0:  # "0-2 years": a junior role, not "2+ years"
            found.append((lo, hi))
            taken.append(m.span())
    for m in YEARS_MIN_RE.finditer(line):
        if any(s <= m.start() < e for s, e in taken):
            continue
        bare = m.group(3) is not None and "+" not in m.group(0) and "more" not in m.group(0).lower()
        if bare and not cue:
            continue
        value = next(g for g in m.groups() if g)
        lo = _num(value)
        if 0 < lo <= 40:
            found.append((lo, None))
    return found


# -- education -------------------------------------------------------------------------
LEVEL_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("phd", re.compile(r"\bph\.?\s?d\b|\bdoctora(te|l)\b", re.I)),
    ("mba", re.compile(r"\bmba\b", re.I)),
    (
        "master",
        re.compile(
            r"\bmasters?\b|\bmaster's\b|\bm\.\s?s\.?(?=[\s,/)]|$)|\bms\b(?=\s*(in|or|/|,|degree))|"
            r"\bm\.?sc\b|\bm\.?tech\b|\bmeng\b|graduate degree|advanced degree|\bm\.?c\.?a\b|(?-i:\bM\.E\b)|"
            r"\bbac\s?\+\s?5\b|diplôme d'ingénieur|école d'ingénieurs?|\bmáster\b|laurea magistrale|\bmaestr[ií]a\b|"
            r"\bmestrado\b",
            re.I,
        ),
    ),
    (
        "bachelor",
        re.compile(
            r"\bbachelors?\b|\bbachelor's\b|\bb\.\s?s\.?(?=[\s,/)]|$)|\bbs\b(?=\s*(in|or|/|,|degree))|"
            r"\bb\.?sc\b|\bb\.?tech\b|\bb\.?e\.(?=\s)|\bba\b(?=\s*(in|or|/|,))|undergraduate|"
            # India: "B.E/B.Tech/MCA", "BE / BTech", "BCA", "Any Graduate" ("BE" in capitals: "be" is a verb)
            r"(?-i:\bB\.?E\b)\.?(?=\s*[/,)]|\s+(?:in|or)\b|\s*$)|\bb\.?c\.?a\b|\bany\s+graduate\b|"
            r"\bgraduat(?:e|ion)\s+in\s+any\b|"
            r"\b(4|four)[- ]year degree|university degree|college degree|"
            # German, French, Spanish, Italian: a completed degree, a licence, Bac+3, a grado, a laurea
            r"(?:hochschul|universitäts)?studium\b|hochschulabschluss|universitätsabschluss|"
            r"\blicence\b|\bbac\s?\+\s?[34]\b|\bgrado\b|licenciatura|titulación universitaria|\blaurea\b|"
            r"\bbacharelado\b|\bgradua[çc][ãa]o\b|ensino superior|"
            # Dutch HBO (universities of applied sciences), Polish higher education
            r"\bhbo\b|wykształcenie wyższe",
            re.I,
        ),
    ),
    ("master", re.compile(r"\bwo\b(?=[- ](?:niveau|werk|opleiding|diploma|master))|\bwo-", re.I)),
    ("diploma", re.compile(r"\bdiploma\b(?!-)", re.I)),
    ("associate", re.compile(r"\bassociate'?s? degree\b", re.I)),
    ("highschool", re.compile(r"high school|secondary school|\bged\b", re.I)),
]
DEGREE_CUE_RE = re.compile(
    r"degree|bachelor|master|ph\.?\s?d|doctora|\bb\.?s|\bm\.?s|\bmba\b|graduat|diploma|studium|abschluss|"
    r"\b[bm]\.?tech\b|\b[bm]\.?e\b|\b[bm]\.?c\.?a\b|"
    r"\blicence\b|\bbac\s?\+|\bgrado\b|licenciatura|titulación|\blaurea\b|máster|ingénieur|maestr[ií]a|mestrado|"
    r"bacharelado|gradua[çc][ãa]o|ensino superior|\bhbo\b|\bwo\b|wykształcenie",
    re.I,
)
FIELD_RE = re.compile(
    r"\b(?:in|of|der|des|en)\s+((?:[A-Z][\w&]*|and|or|of|related|a|an|the|[,/&])(?:[\s,/&-]+(?:[A-Z][\w&]*|and|or|of|"
    r"related|a|an|the|field|fields|discipline|area))*)",
)
RELATED_RE = re.compile(r"related (technical )?(field|discipline|area|subject)|equivalent", re.I)


@dataclass
class EducationSpec:
    levels: list[str]
    min_level: str
    fields: list[str] = field(default_factory=list)
    related_ok: bool = False
    source: str = ""


#: "A degree is NOT essential", "We don't require a degree", "No degree requirements".
NO_DEGREE_RE = re.compile(
    r"\b(?:no|not|don['’]t|do not|doesn['’]t|does not|won['’]t|without|never)\b[^.;]{0,30}\bdegrees?\b"
    r"|\bdegrees?\b[^.;]{0,25}\b(?:not|isn['’]t|aren['’]t)\s+(?:\w+\s+)?(?:essential|required|necessary|needed|"
    r"mandatory|a must|important)",
    re.I,
)


def find_education(line: str) -> EducationSpec | None:
    if not DEGREE_CUE_RE.search(line) or NO_DEGREE_RE.search(line):
        return None
    if " " not in line.strip() and line.strip().islower():  # "master": a tech stack's skill level
        return None
    levels = [name for name, pat in LEVEL_PATTERNS if pat.search(line)]
    if not levels:
        if re.search(r"\bdegree\b", line, re.I):
            levels = ["bachelor"]
        else:
            return None
    min_level = min(levels, key=lambda lv: DEGREE_LEVELS[lv])
    fields: list[str] = []
    m = FIELD_RE.search(line)
    if m:
        for part in re.split(r",|/|\bor\b|\band\b|&", m.group(1)):
            name = re.sub(r"^(a|an|the)\s+", "", part.strip(), flags=re.I).strip(" .")
            if not name or re.search(r"related|field|equivalent|discipline|^any\b", name, re.I):
                continue
            if name[0].isupper() and name.lower() not in {"bachelor", "master", "phd", "degree"}:
                fields.append(name)
    return EducationSpec(levels, min_level, fields, bool(RELATED_RE.search(line)), line.strip())


# -- screening ---------------------------------------------------------------------------
REMOTE_RE = re.compile(
    r"\b(fully remote|remote[- ]first|remote|hybrid|on[- ]?site|in[- ]office|onsite)\b", re.I
)
LOCATION_LABEL_RE = re.compile(r"^\s*(?:location|based in|office|where)\s*[:\-–]\s*(.+)$", re.I)
AUTH_RE = re.compile(
    r"authori[sz]ed to work|work authori[sz]ation|right to work|work permit|eligible to work|"
    r"(?:no|not|without|unable to|cannot|can't|will not|won't) (?:provide |offer )?(?:visa )?sponsor",
    re.I,
)
CITIZEN_RE = re.compile(r"\bu\.?s\.? citizen(?:ship)?\b|citizenship (?:is )?required|must be a citizen", re.I)
CLEARANCE_RE = re.compile(
    r"\b(ts/sci|top secret|secret clearance|security clearance|public trust|clearance)\b", re.I
)
GRAD_RE = re.compile(
    r"\b(20\d\d)\s+(?:grad(?:uate)?s?|graduation)\b|class of (20\d\d)|graduating (?:in )?(?:\w+ )?(20\d\d)|"
    r"(?:graduat\w*|finish\w* (?:their|your) degree) between (?:\w+\.? )?(20\d\d) and (?:\w+\.? )?(20\d\d)|"
    r"new grad(?:uate)?s?\W{1,3}(20\d\d)",
    re.I,
)
STUDENT_RE = re.compile(r"current(?:ly enrolled)? students?( only)?|currently enrolled|new grad", re.I)
SENIORITY_WORDS = [
    ("intern", re.compile(r"\bintern(ship)?\b", re.I)),
    ("junior", re.compile(r"\bnew grad(uate)?\b|\bjunior\b|\bjr\.?\b|\bentry[- ]level\b|\bgraduate\b", re.I)),
    ("principal", re.compile(r"\bprincipal\b|\bdistinguished\b", re.I)),
    ("staff", re.compile(r"\bstaff\b|\blead\b", re.I)),
    ("senior", re.compile(r"\bsenior\b|\bsr\.?\b", re.I)),
]


def find_work_mode(line: str) -> str | None:
    m = REMOTE_RE.search(line)
    if not m:
        return None
    word = m.group(1).lower().replace(" ", "-")
    if "remote" in word:
        return "remote"
    if word == "hybrid":
        return "hybrid"
    return "onsite"


def find_clearance(line: str) -> str | None:
    m = CLEARANCE_RE.search(line)
    if not m:
        return None
    word = m.group(1).lower()
    if word == "ts/sci":
        return "ts-sci"
    if word == "top secret":
        return "top-secret"
    if word == "secret clearance":
        return "secret"
    if word == "public trust":
        return "public-trust"
    if re.search(r"\bsecret\b", line, re.I):
        return "top-secret" if re.search(r"top secret", line, re.I) else "secret"
    return "any"


def find_graduation(line: str) -> dict[str, object] | None:
    years: list[int] = []
    for m in GRAD_RE.finditer(line):
        groups = [int(g) for g in m.groups() if g]
        if len(groups) == 2:
            years.extend(range(min(groups), max(groups) + 1))
        else:
            years.extend(groups)
    student = bool(STUDENT_RE.search(line)) and "current" in line.lower()
    if not years and not student:
        return None
    return {"years": sorted(set(years)), "students": student}


def find_seniority(title: str) -> str | None:
    for level, pat in SENIORITY_WORDS:
        if pat.search(title):
            return level
    return None


def clean_places(text: str) -> list[str]:
    """ "Hybrid - Amsterdam or Berlin office (3 days/week)" -> ["Amsterdam", "Berlin"]."""
    text = re.sub(
        r"\([^)]*\)|\d+\s*%|\b(?:fully |100% )?(?:remote|hybrid|on[- ]?site|in[- ]office|onsite)\b",
        " ",
        text,
        flags=re.I,
    )
    text = re.sub(r"\b(?:office|offices|hq|headquarters|campus|based in|near)\b", " ", text, flags=re.I)
    # "Berlin – relocation support. Visa..." -> "Berlin": the first clause that names something
    clauses = [c for c in re.split(r"\s[–—-]\s|[.;!]\s|\s\+\s", text) if any(ch.isalpha() for ch in c)]
    text = clauses[0] if clauses else ""
    places = []
    for part in re.split(r"\bor\b|/|;|\band\b|\|", text):
        name = " ".join(part.split()).strip(" ,.-–—:")
        if name and any(ch.isalpha() for ch in name):
            places.append(name)
    return places[:6]
