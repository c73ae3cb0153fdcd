"""desk.extract: resume and job files (PDF, DOCX, TXT, MD, JSON Resume) to text plus layout facts.

A pure core module: it imports nothing from desk but ``desk.errors``, and no UI or store library.
"""

from __future__ import annotations

from desk.extract.api import SUPPORTED_SUFFIXES, extract_bytes, extract_file
from desk.extract.result import REASONS, Extracted, ExtractError

__all__ = ["REASONS", "SUPPORTED_SUFFIXES", "ExtractError", "Extracted", "extract_bytes", "extract_file"]
