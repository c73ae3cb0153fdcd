"""The skill taxonomy: shipped as JSON in the package, extended by the user's own skills.

Custom skills come in as plain dicts (the CLI reads them from the database), so this
module stays free of any storage code and a server can build the same taxonomy.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

ID_RE = re.compile(r"^[a-z0-9][a-z0-9+#.-]*$")


def single_gaps(text: str) -> str:
    """Hyphens, underscores and runs of spaces as one space: how "Foo-Bar" and "Foo  Bar" meet."""
    return " ".join(text.replace("-", " ").replace("_", " ").split())


def norm(text: str) -> str:
    """The form surfaces are compared in: lower case, hyphens as spaces, single spaces."""
    return single_gaps(text.lower())


@dataclass(frozen=True)
class Skill:
    id: str
    name: str
    category: str
    aliases: tuple[str, ...] = ()
    ambiguous: tuple[str, ...] = ()  # case-sensitive forms that need context ("Go", "REST")
    context: tuple[str, ...] = ()
    implies: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    #: a category more than a tool (Containers, Version control): on a JD line that also
    #: names a concrete skill of it ("Containerization – Docker") it is only a heading
    abstract: bool = False
    custom: bool = False

    @classmethod
    def from_dict(cls, d: dict[str, Any], *, custom: bool = False) -> Skill:
        return cls(
            id=d["id"],
            name=d["name"],
            category=d.get("category", "custom"),
            aliases=tuple(d.get("aliases", ())),
            ambiguous=tuple(d.get("ambiguous", ())),
            context=tuple(c.lower() for c in d.get("context", ())),
            implies=tuple(d.get("implies", ())),
            related=tuple(d.get("related", ())),
            abstract=bool(d.get("abstract", False)),
            custom=custom,
        )


@dataclass
class Taxonomy:
    version: str
    skills: dict[str, Skill]
    #: normalised surface -> skill id (names and aliases, case-insensitive)
    surfaces: dict[str, str] = field(default_factory=dict)
    #: exact-case ambiguous surface -> skill id
    cased: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._index()

    def _index(self) -> None:
        self.surfaces.clear()
        self.cased.clear()
        for skill in self.skills.values():
            for form in (skill.name, *skill.aliases):
                if form in skill.ambiguous:
                    continue
                key = norm(form)
                if key and key not in self.surfaces:
                    self.surfaces[key] = skill.id
            for form in skill.ambiguous:
                self.cased.setdefault(form, skill.id)

    def __contains__(self, skill_id: object) -> bool:
        return skill_id in self.skills

    def name(self, skill_id: str) -> str:
        skill = self.skills.get(skill_id)
        return skill.name if skill else skill_id

    def implied_closure(self, skill_id: str) -> list[str]:
        """Every skill implied by ``skill_id``, transitively, in a stable order."""
        cache = self.__dict__.setdefault("_closures", {})
        if skill_id not in cache:
            cache[skill_id] = self._closure(skill_id)
        return cache[skill_id]

    def implying(self) -> dict[str, list[str]]:
        """Skill id -> its implied closure, for the skills that imply anything: one
        dict for the import loop to intersect with, instead of a call per skill."""
        got = self.__dict__.get("_implying")
        if got is None:
            got = {sid: c for sid in self.skills if (c := self.implied_closure(sid))}
            self.__dict__["_implying"] = got
        return got

    def _closure(self, skill_id: str) -> list[str]:
        seen: list[str] = []
        stack = list(self.skills[skill_id].implies) if skill_id in self.skills else []
        while stack:
            nxt = stack.pop(0)
            if nxt in seen or nxt == skill_id or nxt not in self.skills:
                continue
            seen.append(nxt)
            stack.extend(self.skills[nxt].implies)
        return seen

    def related(self, skill_id: str) -> tuple[str, ...]:
        skill = self.skills.get(skill_id)
        return tuple(r for r in skill.related if r in self.skills) if skill else ()

    def lookup(self, text: str) -> str | None:
        """A skill id for a name/alias/id as a user types it (case-insensitive)."""
        key = norm(text)
        if key in self.surfaces:
            return self.surfaces[key]
        if text in self.cased:
            return self.cased[text]
        if text.lower() in self.skills:
            return text.lower()
        for form, sid in self.cased.items():
            if form.lower() == key:
                return sid
        return None

    def with_custom(self, custom: Iterable[dict[str, Any]]) -> Taxonomy:
        """A new taxonomy with the user's skills; a custom entry overrides a shipped one."""
        skills = dict(self.skills)
        extra = [Skill.from_dict(d, custom=True) for d in custom]
        if not extra:
            return self
        for skill in extra:
            base = skills.get(skill.id)
            if base is not None:  # a custom alias for a shipped skill
                skill = Skill(
                    id=base.id,
                    name=base.name,
                    category=base.category,
                    aliases=tuple(dict.fromkeys((*skill.aliases, *base.aliases))),
                    ambiguous=base.ambiguous,
                    context=base.context,
                    implies=tuple(dict.fromkeys((*base.implies, *skill.implies))),
                    related=tuple(dict.fromkeys((*base.related, *skill.related))),
                    custom=True,
                )
            skills[skill.id] = skill
        # Custom surfaces win over shipped ones: index them first.
        ordered = {s.id: s for s in skills.values() if s.custom}
        ordered.update({k: v for k, v in skills.items() if k not in ordered})
        return Taxonomy(version=f"{self.version}+custom{len(extra)}", skills=ordered)


def parse_taxonomy(data: dict[str, Any]) -> Taxonomy:
    skills = {d["id"]: Skill.from_dict(d) for d in data["skills"]}
    return Taxonomy(version=str(data.get("version", "0")), skills=skills)


@lru_cache(maxsize=1)
def builtin_taxonomy() -> Taxonomy:
    """The shipped taxonomy, parsed once per process."""
    raw = resources.files("desk.skills").joinpath("data/taxonomy.json").read_text(encoding="utf-8")
    return parse_taxonomy(json.loads(raw))


def load_taxonomy(custom: Iterable[dict[str, Any]] = ()) -> Taxonomy:
    return builtin_taxonomy().with_custom(list(custom))
