"""Dates and date ranges as resumes write them, turned into month arithmetic.

A date is ``(year, month)`` with ``month`` None when only a year is written. Months are
counted on a single axis (``year * 12 + month - 1``) so coverage, overlap and gaps are
integer interval work. Conventions (shared with the fixtures): a year-only start means
January, a year-only end means December, "Present" means the month of ``today``, and a
range counts its months inclusively (Jan 2019 - Mar 2019 = 3).

Dates are found from their years outwards: one fast scan for year-like digits, then a few
string steps left and right of each ("Jan 2019", "03/2018", "2019.03"). Trying a full date
pattern at every position of every line was 30x slower, and the remaining regexes only run
on short windows next to a year, so a 50,000-character line of "2019 " stays linear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

YM = tuple[int, int | None]

MONTHS: dict[str, int] = {}
for _n, _names in enumerate(
    (
        "january jan januar janv janvier enero ene jänner gennaio gen janeiro januari styczeń stycznia sty "
        "ocak oca ianuarie ian leden ledna",
        "february feb februar févr fevr février fevrier febrero febbraio fevereiro fev februari luty lutego lut "
        "şubat şub subat februarie únor února",
        "march mar märz maerz mär mrz mars marzo março marco maart mrt marzec marca mart marts martie maret "
        "březen března",
        "april apr avril avr abril abr aprile kwiecień kwietnia kwi nisan nis aprilie duben dubna",
        "may mai mayo maggio mag maio mei maj maja mayıs mayis květen května",
        "june jun juni juin junio giugno giu junho czerwiec czerwca cze haziran haz iunie červen června",
        "july jul juli juil juillet julio luglio lug julho lipiec lipca lip temmuz tem iulie červenec července",
        "august aug august août aout agosto ago augustus sierpień sierpnia augusti ağustos ağu agustos agustus "
        "srpen srpna",
        "september sep sept septembre septiembre setiembre settembre setembro wrzesień września wrz eylül eyl "
        "septembrie září",
        "october oct oktober okt octobre octubre ottobre ott outubro październik października paź ekim eki "
        "octombrie říjen října",
        "november nov novembre noviembre novembro listopad listopada lis kasım kasim kas noiembrie",
        "december dec dezember dez décembre decembre déc diciembre dic dicembre dezembro grudzień grudnia gru "
        "aralık aralik ara decembrie desember prosinec prosince",
    ),
    start=1,
):
    for _name in _names.split():
        MONTHS[_name] = _n
SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}


def _trie(words: list[str]) -> str:
    """An alternation with shared prefixes factored out ("j(?:an(?:uary)?|u(?:ne|ly))"): the regex
    engine tries each branch at each position, so a flat list of 100 month names is 3x slower."""
    root: dict[str, dict] = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        if "" in node:
            return "(?:" + "|".join(alts) + ")?"
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return "(?:" + build(root) + ")"


_MON = _trie([*MONTHS, *SEASONS])
_SP = r"[ \t\xa0]"
_NL = r"(?<![^\W\d_])"  # not preceded by a letter
_CUR = (
    rf"(?:(?:bis{_SP}{{1,2}})?heute|(?:till|until|up{_SP}to){_SP}(?:date|now|present|today)|present|current(?:ly)?|"
    rf"now|today|ongoing|to{_SP}date|date|jetzt|aktuell|"
    rf"dato|actuel(?:lement)?|aujourd['’]hui|présent|presente|actualidad|actual(?:mente)?|hoy|la{_SP}fecha|"
    rf"oggi|in{_SP}corso|attuale|atual(?:mente)?|hoje|heden|obecnie|nadal|dotychczas|dosud|současnost|"
    rf"halen|günümüz|devam{_SP}ediyor|nuvarande|pågående|i{_SP}?dag|nu|nå|dags{_SP}dato|prezent|sekarang|"
    # misspelt, as typed in a hurry
    rf"curent|currnet|presnt|presant|prsent|"
    r"至今|今|现在|目前|現在|현재)"
)
_SEP = (  # "|" too: a table's From and To columns, "04/2019 | Till Date"
    rf"(?:{_SP}{{0,3}}(?:[-–—‒―~]{{1,2}}|→|->|\|){_SP}{{0,3}}"
    rf"|{_SP}{{1,3}}(?:to|till|until|through|thru|bis|au|à|a|al|ad|hasta|jusqu['’]à|do){_SP}{{1,3}}"
    rf"|{_SP}{{0,3}}[至到～]{_SP}{{0,3}})"
)
_I = re.IGNORECASE
#: Year-like digits: the anchor of every date. A pattern that starts with plain characters is
#: scanned by the regex engine's fast prefix search, ~30x quicker than trying a date at each position.
#: Two digits are a year after an apostrophe ("Mar '19") or a word and a hyphen ("Jun-18", as
#: many Indian resumes write it); either needs a month word before it. The hyphen is matched
#: too, not looked behind for, so that the pattern keeps its fast literal prefix scan.
_YEAR = re.compile(r"(?:19|20)\d\d|['’‘`´]\d\d|-\d\d(?!\d)")
#: The month after a year: "2019.03", "2019-03", and the CJK "2019年3月" / "2019년 3월".
_YM_AFTER = re.compile(
    r"[./-](0[1-9]|1[0-2])(?:[./-](?:0[1-9]|[12]\d|3[01]))?(?!\d)|\s?[年년]\s?(0?[1-9]|1[0-2])(?!\d)\s?[月월]?"
)
_GAP = re.compile(_SEP, _I)
_SEP_CUR = re.compile(rf"{_SEP}{_CUR}(?![^\W\d_])", _I)
_CUR_SEP = re.compile(rf"{_NL}{_CUR}{_SEP}$", _I)
_MON_SEP = re.compile(rf"{_NL}(?P<mon>{_MON})\.?{_SEP}$", _I)
_SINCE = re.compile(rf"{_NL}(?:since|seit|depuis|desde|ab){_SP}{{1,3}}$", _I)
#: How far before its year a range can start ("September 2019", "Present – 2018").
_LOOKBACK = 24


class _Tok(NamedTuple):
    start: int
    end: int
    ym: YM


@dataclass(frozen=True, slots=True)
class DateRange:
    """A range found in a string: ``start`` None when it was written "Present" (impossible)."""

    start: YM | None
    end: YM | None  # None while current
    current: bool
    pos: int
    endpos: int


def _year2(yy: int, today: date) -> int:
    """'19 -> 2019, '98 -> 1998: a two-digit year is the latest one not far in the future."""
    year = 2000 + yy
    return year if year <= today.year + 1 else year - 100


def _month_word(word: str) -> int | None:
    low = word.lower()
    return MONTHS.get(low) or SEASONS.get(low)


_SPACES = " \t\xa0"
_DIGITS = "0123456789"
_DASHES = "-–—‒―~→>|"
_SEP_WORDS = frozenset(
    ("to", "till", "until", "through", "thru", "bis", "au", "à", "a", "al", "ad", "hasta", "jusqu'à", "do")
)
_SINCE_WORDS = frozenset(("since", "seit", "depuis", "desde", "ab"))


def _before(text: str, ys: int, floor: int) -> tuple[int, int, bool] | None:
    """What precedes a year and makes it a month date: (start, month, written as a word).

    Plain string steps rather than a regex: a ``$``-anchored search would try every position
    of the window, and this runs once for every year in the resume.
    """
    j = ys
    if j > floor and text[j - 1] in _SPACES:
        j -= 1
    numeric = j > floor + 1 and text[j - 1] in "/.-" and (text[j - 2].isdigit() or text[j - 2] in _SPACES)
    if numeric and text[ys - 1] != "'":
        sep = text[j - 1]
        k = e = j - 1
        if k > floor and text[k - 1] in _SPACES:
            k = e = k - 1
        while k > floor and e - k < 2 and text[k - 1].isdigit():
            k -= 1
        if k == e or (k > 0 and text[k - 1] in _DIGITS):
            return None
        month = int(text[k:e])
        if k > 0 and text[k - 1] == sep and sep in "./":  # a whole date: 15.03.2019, 01/09/2020
            d = k - 1
            while d > floor and k - 1 - d < 2 and text[d - 1].isdigit():
                d -= 1
            if d == k - 1 or (d > 0 and text[d - 1] in "0123456789./"):
                return None
            first = int(text[d : k - 1])
            if sep == "/" and (month > 12 or (first <= 12 and _month_first(text))):
                first, month = month, first  # 06/30/2021, or 09/01/2019 beside it: the US order
            return (d, month, False) if 1 <= month <= 12 and 1 <= first <= 31 else None
        if not 1 <= month <= 12 or (k > 0 and text[k - 1] in "./"):
            return None
        return k, month, False
    j = ys
    spaces = 0
    while j > floor and text[j - 1] in _SPACES and spaces < 2:
        j -= 1
        spaces += 1
    if j > floor and text[j - 1] == ",":
        j -= 1
    if j > floor and text[j - 1] == ".":
        j -= 1
    if j > floor + 1 and text[j - 1] in "-/" and text[j - 2].isalpha():  # "June-2018", "Jun-18", "ago/2021"
        j -= 1
    k = j
    while k > floor and j - k <= 13 and text[k - 1].isalpha():  # "października"
        k -= 1
    if k == j or (k > 0 and text[k - 1].isalpha()):
        return None
    month = _month_word(text[k:j])
    return (k, month, True) if month else None


_SLASHED = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(?:19|20)\d\d")


def _month_first(text: str) -> bool:
    """Whether whole dates with slashes in ``text`` put the month first (US: 06/30/2021), as a
    day above 12 in the middle says; else the day comes first (Europass: 01/09/2020)."""
    pairs = [(int(a), int(b)) for a, b in _SLASHED.findall(text)]
    return any(b > 12 for _, b in pairs) and not any(a > 12 for a, _ in pairs)


def _tokens(text: str, today: date) -> list[_Tok]:
    """Every written date, found from its year outwards: "Jan 2019", "03/2018", "2019.03", "2019", "Mar '19"."""
    out: list[_Tok] = []
    last_end = 0
    for m in _YEAR.finditer(text):
        ys, ye = m.span()
        if text[ys] == "-":  # "Jun-18": two digits after a word and a hyphen (the word is checked below)
            if not (ys and text[ys - 1].isalpha()):
                continue
            ys += 1
        if (ys and text[ys - 1].isdigit()) or (ye < len(text) and text[ye].isdigit()) or ys < last_end:
            continue
        short = ye - ys < 4 or not text[ys].isdigit()  # '19, Jun-19
        year = _year2(int(text[ye - 2 : ye]), today) if short else int(text[ys:ye])
        before = _before(text, ys, max(last_end, ys - 14))
        if before and (before[2] or not short):
            tok = _Tok(before[0], ye, (year, before[1]))
        elif short or (ys and text[ys - 1] in "./"):
            continue  # '19 only follows a month name; 2019 in 12.5/2019 is not a date we trust
        else:
            after = _YM_AFTER.match(text, ye)
            tok = (
                _Tok(ys, after.end(), (year, int(after.group(1) or after.group(2))))
                if after
                else _Tok(ys, ye + (ye < len(text) and text[ye] in "年년"), (year, None))
            )
        out.append(tok)
        last_end = tok.end
    return out


def _last_word(text: str, lo: int, hi: int) -> str:
    """The word or dash right before ``hi`` (spaces skipped), lower-cased."""
    chunk = text[max(lo, hi - 24) : hi].rstrip(_SPACES)
    if not chunk:
        return ""
    if chunk[-1] in _DASHES:
        return chunk[-1]
    return chunk.rsplit(None, 1)[-1].lower()


def parse_date(token: str, today: date) -> YM | None:
    """One written date ("Jan 2019", "03/2018", "2019.03", "2019", "Mar '19") as (year, month)."""
    t = token.strip()
    toks = _tokens(t, today)
    if len(toks) == 1 and toks[0].start == 0 and toks[0].end == len(t):
        return toks[0].ym
    return None


def find_ranges(text: str, today: date) -> list[DateRange]:
    """Every date range in ``text``, left to right: "Jan 2019 – Present", "2017-2020", "seit 2020"."""
    toks = _tokens(text, today)
    out: list[DateRange] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt and nxt.start - t.end <= 12 and _GAP.fullmatch(text, t.end, nxt.start):
            out.append(DateRange(t.ym, nxt.ym, False, t.start, nxt.end))
            i += 2
            continue
        cur = _SEP_CUR.match(text, t.end)
        lo = max(out[-1].endpos if out else 0, t.start - _LOOKBACK)
        word = _last_word(text, lo, t.start) if not cur else ""
        if cur:
            out.append(DateRange(t.ym, None, True, t.start, cur.end()))
        elif word and (word in _DASHES or word in _SEP_WORDS):
            if m := _CUR_SEP.search(text, lo, t.start):
                out.append(DateRange(None, t.ym, False, m.start(), t.end))
            elif m := _MON_SEP.search(text, lo, t.start):
                month = _month_word(m.group("mon")) or 1
                year = t.ym[0] - (1 if t.ym[1] and month > t.ym[1] else 0)
                out.append(DateRange((year, month), t.ym, False, m.start(), t.end))
        elif word in _SINCE_WORDS and (m := _SINCE.search(text, lo, t.start)):
            out.append(DateRange(t.ym, None, True, m.start(), t.end))
        i += 1
    return _short_ranges(text, today, out) if "/" in text else out


#: A range of month/two-digit-year dates, as UK contractors write them: "06/22 – 12/23", "01/24 –
#: Present". Alone, "06/22" may be a day; only a range of them is read.
_MMYY_RANGE = re.compile(
    rf"(?<![\d/.])(0?[1-9]|1[0-2])/(\d\d)(?![\d/])(?:{_SEP}(?:(0?[1-9]|1[0-2])/(\d\d)(?![\d/])|({_CUR})(?![^\W\d_])))",
    _I,
)


def _short_ranges(text: str, today: date, found: list[DateRange]) -> list[DateRange]:
    """``found`` with the month/two-digit-year ranges it missed, in text order."""
    extra = [
        DateRange(
            (_year2(int(m.group(2)), today), int(m.group(1))),
            None if m.group(5) else (_year2(int(m.group(4)), today), int(m.group(3))),
            bool(m.group(5)),
            m.start(),
            m.end(),
        )
        for m in _MMYY_RANGE.finditer(text)
        if not any(r.pos < m.end() and m.start() < r.endpos for r in found)
    ]
    return sorted(found + extra, key=lambda r: r.pos) if extra else found


def find_dates(text: str, today: date) -> list[tuple[YM, int, int]]:
    """Single dates with their spans: what a graduation line or a "Promoted in 2017" carries."""
    return [(t.ym, t.start, t.end) for t in _tokens(text, today)]


def month_index(year: int, month: int) -> int:
    return year * 12 + month - 1


def index_ym(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def ym_str(ym: YM | None) -> str | None:
    """ "YYYY-MM" when the month is known, "YYYY" otherwise."""
    if ym is None:
        return None
    return f"{ym[0]:04d}-{ym[1]:02d}" if ym[1] else f"{ym[0]:04d}"


@dataclass(frozen=True, slots=True)
class Period:
    """Months covered by a range, inclusive, on the month axis; ``impossible`` ranges cover nothing."""

    first: int
    last: int
    impossible: bool

    @property
    def months(self) -> int:
        return 0 if self.impossible else max(0, self.last - self.first + 1)


def period(r: DateRange, today: date) -> Period:
    """The covered months of a range, clamped to ``today``; flags "2021 - 2019", "Present - 2018" and
    a start after today."""
    now = month_index(today.year, today.month)
    if r.start is None:
        return Period(now, now, True)
    first = month_index(r.start[0], r.start[1] or 1)
    if r.current:
        last = now
    else:
        assert r.end is not None
        last = month_index(r.end[0], r.end[1] or 12)
    if first > last or first > now:
        return Period(first, last, True)
    return Period(first, min(last, now), False)
