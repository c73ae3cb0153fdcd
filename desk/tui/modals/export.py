"""Where and what to export: a path, everything or only what changed, redacted or not."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Label, RadioButton, RadioSet, Static


@dataclass(frozen=True)
class ExportRequest:
    path: str
    mode: str  # all | since-last
    redact: bool
    job_id: str | None


class ExportPrompt(ModalScreen[ExportRequest | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "apply", "Export"),
    ]

    def __init__(self, default_path: str, *, job_id: str | None, job_title: str | None) -> None:
        super().__init__(classes="prompt")
        self.default_path = default_path
        self.job_id = job_id
        self.job_title = job_title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Export to JSON", classes="dialog-title")
            yield Input(self.default_path, placeholder="path of the .json file", id="x-path", compact=True)
            with RadioSet(id="x-mode", compact=True):
                yield RadioButton("everything", value=True, id="x-all")
                yield RadioButton("only changes since the last export", id="x-since")
            yield Checkbox("redact personal data (names, contacts)", id="x-redact", compact=True)
            if self.job_id:
                yield Checkbox(f"only this job: {self.job_title}", id="x-job", compact=True)
            yield Static("", id="x-error", classes="dialog-error")
            yield Static("enter / ctrl+s: export · escape: cancel", classes="dialog-keys")

    def on_mount(self) -> None:
        self.query_one("#x-path", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_apply()

    def action_apply(self) -> None:
        path = self.query_one("#x-path", Input).value.strip()
        if not path:
            self.query_one("#x-error", Static).update("give a path for the export file")
            return
        since = self.query_one("#x-since", RadioButton).value
        only_job = bool(self.job_id) and self.query_one("#x-job", Checkbox).value
        self.dismiss(
            ExportRequest(
                path=path,
                mode="since-last" if since else "all",
                redact=self.query_one("#x-redact", Checkbox).value,
                job_id=self.job_id if only_job else None,
            )
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
