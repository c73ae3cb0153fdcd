"""Experience lines mended before they are read: a date range that a narrow column or a table
cell wrapped onto two lines becomes one range on the role's line again.
"""

from __future__ import annotations

import re
from datetime import date

from desk.parse.dates import find_ranges
from desk.parse.sections import Line

#: A line that stops after a date and a dash: its range goes on in the next line.
_DASH_ENDS = ("-", "–", "—", "‒", "―", "~")
#: A table row whose period cell wrapped after its dash: "2022/04 –   Ichiba Search — Engineering Manager".
_OPEN_CELL = re.compile(r"^(\S+(?:\s\S+)?\s?[-–—])\s{3,}(?=\S)")
_OPEN_RANGE = re.compile(r"(?:\d|[^\W\d_]\.?)\s*[-–—‒―~]$")


def mend_split_ranges(text: str, lines: list[Line], today: date) -> list[Line]:
    """One line for a range wrapped after its dash: "DevOps Engineer, Sabre (2019/05 –" then
    "2021/08). Built the CI." (justified columns wrap anywhere). The range's end moves up to
    its line; what follows it on the next line stays a line of its own.

    Offsets stay true: the line break becomes a space, so the joined line is as long as the text.
    """
    if not any(
        (ln.text.endswith(_DASH_ENDS) and _OPEN_RANGE.search(ln.text[-6:])) or _OPEN_CELL.match(ln.text)
        for ln in lines
    ):
        return lines
    out: list[Line] = []
    i = 0
    while i < len(lines):
        a = lines[i]
        b = lines[i + 1] if i + 1 < len(lines) else None
        cell = _OPEN_CELL.match(a.text) if b is not None and b.text else None
        if (
            cell and b is not None
        ):  # a table's period cell wrapped: "2022/04 –   Manager" over "Present   • ..."
            lead = re.match(r"\S+(?:\s\S+)?(?=\s{3,}|$)", b.text)
            joined = f"{cell.group(1)} {lead.group(0)}   {a.text[cell.end() :]}" if lead else ""
            if lead and any(r.pos == 0 for r in find_ranges(joined, today)):
                out.append(Line(a.start, a.end, joined, joined))
                rest = b.text[lead.end() :].strip()
                if rest:
                    out.append(Line(b.start, b.end, rest, rest))
                i += 2
                continue
        if b is not None and b.text and a.text.endswith(_DASH_ENDS) and _OPEN_RANGE.search(a.text[-6:]):
            raw = text[a.start : b.end].replace("\r", " ").replace("\n", " ")
            joint = a.end - a.start
            spans = [r for r in find_ranges(raw, today) if r.pos < joint < r.endpos]
            if spans:
                cut = spans[0].endpos
                while cut < len(raw) and raw[cut] in ").];,":
                    cut += 1
                out.append(Line(a.start, a.start + cut, raw[:cut], raw[:cut].strip()))
                if raw[cut:].strip():
                    out.append(Line(a.start + cut, b.end, raw[cut:], raw[cut:].strip()))
                i += 2
                continue
        out.append(a)
        i += 1
    return out
