"""Fixtures for export tests: a sample desk built once per session, copied per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from export_fixtures import build_desk, copy_desk

from desk.store import Store


@pytest.fixture(scope="session")
def desk_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "desk.db"
    build_desk(path).close()
    return path


@pytest.fixture
def desk(desk_template: Path, tmp_path: Path) -> Iterator[Store]:
    store = copy_desk(desk_template, tmp_path / "desk.db")
    yield store
    store.close()
