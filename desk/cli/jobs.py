"""``desk job``, ``desk score``, ``desk explain``: JDs in, ranked and explained candidates out."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from desk.cli.common import AppContext, column, emit_json, json_option, pass_app
from desk.errors import DeskError


def read_text_source(source: str) -> tuple[str, str | None]:
    """Text of a JD from a file (.txt, .md, .pdf, .docx) or '-' for stdin."""
    if source == "-":
        return sys.stdin.read(), None
    path = Path(source)
    if not path.exists():
        raise DeskError(f"no such file: {source}")
    if path.is_dir():
        raise DeskError(f"{source} is a directory; give a JD file")
    from desk.extract import ExtractError, extract_file

    try:
        return extract_file(path).text, str(path.resolve())
    except ExtractError as exc:
        raise DeskError(f"{source}: {exc}") from exc


@click.group(name="job")
def job_group() -> None:
    """Add, list and show job descriptions."""


@job_group.command(name="add")
@click.argument("source")
@click.option("--title", help="Use this title instead of the one found in the JD.")
@json_option
@pass_app
def job_add(app: AppContext, source: str, title: str | None, as_json: bool) -> None:
    """Parse a JD (FILE: .txt .md .pdf .docx, or - for stdin), store it, and rank every candidate."""
    from desk.services.jobs import add_job, job_summary

    text, path = read_text_source(source)
    store = app.store()
    job_id = add_job(store, text, source_path=path, title=title)
    summary = job_summary(store, job_id)
    if as_json:
        emit_json(summary)
        return
    click.echo(f"{summary['title']}  ({job_id})")
    for r in summary["requirements"]:
        click.echo(f"  {r['kind']:<9} w{r['weight']:<3} {r['label']}")
    if summary["years_note"]:
        click.echo(f"  note: {summary['years_note']}")


@job_group.command(name="list")
@json_option
@pass_app
def job_list(app: AppContext, as_json: bool) -> None:
    """List jobs with their number of candidates and best score."""
    from desk.services.jobs import list_jobs

    jobs = list_jobs(app.store())
    if as_json:
        emit_json(jobs)
        return
    if not jobs:
        click.echo("no jobs yet; add one with 'desk job add FILE'", err=True)
    for j in jobs:
        best = "-" if j["best_score"] is None else f"{j['best_score']:.1f}"
        click.echo(f"{j['id'][:8]}  {j['title'][:50]:<50}  {j['candidates']:>5} candidates  best {best}")


@job_group.command(name="show")
@click.argument("job")
@json_option
@pass_app
def job_show(app: AppContext, job: str, as_json: bool) -> None:
    """Show a job's parsed requirements (JOB: id, id prefix or exact title)."""
    from desk.services.jobs import job_summary, resolve_job

    store = app.store()
    summary = job_summary(store, resolve_job(store, job))
    if as_json:
        emit_json(summary)
        return
    click.echo(f"{summary['title']}  ({summary['id']})")
    for r in summary["requirements"]:
        ko = " KNOCKOUT" if r["knockout"] else ""
        click.echo(f"  [{r['id']}] {r['kind']:<9} w{r['weight']:<3} {r['label']}{ko}")
        click.echo(f"        from: {r['source'][:100]}")
    if summary["years_note"]:
        click.echo(f"  note: {summary['years_note']}")


@job_group.command(name="edit")
@click.argument("job")
@click.argument("requirement")
@click.option("--kind", type=click.Choice(["required", "preferred", "ignored"]))
@click.option("--weight", type=click.IntRange(0, 100))
@click.option("--knockout/--no-knockout", default=None, help="Rank candidates who miss it at 0.")
@json_option
@pass_app
def job_edit(
    app: AppContext,
    job: str,
    requirement: str,
    kind: str | None,
    weight: int | None,
    knockout: bool | None,
    as_json: bool,
) -> None:
    """Change one requirement (its id from 'desk job show') and rescore the job."""
    from desk.services.jobs import resolve_job, update_requirement

    store = app.store()
    req = update_requirement(
        store, resolve_job(store, job), requirement, kind=kind, weight=weight, knockout=knockout
    )
    if as_json:
        emit_json(
            {
                "id": req.id,
                "kind": req.kind,
                "weight": req.weight,
                "knockout": req.knockout,
                "label": req.label,
            }
        )
    else:
        click.echo(f"{req.label}: {req.kind}, weight {req.weight}{', knockout' if req.knockout else ''}")


@click.command(name="score")
@click.argument("job")
@click.option("--top", type=click.IntRange(1), default=20, show_default=True, help="How many candidates.")
@json_option
@pass_app
def score_cmd(app: AppContext, job: str, top: int, as_json: bool) -> None:
    """Rank the candidates for JOB, best first, with each one's breakdown."""
    from desk.services.jobs import resolve_job
    from desk.services.ranking import explain, ranked

    store = app.store()
    job_id = resolve_job(store, job)
    rows = ranked(store, job_id, limit=top)
    if as_json:
        emit_json(
            [
                {
                    "rank": r["rank"],
                    "candidate_id": r["candidate_id"],
                    "name": r["name"],
                    "score": r["score"],
                    "met": r["met"],
                    "required_total": r["required_total"],
                    "stage": r["stage"],
                    "breakdown": explain(store, job_id, r["candidate_id"]).to_dict(),
                }
                for r in rows
            ]
        )
        return
    for r in rows:
        years = "-" if r["years_experience"] is None else f"{r['years_experience']:.1f}y"
        click.echo(
            f"{r['rank']:>3}. {r['score']:6.2f}  {r['met']}/{r['required_total']:<3} {years:>6}  "
            f"{column(r['name'] or '?', 40)} {r['candidate_id'][:8]}"
        )


MARK = {"met": "✓", "partial": "~", "missing": "✗", "not-met": "✗", "unknown": "?"}


@click.command(name="explain")
@click.argument("job")
@click.argument("candidate")
@json_option
@pass_app
def explain_cmd(app: AppContext, job: str, candidate: str, as_json: bool) -> None:
    """Why CANDIDATE scores what they do for JOB: each requirement, how it matched, the evidence."""
    from desk.services.candidates import resolve_candidate
    from desk.services.jobs import resolve_job
    from desk.services.ranking import explain
    from desk.services.taxonomy import taxonomy_for

    store = app.store()
    job_id, cand_id = resolve_job(store, job), resolve_candidate(store, candidate)
    result = explain(store, job_id, cand_id)
    name = store.conn.execute("SELECT name FROM candidates WHERE id = ?", [cand_id]).fetchone()[0]
    if as_json:
        emit_json({"job_id": job_id, "candidate_id": cand_id, "name": name, **result.to_dict()})
        return
    tax = taxonomy_for(store)
    click.echo(
        f"{name}: {result.score:.2f} / 100  (required skills met {result.met}/{result.required_total}, "
        f"scorer {result.scorer_version}){'  KNOCKED OUT' if result.knocked_out else ''}"
    )
    for r in result.requirements:
        how = ""
        if r.how == "related":
            how = f" via related {tax.name(r.skill or '')} (for {tax.name(r.via or '')})"
        elif r.how:
            how = (
                f" ({r.how}{f' {r.similarity:.0f}%' if r.how == 'fuzzy' else ''}: {tax.name(r.skill or '')})"
            )
        extra = []
        if r.months:
            extra.append(f"{r.months} months")
        if r.last_year:
            extra.append(f"last used {r.last_year}")
        tail = f" [{', '.join(extra)}]" if extra else ""
        click.echo(
            f"  {MARK[r.status]} {r.kind:<9} {r.label}{how}{tail}{'  ' + r.detail if r.detail else ''}"
        )
        if r.evidence:
            click.echo(f"        “{r.evidence}”")
