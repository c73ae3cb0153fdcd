"""Import progress and results; the import keeps running when you leave this screen."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import ProgressBar, Static

from desk.services.candidates import failed_documents
from desk.tui.background import run_db
from desk.tui.keys import HELP
from desk.tui.transfer import ImportChanged, ImportState
from desk.tui.widgets.footer import DeskFooter


class ImportScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        HELP,
        Binding("escape", "back", "Back (import continues)"),
        Binding("x", "cancel_import", "Stop import"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="import"):
            yield Static(id="import-title", classes="screen-title")
            yield ProgressBar(id="import-bar", show_eta=False)
            yield Static(id="import-line")
            with VerticalScroll(id="import-report"):
                yield Static(id="import-result")
                yield Static(id="import-failed")
        yield DeskFooter()

    @property
    def state(self) -> ImportState | None:
        return getattr(self.app, "import_state", None)

    def on_mount(self) -> None:
        self.redraw()
        self.load_failed()

    def on_import_changed(self, _: ImportChanged) -> None:
        self.redraw()
        if self.state is not None and not self.state.running:
            self.load_failed()

    def load_failed(self) -> None:
        run_db(self, failed_documents, self._show_failed, group="failed-docs", exclusive=True)

    def redraw(self) -> None:
        state = self.state
        title = self.query_one("#import-title", Static)
        bar = self.query_one("#import-bar", ProgressBar)
        line = self.query_one("#import-line", Static)
        result = self.query_one("#import-result", Static)
        if state is None:
            title.update("No import yet: press i and give a file, folder or .zip")
            return
        title.update(Content.assemble(("Import ", "bold"), (state.path, "bold $text-accent")))
        if state.running:
            bar.update(total=state.total or None, progress=state.done)
            eta = "" if state.eta is None else f" · about {int(state.eta)}s left"
            rate = f" · {state.rate:.0f} files/s" if state.rate else ""
            line.update(
                Content.assemble(
                    f"{state.done}/{state.total or '?'}{rate}{eta}  ", (state.current, "$text-muted")
                )
            )
            result.update("")
            return
        bar.update(total=max(1, state.total), progress=max(1, state.total) if state.report else state.done)
        if state.error:
            line.update(Content.styled(f"Import failed: {state.error}", "bold $text-error"))
            return
        line.update(
            Content.styled(
                "Finished" + (" (stopped)" if state.report and state.report.get("interrupted") else ""),
                "bold",
            )
        )
        result.update(self._report(state.report or {}))

    @staticmethod
    def _report(r: dict[str, Any]) -> Content:
        failed = r.get("failed") or []
        merged = r.get("merged") or []
        lines = [
            Content.assemble(
                ("imported ", "$text-muted"),
                str(r.get("imported", 0)),
                ("  updated ", "$text-muted"),
                str(r.get("updated", 0)),
                ("  skipped ", "$text-muted"),
                str(r.get("skipped", 0)),
                ("  failed ", "$text-muted"),
                (str(len(failed)), "$text-error" if failed else ""),
                ("  merged ", "$text-muted"),
                str(len(merged)),
            )
        ]
        for m in merged:
            lines.append(
                Content.assemble(
                    ("  merged ", "$text-accent"),
                    m.get("path", ""),
                    ("  " + m.get("reason", ""), "$text-muted"),
                )
            )
        for f in failed:
            lines.append(
                Content.assemble(
                    ("  failed ", "$text-error"),
                    f.get("path", ""),
                    ("  " + f.get("reason", ""), "$text-muted"),
                )
            )
        return Content("\n").join(lines)

    def _show_failed(self, docs: list[dict[str, Any]]) -> None:
        widget = self.query_one("#import-failed", Static)
        if not docs:
            widget.update(Content.styled("\nNo documents have failed to import.", "$text-muted"))
            return
        lines = [Content.styled(f"\nDocuments that could not be read ({len(docs)})", "bold underline")]
        for d in docs:
            lines.append(
                Content.assemble(("✗ ", "$text-error"), d["path"], ("  " + (d["error"] or ""), "$text-muted"))
            )
        widget.update(Content("\n").join(lines))

    def action_back(self) -> None:
        self.dismiss()

    def action_cancel_import(self) -> None:
        self.app.cancel_import()
