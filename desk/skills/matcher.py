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
from bisect import bisect_right
from collections import defaultdict
from functools import lru_cache

from rapidfuzz.distance import OSA

from desk.model import SkillHit
from desk.skills.taxonomy import Taxonomy, builtin_taxonomy, norm
from desk.skills.trie import trie_regex

# A token starts with a letter/digit (or ".NET"'s dot, or a lone "&") and may hold
# inner . / + # & ' so that node.js, CI/CD, C++, C#, R&D stay one token.
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


BEFORE = r"(?<![\w.+#&])"
AFTER = r"(?![\w+#&]|\.\w)"
VERSION_SUFFIX = r"(?:v?\d+(?:\.\d+)*x?)?"
WORD_RE = re.compile(r"(?<![\w.+#&/-])[^\W\d_]{5,}(?![\w+#&])")
CTX_TOKEN_RE = re.compile(r"[\w+#.&/]+")


class SkillMatcher:
    """Holds the compiled patterns for one taxonomy; reuse it across many texts.

    One case-insensitive trie regex finds every name and alias in a single C-level
    pass; a case-sensitive one finds ambiguous forms, which then need context; a
    word pass feeds only unknown, non-English words to the fuzzy matcher.
    """

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.tax = taxonomy
        self.surfaces = taxonomy.surfaces
        self.cased = taxonomy.cased
        main = BEFORE + "(" + trie_regex(self.surfaces) + ")" + VERSION_SUFFIX + AFTER
        self._main_lower = re.compile(main)  # on lower-cased text: twice as fast as re.I
        self._main_any = re.compile(main, re.I)
        #: surface as matched (lower case) -> (skill id, exact|alias), filled lazily
        self._resolved: dict[str, tuple[str, str] | None] = {}
        self._cased = re.compile(BEFORE + "(" + trie_regex(self.cased) + ")" + AFTER)
        # fuzzy vocabulary: single-word, unambiguous surfaces, bucketed by first letter
        self.fuzzy_vocab: dict[str, list[str]] = defaultdict(list)
        for key in self.surfaces:
            if " " not in key and len(key) >= FUZZY_MIN_LEN and key.isalpha():
                self.fuzzy_vocab[key[0]].append(key)
        self._fuzzy_cache: dict[str, tuple[str, float] | None] = {}
        self._plain: frozenset[str] | None = None

    @property
    def plain_words(self) -> frozenset[str]:
        """Words that are never fuzzy candidates: dictionary words and skill names themselves."""
        if self._plain is None:
            self._plain = english_words() | {k for k in self.surfaces if " " not in k}
        return self._plain

    # -- fuzzy --------------------------------------------------------------------------
    def _fuzzy(self, key: str) -> tuple[str, float] | None:
        if key in self._fuzzy_cache:
            return self._fuzzy_cache[key]
        result: tuple[str, float] | None = None
        if key.isalpha() and len(key) >= FUZZY_MIN_LEN and key not in self.surfaces and not is_english(key):
            best: tuple[int, str] | None = None
            for cand in self.fuzzy_vocab.get(key[0], ()):
                if abs(len(cand) - len(key)) > 2:
                    continue
                limit = 1 if max(len(key), len(cand)) <= 8 else 2
                dist = OSA.distance(key, cand, score_cutoff=limit)
                if dist > limit or not _edit_allowed(key, cand, dist):
                    continue
                if best is None or dist < best[0] or (dist == best[0] and cand < best[1]):
                    best = (dist, cand)
            if best is not None:
                result = (best[1], round(OSA.normalized_similarity(key, best[1]) * 100, 1))
        if len(self._fuzzy_cache) < FUZZY_CACHE_MAX:
            self._fuzzy_cache[key] = result
        return result

    # -- context for ambiguous forms ------------------------------------------------------
    def _has_context(
        self, text: str, start: int, end: int, skill_id: str, line_hits: int, listed: bool
    ) -> bool:
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        before = CTX_TOKEN_RE.findall(text[max(line_start, start - 80) : start])
        after = CTX_TOKEN_RE.findall(text[end : min(line_end, end + 80)].replace("-", " "))
        nxt = after[0].lower() if after else ""
        prv = before[-1].lower() if before else ""
        if nxt in NEG_NEXT or prv in NEG_PREV:
            return False
        if line_hits >= 2 or listed:
            return True
        context = self.tax.skills[skill_id].context
        if not context:
            return False
        lo = max(0, start - 120)
        window = " " + " ".join(t.lower() for t in CTX_TOKEN_RE.findall(text[lo : end + 120])) + " "
        return any(f" {c} " in window for c in context)

    # -- the pass -------------------------------------------------------------------------
    def find(
        self, text: str, *, implied: bool = True, list_spans: list[tuple[int, int]] = ()
    ) -> list[SkillHit]:
        """All skill occurrences in ``text`` (in text order), then implied skills.

        ``list_spans`` are ranges known to list skills (a resume's Skills section): an
        ambiguous form there counts without further context.
        """
        hits: list[SkillHit] = []
        surfaces = self.surfaces
        covered: list[tuple[int, int]] = []
        lowered = text.lower()
        if len(lowered) == len(text):  # lower-casing kept every offset: scan without re.I
            scan = self._main_lower.finditer(lowered)
        else:
            scan = self._main_any.finditer(text)
        resolved = self._resolved
        for m in scan:
            raw = m.group(1)
            got = resolved.get(raw, False)
            if got is False:
                got = resolved[raw] = self._resolve(raw)
            if got is None:
                continue
            start, end = m.span(1)
            hits.append(SkillHit(got[0], got[1], 100.0, text[start:end], start, end))
            covered.append((start, end))
        # fuzzy: unknown words that are not English might be misspelt skills. The set
        # difference runs in C and leaves the few words worth a look (names, typos).
        unknown = (
            set(WORD_RE.findall(lowered if len(lowered) == len(text) else text.lower())) - self.plain_words
        )
        for word in unknown:
            fz = self._fuzzy(word)
            if fz is None:
                continue
            sid = surfaces[fz[0]]
            for m in re.finditer(r"(?<![\w.+#&])" + re.escape(word) + r"(?![\w+#&])", text, re.I):
                if not any(s <= m.start() < e for s, e in covered):
                    hits.append(SkillHit(sid, "fuzzy", fz[1], m.group(), m.start(), m.end()))
        if self.cased:
            self._ambiguous(text, hits, list_spans)
        hits.sort(key=lambda h: (h.start, h.skill_id))
        if implied:
            hits.extend(self._implied(hits))
        return hits

    def _ambiguous(self, text: str, hits: list[SkillHit], list_spans: list[tuple[int, int]]) -> None:
        pending = [(m.start(1), m.end(1), self.cased[m.group(1)]) for m in self._cased.finditer(text)]
        if not pending:
            return
        inside = sorted((h.start, h.end) for h in hits)
        starts = [s for s, _ in inside]

        def covered(pos: int) -> bool:
            i = bisect_right(starts, pos) - 1
            return i >= 0 and inside[i][0] <= pos < inside[i][1]

        pending = [p for p in pending if not covered(p[0])]
        if not pending:
            return
        newlines = [m.start() for m in re.finditer("\n", text)]

        def line_of(pos: int) -> int:
            return bisect_right(newlines, pos)

        per_line: dict[int, int] = defaultdict(int)
        for h in hits:
            per_line[line_of(h.start)] += 1
        for s, _e, _sid in pending:
            per_line[line_of(s)] += 1
        for start, end, sid in pending:
            line = line_of(start)
            listed = any(lo <= start < hi for lo, hi in list_spans) or self._labelled(text, start)
            if self._has_context(text, start, end, sid, per_line[line] - 1, listed):
                hits.append(SkillHit(sid, "alias", 100.0, text[start:end], start, end))

    @staticmethod
    def _labelled(text: str, pos: int) -> bool:
        line_start = text.rfind("\n", 0, pos) + 1
        return bool(LIST_LABEL_RE.match(text, line_start, pos)) if pos - line_start < 200 else False

    def _resolve(self, raw: str) -> tuple[str, str] | None:
        key = norm(raw)
        sid = self.surfaces.get(key)
        if sid is None:
            return None
        exact = key == norm(self.tax.skills[sid].name) or key == sid
        return sid, "exact" if exact else "alias"

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


def find_skills(
    text: str,
    taxonomy: Taxonomy | None = None,
    *,
    implied: bool = True,
    list_spans: list[tuple[int, int]] = (),
) -> list[SkillHit]:
    return matcher_for(taxonomy).find(text, implied=implied, list_spans=list_spans)


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
