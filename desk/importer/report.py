"""What an import tells its caller: progress while it runs, and one report at the end.

The report only ever counts what was committed: results wait in the writer's batch
and reach the report when their transaction does, so an interrupted or killed import
never claims a file the database does not hold.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from desk.exitcodes import ExitCode

#: Failure codes beyond desk.extract's reasons (empty, too-large, unsupported, corrupt, ...).
TIMEOUT = "timeout"  # the worker took longer than --timeout on this file and was killed
CRASHED = "crashed"  # the worker process died on this file (a reader bug, out of memory)
UNSAFE_PATH = "unsafe-path"  # a zip entry named ../x or /x: refused, never written anywhere
ZIP_BOMB = "zip-bomb"  # a zip entry (or archive) that expands far beyond any resume
INTERNAL = "internal"  # a bug in desk while parsing or storing this file; the rest go on

#: Outcomes of one file, as progress reports them.
IMPORTED, UPDATED, SKIPPED, FAILED = "imported", "updated", "skipped", "failed"


@dataclass(frozen=True)
class ImportProgress:
    """One file finished (stored, skipped or failed); ``rate`` in files/s, ``eta`` in seconds."""

    done: int
    total: int
    path: str
    rate: float
    eta: float | None
    outcome: str = ""
    detail: str = ""


@dataclass
class ImportReport:
    imported: int = 0  # files that became a new candidate
    updated: int = 0  # files of a person already known, merged into that candidate
    skipped: int = 0  # files already in the database (same bytes), not extracted again
    failed: list[dict[str, str]] = field(default_factory=list)  # {"path", "reason", "code"}
    merged: list[dict[str, str]] = field(default_factory=list)  # {"path", "candidate_id", "reason"}
    candidates: list[str] = field(default_factory=list)  # ids created or updated, first seen first
    extracted: int = 0  # files actually sent to a reader (0 on a re-run over unchanged files)
    total: int = 0
    workers_killed: int = 0  # stuck workers stopped by the per-file timeout (and replaced)
    worker_peak_rss_kb: int = 0  # the largest worker's peak memory, as the workers reported it
    worker_cpu_s: float = 0.0  # CPU seconds all workers spent (load-independent cost, for the bench)
    #: of which: reading files into text (the PDF engine and layout step), and parsing
    #: that text with finding skills; the rest is start-up and passing results
    extract_cpu_s: float = 0.0
    parse_cpu_s: float = 0.0
    interrupted: bool = False
    seconds: float = 0.0

    def note_candidate(self, candidate_id: str) -> None:
        if candidate_id not in self._seen:
            self._seen.add(candidate_id)
            self.candidates.append(candidate_id)

    def __post_init__(self) -> None:
        self._seen: set[str] = set(self.candidates)

    @property
    def exit_code(self) -> ExitCode:
        """130 when stopped, 3 when some files failed, else 0 (skipped files are not failures)."""
        if self.interrupted:
            return ExitCode.INTERRUPTED
        return ExitCode.PARTIAL if self.failed else ExitCode.OK

    def to_dict(self) -> dict[str, Any]:
        """The ``desk import --json`` document."""
        return {
            "imported": self.imported,
            "updated": self.updated,
            "skipped": self.skipped,
            "failed": list(self.failed),
            "merged": list(self.merged),
            "candidates": list(self.candidates),
            "extracted": self.extracted,
            "total": self.total,
            "interrupted": self.interrupted,
            "seconds": round(self.seconds, 3),
        }

    def summary(self) -> str:
        """One line for people: what happened to how many files."""
        parts = [f"{self.imported} imported", f"{self.updated} merged into known candidates"]
        parts += [f"{self.skipped} unchanged (skipped)", f"{len(self.failed)} failed"]
        head = "import interrupted: " if self.interrupted else ""
        rate = f" in {self.seconds:.1f}s" if self.seconds else ""
        return f"{head}{', '.join(parts)}{rate} ({len(self.candidates)} candidates touched)"
