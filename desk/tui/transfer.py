"""Import and export from inside the TUI, in workers that outlive the screen that started them.

The import runs ``desk.importer.import_paths`` (which opens its own Store) in a
thread worker owned by the app, so the user can leave the progress screen and
keep working; progress arrives as messages that replace each other, so a flood
of per-file updates collapses into the latest one. Export runs
``desk.export.export_to_file`` the same way.
"""

from __future__ import annotations

import contextlib
import sys
import threading
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from textual.message import Message
from textual.worker import Worker, WorkerState

from desk.errors import DeskError
from desk.tui.modals.export import ExportPrompt, ExportRequest
from desk.tui.modals.prompt import TextPrompt

IMPORT_HINT = "A file, a folder (read recursively) or a .zip of PDF, DOCX, TXT, MD or JSON Resume files."


@dataclass
class ImportState:
    path: str
    cancel: threading.Event = field(default_factory=threading.Event)
    done: int = 0
    total: int = 0
    current: str = ""
    rate: float = 0.0
    eta: float | None = None
    running: bool = True
    report: dict[str, Any] | None = None
    error: str = ""


class ImportProgress(Message):
    def __init__(self, done: int, total: int, path: str, rate: float, eta: float | None) -> None:
        super().__init__()
        self.done, self.total, self.path, self.rate, self.eta = done, total, path, rate, eta

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, ImportProgress)


class ImportFinished(Message):
    def __init__(self, report: dict[str, Any]) -> None:
        super().__init__()
        self.report = report


class ImportChanged(Message):
    """Sent to the import screen whenever the shared ImportState changes."""


def _eta(seconds: float | None) -> str:
    if seconds is None:
        return ""
    seconds = int(seconds)
    return f"{seconds // 60}m{seconds % 60:02d}s" if seconds >= 60 else f"{seconds}s"


def progress_line(state: ImportState) -> str:
    if not state.running:
        return ""
    eta = _eta(state.eta)
    return (
        f"importing {state.done}/{state.total or '?'}"
        + (f" · {state.rate:.0f}/s" if state.rate else "")
        + (f" · eta {eta}" if eta else "")
    )


def start_process_helpers() -> None:
    """Start multiprocessing's helper processes now, on the UI thread, with the real stderr.

    While an app runs, Textual swaps ``sys.stderr`` for a capture whose ``fileno()`` is -1,
    and multiprocessing's resource tracker passes that fd to its child: the import's
    worker pool would fail with "bad value(s) in fds_to_keep". Started here first, the
    helpers are already running when the import thread needs them.
    """
    import multiprocessing.forkserver
    import multiprocessing.resource_tracker

    stderr = sys.__stderr__
    if stderr is None:  # pragma: no cover - no console at all
        return
    try:
        from desk.importer.server import context

        method = context().get_start_method()
    except ImportError:  # the importer will say so itself
        return
    with contextlib.redirect_stderr(stderr):
        multiprocessing.resource_tracker.ensure_running()
        if method == "forkserver":
            multiprocessing.forkserver.ensure_running()


class TransferMixin:
    """Import/export actions for DeskApp (kept out of app.py so that stays small)."""

    import_state: ImportState | None = None

    # -- import ---------------------------------------------------------------------------
    def action_import(self) -> None:
        app: Any = self
        if self.import_state is not None and self.import_state.running:
            self._show_import()
            return
        app.push_screen(
            TextPrompt("Import resumes", placeholder="path to a file, folder or .zip", hint=IMPORT_HINT),
            lambda path: self.start_import(path) if path and path.strip() else None,
        )

    def start_import(self, path: str) -> None:
        app: Any = self
        target = Path(path.strip()).expanduser()
        if not target.exists():
            app.notify(f"no such file or folder: {target}", severity="error")
            return
        state = self.import_state = ImportState(str(target))
        start_process_helpers()
        app.activity = progress_line(state)
        self._show_import()
        app.run_worker(
            lambda: self._import_work(state),
            name="import",
            group="import",
            thread=True,
            exclusive=True,
            exit_on_error=False,
        )

    def _show_import(self) -> None:
        from desk.tui.screens.importer import ImportScreen

        app: Any = self
        if not isinstance(app.screen, ImportScreen):
            app.push_screen(ImportScreen())

    def _import_work(self, state: ImportState) -> dict[str, Any]:
        app: Any = self
        try:
            from desk.importer import import_paths
        except ImportError as exc:
            raise DeskError(f"import is not available in this desk ({exc})") from exc

        def progress(p: Any) -> None:
            app.post_message(ImportProgress(p.done, p.total, str(p.path), p.rate, p.eta))

        options = getattr(app, "import_options", None)  # tests pass ImportOptions (workers, fault hooks)
        report = import_paths(
            app.db_path, [state.path], options=options, progress=progress, cancel=state.cancel
        )
        result = report.to_dict() if hasattr(report, "to_dict") else dict(report)
        app.post_message(ImportFinished(result))
        return result

    def cancel_import(self) -> None:
        if self.import_state is not None and self.import_state.running:
            self.import_state.cancel.set()
            self.notify("Stopping the import after the current files…")

    def on_import_progress(self, message: ImportProgress) -> None:
        state = self.import_state
        if state is None:
            return
        state.done, state.total, state.current = message.done, message.total, message.path
        state.rate, state.eta = message.rate, message.eta
        self._import_changed()

    def on_import_finished(self, message: ImportFinished) -> None:
        app: Any = self
        state = self.import_state
        if state is None:
            return
        state.running, state.report = False, message.report
        app.data_version += 1
        r = message.report
        failed = r.get("failed") or []
        app.notify(
            f"Imported {r.get('imported', 0)}, updated {r.get('updated', 0)}, skipped {r.get('skipped', 0)}, "
            f"failed {len(failed) if isinstance(failed, list) else failed}",
            title="Import finished",
            severity="warning" if failed else "information",
        )
        self._import_changed()
        self._refresh_main()

    def _import_failed(self, worker: Worker[Any]) -> None:
        state = self.import_state
        if state is not None and worker.name == "import" and worker.state == WorkerState.ERROR:
            state.running, state.error = False, str(worker.error)
            self._import_changed()

    def _import_changed(self) -> None:
        app: Any = self
        if self.import_state is not None:
            app.activity = progress_line(self.import_state)
        for screen in app.screen_stack:
            if screen.__class__.__name__ == "ImportScreen":
                screen.post_message(ImportChanged())

    def _refresh_main(self) -> None:
        app: Any = self
        from desk.tui.screens.main import MainScreen

        if isinstance(app.screen, MainScreen):
            app.screen.refresh_data()

    # -- export ---------------------------------------------------------------------------
    def action_export(self) -> None:
        app: Any = self
        from desk.tui.screens.main import MainScreen

        main = next((s for s in app.screen_stack if isinstance(s, MainScreen)), None)
        job_id = main.query_.job_id if main else None
        job = main.jobs.job(job_id) if main and job_id else None
        default = str(Path.cwd() / f"desk-export-{date.today():%Y%m%d}.json")
        app.push_screen(
            ExportPrompt(default, job_id=job_id, job_title=job["title"] if job else None),
            lambda req: self.start_export(req) if req else None,
        )

    def start_export(self, request: ExportRequest) -> None:
        app: Any = self
        from desk.tui.background import run_db

        def work(store: Any) -> dict[str, Any]:
            try:
                from desk.export import export_to_file
            except ImportError as exc:
                raise DeskError(f"export is not available in this desk ({exc})") from exc
            return export_to_file(
                store,
                request.path,
                mode=request.mode,
                job_id=request.job_id,
                fmt="json",
                redact=request.redact,
            )

        def done(summary: dict[str, Any]) -> None:
            app.activity = ""
            counts = summary.get("counts") or {}
            what = (
                ", ".join(f"{v} {k}" for k, v in counts.items()) if isinstance(counts, dict) else str(counts)
            )
            app.notify(f"{summary.get('path', request.path)}: {what}", title="Exported")

        def failed(error: BaseException) -> None:
            app.activity = ""
            message = str(error) if isinstance(error, DeskError) else f"{type(error).__name__}: {error}"
            app.notify(message, title="Export failed", severity="error")

        app.activity = f"exporting to {Path(request.path).name}…"
        run_db(app, work, done, on_error=failed, group="export", exclusive=True, description="export")
