"""The main screen: jobs, the ranked candidates of the selected job, and why each scores what it does."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static

from desk.errors import DeskError
from desk.services.paging import first_job_id, jobs_overview
from desk.services.taxonomy import taxonomy_for
from desk.services.views import detail
from desk.tui.actions import PipelineActions, Target
from desk.tui.background import run_db
from desk.tui.keys import HELP
from desk.tui.modals.choice import ChoicePrompt
from desk.tui.modals.filters import FiltersPrompt
from desk.tui.modals.prompt import TextPrompt
from desk.tui.render import display_name
from desk.tui.state import SORT_COLUMNS, ListQuery
from desk.tui.widgets.candidate_table import CandidateTable
from desk.tui.widgets.detail import DetailPane
from desk.tui.widgets.footer import DeskFooter
from desk.tui.widgets.jobs_list import JobsList

MAX_MARKED = 3
SEARCH_HINT = 'Words, "a phrase", prefix*, AND / OR / NOT, NEAR(a b). Empty clears the search.'


class MainScreen(PipelineActions, Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        HELP,
        Binding("enter", "open", "Open"),
        Binding("s", "stage", "Stage"),
        Binding("n", "note", "Note"),
        Binding("t", "tags", "Tags"),
        Binding("space,asterisk", "star", "Star"),
        Binding("slash", "search", "Search"),
        Binding("f", "filters", "Filter"),
        Binding("o", "sort", "Sort"),
        Binding("O", "reverse_sort", "Reverse sort", show=False),
        Binding("m", "mark", "Mark"),
        Binding("c", "compare", "Compare"),
        Binding("x", "matrix", "Matrix"),
        Binding("h", "histogram", "Histogram"),
        Binding("e", "edit_job", "Edit job"),
        Binding("left_square_bracket", "prev_job", "Previous job", show=False),
        Binding("right_square_bracket", "next_job", "Next job", show=False),
        Binding("escape", "clear_filters", "Clear filters", show=False),
        Binding("ctrl+r", "refresh", "Refresh", show=False),
    ]

    def __init__(self) -> None:
        super().__init__(id="main-screen")
        self.query_ = ListQuery()
        self._last_good = ListQuery()
        self.total = 0
        self.marked: list[str] = []
        self._shown = False
        self._version = 0

    def compose(self) -> ComposeResult:
        yield Static(id="status")
        with Horizontal(id="main"):
            yield JobsList(id="jobs")
            with Vertical(id="right"):
                yield CandidateTable(id="table")
                yield DetailPane(id="detail")
        yield DeskFooter()

    @property
    def table(self) -> CandidateTable:
        return self.query_one(CandidateTable)

    @property
    def jobs(self) -> JobsList:
        return self.query_one(JobsList)

    @property
    def detail_pane(self) -> DetailPane:
        return self.query_one(DetailPane)

    def on_mount(self) -> None:
        self.watch(self.app, "blind", self._blind_changed, init=False)
        self.watch(self.app, "activity", lambda _: self._update_status(), init=False)
        self.table.blind = self.app.blind  # type: ignore[attr-defined]
        self.table.focus()
        # The first job's rows need not wait for the jobs list: one indexed read, then both load at once.
        first = first_job_id(self.app.store)  # type: ignore[attr-defined]
        if first is not None:
            self.apply_query(replace(self.query_, job_id=first))
        self.load_jobs()
        self._update_status()

    def on_screen_resume(self) -> None:
        """Back from another screen: re-read only if something was written meanwhile."""
        version = self.app.data_version  # type: ignore[attr-defined]
        if self._shown and version != self._version:
            self.refresh_data()
        self._shown = True

    # -- loading --------------------------------------------------------------------------
    def load_jobs(self) -> None:
        run_db(self, jobs_overview, self._jobs_loaded, group="jobs", exclusive=True, description="jobs")

    def _jobs_loaded(self, jobs: list[dict[str, Any]]) -> None:
        self.jobs.set_jobs(jobs, self.query_.job_id)
        job = self.jobs.selected_job
        if job is None:
            self.detail_pane.show(
                None,
                blind=False,
                message="No jobs yet. Add one with `desk job add FILE`, or import resumes with i.",
            )
            self._update_status()
        elif job["id"] != self.query_.job_id:
            self.switch_job(job["id"])
        else:
            self._update_status()

    def switch_job(self, job_id: str) -> None:
        self.marked.clear()
        self.apply_query(replace(self.query_, job_id=job_id))

    def apply_query(self, query: ListQuery) -> None:
        self.query_ = query
        self.table.marked = set(self.marked)
        self.table.load(query)
        self.detail_pane.show(None, blind=False, message="Loading…")
        self._update_status()

    def refresh_data(self) -> None:
        """After an edit here or elsewhere: fresh rows, counts and breakdown, cursor kept."""
        self._version = self.app.data_version  # type: ignore[attr-defined]
        self.table.reload()
        self.load_jobs()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list is self.jobs and event.option.id and event.option.id != self.query_.job_id:
            self.switch_job(event.option.id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list is self.jobs:
            self.table.focus()

    def on_candidate_table_counted(self, event: CandidateTable.Counted) -> None:
        self._last_good = event.query
        self.total = event.total
        self._update_status()

    def on_candidate_table_failed(self, event: CandidateTable.Failed) -> None:
        error = event.error
        message = str(error) if isinstance(error, DeskError) else f"{type(error).__name__}: {error}"
        self.notify(message, title="Cannot show that list", severity="error")
        if event.query == self.query_ and event.query != self._last_good:
            self.apply_query(self._last_good)

    def on_candidate_table_highlighted(self, event: CandidateTable.Highlighted) -> None:
        row = event.row
        if row is None:
            message = "No candidates match these filters." if self.query_.filtered else "No candidates yet."
            self.detail_pane.show(None, blind=False, message=message)
            return
        query = self.query_
        assert query.job_id is not None
        job_id, search = query.job_id, query.search
        run_db(
            self,
            lambda store: detail(store, job_id, row["candidate_id"], search=search),
            lambda data: self.detail_pane.show(data, blind=self.app.blind),  # type: ignore[attr-defined]
            group="detail",
            exclusive=True,
            description="detail",
        )

    def on_candidate_table_selected(self, event: CandidateTable.Selected) -> None:
        self._open(event.row)

    def on_candidate_table_header_clicked(self, event: CandidateTable.HeaderClicked) -> None:
        if event.sort == self.query_.sort:
            self.action_reverse_sort()
        else:
            self.apply_query(self.query_.with_sort(event.sort))

    def _blind_changed(self, blind: bool) -> None:
        self.table.blind = blind
        self.table.refresh()
        self.detail_pane.redraw(blind)
        self._update_status()

    def _update_status(self) -> None:
        job = self.jobs.job(self.query_.job_id) if self.query_.job_id else None
        q = self.query_
        label = SORT_COLUMNS[q.sort][0].lower()
        name = taxonomy_for(self.app.store).name  # type: ignore[attr-defined]
        parts: list[str | tuple[str, str]] = [
            (job["title"] if job else "no job", "bold"),
            f" · {self.total} candidates · by {label} {'▼' if q.descending else '▲'}",
        ]
        if q.filtered:
            parts.append((" · " + q.describe(name), "$text-warning"))
        if self.marked:
            parts.append((f" · {len(self.marked)} marked", "$text-accent"))
        if self.app.blind:  # type: ignore[attr-defined]
            parts.append((" · BLIND", "bold $text-error"))
        activity = self.app.activity  # type: ignore[attr-defined]
        if activity:
            parts.append((f" · {activity}", "$text-accent"))
        self.query_one("#status", Static).update(Content.assemble(*parts))

    # -- helpers --------------------------------------------------------------------------
    def _row(self) -> dict[str, Any] | None:
        row = self.table.current_row
        if row is None:
            self.notify("No candidate selected", severity="warning")
        return row

    def _who(self, row: dict[str, Any]) -> str:
        return display_name(row["candidate_id"], row["name"], self.app.blind)  # type: ignore[attr-defined]

    def action_target(self) -> Target | None:
        row = self._row()
        if row is None:
            return None
        data = self.detail_pane.data
        tags = (
            data["summary"]["tags"] if data and self.detail_pane.candidate_id == row["candidate_id"] else []
        )
        return Target(
            candidate_id=row["candidate_id"],
            who=self._who(row),
            application_id=row["application_id"],
            stage=row["stage"],
            job_id=self.query_.job_id,
            tags=list(tags),
        )

    def after_change(self, message: str) -> None:
        self.notify(message)
        self.refresh_data()

    def _open(self, row: dict[str, Any]) -> None:
        from desk.tui.screens.candidate import CandidateScreen

        self.app.push_screen(
            CandidateScreen(row["candidate_id"], job_id=self.query_.job_id, search=self.query_.search)
        )

    # -- actions --------------------------------------------------------------------------
    def action_open(self) -> None:
        row = self._row()
        if row is not None:
            self._open(row)

    def action_search(self) -> None:
        def searched(text: str | None) -> None:
            if text is not None:
                self.apply_query(replace(self.query_, search=text.strip() or None))

        self.app.push_screen(
            TextPrompt(
                "Search resumes",
                value=self.query_.search or "",
                placeholder="e.g. kafka AND python",
                hint=SEARCH_HINT,
            ),
            searched,
        )

    def action_filters(self) -> None:
        tax = taxonomy_for(self.app.store)  # type: ignore[attr-defined]

        def filtered(query: ListQuery | None) -> None:
            if query is not None:
                self.apply_query(query)

        self.app.push_screen(FiltersPrompt(self.query_, lookup=tax.lookup, name=tax.name), filtered)

    def action_clear_filters(self) -> None:
        if self.query_.filtered:
            self.apply_query(self.query_.cleared())
            self.notify("Filters and search cleared")

    def action_sort(self) -> None:
        def chosen(column: str | None) -> None:
            if column:
                self.apply_query(self.query_.with_sort(column))

        options = [(key, label) for key, (label, _) in SORT_COLUMNS.items()]
        self.app.push_screen(ChoicePrompt("Sort by", options, current=self.query_.sort), chosen)

    def action_reverse_sort(self) -> None:
        self.apply_query(replace(self.query_, descending=not self.query_.descending))

    def action_mark(self) -> None:
        row = self._row()
        if row is None:
            return
        cid = row["candidate_id"]
        if cid in self.marked:
            self.marked.remove(cid)
        elif len(self.marked) >= MAX_MARKED:
            self.notify("Compare takes at most three candidates: unmark one first (m)", severity="warning")
            return
        else:
            self.marked.append(cid)
        self.table.marked = set(self.marked)
        self.table.refresh()
        self._update_status()

    def action_compare(self) -> None:
        if self.query_.job_id is None:
            return
        if len(self.marked) < 2:
            self.notify("Mark two or three candidates with m, then press c", severity="warning")
            return
        from desk.tui.screens.compare import CompareScreen

        self.app.push_screen(CompareScreen(self.query_.job_id, list(self.marked)))

    def action_matrix(self) -> None:
        if self.query_.job_id is not None:
            from desk.tui.screens.matrix import MatrixScreen

            self.app.push_screen(MatrixScreen(self.query_))

    def action_histogram(self) -> None:
        if self.query_.job_id is not None:
            from desk.tui.screens.histogram import HistogramScreen

            row = self.table.current_row
            self.app.push_screen(HistogramScreen(self.query_.job_id, highlight=row["score"] if row else None))

    def action_edit_job(self) -> None:
        if self.query_.job_id is not None:
            from desk.tui.screens.job_editor import JobEditorScreen

            self.app.push_screen(JobEditorScreen(self.query_.job_id))

    def action_prev_job(self) -> None:
        self.jobs.action_cursor_up()

    def action_next_job(self) -> None:
        self.jobs.action_cursor_down()

    def action_refresh(self) -> None:
        self.refresh_data()

    def select_job(self, job_id: str) -> None:
        """Used by the command palette."""
        index = self.jobs.get_option_index(job_id)
        self.jobs.highlighted = index
