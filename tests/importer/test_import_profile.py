"""What the import stores for a candidate is what parsing the stored text gives, whoever encoded it."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from desk.canonical_json import dumps
from desk.importer import ImportOptions, import_paths
from desk.model import Resume
from desk.parse.resume import parse_resume
from desk.profile import build_skills
from tests.importer.files import sample


def test_stored_profile_and_skills_match_a_fresh_parse(tmp_path: Path, db_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in (1, 2, 3):
        (folder / f"r{i}.txt").write_text(sample(i), encoding="utf-8")
    report = import_paths(db_path, [str(folder)], ImportOptions(workers=2))
    assert report.imported == 3
    conn = sqlite3.connect(db_path)
    for cid, text, profile in conn.execute("SELECT id, text, profile FROM candidates"):
        resume = parse_resume(text)
        assert profile == dumps(resume.to_dict())  # the worker's encoding is the canonical one
        assert Resume.from_dict(json.loads(profile)) == resume
        rows = dict(
            conn.execute("SELECT skill_id, sources FROM candidate_skills WHERE candidate_id = ?", [cid])
        )
        skills = build_skills(text, resume)
        assert rows == {sid: dumps(cs.sources) for sid, cs in skills.items()}
