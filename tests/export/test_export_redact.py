"""--redact: the ranking survives, the people in it do not."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from export_fixtures import read_export

from desk.export import export_to_file
from desk.export.redact import pseudonym
from desk.model import Resume
from desk.services.rows import loads
from desk.store import Store


def _personal_strings(store: Store) -> set[str]:
    """Every name, email, phone, location, link, school and employer the desk holds."""
    found: set[str] = set()
    for name, email, phone, location, profile in store.conn.execute(
        "SELECT name, email, phone, location, profile FROM candidates"
    ):
        resume = Resume.from_dict(loads(profile, {}))
        found |= {name, email, phone, location, *resume.links}
        found |= {d.school for d in resume.education} | {w.company for w in resume.work}
        if phone:
            found.add(re.sub(r"\D", "", phone))
    for (body,) in store.conn.execute("SELECT body FROM notes"):
        found.add(body)
    for (path,) in store.conn.execute("SELECT path FROM documents"):
        found.add(path)
    # words a JD uses too ("Remote") are not personal: the jobs are exported on purpose
    jobs = " ".join(t + p for t, p in store.conn.execute("SELECT text, parsed FROM jobs")).lower()
    return {s for s in found if s and len(s) >= 4 and s.lower() not in jobs}


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_redacted_export_holds_no_personal_data(desk: Store, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"shared.{fmt}"
    export_to_file(desk, out, fmt=fmt, redact=True)
    raw = out.read_text(encoding="utf-8")
    text = json.dumps(json.loads(raw) if fmt == "json" else [json.loads(x) for x in raw.splitlines()])
    haystacks = (raw.lower(), text.lower(), re.sub(r"\D", "", raw))
    personal = _personal_strings(desk)
    assert len(personal) > 30
    leaked = sorted(s for s in personal if any(s.lower() in h for h in haystacks[:2]))
    assert leaked == []
    digits = [re.sub(r"\D", "", p) for (p,) in desk.conn.execute("SELECT phone FROM candidates") if p]
    assert not [d for d in digits if d in haystacks[2]]
    assert "@" not in text.replace("@example", "")  # no email addresses of any kind
    assert "@example" not in text

    doc = read_export(out)
    assert doc["redacted"] is True
    for c in doc["candidates"]:
        assert c["basics"]["name"] == pseudonym(desk.desk_id, c["id"])
        assert c["text"] is None and c["resume"] is None
    for a in doc["applications"]:
        assert all(r["evidence"] == "" for r in a["breakdown"]["requirements"])
    assert all(n["body"] is None for n in doc["notes"])


def test_pseudonyms_are_stable_and_the_ranking_survives(desk: Store, tmp_path: Path) -> None:
    one, two, full = tmp_path / "1.json", tmp_path / "2.json", tmp_path / "full.json"
    export_to_file(desk, one, redact=True)
    export_to_file(desk, two, redact=True)
    export_to_file(desk, full)
    names = [{c["id"]: c["basics"]["name"] for c in read_export(p)["candidates"]} for p in (one, two)]
    assert names[0] == names[1]
    assert len(set(names[0].values())) == len(names[0])
    scores = [
        {a["id"]: (a["score"], a["stage"]) for a in read_export(p)["applications"]} for p in (one, full)
    ]
    assert scores[0] == scores[1]
    assert pseudonym("desk-a", "c1") != pseudonym("desk-b", "c1")
