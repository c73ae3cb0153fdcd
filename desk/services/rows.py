"""Small helpers to turn SQLite rows into dicts and JSON columns into values (``dumps`` is re-exported)."""

from __future__ import annotations

import json
from typing import Any

from desk.canonical_json import dumps as dumps  # re-exported: services import it from here
from desk.errors import NotFoundError
from desk.store import Store


def loads(value: str | None, default: Any) -> Any:
    if value is None or value == "":
        return default
    return json.loads(value)


def query(store: Store, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> list[dict[str, Any]]:
    cur = store.conn.execute(sql, params)
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]


def resolve_id(store: Store, table: str, ref: str, *, label: str, name_column: str | None = None) -> str:
    """Accept a full id, a unique id prefix (>= 4 chars), an exact name/title, or a unique part of one."""
    ref = ref.strip()
    row = store.conn.execute(f"SELECT id FROM {table} WHERE id = ?", [ref]).fetchone()
    if row:
        return str(row[0])
    matches: list[str] = []
    if len(ref) >= 4:
        matches = [r[0] for r in store.conn.execute(f"SELECT id FROM {table} WHERE id LIKE ?", [ref + "%"])]
    if not matches and name_column:
        matches = [
            r[0]
            for r in store.conn.execute(
                f"SELECT id FROM {table} WHERE lower({name_column}) = lower(?)", [ref]
            )
        ]
    if not matches and name_column and len(ref) >= 3:
        like = "%" + ref.lower().replace("%", r"\%").replace("_", r"\_") + "%"
        matches = [
            r[0]
            for r in store.conn.execute(
                f"SELECT id FROM {table} WHERE lower({name_column}) LIKE ? ESCAPE '\\'", [like]
            )
        ]
    if len(matches) == 1:
        return str(matches[0])
    if not matches:
        raise NotFoundError(f"no {label} matches {ref!r}")
    raise NotFoundError(f"{ref!r} matches {len(matches)} {label}s; give more of the id")
