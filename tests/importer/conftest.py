"""Fixtures for the import tests: real folders of real files, built once per test session."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # ``tests.importer.files`` also under a bare ``pytest`` run
    sys.path.insert(0, str(ROOT))

from tests.importer.files import build_mixed  # noqa: E402


@pytest.fixture(scope="session")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A folder with every format and every fault, and the outcome expected of each file."""
    folder = tmp_path_factory.mktemp("mixed") / "inbox"
    return folder, build_mixed(folder)
