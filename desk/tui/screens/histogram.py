"""How a job's candidates spread over the score range (bucket counts from SQL)."""

from __future__ import annotations

from typing import Any, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from desk.services.jobs import job_summary
from desk.services.views import score_histogram
from desk.tui.background import run_db
from desk.tui.keys import HELP
from desk.tui.widgets.footer import DeskFooter

BUCKET_CHOICES = (5, 10, 20)


class HistogramScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        HELP,
        Binding("escape,backspace", "back", "Back"),
        Binding("plus,equals_sign", "buckets(1)", "Finer"),
        Binding("minus", "buckets(-1)", "Coarser"),
    ]

    def __init__(self, job_id: str, *, highlight: float | None = None) -> None:
        super().__init__()
        self.job_id = job_id
        self.highlight = highlight
        self.buckets = 10
        self.data: dict[str, Any] | None = None
        self.title_text = ""

    def compose(self) -> ComposeResult:
        yield Static(id="histo-title", classes="screen-title")
        with VerticalScroll(id="histo"):
            yield Static(id="histo-body")
        yield DeskFooter()

    def on_mount(self) -> None:
        self.load()

    def load(self) -> None:
        job_id, buckets = self.job_id, self.buckets

        def read(store: Any) -> dict[str, Any]:
            data = score_histogram(store, job_id, buckets=buckets)
            data["title"] = job_summary(store, job_id)["title"]
            return data

        run_db(self, read, self._loaded, group="histogram", exclusive=True)

    def _loaded(self, data: dict[str, Any]) -> None:
        self.data = data
        self.redraw()

    def on_resize(self, _: events.Resize) -> None:
        self.redraw()

    def redraw(self) -> None:
        data = self.data
        if data is None:
            return
        stats = (
            "no scores yet"
            if not data["total"]
            else (
                f"{data['total']} candidates · mean {data['mean']:.1f} · median {data['median']:.1f} · "
                f"range {data['min']:.1f}–{data['max']:.1f}"
            )
        )
        self.query_one("#histo-title", Static).update(
            Content.assemble(("Score histogram ", "bold"), data["title"])
        )
        peak = max((b["count"] for b in data["buckets"]), default=0) or 1
        width = max(10, self.size.width - 30)
        lines = [Content.styled(stats, "$text-muted"), Content("")]
        for b in reversed(data["buckets"]):
            label = f"{b['lo']:>5.0f}–{b['hi']:<4.0f}"
            bar = "█" * round(b["count"] / peak * width) if b["count"] else ""
            here = self.highlight is not None and (
                b["lo"] <= self.highlight < b["hi"] or (b["hi"] >= 100 and self.highlight >= 100)
            )
            lines.append(
                Content.assemble(
                    (label, "$text-muted"),
                    " │",
                    (bar, "$text-accent" if not here else "$text-warning"),
                    f" {b['count']}",
                    ("  ◀ highlighted candidate" if here else "", "$text-warning"),
                )
            )
        self.query_one("#histo-body", Static).update(Content("\n").join(lines))

    def action_buckets(self, step: int) -> None:
        index = BUCKET_CHOICES.index(self.buckets) + step
        if 0 <= index < len(BUCKET_CHOICES):
            self.buckets = BUCKET_CHOICES[index]
            self.load()

    def action_back(self) -> None:
        self.dismiss()
