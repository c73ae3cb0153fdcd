"""Pick one of a few values (a stage, a sort column, an export mode)."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option


class ChoicePrompt(ModalScreen[str | None]):
    """Options are (value, label); the current value starts highlighted. Digits pick directly."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, options: list[tuple[str, str]], *, current: str | None = None) -> None:
        super().__init__(classes="prompt")
        self.title_text = title
        self.options = options
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield OptionList(
                *(Option(f"{i + 1}  {label}", id=value) for i, (value, label) in enumerate(self.options)),
                id="choice-list",
            )
            yield Static("enter or 1-9: choose · escape: cancel", classes="dialog-keys")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        values = [v for v, _ in self.options]
        if self.current in values:
            options.highlighted = values.index(self.current)
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def on_key(self, event: events.Key) -> None:
        if event.key.isdigit() and 1 <= int(event.key) <= len(self.options):
            event.stop()
            self.dismiss(self.options[int(event.key) - 1][0])

    def action_cancel(self) -> None:
        self.dismiss(None)
