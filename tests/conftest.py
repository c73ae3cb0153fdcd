"""Shared fixtures: every test gets its own real SQLite file under tmp_path."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desk.store import Store, open_store

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture(scope="session")
def _regex_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One compiled-regex cache for the session: each test's fresh HOME would miss it every time."""
    return tmp_path_factory.mktemp("regex-cache")


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, _regex_cache: Path) -> None:
    """Never let a test touch the developer's real database, data or cache directory."""
    monkeypatch.delenv("DESK_DB", raising=False)
    monkeypatch.setenv("DESK_CACHE_DIR", str(_regex_cache))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "desk.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    s = open_store(db_path)
    yield s
    s.close()
