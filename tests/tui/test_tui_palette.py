"""The command palette offers the screen's actions, the jobs and candidates by name."""

from __future__ import annotations

from pathlib import Path

from tui_fixtures import settle

from desk.store import open_store
from desk.tui import make_app
from desk.tui.commands import find_candidates
from desk.tui.screens.candidate import CandidateScreen
from desk.tui.screens.histogram import HistogramScreen
from desk.tui.screens.main import MainScreen

SIZE = (100, 30)


async def palette(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("ctrl+p")
    await settle(pilot)
    await pilot.press(*text)
    await settle(pilot)
    # the palette searches in the background; wait for its hit list to fill
    from textual.command import CommandPalette

    for _ in range(50):
        if not isinstance(pilot.app.screen, CommandPalette) or pilot.app.screen.query("CommandList Option"):
            break
        await pilot.pause(0.05)
    await pilot.press("enter")
    await settle(pilot)


async def test_palette_runs_an_action(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await palette(pilot, "histog")
        assert isinstance(app.screen, HistogramScreen)


async def test_palette_switches_job(demo_db: Path) -> None:
    with open_store(demo_db) as store:
        data_job = store.conn.execute("SELECT id FROM jobs WHERE title LIKE 'DATA ENGINEER%'").fetchone()[0]
    app = make_app(demo_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await palette(pilot, "DATA ENG")
        assert isinstance(app.screen, MainScreen)
        assert app.screen.query_.job_id == data_job


async def test_palette_opens_a_candidate_by_name(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await palette(pilot, "okafor")
        assert isinstance(app.screen, CandidateScreen)
        assert app.screen.page["candidate"]["basics"]["name"] == "Daniel Okafor"


def test_candidate_lookup_respects_blind_mode(demo_db: Path) -> None:
    found = find_candidates(demo_db, "okafor", blind=False)
    assert [name for _, name in found] == ["Daniel Okafor"]
    cid = found[0][0]
    label = "Candidate #" + cid.replace("-", "")[:6]
    assert find_candidates(demo_db, "okafor", blind=True) == []
    assert find_candidates(demo_db, label, blind=True)[0][0] == cid
