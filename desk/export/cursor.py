"""Export cursors: the last change-log seq each target has received, in ``sync_state``.

A target is where an export went: a resolved file path, ``stdout``, or a server
(its DSN without the password). A ``--job`` export keeps its own cursor
(``<target>#job=<id>``): it carried only part of the changes, so it must not
make a later full export to the same place skip the rest.
"""

from __future__ import annotations

from desk.clock import utcnow
from desk.store import Store


def target_key(target: str, job_id: str | None) -> str:
    return target if job_id is None else f"{target}#job={job_id}"


def get_cursor(store: Store, target: str) -> int:
    row = store.conn.execute("SELECT last_seq FROM sync_state WHERE target = ?", [target]).fetchone()
    return int(row[0]) if row else 0


def set_cursor(store: Store, target: str, seq: int) -> None:
    """Move the cursor forward (never back: an older export finishing late must not rewind it)."""
    with store.write():
        store.conn.execute(
            "INSERT INTO sync_state (target, last_seq, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT (target) DO UPDATE SET last_seq = MAX(last_seq, excluded.last_seq), "
            "updated_at = excluded.updated_at",
            [target, seq, utcnow()],
        )


def list_cursors(store: Store) -> list[dict[str, object]]:
    return [
        {"target": t, "last_seq": s, "updated_at": u}
        for t, s, u in store.conn.execute(
            "SELECT target, last_seq, updated_at FROM sync_state ORDER BY target"
        )
    ]
