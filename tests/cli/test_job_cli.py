"""The --json outputs of job/score/explain/skills/candidate are contracts for outside scripts."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sample_data import ingest_sample

from desk.store import open_store

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "fixtures" / "seed-jd.txt"


def desk(db: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desk", "--db", str(db), *args],
        capture_output=True,
        text=True,
        input=stdin,
        timeout=120,
    )


def ok_json(out: subprocess.CompletedProcess[str]):
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "desk.db"
    store = open_store(path)
    for stem in ("01-daniel-okafor", "02-brian-kowalczyk", "04-gary-hollis", "05-chloe-martin"):
        ingest_sample(store, stem)
    store.close()
    return path


@pytest.fixture(scope="module")
def job(db: Path) -> dict:
    return ok_json(desk(db, "job", "add", str(SEED), "--json"))


def test_job_add_contract(job: dict) -> None:
    assert set(job) >= {"id", "title", "requirements", "years", "education"}
    assert job["title"] == "Software Developer (Backend-Developer)"
    for r in job["requirements"]:
        assert r["kind"] in ("required", "preferred", "ignored")
        assert isinstance(r["skills"], list) and isinstance(r["weight"], int) and isinstance(r["source"], str)
    web = next(r for r in job["requirements"] if set(r["skills"]) == {"Django", "Flask", "FastAPI"})
    assert web["kind"] == "required"
    assert {"min": 4, "max": 6} in [{"min": y["min"], "max": y["max"]} for y in job["years"]]


def test_job_add_from_stdin_and_errors(db: Path) -> None:
    out = ok_json(desk(db, "job", "add", "-", "--json", stdin="Go Developer\nRequirements:\n- Go, gRPC\n"))
    assert any(r["skills"] == ["Go"] for r in out["requirements"])
    missing = desk(db, "job", "add", "/nonexistent/jd.txt")
    assert missing.returncode == 1 and missing.stderr.startswith("error: ") and missing.stdout == ""
    empty = desk(db, "job", "add", "-", stdin="   \n")
    assert empty.returncode == 1 and "empty" in empty.stderr


def test_job_list_and_show(db: Path, job: dict) -> None:
    jobs = ok_json(desk(db, "job", "list", "--json"))
    mine = next(j for j in jobs if j["id"] == job["id"])
    assert mine["candidates"] == 4 and mine["best_score"] > 0
    shown = ok_json(desk(db, "job", "show", job["id"][:8], "--json"))
    assert shown["id"] == job["id"]
    unknown = desk(db, "job", "show", "no-such-job")
    assert unknown.returncode == 1 and "no job matches" in unknown.stderr


def test_score_contract(db: Path, job: dict) -> None:
    rows = ok_json(desk(db, "score", job["id"], "--top", "3", "--json"))
    assert [r["rank"] for r in rows] == [1, 2, 3]
    assert [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)
    for r in rows:
        assert set(r) >= {"rank", "candidate_id", "name", "score", "breakdown"}
        assert r["breakdown"]["score"] == r["score"]
        assert r["breakdown"]["scorer_version"]
    assert rows[0]["name"] in ("Daniel Okafor", "Brian Kowalczyk")


def test_explain_text_and_json(db: Path, job: dict) -> None:
    text = desk(db, "explain", job["id"], "Daniel Okafor")
    assert text.returncode == 0, text.stderr
    assert "Daniel Okafor" in text.stdout and "✓" in text.stdout and "“" in text.stdout
    data = ok_json(desk(db, "explain", job["id"], "Daniel Okafor", "--json"))
    assert data["name"] == "Daniel Okafor" and data["requirements"]


def test_job_edit_rescores(db: Path, job: dict) -> None:
    before = ok_json(desk(db, "score", job["id"], "--json"))
    ok_json(desk(db, "job", "edit", job["id"], "skill:python", "--kind", "ignored", "--json"))
    after = ok_json(desk(db, "score", job["id"], "--json"))
    assert [r["score"] for r in before] != [r["score"] for r in after]
    ok_json(desk(db, "job", "edit", job["id"], "skill:python", "--kind", "required", "--json"))
    assert [r["score"] for r in ok_json(desk(db, "score", job["id"], "--json"))] == [
        r["score"] for r in before
    ]


def test_custom_skills(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    added = ok_json(desk(db, "skills", "add", "AcmeRPC", "--alias", "arpc", "--implies", "Python", "--json"))
    assert added["id"] == "acmerpc" and added["aliases"] == ["arpc"] and added["implies"] == ["python"]
    alias = ok_json(desk(db, "skills", "add", "Kubernetes", "--alias", "kubes", "--json"))
    assert alias["id"] == "kubernetes"
    listed = ok_json(desk(db, "skills", "list", "--custom", "--json"))
    assert {s["id"] for s in listed} == {"acmerpc", "kubernetes"}
    clash = desk(db, "skills", "add", "Foo", "--alias", "k8s")
    assert clash.returncode == 1 and "already means Kubernetes" in clash.stderr
    job = ok_json(
        desk(db, "job", "add", "-", "--json", stdin="RPC Engineer\nRequirements:\n- arpc and kubes\n")
    )
    assert {"AcmeRPC", "Kubernetes"} <= {s for r in job["requirements"] for s in r["skills"]}


def test_candidate_list_and_show(db: Path) -> None:
    rows = ok_json(desk(db, "candidate", "list", "--json"))
    assert len(rows) == 4
    shown = ok_json(desk(db, "candidate", "show", "Daniel Okafor", "--json"))
    assert shown["basics"]["email"] == "daniel.okafor@example.com"
    assert isinstance(shown["years_experience"], float)
    assert shown["work"] and shown["education"] and shown["skills"]
    assert shown["documents"][0]["path"].endswith("01-daniel-okafor.txt")
    assert (
        any(p["network"] == "GitHub" for p in shown["basics"]["profiles"])
        or shown["basics"]["profiles"] == []
    )


def test_candidate_list_lines_up_wide_characters(tmp_path: Path) -> None:
    """A CJK name takes two cells per character: the columns after it stay in line."""
    from click.testing import CliRunner

    from desk.cli import cli

    db = tmp_path / "wide.db"
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "zh.txt").write_text("王伟\nwang.wei@example.cn\n\n技能\nPython\n", encoding="utf-8")
    (folder / "en.txt").write_text("Jane Doe\njane@example.com\n\nSKILLS\nPython\n", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", str(db), "import", str(folder)]).exit_code == 0
    out = runner.invoke(cli, ["--db", str(db), "candidate", "list"]).output.splitlines()
    from rich.cells import cell_len

    assert sorted(line.split()[1] for line in out) == ["Jane", "王伟"]
    assert len({cell_len(line[: line.index("@")].rsplit(" ", 1)[0]) for line in out}) == 1
