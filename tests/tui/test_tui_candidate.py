"""Pilot tests of the candidate screen: the highlighted resume and every action on it."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from tui_fixtures import plain, settle, table_lines

from desk.services.candidates import add_document
from desk.store import open_store
from desk.tui import make_app
from desk.tui.screens.candidate import CandidateScreen
from desk.tui.screens.main import MainScreen

SIZE = (110, 32)


def one(db: Path, sql: str, params: list[object]) -> tuple:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchone()
    finally:
        conn.close()


async def open_first(pilot) -> tuple[CandidateScreen, dict]:  # type: ignore[no-untyped-def]
    await settle(pilot)
    row = pilot.app.screen.table.current_row
    await pilot.press("enter")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, CandidateScreen)
    return screen, row


async def test_resume_is_shown_with_skills_highlighted_and_facts_beside_it(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=SIZE) as pilot:
        screen, row = await open_first(pilot)
        resume = screen.query_one("#resume-text").render()
        assert row["name"] in resume.plain
        wanted = [s for s in screen.page["skill_spans"] if s["wanted"] == "required"]
        assert wanted and all(resume.plain[s["start"] : s["end"]] for s in wanted)
        styles = {str(span.style) for span in resume.spans}
        assert "bold $text-success underline" in styles  # a required skill of the job
        side = plain(screen.query_one("#side-body"))
        for heading in ("Contact", "Applications", "Experience", "Education", "Skills", "Documents", "Notes"):
            assert heading in side
        assert row["email"] in side and ".txt" in side and "Stage history" in side
        assert row["name"] in plain(screen.query_one("#cand-title"))


async def test_failed_documents_are_listed_with_the_reason(demo_db: Path) -> None:
    with open_store(demo_db) as store:
        job = store.conn.execute("SELECT id FROM jobs ORDER BY created_at LIMIT 1").fetchone()[0]
        top = store.conn.execute(
            "SELECT candidate_id FROM applications WHERE job_id = ? ORDER BY score DESC LIMIT 1", [job]
        ).fetchone()[0]
        add_document(
            store,
            path="/resumes/scan.pdf",
            sha256="0" * 64,
            status="failed",
            candidate_id=top,
            fmt="pdf",
            error="no-text-layer: the PDF is a scan",
        )
    app = make_app(demo_db)
    async with app.run_test(size=SIZE) as pilot:
        screen, _ = await open_first(pilot)
        side = plain(screen.query_one("#side-body"))
        assert "/resumes/scan.pdf" in side and "failed: no-text-layer: the PDF is a scan" in side


async def test_stage_note_tags_and_star_from_the_candidate_screen(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=SIZE) as pilot:
        screen, row = await open_first(pilot)
        await pilot.press("s")
        await settle(pilot)
        await pilot.press("3")  # interview
        await settle(pilot)
        assert one(demo_db, "SELECT stage FROM applications WHERE id = ?", [row["application_id"]]) == (
            "interview",
        )
        assert "new → interview" in plain(screen.query_one("#side-body"))
        assert "stage interview" in plain(screen.query_one("#cand-title"))

        await pilot.press("n")
        await settle(pilot)
        await pilot.press(*"call on monday", "enter")
        await settle(pilot)
        assert one(demo_db, "SELECT body FROM notes WHERE candidate_id = ?", [row["candidate_id"]]) == (
            "call on monday",
        )
        assert "call on monday" in plain(screen.query_one("#side-body"))

        await pilot.press("t")
        await settle(pilot)
        await pilot.press(*"python, referral", "enter")
        await settle(pilot)
        tags = one(demo_db, "SELECT tags FROM candidates WHERE id = ?", [row["candidate_id"]])[0]
        assert json.loads(tags) == ["python", "referral"]
        assert "#python #referral" in plain(screen.query_one("#side-body"))

        await pilot.press("space")
        await settle(pilot)
        assert one(demo_db, "SELECT starred FROM applications WHERE id = ?", [row["application_id"]]) == (1,)
        assert "★" in plain(screen.query_one("#cand-title"))

        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        line = table_lines(app.screen.table)[1]
        assert "interview" in line and "★" in line


async def test_blind_mode_redacts_the_resume_and_contacts(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=SIZE) as pilot:
        screen, row = await open_first(pilot)
        await pilot.press("b")
        await settle(pilot)
        text = screen.query_one("#resume-text").render().plain
        assert len(text) == len(screen.page["text"])  # same-length redaction keeps the spans valid
        for part in row["name"].split():
            assert part not in text
        assert row["email"] not in text and "@" not in text
        side = plain(screen.query_one("#side-body"))
        assert "hidden in blind mode" in side and row["email"] not in side and ".txt" not in side
        assert row["location"] not in side and row["location"] not in text
        assert "document 1" in side
        title = plain(screen.query_one("#cand-title"))
        assert "Candidate #" in title and row["name"] not in title


async def test_search_hits_are_highlighted_in_the_resume(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await settle(pilot)
        await pilot.press(*"kafka", "enter")
        await settle(pilot)
        screen, _ = await open_first(pilot)
        hits = screen.page["search_spans"]
        assert hits
        text = screen.page["text"]
        assert all(text[s:e].lower().startswith("kafka") for s, e in hits)
        resume = screen.query_one("#resume-text").render()
        assert any(str(span.style) == "reverse $text-warning" for span in resume.spans)
