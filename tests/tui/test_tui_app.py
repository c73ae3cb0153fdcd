"""The app as a whole: lazy import, an empty desk, mouse sorting, themes, tab between panes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tui_fixtures import plain, settle

from desk.tui import make_app
from desk.tui.screens.matrix import MatrixScreen

SIZE = (100, 30)


def test_importing_the_tui_package_does_not_load_textual() -> None:
    code = "import sys, desk.tui, desk.cli; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"


async def test_an_empty_desk_explains_what_to_do(tmp_path: Path) -> None:
    app = make_app(tmp_path / "new.db")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "No jobs yet" in plain(app.screen.query_one("#detail-body"))
        assert app.screen.table.total == 0
        await pilot.press("s", "space", "c", "x", "h", "e")  # nothing to act on: no crash, no screen
        await settle(pilot)
        assert app.screen.id == "main-screen"


async def test_clicking_a_header_sorts_and_clicking_again_reverses(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.screen.table
        name_x = table.region.x + 3 + 1 + 2 + 1 + 1  # rank, space, flags, space: inside "Name"
        await pilot.click(offset=(name_x, table.region.y))
        await settle(pilot)
        assert (app.screen.query_.sort, app.screen.query_.descending) == ("name", False)
        await pilot.click(offset=(name_x, table.region.y))
        await settle(pilot)
        assert (app.screen.query_.sort, app.screen.query_.descending) == ("name", True)
        await pilot.click(offset=(name_x, table.region.y + 3))
        await settle(pilot)
        assert table.cursor == 2


async def test_tab_moves_between_panes(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.focused is app.screen.table
        await pilot.press("tab")
        assert app.focused is app.screen.detail_pane
        await pilot.press("shift+tab", "shift+tab")
        assert app.focused is app.screen.jobs


async def test_themes_change_without_breaking_views(demo_db: Path) -> None:
    app = make_app(demo_db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(app.screen, MatrixScreen)
        for theme in ("textual-light", "ansi-dark", "nord"):
            app.theme = theme
            await settle(pilot)
            assert app.screen.query_one("#matrix-table").row_count == 15
