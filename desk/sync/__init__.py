"""``desk sync``: a reference server ingest, proving an export is enough to rebuild a desk elsewhere.

Two ways in: apply export files (or folders of them) that someone brought over,
or, with none given, export what changed since this desk's last sync to that
server and apply it; the sync cursor moves only after the server committed.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from desk.errors import DeskError
from desk.export.api import write_export_file
from desk.export.cursor import set_cursor
from desk.export.reader import ExportFile, export_files
from desk.store import Store
from desk.sync.apply import apply_export
from desk.sync.pg import connect, migrate, psycopg_module, schema_version, target_for_dsn

__all__ = ["sync_files", "sync_store", "target_for_dsn"]


def _apply_all(dsn: str, exports: list[ExportFile]) -> dict[str, Any]:
    for export in exports:
        if export.header["redacted"]:
            raise DeskError(
                f"{export.path} is a redacted export; a server keeps the real records, so sync an unredacted one"
            )
    conn = connect(dsn)
    psycopg = psycopg_module()
    try:
        migrated = migrate(conn)
        applied = []
        for export in exports:
            report = apply_export(conn, export)
            applied.append(
                {
                    "path": str(export.path),
                    "desk_id": export.header["desk_id"],
                    "range": export.header["range"],
                    "entities": report,
                }
            )
        version = schema_version(conn)
    except psycopg.Error as exc:  # the transaction of the file being applied was rolled back
        raise DeskError(f"the server refused the sync ({type(exc).__name__}): {exc}".strip()) from exc
    finally:
        conn.close()
    return {
        "server": target_for_dsn(dsn),
        "schema_version": version,
        "migrated": migrated,
        "applied": applied,
    }


def sync_files(dsn: str, paths: list[str | os.PathLike[str]], *, validate: bool = True) -> dict[str, Any]:
    """Apply export files (folders: every *.json / *.jsonl in them) in change-log order."""
    exports = export_files(list(paths), validate=validate)
    if not exports:
        raise DeskError("no export files found in " + ", ".join(map(str, paths)))
    return _apply_all(dsn, exports)


def sync_store(store: Store, dsn: str, *, validate: bool = False) -> dict[str, Any]:
    """Send what changed since the last sync to this server; move the cursor once it is applied.

    The export is made here and now, so checking it against the schema again is
    optional (``validate``); the tests check every export anyway.
    """
    target = target_for_dsn(dsn)
    with tempfile.TemporaryDirectory(prefix="desk-sync-") as tmp:
        path = Path(tmp) / "sync.jsonl"
        summary = write_export_file(store, path, mode="since-last", fmt="jsonl", target=target)
        exports = export_files([path], validate=validate)
        report = _apply_all(dsn, exports)
    set_cursor(store, target, summary["range"]["to_seq"])
    return {**report, "target": target, "range": summary["range"], "counts": summary["counts"]}
