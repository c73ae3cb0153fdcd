"""Find skills in any text: exact and alias look-ups first, fuzzy only for near misses.

Why this shape: a resume is ~500 tokens and we want 1,000 resumes a second, so the
common path is one regex pass plus dict look-ups. Fuzzy matching (rapidfuzz) runs
only on unknown words that could be misspelt skill names, is cached across calls,
and is held to strict rules (same first letter, one edit for short words, no
substitutions under seven letters) because "spare" must never become Spark.
Ambiguous names ("Go", "R", "REST", "Swift") are matched case-sensitively and only
count with context: a context word nearby, or a line that lists other skills.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA

from desk.model import SkillHit
from desk.skills.taxonomy import Taxonomy, builtin_taxonomy, norm

# A token starts with a letter/digit (or ".NET"'s dot, or a lone "&") and may hold
# inner . / + # & ' so that node.js, CI/CD, C++, C#, R&D stay one token.
TOKEN_RE = re.compile(r"\.?[^\W_][\w+#&.'/’]*|&")
TRAIL = ".'/’"
VERSION_RE = re.compile(r"^([a-z][a-z+#.]*?)[ .]?v?\d+(?:\.\d+)*x?$")
JOINERS_RE = re.compile(r"^[ \t\-]*$")
#: "Languages: Go, Rust" - a labelled list says its items are skills
LIST_LABEL_RE = re.compile(
    r"(?:^|\n)[ \t•*\-]*(?:technical |core |key )?(?:skills|languages|programming languages|tech(?:nology)? stack|"
    r"stack|technologies|tools|frameworks|platforms|databases|environment|kenntnisse|compétences)\s*[:\-–|]",
    re.I,
)
#: words next to an ambiguous form that show it is not the skill ("go-to", "grade C")
NEG_NEXT = frozenset(
    [
        "to",
        "ahead",
        "live",
        "back",
        "through",
        "level",
        "suite",
        "grade",
        "section",
        "annex",
        "appendix",
        "round",
    ]
)
NEG_PREV = frozenset(
    [
        "grade",
        "appendix",
        "section",
        "annex",
        "vitamin",
        "plan",
        "tier",
        "class",
        "group",
        "level",
        "option",
        "round",
        "phase",
        "part",
        "step",
        "type",
        "block",
        "building",
    ]
)
FUZZY_MIN_LEN = 5
FUZZY_CACHE_MAX = 200_000


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Ordinary English words (web2 list): a misspelt skill is never one of them.

    "testing" is one edit from TestNG and "system" from systemd; a dictionary is the
    general answer, where a hand-written stop list only covers the cases we thought of.
    Loaded lazily (~0.2 s) because only texts with unknown words need it.
    """
    from english_words import get_english_words_set

    return frozenset(get_english_words_set(["web2"], lower=True, alpha=True))


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


@dataclass
class _Tok:
    text: str
    key: str
    start: int
    end: int
    line: int


class SkillMatcher:
    """Holds the look-up tables for one taxonomy; reuse it across many texts."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.tax = taxonomy
        self.surfaces = taxonomy.surfaces
        self.cased = taxonomy.cased
        self.alias_kind: dict[str, str] = {}
        for skill in taxonomy.skills.values():
            self.alias_kind[norm(skill.name)] = "exact"
            self.alias_kind[norm(skill.id)] = "exact"
        # first word of a multi-word surface -> the longest surface length in words
        self.first_words: dict[str, int] = {}
        for key in self.surfaces:
            words = key.split(" ")
            if len(words) > 1:
                self.first_words[words[0]] = max(self.first_words.get(words[0], 1), len(words))
        # fuzzy vocabulary: single-word, unambiguous surfaces, bucketed by first letter
        self.fuzzy_vocab: dict[str, list[str]] = defaultdict(list)
        for key in self.surfaces:
            if " " not in key and len(key) >= FUZZY_MIN_LEN and key.isalpha():
                self.fuzzy_vocab[key[0]].append(key)
        self._fuzzy_cache: dict[str, tuple[str, float] | None] = {}

    # -- tokens -------------------------------------------------------------------------
    def _tokens(self, text: str) -> list[_Tok]:
        toks: list[_Tok] = []
        line = 0
        pos = 0
        for m in TOKEN_RE.finditer(text):
            start, end = m.span()
            raw = m.group()
            stripped = raw.rstrip(TRAIL)
            if not stripped:
                continue
            end = start + len(stripped)
            line += text.count("\n", pos, start)
            pos = start
            toks.append(_Tok(stripped, norm(stripped), start, end, line))
        return toks

    # -- fuzzy --------------------------------------------------------------------------
    def _fuzzy(self, key: str) -> tuple[str, float] | None:
        if key in self._fuzzy_cache:
            return self._fuzzy_cache[key]
        result: tuple[str, float] | None = None
        if key.isalpha() and len(key) >= FUZZY_MIN_LEN and not is_english(key):
            best: tuple[int, str] | None = None
            for cand in self.fuzzy_vocab.get(key[0], ()):
                if abs(len(cand) - len(key)) > 2:
                    continue
                limit = 1 if max(len(key), len(cand)) <= 8 else 2
                dist = OSA.distance(key, cand, score_cutoff=limit)
                if dist > limit:
                    continue
                if not _edit_allowed(key, cand, dist):
                    continue
                if best is None or dist < best[0] or (dist == best[0] and cand < best[1]):
                    best = (dist, cand)
            if best is not None:
                sim = round(OSA.normalized_similarity(key, best[1]) * 100, 1)
                result = (best[1], sim)
        if len(self._fuzzy_cache) < FUZZY_CACHE_MAX:
            self._fuzzy_cache[key] = result
        return result

    # -- context for ambiguous forms ------------------------------------------------------
    def _has_context(self, toks: list[_Tok], i: int, skill_id: str, line_hits: int, listed: bool) -> bool:
        nxt = toks[i + 1].key if i + 1 < len(toks) and toks[i + 1].line == toks[i].line else ""
        prv = toks[i - 1].key if i > 0 and toks[i - 1].line == toks[i].line else ""
        if nxt in NEG_NEXT or prv in NEG_PREV:
            return False
        if line_hits >= 2 or listed:
            return True
        context = self.tax.skills[skill_id].context
        if not context:
            return False
        lo, hi = max(0, i - 8), min(len(toks), i + 9)
        window = " " + " ".join(t.key for t in toks[lo:hi]) + " "
        return any(f" {c} " in window for c in context)

    # -- the pass -------------------------------------------------------------------------
    def find(
        self, text: str, *, implied: bool = True, list_spans: list[tuple[int, int]] = ()
    ) -> list[SkillHit]:
        """All skill occurrences in ``text`` (in text order), then implied skills.

        ``list_spans`` are ranges known to list skills (a resume's Skills section): an
        ambiguous form there counts without further context.
        """
        toks = self._tokens(text)
        hits: list[SkillHit] = []
        pending: list[tuple[int, str]] = []  # ambiguous candidates: (token index, skill id)
        line_hits: dict[int, int] = defaultdict(int)
        n = len(toks)
        i = 0
        while i < n:
            tok = toks[i]
            key = tok.key
            span = self.first_words.get(key, 1)
            matched = False
            for size in range(min(span, n - i), 1, -1):
                last = toks[i + size - 1]
                if last.line - tok.line > 1:
                    continue
                if not all(
                    JOINERS_RE.match(text[toks[j].end : toks[j + 1].start]) for j in range(i, i + size - 1)
                ):
                    continue
                phrase = " ".join(t.key for t in toks[i : i + size])
                sid = self.surfaces.get(phrase)
                if sid:
                    hits.append(self._hit(sid, phrase, text, tok.start, last.end))
                    line_hits[tok.line] += 1
                    i += size
                    matched = True
                    break
            if matched:
                continue
            sid = self.surfaces.get(key)
            if sid and tok.text not in self.cased:
                hits.append(self._hit(sid, key, text, tok.start, tok.end))
                line_hits[tok.line] += 1
            elif tok.text in self.cased:
                pending.append((i, self.cased[tok.text]))
            else:
                self._parts(tok, text, hits, line_hits)
            i += 1
        pending_lines: dict[int, int] = defaultdict(int)
        for idx, _ in pending:
            pending_lines[toks[idx].line] += 1
        for idx, sid in pending:
            tok = toks[idx]
            others = line_hits[tok.line] + pending_lines[tok.line] - 1
            listed = any(lo <= tok.start < hi for lo, hi in list_spans) or self._labelled(text, tok.start)
            if self._has_context(toks, idx, sid, others, listed):
                hits.append(SkillHit(sid, "alias", 100.0, tok.text, tok.start, tok.end))
        hits.sort(key=lambda h: (h.start, h.skill_id))
        if implied:
            hits.extend(self._implied(hits))
        return hits

    @staticmethod
    def _labelled(text: str, pos: int) -> bool:
        line_start = text.rfind("\n", 0, pos) + 1
        return bool(LIST_LABEL_RE.match(text, line_start, pos)) if pos - line_start < 200 else False

    def _hit(self, sid: str, key: str, text: str, start: int, end: int) -> SkillHit:
        how = self.alias_kind.get(key, "alias")
        if how == "exact" and norm(self.tax.skills[sid].name) != key and key != sid:
            how = "alias"
        return SkillHit(sid, how, 100.0, text[start:end], start, end)

    def _parts(self, tok: _Tok, text: str, hits: list[SkillHit], line_hits: dict[int, int]) -> None:
        """Unknown token: try slash-separated parts, a version suffix, then fuzzy."""
        parts = tok.text.split("/") if "/" in tok.text else [tok.text]
        offset = tok.start
        for part in parts:
            start = text.find(part, offset, tok.end) if part else -1
            offset = start + len(part) if start >= 0 else offset
            if not part or start < 0:
                continue
            key = norm(part)
            sid = self.surfaces.get(key) if len(parts) > 1 else None
            how_key = key
            if sid is None:
                m = VERSION_RE.match(key)
                if m and m.group(1) in self.surfaces and len(m.group(1)) >= 2:
                    how_key = m.group(1)
                    sid = self.surfaces[how_key]
            if sid is not None:
                hits.append(self._hit(sid, how_key, text, start, start + len(part)))
                line_hits[tok.line] += 1
                continue
            fz = self._fuzzy(key) if part[:1].isalpha() else None
            if fz is not None:
                sid = self.surfaces[fz[0]]
                hits.append(SkillHit(sid, "fuzzy", fz[1], part, start, start + len(part)))
                line_hits[tok.line] += 1

    def _implied(self, hits: list[SkillHit]) -> list[SkillHit]:
        direct = {h.skill_id for h in hits}
        first: dict[str, SkillHit] = {}
        for h in hits:
            first.setdefault(h.skill_id, h)
        out: list[SkillHit] = []
        seen: set[str] = set()
        for sid, h in first.items():
            for imp in self.tax.implied_closure(sid):
                if imp in direct or imp in seen:
                    continue
                seen.add(imp)
                out.append(SkillHit(imp, "implied", 100.0, h.surface, h.start, h.end, via=sid))
        return out


def _edit_allowed(key: str, cand: str, dist: int) -> bool:
    """Typos we accept: transpositions and dropped/doubled letters; substitutions only in long words."""
    if key[0] != cand[0]:
        return False
    if dist == 0:
        return True
    if len(key) == len(cand):
        if sorted(key) == sorted(cand):  # a transposition: Pyhton, Djnago, Kafak
            return True
        return len(key) >= 7  # a substitution: Kubernates; too risky in short words
    return max(len(key), len(cand)) >= 6  # insertion/deletion: Postgress, Dockr


_MATCHERS: dict[int, SkillMatcher] = {}


def matcher_for(taxonomy: Taxonomy | None = None) -> SkillMatcher:
    """One matcher per taxonomy object, so its fuzzy cache is shared."""
    tax = taxonomy or builtin_taxonomy()
    m = _MATCHERS.get(id(tax))
    if m is None or m.tax is not tax:
        if len(_MATCHERS) > 8:
            _MATCHERS.clear()
        m = _MATCHERS[id(tax)] = SkillMatcher(tax)
    return m


def find_skills(text: str, taxonomy: Taxonomy | None = None, *, implied: bool = True) -> list[SkillHit]:
    return matcher_for(taxonomy).find(text, implied=implied)


def snippet(text: str, start: int, end: int, width: int = 90) -> str:
    """The line around a hit, trimmed to ``width`` characters: the evidence we show."""
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    le = len(text) if le < 0 else le
    line = text[ls:le].strip()
    if len(line) <= width:
        return line
    rel = start - ls - (len(text[ls:le]) - len(text[ls:le].lstrip()))
    lo = max(0, rel - width // 2)
    piece = line[lo : lo + width]
    return ("…" if lo > 0 else "") + piece.strip() + ("…" if lo + width < len(line) else "")
