"""The read models behind the TUI (core, no Textual): breakdown, compare, matrix, histogram, blind, search."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desk.errors import DeskError
from desk.scoring import RequirementResult
from desk.services.blind import blind_label, redact, sensitive_terms, terms_for
from desk.services.ranking import explain, ranked
from desk.services.resume_view import candidate_page, check_search, search_snippet, search_spans, skill_spans
from desk.services.views import breakdown, compare, how_text, score_histogram, skill_matrix
from desk.store import Store, open_store


@pytest.fixture
def desk(demo_db: Path) -> Iterator[tuple[Store, str]]:
    store = open_store(demo_db)
    job = store.conn.execute("SELECT id FROM jobs ORDER BY created_at, id LIMIT 1").fetchone()[0]
    yield store, job
    store.close()


def result(**kw: object) -> RequirementResult:
    base = dict(id="skill:x", type="skill", kind="required", label="PostgreSQL", weight=10, knockout=False)
    base.update(status="met", credit=1000)
    base.update(kw)
    return RequirementResult(**base)  # type: ignore[arg-type]


def test_how_text_says_how_each_requirement_matched() -> None:
    names = {"mysql": "MySQL", "postgresql": "PostgreSQL", "flask": "Flask"}.get
    assert how_text(result(skill="postgresql", how="exact"), names) == "exact"
    assert how_text(result(skill="postgresql", how="fuzzy", similarity=91.7), names) == "fuzzy 92%"
    assert how_text(result(skill="postgresql", how="implied", evidence="via Django: built apps"), names) == (
        "implied via Django"
    )
    related = result(status="partial", skill="mysql", how="related", via="postgresql")
    assert how_text(related, names) == "related: MySQL for PostgreSQL"
    one_of = result(label="One of Django / Flask", skill="flask", how="alias")
    assert how_text(one_of, names) == "alias: Flask"
    assert how_text(result(status="missing", how=None), names) == ""


def test_breakdown_groups_what_score_says(desk: tuple[Store, str]) -> None:
    store, job = desk
    top = ranked(store, job, limit=1)[0]
    data = breakdown(store, job, top["candidate_id"])
    score = explain(store, job, top["candidate_id"])
    assert data["score"] == score.score == top["score"]
    assert (data["met"], data["required_total"]) == (top["met"], top["required_total"])
    skills = [r for r in score.requirements if r.type == "skill"]
    for group in ("met", "partial", "missing"):
        assert len(data["skills"][group]) == sum(
            1 for r in skills if (r.status if r.status in ("met", "partial") else "missing") == group
        )
    assert {i["key"] for i in data["fit"]} == {r.id for r in score.requirements if r.type != "skill"}
    assert all(i["evidence"] for i in data["skills"]["met"])
    assert not any(
        i["evidence"].startswith("via ") for i in data["skills"]["met"] if i["how"].startswith("implied")
    )


def test_compare_lines_up_requirements(desk: tuple[Store, str]) -> None:
    store, job = desk
    ids = [r["candidate_id"] for r in ranked(store, job, limit=3)]
    data = compare(store, job, ids)
    assert [c["candidate_id"] for c in data["candidates"]] == ids
    assert all(len(r["cells"]) == 3 for r in data["rows"])
    for row in data["rows"]:
        assert row["differs"] == (len({c["status"] for c in row["cells"]}) > 1)
    with pytest.raises(DeskError, match="two or three"):
        compare(store, job, ids[:1])


def test_skill_matrix_and_histogram(desk: tuple[Store, str]) -> None:
    store, job = desk
    matrix = skill_matrix(store, job, top=5)
    assert len(matrix["rows"]) == 5
    assert all(r["kind"] == "required" for r in matrix["requirements"])
    assert all(len(r["cells"]) == len(matrix["requirements"]) for r in matrix["rows"])
    for i, col in enumerate(matrix["requirements"]):
        assert col["met"] == sum(1 for r in matrix["rows"] if r["cells"][i] == "met")
    assert len(skill_matrix(store, job, top=5, include_preferred=True)["requirements"]) > len(
        matrix["requirements"]
    )
    assert len(skill_matrix(store, job, top=50, min_score=40)["rows"]) == len(
        ranked(store, job, min_score=40)
    )
    histo = score_histogram(store, job, buckets=10)
    assert sum(b["count"] for b in histo["buckets"]) == histo["total"] == 44
    assert histo["buckets"][0]["lo"] == 0 and histo["buckets"][-1]["hi"] == 100
    scores = sorted(r["score"] for r in ranked(store, job, limit=100))
    assert histo["median"] == scores[(len(scores) - 1) // 2] and histo["max"] == scores[-1]
    for b in histo["buckets"]:
        assert b["count"] == sum(1 for s in scores if b["lo"] <= s < b["hi"] or (b["hi"] == 100 and s == 100))


def test_redaction_hides_identity_and_keeps_offsets() -> None:
    text = (
        "Zoë Ångström\nzoe@example.org | +46 8 123 456 78 | github.com/zoe\n"
        "PhD, KTH Royal Institute of Technology, 2027\nWorked 01.2019 - 06.2021 at Acme on PyTorch.\n"
    )
    terms = terms_for(
        "Zoë Ångström", ["zoe@example.org", "github.com/zoe"], ["KTH Royal Institute of Technology"]
    )
    hidden = redact(text, terms)
    assert len(hidden) == len(text) and hidden.count("\n") == text.count("\n")
    for secret in ("Zoë", "Ångström", "zoe@", "+46", "github", "KTH", "Institute"):
        assert secret not in hidden
    assert "01.2019 - 06.2021" in hidden and "Acme" in hidden and "PyTorch" in hidden
    assert blind_label("0191d1e7-d18c-4cf7-948c-8c3585a35e07") == "Candidate #0191d1"


def test_sensitive_terms_come_from_the_stored_profile(desk: tuple[Store, str]) -> None:
    store, job = desk
    top = ranked(store, job, limit=1)[0]
    terms = sensitive_terms(store, top["candidate_id"])
    assert top["name"] in terms and top["email"] in terms


def test_search_spans_snippets_and_bad_queries(desk: tuple[Store, str]) -> None:
    store, job = desk
    row = ranked(store, job, search="kafka", limit=1)[0]
    text = store.conn.execute("SELECT text FROM candidates WHERE id = ?", [row["candidate_id"]]).fetchone()[0]
    spans = search_spans(store, row["candidate_id"], "kafka")
    assert spans and all(text[s:e].lower() == "kafka" for s, e in spans)
    snip, marks = search_snippet(store, row["candidate_id"], "kafka")
    assert "\n" not in snip and all(snip[s:e].lower() == "kafka" for s, e in marks)
    other = ranked(store, job, search="python NOT kafka", limit=1)
    if other:
        assert search_spans(store, other[0]["candidate_id"], "kafka") == []
    for bad in ('"unterminated', "kafka AND", "nosuchcolumn:x"):
        with pytest.raises(DeskError, match="cannot search"):
            check_search(store, bad)
    check_search(store, "kafka OR spark")
    check_search(store, None)


def test_skill_spans_and_candidate_page(desk: tuple[Store, str]) -> None:
    store, job = desk
    row = ranked(store, job, limit=1)[0]
    spans = skill_spans(store, row["candidate_id"], job)
    page = candidate_page(store, row["candidate_id"], job_id=job, search="python")
    text = page["text"]
    assert spans == page["skill_spans"]
    assert any(s["wanted"] == "required" for s in spans) and any(s["wanted"] == "" for s in spans)
    assert all(text[s["start"] : s["end"]] for s in spans)
    assert page["search_spans"] and page["candidate"]["basics"]["name"] == row["name"]
    assert {a["job_id"] for a in page["applications"]} >= {job}
    assert skill_spans(store, row["candidate_id"])[0]["wanted"] == ""
