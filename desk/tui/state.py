"""What the main screen is showing: the job, the sort and the filters, as one value.

A frozen dataclass, so a change is a new value: the candidate table compares the
old and the new query to know when its cached pages are stale.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

#: the columns a user can sort by, with the direction that makes sense first
SORT_COLUMNS: dict[str, tuple[str, bool]] = {
    "score": ("Score", True),
    "name": ("Name", False),
    "met": ("Required coverage", True),
    "years": ("Years of experience", True),
    "stage": ("Stage", False),
    "starred": ("Starred first", True),
    "updated": ("Recently changed", True),
}


@dataclass(frozen=True)
class ListQuery:
    job_id: str | None = None
    sort: str = "score"
    descending: bool = True
    stage: str | None = None
    min_score: float | None = None
    has_skill: str | None = None  # canonical skill ids
    lacks_skill: str | None = None
    starred: bool | None = None
    search: str | None = None

    def filters(self) -> dict[str, Any]:
        """The keyword arguments services.ranking.ranked / count_ranked take."""
        return {
            "stage": self.stage,
            "min_score": self.min_score,
            "has_skill": self.has_skill,
            "lacks_skill": self.lacks_skill,
            "starred": self.starred,
            "search": self.search,
        }

    @property
    def filtered(self) -> bool:
        return any(v not in (None, "", False) for v in self.filters().values())

    def cleared(self) -> ListQuery:
        return ListQuery(job_id=self.job_id, sort=self.sort, descending=self.descending)

    def with_sort(self, column: str) -> ListQuery:
        return replace(self, sort=column, descending=SORT_COLUMNS[column][1])

    def describe(self, skill_name: Callable[[str], str] = str) -> str:
        """A one-line summary for the status bar: "stage screening · score ≥ 50 · /kafka"."""
        parts = []
        if self.stage:
            parts.append(f"stage {self.stage}")
        if self.min_score is not None:
            parts.append(f"score ≥ {self.min_score:g}")
        if self.has_skill:
            parts.append(f"has {skill_name(self.has_skill)}")
        if self.lacks_skill:
            parts.append(f"lacks {skill_name(self.lacks_skill)}")
        if self.starred:
            parts.append("starred")
        if self.search:
            parts.append(f"/{self.search}")
        return " · ".join(parts)
