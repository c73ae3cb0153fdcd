"""Exceptions shared by the core and the faces.

The faces turn a ``DeskError`` into one plain ``error:`` line and a non-zero
exit code; anything else is a bug and keeps its traceback.
"""

from __future__ import annotations


class DeskError(Exception):
    """A problem the user can understand and fix (bad input, bad file...)."""


class StoreError(DeskError):
    """The database cannot be opened or used as asked."""


class NewerSchemaError(StoreError):
    """The database was written by a newer desk; we refuse to touch it."""


class NotFoundError(DeskError):
    """An id or name given by the user matches nothing."""
