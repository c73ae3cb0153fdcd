"""Compile many phrases into one regex that C code scans in a single pass.

A plain alternation of 3,000 skill names makes ``re`` try every name at every
position; a trie shares prefixes, so most positions fail on the first character.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

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
