"""``import_paths``: list, hash, skip what is known, extract the rest in workers, store in batches.

The parent does the cheap and the stateful parts (hashing, deciding, writing); workers do
the expensive pure part. A file whose bytes are already stored is skipped before any
worker sees it, so re-running over an unchanged folder extracts nothing. Ctrl-C (on the
main thread) or ``cancel`` stops dispatching, drops the files in flight, commits what
was already read, and returns a report marked ``interrupted``.
"""

from __future__ import annotations

import contextlib
import queue
import signal
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desk.importer.entry import WorkerConfig
from desk.importer.options import ImportOptions
from desk.importer.pool import Outcome, WorkerPool
from desk.importer.report import CRASHED, FAILED, INTERNAL, SKIPPED, TIMEOUT, ImportProgress, ImportReport
from desk.importer.server import start_early
from desk.importer.sources import Loaded, expand, iter_loaded
from desk.importer.writer import Item, WriterThread, Written, count
from desk.services.rows import loads
from desk.services.taxonomy import custom_skills
from desk.store import Store, open_store

#: Failures that say more about the machine or desk than about the file: always read again.
RETRY_CODES = frozenset({TIMEOUT, CRASHED, INTERNAL, "unreadable"})
POLL_S = 0.25
#: Batches' worth of results that may wait for the writer before dispatching pauses.
WRITER_BACKLOG = 4

Progress = Callable[[ImportProgress], None]


def import_paths(
    db_path: str | Path,
    paths: list[str],
    options: ImportOptions | None = None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
) -> ImportReport:
    """Import every resume under ``paths`` into the database at ``db_path``; safe to re-run.

    Opens its own store (so it may run in a worker thread); raises DeskError for paths
    that do not exist, and otherwise reports every file's fate in the returned report.
    """
    options = options or ImportOptions()
    cancel = cancel or threading.Event()
    started = time.monotonic()
    if threading.current_thread() is threading.main_thread():  # a TUI starts it on its UI thread
        start_early()
    sources = expand(paths, options)
    report = ImportReport(total=len(sources))
    with (
        open_store(db_path) as store,
        _sigint_sets(cancel),
        tempfile.TemporaryDirectory(prefix="desk-import-") as tmp,
    ):
        run = _Run(store, options, report, progress, cancel, Path(tmp), started)
        run.go(iter_loaded(sources, options))
    report.seconds = time.monotonic() - started
    return report


@contextlib.contextmanager
def _sigint_sets(cancel: threading.Event) -> Iterator[None]:
    """On the main thread, the first Ctrl-C asks for a clean stop; a second one aborts at once."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, frame: Any) -> None:
        if cancel.is_set():
            raise KeyboardInterrupt
        cancel.set()

    previous = signal.signal(signal.SIGINT, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


@dataclass
class _Task:
    loaded: Loaded
    temp: Path | None  # a zip member's bytes, written for the worker to read


class _Run:
    def __init__(
        self,
        store: Store,
        options: ImportOptions,
        report: ImportReport,
        progress: Progress | None,
        cancel: threading.Event,
        tmp: Path,
        started: float,
    ) -> None:
        self.store = store
        self.options = options
        self.report = report
        self.progress = progress
        self.cancel = cancel
        self.tmp = tmp
        self.started = started
        self.writer = WriterThread(store.path, options.batch_size, options.batch_seconds)
        self.pool: WorkerPool | None = None
        self.tasks: dict[int, _Task] = {}
        self.claimed: dict[str, str] = {}  # sha256 -> the path that claimed it in this run
        self.done = 0
        self.queued = 0  # items handed to the writer and not yet committed
        self.cpu: dict[int, float] = {}  # worker pid -> its CPU seconds so far

    def go(self, loaded: Iterator[Loaded]) -> None:
        """Dispatch and collect on this thread; the writer thread stores. Results already read are
        kept even when interrupted; on an error nothing more is stored and the error propagates."""
        self.writer.start()
        clean = False
        try:
            self._loop(loaded)
            clean = True
        finally:
            if self.pool is not None:
                self.report.workers_killed = self.pool.killed
                self.pool.close(kill=not clean or self.report.interrupted)
            if clean:
                self.writer.finish()
            else:
                self.writer.abort()
            self._drain(check=False)  # batches committed before the end still count

    def _loop(self, loaded: Iterator[Loaded]) -> None:
        exhausted = False
        while not self._stopping():
            while not exhausted and self._room():
                item = next(loaded, None)
                if item is None:
                    exhausted = True
                    break
                self._route(item)
                if self._stopping():
                    return
            busy = self.pool is not None and self.pool.busy
            if exhausted and not busy:
                return
            if busy:
                assert self.pool is not None
                for outcome in self.pool.poll(POLL_S):
                    self._collect(outcome)
            else:  # held back by the writer: wait for its next commit
                self._drain(wait_s=POLL_S)
            self._drain()

    def _room(self) -> bool:
        """Another file may start: a worker has room and the writer is not too far behind.

        Without the second rule, a slow disk would let read results pile up in memory.
        """
        if self.queued >= WRITER_BACKLOG * self.options.batch_size:
            return False
        return self.pool is None or self.pool.has_room()

    def _stopping(self) -> bool:
        if self.cancel.is_set():
            self.report.interrupted = True
        return self.report.interrupted

    # -- deciding -----------------------------------------------------------------------
    def _route(self, item: Loaded) -> None:
        """Skip what is stored, fail what cannot be read, repeat a known failure, extract the rest."""
        src = item.source
        if item.sha256 in self.claimed:
            self._skip(src.display, f"same file as {self.claimed[item.sha256]}")
            return
        row = self.store.conn.execute(
            "SELECT status, error, layout FROM documents WHERE sha256 = ?", [item.sha256]
        ).fetchone()
        if row is not None and row[0] == "ok":  # even if refused now (a smaller --max-size, say)
            self._skip(src.display, "already imported")
            return
        if item.failure is not None:
            code, message = item.failure
            self._write(Item(src.display, src.stored, item.sha256, item.size, code=code, message=message))
            return
        if row is not None:
            code = loads(row[2], {}).get("error_code") or "failed"
            if code not in RETRY_CODES and not self.options.retry_failed:
                message = row[1] or "this file failed before"
                self.report.failed.append({"path": src.display, "reason": message, "code": code})
                self._finish(src.display, FAILED, message)
                return
        self.claimed[item.sha256] = src.display
        self._submit(item)

    def _skip(self, path: str, why: str) -> None:
        self.report.skipped += 1
        self._finish(path, SKIPPED, why)

    def _submit(self, item: Loaded) -> None:
        src = item.source
        tid = self.report.extracted  # counts every submit, so ids never repeat
        path, temp = src.file, None
        if path is None:
            assert item.data is not None
            temp = path = self.tmp / f"{tid}{Path(src.name).suffix}"
            temp.write_bytes(item.data)
            item.data = None
        self.tasks[tid] = _Task(item, temp)
        if self.pool is None:
            self.pool = WorkerPool(self.options.worker_count, self._config(), self.options.timeout)
        self.pool.submit({"id": tid, "path": str(path), "name": src.name, "display": src.display})
        self.report.extracted += 1

    def _config(self) -> WorkerConfig:
        return WorkerConfig(
            pdf_engine=self.options.pdf_engine,
            max_bytes=self.options.max_bytes,
            custom_skills=tuple(custom_skills(self.store)),
            slow_paths=self.options.slow_paths,
            slow_seconds=self.options.slow_seconds,
        )

    def _collect(self, outcome: Outcome) -> None:
        task = self.tasks.pop(outcome.task["id"])
        if task.temp is not None:
            task.temp.unlink(missing_ok=True)
        src, p = task.loaded.source, outcome.payload
        sha = (p or {}).get("sha256") or task.loaded.sha256
        size = (p or {}).get("size", task.loaded.size)
        if p is not None:
            self._usage(p)
        if p is not None and p["ok"]:
            self._write(Item(src.display, src.stored, sha, size, payload=p))
        elif p is not None:
            self._write(Item(src.display, src.stored, sha, size, code=p["code"], message=p["message"]))
        else:
            self._write(Item(src.display, src.stored, sha, size, code=outcome.code, message=outcome.message))

    def _usage(self, p: dict[str, Any]) -> None:
        r = self.report
        r.worker_peak_rss_kb = max(r.worker_peak_rss_kb, p.get("peak_rss_kb", 0))
        self.cpu[p.get("pid", 0)] = p.get("cpu_s", 0.0)  # cumulative per worker: keep the latest
        r.worker_cpu_s = sum(self.cpu.values())
        r.extract_cpu_s += p.get("extract_cpu_s", 0.0)
        r.parse_cpu_s += p.get("parse_cpu_s", 0.0)

    # -- storing and telling --------------------------------------------------------------
    def _write(self, item: Item) -> None:
        self.queued += 1
        self.writer.put(item)

    def _drain(self, wait_s: float = 0.0, *, check: bool = True) -> None:
        """Count and announce every batch the writer has committed since the last look."""
        if check and self.writer.error is not None:
            raise self.writer.error
        if wait_s:
            try:
                self._announce(self.writer.outbox.get(timeout=wait_s))
            except queue.Empty:
                return
        while not self.writer.outbox.empty():
            self._announce(self.writer.outbox.get())

    def _announce(self, batch: list[Written]) -> None:
        self.queued -= len(batch)
        for w in batch:
            count(self.report, w)
            self._finish(w.display, w.outcome, w.detail)

    def _finish(self, path: str, outcome: str, detail: str) -> None:
        self.done += 1
        if self.progress is None:
            return
        elapsed = max(time.monotonic() - self.started, 1e-6)
        rate = self.done / elapsed
        left = self.report.total - self.done
        eta = left / rate if rate > 0 else None
        self.progress(ImportProgress(self.done, self.report.total, path, rate, eta, outcome, detail))
