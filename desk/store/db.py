"""The one way to open a desk database: create it private, refuse newer files, migrate.

Connections are per thread (SQLite's rule); a worker opens its own ``Store``.
Writers take the lock up front (``BEGIN IMMEDIATE``) so that two processes —
the TUI and an import, say — queue on the busy timeout instead of failing
with "database is locked" half-way through a transaction.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlite_utils

from desk.clock import new_id, utcnow
from desk.errors import NewerSchemaError, StoreError
from desk.store.schema import EXPORTED_ENTITIES, migrations

BUSY_TIMEOUT_S = 30.0
MIGRATION_SET = "desk"


def known_migrations() -> list[str]:
    """Names of every migration this desk knows, in order."""
    return [m.name for m in migrations._migrations]


def _applied_readonly(path: Path) -> list[str] | None:
    """Applied migration names, read without writing a byte (None: not a desk file yet)."""
    uri = f"file:{path}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S)
    except sqlite3.Error as exc:  # pragma: no cover - permissions and the like
        raise StoreError(f"cannot open {path}: {exc}") from exc
    try:
        try:
            row = conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name='_sqlite_migrations'"
            ).fetchone()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path} is not a desk database (SQLite says: {exc})") from exc
        if row is None:
            return None
        return [
            r[0]
            for r in conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid",
                [MIGRATION_SET],
            )
        ]
    finally:
        conn.close()


def _create_private(path: Path) -> None:
    """Create the file 0600 before SQLite does: it holds personal data from the first byte."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    os.close(fd)


class Store:
    """A migrated desk database. Use :func:`open_store` to get one."""

    def __init__(self, path: Path, db: sqlite_utils.Database) -> None:
        self.path = path
        self.db = db

    @property
    def conn(self) -> sqlite3.Connection:
        return self.db.conn

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions -------------------------------------------------------------
    @contextlib.contextmanager
    def write(self) -> Iterator[Store]:
        """One atomic unit of work; nested calls become savepoints.

        Every row and its change-log event are written inside the same unit, so a
        failure leaves neither behind.
        """
        if self.conn.in_transaction:
            with self.db.atomic():
                yield self
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        else:
            try:
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise

    def log(self, entity: str, entity_id: str, op: str, data: dict[str, Any] | None = None) -> int:
        """Append one change-log event; only valid inside :meth:`write`."""
        if entity not in EXPORTED_ENTITIES:
            raise ValueError(f"unknown entity {entity!r}")
        if not self.conn.in_transaction:
            raise RuntimeError("events must be written in the same transaction as the change")
        cur = self.conn.execute(
            "INSERT INTO events (at, entity, entity_id, op, data) VALUES (?, ?, ?, ?, ?)",
            [utcnow(), entity, entity_id, op, None if data is None else json.dumps(data, sort_keys=True)],
        )
        return int(cur.lastrowid or 0)

    # -- facts ----------------------------------------------------------------------
    def meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    @property
    def desk_id(self) -> str:
        value = self.meta("desk_id")
        assert value is not None, "migrations always set desk_id"
        return value

    def applied_migrations(self) -> list[str]:
        return [m.name for m in migrations.applied(self.db)]

    def last_seq(self) -> int:
        row = self.conn.execute("SELECT COALESCE(MAX(seq), 0) FROM events").fetchone()
        return int(row[0])


def open_store(path: str | os.PathLike[str], *, migrate: bool = True) -> Store:
    """Open (creating if needed) and migrate the database at ``path``.

    A file that records a migration this desk does not know was written by a newer
    desk: it is refused before anything is written, so the newer desk can still use it.
    """
    path = Path(path)
    if path.is_dir():
        raise StoreError(f"{path} is a directory, not a database file")
    if path.exists() and path.stat().st_size > 0:
        applied = _applied_readonly(path)
        unknown = [n for n in (applied or []) if n not in known_migrations()]
        if unknown:
            raise NewerSchemaError(
                f"{path} was written by a newer desk (unknown migrations: {', '.join(unknown)}); "
                "upgrade desk to open it. The file was not changed."
            )
    else:
        try:
            _create_private(path)
        except OSError as exc:
            raise StoreError(f"cannot create {path}: {exc.strerror or exc}") from exc
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S)
        db = sqlite_utils.Database(conn)
        db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        if db.journal_mode != "wal":
            db.enable_wal()
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"cannot open {path}: {exc}") from exc
    store = Store(path, db)
    if migrate:
        _migrate(store)
    return store


def _migrate(store: Store) -> None:
    """Apply pending migrations under the write lock, so two first opens don't race."""
    db = store.db
    if not migrations.pending(db):
        return
    with store.write():
        if not migrations.pending(db):  # another process did it while we waited
            return
        migrations.apply(db)
        if (
            store.conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'meta'").fetchone()
            and store.meta("desk_id") is None
        ):
            now = utcnow()
            db["meta"].insert_all(
                [{"key": "desk_id", "value": new_id()}, {"key": "created_at", "value": now}]
            )
