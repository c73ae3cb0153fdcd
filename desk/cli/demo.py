"""``desk demo``: build a fresh demo database from the bundled samples and open the TUI on it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import click

from desk.cli.common import AppContext, emit_json, json_option, pass_app
from desk.errors import DeskError
from desk.paths import default_db_path


def demo_path() -> Path:
    """Beside the user's database, never the user's database itself."""
    return default_db_path().with_name("demo.db")


def _is_demo(path: Path) -> bool:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'demo'").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return bool(row and row[0] == "1")


@click.command(name="demo")
@click.option("--open/--no-open", "open_tui", default=True, help="Open the TUI when the database is built.")
@click.option("--workers", type=click.IntRange(1), help="Import workers (default: the number of cores).")
@json_option
@pass_app
def demo_cmd(app: AppContext, open_tui: bool, workers: int | None, as_json: bool) -> None:
    """Build a demo database (5 JDs, 46 resumes in PDF/DOCX/text/JSON) and open it.

    The demo lives in its own file (demo.db beside your database, or --db PATH if
    that is a demo database or does not exist yet); your own data is never touched.
    """
    from desk.services.demo import build_demo
    from desk.store import open_store

    path = Path(app.db_option).expanduser() if app.db_option else demo_path()
    if path.exists() and path.stat().st_size > 0 and not _is_demo(path):
        raise DeskError(f"refusing to rebuild {path}: it is not a demo database (pick another --db)")
    if not as_json:
        click.echo(f"building the demo database at {path} ...", err=True)
    summary = build_demo(path, workers=workers)
    with open_store(path) as store, store.write():
        store.db["meta"].upsert({"key": "demo", "value": "1"}, pk="key")
    if as_json:
        emit_json(summary)
    else:
        click.echo(
            f"{len(summary['jobs'])} jobs, {summary['imported']} resumes imported "
            f"({summary['updated']} merged into known people, {len(summary['failed'])} failed)",
            err=True,
        )
    if open_tui:
        from desk.tui import run

        run(path)
