"""Filter the ranked list: stage, minimum score, has / lacks a skill, starred only."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Label, Select, Static

from desk.model import STAGES
from desk.tui.state import ListQuery


class FiltersPrompt(ModalScreen[ListQuery | None]):
    """Answers the new query; skill names are checked against the taxonomy before it closes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+r", "reset", "Clear all"),
        Binding("ctrl+s", "apply", "Apply"),
    ]

    def __init__(
        self, query: ListQuery, *, lookup: Callable[[str], str | None], name: Callable[[str], str]
    ) -> None:
        super().__init__(classes="prompt")
        self.query_ = query
        self.lookup = lookup
        self.skill_name = name

    def compose(self) -> ComposeResult:
        q = self.query_
        with Vertical(classes="dialog"):
            yield Label("Filters", classes="dialog-title")
            with Horizontal(classes="field"):
                yield Label("Stage", classes="field-label")
                yield Select(
                    [(s, s) for s in STAGES],
                    prompt="any stage",
                    value=q.stage or Select.NULL,
                    id="f-stage",
                    compact=True,
                )
            with Horizontal(classes="field"):
                yield Label("Min score", classes="field-label")
                yield Input(
                    "" if q.min_score is None else f"{q.min_score:g}",
                    placeholder="0-100",
                    type="number",
                    id="f-min",
                    compact=True,
                )
            with Horizontal(classes="field"):
                yield Label("Has skill", classes="field-label")
                yield Input(
                    self.skill_name(q.has_skill) if q.has_skill else "",
                    placeholder="e.g. Kafka",
                    id="f-has",
                    compact=True,
                )
            with Horizontal(classes="field"):
                yield Label("Lacks skill", classes="field-label")
                yield Input(
                    self.skill_name(q.lacks_skill) if q.lacks_skill else "",
                    placeholder="e.g. Java",
                    id="f-lacks",
                    compact=True,
                )
            yield Checkbox("Starred only", value=bool(q.starred), id="f-starred", compact=True)
            yield Static("", id="f-error", classes="dialog-error")
            yield Static("enter / ctrl+s: apply · ctrl+r: clear all · escape: cancel", classes="dialog-keys")

    def on_mount(self) -> None:
        self.query_one("#f-min", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_apply()

    def _skill(self, widget_id: str) -> tuple[str | None, str]:
        text = self.query_one(widget_id, Input).value.strip()
        if not text:
            return None, ""
        sid = self.lookup(text)
        return sid, "" if sid else f"unknown skill {text!r}"

    def action_apply(self) -> None:
        error = self.query_one("#f-error", Static)
        raw = self.query_one("#f-min", Input).value.strip()
        try:
            min_score = float(raw) if raw else None
        except ValueError:
            error.update(f"minimum score must be a number, not {raw!r}")
            return
        has, has_err = self._skill("#f-has")
        lacks, lacks_err = self._skill("#f-lacks")
        if has_err or lacks_err:
            error.update(has_err or lacks_err)
            return
        stage = self.query_one("#f-stage", Select).value
        self.dismiss(
            replace(
                self.query_,
                stage=stage if isinstance(stage, str) else None,
                min_score=min_score,
                has_skill=has,
                lacks_skill=lacks,
                starred=True if self.query_one("#f-starred", Checkbox).value else None,
            )
        )

    def action_reset(self) -> None:
        self.dismiss(replace(self.query_.cleared(), search=self.query_.search))

    def action_cancel(self) -> None:
        self.dismiss(None)
