"""The skill matrix: the top candidates against the job's required skills."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Static

from desk.services.jobs import job_summary
from desk.services.views import skill_matrix
from desk.tui.background import run_db
from desk.tui.keys import HELP
from desk.tui.render import display_name, rich_styles
from desk.tui.state import ListQuery
from desk.tui.widgets.footer import DeskFooter

CELL = {"met": "●", "partial": "◐", "missing": "·"}
FIXED = 3  # rank, name, score stay in view while the skill columns scroll


def short(label: str, width: int = 7) -> str:
    """Column headers must be narrow: "One of Django / Flask" -> "Django/", "PostgreSQL" -> "Postgre"."""
    text = label.removeprefix("One of ").replace(" / ", "/")
    return text if len(text) <= width else text[: width - 1] + "…"


class MatrixScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        HELP,
        Binding("escape,backspace", "back", "Back"),
        Binding("plus,equals_sign", "top(5)", "More"),
        Binding("minus", "top(-5)", "Fewer"),
        Binding("p", "toggle_preferred", "Preferred too"),
    ]

    def __init__(self, query: ListQuery, *, top: int = 15) -> None:
        super().__init__()
        self.query_ = query
        self.top = top
        self.include_preferred = False
        self.data: dict[str, Any] | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="matrix-title", classes="screen-title")
        yield DataTable(id="matrix-table", cursor_type="cell", fixed_columns=FIXED)
        yield Static(id="matrix-legend")
        yield DeskFooter()

    def on_mount(self) -> None:
        self.watch(self.app, "blind", lambda _: self.redraw(), init=False)
        self.watch(self.app, "theme", lambda _: self.redraw(), init=False)
        self.query_one(DataTable).focus()
        self.load()

    def load(self) -> None:
        q, top, pref = self.query_, self.top, self.include_preferred
        assert q.job_id is not None
        job_id = q.job_id

        def read(store: Any) -> dict[str, Any]:
            data = skill_matrix(store, job_id, top=top, include_preferred=pref, **q.filters())
            data["title"] = job_summary(store, job_id)["title"]
            return data

        run_db(self, read, self._loaded, group="matrix", exclusive=True)

    def _loaded(self, data: dict[str, Any]) -> None:
        self.data = data
        self.redraw()

    def redraw(self) -> None:
        data = self.data
        if data is None:
            return
        blind = self.app.blind  # type: ignore[attr-defined]
        styles = rich_styles(self.app)
        reqs = data["requirements"]
        what = "required and preferred" if self.include_preferred else "required"
        self.query_one("#matrix-title", Static).update(
            Content.assemble(
                ("Skill matrix ", "bold"),
                data["title"],
                (f"  top {len(data['rows'])} × {len(reqs)} {what} skills", "$text-muted"),
                (" · filtered" if self.query_.filtered else "", "$text-warning"),
            )
        )
        table = self.query_one(DataTable)
        cursor = table.cursor_coordinate
        table.clear(columns=True)
        table.add_column("#", key="rank", width=3)
        table.add_column("Candidate", key="name", width=18)
        table.add_column("Score", key="score", width=5)
        for i, r in enumerate(reqs):
            table.add_column(short(r["label"]), key=f"r{i}", width=7)
        for row in data["rows"]:
            cells = [Text(CELL.get(s, "?"), style=styles.get(s), justify="center") for s in row["cells"]]
            table.add_row(
                str(row["rank"]),
                display_name(row["candidate_id"], row["name"], blind),
                f"{row['score']:.1f}",
                *cells,
                key=row["candidate_id"],
            )
        if table.row_count:
            table.move_cursor(row=min(cursor.row, table.row_count - 1), column=cursor.column)
        self._legend()

    def on_data_table_cell_highlighted(self, _: DataTable.CellHighlighted) -> None:
        self._legend()

    def _legend(self) -> None:
        data = self.data
        legend = self.query_one("#matrix-legend", Static)
        if data is None:
            return
        key = Content.assemble(
            ("● met", "$text-success"),
            "  ",
            ("◐ partly", "$text-warning"),
            "  ",
            ("· missing", "$text-error"),
        )
        col = self.query_one(DataTable).cursor_column - FIXED
        if 0 <= col < len(data["requirements"]):
            r = data["requirements"][col]
            info = Content.assemble(
                "   ",
                (r["label"], "bold"),
                (f" ({r['kind']}) · met by {r['met']} of {len(data['rows'])}", "$text-muted"),
            )
            key = Content.assemble(key, info)
        legend.update(key)

    def action_top(self, step: int) -> None:
        self.top = max(5, min(100, self.top + step))
        self.load()

    def action_toggle_preferred(self) -> None:
        self.include_preferred = not self.include_preferred
        self.load()

    def action_back(self) -> None:
        self.dismiss()
