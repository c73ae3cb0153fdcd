"""Golden test: the canonical messy backend JD (../shared/seed-jd.txt, copied into fixtures)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk.model import PREFERRED, REQUIRED
from desk.parse.job import parse_job

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seed-jd.txt"


@pytest.fixture(scope="module")
def job():
    return parse_job(SEED.read_text())


def skill_reqs(job, kind):
    return [r for r in job.requirements if r.type == "skill" and r.kind == kind]


def singles(job, kind) -> set[str]:
    return {r.skills[0] for r in skill_reqs(job, kind) if len(r.skills) == 1}


def groups(job, kind) -> list[set[str]]:
    return [set(r.skills) for r in skill_reqs(job, kind) if len(r.skills) > 1]


def test_title(job) -> None:
    assert job.title == "Software Developer (Backend-Developer)"


def test_required_skills(job) -> None:
    required = singles(job, REQUIRED)
    for sid in (
        "python",
        "postgresql",
        "mysql",
        "cassandra",
        "kafka",
        "linux",
        "docker",
        "kubernetes",
        "git",
        "rest-api",
        "pytest",
        "ci-cd",
        "ood",
        "data-structures-algorithms",
    ):
        assert sid in required, sid


def test_one_of_groups(job) -> None:
    req_groups = groups(job, REQUIRED)
    assert {"django", "flask", "fastapi"} in req_groups  # "Django, Flask, FAST"
    assert {"aws", "azure"} in req_groups
    # members of a group are not also separate requirements
    assert not {"django", "flask", "fastapi", "aws", "azure"} & singles(job, REQUIRED)


def test_preferred_skills(job) -> None:
    preferred = singles(job, PREFERRED)
    for sid in ("big-data", "tdd", "spring-boot", "java", "javascript"):
        assert sid in preferred, sid
    assert "java" not in singles(job, REQUIRED)


def test_requirements_are_deduplicated_with_sources(job) -> None:
    keys = [tuple(sorted(r.skills)) for r in job.requirements if r.type == "skill"]
    assert len(keys) == len(set(keys))
    python = next(r for r in job.requirements if r.skills == ["python"])
    assert "Python" in python.source and python.params["mentions"] >= 3


def test_years_keeps_both_and_says_which_is_used(job) -> None:
    stated = {(y.min, y.max) for y in job.years}
    assert stated == {(4, 6), (5, None)}
    assert job.years_used is not None and job.years[job.years_used].min == 5
    assert "4-6" in job.years_note and "5+" in job.years_note
    years = next(r for r in job.requirements if r.type == "years")
    assert years.params == {"min": 5, "max": 6} and years.kind == REQUIRED


def test_education(job) -> None:
    degree = next(r for r in job.requirements if r.type == "degree")
    assert degree.params["min_level"] == "bachelor"
    assert set(degree.params["levels"]) == {"bachelor", "master"}
    assert "Computer Science" in degree.params["fields"]
    assert degree.params["related_ok"] is True


def test_soft_skills_found_and_weighted_low(job) -> None:
    soft = [r for r in job.requirements if r.category == "soft"]
    names = {r.skills[0] for r in soft}
    assert {"communication", "teamwork", "problem-solving"} <= names
    hard_weights = [r.weight for r in skill_reqs(job, REQUIRED) if r.category != "soft"]
    assert max(r.weight for r in soft) < min(hard_weights)


def test_parse_is_deterministic(job) -> None:
    assert parse_job(SEED.read_text()).to_dict() == job.to_dict()
