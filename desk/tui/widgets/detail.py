"""The detail pane: the score breakdown of the highlighted candidate."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from desk.tui.render import breakdown_content


class DetailPane(VerticalScroll):
    """Scrolls on its own (tab into it), so a long breakdown never pushes the table away."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.data: dict[str, Any] | None = None
        self.blind = False

    def compose(self) -> ComposeResult:
        yield Static(Content.styled("No candidate selected", "$text-muted"), id="detail-body")

    def show(self, data: dict[str, Any] | None, *, blind: bool, message: str = "") -> None:
        self.data, self.blind = data, blind
        body = self.query_one("#detail-body", Static)
        if data is None:
            body.update(Content.styled(message or "No candidate selected", "$text-muted"))
            return
        body.update(breakdown_content(data, blind, self.text_width))

    @property
    def text_width(self) -> int:
        """The width to wrap at, as if the scrollbar were there: whether it is depends on the
        wrapped height, so measuring the live region would make the wrap (and snapshots) wobble."""
        room = self.region.width - self.styles.gutter.width - self.styles.scrollbar_size_vertical
        return max(20, room) if self.region.width else 80

    def redraw(self, blind: bool) -> None:
        self.show(self.data, blind=blind)

    def on_resize(self) -> None:
        if self.data is not None:
            self.redraw(self.blind)

    @property
    def candidate_id(self) -> str | None:
        return None if self.data is None else self.data["summary"]["candidate_id"]
