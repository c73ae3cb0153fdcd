"""``--redact``: a ranking that can leave the hiring team without the people in it.

What goes (replaced by ``None``, ``""`` or ``[]`` so the shape stays the same):

- names, replaced by a pseudonym: ``"Candidate "`` + the first 10 hex digits of
  HMAC-SHA256(key=desk id, msg=candidate id). Stable across exports of one desk, so
  two redacted rankings can be compared, and meaningless without the candidate id.
- emails, phones, profile links, the candidate's location (also the location fact
  the scorer reads), employer names, schools;
- every evidence snippet (in skills, facts and score breakdowns): a snippet is a
  line of the resume, which may hold anything;
- the resume text and the parsed resume, document paths (file names are usually
  the person's name), file hashes (they confirm whether a given file is in the
  set), document errors, tags and note bodies (free text written about a person);
- each job's text and source path (a JD may name its hiring manager).

What stays: ids, dates, job titles held, months of use and recency per skill,
degree levels and fields, seniority, work authorizations and clearances (they are
what some requirements screen on), stages, scores and the rest of each breakdown.
A server re-scoring a redacted export gets ``unknown`` for location requirements;
the exported score is still the one the desk computed.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Any

PSEUDONYM_DIGITS = 10


def pseudonym(desk_id: str, candidate_id: str) -> str:
    """A stable stand-in name; 40 bits keep collisions unlikely even at 100,000 candidates."""
    digest = hmac.new(desk_id.encode(), candidate_id.encode(), hashlib.sha256).hexdigest()
    return f"Candidate {digest[:PSEUDONYM_DIGITS]}"


def _facts(facts: dict[str, Any]) -> dict[str, Any]:
    skills = {sid: {**s, "evidence": ""} for sid, s in facts["skills"].items()}
    return {**facts, "skills": skills, "location": None}


def candidate(entity: dict[str, Any], desk_id: str) -> dict[str, Any]:
    out = dict(entity)
    out["basics"] = {
        "name": pseudonym(desk_id, entity["id"]),
        "email": None,
        "phone": None,
        "location": {},
        "profiles": [],
    }
    out["work"] = [{**w, "name": None, "location": None} for w in entity["work"]]
    out["education"] = [{**e, "institution": None} for e in entity["education"]]
    out["skills"] = [{**s, "evidence": ""} for s in entity["skills"]]
    out["tags"] = []
    out["documents"] = [{**d, "path": None, "sha256": None, "error": None} for d in entity["documents"]]
    out["facts"] = _facts(entity["facts"])
    out["resume"] = None
    out["text"] = None
    return out


def application(entity: dict[str, Any]) -> dict[str, Any]:
    breakdown = entity["breakdown"]
    reqs = [{**r, "evidence": ""} for r in breakdown["requirements"]]
    return {**entity, "breakdown": {**breakdown, "requirements": reqs}}


def note(entity: dict[str, Any]) -> dict[str, Any]:
    return {**entity, "body": None}


def job(entity: dict[str, Any]) -> dict[str, Any]:
    return {**entity, "text": None, "source_path": None}
