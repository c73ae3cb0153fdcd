"""What the PDF engine adapters hand to ``pdf.py``: words per page, or one of two failures."""

from __future__ import annotations

from dataclasses import dataclass

from desk.extract.layout import Word
from desk.extract.result import ExtractError

ENCRYPTED = "the PDF is password-protected; remove the password and import again"


class EngineError(Exception):
    """This engine could not read the PDF; another engine may still manage."""


def encrypted() -> ExtractError:
    """The one failure no engine can work around without the password."""
    return ExtractError("encrypted", ENCRYPTED)


@dataclass
class PageWords:
    """One page's words with boxes in points, ``top < bottom``."""

    words: list[Word]
    width: float
    height: float


def summarise(exc: BaseException, limit: int = 120) -> str:
    """An engine exception as one short line for a user-facing message."""
    inner = exc.args[0] if len(exc.args) == 1 and isinstance(exc.args[0], BaseException) else exc
    text = " ".join(str(inner).split()) or type(inner).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"
