"""desk sync against a real PostgreSQL: upserts, last writer wins, tombstones, cursors, two desks."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from export_fixtures import add_sample_job, candidate_id, copy_desk, ingest_sample, read_export

from desk.errors import DeskError
from desk.export import export_to_file
from desk.export.cursor import list_cursors
from desk.services.deletion import delete_candidate
from desk.services.pipeline import add_note, application_id, set_stage
from desk.store import Store, open_store
from desk.sync import sync_files, sync_store, target_for_dsn
from desk.sync.pg import SCHEMA

TABLES = ("jobs", "candidates", "applications", "notes", "stage_changes", "tombstones")
pytestmark = pytest.mark.postgres


def dump(dsn: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, minus the bookkeeping column that records *when* it was written."""
    import psycopg

    out = {}
    with psycopg.connect(dsn) as conn:
        for table in TABLES:
            cols = [
                r[0]
                for r in conn.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_schema = %s "
                    "AND table_name = %s AND column_name != 'synced_at' ORDER BY ordinal_position",
                    [SCHEMA, table],
                )
            ]
            rows = conn.execute(f"SELECT {', '.join(cols)} FROM {SCHEMA}.{table} ORDER BY 1, 2").fetchall()
            out[table] = [tuple(json.dumps(v, sort_keys=True, default=str) for v in row) for row in rows]
    return out


def count(dsn: str, table: str, where: str = "TRUE", params: list[Any] | None = None) -> int:
    import psycopg

    with psycopg.connect(dsn) as conn:
        return conn.execute(f"SELECT COUNT(*) FROM {SCHEMA}.{table} WHERE {where}", params or []).fetchone()[
            0
        ]


def first_job(store: Store) -> str:
    return store.conn.execute("SELECT id FROM jobs ORDER BY created_at LIMIT 1").fetchone()[0]


def test_export_file_lands_on_the_server(desk: Store, pg_dsn: str, tmp_path: Path) -> None:
    out = tmp_path / "all.json"
    export_to_file(desk, out)
    doc = read_export(out)
    report = sync_files(pg_dsn, [out])
    assert report["schema_version"] == 1 and report["migrated"] == [1]
    for table in ("jobs", "candidates", "applications", "notes", "stage_changes"):
        assert count(pg_dsn, table) == len(doc[table])
        assert count(pg_dsn, table, "origin_desk = %s", [desk.desk_id]) == len(doc[table])
    assert count(pg_dsn, "tombstones") == len(doc["tombstones"])
    entities = report["applied"][0]["entities"]
    assert entities["candidate"] == {
        "inserted": len(doc["candidates"]),
        "updated": 0,
        "ignored": 0,
        "deleted": 0,
    }
    import psycopg

    with psycopg.connect(pg_dsn) as conn:
        row = conn.execute(
            f"SELECT a.stage, a.starred, a.breakdown, c.doc FROM {SCHEMA}.applications a "
            f"JOIN {SCHEMA}.candidates c ON c.id = a.candidate_id WHERE a.starred"
        ).fetchone()
    exported = next(a for a in doc["applications"] if a["starred"])
    assert row[0] == exported["stage"] and row[2] == exported["breakdown"]
    assert (
        row[3]["facts"] == next(c for c in doc["candidates"] if c["id"] == exported["candidate_id"])["facts"]
    )


def test_applying_twice_or_out_of_order_changes_nothing_wrong(
    desk: Store, pg_server: str, pg_dsn: str, tmp_path: Path
) -> None:
    import psycopg

    old, new = tmp_path / "old.json", tmp_path / "new.jsonl"
    export_to_file(desk, old)
    job = first_job(desk)
    daniel = candidate_id(desk, "daniel.okafor@example.com")
    set_stage(desk, application_id(desk, job, daniel), "offer")
    add_note(desk, daniel, "Offer accepted")
    delete_candidate(desk, candidate_id(desk, "chloe.martin@example.com"))
    export_to_file(desk, new, fmt="jsonl")

    sync_files(pg_dsn, [old])
    sync_files(pg_dsn, [new])
    in_order = dump(pg_dsn)
    again = sync_files(pg_dsn, [new])["applied"][0]["entities"]
    assert all(c["inserted"] == c["updated"] == 0 for c in again.values()), again
    assert dump(pg_dsn) == in_order
    sync_files(pg_dsn, [old])  # an older export after the newer one
    assert dump(pg_dsn) == in_order

    reverse = pg_dsn.rsplit("/", 1)[0] + "/rev_" + pg_dsn.rsplit("/", 1)[1]
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {reverse.rsplit('/', 1)[1]}")
    try:
        sync_files(reverse, [new])
        sync_files(reverse, [old])
        assert dump(reverse) == in_order
    finally:
        with psycopg.connect(pg_server, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE {reverse.rsplit('/', 1)[1]} WITH (FORCE)")
    assert count(pg_dsn, "applications", "stage = 'offer'") == 1
    assert count(pg_dsn, "candidates", "email = 'chloe.martin@example.com'") == 0


def test_folder_of_exports_is_applied_in_change_log_order(desk: Store, pg_dsn: str, tmp_path: Path) -> None:
    folder = tmp_path / "drop"
    folder.mkdir()
    cursor_file = tmp_path / "inc.json"
    job = first_job(desk)
    app = application_id(desk, job, candidate_id(desk, "brian.kowalczyk@example.com"))
    names = []
    for i, stage in enumerate(("screening", "interview", "rejected")):
        set_stage(desk, app, stage)
        export_to_file(desk, cursor_file, mode="since-last")
        name = f"{9 - i}-export.json"  # names sort the wrong way round on purpose
        shutil.copy(cursor_file, folder / name)
        names.append(name)
    report = sync_files(pg_dsn, [folder])
    assert [Path(a["path"]).name for a in report["applied"]] == names
    import psycopg

    with psycopg.connect(pg_dsn) as conn:
        assert (
            conn.execute(f"SELECT stage FROM {SCHEMA}.applications WHERE id = %s", [app]).fetchone()[0]
            == "rejected"
        )


def test_sync_from_the_desk_moves_its_cursor_after_the_server_commits(desk: Store, pg_dsn: str) -> None:
    secret_dsn = pg_dsn.replace("desk@", "desk:s3cret-pw@")
    first = sync_store(desk, secret_dsn)
    target = target_for_dsn(secret_dsn)
    assert "s3cret" not in target and target.startswith("postgresql://desk@127.0.0.1:")
    assert first["counts"]["candidates"] == desk.db["candidates"].count
    cursors = {c["target"]: c["last_seq"] for c in list_cursors(desk)}
    assert cursors == {target: desk.last_seq()}
    assert not any("s3cret" in t for t in cursors)

    second = sync_store(desk, pg_dsn)
    assert all(n == 0 for n in second["counts"].values())
    daniel = candidate_id(desk, "daniel.okafor@example.com")
    note = add_note(desk, daniel, "Second interview booked")
    third = sync_store(desk, pg_dsn)
    assert third["counts"]["notes"] == 1 and third["counts"]["candidates"] == 0
    assert count(pg_dsn, "notes", "id = %s", [note]) == 1

    # a server that cannot be reached leaves the cursor where it was
    add_note(desk, daniel, "Not synced yet")
    before = {c["target"]: c["last_seq"] for c in list_cursors(desk)}
    dead = "postgresql://desk@127.0.0.1:1/nowhere"
    with pytest.raises(DeskError, match="cannot connect"):
        sync_store(desk, dead)
    assert {c["target"]: c["last_seq"] for c in list_cursors(desk)} == before


def test_two_desks_share_a_server_without_losing_work(
    desk_template: Path, pg_dsn: str, tmp_path: Path
) -> None:
    from desk.export.merge import merge_file

    a = copy_desk(desk_template, tmp_path / "a.db", new_id=True)
    b = open_store(tmp_path / "b.db")
    add_sample_job(b, "03")
    for prefix in ("16", "21"):
        ingest_sample(b, prefix)
    sync_store(a, pg_dsn)
    sync_store(b, pg_dsn)
    assert count(pg_dsn, "candidates", "origin_desk = %s", [a.desk_id]) == a.db["candidates"].count
    assert count(pg_dsn, "candidates", "origin_desk = %s", [b.desk_id]) == b.db["candidates"].count
    assert count(pg_dsn, "jobs") == 3

    # b takes a's work in, then both change the same application; the later change wins on the
    # server whichever desk syncs last
    export_to_file(a, tmp_path / "a.json")
    merge_file(b, tmp_path / "a.json", validate=False)
    app = application_id(a, first_job(a), candidate_id(a, "daniel.okafor@example.com"))
    set_stage(a, app, "rejected")
    set_stage(b, app, "offer")
    sync_store(b, pg_dsn)
    sync_store(a, pg_dsn)
    import psycopg

    with psycopg.connect(pg_dsn) as conn:
        stage, origin = conn.execute(
            f"SELECT stage, origin_desk FROM {SCHEMA}.applications WHERE id = %s", [app]
        ).fetchone()
        histories = conn.execute(
            f"SELECT COUNT(*) FROM {SCHEMA}.stage_changes WHERE application_id = %s", [app]
        ).fetchone()[0]
    assert (stage, origin) == ("offer", b.desk_id)
    assert histories >= 4, "both desks' stage histories are kept"
    a.close()
    b.close()


def test_migrations_are_idempotent_and_newer_servers_refused(
    desk: Store, pg_dsn: str, tmp_path: Path
) -> None:
    import psycopg

    from desk.sync.pg import migrate

    out = tmp_path / "all.json"
    export_to_file(desk, out)
    assert sync_files(pg_dsn, [out])["migrated"] == [1]
    assert sync_files(pg_dsn, [out])["migrated"] == []
    with psycopg.connect(pg_dsn) as conn:
        assert migrate(conn) == []
        conn.execute(f"INSERT INTO {SCHEMA}.schema_version (version, name) VALUES (99, 'future')")
        conn.commit()
    with pytest.raises(DeskError, match="newer"):
        sync_files(pg_dsn, [out])


def test_redacted_exports_are_not_synced(desk: Store, pg_dsn: str, tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    export_to_file(desk, out, redact=True)
    with pytest.raises(DeskError, match="redacted"):
        sync_files(pg_dsn, [out])


def test_cli_sync(desk: Store, pg_dsn: str, tmp_path: Path) -> None:
    import click
    from click.testing import CliRunner

    from desk.cli.common import AppContext, DeskGroup
    from desk.cli.export import sync_cmd

    @click.group(cls=DeskGroup)
    @click.option("--db", "db_option")
    @click.pass_context
    def cli(ctx: click.Context, db_option: str | None) -> None:
        ctx.obj = AppContext(db_option=db_option)
        ctx.call_on_close(ctx.obj.close)

    cli.add_command(sync_cmd)
    db = str(desk.path)
    out = tmp_path / "all.jsonl"
    export_to_file(desk, out, fmt="jsonl")
    desk.close()
    result = CliRunner().invoke(cli, ["--db", db, "sync", pg_dsn, str(out), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["applied"][0]["entities"]["candidate"]["inserted"] > 0
    result = CliRunner().invoke(cli, ["--db", db, "sync", pg_dsn])
    assert result.exit_code == 0, result.output
    assert "ignored" not in result.stderr and result.stdout.count("->") == 1
    result = CliRunner().invoke(cli, ["--db", db, "sync", "postgresql://desk@127.0.0.1:1/x", str(out)])
    assert result.exit_code == 1 and result.stderr.startswith("error: cannot connect")


MISSING = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] == 'psycopg':
            raise ImportError('not installed')
sys.meta_path.insert(0, Block())
from desk.errors import DeskError
from desk.sync import sync_files
try:
    sync_files('postgresql://x@127.0.0.1/y', [sys.argv[1]])
except DeskError as exc:
    print(exc)
"""


def test_missing_psycopg_is_a_clear_error(desk: Store, tmp_path: Path) -> None:
    out = tmp_path / "all.json"
    export_to_file(desk, out)
    proc = subprocess.run(
        [sys.executable, "-c", MISSING, str(out)], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert "pip install 'desk[sync]'" in proc.stdout
