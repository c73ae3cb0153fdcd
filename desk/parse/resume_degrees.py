"""Degree words ("BSc", "Ph.D.", "Master of Science", "Diplom", "A-Levels") and their levels.

Matched word by word against tables rather than with one big alternation: a regex of sixty
case-sensitive and case-insensitive degree spellings costs microseconds per character,
a dictionary lookup per word costs nothing. Short capitals ("BA", "MS", "BE", "MA") count
only as written in capitals, since "be" and "ma" are words too.
"""

from __future__ import annotations

import re
from typing import NamedTuple

#: Normalised spelling (lower case, dots removed) -> level (a key of desk.model.DEGREE_LEVELS).
_WORDS: dict[str, str] = {}
for _level, _spellings in {
    "phd": "phd dphil doctorate doktor promotion doctorat doctorado doutorado dottorato edd doktora "
    "doktorsexamen",
    "mba": "mba emba pgdm pgdba",  # India's Post Graduate Diploma in Management stands for an MBA
    "master": "master masters master's master’s máster magister msc mtech meng mphil llm mca msci mres "
    "mcomp masc mscs msee maestría maestria mestrado masterexamen civilingenjör civilingeniør "
    "magisterexamen",
    "bachelor": "bachelor bachelors bachelor's bachelor’s bsc btech beng bba bcom bca licence licenciatura "
    "grado licenciado bfa bsba bmath bcomp basc bscs bsee bsce bacharelado laurea ingeniería ingenieria "
    "lisans kandidatexamen högskoleingenjör licență licenta sarjana",
    "associate": "aas önlisans",
    "diploma": "diploma diplom diplome diplôme dipl hnd",
    "highschool": "abitur gcse gcses baccalauréat baccalaureat bachillerato matura maturità hsc ssc alevels alevel "
    "lise vwo havo gymnasieexamen studentexamen",
}.items():
    for _spelling in _spellings.split():
        _WORDS[_spelling] = _level
#: Only in capitals (with or without dots): "B.S.", "BA", "MS", "M.A.".
_CAPS: dict[str, str] = {
    "bs": "bachelor",
    "ba": "bachelor",
    "be": "bachelor",
    "ab": "bachelor",
    "ms": "master",
    "mcs": "master",
    "mse": "master",
    "bse": "bachelor",
    "ma": "master",
    "me": "master",  # M.E., India's Master of Engineering
    "aa": "associate",
    "as": "associate",
}
#: Two words read as one ("Ph. D.", "B. Tech", "A-Levels", "High School", "Dr. rer. nat.").
_PAIRS: dict[tuple[str, str], str] = {
    ("ph", "d"): "phd",
    ("d", "phil"): "phd",
    ("dr", "rer"): "phd",
    ("dr", "phil"): "phd",
    ("dr", "ing"): "phd",
    ("b", "tech"): "bachelor",
    ("b", "sc"): "bachelor",
    ("b", "eng"): "bachelor",
    ("m", "sc"): "master",
    ("m", "tech"): "master",
    ("m", "eng"): "master",
    ("a", "levels"): "highschool",
    ("a", "level"): "highschool",
    ("high", "school"): "highschool",
    ("secondary", "school"): "highschool",
    ("senior", "secondary"): "highschool",
    ("class", "xii"): "highschool",
    ("class", "x"): "highschool",
    ("higher", "secondary"): "highschool",
    ("yüksek", "lisans"): "master",
    ("laurea", "magistrale"): "master",
    ("laurea", "specialistica"): "master",
}
#: Phrases whose level differs from their first word's ("Master of Business Administration").
_PHRASES = (
    (re.compile(r"master of business administration", re.I), "mba"),
    (re.compile(r"doctor of philosophy", re.I), "phd"),
    (re.compile(r"higher national diploma", re.I), "diploma"),
    (re.compile(r"diploma di maturità", re.I), "highschool"),
)
_TOKEN = re.compile(r"[^\W\d_][\w.'’]*")
#: What makes "Intermediate" a school year and not a level of German: a stream or the word education.
_INTERMEDIATE = re.compile(
    r"\s*\((?:mpc|bipc|mec|cec|m\.p\.c\.?|12th|xii|\+2)\)|\s+(?:education|board)\b", re.I
)
_ASSOCIATE = re.compile(r"associate(?:'s|’s)?(?=\s+(?:of|in|degree)\b)", re.I)
_MA_CONTEXT = re.compile(r"\s+(?:in|of)\b|,| [A-Z]")


#: A German university "Diplom" (Dipl.-Ing., Diplom-Informatiker) and the French "diplôme
#: d'ingénieur" are master-level degrees; a "Diplom (FH)" is a bachelor's. Read as "diploma"
#: (below a bachelor's) they would fail every JD that asks for a degree.
_MASTER_DIPLOMAS = frozenset({"diplom", "dipl", "diplôme", "diplome"})
_GERMAN_DIPLOM = re.compile(r"\.?\s*-\s*([^\W\d_]+\.?)|\s+(?:in|der|des)\s+[^\W\d_]", re.I)
_FH = re.compile(r"\(\s*FH\s*\)|\bFH\b|Fachhochschule", re.I)
_FH_AFTER = re.compile(r"\s*\(\s*FH\s*\)", re.I)
_DIPLOME_INGENIEUR = re.compile(r"\s+d['’]\s?ing[ée]nieur", re.I)


def _master_diploma(text: str, key: str, start: int, end: int) -> DegreeMatch | None:
    """The level of a Diplom by what follows it; the span leaves the subject to the field reader
    ("Diplom-Informatiker" keeps "Informatiker", "Diplom in Informatik" keeps "Informatik")."""
    if key in ("diplom", "dipl"):
        joined = _GERMAN_DIPLOM.match(text, end)
        if joined is None:
            return None  # a bare "Diplom": its level is anybody's guess
        if joined.group(1) and len(joined.group(1).rstrip(".")) <= 5:  # Dipl.-Ing., Dipl.-Inf.
            end = joined.end()
        fh = _FH_AFTER.match(text, end)
        if fh:
            end = fh.end()
        return DegreeMatch("bachelor" if _FH.search(text) else "master", start, end)
    french = _DIPLOME_INGENIEUR.match(text, end)
    return DegreeMatch("master", start, french.end()) if french else None


class DegreeMatch(NamedTuple):
    level: str
    start: int
    end: int


#: Degrees written in Chinese, Japanese or Korean, inside a longer word ("计算机科学学士").
_CJK_DEGREE = re.compile(r"博士|박사|硕士|碩士|修士|研究生|석사|学士|學士|本科|학사")
_CJK_LEVEL = {
    "博士": "phd",
    "박사": "phd",
    "硕士": "master",
    "碩士": "master",
    "修士": "master",
    "研究生": "master",
    "석사": "master",
    "学士": "bachelor",
    "學士": "bachelor",
    "本科": "bachelor",
    "학사": "bachelor",
}


def find_degree(text: str) -> DegreeMatch | None:
    """The first degree word in ``text`` with its level and span."""
    if not text.isascii():
        cjk = _CJK_DEGREE.search(text)
        if cjk:
            return DegreeMatch(_CJK_LEVEL[cjk.group(0)], cjk.start(), cjk.end())
    toks = list(_TOKEN.finditer(text))
    for i, m in enumerate(toks):
        raw = m.group(0)
        key = raw.lower().replace(".", "")
        if key in ("master", "doctor", "higher", "diploma"):
            for pat, phrase_level in _PHRASES:
                p = pat.match(text, m.start())
                if p:
                    return DegreeMatch(phrase_level, m.start(), p.end())
        if key == "intermediate":  # India's 12th grade: "Intermediate (MPC)", "Intermediate Education"
            tail = _INTERMEDIATE.match(text, m.end())
            if tail:
                return DegreeMatch("highschool", m.start(), tail.end())
        if key in _MASTER_DIPLOMAS:
            found = _master_diploma(text, key, m.start(), m.end())
            if found is not None:
                return found
        level = _WORDS.get(key)
        end = m.end()
        if i + 1 < len(toks) and toks[i + 1].start() - end <= 2:  # a pair outranks its first word
            pair_level = _PAIRS.get((key, toks[i + 1].group(0).lower().replace(".", "")))
            if pair_level:
                level, end = pair_level, toks[i + 1].end()
        caps = level is None and raw.replace(".", "").isupper() and key in _CAPS
        if caps and (key not in ("ma", "me") or _MA_CONTEXT.match(text, end)):  # "Boston, MA" is a state
            level = _CAPS[key]
        if level is None and key.startswith("associate"):
            a = _ASSOCIATE.match(text, m.start())
            if a:
                return DegreeMatch("associate", m.start(), a.end())
        if level is not None:
            return DegreeMatch(level, m.start(), end)
    return None
