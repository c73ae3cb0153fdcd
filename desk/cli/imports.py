"""``desk import``: bulk-load resumes from files, folders, globs and zips, with a per-file report.

stdout carries only the ``--json`` summary; progress, per-file lines and the summary go
to stderr. Exit codes: 0 everything imported (or unchanged), 3 some files failed,
130 interrupted (what was stored stays stored; run the same command again to finish).
"""

from __future__ import annotations

import sys
import time
from typing import Any, TextIO

import click

from desk.cli.common import AppContext, emit_json, json_option, pass_app
from desk.errors import DeskError


def _size(ctx: click.Context, param: click.Parameter, value: str) -> int:
    from desk.importer import parse_size

    try:
        return parse_size(value)
    except DeskError as exc:
        raise click.BadParameter(str(exc)) from None


class _Progress:
    """A redrawn bar on a terminal; one line per stored or failed file otherwise (none with --json)."""

    def __init__(self, stream: TextIO, *, quiet: bool) -> None:
        self.stream = stream
        self.tty = stream.isatty()
        self.quiet = quiet
        self._drawn = 0.0
        self._width = 0

    def __call__(self, p: Any) -> None:
        if self.tty:
            if p.outcome == "failed" and not self.quiet:
                self._clear()
                self.stream.write(f"failed   {p.path}: {p.detail}\n")
            now = time.monotonic()
            if now - self._drawn >= 0.1 or p.done == p.total:
                self._drawn = now
                self._draw(p)
            return
        if self.quiet or p.outcome == "skipped":
            return
        label = {"imported": "imported", "updated": "merged", "failed": "failed"}.get(p.outcome, p.outcome)
        tail = f" ({p.detail})" if p.detail and p.outcome != "imported" else ""
        self.stream.write(f"{label:<9}{p.path}{tail}\n")
        self.stream.flush()

    def _draw(self, p: Any) -> None:
        share = p.done / p.total if p.total else 1.0
        bar = "#" * int(share * 24)
        eta = "--:--" if p.eta is None else f"{int(p.eta) // 60}:{int(p.eta) % 60:02d}"
        line = f"[{bar:<24}] {p.done}/{p.total} files  {p.rate:.1f} files/s  ETA {eta}"
        self._clear()
        self.stream.write(line)
        self.stream.flush()
        self._width = len(line)

    def _clear(self) -> None:
        if self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self._width = 0

    def close(self) -> None:
        if self.tty:
            self._clear()
            self.stream.flush()


@click.command(name="import")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--workers", type=click.IntRange(1), default=None, help="Worker processes [default: one per core]."
)
@click.option(
    "--pdf-engine",
    type=click.Choice(["pdfium", "pdfplumber"]),
    default="pdfium",
    show_default=True,
    help="PDF reader (the other one is the fallback when it fails).",
)
@click.option(
    "--max-size", default="20MB", show_default=True, callback=_size, help="Refuse files larger than this."
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=60.0,
    show_default=True,
    help="Seconds one file may take; its worker is killed past it and the file reported.",
)
@click.option(
    "--batch-size", type=click.IntRange(1), default=32, show_default=True, help="Files per transaction."
)
@click.option("--retry-failed", is_flag=True, help="Read again files that failed before (same bytes).")
@json_option
@pass_app
def import_cmd(
    app: AppContext,
    paths: tuple[str, ...],
    workers: int | None,
    pdf_engine: str,
    max_size: int,
    timeout: float,
    batch_size: int,
    retry_failed: bool,
    as_json: bool,
) -> None:
    """Import resumes: files, folders (recursively), globs and .zip archives.

    Reads PDF, DOCX, TXT, MD and JSON Resume. Files already imported (same bytes) are
    skipped without being read; the same person in several files becomes one candidate.
    Every candidate is scored against every open job as it is stored.

    Exit codes: 0 all imported or unchanged, 3 some files failed (each is listed
    with its reason), 130 interrupted (run the same command again to finish).
    """
    from desk.importer.server import start_early

    start_early()  # the workers' server warms up while this process loads the importer
    from desk.importer import ImportOptions, import_paths

    options = ImportOptions(
        workers=workers,
        pdf_engine=pdf_engine,
        max_bytes=max_size,
        timeout=timeout,
        batch_size=batch_size,
        retry_failed=retry_failed,
    )
    progress = _Progress(sys.stderr, quiet=as_json)
    try:
        report = import_paths(app.db_path, list(paths), options, progress=progress)
    finally:
        progress.close()
    if as_json:
        emit_json(report.to_dict())
    else:
        _summary(report)
    if report.exit_code:
        raise SystemExit(int(report.exit_code))


def _summary(report: Any) -> None:
    """Failures again at the end (a terminal scrolled them away), then one line of counts."""
    if report.failed:
        click.echo(f"{len(report.failed)} file(s) failed:", err=True)
        for f in report.failed:
            click.echo(f"  {f['path']}: {f['reason']} [{f['code']}]", err=True)
    click.echo(report.summary(), err=True)
    if report.interrupted:
        click.echo("run the same command again to finish the import", err=True)
