"""What every command shares: the store behind ``--db``, JSON output, error lines.

stdout carries data only (one JSON document with ``--json``); diagnostics go to
stderr as a single ``error:`` line with a documented exit code.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from desk.errors import DeskError
from desk.exitcodes import ExitCode
from desk.paths import resolve_db_path


@dataclass
class AppContext:
    """Lazily opens the store so ``desk --help`` and ``desk db path`` never touch the file."""

    db_option: str | None = None
    _store: Any = field(default=None, repr=False)

    @property
    def db_path(self) -> Path:
        return resolve_db_path(self.db_option)[0]

    @property
    def db_source(self) -> str:
        return resolve_db_path(self.db_option)[1]

    def store(self) -> Any:
        if self._store is None:
            from desk.store import open_store

            self._store = open_store(self.db_path)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


pass_app = click.make_pass_decorator(AppContext)

json_option = click.option(
    "--json", "as_json", is_flag=True, help="Print one JSON document on stdout and nothing else."
)


def emit_json(data: Any) -> None:
    """Write one JSON document; stable key order so scripts and diffs stay quiet."""
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str))
    sys.stdout.write("\n")


def fail(message: str, code: int = ExitCode.ERROR) -> None:
    """Print one plain error line on stderr and exit; never returns."""
    click.echo(f"error: {message}", err=True)
    raise SystemExit(int(code))


class DeskGroup(click.Group):
    """A group that turns ``DeskError`` into an ``error:`` line and exit code 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except DeskError as exc:
            fail(str(exc))
        except KeyboardInterrupt:
            click.echo("error: interrupted", err=True)
            raise SystemExit(int(ExitCode.INTERRUPTED)) from None


def column(text: str, width: int) -> str:
    """``text`` cut and padded to ``width`` terminal cells: a CJK character takes two, so
    ``f"{name:<36}"`` would push the columns after "王伟" out of line."""
    from rich.cells import set_cell_size

    return set_cell_size(text, width)
