"""The export entry points: to a file (atomically), to a stream, and for ``desk sync``.

A cursor moves only after its export is complete: the file renamed into place (or
the stream flushed), so an interrupted export is simply done again next time.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO, Any

from desk.errors import DeskError
from desk.export import build
from desk.export.cursor import set_cursor, target_key
from desk.export.writer import atomic_file, sink_for
from desk.store import Store


def _summary(
    plan: build.Plan, fmt: str, path: str, counts: dict[str, int], size: int | None
) -> dict[str, Any]:
    return {
        "path": path,
        "target": plan.target,
        "format": fmt,
        "mode": plan.mode,
        "job_id": plan.job_id,
        "redacted": plan.redact,
        "desk_id": plan.desk_id,
        "generated_at": plan.generated_at,
        "range": {"from_seq": plan.from_seq, "to_seq": plan.to_seq},
        "counts": counts,
        "bytes": size,
    }


def resolve_output(path: str | os.PathLike[str]) -> Path:
    """The absolute path an export goes to; it names the export's cursor too."""
    out = Path(path).expanduser().resolve()
    if out.is_dir():
        raise DeskError(f"{out} is a directory; give a file name for the export")
    if not out.parent.is_dir():
        raise DeskError(f"cannot write {out}: no such directory {out.parent}")
    return out


def write_export_file(
    store: Store,
    path: str | os.PathLike[str],
    *,
    mode: str = "all",
    job_id: str | None = None,
    fmt: str = "json",
    redact: bool = False,
    target: str | None = None,
    progress: build.Progress | None = None,
) -> dict[str, Any]:
    """Write an export atomically without moving any cursor (``desk sync`` moves it after applying).

    ``target`` names whose cursor ``since-last`` starts from (default: the file itself).
    """
    build.check_options(mode, fmt)
    out = resolve_output(path)
    key = target_key(target or str(out), job_id)
    with build.snapshot(store):
        plan = build.make_plan(store, mode=mode, job_id=job_id, target=key, redact=redact)
        try:
            with atomic_file(out) as fh:
                counts = build.write(store, sink_for(fmt, fh), plan, progress)
        except OSError as exc:
            raise DeskError(f"cannot write {out}: {exc.strerror or exc}") from exc
    return _summary(plan, fmt, str(out), counts, out.stat().st_size)


def export_to_file(
    store: Store,
    path: str | os.PathLike[str],
    mode: str = "all",
    job_id: str | None = None,
    fmt: str = "json",
    redact: bool = False,
    *,
    progress: build.Progress | None = None,
) -> dict[str, Any]:
    """Export to ``path`` atomically, then move that path's cursor to the end of the export.

    ``mode="since-last"`` exports only what changed since the last export to the same
    path (and the same ``job_id``). Returns a summary with "path", "counts" per entity
    type and "range" {"from_seq", "to_seq"}.
    """
    summary = write_export_file(
        store, path, mode=mode, job_id=job_id, fmt=fmt, redact=redact, progress=progress
    )
    set_cursor(store, summary["target"], summary["range"]["to_seq"])
    return summary


def export_to_stream(
    store: Store,
    stream: IO[str],
    mode: str = "all",
    job_id: str | None = None,
    fmt: str = "json",
    redact: bool = False,
    *,
    target: str = "stdout",
    progress: build.Progress | None = None,
) -> dict[str, Any]:
    """Export to an open text stream (``desk export -o -``); the cursor moves once it is flushed."""
    build.check_options(mode, fmt)
    key = target_key(target, job_id)
    with build.snapshot(store):
        plan = build.make_plan(store, mode=mode, job_id=job_id, target=key, redact=redact)
        counts = build.write(store, sink_for(fmt, stream), plan, progress)
        stream.flush()
    set_cursor(store, key, plan.to_seq)
    return _summary(plan, fmt, "-", counts, None)
