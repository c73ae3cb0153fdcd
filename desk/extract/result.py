"""What extraction returns and how it fails.

Every failure a user can fix is an ``ExtractError`` with a stable ``reason`` code (for reports,
exit codes and the store's ``documents.error``) and a sentence that tells them what to do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from desk.errors import DeskError

#: The stable machine codes an ``ExtractError`` carries.
REASONS = frozenset(
    {
        "empty",
        "too-large",
        "unsupported",
        "corrupt",
        "encrypted",
        "no-text-layer",
        "bad-encoding",
        "bad-json",
        "unreadable",
    }
)


class ExtractError(DeskError):
    """A file desk cannot turn into text, with a machine ``reason`` and a human ``message``."""

    def __init__(self, reason: str, message: str) -> None:
        if reason not in REASONS:
            raise ValueError(f"unknown extract error reason {reason!r}")
        super().__init__(message)
        self.reason = reason
        self.message = message

    def __reduce__(self) -> tuple[type[ExtractError], tuple[str, str]]:
        """Survive pickling, so errors cross process-pool boundaries intact."""
        return (type(self), (self.reason, self.message))

    def __repr__(self) -> str:
        return f"ExtractError({self.reason!r}, {self.message!r})"


@dataclass
class Extracted:
    """Reading-order text of one file plus JSON-safe facts about its layout."""

    text: str
    format: str
    pages: int
    engine: str | None
    layout: dict[str, Any]
    json_resume: dict[str, Any] | None = field(default=None)
