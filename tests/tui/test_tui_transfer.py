"""Import and export from inside the TUI: a prompt, a worker, progress, and the UI stays usable."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from textual.widgets import Input
from tui_fixtures import SAMPLES, plain, record_notifications, settle

from desk.tui import make_app
from desk.tui.screens.importer import ImportScreen
from desk.tui.screens.main import MainScreen

SIZE = (100, 30)
NEW_RESUME = """Ada Quinn
ada.quinn@example.net | +1 (555) 010-4242 | Denver, CO

Summary
Backend engineer: Python, Django, PostgreSQL and Kafka.

Experience
Senior Backend Engineer, Example Corp, Denver, CO
Jan 2020 - Present
- Built Django services on PostgreSQL; event pipelines on Kafka; Docker and Kubernetes on AWS.

Education
BSc Computer Science, 2016
"""


def count(db: Path, sql: str) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute(sql).fetchone()[0])
    finally:
        conn.close()


async def test_import_runs_in_a_worker_and_reports(demo_db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "ada-quinn.txt").write_text(NEW_RESUME, encoding="utf-8")
    known = SAMPLES / "resumes" / "01-daniel-okafor.txt"
    (folder / known.name).write_bytes(known.read_bytes())  # same bytes: skipped
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 this is not really a pdf")
    before = count(demo_db, "SELECT COUNT(*) FROM candidates")
    app = make_app(demo_db)
    notes = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        app.screen.query_one(Input).value = str(folder)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ImportScreen)
        for _ in range(200):  # the import's own processes report back through messages
            await settle(pilot)
            if app.import_state is not None and not app.import_state.running:
                break
            await pilot.pause(0.05)
        state = app.import_state
        assert state is not None and not state.running and not state.error
        assert (
            state.report["imported"] == 1
            and state.report["skipped"] == 1
            and len(state.report["failed"]) == 1
        )
        await settle(pilot)
        result = plain(app.screen.query_one("#import-result"))
        assert "imported 1" in result and "skipped 1" in result and "broken.pdf" in result
        assert "broken.pdf" in plain(app.screen.query_one("#import-failed"))
        assert any(n[2] == "Import finished" for n in notes)
        assert count(demo_db, "SELECT COUNT(*) FROM candidates") == before + 1
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert app.screen.table.total == before + 1
        assert app.activity == ""


async def test_import_of_a_missing_path_is_a_message(demo_db: Path, tmp_path: Path) -> None:
    app = make_app(demo_db)
    notes = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        app.screen.query_one(Input).value = str(tmp_path / "nowhere")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert any("no such file or folder" in n[0] for n in notes)


async def test_export_writes_json_in_a_worker(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "desk.json"
    out.parent.mkdir()
    app = make_app(demo_db)
    notes = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("E")
        await settle(pilot)
        app.screen.query_one("#x-path", Input).value = str(out)
        await pilot.press("ctrl+s")
        await settle(pilot)
        data = json.loads(out.read_text(encoding="utf-8"))
        assert len(data["candidates"]) == 44 and len(data["jobs"]) == 5
        assert any(n[2] == "Exported" and str(out) in n[0] for n in notes)
        assert app.activity == ""

        # again, only what changed since: nothing but the one stage change we make now
        await pilot.press("s")
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        await pilot.press("E")
        await settle(pilot)
        app.screen.query_one("#x-path", Input).value = str(out)
        app.screen.query_one("#x-since").value = True
        await pilot.press("ctrl+s")
        await settle(pilot)
        data = json.loads(out.read_text(encoding="utf-8"))
        assert len(data["candidates"]) < 44
        assert len(data["applications"]) == 1


async def test_an_import_can_be_stopped_and_the_ui_stays_usable(demo_db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(300):
        (folder / f"r{i:03d}.txt").write_text(
            NEW_RESUME.replace("Ada Quinn", f"Ada Quinn {i}")
            .replace("ada.quinn@", f"ada.quinn{i}@")
            .replace("010-4242", f"010-{i:04d}"),
            encoding="utf-8",
        )
    app = make_app(demo_db)
    # every file takes at least 50 ms on one worker, so the import is still running when we
    # press the keys, however fast or loaded the machine is
    from desk.importer import ImportOptions

    app.import_options = ImportOptions(
        workers=1, slow_paths=frozenset(f"r{i:03d}.txt" for i in range(300)), slow_seconds=0.05
    )
    notes = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.start_import(str(folder))
        await pilot.pause()
        assert isinstance(app.screen, ImportScreen) and app.import_state.running
        await pilot.press("escape")  # leave it running and keep working
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        await pilot.press("j")
        assert app.screen.table.cursor == 1
        await pilot.press("i")  # back to the running import, not a new prompt
        await pilot.pause()
        assert isinstance(app.screen, ImportScreen)
        await pilot.press("x")
        assert app.import_state.cancel.is_set()
        assert any("Stopping the import" in n[0] for n in notes)
        for _ in range(200):
            await settle(pilot)
            if not app.import_state.running:
                break
            await pilot.pause(0.05)
        report = app.import_state.report
        assert report is not None and report["interrupted"] and report["imported"] < 300
