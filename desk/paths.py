"""Where the database lives: ``--db`` beats ``DESK_DB`` beats the platform data dir."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_VAR = "DESK_DB"
APP_NAME = "desk"


def default_db_path() -> Path:
    """The per-user data directory (e.g. ~/.local/share/desk/desk.db on Linux)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "desk.db"


def resolve_db_path(option: str | os.PathLike[str] | None = None) -> tuple[Path, str]:
    """Return the database path and which rule chose it ("option", "env" or "default").

    The source is reported so ``desk db path`` can tell a user *why* a file is used,
    which is the usual question when two shells disagree.
    """
    if option:
        return Path(option).expanduser(), "option"
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser(), "env"
    return default_db_path(), "default"
