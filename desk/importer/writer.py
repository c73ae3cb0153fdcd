"""The single writer's thread: results wait in its inbox and are stored in batches, one transaction each.

It runs in its own thread with its own connection, so the dispatcher keeps workers fed
while a batch is being written (workers would otherwise idle through every COMMIT). What a
batch does is in ``desk.importer.batch``; this module stays light because the importing
process loads it before the first file goes to a worker: the services that store and
score load in this thread, while the workers read.
"""

from __future__ import annotations

import queue
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desk.importer.report import FAILED, IMPORTED, SKIPPED, ImportReport

if TYPE_CHECKING:
    from desk.importer.batch import BatchWriter


@dataclass
class Item:
    """One file's result waiting for its batch: a worker payload, or a failure (``code``, ``message``)."""

    display: str
    stored: str
    sha256: str
    size: int
    payload: dict[str, Any] | None = None
    code: str = ""
    message: str = ""


@dataclass
class Written:
    """What became of one item once its batch committed."""

    display: str
    outcome: str  # imported | updated | skipped | failed
    detail: str = ""
    candidate_id: str | None = None
    code: str = ""


class WriterThread(threading.Thread):
    """Owns the write connection: takes items from ``inbox``, puts each committed batch in ``outbox``.

    ``finish()`` stores what is pending and stops; ``abort()`` stops without storing more (the
    batch being written, if any, still commits or rolls back as a whole).
    """

    def __init__(self, db_path: str | Path, batch_size: int, batch_seconds: float) -> None:
        super().__init__(name="desk-import-writer", daemon=True)
        self.db_path = db_path
        self.batch_size = batch_size
        self.batch_seconds = batch_seconds
        self.inbox: queue.SimpleQueue[Item | None] = queue.SimpleQueue()
        self.outbox: queue.SimpleQueue[list[Written]] = queue.SimpleQueue()
        self.error: BaseException | None = None
        self._abort = threading.Event()

    def put(self, item: Item) -> None:
        if self.error is not None:
            raise self.error
        self.inbox.put(item)

    def finish(self) -> None:
        self.inbox.put(None)
        self.join()
        if self.error is not None:
            raise self.error

    def abort(self) -> None:
        self._abort.set()
        self.inbox.put(None)
        self.join()

    def run(self) -> None:
        try:
            from desk.importer.batch import BatchWriter
            from desk.store import open_store

            with open_store(self.db_path) as store:
                self._serve(BatchWriter(store, self.batch_size, self.batch_seconds))
        except BaseException as exc:  # noqa: BLE001 - handed to the dispatcher, which re-raises it
            self.error = exc

    def _serve(self, writer: BatchWriter) -> None:
        while True:
            try:
                item = self.inbox.get(timeout=writer.wait_s())
            except queue.Empty:
                item = _TICK
            if self._abort.is_set():
                return
            if item is None:
                self.outbox.put(writer.flush())
                return
            if item is not _TICK:
                writer.add(item)
            if writer.due():
                self.outbox.put(writer.flush())


_TICK = Item("", "", "", 0)  # "the batch timer ran out", not a file


def count(report: ImportReport, w: Written) -> None:
    """Add one committed outcome to the report (on the dispatcher's thread, never the writer's)."""
    if w.outcome == SKIPPED:
        report.skipped += 1
    elif w.outcome == FAILED:
        report.failed.append({"path": w.display, "reason": w.detail, "code": w.code})
    else:
        assert w.candidate_id is not None
        if w.outcome == IMPORTED:
            report.imported += 1
        else:
            report.updated += 1
            report.merged.append({"path": w.display, "candidate_id": w.candidate_id, "reason": w.detail})
        report.note_candidate(w.candidate_id)
