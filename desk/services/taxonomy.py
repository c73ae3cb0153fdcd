"""The taxonomy as this desk sees it: shipped skills plus the user's custom ones."""

from __future__ import annotations

from typing import Any

from desk.clock import utcnow
from desk.errors import DeskError
from desk.services.rows import dumps, loads, query
from desk.skills.taxonomy import ID_RE, Taxonomy, builtin_taxonomy, norm
from desk.store import Store

_CACHE: dict[tuple[str, str], Taxonomy] = {}


def custom_skills(store: Store) -> list[dict[str, Any]]:
    rows = query(store, "SELECT * FROM custom_skills ORDER BY id")
    for r in rows:
        for key in ("aliases", "implies", "related"):
            r[key] = loads(r[key], [])
    return rows


def taxonomy_for(store: Store) -> Taxonomy:
    """Built once per set of custom skills, so matcher caches survive across calls."""
    custom = custom_skills(store)
    key = (str(store.path), dumps(custom))
    tax = _CACHE.get(key)
    if tax is None:
        if len(_CACHE) > 4:
            _CACHE.clear()
        tax = _CACHE[key] = builtin_taxonomy().with_custom(custom)
    return tax


def add_skill(
    store: Store,
    name: str,
    *,
    aliases: list[str] = (),
    category: str = "custom",
    implies: list[str] = (),
    related: list[str] = (),
    skill_id: str | None = None,
) -> dict[str, Any]:
    """Add a custom skill, or aliases to an existing one (shipped or custom).

    An alias already used by another skill is refused: one surface, one meaning.
    """
    tax = taxonomy_for(store)
    existing = tax.lookup(name) if skill_id is None else skill_id
    sid = existing or skill_id or norm(name).replace(" ", "-")
    if not ID_RE.match(sid):
        raise DeskError(f"cannot make a skill id from {name!r}; pass --id")
    for alias in aliases:
        owner = tax.lookup(alias)
        if owner is not None and owner != sid:
            raise DeskError(f"alias {alias!r} already means {tax.name(owner)} ({owner})")
    for ref in (*implies, *related):
        if tax.lookup(ref) is None:
            raise DeskError(f"unknown skill {ref!r} in --implies/--related")
    now = utcnow()
    row = (
        store.db["custom_skills"].get(sid) if store.db["custom_skills"].count_where("id = ?", [sid]) else None
    )
    merged_aliases = list(dict.fromkeys([*(loads(row["aliases"], []) if row else []), *aliases]))
    record = {
        "id": sid,
        "name": row["name"] if row else (tax.name(sid) if sid in tax.skills else name),
        "category": row["category"] if row else (tax.skills[sid].category if sid in tax.skills else category),
        "aliases": dumps(merged_aliases),
        "implies": dumps(
            list(
                dict.fromkeys(
                    [*(loads(row["implies"], []) if row else []), *(tax.lookup(r) for r in implies)]
                )
            )
        ),
        "related": dumps(
            list(
                dict.fromkeys(
                    [*(loads(row["related"], []) if row else []), *(tax.lookup(r) for r in related)]
                )
            )
        ),
        "created_at": row["created_at"] if row else now,
        "updated_at": now,
    }
    with store.write():
        store.db["custom_skills"].upsert(record, pk="id")
    return {
        **record,
        "aliases": merged_aliases,
        "implies": loads(record["implies"], []),
        "related": loads(record["related"], []),
    }


def list_skills(
    store: Store, *, custom_only: bool = False, category: str | None = None
) -> list[dict[str, Any]]:
    tax = taxonomy_for(store)
    out = []
    for s in tax.skills.values():
        if custom_only and not s.custom:
            continue
        if category and s.category != category:
            continue
        out.append(
            {
                "id": s.id,
                "name": s.name,
                "category": s.category,
                "aliases": list(s.aliases),
                "ambiguous": list(s.ambiguous),
                "implies": list(s.implies),
                "related": list(s.related),
                "custom": s.custom,
            }
        )
    return sorted(out, key=lambda s: (s["category"], s["name"].lower()))
