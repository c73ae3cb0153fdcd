"""Years of experience and employment gaps from dated work entries.

Months live on one integer axis (see desk.parse.dates), so the union of jobs is interval
merging: overlapping or back-to-back jobs count once, and what lies between merged runs
is a gap.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from desk.model import WorkEntry
from desk.parse.dates import YM, DateRange, index_ym, period


def _ym(text: str | None) -> YM | None:
    if not text:
        return None
    return (int(text[:4]), int(text[5:7])) if len(text) >= 7 else (int(text[:4]), None)


def coverage(entries: list[WorkEntry], today: date) -> list[tuple[int, int]]:
    """Merged month intervals covered by valid dated entries (overlaps counted once)."""
    spans: list[tuple[int, int]] = []
    for e in entries:
        if e.start is None or "impossible-range" in e.flags or e.months <= 0:
            continue
        p = period(DateRange(_ym(e.start), _ym(e.end), e.current, 0, 0), today)
        if not p.impossible:
            spans.append((p.first, p.last))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def years_and_gaps(
    entries: list[WorkEntry], today: date, min_gap: int = 6
) -> tuple[float | None, list[dict[str, Any]]]:
    """Total covered years (one decimal; None without a dated job) and the runs of >= ``min_gap``
    uncovered months between jobs: {"start": first month without work, "end": last, "months"}."""
    merged = coverage(entries, today)
    if not merged:
        return None, []
    months = sum(b - a + 1 for a, b in merged)
    gaps = []
    for (_, prev_end), (next_start, _) in zip(merged, merged[1:], strict=False):
        n = next_start - prev_end - 1
        if n >= min_gap:
            gaps.append({"start": index_ym(prev_end + 1), "end": index_ym(next_start - 1), "months": n})
    return round(months / 12, 1), gaps
