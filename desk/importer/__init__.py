"""Bulk resume import: files, folders, globs and zips, in parallel workers, one batched writer.

    report = import_paths(db_path, ["~/resumes"], ImportOptions(workers=4), progress=print)

Safe to re-run (unchanged files are skipped before extraction) and safe to kill (each
batch is one transaction). Core module: no click, no textual.

The names below load on first use (PEP 562) so that a worker process, which imports
``desk.importer.worker``, does not pay for the store and services it never uses.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desk.importer.options import ImportOptions, parse_size
    from desk.importer.report import ImportProgress, ImportReport
    from desk.importer.run import import_paths

_HOMES = {
    "ImportOptions": "desk.importer.options",
    "parse_size": "desk.importer.options",
    "ImportProgress": "desk.importer.report",
    "ImportReport": "desk.importer.report",
    "import_paths": "desk.importer.run",
}

__all__ = ["ImportOptions", "ImportProgress", "ImportReport", "import_paths", "parse_size"]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'desk.importer' has no attribute {name!r}")
    return getattr(importlib.import_module(home), name)
