"""Which files desk reads and what to say about the ones it does not: names only, no readers.

Kept apart from the readers so that the importing process can sort files by name without
loading PDFium, pdfminer or the parsers (workers load those).
"""

from __future__ import annotations

#: Suffix (lower case) -> format name.
FORMATS = {".pdf": "pdf", ".docx": "docx", ".txt": "txt", ".md": "md", ".markdown": "md", ".json": "json"}
SUPPORTED_SUFFIXES = frozenset(FORMATS)
DEFAULT_MAX_BYTES = 20_000_000

SAVE_AS = "open it in Word or LibreOffice, save it as DOCX or PDF and import that"
_OCR = "run OCR (e.g. ocrmypdf) to make a PDF with text and import that"
#: Formats people try to import, and what to do instead.
HINTS = {
    ".doc": f"old Word .doc files are not supported; {SAVE_AS}",
    ".rtf": f"RTF files are not supported; {SAVE_AS}",
    ".odt": f"OpenDocument files are not supported; {SAVE_AS}",
    ".pages": "Pages files are not supported; export the document as PDF or DOCX and import that",
    ".png": f"images have no text; {_OCR}",
    ".jpg": f"images have no text; {_OCR}",
    ".jpeg": f"images have no text; {_OCR}",
    ".tif": f"images have no text; {_OCR}",
    ".tiff": f"images have no text; {_OCR}",
}
