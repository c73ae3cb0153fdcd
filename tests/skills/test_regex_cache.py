"""The on-disk cache of compiled skill regexes: same pattern as re.compile, whatever the cache holds."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from desk.skills import regex_cache
from desk.skills.matcher import SkillMatcher
from desk.skills.taxonomy import builtin_taxonomy
from desk.skills.trie import trie_regex

#: big enough to be cached; alternatives with groups, classes and look-arounds
WORDS = [f"skill{i:05d}{'x' * (i % 7)}" for i in range(3000)] + [
    "w" + hashlib.sha256(str(i).encode()).hexdigest()[:12] for i in range(3000)
]
PATTERN = r"\b(?P<name>" + trie_regex(WORDS) + r")(?=[^a-z]|\Z)(?:v?\d+)?"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(regex_cache.ENV_VAR, str(tmp_path / "cache"))
    return tmp_path / "cache"


def _same(a: re.Pattern[str], b: re.Pattern[str]) -> None:
    assert a == b  # CPython compares pattern, flags and the compiled code
    text = "use skill00042xx and skill02999xxxxx2 but not skill00042 here skill01234xxxxx"
    assert [m.group("name") for m in a.finditer(text)] == [m.group("name") for m in b.finditer(text)]


def test_first_compile_writes_the_cache_and_the_second_reads_it(cache: Path) -> None:
    assert len(PATTERN) > regex_cache._MIN_LENGTH
    first = regex_cache.compile_cached(PATTERN, re.IGNORECASE)
    [saved] = cache.glob("*.bin")
    second = regex_cache.compile_cached(PATTERN, re.IGNORECASE)
    _same(first, re.compile(PATTERN, re.IGNORECASE))
    _same(second, re.compile(PATTERN, re.IGNORECASE))
    assert second.groupindex == {"name": 1}
    assert list(cache.glob("*.bin")) == [saved]
    other_flags = regex_cache.compile_cached(PATTERN)
    _same(other_flags, re.compile(PATTERN))
    assert len(list(cache.glob("*.bin"))) == 2  # the flags are part of the key


@pytest.mark.parametrize("junk", [b"", b"not marshal", b"\xe3" * 40])
def test_a_damaged_cache_file_is_compiled_afresh_and_replaced(cache: Path, junk: bytes) -> None:
    regex_cache.compile_cached(PATTERN)
    [saved] = cache.glob("*.bin")
    good = saved.read_bytes()
    saved.write_bytes(junk)
    _same(regex_cache.compile_cached(PATTERN), re.compile(PATTERN))
    assert saved.read_bytes() == good


def test_an_unwritable_cache_still_compiles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache directory should be")
    monkeypatch.setenv(regex_cache.ENV_VAR, str(blocker / "cache"))
    _same(regex_cache.compile_cached(PATTERN), re.compile(PATTERN))


def test_only_the_newest_patterns_are_kept(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(regex_cache, "KEEP", 2)
    for suffix in ("a", "b", "c"):
        regex_cache.compile_cached(PATTERN + suffix)
    assert len(list(cache.glob("*.bin"))) == 2


def test_the_matcher_from_the_cache_finds_what_a_fresh_one_finds(cache: Path) -> None:
    text = "Built REST APIs in Python/Django on k8s with Postgres, Kafka and .NET Core; some Go."
    fresh = SkillMatcher(builtin_taxonomy())
    cached = SkillMatcher(builtin_taxonomy())
    assert list(cache.glob("*.bin"))
    assert cached._scan == fresh._scan
    assert cached.scan(text) == fresh.scan(text)


def _never() -> list[str]:
    raise AssertionError("built again: the kept value was not used")


def test_remembered_data_is_built_once_then_read(cache: Path) -> None:
    calls: list[int] = []

    def build() -> list[str]:
        calls.append(1)
        return ["a", "b"]

    assert regex_cache.remembered("demo", "k1", build, lambda v: isinstance(v, list)) == ["a", "b"]
    assert regex_cache.remembered("demo", "k1", _never, lambda v: isinstance(v, list)) == ["a", "b"]
    assert regex_cache.remembered("demo", "k2", build, lambda v: isinstance(v, list)) == ["a", "b"]
    assert len(calls) == 2  # another key is another value


@pytest.mark.parametrize("junk", [b"", b"not marshal", b"\xe9\x01\x00\x00\x00"])
def test_remembered_data_that_is_damaged_or_refused_is_built_again(cache: Path, junk: bytes) -> None:
    regex_cache.remembered("demo", "k", lambda: ["ok"], lambda v: v == ["ok"])
    [saved] = cache.glob("demo-*.bin")
    saved.write_bytes(junk)  # unreadable, or a value (an int) that the check refuses
    assert regex_cache.remembered("demo", "k", lambda: ["ok"], lambda v: v == ["ok"]) == ["ok"]
    assert regex_cache.remembered("demo", "k", _never, lambda v: v == ["ok"]) == ["ok"]


def test_the_kept_trie_text_and_word_list_equal_fresh_ones(cache: Path) -> None:
    from english_words import get_english_words_set

    from desk.skills import words
    from desk.skills.trie import remembered_trie_regex

    assert remembered_trie_regex(WORDS) == trie_regex(WORDS)
    assert remembered_trie_regex(reversed(WORDS)) == trie_regex(WORDS)  # read back: same text
    assert list(cache.glob("trie-*.bin"))
    words.english_words.cache_clear()
    try:
        first = words.english_words()
        words.english_words.cache_clear()
        again = words.english_words()
        assert list(cache.glob("words-*.bin"))
        assert set(again) == set(first) == get_english_words_set(["web2"], lower=True, alpha=True)
    finally:
        words.english_words.cache_clear()
