"""desk.extract: resume and job files (PDF, DOCX, TXT, MD, JSON Resume) to text plus layout facts.

A pure core module: it imports nothing from desk but ``desk.errors``, and no UI or store library.

The names below load on first use (PEP 562): ``desk.extract.formats`` (which files desk reads)
is wanted by the importing process, which must not pay for PDFium and the readers that only
its workers run.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desk.extract.api import extract_bytes, extract_file
    from desk.extract.formats import SUPPORTED_SUFFIXES
    from desk.extract.result import REASONS, Extracted, ExtractError

_HOMES = {
    "SUPPORTED_SUFFIXES": "desk.extract.formats",
    "extract_bytes": "desk.extract.api",
    "extract_file": "desk.extract.api",
    "REASONS": "desk.extract.result",
    "Extracted": "desk.extract.result",
    "ExtractError": "desk.extract.result",
}

__all__ = ["REASONS", "SUPPORTED_SUFFIXES", "ExtractError", "Extracted", "extract_bytes", "extract_file"]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'desk.extract' has no attribute {name!r}")
    return getattr(importlib.import_module(home), name)
