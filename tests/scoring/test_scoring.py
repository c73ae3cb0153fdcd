"""score(): explained, deterministic, and equal to the bulk ranking's numbers."""

from __future__ import annotations

import json
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from desk.model import CandidateFacts, CandidateSkill, Job, Requirement
from desk.ranking import RankIndex
from desk.scoring import score, skill_strength

SKILLS = [
    "python",
    "django",
    "flask",
    "postgresql",
    "mysql",
    "kafka",
    "docker",
    "kubernetes",
    "aws",
    "azure",
    "java",
]


def cs(sid: str, strength: int, how: str = "exact") -> CandidateSkill:
    return CandidateSkill(sid, how, 100.0, 1, 0, None, ["skills"], f"knows {sid}", strength)


def job(*reqs: Requirement, related=None) -> Job:
    return Job(title="t", requirements=list(reqs), related=related or {})


def skill_req(
    rid: str, *skills: str, kind: str = "required", weight: int = 10, knockout: bool = False
) -> Requirement:
    return Requirement(rid, "skill", kind, rid, weight, skills=list(skills), knockout=knockout)


def facts(skills: dict[str, int], **kw) -> CandidateFacts:
    return CandidateFacts(id=kw.pop("id", "c"), skills={k: cs(k, v) for k, v in skills.items()}, **kw)


def test_met_partial_missing_with_evidence() -> None:
    j = job(
        skill_req("pg", "postgresql"),
        skill_req("k8s", "kubernetes"),
        skill_req("web", "django", "flask"),
        related={"postgresql": ["mysql"], "kubernetes": [], "django": [], "flask": []},
    )
    s = score(j, facts({"mysql": 800, "flask": 600}))
    by = {r.id: r for r in s.requirements}
    assert by["pg"].status == "partial" and by["pg"].how == "related" and by["pg"].via == "postgresql"
    assert by["pg"].credit == 400
    assert by["k8s"].status == "missing" and by["k8s"].credit == 0
    assert by["web"].status == "met" and by["web"].skill == "flask" and by["web"].evidence == "knows flask"
    assert s.met == 1 and s.required_total == 3
    assert s.points == 10000 * (400 + 0 + 600) * 10 // (1000 * 30)


def test_required_dominates_preferred() -> None:
    j = job(
        skill_req("py", "python"),
        skill_req("k8s", "kubernetes"),
        skill_req("java", "java", kind="preferred", weight=3),
        skill_req("aws", "aws", kind="preferred", weight=3),
    )
    has_required = score(j, facts({"python": 700, "kubernetes": 700}))
    has_preferred = score(j, facts({"java": 1000, "aws": 1000}))
    assert has_required.score > has_preferred.score


def test_evidence_strength_orders_candidates() -> None:
    listed = skill_strength(
        how="exact", similarity=100, mentions=1, months=0, last_year=None, sources=["skills"], as_of_year=2026
    )
    used = skill_strength(
        how="exact",
        similarity=100,
        mentions=4,
        months=36,
        last_year=2026,
        sources=["work", "skills"],
        as_of_year=2026,
    )
    stale = skill_strength(
        how="exact", similarity=100, mentions=4, months=36, last_year=2015, sources=["work"], as_of_year=2026
    )
    fuzzy = skill_strength(
        how="fuzzy",
        similarity=83.3,
        mentions=1,
        months=0,
        last_year=None,
        sources=["skills"],
        as_of_year=2026,
    )
    assert used > stale > listed > fuzzy > 0
    assert used <= 1000


def test_years_and_degree_fit() -> None:
    j = job(
        Requirement("years", "years", "required", "5+ years", 20, params={"min": 5, "max": None}),
        Requirement("degree", "degree", "required", "BSc", 8, params={"min_level": "bachelor"}),
    )
    senior = score(j, facts({}, years_experience=6.0, degree_level=4))
    junior = score(j, facts({}, years_experience=2.5, degree_level=0))
    assert [r.status for r in senior.requirements] == ["met", "met"]
    assert junior.requirements[0].status == "partial" and junior.requirements[0].credit == 500
    assert junior.requirements[1].status == "unknown"
    assert senior.score == 100.0


def test_degree_field_compared_across_languages() -> None:
    """A German JD asks for "Informatik"; an English CV's "Computer Science" is that field."""
    params = {"min_level": "bachelor", "fields": ["Informatik"]}
    j = job(Requirement("degree", "degree", "required", "Bachelor's in Informatik", 8, params=params))
    english = score(j, facts({}, degree_level=4, degree_fields=["Computer Science"]))
    assert english.requirements[0].detail.endswith("field matches (Computer Science)")
    other = score(j, facts({}, degree_level=4, degree_fields=["History"]))
    assert other.requirements[0].detail.endswith("field differs (History)")
    assert english.score == other.score  # the field is explained, never scored


def test_knockout_zeroes_the_score_and_ignored_drops_out() -> None:
    j = job(skill_req("py", "python", knockout=True), skill_req("go", "go", kind="ignored"))
    assert score(j, facts({"python": 500})).points == 5000
    out = score(j, facts({"go": 1000}))
    assert out.knocked_out and out.points == 0
    assert [r.id for r in out.requirements] == ["py"]


def test_byte_for_byte_deterministic() -> None:
    j = job(skill_req("py", "python"), skill_req("web", "django", "flask"))
    f = facts({"python": 640, "django": 910})
    a = json.dumps(score(j, f).to_dict(), sort_keys=True)
    b = json.dumps(
        score(
            Job.from_dict(json.loads(json.dumps(j.to_dict()))),
            CandidateFacts.from_dict(json.loads(json.dumps(f.to_dict()))),
        ).to_dict(),
        sort_keys=True,
    )
    assert a == b


def random_job(rng: random.Random) -> Job:
    reqs = []
    for i in range(rng.randint(1, 8)):
        kind = rng.choice(["required", "required", "preferred", "ignored"])
        reqs.append(
            skill_req(
                f"r{i}",
                *rng.sample(SKILLS, rng.randint(1, 3)),
                kind=kind,
                weight=rng.randint(0, 12),
                knockout=rng.random() < 0.15,
            )
        )
    reqs.append(
        Requirement(
            "years",
            "years",
            "required",
            "y",
            rng.randint(0, 25),
            params={"min": rng.choice([0, 1.5, 3, 5, 7.5])},
        )
    )
    reqs.append(
        Requirement(
            "degree",
            "degree",
            "required",
            "d",
            rng.randint(0, 9),
            params={"min_level": rng.choice(["bachelor", "master", "phd"])},
        )
    )
    screening = [
        Requirement(
            "clearance", "clearance", "required", "c", 4, params={"level": rng.choice(["secret", "ts-sci"])}
        ),
        Requirement(
            "authorization",
            "authorization",
            "required",
            "a",
            4,
            params={"needs": rng.choice(["us-citizen", "work-authorization"])},
            knockout=rng.random() < 0.3,
        ),
        Requirement(
            "graduation",
            "graduation",
            "required",
            "g",
            4,
            params={"years": rng.choice([[2026, 2027], []]), "students": True},
        ),
        Requirement(
            "seniority", "seniority", "preferred", "s", 4, params={"level": rng.choice(["junior", "senior"])}
        ),
        Requirement(
            "location", "location", "preferred", "l", 4, params={"places": ["Berlin, Germany", "Austin, TX"]}
        ),
    ]
    reqs += rng.sample(screening, rng.randint(0, len(screening)))
    related = {s: rng.sample(SKILLS, 2) for s in SKILLS}
    return Job(title="random", requirements=reqs, related=related)


def random_facts(rng: random.Random, i: int) -> CandidateFacts:
    skills = {s: rng.choice([0, 1, 250, 499, 500, 733, 1000]) for s in rng.sample(SKILLS, rng.randint(0, 8))}
    return facts(
        skills,
        id=f"c{i:04d}",
        years_experience=rng.choice([None, 0.0, 0.1, 2.5, 4.9, 5.0, 6.94, 12.0]),
        degree_level=rng.choice([0, 1, 3, 4, 5]),
        graduation_year=rng.choice([None, 2019, 2026, 2027]),
        location=rng.choice([None, "Berlin, Germany", "Remote", "austin, tx"]),
        seniority=rng.choice([None, "intern", "junior", "mid", "senior", "staff", "manager"]),
        authorizations=rng.sample(
            [
                "us-citizen",
                "green-card",
                "needs-sponsorship",
                "clearance:secret",
                "clearance:ts-sci",
                "work-authorization",
            ],
            rng.randint(0, 2),
        ),
    )


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**32 - 1))
def test_bulk_ranking_equals_score_exactly(seed: int) -> None:
    rng = random.Random(seed)
    j = random_job(rng)
    people = [random_facts(rng, i) for i in range(40)]
    ranked = RankIndex.from_facts(people).rank(j)
    for i, f in enumerate(people):
        single = score(j, f)
        assert ranked.points[i] == single.points, (f, single)
        assert ranked.met[i] == single.met
        assert bool(ranked.knocked[i]) == single.knocked_out
        assert ranked.required_total == single.required_total
