"""Pilot tests of compare, the skill matrix, the histogram and the job editor."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from textual.widgets import Input
from tui_fixtures import plain, record_notifications, settle

from desk.services.jobs import load_job
from desk.services.ranking import ranked
from desk.services.views import score_histogram, skill_matrix
from desk.store import open_store
from desk.tui import make_app
from desk.tui.screens.compare import CompareScreen
from desk.tui.screens.histogram import HistogramScreen
from desk.tui.screens.job_editor import JobEditorScreen
from desk.tui.screens.matrix import MatrixScreen

SIZE = (110, 32)


def first_job(db: Path) -> str:
    with open_store(db) as store:
        return store.conn.execute("SELECT id FROM jobs ORDER BY created_at, id LIMIT 1").fetchone()[0]


def rows(db: Path, sql: str, params: list[object] = ()) -> list[tuple]:  # type: ignore[assignment]
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


async def test_compare_two_marked_candidates(demo_db: Path) -> None:
    job = first_job(demo_db)
    with open_store(demo_db) as store:
        top = ranked(store, job, limit=2)
        shown = [r for r in load_job(store, job).requirements if r.kind != "ignored"]
    app = make_app(demo_db)
    notes = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c")
        assert any("Mark two or three" in n[0] for n in notes)
        await pilot.press("m", "j", "m")
        await settle(pilot)
        assert app.screen.marked == [top[0]["candidate_id"], top[1]["candidate_id"]]
        assert "●" in app.screen.table.render_line(1).text
        await pilot.press("c")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        table = screen.query_one("#compare-table")
        assert table.row_count == 4 + len(shown)
        title = plain(screen.query_one("#compare-title"))
        assert f"A: {top[0]['name']}" in title and f"B: {top[1]['name']}" in title
        evidence = plain(screen.query_one("#compare-evidence"))
        assert evidence.startswith(shown[0].label) and "\nA ✓" in evidence and "\nB " in evidence
        await pilot.press("d")
        await settle(pilot)
        differ = sum(1 for r in screen.data["rows"] if r["differs"])
        assert table.row_count == 4 + differ < 4 + len(shown)
        await pilot.press("b")
        await settle(pilot)
        title = plain(screen.query_one("#compare-title"))
        assert "Candidate #" in title and top[0]["name"] not in title
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.__class__.__name__ == "MainScreen"


async def test_at_most_three_marks(demo_db: Path) -> None:
    app = make_app(demo_db)
    notes = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("m", "j", "m", "j", "m", "j", "m")
        await settle(pilot)
        assert len(app.screen.marked) == 3
        assert any("at most three" in n[0] for n in notes)
        await pilot.press("k", "m")  # unmark the third
        assert len(app.screen.marked) == 2
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)


async def test_skill_matrix_shows_top_candidates_by_required_skill(demo_db: Path) -> None:
    job = first_job(demo_db)
    with open_store(demo_db) as store:
        expected = skill_matrix(store, job, top=15)
        wider = skill_matrix(store, job, top=15, include_preferred=True)
    app = make_app(demo_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MatrixScreen)
        table = screen.query_one("#matrix-table")
        assert table.row_count == 15
        assert len(table.columns) == 3 + len(expected["requirements"])
        first = [str(c) for c in table.get_row_at(0)]
        assert first[1] == expected["rows"][0]["name"]
        assert first[3:] == [
            {"met": "●", "partial": "◐", "missing": "·"}[s] for s in expected["rows"][0]["cells"]
        ]
        await pilot.press("right", "right", "right")
        legend = plain(screen.query_one("#matrix-legend"))
        assert expected["requirements"][0]["label"] in legend and "met by" in legend
        await pilot.press("plus")
        await settle(pilot)
        assert table.row_count == 20
        await pilot.press("p")
        await settle(pilot)
        assert len(table.columns) == 3 + len(wider["requirements"])


async def test_histogram_counts_every_candidate(demo_db: Path) -> None:
    job = first_job(demo_db)
    with open_store(demo_db) as store:
        expected = score_histogram(store, job)
    app = make_app(demo_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("h")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, HistogramScreen)
        stats, _, *lines = plain(screen.query_one("#histo-body")).splitlines()
        assert len(lines) == 10 and stats.startswith("44 candidates · mean")
        counts = [int(re.search(r"│█* (\d+)", line).group(1)) for line in lines]
        assert sum(counts) == 44 == expected["total"]
        assert counts == [b["count"] for b in reversed(expected["buckets"])]
        assert sum("◀ highlighted candidate" in line for line in lines) == 1
        assert "Score histogram" in plain(screen.query_one("#histo-title"))
        await pilot.press("plus")
        await settle(pilot)
        assert len(plain(screen.query_one("#histo-body")).splitlines()) == 2 + 20


async def test_job_editor_changes_requirements_and_rescoring_is_immediate(demo_db: Path) -> None:
    job = first_job(demo_db)
    before = dict(rows(demo_db, "SELECT candidate_id, score FROM applications WHERE job_id = ?", [job]))
    app = make_app(demo_db)
    notes = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, JobEditorScreen)
        table = screen.query_one("#editor-table")
        first = screen.requirement
        n = table.row_count
        assert n == len(rows(demo_db, "SELECT id FROM requirements WHERE job_id = ?", [job]))

        await pilot.press("g")
        await settle(pilot)
        assert rows(
            demo_db, "SELECT kind FROM requirements WHERE job_id = ? AND key = ?", [job, first["id"]]
        ) == [("ignored",)]
        after = dict(rows(demo_db, "SELECT candidate_id, score FROM applications WHERE job_id = ?", [job]))
        assert after != before  # the whole job was rescored
        top = plain(screen.query_one("#editor-top"))
        best = rows(demo_db, "SELECT MAX(score) FROM applications WHERE job_id = ?", [job])[0][0]
        assert f"{best:5.1f}" in top

        await pilot.press("p")
        await settle(pilot)
        await pilot.press("plus", "plus")
        await settle(pilot)
        await pilot.press("k")
        await settle(pilot)
        kind, weight, ko = rows(
            demo_db,
            "SELECT kind, weight, knockout FROM requirements WHERE job_id = ? AND key = ?",
            [job, first["id"]],
        )[0]
        assert (kind, ko) == ("preferred", 1) and weight == first["weight"] + 2

        await pilot.press("w")
        await settle(pilot)
        app.screen.query_one(Input).value = "7"
        await pilot.press("enter")
        await settle(pilot)
        assert rows(
            demo_db, "SELECT weight FROM requirements WHERE job_id = ? AND key = ?", [job, first["id"]]
        ) == [(7,)]

        await pilot.press("a")
        await settle(pilot)
        await pilot.press(*"Terraform", "enter")
        await settle(pilot)
        assert rows(
            demo_db, "SELECT kind FROM requirements WHERE job_id = ? AND key = 'skill:terraform'", [job]
        ) == [("required",)]
        assert table.row_count == n + 1

        assert screen.requirement["id"] == "skill:terraform"  # the new one is selected
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert (
            rows(demo_db, "SELECT 1 FROM requirements WHERE job_id = ? AND key = 'skill:terraform'", [job])
            == []
        )
        assert table.row_count == n
        events = rows(
            demo_db, "SELECT op FROM events WHERE entity = 'requirement' AND entity_id LIKE ?", [job + "/%"]
        )
        assert ("update",) in events and ("delete",) in events

        await pilot.press("a")
        await settle(pilot)
        await pilot.press(*"Quuxlang", "enter")
        await settle(pilot)
        assert any("unknown skill" in n[0] and n[1] == "error" for n in notes)
