"""What a worker's server loads before its first file: the readers most imports never use stay out."""

from __future__ import annotations

import subprocess
import sys


def test_the_worker_server_does_not_import_pdfplumber_or_python_docx() -> None:
    code = (
        "import sys, desk.importer.preload; "
        "print(sorted(m for m in ('pdfplumber', 'pdfminer', 'docx', 'lxml') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_importing_process_leaves_readers_parsers_and_services_to_others() -> None:
    """The dispatcher sends the first file as soon as it can: readers and parsers load in the
    workers, the services that store and score in the writer thread."""
    heavy = (
        "pypdfium2",
        "desk.parse.resume",
        "desk.profile",
        "desk.services.ingest",
        "desk.services.ranking",
    )
    code = f"import sys, desk.importer.run; print(sorted(m for m in {heavy!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_writer_thread_loads_the_services_but_not_the_readers() -> None:
    heavy = ("pypdfium2", "desk.extract.pdf", "desk.parse.resume", "desk.profile")
    code = f"import sys, desk.importer.batch; print(sorted(m for m in {heavy!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
