"""The ranked candidate table, drawn with the Line API and paged from SQL.

A DataTable given 100,000 rows freezes the app for seconds, so this widget never
holds more than a few pages: ``render_line`` asks for the row at ``scroll_y + y``,
pages of ``PAGE`` rows come from ``services.ranking.ranked`` in worker threads,
and an LRU keeps the recently seen ones. Rows not loaded yet are drawn as "…"
and filled in when their page arrives; the neighbouring pages are fetched before
the cursor reaches them (toolong's trick). After an edit, ``reload`` keeps the
old pages on screen until the fresh ones replace them, so nothing flickers.
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from typing import Any, ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from desk.services.paging import count_fast, order_rowids, rows_at
from desk.services.ranking import ranked
from desk.services.resume_view import check_search
from desk.tui.background import run_db
from desk.tui.state import ListQuery
from desk.tui.widgets.table_rows import SORT_KEYS, fit, header_text, layout, row_cells

PAGE = 100
MAX_PAGES = 40
MAX_ORDERS = 6  # recent (job, sort, filters) orders kept until the next edit: switching back is instant
PREFETCH = 30  # rows from a page edge at which the neighbouring page is fetched


class CandidateTable(ScrollView, can_focus=True):
    """Ranked rows of one job under a ListQuery; the cursor is a row index in that order."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "candidate-table--header",
        "candidate-table--cursor",
        "candidate-table--bar",
        "candidate-table--muted",
        "candidate-table--flag",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor_up", "Up", show=False),
        Binding("down,j", "cursor_down", "Down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("home,g", "first", "First", show=False),
        Binding("end,G", "last", "Last", show=False),
    ]

    cursor: reactive[int] = reactive(0, always_update=True, init=False)

    class Highlighted(Message):
        """The cursor is on a loaded row (or on none: ``row`` is None when the list is empty)."""

        def __init__(self, row: dict[str, Any] | None) -> None:
            super().__init__()
            self.row = row

    class Selected(Message):
        def __init__(self, row: dict[str, Any]) -> None:
            super().__init__()
            self.row = row

    class Counted(Message):
        def __init__(self, query: ListQuery, total: int) -> None:
            super().__init__()
            self.query = query
            self.total = total

    class Failed(Message):
        """The query could not run (a malformed search, say); the screen decides what to show."""

        def __init__(self, query: ListQuery, error: BaseException) -> None:
            super().__init__()
            self.query = query
            self.error = error

    class HeaderClicked(Message):
        def __init__(self, sort: str) -> None:
            super().__init__()
            self.sort = sort

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.query_: ListQuery | None = None
        self.total = 0
        self.loaded = False
        self.blind = False
        self.marked: set[str] = set()
        self._gen = 0
        self._pages: OrderedDict[int, list[dict[str, Any]]] = OrderedDict()
        self._stale: dict[int, list[dict[str, Any]]] = {}
        self._pending: set[int] = set()
        self._announced: str | None = None
        self._order: array[int] | None = None
        self._orders: OrderedDict[ListQuery, array[int]] = OrderedDict()
        self._failed = -1

    # -- data -----------------------------------------------------------------------------
    def load(self, query: ListQuery) -> None:
        """Show a new query from its first row."""
        self.query_ = query
        self._gen += 1
        self._pages.clear()
        self._stale.clear()
        self._pending.clear()
        self._order = None
        self.loaded = False
        self._announced = None
        self.set_reactive(CandidateTable.cursor, 0)
        self.scroll_to(y=0, animate=False)
        cached = self._orders.get(query)
        if cached is not None:  # seen since the last edit: every page is a primary-key look-up
            self._order = cached
            self._counted(len(cached))
            self._fetch(0)
        elif query.sort == "score":  # indexed: the first page and the count come at once, the order after
            self._fetch(0, count=True)
        else:
            self._fetch_order()
        self.refresh()

    def reload(self) -> None:
        """Fetch the same query again (after an edit), keeping the cursor and the old rows meanwhile.

        The old order still finds the rows (by rowid), so the visible page is fresh at
        once; the new order replaces it when it is ready, in case the edit moved rows.
        """
        if self.query_ is None:
            return
        self._gen += 1
        self._orders.clear()  # an edit may have moved rows in any order
        self._stale = self._keep_visible({**self._stale, **self._pages})
        self._pages.clear()
        self._pending.clear()
        self._announced = None
        self._fetch(self.cursor // PAGE)
        self._fetch_order()

    def _keep_visible(self, pages: dict[int, list[dict[str, Any]]]) -> dict[int, list[dict[str, Any]]]:
        """Stale pages only matter where the eye is (around the cursor and the top of the view)."""
        near = {self.cursor // PAGE, round(self.scroll_y) // PAGE}
        return {p: rows for p, rows in pages.items() if any(abs(p - q) <= 1 for q in near)}

    def _fail(self, gen: int, query: ListQuery, error: BaseException) -> None:
        if gen == self._gen and self._failed != gen:
            self._failed = gen
            self.post_message(self.Failed(query, error))

    def _fetch_order(self) -> None:
        query = self.query_
        if query is None or query.job_id is None:
            return
        gen, job_id = self._gen, query.job_id

        def work(store: Any) -> array[int]:
            check_search(store, query.search)
            return order_rowids(
                store, job_id, sort=query.sort, descending=query.descending, **query.filters()
            )

        run_db(
            self,
            work,
            lambda order: self._ordered(gen, order),
            on_error=lambda error: self._fail(gen, query, error),
            group="table-order",
            description="order",
        )

    def _ordered(self, gen: int, order: array[int]) -> None:
        if gen != self._gen:
            return
        fresh = self._order is not None  # a reload: pages fetched with the old order may be out of place
        self._order = order
        assert self.query_ is not None
        self._orders[self.query_] = order
        while len(self._orders) > MAX_ORDERS:
            self._orders.popitem(last=False)
        if fresh:
            self._stale = self._keep_visible({**self._stale, **self._pages})
            self._pages.clear()
            self._pending.clear()
        self._counted(len(order))
        self._fetch(self.cursor // PAGE)
        self.refresh()
        self._announce()

    def _counted(self, total: int) -> None:
        self.total = total
        self.loaded = True
        self._stale = {p: r for p, r in self._stale.items() if p * PAGE < total}
        self.virtual_size = Size(self._width(), total + 1)
        if self.cursor >= total:
            self.set_reactive(CandidateTable.cursor, max(0, total - 1))
        assert self.query_ is not None
        self.post_message(self.Counted(self.query_, total))

    def _fetch(self, page: int, *, count: bool = False) -> None:
        """Fetch one page: by rowid once the order is known, else by offset (score order only:
        any other order costs a full sort per page, so those pages wait for the order)."""
        query = self.query_
        if query is None or query.job_id is None or page < 0 or page in self._pending:
            return
        order = self._order
        if order is None and query.sort != "score":
            return
        self._pending.add(page)
        gen, job_id = self._gen, query.job_id

        def fetch(store: Any) -> tuple[list[dict[str, Any]], int | None]:
            if order is not None:
                return rows_at(
                    store, order[page * PAGE : (page + 1) * PAGE], first_rank=page * PAGE + 1
                ), None
            check_search(store, query.search)  # a typo must read as one, whichever fetch meets it first
            rows = ranked(
                store,
                job_id,
                offset=page * PAGE,
                limit=PAGE,
                sort=query.sort,
                descending=query.descending,
                **query.filters(),
            )
            return rows, count_fast(store, job_id, **query.filters()) if count else None

        def failed(error: BaseException) -> None:
            self._pending.discard(page)
            self._fail(gen, query, error)

        run_db(
            self,
            fetch,
            lambda result: self._loaded(gen, page, *result),
            on_error=failed,
            group="table-page",
            description=f"page {page}",
        )

    def _loaded(self, gen: int, page: int, rows: list[dict[str, Any]], total: int | None) -> None:
        if gen != self._gen:
            return
        self._pending.discard(page)
        self._pages[page] = rows
        self._pages.move_to_end(page)
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        if total is not None and self._order is None:
            self._counted(total)
            self._fetch_order()  # now, not sooner: the first page should not wait behind a full sort
        self.refresh()
        self._announce()

    def row_at(self, index: int) -> dict[str, Any] | None:
        page, offset = divmod(index, PAGE)
        rows = self._pages.get(page)
        if rows is not None:
            self._pages.move_to_end(page)
        else:
            rows = self._stale.get(page)
        if rows is None or offset >= len(rows):
            return None
        return rows[offset]

    @property
    def current_row(self) -> dict[str, Any] | None:
        return self.row_at(self.cursor) if self.total else None

    def _announce(self) -> None:
        """Tell the screen which row is under the cursor, once per row and only with fresh data."""
        if not self.loaded:
            return
        if self.total == 0:
            if self._announced != "":
                self._announced = ""
                self.post_message(self.Highlighted(None))
            return
        page = self.cursor // PAGE
        if page not in self._pages:
            self._fetch(page)
            return
        row = self.row_at(self.cursor)
        if row is not None and self._announced != row["application_id"]:
            self._announced = row["application_id"]
            self.post_message(self.Highlighted(row))

    # -- cursor ---------------------------------------------------------------------------
    def _body_height(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def _width(self) -> int:
        return max(20, self.scrollable_content_region.width)

    def watch_cursor(self, old: int, new: int) -> None:
        height = self._body_height()
        top = round(self.scroll_y)
        if new < top:
            self.scroll_to(y=new, animate=False)
        elif new >= top + height:
            self.scroll_to(y=new - height + 1, animate=False)
        self.refresh()
        page, offset = divmod(new, PAGE)
        if offset > PAGE - PREFETCH and (page + 1) * PAGE < self.total:
            self._fetch(page + 1)
        elif offset < PREFETCH and page > 0:
            self._fetch(page - 1)
        self._announce()

    def move_to(self, index: int) -> None:
        if self.total:
            self.cursor = max(0, min(self.total - 1, index))

    def action_cursor_up(self) -> None:
        self.move_to(self.cursor - 1)

    def action_cursor_down(self) -> None:
        self.move_to(self.cursor + 1)

    def action_page_up(self) -> None:
        self.move_to(self.cursor - self._body_height())

    def action_page_down(self) -> None:
        self.move_to(self.cursor + self._body_height())

    def action_first(self) -> None:
        self.move_to(0)

    def action_last(self) -> None:
        self.move_to(self.total - 1)

    def action_select(self) -> None:
        row = self.current_row
        if row is not None:
            self.post_message(self.Selected(row))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        if offset.y == 0:
            x = 0
            for key, _, width in layout(self._width(), self.total, self.blind):
                if x <= offset.x < x + width + 1 and key in SORT_KEYS:
                    self.post_message(self.HeaderClicked(SORT_KEYS[key]))
                    return
                x += width + 1
            return
        index = round(self.scroll_y) + offset.y - 1
        if index < self.total:
            if index == self.cursor and event.chain == 2:
                self.action_select()
            self.move_to(index)

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(self._width(), self.total + 1)

    # -- drawing --------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        width = self._width()
        base = self.rich_style
        if y == 0:
            return self._header(width, base)
        index = round(self.scroll_y) + y - 1
        if index >= self.total:
            return Strip.blank(width, base)
        row = self.row_at(index)
        if row is None:
            self.call_later(self._fetch, index // PAGE)
            muted = base + self.get_component_rich_style("candidate-table--muted")
            return Strip([Segment(fit(f"{index + 1:>4}  …", width), muted)], width)
        return self._row(index, row, width, base)

    def _header(self, width: int, base: Style) -> Strip:
        style = base + self.get_component_rich_style("candidate-table--header")
        text = header_text(width, self.total, self.query_, self.blind)
        return Strip([Segment(text, style)], width)

    def _row(self, index: int, row: dict[str, Any], width: int, base: Style) -> Strip:
        if index == self.cursor:
            base = base + self.get_component_rich_style("candidate-table--cursor")
        styles = {
            "": base,
            "bar": base + self.get_component_rich_style("candidate-table--bar", partial=True),
            "flag": base + self.get_component_rich_style("candidate-table--flag", partial=True),
            "muted": base + self.get_component_rich_style("candidate-table--muted", partial=True),
        }
        cells = row_cells(
            index, row, width, self.total, blind=self.blind, marked=row["candidate_id"] in self.marked
        )
        segments: list[Segment] = []
        for i, (text, kind) in enumerate(cells):
            if i:
                segments.append(Segment(" ", base))
            segments.append(Segment(text, styles[kind]))
        return Strip(segments).adjust_cell_length(width, base)
