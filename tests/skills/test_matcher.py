"""Finding skills in text: aliases, typos, and the words that only look like skills."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desk.model import Resume
from desk.profile import build_skills
from desk.skills import find_skills
from desk.skills.matcher import cut_snippet


def ids(text: str, **kw) -> list[str]:
    return sorted({h.skill_id for h in find_skills(text, implied=False, **kw)})


def hit(text: str, skill: str):
    return next(h for h in find_skills(text, implied=False) if h.skill_id == skill)


@pytest.mark.parametrize(
    ("text", "skill", "how"),
    [
        ("Deployed on k8s", "kubernetes", "alias"),
        ("Postgres and psql", "postgresql", "alias"),
        ("Python 3.11", "python", "exact"),
        ("python3 scripts", "python", "alias"),
        ("GCP, AWS", "google-cloud", "alias"),
        ("Node.js services", "nodejs", "exact"),
        ("CI/CD pipelines", "ci-cd", "exact"),
        ("scikit-learn models", "scikit-learn", "exact"),
        ("C++ and C#", "cpp", "exact"),
        ("Django/Flask", "flask", "exact"),
    ],
)
def test_exact_and_alias(text: str, skill: str, how: str) -> None:
    h = hit(text, skill)
    assert h.how in ("exact", "alias")
    assert text[h.start : h.end] == h.surface


@pytest.mark.parametrize(
    ("typo", "skill"),
    [
        ("Kubernates", "kubernetes"),
        ("Postgress", "postgresql"),
        ("Djnago", "django"),
        ("Pyhton", "python"),
        ("Kafak", "kafka"),
        ("Dockr", "docker"),
    ],
)
def test_typos_match_fuzzily_with_similarity(typo: str, skill: str) -> None:
    h = hit(f"Worked with {typo} daily", skill)
    assert h.how == "fuzzy"
    assert 70 <= h.similarity < 100
    assert h.surface == typo


@pytest.mark.parametrize(
    "text",
    [
        "I use my spare time to scale the team and flash the firmware",
        "Testing and system-level operations",  # not TestNG, not systemd
        "The sparks flew during planning",
        "Reached out to stakeholders; made reacts to feedback",
    ],
)
def test_ordinary_words_are_not_fuzzy_skills(text: str) -> None:
    assert [h for h in find_skills(text, implied=False) if h.how == "fuzzy"] == []


def test_java_never_matches_javascript() -> None:
    assert ids("JavaScript developer") == ["javascript"]
    assert "java" in ids("Java and JavaScript")


@pytest.mark.parametrize(
    "text",
    [
        "I am the go-to person for the team",
        "Go to market with the rest of the team",
        "Spring is a great season; we made an Excel-lent plan",
        "Grade C student, appendix R",
        "We Go fast",
        "Spring and Summer interns",
        "Go, and then Rust the hinges",
    ],
)
def test_ambiguous_words_need_context(text: str) -> None:
    assert not set(ids(text)) & {"go", "rest-api", "spring", "excel", "c", "r"}


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Built REST APIs and JSON endpoints", "rest-api"),
        ("Backend services in Go and gRPC microservices", "go"),
        ("Languages: Go, Rust, C", "go"),
        ("Go, Python, Rust", "rust"),
        ("Strong proficiency with at least one web framework (Django, Flask, FAST)", "fastapi"),
        # one skill joined to another is one item of a list of two
        ("React or Angular – nice to have", "react"),
        ("Wrote MPI + NumPy simulation code", "mpi"),
        ("Moved 300 services from EC2/Chef to EKS", "chef"),
        ("Go or Rust", "go"),
        ("Go or Rust", "rust"),
    ],
)
def test_ambiguous_words_with_context(text: str, skill: str) -> None:
    assert skill in ids(text)


def test_list_spans_count_as_context() -> None:
    text = "SKILLS\nGo\nRust"
    assert "go" in ids(text, list_spans=[(0, len(text))])
    assert "go" not in ids(text)


def test_implied_skills_record_their_source() -> None:
    hits = find_skills("Django and PySpark")
    implied = {h.skill_id: h for h in hits if h.how == "implied"}
    assert implied["python"].via in ("django", "pyspark")
    assert "spark" in implied


def test_evidence_is_the_line_around_the_hit() -> None:
    text = "Header\nBuilt Kafka pipelines for payments\nFooter"
    assert build_skills(text, Resume())["kafka"].evidence == "Built Kafka pipelines for payments"


def test_evidence_on_a_long_line_is_the_part_around_each_hit() -> None:
    names = ", ".join(
        ["Python", "Django", "Flask", "PostgreSQL", "MySQL", "Cassandra", "Kafka", "Docker"] * 3
    )
    text = f"Header\n   Skills: {names}, Kubernetes and Terraform\nFooter"
    skills = build_skills(text, Resume())
    assert skills["python"].evidence.startswith("Skills: Python, Django") and skills[
        "python"
    ].evidence.endswith("…")
    tail = skills["terraform"].evidence
    assert tail.startswith("…") and tail.endswith("Kubernetes and Terraform")
    direct = [s for s in skills.values() if s.how != "implied"]
    assert all(len(s.evidence) <= 92 and "\n" not in s.evidence for s in direct)


def test_evidence_of_a_name_broken_over_two_lines_is_its_first_line() -> None:
    text = "Designed payment APIs and relational\ndatabases for the ledger team"
    assert (
        build_skills(text, Resume())["relational-databases"].evidence
        == "Designed payment APIs and relational"
    )


def test_cut_snippet_marks_both_cuts() -> None:
    line = "a" * 50 + " Kafka " + "b" * 100
    piece = cut_snippet(line, 51, width=20)
    assert piece.startswith("…") and piece.endswith("…") and "Kafka" in piece


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_never_crashes_on_any_text(text: str) -> None:
    for h in find_skills(text):
        assert 0 <= h.start <= h.end <= len(text)


@settings(max_examples=15, deadline=None)
@given(st.text(alphabet="abcK8s-/ .,+#\n", min_size=50, max_size=400), st.integers(50, 200))
def test_huge_inputs(chunk: str, times: int) -> None:
    """A resume that is one 50,000-character line must not blow up (or take forever)."""
    find_skills((chunk * times)[:60000])


def test_deterministic() -> None:
    text = (Path(__file__).resolve().parents[2] / "desk/samples/jobs/01-backend-developer.txt").read_text()
    assert find_skills(text) == find_skills(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (".NET Core and C#", ["csharp", "dotnet"]),  # one hit for ".NET Core", not "Core" too
        ("x.python and #go", []),  # glued to a longer token
        ("Go1.21 Python3.11", ["python"]),  # a version suffix is fine on names, not on ambiguous forms
        ("İstanbul: Python, Kubernetes", ["kubernetes", "python"]),  # lower-casing changes the length
    ],
)
def test_token_edges(text: str, expected: list[str]) -> None:
    assert ids(text) == expected


def test_hyphenated_context_words_count() -> None:
    """A context word written with a hyphen matches either spelling of the text."""
    from desk.skills.matcher import _context_regex

    rx = _context_regex(("object-oriented",))
    assert rx.search("object oriented design") and rx.search("object-oriented design")
    assert not rx.search("objection oriented")


def test_a_name_wins_over_an_ambiguous_form_that_starts_with_it() -> None:
    """A user's skill "Foo" at the start of the ambiguous form "Foo Bar" of another: a
    name needs no context, so it wins (as it always has), and "foo bar" in lower case,
    which is not the ambiguous form at all, must still find Foo."""
    from desk.skills.taxonomy import builtin_taxonomy

    tax = builtin_taxonomy().with_custom(
        [
            {"id": "foo", "name": "Foo"},
            {"id": "foobar", "name": "Foobar Tool", "ambiguous": ["Foo Bar"], "context": ["tool"]},
        ]
    )
    got = find_skills("we use foo bar daily", tax, implied=False)
    assert [(h.skill_id, h.surface) for h in got] == [("foo", "foo")]
    got = find_skills("the Foo Bar tool", tax, implied=False)
    assert [(h.skill_id, h.surface) for h in got] == [("foo", "Foo")]


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="GoRESTCj avPyhton.NET-/#+\n:,", max_size=200))
def test_scan_and_find_agree(text: str) -> None:
    """``scan`` (plain tuples, for import) and ``find`` (hit objects) are one pass."""
    from desk.skills.matcher import matcher_for

    m = matcher_for()
    assert [(h.start, h.end, h.skill_id, h.how, h.similarity) for h in m.find(text, implied=False)] == m.scan(
        text
    )


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Ran Kuber-\nnetes clusters", "kubernetes"),
        ("and Post-\ngreSQL replicas", "postgresql"),
        ("wrote Terra-\n  form modules", "terraform"),
        ("in Java-\nScript", "javascript"),
        ("Type\xad\nScript", "typescript"),
    ],
)
def test_name_hyphenated_across_a_line_break(text: str, skill: str) -> None:
    """Justified PDF text breaks long words at the line end; the halves are one name."""
    assert ids(text) == [skill]  # "Java" alone does not count beside "JavaScript"
    h = hit(text, skill)
    assert "\n" in text[h.start : h.end]  # the hit spans the break, so its evidence is the real text


def test_hyphen_at_a_line_end_between_ordinary_words_finds_nothing() -> None:
    assert ids("long-\nterm plans") == []


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        (
            "Cisco IOS, Juniper Junos, BGP, OSPF, MPLS and SD-WAN",
            {"cisco-ios", "junos", "bgp", "ospf", "mpls", "sd-wan"},
            {"ios"},
        ),
        ("Fastlane, XCTest, Espresso, Bitrise", {"fastlane", "espresso", "bitrise"}, {"esp32"}),
        ("Azure infrastructure as code with Bicep and Terraform", {"arm-templates"}, set()),
        ("He flexed a bicep", set(), {"arm-templates"}),
        (
            "Power BI (DAX), SSAS Tabular, Veeam, Intune, CrowdStrike Falcon, MITRE ATT&CK",
            {"dax", "ssas", "veeam", "intune", "crowdstrike", "mitre-attack"},
            set(),
        ),
        ("Prometheus, Grafana, Loki", {"loki", "grafana"}, set()),
        ("Loki is a character in Norse myths", set(), {"loki"}),
    ],
)
def test_infrastructure_security_and_bi_names(text: str, present: set, absent: set) -> None:
    found = {h.skill_id for h in find_skills(text)}
    assert present <= found, present - found
    assert not (absent & found), absent & found
