"""``desk demo``: a fresh database with the sample jobs and the mixed-format sample resumes.

The demo goes through the real paths (add_job, the bulk importer), so what a new user
sees first is what desk really does with PDFs, DOCX, text and JSON Resume files,
duplicates included. The sample folders ship inside the package and are found with
importlib.resources, so this works from an installed desk, not only from a checkout.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from desk.errors import DeskError


@contextlib.contextmanager
def _sample_dir(name: str) -> Iterator[Path]:
    """A real folder for ``desk/samples/<name>`` (unpacked to a temp dir if desk is zipped)."""
    ref = resources.files("desk").joinpath("samples", name)
    if isinstance(ref, Path):
        yield ref
        return
    with resources.as_file(ref) as path:  # pragma: no cover - zipped installs only
        yield Path(path)


def build_demo(db_path: Path, *, workers: int | None = None) -> dict[str, Any]:
    """(Re)create the demo database at ``db_path``: every sample JD, then every sample file imported.

    Only the file at exactly ``db_path`` (and its -wal/-shm companions) is removed first: the
    caller points this at the demo database, never at the user's own.
    """
    from desk.importer import ImportOptions, import_paths
    from desk.services.jobs import add_job
    from desk.store import open_store

    db_path = Path(db_path)
    if db_path.is_dir():
        raise DeskError(f"{db_path} is a directory, not a database file")
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    jobs: list[str] = []
    with _sample_dir("jobs") as folder, open_store(db_path) as store:
        for jd in sorted(folder.glob("*.txt")):
            jobs.append(add_job(store, jd.read_text(encoding="utf-8"), source_path=jd.name))
    with _sample_dir("files") as folder:
        if not folder.is_dir() or not any(folder.iterdir()):
            raise DeskError("the demo files are missing from this installation (desk/samples/files)")
        report = import_paths(db_path, [str(folder)], ImportOptions(workers=workers))
    return {**report.to_dict(), "jobs": jobs, "db": str(db_path)}
