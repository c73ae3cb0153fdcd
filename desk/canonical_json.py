"""Canonical JSON: the one encoding desk stores and exports, so the same value is the same bytes.

Its own module, free of the store, because import workers encode a resume's profile
(the writer's costliest step, and the writer is the import's one serial part) with it.
"""

from __future__ import annotations

import json
from typing import Any


def dumps(value: Any) -> str:
    """Sorted keys, no spaces, UTF-8 kept: stable bytes for the same value."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
