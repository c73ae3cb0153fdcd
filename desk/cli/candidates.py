"""``desk candidate``: who is in the database, in JSON Resume's shape."""

from __future__ import annotations

import click

from desk.cli.common import AppContext, column, emit_json, json_option, pass_app


@click.group(name="candidate")
def candidate_group() -> None:
    """List and show candidates."""


@candidate_group.command(name="list")
@click.option("--limit", type=click.IntRange(1), default=100, show_default=True)
@click.option("--offset", type=click.IntRange(0), default=0)
@json_option
@pass_app
def candidate_list(app: AppContext, limit: int, offset: int, as_json: bool) -> None:
    """List candidates by name."""
    from desk.services.candidates import list_candidates

    rows = list_candidates(app.store(), limit=limit, offset=offset)
    if as_json:
        emit_json(rows)
        return
    for r in rows:
        years = "-" if r["years_experience"] is None else f"{r['years_experience']:.1f}y"
        click.echo(f"{r['id'][:8]}  {column(r['name'] or '?', 36)} {years:>6}  {(r['email'] or '')[:36]}")


@candidate_group.command(name="show")
@click.argument("candidate")
@json_option
@pass_app
def candidate_show(app: AppContext, candidate: str, as_json: bool) -> None:
    """Show one candidate (id, id prefix or exact name)."""
    from desk.services.candidates import candidate_json, resolve_candidate
    from desk.services.taxonomy import taxonomy_for

    store = app.store()
    data = candidate_json(store, resolve_candidate(store, candidate), skill_names=taxonomy_for(store).name)
    if as_json:
        emit_json(data)
        return
    b = data["basics"]
    click.echo(f"{b['name']}  ({data['id']})")
    for label, value in (
        ("email", b["email"]),
        ("phone", b["phone"]),
        ("location", b["location"].get("address")),
    ):
        if value:
            click.echo(f"  {label}: {value}")
    years = data["years_experience"]
    click.echo(f"  experience: {'unknown' if years is None else f'{years:.1f} years'}")
    for w in data["work"]:
        end = "present" if w["current"] else (w["endDate"] or "?")
        click.echo(f"  - {w['position'] or '?'} at {w['name'] or '?'} ({w['startDate'] or '?'} – {end})")
    for e in data["education"]:
        click.echo(
            f"  * {e['studyType'] or ''} {e['area'] or ''}, {e['institution'] or ''} {e['endDate'] or ''}"
        )
    click.echo("  skills: " + ", ".join(s["name"] for s in data["skills"][:30]))
    for d in data["documents"]:
        click.echo(f"  document: {d['path']} ({d['status']})")
