"""What an import may be told: workers, PDF engine, limits, batching (and a test-only fault hook)."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

from desk.errors import DeskError
from desk.extract.formats import DEFAULT_MAX_BYTES

DEFAULT_TIMEOUT_S = 60.0
DEFAULT_BATCH_SIZE = 32
#: A batch is also committed after this long, so a slow trickle of files is stored (and shown) promptly.
DEFAULT_BATCH_SECONDS = 0.5
#: Zip limits: all members together, and how much a member may expand (a bomb expands ~1000x).
DEFAULT_ZIP_TOTAL_BYTES = 1_000_000_000
DEFAULT_ZIP_MAX_RATIO = 200

_SIZE_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]i?b?|b)?\s*$", re.I)
_UNITS = {"": 1, "b": 1, "k": 10**3, "m": 10**6, "g": 10**9, "ki": 2**10, "mi": 2**20, "gi": 2**30}


def parse_size(text: str) -> int:
    """ "20MB", "500k", "1.5GiB" or a plain byte count, as bytes; users type sizes, not integers."""
    m = _SIZE_RE.match(text)
    if not m:
        raise DeskError(f"cannot read size {text!r}; write e.g. 20MB, 500KB or 1000000")
    unit = (m.group(2) or "").lower().removesuffix("b")
    value = int(float(m.group(1)) * _UNITS[unit])
    if value <= 0:
        raise DeskError(f"size {text!r} must be more than zero")
    return value


def default_workers() -> int:
    """One worker per core this process may use (cgroups and taskset included where Python sees them)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class ImportOptions:
    """How to import. Every field has a safe default; the CLI and the TUI fill in what the user chose."""

    workers: int | None = None  # None: one per core
    pdf_engine: str = "pdfium"
    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = DEFAULT_TIMEOUT_S  # per file, in a worker; the worker is killed past it
    batch_size: int = DEFAULT_BATCH_SIZE
    batch_seconds: float = DEFAULT_BATCH_SECONDS
    zip_total_bytes: int = DEFAULT_ZIP_TOTAL_BYTES
    zip_max_ratio: int = DEFAULT_ZIP_MAX_RATIO
    #: Extract again files whose earlier import failed (same bytes). Without it a failure is
    #: reported again from its record, except timeouts and size refusals, which depend on the
    #: machine and the options rather than on the file, and are always retried.
    retry_failed: bool = False
    #: Test-only fault injection: a worker sleeps ``slow_seconds`` before extracting a file whose
    #: path or name is in ``slow_paths`` (how the per-file timeout is proven without a real hang).
    slow_paths: frozenset[str] = field(default_factory=frozenset)
    slow_seconds: float = 0.0

    def __post_init__(self) -> None:
        if self.pdf_engine not in ("pdfium", "pdfplumber"):
            raise DeskError(f"unknown PDF engine {self.pdf_engine!r}; choose pdfium or pdfplumber")
        if self.workers is not None and self.workers < 1:
            raise DeskError("--workers must be at least 1")
        if self.timeout <= 0:
            raise DeskError("--timeout must be more than zero seconds")
        if self.batch_size < 1:
            raise DeskError("the batch size must be at least 1")

    @property
    def worker_count(self) -> int:
        return self.workers or default_workers()
