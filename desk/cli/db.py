"""``desk db``: where the database is and whether it is healthy."""

from __future__ import annotations

import click

from desk.cli.common import AppContext, emit_json, json_option, pass_app
from desk.exitcodes import ExitCode


@click.group(name="db")
def db_group() -> None:
    """Inspect the desk database."""


@db_group.command(name="path")
@json_option
@pass_app
def db_path(app: AppContext, as_json: bool) -> None:
    """Print the database path and why it was chosen (--db, DESK_DB or default)."""
    if as_json:
        emit_json({"path": str(app.db_path), "source": app.db_source, "exists": app.db_path.exists()})
    else:
        click.echo(str(app.db_path))


@db_group.command(name="check")
@json_option
@pass_app
def db_check(app: AppContext, as_json: bool) -> None:
    """Run SQLite's integrity check and report schema version and row counts."""
    from desk.store.health import check

    report = check(app.store())
    if as_json:
        emit_json(report)
    else:
        click.echo(f"path:            {report['path']}")
        click.echo(f"desk id:         {report['desk_id']}")
        click.echo(f"schema version:  {report['schema_version']} ({report['migrations'][-1]})")
        click.echo(f"integrity:       {report['integrity']}")
        click.echo(f"journal mode:    {report['journal_mode']}")
        for table, count in report["counts"].items():
            click.echo(f"  {table:<18} {count}")
    if not report["ok"]:
        raise SystemExit(int(ExitCode.ERROR))
