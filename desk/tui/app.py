"""DeskApp: holds what every screen shares (the database path, blind mode, background
activity) and the one place that turns a failed worker into a message for the user."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.reactive import reactive
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from desk.errors import DeskError
from desk.store import Store, open_store
from desk.tui.commands import DeskCommands
from desk.tui.modals.help import HelpScreen
from desk.tui.transfer import TransferMixin


class DeskApp(TransferMixin, App[None]):
    CSS_PATH = "desk.tcss"
    TITLE = "desk"
    COMMANDS = App.COMMANDS | {DeskCommands}
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (100, "-wide")]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Help"),
        Binding("ctrl+p", "command_palette", "Palette"),
        Binding("q", "quit", "Quit"),
        Binding("b", "toggle_blind", "Blind"),
        Binding("i", "import", "Import"),
        Binding("E,ctrl+e", "export", "Export"),
    ]

    #: hide names, contacts, links and schools everywhere
    blind: reactive[bool] = reactive(False)
    #: one line about work running in the background (import / export), shown in status bars
    activity: reactive[str] = reactive("")

    def __init__(self, db_path: Path) -> None:
        super().__init__()
        self.db_path = Path(db_path)
        #: bumped by every write made from the TUI, so a screen coming back knows to re-read
        self.data_version = 0
        # The UI thread's own connection, for small reads (taxonomy look-ups, the palette).
        # Opening here, before the app runs, lets a bad file fail as a plain DeskError.
        self.store: Store = open_store(self.db_path)
        self.sub_title = str(self.db_path)

    def get_default_screen(self) -> Screen:
        from desk.tui.screens.main import MainScreen

        return MainScreen()

    def on_unmount(self) -> None:
        self.store.close()

    # -- actions --------------------------------------------------------------------------
    def action_toggle_blind(self) -> None:
        self.blind = not self.blind
        self.notify(
            "Blind mode on: names, contacts, links and schools hidden" if self.blind else "Blind mode off"
        )

    def action_help(self) -> None:
        """Every key the screen answers to: its own first, then the global ones, then the pane's."""
        if isinstance(self.screen, HelpScreen):
            return
        sections: dict[str, dict[str, list[str]]] = {
            "This screen": {},
            "Everywhere": {},
            "In the focused pane": {},
        }
        for key, active in self.screen.active_bindings.items():
            inherited = active.binding.action in {b.action for b in Screen.BINDINGS}  # tab, ctrl+c
            if active.node is self.screen and not inherited:
                where = "This screen"
            elif active.node in (self, self.screen):
                where = "Everywhere"
            else:
                where = "In the focused pane"
            keys = sections[where]
            description = active.binding.description or active.binding.action
            keys.setdefault(description, []).append(self.get_key_display(active.binding) or key)
        rows = [
            (title, [(" / ".join(dict.fromkeys(k)), d) for d, k in keys.items()])
            for title, keys in sections.items()
            if keys
        ]
        name = self.screen.__class__.__name__.removesuffix("Screen")
        self.push_screen(HelpScreen(f"Keys: {name}", rows))

    # -- errors ---------------------------------------------------------------------------
    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The one place a failed worker becomes a message: never a crash, never silence."""
        if event.state != WorkerState.ERROR:
            return
        self._import_failed(event.worker)
        error = event.worker.error
        if isinstance(error, DeskError):
            self.notify(str(error), title="desk", severity="error")
        else:
            self.log.error(f"worker {event.worker.name} failed: {error!r}")
            self.notify(
                f"{type(error).__name__}: {error}", title="Unexpected error", severity="error", timeout=10
            )
