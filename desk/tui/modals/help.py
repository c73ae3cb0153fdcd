"""`?`: every key the current screen answers to, with what it does."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,question_mark", "close", "Close")]

    def __init__(self, title: str, sections: list[tuple[str, list[tuple[str, str]]]]) -> None:
        super().__init__(classes="prompt")
        self.title_text = title
        self.sections = sections

    def compose(self) -> ComposeResult:
        width = max((len(k) for _, keys in self.sections for k, _ in keys), default=4) + 2
        lines: list[Content] = []
        for title, keys in self.sections:
            lines.append(Content.styled(("\n" if lines else "") + title, "bold underline"))
            lines.extend(
                Content.assemble((key.ljust(width), "bold $text-accent"), text) for key, text in keys
            )
        body = Content("\n").join(lines)
        with Vertical(classes="dialog help"):
            yield Label(self.title_text, classes="dialog-title")
            with VerticalScroll():
                yield Static(body, id="help-body")
            yield Static("escape: close · ctrl+p: command palette", classes="dialog-keys")

    def action_close(self) -> None:
        self.dismiss(None)
