"""Find skills in any text: exact and alias look-ups first, fuzzy only for near misses.

Why this shape: a resume is ~500 tokens and we want 1,000 resumes a second, so the
common path is one regex pass plus dict look-ups. Fuzzy matching (rapidfuzz) runs
only on unknown words that could be misspelt skill names, is cached across calls,
and is held to strict rules (same first letter, one edit for short words, no
substitutions under seven letters) because "spare" must never become Spark.
Ambiguous names ("Go", "R", "REST", "Swift") are matched case-sensitively and only
count with context: a context word nearby, a line that lists other skills, or a skill
joined to them ("React or Angular").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from typing import Any

from rapidfuzz.distance import OSA

from desk.model import SkillHit
from desk.skills.regex_cache import compile_cached
from desk.skills.taxonomy import Taxonomy, builtin_taxonomy, norm, single_gaps
from desk.skills.trie import remembered_trie_regex, trie_regex
from desk.skills.words import NOT_MISSPELT, english_words, is_english

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


BEFORE = r"(?<![\w.+#&])"
AFTER = r"(?![\w+#&]|\.\w)"
VERSION_SUFFIX = r"(?:v?\d+(?:\.\d+)*x?)?"
#: The end of a name in the scan: the same rule as VERSION_SUFFIX + AFTER, as look-aheads
#: so that a match is the name alone. Why this shape: the trie has thousands of places
#: where a name may end, and the cheap class test rejects the common case (a letter
#: follows, "c" in "communication") before the slower alternatives run; an optional
#: version group there instead costs the whole scan a third more time.
SCAN_TAIL = r"(?=[^a-uw-z_]|\Z)(?:" + AFTER + r"|(?=v?\d+(?:\.\d+)*x?" + AFTER + "))"
_AFTER_RE = re.compile(AFTER)
#: characters that, right before a name, make it part of a longer token ("x.python", "#go");
#: ``\b`` in the scan already rules out a letter or digit there
GLUE = ".+#&"
_GLUED_BEFORE = re.compile(r"[\w.+#&]")
#: fuzzy candidates: ASCII words of five letters or more. ASCII because the regex runs
#: at 4x the speed of ``[^\W\d_]``; skill names are ASCII, so a misspelling holding a
#: non-ASCII letter ("Kubernétes") is the one kind of typo this does not catch.
WORD_RE = re.compile(r"[a-z]{5,}")
#: A word hyphenated at the end of a line, as justified PDF text breaks long names.
_BROKEN_WORD = re.compile(r"(?<![\w-])([^\W\d_]{2,})[-\xad]\n[ \t]*([^\W\d_]{2,})(?![\w-])")
#: a fuzzy word counts only where it stands alone (not after "/" or "-", not glued to + # &)
_WORD_END = re.compile(r"[\w+#&]")  # a character that glues a following word on
CTX_TOKEN_RE = re.compile(r"[\w+#.&/]+")
_CTX_GAP = r"[^\w+#.&/]+"

#: one raw hit: (start, end, skill id, exact|alias|fuzzy, similarity)
Raw = tuple[int, int, str, str, float]


def _lower_keep_offsets(text: str) -> str:
    """``text.lower()`` when that keeps every offset (nearly always), else per character.

    Offsets found in the lowered text index the original, so the two must line up;
    the few characters that grow when lowered ("İ") are left as they are.
    """
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(low if len(low := ch.lower()) == 1 else ch for ch in text)


def _context_regex(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """One regex for a skill's context words, run on a lower-cased window.

    A context word matches as a whole token sequence: "object-oriented" matches
    "object oriented" and "object-oriented", never "objection".
    """
    alts = []
    for word in words:
        tokens = CTX_TOKEN_RE.findall(word.lower())
        if tokens:
            alts.append(_CTX_GAP.join(re.escape(t) for t in tokens))
    if not alts:
        return None
    return re.compile(r"(?<![\w+#.&/])(?:" + "|".join(sorted(set(alts))) + r")(?![\w+#.&/])")


class SkillMatcher:
    """Holds the compiled patterns for one taxonomy; reuse it across many texts.

    One trie regex over the lower-cased text finds every name, alias and (case
    ignored) ambiguous form in a single C-level pass; ambiguous forms are then
    checked against the original case and need context. A second regex lists
    ASCII words, and only the unknown, non-English ones reach the fuzzy matcher.
    Why one pass and ``\b``: the regex engine's time is per text position, and a
    leading look-behind costs a check at every position where ``\b`` fails fast
    inside words; the glue characters it also excluded are checked per hit.
    """

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.tax = taxonomy
        self.surfaces = taxonomy.surfaces
        self.cased = taxonomy.cased
        #: cased forms as they may appear with other gaps ("Foo  Bar", "Foo-Bar")
        self._cased_gaps = {single_gaps(k): v for k, v in self.cased.items() if single_gaps(k) != k}
        union = set(self.surfaces) | {k.lower() for k in self.cased}
        word_initial = sorted(k for k in union if k[:1].isalnum() or k[:1] == "_")
        odd = sorted(k for k in union if not (k[:1].isalnum() or k[:1] == "_"))
        self._scan = compile_cached(r"\b(?:" + remembered_trie_regex(word_initial) + ")" + SCAN_TAIL)
        #: names that start with punctuation (".NET", "*nix"): their own pattern, whose
        #: literal first characters let the engine skip ahead instead of trying each position
        self._scan_odd = compile_cached("(?:" + remembered_trie_regex(odd) + ")" + SCAN_TAIL) if odd else None
        #: their first two characters: a substring test (C) skips the pass in most texts
        self._odd_heads = tuple(sorted({k[:2] for k in odd}))
        self._main_cache: re.Pattern[str] | None = None
        #: surface as matched (lower case) -> (skill id, exact|alias), filled lazily
        self._resolved: dict[str, tuple[str, str] | None] = {}
        self._context: dict[str, re.Pattern[str] | None] = {}
        self._shadow: dict[str, bool] = {}
        # fuzzy vocabulary: single-word, unambiguous surfaces, bucketed by first letter
        self.fuzzy_vocab: dict[str, list[str]] = defaultdict(list)
        for key in self.surfaces:
            if " " not in key and len(key) >= FUZZY_MIN_LEN and key.isalpha():
                self.fuzzy_vocab[key[0]].append(key)
        self._fuzzy_cache: dict[str, tuple[str, float] | None] = {}
        self._plain: dict[str, None] | None = None

    @property
    def plain_words(self) -> dict[str, None]:
        """Words that are never fuzzy candidates: dictionary words and skill names themselves
        (a dict, untracked by the garbage collector, as ``english_words`` says)."""
        if self._plain is None:
            plain = dict(english_words())
            plain.update(dict.fromkeys(k for k in self.surfaces if " " not in k))
            plain.update(dict.fromkeys(NOT_MISSPELT))
            self._plain = plain
        return self._plain

    @property
    def _main_only(self) -> re.Pattern[str]:
        """Names and aliases without the ambiguous forms: for the rare second look where a
        lower-case ambiguous form ("rest") hid a shorter name at the same place."""
        if self._main_cache is None:
            self._main_cache = re.compile(
                BEFORE + "(" + trie_regex(self.surfaces) + ")" + VERSION_SUFFIX + AFTER
            )
        return self._main_cache

    def _shadows(self, raw: str) -> bool:
        """Whether a name or alias is a proper prefix of ``raw`` (an ambiguous form as
        matched) ending where a name may end (not before a letter, "airflow" does not hide
        "air"; a digit may be a version): only then can a shorter name start where it
        does. Cached per form."""
        got = self._shadow.get(raw)
        if got is None:
            got = self._shadow[raw] = any(
                (not raw[i].isalpha() or raw[i] == "v") and norm(raw[:i]) in self.surfaces
                for i in range(1, len(raw))
            )
        return got

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
    def _context_re(self, skill_id: str) -> re.Pattern[str] | None:
        if skill_id not in self._context:
            self._context[skill_id] = _context_regex(self.tax.skills[skill_id].context)
        return self._context[skill_id]

    def _has_context(
        self,
        text: str,
        lowered: str,
        start: int,
        end: int,
        skill_id: str,
        line: tuple[int, int],
        line_hits: int,
        list_spans: list[tuple[int, int]],
    ) -> bool:
        """Whether an ambiguous form here is the skill: not "go-to"/"grade C", and either
        in a list of skills (a Skills section, a labelled line, a line with other skills)
        or near one of the skill's context words. Cheapest tests first."""
        line_start, line_end = line
        after = CTX_TOKEN_RE.search(lowered, end, min(line_end, end + 80))
        if after is not None and after.group() in NEG_NEXT:
            return False
        before = CTX_TOKEN_RE.findall(lowered, max(line_start, start - 80), start)
        if before and before[-1] in NEG_PREV:
            return False
        if line_hits >= 2 or any(lo <= start < hi for lo, hi in list_spans):
            return True
        if start - line_start < 200 and LIST_LABEL_RE.match(text, line_start, start):
            return True
        context = self._context_re(skill_id)
        return context is not None and context.search(lowered[max(0, start - 120) : end + 120]) is not None

    # -- the pass -------------------------------------------------------------------------
    def find(
        self, text: str, *, implied: bool = True, list_spans: list[tuple[int, int]] = ()
    ) -> list[SkillHit]:
        """All skill occurrences in ``text`` (in text order), then implied skills.

        ``list_spans`` are ranges known to list skills (a resume's Skills section): an
        ambiguous form there counts without further context.
        """
        hits = [
            SkillHit(sid, how, sim, text[start:end], start, end)
            for start, end, sid, how, sim in self.scan(text, list_spans=list_spans)
        ]
        if implied:
            hits.extend(self._implied(hits))
        return hits

    def scan(self, text: str, *, list_spans: list[tuple[int, int]] = ()) -> list[Raw]:
        """The occurrences as plain tuples ``(start, end, skill id, how, similarity)``, in
        text order: what :meth:`find` returns without building a hit object per match,
        for callers (the import profile) that handle thousands of resumes a second."""
        lowered = _lower_keep_offsets(text)
        resolved = self._resolved
        cased = self.cased
        hits: list[Raw] = []
        pending: list[tuple[int, int, str]] = []  # ambiguous forms that need context
        for m in self._scan.finditer(lowered):
            start, end = m.span()
            if start and lowered[start - 1] in GLUE:
                continue
            raw = lowered[start:end]
            got = resolved.get(raw, False)
            if got is False:
                got = resolved[raw] = self._resolve(raw)
            if got is not None:
                hits.append((start, end, got[0], got[1], 100.0))
                continue
            # an ambiguous form, matched with case ignored. It may hide a shorter name
            # at the same place (a user's "Foo" inside an ambiguous "Foo Bar"): names win.
            if self._shadows(raw):
                again = self._main_only.match(lowered, start)
                got = self._resolve(again.group(1)) if again is not None else None
                if got is not None:
                    hits.append((start, again.end(1), got[0], got[1], 100.0))
                    continue
            sid = cased.get(text[start:end]) or self._cased_gaps.get(single_gaps(text[start:end]))
            if sid is not None and _AFTER_RE.match(lowered, end):  # no version suffix on ambiguous forms
                pending.append((start, end, sid))
        if self._scan_odd is not None and any(head in lowered for head in self._odd_heads):
            self._odd(text, lowered, hits, pending)
        # fuzzy: unknown words that are not English might be misspelt skills. The set
        # difference runs in C and leaves the few words worth a look (names, typos).
        unknown = set(WORD_RE.findall(lowered)).difference(self.plain_words)
        if unknown:
            self._fuzzy_hits(text, lowered, unknown, hits)
        if pending:
            self._ambiguous(text, lowered, hits, pending, list_spans)
        if "-\n" in lowered or "\xad\n" in lowered:
            self._rejoin(lowered, hits)
        return hits

    def _rejoin(self, lowered: str, hits: list[Raw]) -> None:
        """Names hyphenated across a line break ("Kuber-" / "netes", "Post-" / "greSQL"): the joined
        word wins over whatever its halves matched on their own."""
        for m in _BROKEN_WORD.finditer(lowered):
            got = self._resolve(m.group(1) + m.group(2))
            if got is None:
                continue
            start, end = m.start(1), m.end(2)
            hits[:] = [h for h in hits if h[1] <= start or h[0] >= end]
            hits.append((start, end, got[0], got[1], 100.0))
            hits.sort()

    def _odd(self, text: str, lowered: str, hits: list[Raw], pending: list[tuple[int, int, str]]) -> None:
        """Names starting with punctuation; a match wins over word matches inside it."""
        assert self._scan_odd is not None
        odd: list[Raw] = []
        for m in self._scan_odd.finditer(lowered):
            start, end = m.span()
            if start and _GLUED_BEFORE.match(lowered, start - 1):
                continue
            got = self._resolve(m.group())
            if got is not None:
                odd.append((start, end, got[0], got[1], 100.0))
        if not odd:
            return
        merged: list[Raw] = []
        last_end = -1
        for h in sorted(hits + odd):
            if h[0] >= last_end:
                merged.append(h)
                last_end = h[1]
        hits[:] = merged
        pending[:] = [p for p in pending if not _inside(merged, p[0])]

    def _fuzzy_hits(self, text: str, lowered: str, unknown: set[str], hits: list[Raw]) -> None:
        surfaces = self.surfaces
        found: list[Raw] = []
        fuzzy = self._fuzzy
        for word in unknown:
            fz = fuzzy(word)
            if fz is None:
                continue
            # str.find, not a regex with a leading look-behind (which tries every position)
            places = []
            stands_alone = False
            size = len(word)
            at = lowered.find(word)
            while at >= 0:
                end = at + size
                prev = lowered[at - 1] if at else " "
                if not _WORD_END.match(lowered, end) and not _GLUED_BEFORE.match(prev):
                    places.append((at, end))
                    stands_alone = stands_alone or prev not in "/-"
                at = lowered.find(word, end)
            if not stands_alone:
                continue  # only ever inside a longer token ("x/kafak")
            sid = surfaces[fz[0]]
            found += [(s, e, sid, "fuzzy", fz[1]) for s, e in places if not _inside(hits, s)]
        if found:
            hits.extend(found)
            hits.sort()

    def _ambiguous(
        self,
        text: str,
        lowered: str,
        hits: list[Raw],
        pending: list[tuple[int, int, str]],
        list_spans: list[tuple[int, int]],
    ) -> None:
        pending = [p for p in pending if not _inside(hits, p[0])]
        if not pending:
            return
        starts = [h[0] for h in hits]
        pstarts = [p[0] for p in pending]
        found: list[Raw] = []
        for start, end, sid in pending:
            line_start = text.rfind("\n", 0, start) + 1
            line_end = text.find("\n", end)
            line_end = len(text) if line_end < 0 else line_end
            others = (
                bisect_left(starts, line_end)
                - bisect_left(starts, line_start)
                + bisect_left(pstarts, line_end)
                - bisect_left(pstarts, line_start)
                - 1
            )
            if (
                _paired(lowered, hits, starts, start, end)
                or _paired(lowered, pending, pstarts, start, end)
                or self._has_context(
                    text, lowered, start, end, sid, (line_start, line_end), others, list_spans
                )
            ):
                found.append((start, end, sid, "alias", 100.0))
        if found:
            hits.extend(found)
            hits.sort()

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


#: What joins two items of one list: "React or Angular", "Go/Rust", "Spark, Kafka", "C & Go".
_JOINER_RE = re.compile(r"\s*(?:,|/|&|\+|\||\band\b|\bor\b|\bund\b|\boder\b|\bet\b|\bou\b|\by\b|\bo\b)\s*")


def _paired(lowered: str, hits: list[Any], starts: list[int], start: int, end: int) -> bool:
    """Whether a cased ambiguous form is joined to a skill right beside it, as one item of a list
    of two ("React or Angular – nice to have", "Go or Rust"): a second skill is context enough
    there. ``hits`` are found skills or the other cased ambiguous forms, by start."""
    i = bisect_left(starts, start)
    if i > 0 and hits[i - 1][1] <= start and _JOINER_RE.fullmatch(lowered, hits[i - 1][1], start):
        return True
    if i < len(hits) and hits[i][0] == start:  # the form itself, among the ambiguous ones
        i += 1
    return i < len(hits) and _JOINER_RE.fullmatch(lowered, end, hits[i][0]) is not None


def _inside(hits: list[Raw], pos: int) -> bool:
    """Whether ``pos`` falls inside one of ``hits`` (sorted by start, not overlapping)."""
    i = bisect_right(hits, (pos, float("inf"))) - 1
    return i >= 0 and hits[i][0] <= pos < hits[i][1]


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


SNIPPET_WIDTH = 90


def cut_snippet(line: str, at: int, width: int = SNIPPET_WIDTH) -> str:
    """``width`` characters of a stripped ``line`` around offset ``at``, "…" where it was cut."""
    lo = max(0, at - width // 2)
    piece = line[lo : lo + width]
    return ("…" if lo > 0 else "") + piece.strip() + ("…" if lo + width < len(line) else "")
