"""The jobs list: one option per job with its candidate count and best score."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option


def job_prompt(job: dict[str, Any]) -> Content:
    best = "–" if job["best_score"] is None else f"{job['best_score']:.1f}"
    closed = " (closed)" if job.get("status") == "closed" else ""
    return Content.assemble(
        (job["title"] + closed, "bold"),
        "\n",
        (f"{job['candidates']} cand · best {best}", "$text-muted"),
    )


class JobsList(OptionList):
    """Options are keyed by job id, so a refresh keeps the highlighted job."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("k", "cursor_up", "Up", show=False),
        Binding("j", "cursor_down", "Down", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.jobs: list[dict[str, Any]] = []

    def set_jobs(self, jobs: list[dict[str, Any]], selected: str | None) -> None:
        self.jobs = jobs
        keep = selected if any(j["id"] == selected for j in jobs) else (jobs[0]["id"] if jobs else None)
        with self.prevent(OptionList.OptionHighlighted):
            self.clear_options()
            self.add_options([Option(job_prompt(j), id=j["id"]) for j in jobs])
            if keep is not None:
                self.highlighted = self.get_option_index(keep)

    @property
    def selected_job(self) -> dict[str, Any] | None:
        if self.highlighted is None or not self.jobs:
            return None
        return self.jobs[self.highlighted]

    def job(self, job_id: str) -> dict[str, Any] | None:
        return next((j for j in self.jobs if j["id"] == job_id), None)
