"""Work entries from experience sections: title, company, location, dates, span.

Dates anchor the entries: every non-bullet line with a date range starts a role. The
entry's header is that line plus the short lines right above it (a company line, a title
line) or, when the date stands alone on a line, the lines after it. The header is cut into
parts at separators ("—", "|", ",", wide gaps) and each part is judged a title, a company
or a place by its words. A company line with no title above one or more dated titles is a
group: each of those roles is its own entry with that company.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from desk.model import Section, WorkEntry
from desk.parse.contacts import COUNTRIES, PROVINCES, REGIONS, US_STATES, is_place
from desk.parse.dates import DateRange, find_dates, find_ranges, period, ym_str
from desk.parse.resume_employers import fold_employers
from desk.parse.resume_lines import mend_split_ranges
from desk.parse.resume_vocab import RUN_ON_WORDS, company_score, is_school, title_score
from desk.parse.sections import EXPERIENCE, OTHER, Line, is_bullet, lines_between, strip_bullet

_SPLIT = re.compile(
    r"\s++[—–|·•@-]\s++|\s*+[|·•]\s*+|\t++|\s{2,}+|\s++(?:at|presso|chez|bei|bij)\s++(?=[A-Z0-9])|\s++[—–](?=\S)|(?<=\S)[—–]\s++"
)
_COMMA = re.compile(r",\s+|[，、]\s*")
_LEGAL_TAIL = re.compile(
    r"^(?:inc|ltd|llc|llp|plc|gmbh|ag|ab|kg|s\.?a|s\.?l|b\.?v|n\.?v|pvt|k\.?k|corp|co|limited|oy)\b\.?", re.I
)
_PAREN_TAIL = re.compile(r"\s*\(([^()]{0,80})\)\s*$")
_QUOTED = re.compile(r"[\"“„«]([^\"”“»]{2,80})[\"”“»]")
_NOT_WORK = re.compile(
    r"\b(?:career\s+break|sabbatical|parental\s+leave|maternity\s+leave|paternity\s+leave|family\s+leave|"
    r"gap\s+year|caregiver|carer|travell?ing|elternzeit|auszeit)\b",
    re.I,
)
_EMPTY_PARENS = re.compile(r"\(\s*[-–—,;:]?\s*\)")
_STRIP = " \t,;:|·•-–—/"


#: A page's furniture repeated in the text: "Page 1 of 2", "Thomas J. Whitaker – Page 2 of 2".
_PAGE = re.compile(r"\bpage\s+\d+(?:\s*(?:of|/)\s*\d+)?\b|\bseite\s+\d+\b", re.I)
_EMAIL_IN = re.compile(r"[\w.+-]@[\w-]+\.\w")
#: A label before a header item: "Employer #1 : IBS Software", "Designation : Technical Specialist".
_ITEM_LABEL = re.compile(
    r"^(?:employer|company|organi[sz]ation|designation|role|position|title|job\s+title|client|duration|"
    r"period|firma|unternehmen|position|empresa|cargo|entreprise|poste)\s*(?:#\s*\d+\s*)?[:：]\s*",
    re.I,
)


def _headerish(text: str) -> bool:
    """Short, not a sentence: what a title, company or date line looks like.

    A trailing dot is fine after an abbreviation ("Pimentón Labs S.L.", "Co., Ltd."), or on a
    few words; more words and a full stop make a sentence; a line with an email or a page number
    is the page's furniture;
    a first word in lower case is fine when it has capitals inside ("iOS Developer").
    """
    t = " ".join(text.split())
    if not 0 < len(t) <= 150 or len(t.split()) > 16 or t.endswith(";"):
        return False
    if ("@" in t and _EMAIL_IN.search(t)) or _PAGE.search(t):
        return False  # a contact line or a page footer, never a company or title ("Engineer @ Stripe" is one)
    first = t.split()[0]
    if first.islower() and first[0].isalpha() and not t.split(" | ")[0].strip().isalpha():
        return False  # but a table row may open with a brand in lower case: "athenahealth | ..."
    if t.endswith("."):
        words = t.split()
        last = words[-1].rstrip(".")
        if len(words) > 5:  # a sentence ("Led a team of six ... in Django and Celery."), unless "Pvt. Ltd."
            return "." in last or _LEGAL_TAIL.match(last) is not None
        return len(last) <= 4 or "." in last or not last.islower()
    return True


def _classify_lines(lines: list[Line]) -> list[str]:
    """'blank', 'bullet', 'cont' (a wrapped bullet) or 'text' for each line."""
    kinds: list[str] = []
    bullet_indent = -1
    for line in lines:
        t = line.text
        indent = len(line.raw) - len(line.raw.lstrip())
        if not t:
            kinds.append("blank")
            bullet_indent = -1
        elif is_bullet(t):
            kinds.append("bullet")
            bullet_indent = indent
        elif bullet_indent >= 0 and (indent > bullet_indent or t[0].islower() or t[0] in "(&+"):
            kinds.append("cont")
        else:
            kinds.append("text")
            bullet_indent = -1
    return kinds


@dataclass
class _Part:
    text: str
    line: int  # index of the header line it came from
    tail_of: int | None = None  # index of the part this one followed after a comma


@dataclass
class _Draft:
    first: int  # first line index of the entry
    anchor: int
    rng: DateRange
    header: list[int] = field(default_factory=list)


def _parts(text: str, line_no: int) -> list[_Part]:
    """Cut a header line at separators, then at commas (keeping "Co., Ltd." together)."""
    out: list[_Part] = []
    for piece in _SPLIT.split(text):
        piece = _ITEM_LABEL.sub("", piece.strip(_STRIP)).strip(_STRIP)
        if not piece or (piece.startswith("(") and piece.endswith(")")):
            continue  # "(part-time, drilling)" is a note, not a part
        chunks: list[str] = []
        for chunk in _COMMA.split(piece):
            if chunks and (
                _LEGAL_TAIL.match(chunk) or chunks[-1].count("(") > chunks[-1].count(")") or _is_region(chunk)
            ):
                chunks[-1] += ", " + chunk
            else:
                chunks.append(chunk)
        head = len(out)
        for i, chunk in enumerate(chunks):
            chunk = chunk.strip(_STRIP)
            if chunk:
                out.append(_Part(chunk, line_no, head if i else None))
    return out


def _is_region(text: str) -> bool:
    """ "TX", "Ontario", "Germany": the second half of "Austin, TX"."""
    t = text.strip(" .")
    return t in US_STATES or t in PROVINCES or t.lower() in COUNTRIES or t.lower() in REGIONS


def _clean_company(text: str) -> tuple[str, str | None]:
    """Drop a trailing note ("(fintech, fully remote)"); a place in brackets becomes the location."""
    quoted = _QUOTED.search(text)
    if quoted and company_score(quoted.group(1)):
        return quoted.group(1).strip(), None
    m = _PAREN_TAIL.search(text)
    if m and m.start() > 0:
        inner = m.group(1).strip()
        return text[: m.start()].strip(), (inner if is_place(inner) else None)
    return text, None


class _Header(NamedTuple):
    title: str | None
    company: str | None
    location: str | None
    weak: bool  # the company is only a qualifier after the title ("Senior Engineer, Billing")


def _resolve(parts: list[_Part]) -> _Header:
    """Title, company and location from a header's parts, judged by their words."""
    if not parts:
        return _Header(None, None, None, False)
    scored = [(title_score(p.text), company_score(p.text), is_place(p.text)) for p in parts]
    title_i = None
    best = 0
    for i, (ts, cs, place) in enumerate(scored):
        score = ts - (1 if cs == 2 and ts < 2 else 0)  # "Systems Engineer" is a title, "Acme Systems Ltd" not
        if not place and score > best:
            best, title_i = score, i
    location = None
    company_i = None
    company_rank = -1000
    for i, (ts, cs, place) in enumerate(scored):
        if i == title_i:
            continue
        p = parts[i]
        tail_after_company = p.tail_of is not None and p.tail_of != title_i and scored[p.tail_of][1] > 0
        if place or (tail_after_company and ts == 0 and cs == 0 and len(p.text.split()) <= 3):
            location = location or p.text
            continue
        if ts and not cs:
            continue  # a second title ("Data Analyst → Senior Data Analyst" pieces)
        qualifier = title_i is not None and p.tail_of == title_i and cs == 0
        rank = 10 * cs + (0 if qualifier else 5) - (1 if p.tail_of is not None else 0)
        if p.tail_of is not None and p.tail_of != title_i and cs < 2:
            rank -= 15  # "City of Austin, Communications Dept": the head names the employer
        if rank > company_rank:
            company_rank, company_i = rank, i
    title = parts[title_i].text if title_i is not None else None
    company = parts[company_i].text if company_i is not None else None
    if company:
        company, paren_place = _clean_company(company)
        location = location or paren_place
    return _Header(title, company, location, company is not None and company_rank < 0)


class _Block:
    """One experience section's lines, their kinds, the dated lines and each line's header parts."""

    def __init__(self, lines: list[Line], today: date) -> None:
        self.lines = lines
        self.kinds = _classify_lines(lines)
        self.anchors = _anchors(lines, self.kinds, today)
        self.range_at = dict(self.anchors)
        self._parts: dict[int, list[_Part]] = {}
        self._rests: dict[int, str] = {}

    def rest(self, i: int) -> str:
        """Line ``i`` without its date range (the whole line when it has none), and without the
        description cell of a table row."""
        rng = self.range_at.get(i)
        if not rng:
            return self.lines[i].text
        rest = self._rests.get(i)
        if rest is None:
            rest = _rest(self.lines[i].text, rng)
            rest = self._rests[i] = rest if _headerish(rest) else _row_head(rest) or rest
        return rest

    def parts(self, header: list[int]) -> list[_Part]:
        """The header lines' parts, ``tail_of`` counted across lines (read-only: shared and cached)."""
        if len(header) == 1:  # most headers: the cached parts as they are
            h = header[0]
            if h not in self._parts:
                self._parts[h] = _parts(self.rest(h), h)
            return self._parts[h]
        out: list[_Part] = []
        for h in header:
            if h not in self._parts:
                self._parts[h] = _parts(self.rest(h), h)
            base = len(out)
            out.extend(
                _Part(p.text, p.line, None if p.tail_of is None else p.tail_of + base) for p in self._parts[h]
            )
        return out


def _anchors(lines: list[Line], kinds: list[str], today: date) -> list[tuple[int, DateRange]]:
    """Dated header-like lines; bulleted ones only when a section has no other.

    A line ending in one date ("Software Engineering Intern — Shopify — Summer 2025")
    is a one-month role (a whole year for "2019") when the rest names a job title.
    """
    for allow_bullets in (False, True):
        anchors: list[tuple[int, DateRange]] = []
        for i, line in enumerate(lines):
            if not (kinds[i] == "text" or (allow_bullets and kinds[i] == "bullet")) or len(line.text) > 300:
                continue
            ranges = [r for r in find_ranges(line.text, today) if not _in_a_note(line.text, r)]
            if ranges:
                rest = _rest(line.text, ranges[0])
                if not rest or _headerish(rest) or _row_head(rest):
                    anchors.append((i, ranges[0]))
                continue
            single = _single_date(line.text, today)
            if single and title_score(_rest(line.text, single)):
                anchors.append((i, single))
        if anchors:
            return anchors
    return []


_CELL = re.compile(r"\s*\|\s*|\t+")


def _row_head(rest: str) -> str | None:
    """The header cells of a table row whose last cell tells the work: "Emirates NBD, Dubai |
    Senior BI Developer | Power BI semantic models (DAX), ..." gives its first two cells."""
    if "|" not in rest and "\t" not in rest:
        return None
    cells = [c for c in _CELL.split(rest) if c]
    for k, cell in enumerate(cells):
        if not _headerish(cell):
            return " | ".join(cells[:k]) if k else None
    return None


def _in_a_note(text: str, rng: DateRange) -> bool:
    """A range inside brackets after other words, "Software Engineer (L5 since 2022)": a note
    on the role above, not a role of its own ("(Jan 2019 – Present)" alone is a role's dates)."""
    opening = text.rfind("(", 0, rng.pos)
    if opening < 0 or text.find(")", opening, rng.pos) >= 0:
        return False
    before = text[opening + 1 : rng.pos].strip().lower()
    return any(c.isalpha() for c in before) and before not in _RANGE_OPENERS


_RANGE_OPENERS = frozenset(("since", "from", "seit", "depuis", "desde", "dal", "da", "von", "de"))


def _single_date(text: str, today: date) -> DateRange | None:
    """The one date a line ends with, as a range from that month (year) to itself."""
    dates = find_dates(text, today)
    if len(dates) != 1 or text[dates[0][2] :].strip(_STRIP + "()."):
        return None
    ym, a, b = dates[0]
    return DateRange(ym, ym, False, a, b)


def _runs_on(text: str) -> bool:
    """A long line that stops mid-sentence ("... Entscheidungsgrundlage für die"), so the line
    under it continues it: it ends on a word no sentence ends on."""
    return len(text) >= 60 and text.rsplit(None, 1)[-1].lower() in RUN_ON_WORDS


def _drafts(block: _Block) -> list[_Draft]:
    """One draft per dated line, with the header lines around it."""
    lines, kinds, anchors = block.lines, block.kinds, block.anchors
    claimed: set[int] = set()
    drafts: list[_Draft] = []
    for n, (i, rng) in enumerate(anchors):
        rest = block.rest(i)
        pre: list[int] = []
        j = i - 1
        while j >= 0 and len(pre) < 3 and kinds[j] == "text" and j not in block.range_at and j not in claimed:
            if not _headerish(lines[j].text) or _is_list(block.parts([j])) or _is_labels(block.parts([j])):
                break
            if j and kinds[j - 1] == "bullet" and _runs_on(lines[j - 1].text):
                break  # the end of a wrapped bullet ("... für die" / "Geschäftsleitung"), not a header
            pre.insert(0, j)
            j -= 1
        header = [*pre, i]
        nxt = anchors[n + 1][0] if n + 1 < len(anchors) else len(lines)
        after: list[int] = []
        want = 2 if not rest and not pre else 1
        k = i + 1
        if want == 2:  # a date alone, set apart: "März 2019 – heute", a blank line, then its role
            while k < nxt and kinds[k] == "blank":
                k += 1
        while k < nxt and len(after) < want and kinds[k] == "text" and _headerish(lines[k].text):
            after.append(k)
            k += 1
        if after and nxt < len(lines) and after[-1] + 1 == nxt and not block.rest(nxt):
            after = []  # those lines belong above the next date-only line
        if after and (pre or rest):
            head = _resolve(block.parts(header))
            if head.title and head.company:
                after = []  # the header is complete: what follows is a description
        header += after
        claimed.update(header)
        drafts.append(_Draft(first=header[0], anchor=i, rng=rng, header=header))
    return drafts


def _is_list(parts: list[_Part]) -> bool:
    """A line of four or more plain items ("Python, Django, Celery, PostgreSQL" with no bullet): the
    previous role's stack, not a company or title line of the next one."""
    return len(parts) >= 4 and not any(title_score(p.text) or company_score(p.text) for p in parts)


#: Column labels of an experience table's first row ("Company | Role | Period").
_LABELS = frozenset(
    [
        "company",
        "employer",
        "organisation",
        "organization",
        "role",
        "position",
        "title",
        "job",
        "period",
        "dates",
        "date",
        "duration",
        "location",
        "from",
        "to",
        "years",
        "tenure",
        "responsibilities",
        "description",
        "firma",
        "unternehmen",
        "arbeitgeber",
        "zeitraum",
        "tätigkeit",
        "entreprise",
        "poste",
        "période",
        "empresa",
        "cargo",
        "puesto",
        "periodo",
        # more of what a table's header row says
        "technologies",
        "technology",
        "tools",
        "stack",
        "designation",
        "client",
        "city",
        "country",
        "achievements",
        "details",
        "highlights",
        "name",
        "and",
        "start",
        "end",
        "rolle",
        "funktion",
        "aufgaben",
        "ort",
        "bedrijf",
        "functie",
        "periode",
        "azienda",
        "ruolo",
        "mansione",
        "função",
        "período",
    ]
)


def _is_labels(parts: list[_Part]) -> bool:
    """A table's header row, every cell a column label: never the company of the row below it."""
    return len(parts) >= 2 and all(
        w in _LABELS for p in parts for w in p.text.lower().replace("/", " ").split() if w != "&"
    )


#: A header told as a list of short parts: "Senior Data Scientist, Zalando SE, Berlin."
_LISTED_HEADER = re.compile(r"^[^,.;:]{2,50}(?:,\s*[^,.;:]{2,50}){1,4}\.$")
#: ...whose full stop belongs to an abbreviation ("Acme Inc.", "Foo GmbH & Co.").
_ABBREVIATION_END = re.compile(r"\b(?:inc|ltd|co|corp|llc|plc|bros|dept|univ|[A-Z])\.$", re.I)


def _rest(text: str, rng: DateRange) -> str:
    rest = text[: rng.pos] + "  " + text[rng.endpos :]
    rest = _EMPTY_PARENS.sub(" ", rest).strip(_STRIP)
    if rest.endswith(".") and text.rstrip().endswith((").", "].")):
        rest = rest[:-1].rstrip(_STRIP)  # "Title, Company (2019/05 – 2021/08)." ends a header, not a sentence
    elif rest.endswith(".") and _LISTED_HEADER.match(rest) and not _ABBREVIATION_END.search(rest):
        rest = rest[:-1]  # moderncv: "2021–today Senior Data Scientist, Zalando SE, Berlin."
    if rest and not rest[0].isalnum():
        rest = strip_bullet(rest)  # a Wingdings bullet
    return (" as " in rest.lower() and _from_sentence(rest)) or rest


#: A role told as a sentence (numbered or not), the way many Indian resumes list jobs: "Working as Senior Software
#: Engineer in Tech Mahindra Ltd, Hyderabad from Aug 2021 to Till Date", "Associated with Infosys
#: Limited as Technology Analyst since March 2017" (the dates already cut out).
_ROLE_SENTENCE = re.compile(
    r"^(?:\(?\d{1,2}[.)]\s+)?(?:(?:currently|presently|previously|i\s+(?:am|was|have\s+been))\s+)*"
    r"(?:work(?:ing|ed)|employed|associated|serv(?:ing|ed)|engaged|placed)\s+"
    r"(?:as\s+(?:an?\s+)?(?P<t1>[^,()]+?)\s+(?:in|at|with|for)\s+(?:(?:the|m/s\.?)\s+)?(?P<c1>[^()]+?)"
    r"|(?:in|at|with|for)\s+(?:(?:the|m/s\.?)\s+)?(?P<c2>[^()]+?)\s+as\s+(?:an?\s+)?(?P<t2>[^,()]+?))"
    r"\s*(?:\((?P<note>[^()]*)\))?\s*(?:from|since|during|between|till|until|to)?\s*[.,;:]?$",
    re.I,
)


def _from_sentence(rest: str) -> str | None:
    """ "Title — Company, Place" from a role told as a sentence, or None; the title must read as one."""
    if len(rest) > 200:
        return None
    m = _ROLE_SENTENCE.match(rest)
    if m is None:
        return None
    title, company = (m["t1"], m["c1"]) if m["t1"] else (m["t2"], m["c2"])
    if not title_score(title):
        return None
    return f"{title.strip()} — {company.strip()}"


def work_entries(
    text: str, lines: list[Line], sections: list[Section], today: date, schools: list[str] | None = None
) -> list[WorkEntry]:
    """Entries from every experience section, in resume order.

    Without an experience heading, the header and "other" sections are searched for dated
    lines that carry a job title, so a resume with odd headings still yields its jobs.
    """
    regions = [(s.start, s.end) for s in sections if s.kind == EXPERIENCE]
    strict = not regions
    if strict:
        if not sections:
            regions = [(0, len(text))]
        else:
            regions = [(0, sections[0].start)] + [(s.start, s.end) for s in sections if s.kind == OTHER]
    heading_starts = {s.start for s in sections}
    out: list[WorkEntry] = []
    for start, end in regions:
        sec_lines = lines_between(lines, start, end)
        if sec_lines and sec_lines[0].start in heading_starts:
            sec_lines = sec_lines[1:]  # the heading itself
        sec_lines = mend_split_ranges(text, sec_lines, today)
        out.extend(fold_employers(_section_entries(_Block(sec_lines, today), today, strict, schools or [])))
    return out


def _section_entries(block: _Block, today: date, strict: bool, schools: list[str]) -> list[WorkEntry]:
    lines, kinds = block.lines, block.kinds
    drafts = _drafts(block)
    out: list[WorkEntry] = []
    group: tuple[str, str | None] | None = None
    heads = [_resolve(block.parts(d.header)) for d in drafts]
    for n, d in enumerate(drafts):
        parts = block.parts(d.header)
        title, company, location, weak = heads[n]
        if company and not title and n + 1 < len(drafts) and _holds(d, drafts[n + 1], heads[n + 1], today):
            group = (company, location)  # "Grubhub, Chicago, IL   2017 – Present" over its dated titles
            continue
        label = title or company or ""
        if _NOT_WORK.search(label) and title_score(label) < 2:
            continue  # "Career break", "Parental leave": time off, not a job ("Traveling Nurse" is one)
        if weak and group:
            company = None  # "Senior Engineer, Billing" under a company line: Billing is a team
        title_line = next((p.line for p in parts if p.text == title), None)
        company_line = next((p.line for p in parts if company and company in p.text), None)
        if company and title_line is not None and company_line is not None and company_line < title_line:
            only_company = not any(title_score(p.text) for p in parts if p.line == company_line)
            group = (company, location) if only_company else None
        elif company:
            group = None
        elif group:
            company, location = group[0], location or group[1]
        if (strict and not title) or (not title and not company):
            continue
        if company and schools:
            company = _expand_acronym(company, schools)
        per = period(d.rng, today)
        last = _last_line(kinds, d, drafts[n + 1].first if n + 1 < len(drafts) else len(lines))
        out.append(
            WorkEntry(
                title=title,
                company=company,
                location=location,
                start=ym_str(d.rng.start),
                end=None if d.rng.current else ym_str(d.rng.end),
                current=d.rng.current,
                months=per.months,
                start_offset=lines[d.first].start,
                end_offset=lines[last].end,
                flags=["impossible-range"] if per.impossible else [],
            )
        )
    return out


def _holds(outer: _Draft, inner: _Draft, head: _Header, today: date) -> bool:
    """A company line's own range spans the next role, which names a title and no company: the
    company's whole tenure over its roles (promotions), not a role of its own."""
    if not head.title or (head.company and not head.weak):
        return False
    a, b = period(outer.rng, today), period(inner.rng, today)
    return not a.impossible and not b.impossible and a.first <= b.first and b.last <= a.last


def _last_line(kinds: list[str], d: _Draft, stop: int) -> int:
    """The entry's last non-blank line before the next entry begins."""
    last = max(d.header)
    for k in range(last + 1, stop):
        if kinds[k] != "blank":
            last = k
    return last


def _expand_acronym(company: str, schools: list[str]) -> str:
    """ "KTH" -> "KTH Royal Institute of Technology" when the education names it in full."""
    if not (company.isupper() and 2 <= len(company) <= 6):
        return company
    for school in schools:
        if re.search(rf"\b{re.escape(company)}\b", school) and is_school(school) and school != company:
            return school
    return company
