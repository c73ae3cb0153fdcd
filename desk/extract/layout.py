"""Reading order for one PDF page, from its words and their boxes.

Both PDF engines feed this one step, so they agree on order. Words are grouped into rows by
baseline. A column gutter is an empty vertical band at least a few word spaces wide that runs
through a stretch of consecutive rows, with dense text on both sides: found by sweeping the rows
top to bottom and narrowing each row's wide gaps by the rows below. The rows above and below the
stretch (a centred name and contact line over a sidebar resume, a footer) stay full width in their
place; within it the left column is read to its end, then the right, and each column and each
remaining region is searched again. Lines then join into blocks, with a blank line where a larger
vertical gap or a taller font says a new paragraph or heading starts.

A date or label column (moderncv, Europass: one short item every few lines, beside the entry it
belongs to) is not a text column; reading it separately would tear dates from their entries, so a
side whose lines are far apart keeps its rows together, and so does a sparse side whose every line
sits on a line of the other (Awesome-CV's right-aligned places and dates).

Coordinates are in points with ``top < bottom`` (y grows down the page), like pdfplumber's.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from statistics import median
from typing import NamedTuple

#: Each side of a gutter needs this many rows and this share of the characters.
MIN_SIDE_ROWS = 3
MIN_SIDE_SHARE = 0.05
#: ...and its lines no further apart (median, in word heights) than a column of text has them.
MAX_SIDE_PITCH = 2.0
#: A side with at most this share of the other's rows, nearly all of them on rows of the other
#: side, is a table's last (or first) cell, not a column.
SPARSE_SIDE = 0.6
ALIGNED_SHARE = 0.9
#: ...and the rows it sits on are this much shorter than the other side's rows without it.
SHORT_ROW = 0.6
#: Right-hand lines that end within this many word heights of each other are set flush right,
#: when their starts differ by at least RAGGED heights.
FLUSH = 0.5
RAGGED = 2.0
#: A gap between words on one line this many word heights wide is a tab, not a space.
TAB_HEIGHTS = 2.0
#: A gutter is at least this many median word heights wide (a word space is about a quarter).
MIN_GUTTER_HEIGHTS = 0.8
#: Words whose baselines differ by less than this many median heights share a row.
ROW_TOLERANCE = 0.35
#: A gap this many median heights above the usual line gap starts a new paragraph.
PARAGRAPH_GAP = 0.5
#: A line this much taller than the block's usual line is a heading: blank line before it.
HEADING_RATIO = 1.12
#: Gutters within columns: 2 levels find up to 4 columns.
MAX_DEPTH = 2

_CONTROL = re.compile(r"[\x00-\x1f\x7f\ufffe\uffff\ufeff]")


class Word(NamedTuple):
    """One word and its box on the page, in points, ``top < bottom``."""

    x0: float
    x1: float
    top: float
    bottom: float
    text: str


Row = list[Word]


@dataclass(frozen=True)
class PageText:
    """The page's text in reading order and how many columns were found (0 for a page without text)."""

    text: str
    columns: int


def page_text(words: Iterable[Word]) -> PageText:
    """Order one page's words into text: full-width rows in place, each column read to its end."""
    clean = _clean(words)
    if not clean:
        return PageText("", 0)
    height = _middle([w.bottom - w.top for w in clean])
    rows = _rows(clean, ROW_TOLERANCE * height)
    blocks, columns = _arrange(rows, height, 0)
    text = "\n\n".join(t for t in (_block_text(b) for b in blocks) if t)
    return PageText(text, columns)


def _clean(words: Iterable[Word]) -> list[Word]:
    """Drop empty and non-finite words; give zero-height boxes a height so nothing divides by zero."""
    out = []
    append = out.append
    for w in words:
        x0, x1, top, bottom, text = w
        sane_box = x0 <= x1 and top + 0.5 <= bottom < math.inf and -math.inf < x0 and x1 < math.inf
        if sane_box and text.isprintable() and not text.isspace() and text.strip() == text:
            append(w)  # the usual case: nothing to fix
            continue
        text = _CONTROL.sub("", text).strip()
        if not text or not math.isfinite(x0 + x1 + top + bottom):
            continue
        x0, x1 = (x0, x1) if x0 <= x1 else (x1, x0)
        top, bottom = (top, bottom) if top <= bottom else (bottom, top)
        append(Word(x0, x1, top, max(bottom, top + 0.5), text))
    return out


def _middle(values: list[float]) -> float:
    """The (upper) median; cheaper than ``statistics.median`` in the hot path."""
    return sorted(values)[len(values) // 2]


def _rows(words: list[Word], tolerance: float) -> list[Row]:
    """Group words whose bottoms (near the baseline) are within ``tolerance``; rows top to bottom."""
    rows: list[Row] = []
    anchor = -math.inf
    for w in sorted(words, key=_bottom):
        if w.bottom - anchor > tolerance:
            rows.append([])
            anchor = w.bottom
        rows[-1].append(w)
    for row in rows:
        row.sort()  # by x0 first: a Word is a tuple
    return rows


def _bottom(w: Word) -> float:
    return w.bottom


def _arrange(rows: list[Row], height: float, depth: int) -> tuple[list[list[Row]], int]:
    """Split rows into blocks in reading order; return them and the most columns side by side."""
    split = _find_split(rows, height) if depth < MAX_DEPTH else None
    if split is None:
        return [rows], 1
    g0, g1, first, last = split
    inside = rows[first : last + 1]
    left = [r for r in ([w for w in row if w.x0 + w.x1 < g0 + g1] for row in inside) if r]
    right = [r for r in ([w for w in row if w.x0 + w.x1 >= g0 + g1] for row in inside) if r]
    above, above_columns = _arrange(rows[:first], height, depth) if first else ([], 0)
    left_blocks, left_columns = _arrange(left, height, depth + 1)
    right_blocks, right_columns = _arrange(right, height, depth + 1)
    below, below_columns = _arrange(rows[last + 1 :], height, depth) if last + 1 < len(rows) else ([], 0)
    blocks = above + left_blocks + right_blocks + below
    return blocks, max(above_columns, left_columns + right_columns, below_columns)


def _find_split(rows: list[Row], height: float) -> tuple[float, float, int, int] | None:
    """The gutter ``(x0, x1)`` through the longest run of rows ``first..last``, or None."""
    if len(rows) < 2 * MIN_SIDE_ROWS:
        return None
    xmin = min([row[0].x0 for row in rows])
    xmax = max([w.x1 for row in rows for w in row])
    min_width = max(MIN_GUTTER_HEIGHTS * height, 2.0)
    candidates = [
        band
        for band in _empty_bands(rows, xmin, xmax, min_width)
        if band[3] - band[2] + 1 >= 2 * MIN_SIDE_ROWS and band[0] > xmin and band[1] < xmax
    ]
    candidates.sort(key=lambda band: (band[2] - band[3], band[0] - band[1]))
    for band in candidates:
        if _dense_both_sides(rows[band[2] : band[3] + 1], band[0] + band[1], height):
            return band
    return None


def _empty_bands(
    rows: list[Row], xmin: float, xmax: float, min_width: float
) -> list[tuple[float, float, int, int]]:
    """Maximal-height empty bands ``(x0, x1, first_row, last_row)`` at least ``min_width`` wide.

    Each row's wide gaps open bands; each next row narrows every open band to its own gaps; a band
    that gets too narrow is finished. Bands inside a wider one that opened no later are dropped.
    """
    done: list[tuple[float, float, int, int]] = []
    # Open bands as (first_row, x0, -x1): plain tuple order is the order wanted below (earliest,
    # then leftmost, then widest), so sorting needs no key function.
    active: list[tuple[int, float, float]] = []
    for k, row in enumerate(rows):
        gaps = _gaps(row, xmin, xmax, min_width)
        narrowed: list[tuple[int, float, float]] = []
        push = narrowed.append
        for start, a, neg_b in active:
            b = -neg_b
            alive = False
            for ga, gb in gaps:
                na = a if a > ga else ga
                nb = b if b < gb else gb
                if nb - na >= min_width:
                    push((start, na, -nb))
                    alive = True
            if not alive:
                done.append((a, b, start, k - 1))
        for ga, gb in gaps:
            push((k, ga, -gb))
        narrowed.sort()
        active = []
        for band in narrowed:
            a, neg_b = band[1], band[2]
            for o in active:  # a plain loop: any() over a generator costs twice as much here
                if o[1] <= a and o[2] <= neg_b:
                    break
            else:
                active.append(band)
    done += ((a, -neg_b, start, len(rows) - 1) for start, a, neg_b in active)
    return done


def _gaps(row: Row, xmin: float, xmax: float, min_width: float) -> list[tuple[float, float]]:
    """The row's empty stretches of the region's width that are at least ``min_width`` wide."""
    gaps = []
    edge = xmin
    for w in row:
        if w.x0 - edge >= min_width:
            gaps.append((edge, w.x0))
        if w.x1 > edge:
            edge = w.x1
    if xmax - edge >= min_width:
        gaps.append((edge, xmax))
    return gaps


def _dense_both_sides(rows: list[Row], mid2: float, height: float) -> bool:
    """Real text columns on both sides of the line ``x = mid2 / 2``, not a label or date column."""
    sides: tuple[list[float], list[float]] = ([], [])
    chars = [0, 0]
    row_chars: list[tuple[int, int]] = []
    for row in rows:
        seen = [False, False]
        here = [0, 0]
        for w in row:
            side = 0 if w.x0 + w.x1 < mid2 else 1
            here[side] += len(w.text)
            if not seen[side]:
                seen[side] = True
                sides[side].append(w.top)
        chars[0] += here[0]
        chars[1] += here[1]
        row_chars.append((here[0], here[1]))
    if (
        _cells_of_rows(row_chars, len(sides[0]), len(sides[1]))
        or _right_aligned_cells(rows, mid2, height)
        or _table_header(rows, mid2)
    ):
        return False
    total = chars[0] + chars[1]
    for tops, count in zip(sides, chars, strict=True):
        if len(tops) < MIN_SIDE_ROWS or count < MIN_SIDE_SHARE * total:
            return False
        if median(b - a for a, b in zip(tops, tops[1:], strict=False)) > MAX_SIDE_PITCH * height:
            return False
    return True


def _cells_of_rows(row_chars: list[tuple[int, int]], rows_left: int, rows_right: int) -> bool:
    """Right-aligned places and dates (Awesome-CV: "Kakao Corp. ... Seongnam, South Korea" over
    "SOFTWARE ENGINEER ... Jul. 2019 - Feb. 2022"): the sparse side only ever sits on rows of
    the other, and only on its short rows (the headers, not the bullets), so it is the last cell
    of those rows, not a column. A short sidebar beside a long main column sits on rows of the
    main column too, but on ordinary ones, as long as the rest."""
    sparse = 0 if rows_left < rows_right else 1
    fewer, more = sorted((rows_left, rows_right))
    if not fewer or fewer > SPARSE_SIDE * more:
        return False
    dense = 1 - sparse
    shared = [c[dense] for c in row_chars if c[sparse] and c[dense]]
    alone = [c[dense] for c in row_chars if c[dense] and not c[sparse]]
    if len(shared) < ALIGNED_SHARE * fewer or not alone:
        return False
    alone.sort()
    return _middle(shared) < SHORT_ROW * alone[3 * len(alone) // 4]  # its full rows: not headings


def _right_aligned_cells(rows: list[Row], mid2: float, height: float) -> bool:
    """Dates set flush right beside their entries ("Hack Reactor — ...        Sep 2021 – Dec 2021"):
    every right-hand line ends at the same x and starts where its length puts it, and each sits
    on a line of the left side. A column of text is set flush left, not right."""
    starts: list[float] = []
    ends: list[float] = []
    for row in rows:
        right = [w for w in row if w.x0 + w.x1 >= mid2]
        if not right:
            continue
        if len(right) == len(row):
            return False  # a right-hand line alone on its row: text of its own
        starts.append(right[0].x0)
        ends.append(max(w.x1 for w in right))
    return (
        len(ends) >= 2
        and max(ends) - min(ends) <= FLUSH * height
        and max(starts) - min(starts) >= RAGGED * height
    )


def _vocabulary(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Words of a table's header row in a resume: "S.No | Organisation | Designation | Duration",
#: "Company | Role | Period", "Degree | Institution | Year".
_HEADER_WORDS = _vocabulary(
    """
    period duration dates date from to year years company employer organisation organization
    designation role position title responsibilities description institution university board
    qualification degree percentage marks grade s.no sr.no no. assignment location client project
    technologies course cgpa zeitraum arbeitgeber firma position tätigkeit periodo empresa cargo
    puesto période entreprise poste
    """
)


def _table_header(rows: list[Row], mid2: float) -> bool:
    """The region opens with a table's header row ("Company   Role   Period"): its rows are
    table rows, read across, not two columns read one after the other."""
    for row in rows[:2]:
        words = [w.text.lower().strip(":|") for w in row]
        both = {w.x0 + w.x1 < mid2 for w in row} == {True, False}
        if both and len(words) <= 8 and sum(w in _HEADER_WORDS for w in words) >= max(2, len(words) - 2):
            return True
    return False


def _block_text(rows: list[Row]) -> str:
    """Lines of one block, a blank line before a paragraph gap or a taller (heading) line."""
    if not rows:
        return ""
    tops = [min([w.top for w in row]) for row in rows]
    bottoms = [max([w.bottom for w in row]) for row in rows]
    heights = [_middle([w.bottom - w.top for w in row]) for row in rows]
    gaps = [tops[i] - bottoms[i - 1] for i in range(1, len(rows))]
    usual_gap = median(gaps) if gaps else 0.0
    usual_height = median(heights)
    tall = HEADING_RATIO * usual_height
    out: list[str] = []
    for i, row in enumerate(rows):
        if i and (
            gaps[i - 1] > usual_gap + PARAGRAPH_GAP * usual_height
            or (heights[i] > tall and heights[i - 1] <= tall)
        ):
            out.append("")
        out.append(_line_text(row))
    return "\n".join(out)


def _line_text(row: Row) -> str:
    """Words left to right; a word drawn twice at the same place (fake bold) counts once. A gap
    as wide as a tab stop ("Kakao Corp.        Seongnam, South Korea") is kept as three spaces,
    which the parsers read as a field separator, as they do in DOCX and text resumes."""
    parts: list[str] = []
    last: Word | None = None
    tab = TAB_HEIGHTS * _middle([w.bottom - w.top for w in row]) if len(row) > 1 else math.inf
    for w in row:
        if last is not None and w.text == last.text and abs(w.x0 - last.x0) < 0.5 * (w.bottom - w.top):
            continue
        if last is not None:
            parts.append("   " if w.x0 - last.x1 > tab else " ")
        parts.append(w.text)
        last = w
    return "".join(parts)
