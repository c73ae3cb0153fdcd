"""Pilot tests of the main screen: every action, checked in the database and on screen."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from tui_fixtures import plain, record_notifications, settle, table_lines

from desk.services.ranking import count_ranked, ranked
from desk.store import open_store
from desk.tui import make_app
from desk.tui.modals.help import HelpScreen
from desk.tui.screens.main import MainScreen

SIZE = (100, 30)


def first_job(db: Path) -> str:
    with open_store(db) as store:
        return store.conn.execute("SELECT id FROM jobs ORDER BY created_at, id LIMIT 1").fetchone()[0]


def db_row(db: Path, sql: str, params: list[object]) -> tuple:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchone()
    finally:
        conn.close()


async def test_main_screen_lists_jobs_ranks_and_explains(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        assert len(screen.jobs.jobs) == 5
        job = first_job(demo_db)
        with open_store(demo_db) as store:
            top = ranked(store, job, limit=3)
        assert screen.table.total == 44
        lines = table_lines(screen.table)
        assert "Name" in lines[0] and "Req" in lines[0]
        assert top[0]["name"] in lines[1] and f"{top[0]['met']}/{top[0]['required_total']}" in lines[1]
        assert top[1]["name"] in lines[2]
        detail = plain(screen.query_one("#detail-body"))
        assert top[0]["name"] in detail and "Met (" in detail and "Missing (" in detail
        assert "Experience, education and screening" in detail
        assert "44 candidates" in plain(screen.query_one("#status"))


async def test_cursor_moves_and_the_detail_follows(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        with open_store(demo_db) as store:
            second = ranked(store, first_job(demo_db), limit=2)[1]
        await pilot.press("j")
        await settle(pilot)
        assert screen.table.cursor == 1
        assert screen.detail_pane.candidate_id == second["candidate_id"]
        await pilot.press("k", "G")
        await settle(pilot)
        assert screen.table.cursor == 43
        await pilot.press("g")
        assert screen.table.cursor == 0


async def test_stage_change_is_stored_logged_and_shown(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        row = app.screen.table.current_row
        await pilot.press("s")
        await settle(pilot)
        await pilot.press("2")  # new, screening, ...
        await settle(pilot)
        assert db_row(demo_db, "SELECT stage FROM applications WHERE id = ?", [row["application_id"]]) == (
            "screening",
        )
        assert db_row(
            demo_db,
            "SELECT from_stage, to_stage FROM stage_changes WHERE application_id = ?",
            [row["application_id"]],
        ) == ("new", "screening")
        event = db_row(
            demo_db,
            "SELECT data FROM events WHERE entity = 'application' AND entity_id = ? AND op = 'update'",
            [row["application_id"]],
        )
        assert json.loads(event[0]) == {"stage": "screening"}
        assert "screening" in table_lines(app.screen.table)[1]
        assert "stage screening" in plain(app.screen.query_one("#detail-body"))


async def test_note_is_added(demo_db: Path) -> None:
    app = make_app(demo_db)
    notes = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        row = app.screen.table.current_row
        await pilot.press("n")
        await settle(pilot)
        await pilot.press(*"strong on kafka", "enter")
        await settle(pilot)
        body, job = db_row(
            demo_db, "SELECT body, job_id FROM notes WHERE candidate_id = ?", [row["candidate_id"]]
        )
        assert (body, job) == ("strong on kafka", first_job(demo_db))
        assert any("Note added" in n[0] for n in notes)


async def test_tags_are_set_and_shown(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        row = app.screen.table.current_row
        await pilot.press("t")
        await settle(pilot)
        await pilot.press(*"Referral, senior", "enter")
        await settle(pilot)
        tags = db_row(demo_db, "SELECT tags FROM candidates WHERE id = ?", [row["candidate_id"]])[0]
        assert json.loads(tags) == ["referral", "senior"]
        assert "#referral #senior" in plain(app.screen.query_one("#detail-body"))


async def test_star_toggles(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        row = app.screen.table.current_row
        await pilot.press("space")
        await settle(pilot)
        assert db_row(demo_db, "SELECT starred FROM applications WHERE id = ?", [row["application_id"]]) == (
            1,
        )
        assert "★" in table_lines(app.screen.table)[1]
        await pilot.press("asterisk")
        await settle(pilot)
        assert db_row(demo_db, "SELECT starred FROM applications WHERE id = ?", [row["application_id"]]) == (
            0,
        )
        assert "★" not in table_lines(app.screen.table)[1]


async def test_search_filters_and_highlights(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await settle(pilot)
        await pilot.press(*"cassandra", "enter")
        await settle(pilot)
        with open_store(demo_db) as store:
            expected = count_ranked(store, first_job(demo_db), search="cassandra")
        assert 0 < expected < 44
        assert app.screen.table.total == expected
        detail = plain(app.screen.query_one("#detail-body"))
        assert "search:" in detail and "cassandra" in detail.lower()
        assert "/cassandra" in plain(app.screen.query_one("#status"))
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.table.total == 44


async def test_malformed_search_is_a_message_not_a_crash(demo_db: Path) -> None:
    app = make_app(demo_db)
    notes = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await settle(pilot)
        await pilot.press(*'"unbalanced AND', "enter")
        await settle(pilot)
        assert any(n[1] == "error" and "cannot search" in n[0] for n in notes), notes
        assert app.is_running
        assert app.screen.query_.search is None
        assert app.screen.table.total == 44


async def test_filters_min_score_and_skills(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        await pilot.press(*"30", "tab", *"Kafka", "tab", *"Java", "enter")
        await settle(pilot)
        with open_store(demo_db) as store:
            expected = count_ranked(
                store, first_job(demo_db), min_score=30, has_skill="kafka", lacks_skill="java"
            )
        q = app.screen.query_
        assert (q.min_score, q.has_skill, q.lacks_skill) == (30.0, "kafka", "java")
        assert app.screen.table.total == expected
        status = plain(app.screen.query_one("#status"))
        assert "score ≥ 30" in status and "has Apache Kafka" in status and "lacks Java" in status


async def test_filters_reject_an_unknown_skill(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        await pilot.press("tab", *"Quuxlang", "enter")
        await settle(pilot)
        assert "unknown skill 'Quuxlang'" in plain(app.screen.query_one("#f-error"))
        await pilot.press("escape")
        await settle(pilot)
        assert not app.screen.query_.filtered


async def test_stage_filter_and_starred_filter(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("space")  # star the first row
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        app.screen.query_one("#f-starred").value = True
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen.table.total == 1
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        app.screen.query_one("#f-stage").value = "offer"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen.query_.stage == "offer"
        assert app.screen.table.total == 0
        assert "No candidates match" in plain(app.screen.query_one("#detail-body"))


async def test_sort_by_name_and_reverse(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        await pilot.press("2")  # score, name, ...
        await settle(pilot)
        with open_store(demo_db) as store:
            by_name = ranked(store, first_job(demo_db), sort="name", descending=False, limit=44)
        assert app.screen.query_.sort == "name"
        assert app.screen.table.current_row["candidate_id"] == by_name[0]["candidate_id"]
        assert "Name▲" in table_lines(app.screen.table)[0]
        await pilot.press("O")
        await settle(pilot)
        assert app.screen.table.current_row["candidate_id"] == by_name[-1]["candidate_id"]


async def test_blind_mode_hides_names_everywhere_on_the_main_screen(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        row = app.screen.table.current_row
        await pilot.press("b")
        await settle(pilot)
        label = "Candidate #" + row["candidate_id"].replace("-", "")[:6]
        lines = table_lines(app.screen.table)
        assert label in lines[1] and row["name"] not in "\n".join(lines)
        detail = plain(app.screen.query_one("#detail-body"))
        assert label in detail
        for part in row["name"].split():
            assert part not in detail
        assert "BLIND" in plain(app.screen.query_one("#status"))
        await pilot.press("b")
        await settle(pilot)
        assert row["name"] in table_lines(app.screen.table)[1]


async def test_switching_jobs_reloads_the_table(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = app.screen.query_.job_id
        await pilot.press("right_square_bracket")
        await settle(pilot)
        after = app.screen.query_.job_id
        assert after != before
        with open_store(demo_db) as store:
            top = ranked(store, after, limit=1)[0]
        assert app.screen.table.current_row["candidate_id"] == top["candidate_id"]
        assert app.screen.detail_pane.candidate_id == top["candidate_id"]
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert app.screen.query_.job_id == before


async def test_help_lists_every_binding(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        text = plain(app.screen.query_one("#help-body"))
        for words in (
            "Stage",
            "Note",
            "Tags",
            "Star",
            "Search",
            "Filter",
            "Sort",
            "Blind",
            "Mark",
            "Compare",
        ):
            assert words in text
        for words in ("Matrix", "Histogram", "Edit job", "Import", "Export", "Quit", "Next job"):
            assert words in text
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_layout_fits_small_and_large_terminals(demo_db: Path, size: tuple[int, int]) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        table = app.screen.table
        assert table.size.height >= 8 and app.screen.detail_pane.size.height >= 8
        assert len(table_lines(table)[1].rstrip()) <= table.size.width
        assert app.screen.table.total == 44
