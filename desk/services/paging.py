"""Random access into a big ranked list: the order once, then any page by primary key.

``ranked(offset=...)`` makes SQLite walk every row before the offset, which at
100,000 candidates is a second per page near the end, and a second per page for
any order without an index (name, years, stage). A face that pages a big list
asks :func:`order_rowids` once per order (one sort, in a worker), then fetches
any page with :func:`rows_at` in milliseconds. Rows have exactly the shape and
the order of ``services.ranking.ranked``.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from typing import Any

from desk.services.jobs import list_jobs
from desk.services.ranking import ordered_sql, search_guard
from desk.services.rows import query
from desk.store import Store

ROW_COLUMNS = (
    "a.id AS application_id, c.id AS candidate_id, c.name, a.score, a.met, a.required_total, "
    "c.years_experience, a.stage, a.starred, c.location, c.email"
)


def order_rowids(
    store: Store,
    job_id: str,
    *,
    sort: str = "score",
    descending: bool = True,
    stage: str | None = None,
    min_score: float | None = None,
    has_skill: str | None = None,
    lacks_skill: str | None = None,
    starred: bool | None = None,
    search: str | None = None,
) -> array[int]:
    """The rowids of a job's applications in ``ranked``'s order under the same filters.

    An ``array`` of 64-bit integers: 800 kB for 100,000 rows, where the rows themselves
    would take a hundred times that.
    """
    sql, params = ordered_sql(
        "a.rowid",
        job_id,
        sort=sort,
        descending=descending,
        stage=stage,
        min_score=min_score,
        has_skill=has_skill,
        lacks_skill=lacks_skill,
        starred=starred,
        search=search,
    )
    cur = search_guard(search, lambda: store.conn.execute(sql, params))
    out = array("q")
    while True:
        chunk = cur.fetchmany(10_000)
        if not chunk:
            return out
        out.extend(r[0] for r in chunk)


def rows_at(store: Store, rowids: Sequence[int], *, first_rank: int = 1) -> list[dict[str, Any]]:
    """The rows for ``rowids`` (a slice of :func:`order_rowids`), in that order, ranked from ``first_rank``.

    A row deleted since the order was taken is left out rather than invented.
    """
    if not rowids:
        return []
    marks = ",".join("?" for _ in rowids)
    found = query(
        store,
        f"SELECT a.rowid AS _rowid, {ROW_COLUMNS} FROM applications a "
        f"JOIN candidates c ON c.id = a.candidate_id WHERE a.rowid IN ({marks})",
        list(rowids),
    )
    by_rowid = {r.pop("_rowid"): r for r in found}
    rows = []
    for i, rowid in enumerate(rowids):
        row = by_rowid.get(rowid)
        if row is not None:
            row["rank"] = first_rank + i
            row["starred"] = bool(row["starred"])
            rows.append(row)
    return rows


def jobs_overview(store: Store) -> list[dict[str, Any]]:
    """The jobs list as the TUI shows it (kept as a name the screens use)."""
    return list_jobs(store)


def count_fast(store: Store, job_id: str, **filters: Any) -> int:
    """``count_ranked`` without the join to candidates when no filter needs it.

    Every application has its candidate (a foreign key with ON DELETE CASCADE), so
    counting applications alone gives the same number from the (job_id, score) index.
    """
    if any(filters.get(k) for k in ("has_skill", "lacks_skill", "search")):
        from desk.services.ranking import count_ranked

        return count_ranked(store, job_id, **filters)
    where, params = ["job_id = ?"], [job_id]
    if filters.get("stage"):
        where.append("stage = ?")
        params.append(filters["stage"])
    if filters.get("min_score") is not None:
        where.append("score >= ?")
        params.append(filters["min_score"])
    if filters.get("starred"):
        where.append("starred = 1")
    sql = f"SELECT COUNT(*) FROM applications WHERE {' AND '.join(where)}"
    return int(store.conn.execute(sql, params).fetchone()[0])


def first_job_id(store: Store) -> str | None:
    """The job ``jobs_overview`` lists first: what a face shows before the overview is in."""
    row = store.conn.execute("SELECT id FROM jobs ORDER BY created_at, id LIMIT 1").fetchone()
    return None if row is None else str(row[0])
