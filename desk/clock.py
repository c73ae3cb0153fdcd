"""Time and id helpers kept in one place so tests and the store agree on formats."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime


def utcnow() -> str:
    """ISO-8601 UTC with microseconds: sortable as text, the form every table uses."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def new_id() -> str:
    """A random UUID4: minted once at creation, never reused, safe to merge across desks."""
    return str(uuid.uuid4())
