"""The ``desk`` command. Subcommand modules are imported here, the TUI only on demand."""

from __future__ import annotations

import click

from desk import __version__
from desk.cli.candidates import candidate_group
from desk.cli.common import AppContext, DeskGroup, fail
from desk.cli.db import db_group
from desk.cli.demo import demo_cmd
from desk.cli.export import export_cmd, merge_cmd, sync_cmd
from desk.cli.imports import import_cmd
from desk.cli.jobs import explain_cmd, job_group, score_cmd
from desk.cli.skills import skills_group
from desk.errors import DeskError


@click.group(cls=DeskGroup, invoke_without_command=True)
@click.option(
    "--db",
    "db_option",
    type=click.Path(dir_okay=False),
    envvar=None,
    help="Database file (default: $DESK_DB, else the user data directory).",
)
@click.version_option(__version__, prog_name="desk")
@click.pass_context
def cli(ctx: click.Context, db_option: str | None) -> None:
    """desk: an offline recruiting desk for people who hire engineers.

    Run without a command to open the terminal UI on your database;
    `desk demo` opens it on a demo database built from bundled samples.
    """
    app = AppContext(db_option=db_option)
    ctx.obj = app
    ctx.call_on_close(app.close)
    if ctx.invoked_subcommand is None:
        from desk.tui import run  # imported here so other commands never load Textual

        try:
            run(app.db_path)
        except DeskError as exc:
            fail(str(exc))


for command in (
    db_group,
    job_group,
    score_cmd,
    explain_cmd,
    skills_group,
    candidate_group,
    import_cmd,
    demo_cmd,
    export_cmd,
    sync_cmd,
    merge_cmd,
):
    cli.add_command(command)


def main() -> None:
    cli(prog_name="desk")
