"""What each cell of the candidate table says, as plain text: columns, widths, truncation.

Kept apart from the widget (which pages and draws) so the layout can be read and
tested on its own; the widget only maps each cell's kind to a theme style.
"""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len, set_cell_size

from desk.tui.render import display_name, score_bar, years_text
from desk.tui.state import ListQuery

#: (key, header, width); width 0 is the flexible name column
COLUMNS: tuple[tuple[str, str, int], ...] = (
    ("rank", "#", 3),
    ("flags", "", 2),
    ("name", "Name", 0),
    ("score", "Score", 6),
    ("bar", "", 6),
    ("met", "Req", 5),
    ("years", "Yrs", 4),
    ("stage", "Stage", 9),
)
LOCATION = ("location", "Location", 18)
SORT_KEYS = {"rank": "score", "score": "score", "bar": "score", "name": "name", "met": "met"}
SORT_KEYS |= {"years": "years", "stage": "stage", "flags": "starred"}


def layout(width: int, total: int = 0, blind: bool = False) -> list[tuple[str, str, int]]:
    """Column widths for a width: the name takes what is left; a wide table gets a longer bar
    and the location (not in blind mode: where someone lives is part of who they are); the
    rank column is as wide as the largest rank."""
    cols = [list(c) for c in COLUMNS]
    cols[0][2] = max(3, len(str(total)))
    spare = width - (sum(c[2] for c in cols) + len(cols) - 1)
    if spare > 30:
        bar = next(c for c in cols if c[0] == "bar")
        grow = min(6, spare - 30)
        bar[2] += grow
        spare -= grow
    if spare > 20 + LOCATION[2] and not blind:
        cols.insert(3, list(LOCATION))
        spare -= LOCATION[2] + 1
    name = next(c for c in cols if c[0] == "name")
    name[2] = max(8, spare)
    return [(c[0], c[1], c[2]) for c in cols]


def fit(text: str, width: int, right: bool = False) -> str:
    if cell_len(text) > width:
        return set_cell_size(text, max(0, width - 1)) + "…" if width > 1 else set_cell_size(text, width)
    pad = " " * (width - cell_len(text))
    return pad + text if right else text + pad


RIGHT = ("rank", "score", "met", "years")


def header_text(width: int, total: int, query: ListQuery | None, blind: bool = False) -> str:
    """The header line, with an arrow on the sorted column."""
    arrow = "" if query is None else ("▼" if query.descending else "▲")
    cells = []
    for key, label, w in layout(width, total, blind):
        text = label
        if query is not None and SORT_KEYS.get(key) == query.sort and key not in ("rank", "bar"):
            text = f"{label}{arrow}" if label else arrow
        cells.append(fit(text, w, right=key in RIGHT))
    return fit(" ".join(cells), width)


def row_cells(
    index: int, row: dict[str, Any], width: int, total: int, *, blind: bool, marked: bool
) -> list[tuple[str, str]]:
    """(text, kind) per column; kind is "", "muted", "flag" or "bar"."""
    out: list[tuple[str, str]] = []
    for key, _, w in layout(width, total, blind):
        if key == "rank":
            out.append((fit(str(index + 1), w, right=True), "muted"))
        elif key == "flags":
            out.append((("●" if marked else " ") + ("★" if row["starred"] else " "), "flag"))
        elif key == "name":
            name = display_name(row["candidate_id"], row["name"], blind)
            if blind and cell_len(name) > w:  # keep the id, drop the word
                name = name.removeprefix("Candidate ")
            out.append((fit(name, w), ""))
        elif key == "score":
            out.append((fit("" if row["score"] is None else f"{row['score']:.1f}", w, right=True), ""))
        elif key == "bar":
            out.append((score_bar(row["score"], w), "bar"))
        elif key == "met":
            out.append((fit(f"{row['met'] or 0}/{row['required_total'] or 0}", w, right=True), ""))
        elif key == "years":
            out.append((fit(years_text(row["years_experience"]), w, right=True), ""))
        elif key == "stage":
            out.append((fit(row["stage"], w), ""))
        elif key == "location":
            out.append((fit(row["location"] or "", w), "muted"))
    return out
