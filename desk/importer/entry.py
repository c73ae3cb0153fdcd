"""What the importing process needs to start a worker: its settings and its entry point.

Kept apart from ``desk.importer.worker`` so that the importing process never loads the
readers, parsers and skill matcher it does not run (about a third of a second before the
first file could go out). Workers fork from a server that preloaded them, so the call into
``worker`` below costs them nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

from desk.extract.formats import DEFAULT_MAX_BYTES


@dataclass(frozen=True)
class WorkerConfig:
    """What every worker needs, sent once at start: options and the desk's custom skills."""

    pdf_engine: str = "pdfium"
    max_bytes: int = DEFAULT_MAX_BYTES
    custom_skills: tuple[dict[str, Any], ...] = ()
    slow_paths: frozenset[str] = field(default_factory=frozenset)
    slow_seconds: float = 0.0
    #: test-only: the worker dies abruptly (as a segfaulting reader would) on these names
    crash_paths: frozenset[str] = field(default_factory=frozenset)


def serve(conn: Connection, config: WorkerConfig) -> None:
    """A worker process's target (picklable by name): serve tasks until told to stop."""
    from desk.importer.worker import serve as serve_tasks

    serve_tasks(conn, config)
