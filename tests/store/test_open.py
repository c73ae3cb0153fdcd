"""The store's promises: private file, migrations once, newer files refused untouched."""

from __future__ import annotations

import hashlib
import sqlite3
import stat
from pathlib import Path

import pytest

from desk.clock import new_id, utcnow
from desk.errors import NewerSchemaError, StoreError
from desk.store import known_migrations, open_store


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_file_is_owner_only(db_path: Path) -> None:
    store = open_store(db_path)
    with store.write():
        store.db["meta"].upsert({"key": "probe", "value": "1"}, pk="key")
    # the write-ahead log and shared-memory files hold the same personal data
    for path in (db_path, Path(f"{db_path}-wal"), Path(f"{db_path}-shm")):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    store.close()


def test_parent_directories_are_created(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "desk.db"
    open_store(path).close()
    assert path.exists()


def test_opening_twice_migrates_once(db_path: Path) -> None:
    first = open_store(db_path)
    desk_id = first.desk_id
    first.close()
    second = open_store(db_path)
    rows = second.conn.execute("SELECT name FROM _sqlite_migrations").fetchall()
    assert [r[0] for r in rows] == known_migrations()
    assert second.desk_id == desk_id
    assert second.db.journal_mode == "wal"
    assert second.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    second.close()


def test_newer_schema_is_refused_and_file_untouched(db_path: Path) -> None:
    store = open_store(db_path)
    store.conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('desk', '9999_future', 'x')"
    )
    store.conn.commit()
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    before = sha(db_path)
    with pytest.raises(NewerSchemaError, match="newer desk"):
        open_store(db_path)
    assert sha(db_path) == before


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.txt"
    bogus.write_text("this is not sqlite" * 100)
    before = sha(bogus)
    with pytest.raises(StoreError, match="not a desk database"):
        open_store(bogus)
    assert sha(bogus) == before


def test_directory_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="directory"):
        open_store(tmp_path)


def _insert_job(store, job_id: str) -> None:
    now = utcnow()
    store.db["jobs"].insert(
        {
            "id": job_id,
            "title": "t",
            "text": "x",
            "parsed": "{}",
            "parser_version": "1",
            "created_at": now,
            "updated_at": now,
        }
    )
    store.log("job", job_id, "create")


def test_failed_write_leaves_neither_row_nor_event(store) -> None:
    job_id = new_id()
    with pytest.raises(RuntimeError, match="boom"), store.write():
        _insert_job(store, job_id)
        raise RuntimeError("boom")
    assert store.db["jobs"].count == 0
    assert store.db["events"].count == 0


def test_nested_write_failure_rolls_back_only_inner(store) -> None:
    outer, inner = new_id(), new_id()
    with store.write():
        _insert_job(store, outer)
        with pytest.raises(ValueError), store.write():
            _insert_job(store, inner)
            raise ValueError
    assert [r["id"] for r in store.db["jobs"].rows] == [outer]
    assert [r["entity_id"] for r in store.db["events"].rows] == [outer]


def test_event_sequence_increases(store) -> None:
    seqs = []
    for _ in range(3):
        with store.write():
            _insert_job(store, new_id())
        seqs.append(store.last_seq())
    assert seqs == sorted(seqs) and len(set(seqs)) == 3


def test_log_outside_transaction_is_refused(store) -> None:
    with pytest.raises(RuntimeError, match="same transaction"):
        store.log("job", "x", "create")


def test_raw_sqlite_can_read_the_file(store, db_path: Path) -> None:
    """Outside tools (sqlite3, sqlite-utils, Datasette) must be able to open the file."""
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT count(*) FROM candidates_fts").fetchone()[0] == 0
    conn.close()


def _old_desk(db_path: Path, stop_before: str, cid: str, name: str, phone: str) -> None:
    """A desk file as a release before ``stop_before`` left it, holding one candidate."""
    import sqlite_utils

    from desk.store.schema import migrations

    old = sqlite_utils.Database(db_path)
    migrations.apply(old, stop_before=stop_before)
    now = utcnow()
    old["meta"].insert({"key": "desk_id", "value": "old-desk"})
    old["candidates"].insert({"id": cid, "name": name, "phone": phone, "created_at": now, "updated_at": now})
    old.close()


def test_upgrade_from_an_older_database(db_path: Path) -> None:
    """A file made by the first release (0001 only) is migrated on open, data kept."""
    _old_desk(db_path, "0002_phone_key", "c1", "Ann", "+1 (646) 555-0192")
    store = open_store(db_path)
    assert store.applied_migrations() == known_migrations()
    assert store.desk_id == "old-desk"
    row = store.conn.execute("SELECT name, phone_key FROM candidates WHERE id = 'c1'").fetchone()
    assert row == ("Ann", "465550192")
    plan = store.conn.execute(
        "EXPLAIN QUERY PLAN SELECT id, text FROM candidates WHERE lower(name) = lower(?)", ["ANN"]
    ).fetchall()
    assert "candidates_name_lower" in str(plan)  # the import's same-person look-up, not a table scan
    assert store.conn.execute("SELECT id FROM candidates WHERE lower(name) = lower('aNN')").fetchall() == [
        ("c1",)
    ]
    store.close()


def test_upgrade_gives_merged_candidates_their_phone_key(db_path: Path) -> None:
    """Before 0004 a candidate merged from another desk's export had a phone but no phone key."""
    _old_desk(db_path, "0004_phone_key_of_merged", "m1", "Bo", "+44 20 7946 0000")
    with open_store(db_path) as store:
        assert store.conn.execute("SELECT phone_key FROM candidates WHERE id = 'm1'").fetchone() == (
            "079460000",
        )
