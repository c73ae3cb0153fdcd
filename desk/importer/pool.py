"""A small process pool that can kill one stuck worker: per-file timeouts without losing the import.

Why not ProcessPoolExecutor: it cannot cancel a running call, and a killed worker breaks
the whole executor. Here every worker has its own pipe and a short queue of tasks (two,
so it never waits while the parent writes a batch); the parent knows which file each
worker is on and since when, kills the worker past the deadline and starts a fresh one.

Workers start from a forkserver where the platform has one (fork-safe even when the
import runs in a TUI thread, and replacements start in milliseconds), else by spawn.
"""

from __future__ import annotations

import time
from collections import deque
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from typing import Any

from desk.errors import DeskError
from desk.importer.entry import WorkerConfig, serve
from desk.importer.report import CRASHED, TIMEOUT
from desk.importer.server import context as default_context

#: Tasks queued per worker: one running, one waiting, so workers never idle on the writer.
DEPTH = 2
#: Workers that die before they are ready (an import error, say), in a row, before the import gives up.
MAX_STARTUP_DEATHS = 3


@dataclass
class Outcome:
    """A finished task: ``payload`` from the worker, or a ``code``/``message`` when the worker was lost."""

    task: dict[str, Any]
    payload: dict[str, Any] | None = None
    code: str = ""
    message: str = ""


@dataclass
class _Worker:
    proc: BaseProcess
    conn: Connection
    queue: deque[dict[str, Any]] = field(default_factory=deque)
    started: float = 0.0  # when the task at the head of the queue began
    ready: bool = False  # said hello: a death from now on is a file's fault, not start-up's


class WorkerPool:
    def __init__(
        self, size: int, config: WorkerConfig, timeout: float, context: BaseContext | None = None
    ) -> None:
        self.size = max(1, size)
        self.config = config
        self.timeout = timeout
        self.ctx = context or default_context()
        self.workers: list[_Worker] = []
        self.backlog: deque[dict[str, Any]] = deque()
        self.killed = 0
        self._deaths = 0
        self._lost: list[Outcome] = []  # outcomes found while dispatching, handed out by poll()

    # -- submitting -----------------------------------------------------------------------
    def has_room(self) -> bool:
        """True while another task can start (or queue) at once; the caller then submits one more."""
        if self.backlog:
            return False
        return len(self.workers) < self.size or any(len(w.queue) < DEPTH for w in self.workers)

    def submit(self, task: dict[str, Any]) -> None:
        self.backlog.append(task)
        self._dispatch()

    @property
    def busy(self) -> bool:
        return bool(self.backlog or self._lost) or any(w.queue for w in self.workers)

    def _dispatch(self) -> None:
        while self.backlog:
            worker = self._pick()
            if worker is None:
                return
            task = self.backlog.popleft()
            if not worker.queue:
                worker.started = time.monotonic()
            worker.queue.append(task)
            try:
                worker.conn.send(task)
            except OSError:  # it died since we last looked: its files fail or go back, as any loss
                self._lost.extend(self._lose(worker, CRASHED, self._crash_message(worker)))

    def _pick(self) -> _Worker | None:
        idle = [w for w in self.workers if not w.queue]
        if idle:
            return idle[0]
        if len(self.workers) < self.size:
            return self._start()
        ready = [w for w in self.workers if len(w.queue) < DEPTH]
        return min(ready, key=lambda w: len(w.queue)) if ready else None

    def _start(self) -> _Worker:
        parent, child = self.ctx.Pipe(duplex=True)
        proc = self.ctx.Process(target=serve, args=(child, self.config), daemon=True, name="desk-import")
        proc.start()
        child.close()
        worker = _Worker(proc, parent)
        self.workers.append(worker)
        return worker

    # -- collecting -----------------------------------------------------------------------
    def poll(self, wait_s: float) -> list[Outcome]:
        """Outcomes ready within ``wait_s`` seconds (fewer if a deadline comes first)."""
        out = self._lost + self._expire(time.monotonic())
        self._lost = []
        self._dispatch()  # files taken back from a lost worker go to a fresh one
        if out or not self.workers:
            return out
        deadline = min((w.started + self.timeout for w in self.workers if w.queue), default=None)
        if deadline is not None:
            wait_s = max(0.0, min(wait_s, deadline - time.monotonic()))
        handles: dict[Any, _Worker] = {}
        for w in self.workers:
            handles[w.conn] = w
            handles[w.proc.sentinel] = w
        for ready in wait(list(handles), wait_s):
            worker = handles[ready]
            if worker in self.workers:
                out.extend(self._drain(worker))
        out.extend(self._expire(time.monotonic()))
        self._dispatch()
        out.extend(self._lost)
        self._lost = []
        return out

    def _drain(self, worker: _Worker) -> list[Outcome]:
        out: list[Outcome] = []
        try:
            while worker.conn.poll():
                payload = worker.conn.recv()
                if "ready" in payload:  # the clock of its first file starts now, not at launch
                    worker.ready, worker.started = True, time.monotonic()
                    self._deaths = 0
                    continue
                task = worker.queue.popleft()
                out.append(Outcome(task, payload))
                worker.started = time.monotonic()
        except (EOFError, OSError):
            pass
        if not worker.proc.is_alive():
            out.extend(self._lose(worker, CRASHED, self._crash_message(worker)))
        return out

    def _expire(self, now: float) -> list[Outcome]:
        out: list[Outcome] = []
        for worker in list(self.workers):
            if worker.queue and now - worker.started > self.timeout:
                out.extend(self._drain(worker))  # it may have finished just now
                if worker in self.workers and worker.queue and now - worker.started > self.timeout:
                    message = (
                        f"reading this file took longer than {self.timeout:g} s; its worker was stopped "
                        "(raise --timeout if the file is just very large)"
                    )
                    self.killed += 1
                    out.extend(self._lose(worker, TIMEOUT, message))
        return out

    def _lose(self, worker: _Worker, code: str, message: str) -> list[Outcome]:
        """Kill a worker; its current file fails with ``code``, the files queued behind it go back."""
        self.workers.remove(worker)
        if worker.proc.is_alive():
            worker.proc.kill()
        worker.proc.join(5)
        worker.conn.close()
        if not worker.ready and code == CRASHED:
            self._deaths += 1
            if self._deaths >= MAX_STARTUP_DEATHS:
                self.close()
                raise DeskError(
                    f"import workers keep dying at start (exit code {worker.proc.exitcode}); a script "
                    "that imports resumes must guard its entry point with if __name__ == '__main__'"
                )
            self.backlog.extendleft(reversed(worker.queue))  # not the files' fault: they go again
            return []
        if not worker.queue:
            return []
        head = worker.queue.popleft()
        self.backlog.extendleft(reversed(worker.queue))
        return [Outcome(head, code=code, message=message)]

    @staticmethod
    def _crash_message(worker: _Worker) -> str:
        return (
            f"the reader crashed on this file (worker exit code {worker.proc.exitcode}); "
            "the file may be damaged — open and re-save it, or export it as PDF again"
        )

    # -- stopping -------------------------------------------------------------------------
    def close(self, *, kill: bool = False) -> None:
        """Stop every worker: politely (finish the current file) or, with ``kill``, at once."""
        for w in self.workers:
            try:
                if kill:
                    w.proc.kill()
                else:
                    w.conn.send(None)
            except OSError:
                pass
        for w in self.workers:
            w.proc.join(5 if kill else self.timeout + 5)
            if w.proc.is_alive():  # pragma: no cover - a worker that ignores both
                w.proc.kill()
                w.proc.join(5)
            w.conn.close()
        self.workers.clear()
        self.backlog.clear()
