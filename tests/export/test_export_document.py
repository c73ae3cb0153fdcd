"""The export document: complete, schema-valid in both forms, and equal to what the services say."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from export_fixtures import read_export

from desk.export import export_to_file
from desk.export.schema import load_schema
from desk.model import STAGES
from desk.scoring import SCORER_VERSION
from desk.services.candidates import candidate_json
from desk.services.jobs import load_job
from desk.services.ranking import explain, facts_for
from desk.services.taxonomy import taxonomy_for
from desk.store import Store

SECTIONS = ("jobs", "candidates", "applications", "notes", "stage_changes", "tombstones")


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_full_export_is_valid_and_complete(desk: Store, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"all.{fmt}"
    summary = export_to_file(desk, out, fmt=fmt)
    doc = read_export(out)  # validates every line / the whole document against the schema

    assert doc["format"] == "desk-export" and doc["schema_version"] == 1
    assert doc["desk_id"] == desk.desk_id
    assert doc["scorer_version"] == SCORER_VERSION
    assert doc["range"] == {"from_seq": 0, "to_seq": desk.last_seq()} == summary["range"]
    assert summary["path"] == str(out.resolve())
    assert doc["counts"] == summary["counts"] == {s: len(doc[s]) for s in SECTIONS}

    counts = {t: desk.db[t].count for t in ("jobs", "candidates", "applications", "notes", "stage_changes")}
    assert {s: len(doc[s]) for s in counts} == counts
    for section in SECTIONS:
        for entity in doc[section]:
            assert entity["id"] and entity["updated_at"]
    # the deleted candidate left tombstones for itself and everything that hung off it
    kinds = {t["entity"] for t in doc["tombstones"]}
    assert {"candidate", "application", "note", "document", "stage_change"} <= kinds
    assert all(a["stage"] in STAGES for a in doc["applications"])


def test_json_form_is_streamed_one_entity_per_line(desk: Store, tmp_path: Path) -> None:
    out = tmp_path / "all.json"
    export_to_file(desk, out)
    lines = out.read_text(encoding="utf-8").splitlines()
    candidates = [ln for ln in lines if ln.startswith('{"id":') and '"basics":' in ln]
    assert len(candidates) == desk.db["candidates"].count
    assert json.loads(out.read_text(encoding="utf-8"))["counts"]["candidates"] == len(candidates)


def test_entities_equal_the_services(desk: Store, tmp_path: Path) -> None:
    """The chunked readers must give what the one-row services give, key for key."""
    out = tmp_path / "all.json"
    export_to_file(desk, out)
    doc = read_export(out)
    names = taxonomy_for(desk).name
    for c in doc["candidates"]:
        service = candidate_json(desk, c["id"], skill_names=names)
        service_docs = sorted(service.pop("documents"), key=lambda d: (d["imported_at"], d["id"]))
        assert c["documents"] == service_docs
        assert {k: c[k] for k in service if k != "updated_at"} == {
            k: v for k, v in service.items() if k != "updated_at"
        }
        assert c["updated_at"] >= service["updated_at"]
        assert c["facts"] == facts_for(desk, c["id"]).to_dict()
    for j in doc["jobs"]:
        assert j["parsed"] == load_job(desk, j["id"]).to_dict()
        assert j["parsed"]["related"], "a server needs the related skills to score"
    for a in doc["applications"]:
        assert a["breakdown"] == explain(desk, a["job_id"], a["candidate_id"]).to_dict()
        stored = desk.conn.execute("SELECT score, stage FROM applications WHERE id = ?", [a["id"]]).fetchone()
        assert (a["score"], a["stage"]) == stored


def test_work_done_on_the_desk_is_in_the_export(desk: Store, tmp_path: Path) -> None:
    out = tmp_path / "all.json"
    export_to_file(desk, out)
    doc = read_export(out)
    starred = [a for a in doc["applications"] if a["starred"]]
    assert len(starred) == 1 and starred[0]["stage"] == "interview"
    history = [(s["from_stage"], s["to_stage"]) for s in doc["stage_changes"]]
    assert sorted(history) == [("new", "screening"), ("screening", "interview")]
    assert {n["body"] for n in doc["notes"]} >= {"Prefers remote"}
    assert any(n["job_id"] for n in doc["notes"])


def test_schema_is_strict_where_it_matters(desk: Store, tmp_path: Path) -> None:
    from jsonschema import Draft202012Validator

    out = tmp_path / "all.json"
    export_to_file(desk, out)
    full = json.loads(out.read_text(encoding="utf-8"))
    doc = {k: (v[:1] if isinstance(v, list) else v) for k, v in full.items()}  # one of each: fast
    validator = Draft202012Validator(load_schema())
    Draft202012Validator.check_schema(load_schema())
    assert validator.is_valid(doc)
    bad_stage = json.loads(json.dumps(doc))
    bad_stage["applications"][0]["stage"] = "maybe"
    assert not validator.is_valid(bad_stage)
    extra = {**doc, "surprise": 1}
    assert not validator.is_valid(extra)
    missing = {k: v for k, v in doc.items() if k != "range"}
    assert not validator.is_valid(missing)
    bad_kind = json.loads(json.dumps(doc))
    bad_kind["jobs"][0]["parsed"]["requirements"][0]["kind"] = "nice-to-have"
    assert not validator.is_valid(bad_kind)
    stray = json.loads(json.dumps(doc))
    stray["candidates"][0]["nickname"] = "x"
    assert not validator.is_valid(stray)


def test_job_filter_narrows_everything_to_one_job(desk: Store, tmp_path: Path) -> None:
    job_id = desk.conn.execute("SELECT id FROM jobs ORDER BY created_at LIMIT 1").fetchone()[0]
    out = tmp_path / "one.json"
    export_to_file(desk, out, job_id=job_id)
    doc = read_export(out)
    assert doc["job_id"] == job_id
    assert [j["id"] for j in doc["jobs"]] == [job_id]
    assert doc["applications"] and all(a["job_id"] == job_id for a in doc["applications"])
    assert {c["id"] for c in doc["candidates"]} == {a["candidate_id"] for a in doc["applications"]}
    assert all(n["job_id"] in (None, job_id) for n in doc["notes"])
