"""``desk merge FILE``: load another desk's export into this one, so two recruiters can combine work.

The rules, the same as the reference server's (:mod:`desk.sync`):

- rows are matched by id; an incoming row replaces the local one only if it is
  newer: ``(updated_at, content hash)`` compares greater. The hash breaks ties in
  the same way on every desk, so merging in any order converges;
- a row equal to the local one is left alone and writes no event, so a desk that
  merges back what it exported sees no change (no ping-pong);
- a tombstone deletes the local row unless that row changed after the deletion;
  a tombstone for a row this desk never had is still recorded, so an older export
  merged later cannot bring the row back and the deletion flows on;
- applications have two clocks (see :mod:`desk.export.entities`): stage and star
  follow ``updated_at``; scores are recomputed here from the merged job and facts;
- two desks that paired the same job and candidate independently hold two
  application ids for one pair; the smaller id wins everywhere, the other is
  deleted with ``merged_into`` pointing at the winner.

Everything happens in one transaction: a file that turns out to be bad half-way
changes nothing. Every change writes its event, so merged rows flow on to later
exports; those events carry ``merged_from`` (the other desk's id).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from desk.errors import DeskError
from desk.export import entities
from desk.export.merge_rows import RowWriter, content_hash
from desk.export.reader import open_export
from desk.services.ranking import facts_for, rescore_candidates, rescore_job
from desk.services.taxonomy import taxonomy_for
from desk.store import Store

OUTCOMES = ("created", "updated", "unchanged", "older", "deleted", "orphaned", "tombstoned", "paired")


def _newer(incoming: dict[str, Any], local: dict[str, Any], stamp: str = "updated_at") -> bool:
    return (incoming[stamp], content_hash(incoming)) > (local[stamp], content_hash(local))


class Merger:
    """Applies one export's entities to a store; the caller holds the transaction."""

    def __init__(self, store: Store, origin: str) -> None:
        self.store = store
        self.rows = RowWriter(store, origin)
        self.name_of: Callable[[str], str] = taxonomy_for(store).name
        self.report: dict[str, dict[str, int]] = {}
        self.jobs_to_rescore: set[str] = set()
        self.candidates_to_rescore: set[str] = set()

    def _count(self, kind: str, outcome: str) -> None:
        self.report.setdefault(kind, dict.fromkeys(OUTCOMES, 0))[outcome] += 1

    def apply(self, kind: str, entity: dict[str, Any]) -> None:
        outcome = getattr(self, f"_{kind}")(entity)
        self._count(kind, outcome)

    def _blocked(self, entity_type: str, entity: dict[str, Any]) -> bool:
        """Deleted here at or after the incoming row's last change: the deletion wins."""
        deleted = self.rows.deleted_at(entity_type, entity["id"])
        return deleted is not None and deleted >= entity["updated_at"]

    # -- entities --------------------------------------------------------------------------------
    def _job(self, e: dict[str, Any]) -> str:
        if self._blocked("job", e):
            return "tombstoned"
        local = entities.jobs(self.store, [e["id"]])
        if local and local[0] == e:
            return "unchanged"
        if local and not _newer(e, local[0]):
            return "older"
        self.rows.write_job(e, exists=bool(local))
        if e["status"] == "open":
            self.jobs_to_rescore.add(e["id"])
        return "updated" if local else "created"

    def _candidate(self, e: dict[str, Any]) -> str:
        if self._blocked("candidate", e):
            return "tombstoned"
        e = self.rows.landable_candidate(e, self.name_of)
        local = entities.candidates(self.store, [e["id"]], self.name_of)
        if local and local[0] == e:
            return "unchanged"
        if local and not _newer(e, local[0]):
            return "older"
        self.rows.write_candidate(e, exists=bool(local))
        self.candidates_to_rescore.add(e["id"])
        return "updated" if local else "created"

    def _application(self, e: dict[str, Any]) -> str:
        if not (self.rows.exists("jobs", e["job_id"]) and self.rows.exists("candidates", e["candidate_id"])):
            return "orphaned"
        if self._blocked("application", e):
            return "tombstoned"
        mine = self.rows.application_user_part(e["id"])
        if mine is None:
            pair = self.rows.application_for_pair(e["job_id"], e["candidate_id"])
            if pair is None:
                self.rows.insert_application(e)
                return "created"
            return self.rows.resolve_pair(e, pair)
        theirs = self.rows.user_part(e)
        if theirs == mine:
            return "unchanged"
        if not _newer(theirs, mine):
            return "older"
        self.rows.update_application(e["id"], theirs)
        return "updated"

    def _note(self, e: dict[str, Any]) -> str:
        if not self.rows.exists("candidates", e["candidate_id"]):
            return "orphaned"
        if self._blocked("note", e):
            return "tombstoned"
        if e["job_id"] is not None and not self.rows.exists("jobs", e["job_id"]):
            e = {**e, "job_id": None}  # the job is unknown here; keep the note, detached
        local = entities.notes(self.store, [e["id"]])
        if local and local[0] == e:
            return "unchanged"
        if local and not _newer(e, local[0]):
            return "older"
        self.rows.write_note(e, exists=bool(local))
        return "updated" if local else "created"

    def _stage_change(self, e: dict[str, Any]) -> str:
        app_id = self.rows.surviving_application(e["application_id"])
        if not self.rows.exists("applications", app_id):
            return "orphaned"
        if self._blocked("stage_change", e):
            return "tombstoned"
        if self.rows.exists("stage_changes", e["id"]):
            return "unchanged"  # history rows never change
        self.rows.insert_stage_change({**e, "application_id": app_id})
        return "created"

    def _tombstone(self, e: dict[str, Any]) -> str:
        outcome = self.rows.apply_tombstone(e)
        if outcome == "deleted" and e["entity"] == "requirement":
            self.jobs_to_rescore.add(e["id"].split("/", 1)[0])
        return outcome

    # -- after all rows --------------------------------------------------------------------------
    def finish(self) -> dict[str, int]:
        """Score what changed, as an import or a JD edit would: new pairs become applications."""
        jobs = sorted(j for j in self.jobs_to_rescore if self.rows.exists("jobs", j))
        for job_id in jobs:
            rescore_job(self.store, job_id)
        cands = sorted(c for c in self.candidates_to_rescore if self.rows.exists("candidates", c))
        if cands:
            rescore_candidates(self.store, [facts_for(self.store, c) for c in cands])
        return {"jobs": len(jobs), "candidates": len(cands)}


def merge_file(store: Store, path: str | os.PathLike[str], *, validate: bool = True) -> dict[str, Any]:
    """Merge one export file into ``store``; returns what happened to each kind of entity."""
    export = open_export(path, validate=validate, keep=True)
    header = export.header
    if header["redacted"]:
        raise DeskError(
            f"{path} is a redacted export: its names and contact details are pseudonyms, and "
            "merging it would overwrite real data with them"
        )
    merger = Merger(store, header["desk_id"])
    try:
        with store.write():
            for kind, entity in export.entities():
                merger.apply(kind, entity)
            rescored = merger.finish()
    except (KeyError, TypeError, ValueError) as exc:  # only reachable with validate=False
        raise DeskError(
            f"{path}: malformed entity ({type(exc).__name__}: {exc}); nothing was merged"
        ) from exc
    return {
        "path": str(path),
        "from_desk": header["desk_id"],
        "into_desk": store.desk_id,
        "range": header["range"],
        "entities": merger.report,
        "duplicates": merger.rows.possible_duplicates(),
        "rescored": rescored,
    }
