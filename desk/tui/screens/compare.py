"""Two or three candidates side by side, requirement by requirement."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Static

from desk.services.views import compare
from desk.tui.background import run_db
from desk.tui.keys import HELP
from desk.tui.render import (
    STATUS_GLYPH,
    display_name,
    hidden,
    rich_styles,
    status_glyph,
    wrap_indented,
    years_text,
)
from desk.tui.widgets.footer import DeskFooter

LETTERS = "ABC"
SUMMARY_ROWS = ("score", "met", "years", "stage")


def short_usage(cell: dict[str, Any]) -> str:
    """ "5y6m·2026": compare cells are narrow."""
    months, year = cell.get("months") or 0, cell.get("last_year")
    parts = [f"{months // 12}y{months % 12}m" if months >= 12 else f"{months}m"] if months else []
    if year:
        parts.append(str(year))
    return "·".join(parts)


class CompareScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        HELP,
        Binding("escape,backspace", "back", "Back"),
        Binding("d", "toggle_differ", "Only differences"),
    ]

    def __init__(self, job_id: str, candidate_ids: list[str]) -> None:
        super().__init__()
        self.job_id = job_id
        self.candidate_ids = candidate_ids
        self.data: dict[str, Any] | None = None
        self.only_differ = False
        self.terms: dict[str, list[str]] = {}

    def compose(self) -> ComposeResult:
        yield Static(id="compare-title", classes="screen-title")
        yield DataTable(id="compare-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="compare-evidence")
        yield DeskFooter()

    def on_mount(self) -> None:
        self.watch(self.app, "blind", lambda _: self.redraw(), init=False)
        self.watch(self.app, "theme", lambda _: self.redraw(), init=False)
        job_id, ids = self.job_id, self.candidate_ids

        def load(store: Any) -> dict[str, Any]:
            from desk.services.blind import sensitive_terms

            data = compare(store, job_id, ids)
            data["sensitive"] = {cid: sensitive_terms(store, cid) for cid in ids}
            return data

        run_db(self, load, self._loaded, group="compare", exclusive=True)
        self.query_one(DataTable).focus()

    def _loaded(self, data: dict[str, Any]) -> None:
        self.data = data
        self.terms = data["sensitive"]
        self.redraw()

    def _rows(self) -> list[dict[str, Any]]:
        assert self.data is not None
        rows = self.data["rows"]
        return [r for r in rows if r["differs"]] if self.only_differ else rows

    def redraw(self) -> None:
        if self.data is None:
            return
        blind = self.app.blind  # type: ignore[attr-defined]
        styles = rich_styles(self.app)
        people = self.data["candidates"]
        names = [display_name(p["candidate_id"], p["name"], blind) for p in people]
        title = Content.assemble(
            ("Compare ", "bold"),
            " · ".join(f"{LETTERS[i]}: {n}" for i, n in enumerate(names)),
            (" · only rows that differ" if self.only_differ else "", "$text-warning"),
        )
        self.query_one("#compare-title", Static).update(title)
        table = self.query_one(DataTable)
        cursor = table.cursor_row
        table.clear(columns=True)
        usable = max(40, self.size.width - 4 - 2 * (len(names) + 1))
        label_width = min(30, usable // (len(names) + 1) + 4)
        cell_width = (usable - label_width) // len(names)
        table.add_column("Requirement", key="label", width=label_width)
        for i, n in enumerate(names):
            table.add_column(f"{LETTERS[i]} {n}", key=f"c{i}", width=cell_width)
        table.add_row(
            Text("Score", style="bold"),
            *(Text(f"{p['score']:.1f}", style="bold") for p in people),
            key="score",
        )
        table.add_row("Required met", *(f"{p['met']}/{p['required_total']}" for p in people), key="met")
        table.add_row("Years", *(years_text(p["years_experience"]) for p in people), key="years")
        table.add_row(
            "Stage", *((p["stage"] or "–") + (" ★" if p["starred"] else "") for p in people), key="stage"
        )
        for row in self._rows():
            label = Text(row["label"], style="" if row["kind"] == "required" else "dim")
            cells = []
            for cell in row["cells"]:
                glyph = STATUS_GLYPH.get(cell["status"], "?")
                text = Text(glyph + " ", style=styles.get(cell["status"]))
                text.append(cell["how"] or cell["status"], style=styles["muted"] if not cell["how"] else None)
                usage = short_usage(cell)
                if usage:
                    text.append(f" {usage}", style=styles["muted"])
                cells.append(text)
            table.add_row(label, *cells, key="req:" + row["key"])
        first = len(SUMMARY_ROWS)
        table.move_cursor(
            row=cursor if first <= cursor < table.row_count else min(first, table.row_count - 1)
        )
        self._evidence()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._evidence()

    def on_resize(self) -> None:
        self.redraw()

    def _evidence(self) -> None:
        widget = self.query_one("#compare-evidence", Static)
        table = self.query_one(DataTable)
        if self.data is None or table.row_count == 0:
            widget.update("")
            return
        key = table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value or ""
        row = next((r for r in self.data["rows"] if "req:" + r["key"] == key), None)
        if row is None:
            widget.update(
                Content.styled("Move to a requirement to read each candidate's evidence.", "$text-muted")
            )
            return
        blind = self.app.blind  # type: ignore[attr-defined]
        lines = [Content.styled(row["label"], "bold")]
        width = max(20, self.size.width - 2)  # the panel has one cell of padding each side
        for i, (cell, person) in enumerate(zip(row["cells"], self.data["candidates"], strict=True)):
            glyph, style = status_glyph(cell["status"])
            terms = self.terms.get(person["candidate_id"], [])
            what = cell["evidence"] or cell["detail"] or cell["status"]
            lines.append(
                Content.assemble(
                    (f"{LETTERS[i]} ", "bold"),
                    (glyph + " ", style),
                    (cell["how"] or "", "$text-accent"),
                    ("\n" + wrap_indented(hidden(what, blind, terms), width, "    "), "italic"),
                )
            )
        widget.update(Content("\n").join(lines))

    def action_toggle_differ(self) -> None:
        self.only_differ = not self.only_differ
        self.redraw()

    def action_back(self) -> None:
        self.dismiss()
