"""The entry points: check name, size and first bytes, then hand the bytes to the right reader."""

from __future__ import annotations

import os
from pathlib import Path

from desk.extract import sniff
from desk.extract.docx_text import extract_docx
from desk.extract.formats import DEFAULT_MAX_BYTES, FORMATS, HINTS, SAVE_AS
from desk.extract.jsonresume import extract_json
from desk.extract.pdf import extract_pdf
from desk.extract.plain import extract_plain
from desk.extract.result import Extracted, ExtractError


def extract_bytes(
    data: bytes, filename: str, *, pdf_engine: str = "pdfium", max_bytes: int = DEFAULT_MAX_BYTES
) -> Extracted:
    """Text and layout facts of a file's bytes; ``filename``'s suffix picks the reader."""
    fmt = _format_of(filename)
    if not data:
        raise ExtractError("empty", "the file is empty (0 bytes)")
    _check_size(len(data), max_bytes)
    if fmt == "pdf":
        return extract_pdf(data, pdf_engine)
    if fmt == "docx":
        _sniff_docx(data)
        return extract_docx(data)
    if fmt == "json":
        return extract_json(data)
    return extract_plain(data, fmt)


def extract_file(
    path: str | os.PathLike[str], *, pdf_engine: str = "pdfium", max_bytes: int = DEFAULT_MAX_BYTES
) -> Extracted:
    """Like ``extract_bytes`` for a file on disk; refuses oversize files before reading them."""
    path = Path(path)
    _format_of(path.name)
    try:
        _check_size(path.stat().st_size, max_bytes)
        data = path.read_bytes()
    except OSError as exc:
        raise ExtractError("unreadable", f"cannot read the file: {exc.strerror or exc}") from None
    return extract_bytes(data, path.name, pdf_engine=pdf_engine, max_bytes=max_bytes)


def _format_of(filename: str) -> str:
    suffix = Path(filename).suffix.lower()
    if suffix in FORMATS:
        return FORMATS[suffix]
    if suffix in HINTS:
        raise ExtractError("unsupported", HINTS[suffix])
    named = suffix or "(no extension)"
    raise ExtractError(
        "unsupported", f"unsupported file type {named} (desk reads PDF, DOCX, TXT, MD and JSON Resume)"
    )


def _check_size(size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise ExtractError("too-large", f"the file is {_mb(size)}; desk reads files up to {_mb(max_bytes)}")


def _mb(size: int) -> str:
    return f"{size / 1e6:.1f} MB" if size >= 100_000 else f"{size:,} bytes"


def _sniff_docx(data: bytes) -> None:
    """A .docx must be a zip; name the two OLE2 look-alikes (encrypted DOCX, renamed .doc)."""
    if sniff.is_zip(data):
        return
    if sniff.is_encrypted_ooxml(data):
        raise ExtractError(
            "encrypted", "the DOCX is password-protected; remove the password and import again"
        )
    if sniff.is_ole2(data):
        raise ExtractError("unsupported", f"this is an old Word .doc file named .docx; {SAVE_AS}")
    raise ExtractError("corrupt", "the file is not a DOCX (it is not a zip archive)")
