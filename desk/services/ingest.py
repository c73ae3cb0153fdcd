"""Store one parsed resume: dedupe against known people, save, link the document, score.

The expensive, pure part (extract, parse, find skills) happens before this, in
worker processes; this is the single writer's part and runs in one transaction,
so a crash leaves either the whole candidate or nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desk.model import CandidateFacts, CandidateSkill, Resume
from desk.services.candidates import add_document, find_same_person, save_candidate, scored_columns
from desk.services.ranking import facts_for, facts_from, rescore_candidates
from desk.services.rows import loads
from desk.store import Store


@dataclass
class Ingested:
    candidate_id: str
    document_id: str
    merged: bool
    reason: str = ""
    #: the scorer's view of the candidate when this resume became its profile (None when an
    #: older resume of a known person only added a document): no need to read it back
    facts: CandidateFacts | None = None


def ingest(
    store: Store,
    *,
    path: str,
    sha256: str,
    fmt: str,
    size: int,
    pages: int,
    text: str,
    layout: dict[str, Any],
    resume: Resume,
    skills: dict[str, CandidateSkill],
    parser_version: str,
    score: bool = True,
    profile_json: str | None = None,
) -> Ingested:
    """Store one parsed resume; a known person gets the document added (and the profile
    replaced when this resume is the newer one)."""
    with store.write():
        same = find_same_person(store, resume, text)
        saved = True
        if same is not None:
            cid, reason = same
            old_profile = Resume.from_dict(
                loads(
                    store.conn.execute("SELECT profile FROM candidates WHERE id = ?", [cid]).fetchone()[0], {}
                )
            )
            saved = _richness(resume) >= _richness(old_profile)
            if saved:
                save_candidate(
                    store,
                    resume=resume,
                    text=text,
                    skills=skills,
                    candidate_id=cid,
                    profile_json=profile_json,
                )
        else:
            cid = save_candidate(store, resume=resume, text=text, skills=skills, profile_json=profile_json)
            reason = ""
        facts = facts_from(cid, scored_columns(resume), list(skills.values())) if saved else None
        doc_id = add_document(
            store,
            path=path,
            sha256=sha256,
            status="ok",
            candidate_id=cid,
            fmt=fmt,
            size=size,
            pages=pages,
            text=text,
            layout=layout,
            parser_version=parser_version,
        )
        if score:
            rescore_candidates(store, [facts if facts is not None else facts_for(store, cid)])
    return Ingested(cid, doc_id, same is not None, reason, facts)


def _richness(resume: Resume) -> tuple[str, int]:
    """Which of two resumes of one person to keep as the profile: the one whose history
    reaches later, then the one with more work entries (a newer resume usually wins)."""
    ends = [resume.as_of or "9999" if w.current else (w.end or w.start or "") for w in resume.work]
    return (max(ends, default=""), len(resume.work))
