"""Degrees from education sections: level, field, school and graduation year.

A line with a degree word ("BSc", "Master of Science", "Ph.D.", "Diplom") starts a degree;
a school line without one belongs to the degree right above it when that one has no school,
else to the degrees that follow ("University of X" over two degree lines).
"""

from __future__ import annotations

import re
from datetime import date

from desk.model import Degree, Section
from desk.parse.contacts import COUNTRIES, US_STATES, is_place
from desk.parse.dates import find_dates, find_ranges
from desk.parse.resume_degrees import DegreeMatch, find_degree
from desk.parse.resume_vocab import is_school, title_score
from desk.parse.sections import EDUCATION, Line, lines_between, strip_bullet

_SEG = re.compile(r"\s++[—–|·]\s++|\s*+\|\s*+|,\s++|[，、]\s*+|\t++|\s{2,}+|\s++-\s++")
_SKIP_LABEL = re.compile(
    r"^(?:[\w ]{0,20}\b)?(?:thesis|dissertation|coursework|courses|advisor|supervisor|gpa|cgpa|grade|project|"
    r"relevant|activities|honou?rs|awards|note|minor|focus|research|diplomarbeit|abschlussarbeit|masterarbeit)"
    r"\b[^:]{0,20}:",
    re.I,
)
_DEGREE_NAME = re.compile(
    r"^(?:'s|’s|s\b)?\s*(?:degree|diploma)?\s*(?:universitari[oa]\s+|oficial\s+)?(?:of\s+(?:applied\s+)?(?P<name>science|arts|engineering|commerce|"
    r"technology|business administration|business|fine arts|laws|education|computer applications|mathematics)\b)?"
    r"\s*(?:degree)?\s*(?:(?:in|en|of)\s+)?",
    re.I,
)
_HONS = re.compile(
    r"\(\s*hons?\.?\s*\)|\bhono(?:u)?rs\b|\bhons\b\.?|\bwith (?:first class )?honou?rs\b", re.I
)
_CUT_FIELD = re.compile(
    r"\s*(?:\(|\b(?:minor|gpa|cgpa|major|with|thesis|specializ|specialis|track)\b|[;:])", re.I
)
_NUMERIC = re.compile(r"\d")
#: What a cut left of a bracketed note: "University of Lagos (2011" from "(2011 – 2015)".
_OPEN_PAREN_TAIL = re.compile(r"\s*\([^()]*$")
#: Years in brackets after a school: "Universidad Politécnica de Madrid (2017)".
_YEAR_PARENS = re.compile(r"\s*\((?:19|20)\d\d(?:\s*[-–—]\s*(?:(?:19|20)\d\d|present|now))?\)\s*$", re.I)
#: Words that make a segment a subject, not a school: "B.Tech, Computer Science" over "IIT Madras, 2016".
_SUBJECT = re.compile(
    r"\b(?:science|sciences|engineering|mathematics|maths?|physics|chemistry|biology|economics|informatics|"
    r"informatik|computing|statistics|technology|electronics|electrical|mechanical|civil|finance|accounting|"
    r"business|management|design|psychology|philosophy|linguistics|literature|history|law)\b",
    re.I,
)
_PARENS = re.compile(r"\([^()]*\)")


def _clean_field(text: str) -> str | None:
    """A subject as written, without honours, minors, GPA or a trailing note; None if it is not one."""
    text = _HONS.sub(" ", text).lstrip(") ")  # "(MSc) Computer Science" read from inside the brackets
    if text.startswith("("):  # "Doctor of Philosophy (Chemistry)"
        inner = text.lstrip()[1:].split(")", 1)
        if len(inner) == 2 and not inner[1].strip(" ,"):
            text = "" if find_degree(inner[0]) else inner[0]  # "(Dr. rer. nat.)" names the degree again
    text = text.strip()
    cut = _CUT_FIELD.search(text)
    text = " ".join((text[: cut.start()] if cut else text).split()).strip(" .,-–—")
    if not text or _NUMERIC.search(text) or is_school(text) or len(text.split()) > 8:
        return None
    return text


def _field_from(after: str, following: list[str]) -> tuple[str | None, int]:
    """(subject, how many of the next segments it took): "of Science in X" -> X; nothing left ->
    the next segment, or the one after a bare abbreviation (LinkedIn's "Bachelor of
    Engineering - BE, Electronics and Communications Engineering")."""
    if after.startswith("-"):  # "Diplom-Informatiker", "Diplom-Ingenieur Maschinenbau"
        compound, _, rest = after[1:].partition(" ")
        return _clean_field(_PARENS.sub(" ", rest)) or compound.strip(" ,()") or None, 0
    m = _DEGREE_NAME.match(after)
    name = m.group("name") if m else None
    field = _clean_field(after[m.end() :] if m else after)
    if field:
        return field, 0
    for taken, seg in enumerate(following[:2], start=1):
        field = _clean_field(seg)
        if field and not is_place(field) and not find_degree(field):
            return field, taken
        if not _is_abbreviation(seg):
            break
    return (name.title() if name and name.lower() not in {"science", "arts"} else None), 0


def _is_abbreviation(text: str) -> bool:
    """A degree written short and nothing else: "BE", "B.Tech", "MSc"."""
    d = find_degree(text)
    return d is not None and d.start == 0 and d.end == len(text.rstrip(" .,"))


_NOT_SCHOOL = re.compile(
    r"^(?:minor|major|certificate|gpa|cgpa|honou?rs|concentration|track|thesis|dean|summa|magna|cum|"
    r"relevant|coursework|expected|graduat|with)\b|\(|\bhonou?rs\b",
    re.I,
)


def _school_from(segments: list[str], used: set[int], fallback: bool = True) -> str | None:
    """The segment naming a school; else ("Virginia Tech", "BCS") the last name-like one."""
    for i, seg in enumerate(segments):
        if i not in used and is_school(seg) and not _starts_with_degree(seg):
            return _OPEN_PAREN_TAIL.sub("", _YEAR_PARENS.sub("", seg)).strip(" .,")
    if not fallback:
        return None
    for i in range(len(segments) - 1, -1, -1):
        seg = segments[i].strip(" .,")
        if i in used or not seg or _NUMERIC.search(seg) or _NOT_SCHOOL.search(seg) or len(seg.split()) > 8:
            continue
        if is_place(seg) or seg in US_STATES or seg.lower() in COUNTRIES or find_degree(seg):
            continue
        if seg[0].isupper():
            return seg
    return None


def _graduation(text: str, today: date) -> str | None:
    """The final year on the degree's lines, expected years included."""
    ranges = find_ranges(text, today)
    if ranges:
        r = ranges[-1]
        year = today.year if r.current else (r.end[0] if r.end else None)
        return str(year) if year else None
    dates = find_dates(text, today)
    return str(max(d[0][0] for d in dates)) if dates else None


def _starts_with_degree(text: str) -> bool:
    d = find_degree(text)
    return d is not None and d.start == 0


#: A degree told as a sentence: "B.Tech (CSE) from JNTU Hyderabad with 72% in 2019". Read as
#: "B.Tech (CSE), JNTU Hyderabad, 2019": the school after "from", the marks dropped. Not after
#: "at": "University of Texas at Austin" is one school.
_FROM_SCHOOL = re.compile(r"\s+from\s+(?=[A-Z])")
_MARKS = re.compile(
    r"\s+(?:with|securing|scoring|secured|having)\s+[^,;]*?(?:\d+(?:\.\d+)?\s*%|\bc?gpa\b|\bpercentage\b|"
    r"\bdistinction\b|\bfirst\s+class\b|\baggregate\b)[^,;]*?(?=,|;|\s+in\s+(?:19|20)\d\d\b|[.\s]*$)",
    re.I,
)
_IN_YEAR = re.compile(r"\s+in\s+(?=(?:19|20)\d\d\b)")


def _unprose(text: str) -> str:
    return _IN_YEAR.sub(", ", _FROM_SCHOOL.sub(", ", _MARKS.sub("", text))).rstrip(" .")


def _parse_degree_line(text: str, d: DegreeMatch) -> tuple[str | None, str | None]:
    """(field, school) from one line with a degree word at ``d``."""
    text = text[: d.end] + _unprose(text[d.end :])
    segments: list[str] = []
    starts: list[int] = []
    pos = 0
    for m in _SEG.finditer(text):
        segments.append(text[pos : m.start()])
        starts.append(pos)
        pos = m.end()
    segments.append(text[pos:])
    starts.append(pos)
    seg_i = max(i for i, a in enumerate(starts) if a <= d.start)
    after = segments[seg_i][max(0, d.end - starts[seg_i]) :]
    segments = [x.strip() for x in segments]
    following = segments[seg_i + 1 :]
    after = after if after.startswith("-") else after.strip().lstrip(":").strip()
    field, taken = _field_from(after, following)
    used = set(range(seg_i, seg_i + taken + 1))
    school = _school_from(segments, used, fallback=False) or _school_from(segments, used)
    if taken and not school and not _SUBJECT.search(following[taken - 1]):
        # "MBA, INSEAD, 2020": the one name there is the school
        return None, following[taken - 1].strip(" .,")
    return field, school


def education_entries(lines: list[Line], sections: list[Section], today: date) -> list[Degree]:
    """Degrees in the education sections (or, without one, lines naming both a degree and a school)."""
    regions = [(s.start, s.end) for s in sections if s.kind == EDUCATION]
    strict = not regions
    if strict:
        regions = [(0, lines[-1].end if lines else 0)]
    out: list[Degree] = []
    for start, end in regions:
        sec = lines_between(lines, start, end)
        if sec and not strict:
            sec = sec[1:]  # the heading
        out.extend(_region_degrees(sec, today, strict))
    return out


def _region_degrees(lines: list[Line], today: date, strict: bool) -> list[Degree]:
    degrees: list[Degree] = []
    texts: list[list[str]] = []
    pending_school: str | None = None
    pending_year: str | None = None  # "University of Michigan      Expected May 2026" over its degree
    date_above: str | None = None  # "2010 – 2015" on its own line, over its degree
    last_line_was_degree = False
    previous = ""  # the line before, when it opened a block and was neither a degree nor a known school
    opens = True  # the line now read follows a blank line, the heading or a degree line
    for line in lines:
        t = strip_bullet(line.text)
        if not t or len(t) > 300 or _SKIP_LABEL.match(t) or _is_column_labels(t):
            last_line_was_degree = False if not t else last_line_was_degree
            previous, opens = "", not t
            continue
        d = None if strict and not is_school(t) else find_degree(t)
        if d:
            field, school = _parse_degree_line(t, d)
            if strict and not (school and is_school(school)):
                continue
            if not school and previous and _names_a_school(previous):
                # LinkedIn: "Kendriya Vidyalaya" over "High School, Science · (2011 - 2013)"
                school = previous
            elif pending_school and not (school and is_school(school)):
                school = pending_school
            degrees.append(
                Degree(d.level, field, school, _graduation(t, today) or date_above or pending_year, t)
            )
            date_above = None
            texts.append([t])
            last_line_was_degree = True
            previous, opens = "", True
            continue
        if degrees and last_line_was_degree and degrees[-1].graduation is None and _YEAR_ONLY.match(t):
            degrees[-1].graduation = _graduation(t, today)  # the year on a line of its own, below
            texts[-1].append(t)
            degrees[-1].text = "\n".join(texts[-1])
            continue
        if not strict and t == line.text and _YEAR_ONLY.match(t):  # "2010 – 2015", a blank line, the degree
            date_above = _graduation(t, today)
            last_line_was_degree = False
            continue
        if strict or not is_school(t) or len(t) > 160:
            previous, opens = ("" if strict or not opens else t), False
            date_above = None  # a date only heads the degree right under it
            continue
        school = _school_from([s.strip() for s in _SEG.split(t)], set())
        guessed = degrees[-1].school if degrees else None
        if (
            degrees
            and last_line_was_degree
            and (guessed is None or (t == line.text and not is_school(guessed)))
        ):
            d = degrees[-1]
            head = _SEG.split(t)[0].strip(" ,")
            if guessed and is_school(
                head.split()[0]
            ):  # "Texas State" / "University, 2015": one name, wrapped
                school = f"{guessed} {head}"
            elif guessed:  # "Lisans, Endüstri Mühendisliği" then the school: the guess was the field
                d.field = guessed
            d.school = school
            texts[-1].append(t)
            d.text = "\n".join(texts[-1])
            d.graduation = _graduation(d.text, today) or d.graduation
            previous, opens = "", False
            continue  # still the degree's block: a year on the next line is its graduation
        pending_school = school
        pending_year = _graduation(t, today)
        last_line_was_degree = False
        previous, opens = "", False
    return degrees


#: A line that is only a year or a range of years ("2016", "2012 – 2016", "May 2016").
_YEAR_ONLY = re.compile(r"^(?:\(?[A-Za-z]{0,9}\.?\s?(?:19|20)\d\d\)?(?:\s*[-–—]\s*|\s+to\s+)?){1,2}$")
#: The first row of an education table: "Degree/Course | University/Board | Year of Passing | % Marks".
_COLUMN_LABEL = re.compile(
    r"^(?:degree|course|qualification|exam(?:ination)?|university|board|institut(?:e|ion)|school|college|"
    r"year|year of passing|passing year|percentage|% marks|marks|cgpa|gpa|grade|result|class|stream|"
    r"specialization|s\.?\s?no\.?|sr\.?\s?no\.?)(?:\s*/\s*\w+)*$",
    re.I,
)


_CELLS = re.compile(r"\s*\|\s*|\t+|\s{3,}")


def _is_column_labels(text: str) -> bool:
    if "|" not in text and "\t" not in text and "   " not in text:
        return False
    cells = [c.strip() for c in _CELLS.split(text) if c.strip()]
    return len(cells) >= 2 and all(_COLUMN_LABEL.match(c) for c in cells)


def _names_a_school(text: str) -> bool:
    """A short capitalised line with no digits: a school's name desk does not know ("Kendriya
    Vidyalaya", "ISDC"), standing over its degree as LinkedIn sets them."""
    words = text.split()
    if not 1 <= len(words) <= 8 or not text[0].isupper() or _NUMERIC.search(text):
        return False
    if any(sep in text for sep in ":|—–·,") or title_score(text):
        return False  # a role ("Frontend Developer — Glenmore Media") or a label, not a school
    return not (is_place(text) or _NOT_SCHOOL.search(text) or find_degree(text))
