"""One batch of import results stored in one transaction: documents, candidates, skills, scores.

Why batches: one transaction per file costs a WAL commit per file; one per 32 files (or
0.5 s) is an order of magnitude cheaper and still loses little on a crash. Each file is
a savepoint inside the batch, so a bug on one file rolls back that file only; the whole
batch commits or not at all, so ``kill -9`` never leaves half a candidate. Scoring against
open jobs happens once per batch, for every candidate the batch touched.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from desk.clock import utcnow
from desk.extract.formats import FORMATS
from desk.importer.report import FAILED, IMPORTED, INTERNAL, SKIPPED, UPDATED
from desk.importer.writer import Item, Written
from desk.model import CandidateFacts
from desk.services.candidates import add_document
from desk.services.ingest import ingest
from desk.services.ranking import facts_for, rescore_candidates
from desk.services.rows import dumps
from desk.store import Store


class BatchWriter:
    """Collects items and stores them a batch at a time (used by :class:`WriterThread`)."""

    def __init__(self, store: Store, batch_size: int, batch_seconds: float) -> None:
        self.store = store
        self.batch_size = batch_size
        self.batch_seconds = batch_seconds
        self.pending: list[Item] = []
        self._facts: dict[str, CandidateFacts] = {}
        self._opened = 0.0

    def add(self, item: Item) -> None:
        if not self.pending:
            self._opened = time.monotonic()
        self.pending.append(item)

    def due(self) -> bool:
        if len(self.pending) >= self.batch_size:
            return True
        return bool(self.pending) and time.monotonic() - self._opened >= self.batch_seconds

    def wait_s(self) -> float | None:
        """How long to wait for more items before this batch is due (None: nothing pending)."""
        if not self.pending:
            return None
        return max(0.0, self._opened + self.batch_seconds - time.monotonic())

    def flush(self) -> list[Written]:
        """Store every pending item in one transaction, score the candidates it touched, commit."""
        if not self.pending:
            return []
        written: list[Written] = []
        # candidate id -> its facts as this batch left them, for candidates whose profile a
        # file of this batch wrote; the others (an older resume of a known person) are read back
        self._facts = {}
        with self.store.write():
            for item in self.pending:
                written.append(self._write(item))
            touched = list(dict.fromkeys(w.candidate_id for w in written if w.candidate_id))
            rescore_candidates(
                self.store,
                [self._facts[c] if c in self._facts else facts_for(self.store, c) for c in touched],
            )
        self.pending.clear()
        return written

    # -- one file ---------------------------------------------------------------------------
    def _write(self, item: Item) -> Written:
        if item.payload is None:
            return self._fail(item, item.code, item.message)
        try:
            with self.store.write():  # a savepoint: a bug here rolls back this file only
                written, facts = self._ingest(item, item.payload)
        except Exception as exc:  # noqa: BLE001 - one bad record must not cost the batch
            message = f"desk failed while storing this file ({type(exc).__name__}: {exc}); please report it"
            return self._fail(item, INTERNAL, message)
        if facts is not None:  # only once the file's savepoint is released
            self._facts[facts.id] = facts
        return written

    def _ingest(self, item: Item, p: dict[str, Any]) -> tuple[Written, CandidateFacts | None]:
        prior = self._prior(item.sha256)
        if prior is not None and prior[1] == "ok":  # stored meanwhile (another desk process)
            return Written(item.display, SKIPPED, "already imported"), None
        if prior is not None:  # an earlier failure of the same bytes, now read: replace its record
            self.store.conn.execute("DELETE FROM documents WHERE id = ?", [prior[0]])
            self.store.log("document", prior[0], "delete")
        done = ingest(
            self.store,
            path=item.stored,
            sha256=item.sha256,
            fmt=p["format"],
            size=item.size,
            pages=p["pages"],
            text=p["text"],
            layout=p["layout"],
            resume=p["resume"],
            skills=p["skills"],
            parser_version=p["parser_version"],
            score=False,
            profile_json=p.get("profile_json"),
        )
        if done.merged:
            return Written(item.display, UPDATED, done.reason, done.candidate_id), done.facts
        return Written(item.display, IMPORTED, "", done.candidate_id), done.facts

    def _fail(self, item: Item, code: str, message: str) -> Written:
        """Record the failure (documents.status='failed') so the TUI can list it; one row per sha256."""
        layout = {"error_code": code}
        prior = self._prior(item.sha256)
        if prior is not None and prior[1] == "failed" and prior[2:] == (item.stored, message):
            return Written(item.display, FAILED, message, code=code)  # known and unchanged: no churn
        with self.store.write():
            if prior is None:
                add_document(
                    self.store,
                    path=item.stored,
                    sha256=item.sha256,
                    status="failed",
                    fmt=FORMATS.get(Path(item.stored).suffix.lower()),
                    size=item.size,
                    layout=layout,
                    error=message,
                )
            elif prior[1] == "failed":
                self.store.conn.execute(
                    "UPDATE documents SET path = ?, error = ?, layout = ?, updated_at = ? WHERE id = ?",
                    [item.stored, message, dumps(layout), utcnow(), prior[0]],
                )
                self.store.log("document", prior[0], "update")
        return Written(item.display, FAILED, message, code=code)

    def _prior(self, sha256: str) -> tuple[str, str, str, str | None] | None:
        """The document already holding these bytes: (id, status, path, error)."""
        row = self.store.conn.execute(
            "SELECT id, status, path, error FROM documents WHERE sha256 = ?", [sha256]
        ).fetchone()
        return (row[0], row[1], row[2], row[3]) if row else None
