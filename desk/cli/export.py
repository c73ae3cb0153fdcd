"""``desk export``, ``desk sync``, ``desk merge``: the desk's work out as JSON, to a server, and back in."""

from __future__ import annotations

import os
import sys

import click

from desk.cli.common import AppContext, emit_json, json_option, pass_app
from desk.errors import DeskError

validate_option = click.option(
    "--validate/--no-validate",
    default=True,
    show_default=True,
    help="Check every entity of the given file(s) against the export schema (slow for very large "
    "files; the header and the counts are always checked).",
)


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so the interpreter's final flush stays quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # not a real file (tests)
        pass


def _counts_line(counts: dict[str, int]) -> str:
    return ", ".join(f"{n} {name.replace('_', ' ')}" for name, n in counts.items())


@click.command(name="export")
@click.option(
    "-o",
    "--output",
    default="-",
    show_default=True,
    metavar="FILE|-",
    help="Where to write; '-' is stdout. A file is written atomically (temp file + rename).",
)
@click.option("--all", "mode", flag_value="all", default=True, help="Export everything (the default).")
@click.option(
    "--since-last",
    "mode",
    flag_value="since-last",
    help="Export only what changed since the last export to the same FILE (or stdout).",
)
@click.option("--job", "job_ref", metavar="JOB", help="Only this job (id, id prefix or exact title).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "jsonl"]),
    default="json",
    show_default=True,
    help="json: one document; jsonl: a header line, then one entity per line (for very large exports).",
)
@click.option("--redact", is_flag=True, help="Leave out personal data; names become stable pseudonyms.")
@click.option("--schema", "print_schema", is_flag=True, help="Print the export's JSON Schema and exit.")
@json_option
@pass_app
def export_cmd(
    app: AppContext,
    output: str,
    mode: str,
    job_ref: str | None,
    fmt: str,
    redact: bool,
    print_schema: bool,
    as_json: bool,
) -> None:
    """Export jobs, candidates, scored applications, notes and deletions as versioned JSON.

    With --since-last only what changed since the previous export to the same
    place is written, and the place's cursor moves only once the export is
    complete. With --json a summary is printed (for a FILE; with -o - the export
    itself is the JSON document on stdout).
    """
    if print_schema:
        from desk.export.schema import schema_text

        sys.stdout.write(schema_text())
        return
    from desk.export import export_to_file, export_to_stream
    from desk.services.jobs import resolve_job

    store = app.store()
    job_id = resolve_job(store, job_ref) if job_ref else None
    if output == "-":
        if as_json and fmt == "jsonl":
            raise click.UsageError(
                "--json asks for one JSON document; with -o - and --format jsonl, drop --json"
            )
        try:
            export_to_stream(store, sys.stdout, mode=mode, job_id=job_id, fmt=fmt, redact=redact)
        except BrokenPipeError:  # e.g. piped into head: not complete, so the cursor stays put
            _silence_stdout()
            raise DeskError(
                "the output was closed before the export was complete; the cursor did not move"
            ) from None
        return
    summary = export_to_file(store, output, mode=mode, job_id=job_id, fmt=fmt, redact=redact)
    if as_json:
        emit_json(summary)
        return
    rng = summary["range"]
    click.echo(
        f"{summary['path']}: {_counts_line(summary['counts'])} (events {rng['from_seq']}..{rng['to_seq']})"
    )


@click.command(name="sync")
@click.argument("dsn", metavar="POSTGRESQL_URL")
@click.argument("exports", nargs=-1, type=click.Path(exists=True), metavar="[EXPORT]...")
@validate_option
@json_option
@pass_app
def sync_cmd(app: AppContext, dsn: str, exports: tuple[str, ...], validate: bool, as_json: bool) -> None:
    """Apply exports to a PostgreSQL server (the reference ingest), creating its schema if needed.

    With EXPORT files or folders, apply them in change-log order. Without, export
    what changed since this desk's last sync to that server and apply it. Needs the
    optional extra: pip install 'desk[sync]'.
    """
    from desk.sync import sync_files, sync_store

    if exports:
        report = sync_files(dsn, list(exports), validate=validate)
    else:  # an export made here and now needs no second check
        report = sync_store(app.store(), dsn)
    if as_json:
        emit_json(report)
        return
    for item in report["applied"]:
        parts = [
            f"{kind}: {c['inserted']} new, {c['updated']} updated, {c['ignored']} unchanged or older"
            + (f", {c['deleted']} rows deleted" if kind == "tombstone" else "")
            for kind, c in item["entities"].items()
        ]
        click.echo(f"{item['path']} -> {report['server']}: " + ("; ".join(parts) or "nothing to apply"))


@click.command(name="merge")
@click.argument("export", type=click.Path(exists=True, dir_okay=False), metavar="FILE")
@validate_option
@json_option
@pass_app
def merge_cmd(app: AppContext, export: str, validate: bool, as_json: bool) -> None:
    """Merge another desk's export (FILE) into this desk: newer rows win, deletions apply.

    Merging the same file twice changes nothing; rows that did not change write
    no events, so exporting back and forth does not ping-pong.
    """
    from desk.export.merge import merge_file

    report = merge_file(app.store(), export, validate=validate)
    if as_json:
        emit_json(report)
        return
    for kind, outcome in report["entities"].items():
        shown = ", ".join(f"{n} {what}" for what, n in outcome.items() if n)
        click.echo(f"{kind + 's':<14} {shown}")
    for dup in report["duplicates"]:
        click.echo(f"possible duplicate: {dup['candidate_id']} and {dup['other_id']} ({dup['reason']})")
