"""Fixtures for the TUI tests: a sample desk built once per session and copied per test.

Pilot tests are ``async def``; this conftest runs them with ``asyncio.run`` (a
few lines instead of another test dependency).
"""

from __future__ import annotations

import asyncio
import inspect
from pathlib import Path

import pytest
from tui_fixtures import build_demo, copy_db


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = pyfuncitem._fixtureinfo.argnames
    asyncio.run(pyfuncitem.obj(**{name: pyfuncitem.funcargs[name] for name in names}))
    return True


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_demo(tmp_path_factory.mktemp("tui-demo") / "template.db")


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Path:
    return copy_db(demo_template, tmp_path / "desk.db")
