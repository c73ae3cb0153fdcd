"""Writing an export: streamed entity by entity, and into place atomically.

The JSON form is written by hand, envelope first and then each array one entity
at a time, so memory stays flat however many candidates there are. The JSON
Lines form is one header line, one entity a line (``{"type": "candidate", ...}``)
and an ``end`` line with the counts, so a reader can tell a complete file from a
truncated copy.

A file is written to a hidden temporary file beside the target, fsynced, renamed
over the target and the directory fsynced: a crash at any point leaves either the
old file or the new one, never half of one. A process killed outright cannot
remove its temporary file; the next export into that directory removes the ones
whose process is gone.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

BUFFER = 1 << 20
SECTIONS = (
    ("jobs", "job"),
    ("candidates", "candidate"),
    ("applications", "application"),
    ("notes", "note"),
    ("stage_changes", "stage_change"),
    ("tombstones", "tombstone"),
)
SECTION_OF = {kind: section for section, kind in SECTIONS}


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class JsonSink:
    """``{"format": ..., "jobs": [...], ..., "counts": {...}}`` with one entity per line."""

    def __init__(self, fh: IO[str]) -> None:
        self.fh = fh
        self.section: str | None = None
        self.first = True

    def header(self, header: dict[str, Any]) -> None:
        self.fh.write("{")
        self.fh.write(",\n".join(f"{dumps(k)}:{dumps(v)}" for k, v in header.items()))

    def _open(self, section: str) -> None:
        if self.section is not None:
            self.fh.write("\n]")
        self.fh.write(f",\n{dumps(section)}:[")
        self.section, self.first = section, True

    def begin(self, section: str) -> None:
        self._open(section)

    def entity(self, kind: str, data: dict[str, Any]) -> None:
        self.fh.write("\n" if self.first else ",\n")
        self.fh.write(dumps(data))
        self.first = False

    def finish(self, counts: dict[str, int]) -> None:
        if self.section is not None:
            self.fh.write("\n]")
        self.fh.write(f',\n"counts":{dumps(counts)}}}\n')


class JsonlSink:
    def __init__(self, fh: IO[str]) -> None:
        self.fh = fh

    def header(self, header: dict[str, Any]) -> None:
        self.fh.write(dumps({"type": "header", **header}) + "\n")

    def begin(self, section: str) -> None:
        pass

    def entity(self, kind: str, data: dict[str, Any]) -> None:
        self.fh.write(dumps({"type": kind, **data}) + "\n")

    def finish(self, counts: dict[str, int]) -> None:
        self.fh.write(dumps({"type": "end", "counts": counts}) + "\n")


def sink_for(fmt: str, fh: IO[str]) -> JsonSink | JsonlSink:
    return JsonlSink(fh) if fmt == "jsonl" else JsonSink(fh)


# -- atomic files ------------------------------------------------------------------------------
_TEMP_RE = re.compile(r"^\.(?P<name>.+)\.desk-(?P<pid>\d+)-[0-9a-f]+\.tmp$")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def clean_stale_temps(directory: Path) -> list[Path]:
    """Remove temporary files left by exports whose process died (kill -9, power loss)."""
    removed = []
    for path in directory.glob(".*.desk-*.tmp"):
        m = _TEMP_RE.match(path.name)
        if m and int(m["pid"]) != os.getpid() and not _alive(int(m["pid"])):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
                removed.append(path)
    return removed


def temp_path_for(path: Path) -> Path:
    return path.with_name(f".{path.name}.desk-{os.getpid()}-{secrets.token_hex(4)}.tmp")


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_file(path: Path) -> Iterator[IO[str]]:
    """A text file that appears at ``path`` complete, or not at all.

    Created 0600 (an export holds personal data); on any exception the temporary
    file is removed and ``path`` is left as it was.
    """
    directory = path.parent
    if not directory.is_dir():
        raise FileNotFoundError(f"no such directory: {directory}")
    clean_stale_temps(directory)
    tmp = temp_path_for(path)
    fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    try:
        with open(fd, "w", encoding="utf-8", newline="\n", buffering=BUFFER) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    _fsync_dir(directory)
