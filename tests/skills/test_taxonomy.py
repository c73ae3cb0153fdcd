"""The shipped taxonomy is data others rely on: check its invariants, not its size alone."""

from __future__ import annotations

import json
from importlib import resources

from desk.skills.taxonomy import ID_RE, builtin_taxonomy, load_taxonomy, norm


def raw() -> dict:
    return json.loads(resources.files("desk.skills").joinpath("data/taxonomy.json").read_text())


def test_size_and_categories() -> None:
    data = raw()
    skills = data["skills"]
    assert len(skills) >= 400
    cats = set(data["categories"])
    assert {s["category"] for s in skills} <= cats
    for needed in (
        "language",
        "framework",
        "database",
        "messaging",
        "cloud",
        "container",
        "ci-cd",
        "testing",
        "big-data",
        "ml",
        "security",
        "methodology",
        "soft",
    ):
        assert any(s["category"] == needed for s in skills), needed


def test_ids_unique_and_well_formed() -> None:
    ids = [s["id"] for s in raw()["skills"]]
    assert len(ids) == len(set(ids))
    assert all(ID_RE.match(i) for i in ids)


def test_every_surface_has_one_meaning() -> None:
    seen: dict[str, str] = {}
    for s in raw()["skills"]:
        for form in [s["name"], *s["aliases"], *s["ambiguous"]]:
            key = norm(form)
            assert seen.setdefault(key, s["id"]) == s["id"], f"{form!r} is used by {seen[key]} and {s['id']}"


def test_links_exist_and_related_is_symmetric() -> None:
    skills = {s["id"]: s for s in raw()["skills"]}
    for s in skills.values():
        for ref in s["implies"] + s["related"]:
            assert ref in skills and ref != s["id"], (s["id"], ref)
        for ref in s["related"]:
            assert s["id"] in skills[ref]["related"], (s["id"], ref)
        if s["ambiguous"]:
            assert s["context"], f"{s['id']} has ambiguous forms but no context words"


def test_required_aliases_and_links() -> None:
    tax = builtin_taxonomy()
    assert tax.lookup("k8s") == "kubernetes"
    assert tax.lookup("Postgres") == "postgresql"
    assert tax.lookup("psql") == "postgresql"
    assert tax.lookup("JS") == "javascript"
    assert tax.lookup("GCP") == "google-cloud"
    assert "python" in tax.implied_closure("django")
    assert {"spark", "python"} <= set(tax.implied_closure("pyspark"))
    assert "postgresql" in tax.related("mysql")
    assert "podman" in tax.related("docker")


def test_custom_skills_extend_without_touching_shipped() -> None:
    tax = load_taxonomy(
        [
            {"id": "acme-rpc", "name": "AcmeRPC", "category": "custom", "aliases": ["arpc"]},
            {"id": "kubernetes", "name": "Kubernetes", "aliases": ["kubes"]},
        ]
    )
    assert tax.lookup("arpc") == "acme-rpc"
    assert tax.lookup("kubes") == "kubernetes"
    assert tax.lookup("k8s") == "kubernetes"  # shipped aliases stay
    assert builtin_taxonomy().lookup("kubes") is None
