"""``desk skills``: the taxonomy, and the user's own skills and aliases."""

from __future__ import annotations

import click

from desk.cli.common import AppContext, emit_json, json_option, pass_app


@click.group(name="skills")
def skills_group() -> None:
    """List skills; add your own skills and aliases."""


@skills_group.command(name="list")
@click.option("--custom", is_flag=True, help="Only skills and aliases you added.")
@click.option("--category", help="Only this category (language, database, soft, ...).")
@json_option
@pass_app
def skills_list(app: AppContext, custom: bool, category: str | None, as_json: bool) -> None:
    """List the skills desk recognises, with their aliases."""
    from desk.services.taxonomy import list_skills

    skills = list_skills(app.store(), custom_only=custom, category=category)
    if as_json:
        emit_json(skills)
        return
    for s in skills:
        aliases = ", ".join([*s["aliases"], *s["ambiguous"]])
        mark = "*" if s["custom"] else " "
        click.echo(f"{mark} {s['category']:<13} {s['name']:<32} {aliases[:80]}")


@skills_group.command(name="add")
@click.argument("name")
@click.option("--alias", "aliases", multiple=True, help="Another name for it (repeatable).")
@click.option("--category", default="custom", show_default=True)
@click.option("--implies", multiple=True, help="A skill this one implies (repeatable).")
@click.option("--related", multiple=True, help="A related skill for partial credit (repeatable).")
@click.option("--id", "skill_id", help="The skill id (default: from the name).")
@json_option
@pass_app
def skills_add(
    app: AppContext,
    name: str,
    aliases: tuple[str, ...],
    category: str,
    implies: tuple[str, ...],
    related: tuple[str, ...],
    skill_id: str | None,
    as_json: bool,
) -> None:
    """Add a skill, or aliases to a known one (e.g. desk skills add Kubernetes --alias kubes)."""
    from desk.services.taxonomy import add_skill

    record = add_skill(
        app.store(),
        name,
        aliases=list(aliases),
        category=category,
        implies=list(implies),
        related=list(related),
        skill_id=skill_id,
    )
    if as_json:
        emit_json(record)
    else:
        click.echo(f"{record['name']} ({record['id']}): aliases {', '.join(record['aliases']) or '-'}")
