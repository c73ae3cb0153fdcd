"""Compile many phrases into one regex that C code scans in a single pass.

A plain alternation of 3,000 skill names makes ``re`` try every name at every
position; a trie shares prefixes, so most positions fail on the first character.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

#: how a space inside a normalised phrase may appear in text: spaces, a hyphen, one line break
GAP = r"(?:[ \t_\-]+|[ \t]*\n[ \t]*)"


def _node(phrases: list[str]) -> str:
    """Regex for a set of phrases, longest continuation first (greedy = longest match)."""
    ends = "" in phrases
    groups: dict[str, list[str]] = {}
    for p in phrases:
        if p:
            groups.setdefault(p[0], []).append(p[1:])
    alts = []
    for ch in sorted(groups):
        head = GAP if ch == " " else re.escape(ch)
        alts.append(head + _node(groups[ch]))
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if ends else body


def trie_regex(phrases: Iterable[str]) -> str:
    unique = sorted(set(p for p in phrases if p))
    return _node(unique) if unique else r"(?!x)x"


def remembered_trie_regex(phrases: Iterable[str]) -> str:
    """``trie_regex(phrases)``, kept on disk: building it walks ~20,000 trie nodes in Python
    (0.1 s of every worker server's start). Keyed by the phrases and this file's own bytes, so
    a change to the builder is a new key."""
    from desk.skills.regex_cache import remembered

    unique = sorted(set(p for p in phrases if p))
    try:
        source = Path(__file__).read_bytes().decode("utf-8", "replace")
    except OSError:  # pragma: no cover - run from an archive: build it every time
        return trie_regex(unique)
    key = source + "\0" + "\n".join(unique)
    return remembered("trie", key, lambda: trie_regex(unique), lambda value: isinstance(value, str))
