"""The desk terminal UI (Textual).

This package is imported only when the TUI opens: ``desk export`` and friends
must not pay for Textual at start-up, so nothing here imports it at module level.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover - typing only
    from desk.tui.app import DeskApp


def make_app(db_path: Path) -> DeskApp:
    """Build the app for a database; the CLI and the tests both come through here."""
    from desk.tui.app import DeskApp

    return DeskApp(Path(db_path))


def run(db_path: Path) -> None:
    """Open the TUI on ``db_path`` (created and migrated if needed) and block until it quits."""
    make_app(db_path).run()
