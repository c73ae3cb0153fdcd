"""Ordinary words, which are never misspelt skills: fuzzy matching looks only past them.

"testing" is one edit from TestNG and "system" from systemd; a dictionary is the general
answer, where a hand-written stop list only covers the cases we thought of. Kept apart from
the matcher because it is a vocabulary with its own loading and caching, not matching.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

from desk.skills.regex_cache import remembered

#: Words of other languages one letter from a skill's name: "Informatik" (computer science, on every
#: German CV) is not a misspelt Informatica, nor "Datenbank" a database product.
NOT_MISSPELT = frozenset(
    [
        "informatik",
        "informatiker",
        "informatikerin",
        "informatique",
        "wirtschaftsinformatik",
        "medieninformatik",
        "datenbank",
        "datenbanken",
        "kenntnisse",
        "erfahrung",
    ]
)


@lru_cache(maxsize=1)
def english_words() -> dict[str, None]:
    """Ordinary English words (web2 list): a misspelt skill is never one of them.

    "testing" is one edit from TestNG and "system" from systemd; a dictionary is the
    general answer, where a hand-written stop list only covers the cases we thought of.
    Loaded lazily because only texts with unknown words need it; the package's pickle and
    the dict cost ~0.2 s, the list kept by ``remembered`` half that.

    A dict, not a set: a dict of strings is invisible to the garbage collector, while
    every full collection would walk a 235,000-word set (``set.difference`` takes a
    dict as fast as a set).
    """
    source = _web2_file()
    if source is None:  # pragma: no cover - the package is laid out differently: no cache key
        return dict.fromkeys(_web2())
    stat = source.stat()
    key = f"english-words web2 {source} {stat.st_size} {stat.st_mtime_ns}"
    return dict.fromkeys(remembered("words", key, _web2, _is_word_list))


def _web2() -> list[str]:
    from english_words import get_english_words_set

    return sorted(get_english_words_set(["web2"], lower=True, alpha=True))


def _web2_file() -> Path | None:
    """The package's pickled list, whose size and time key the cache (found without importing it)."""
    spec = importlib.util.find_spec("english_words")
    for folder in (spec and spec.submodule_search_locations) or ():
        path = Path(folder) / "data" / "web2_alpha_lower.pickle"
        if path.is_file():
            return path
    return None


def _is_word_list(value: object) -> bool:
    """A whole list of words (a cheap look: the file was written atomically by this code)."""
    return isinstance(value, list) and len(value) > 100_000 and isinstance(value[-1], str)


@lru_cache(maxsize=100_000)
def is_english(word: str) -> bool:
    """A dictionary word, or a regular inflection of one (systems, testing, used, making)."""
    words = english_words()
    if word in words:
        return True
    stems = []
    if word.endswith("s"):
        stems += [word[:-1], word[:-2] if word.endswith("es") else ""]
    if word.endswith("ed"):
        stems += [word[:-2], word[:-1], word[:-3] if word[-3:-2] == word[-4:-3] else ""]
    if word.endswith("ing"):
        stems += [word[:-3], word[:-3] + "e", word[:-4] if word[-4:-3] == word[-5:-4] else ""]
    if word.endswith("ly"):
        stems.append(word[:-2])
    if word.endswith("er"):
        stems += [word[:-2], word[:-1]]
    return any(s and s in words for s in stems)
