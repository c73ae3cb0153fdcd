"""SVG snapshots of the main views at 80x24 and 120x40 (update with --snapshot-update, then look).

The desk is the fixed sample desk (seeded ids, fixed parse date); each shot waits for
every worker before it is taken, and nothing on screen shows a clock.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from tui_fixtures import settle

from desk.tui import make_app

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


def keys(*pressed: str, blind: bool = False) -> Callable[[object], Awaitable[None]]:
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        if blind:
            pilot.app.blind = True  # not the b key: its toast would be in the shot
        for key in pressed:
            await pilot.press(key)
            await settle(pilot)
        pilot.app.clear_notifications()
        await settle(pilot)

    return run_before


@pytest.mark.parametrize("size", SIZES)
class TestSnapshots:
    def test_main(self, snap_compare, demo_db: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
        assert snap_compare(make_app(demo_db), run_before=keys(), terminal_size=size)

    def test_candidate(self, snap_compare, demo_db: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
        assert snap_compare(make_app(demo_db), run_before=keys("enter"), terminal_size=size)

    def test_blind(self, snap_compare, demo_db: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
        assert snap_compare(make_app(demo_db), run_before=keys("j", blind=True), terminal_size=size)

    def test_compare(self, snap_compare, demo_db: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
        assert snap_compare(make_app(demo_db), run_before=keys("m", "j", "m", "c"), terminal_size=size)

    def test_matrix(self, snap_compare, demo_db: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
        assert snap_compare(make_app(demo_db), run_before=keys("x"), terminal_size=size)

    def test_histogram(self, snap_compare, demo_db: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
        assert snap_compare(make_app(demo_db), run_before=keys("h"), terminal_size=size)
