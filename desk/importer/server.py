"""The process that import workers fork from, and starting it before it is needed.

Workers fork from a forkserver that has imported the readers and built the skill
matcher once (``desk.importer.preload``), so each starts warm in milliseconds. That
warm-up takes most of a second, and a worker cannot start before it ends; started as
the first thing an import does, it runs while the importing process loads its own
modules, opens the database and lists and hashes the files. Kept free of heavy imports
for that reason.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.forkserver
from multiprocessing.context import BaseContext

PRELOAD = ["desk.importer.preload"]


def context() -> BaseContext:
    """The forkserver context where the platform has one (fork-safe in a TUI thread), else spawn."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(PRELOAD)
        return ctx
    return multiprocessing.get_context("spawn")  # pragma: no cover - Windows, macOS without forkserver


def start_early() -> None:
    """Start the forkserver (and its warm-up) now, without waiting for it; a no-op once running."""
    if context().get_start_method() == "forkserver":
        multiprocessing.forkserver.ensure_running()
