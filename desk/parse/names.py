"""Whether two written names can belong to one person: the guard on merging by email or phone.

An agency sends every resume with its own phone number and mailbox, a family shares a
line, and a phone's last nine digits can match across countries ("06 12 34 56 78" and
"+34 612 345 678"). Merging on those alone would silently file one person's resume under
another. So a shared email or phone merges only when the names agree: the same person
writes "Priya Raghunathan", "RAGHUNATHAN, Priya", "P. Raghunathan" or "Priya R.", keeps a
first or last name across a change of surname, and misspells nothing beyond a letter or two.
A missing name agrees with anything: there is nothing to tell the files apart by.
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

#: letters of any script, so "王伟" or "Ольга" are names like any other
_TOKEN = re.compile(r"[^\W\d_]+")
#: sorted-token similarity at which two names differ only by a typo ("Jon Smyth", "John Smith")
TYPO_SIMILARITY = 80


def name_tokens(name: str) -> list[str]:
    """Lower-case words of a name with accents folded: "José Müller-Lüdenscheidt" -> jose muller ludenscheidt."""
    folded = "".join(
        ch for ch in unicodedata.normalize("NFKD", name.casefold()) if not unicodedata.combining(ch)
    )
    return _TOKEN.findall(folded)


def names_agree(a: str | None, b: str | None) -> bool:
    """True unless both names are known and plainly belong to different people."""
    ta, tb = name_tokens(a or ""), name_tokens(b or "")
    if not ta or not tb:
        return True
    if any(len(t) > 1 for t in set(ta) & set(tb)):
        return True  # a shared first or last name; a shared initial alone says little
    if _initials_fit(ta, tb) or _initials_fit(tb, ta):
        return True
    return fuzz.token_sort_ratio(" ".join(ta), " ".join(tb)) >= TYPO_SIMILARITY


def _initials_fit(short: list[str], full: list[str]) -> bool:
    """ "P R" against "priya raghunathan": every word of ``short`` is an initial of a word of ``full``."""
    if not all(len(t) == 1 for t in short):
        return False
    heads = [t[0] for t in full]
    return all(t in heads for t in short)
