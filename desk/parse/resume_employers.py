"""An employer's own dated line over the roles held there: a heading for those roles, not a role.

Japanese career sheets and LinkedIn exports give the employer its tenure and then each
assignment with its own dates; a role that names only a department takes the employer's name.
"""

from __future__ import annotations

import re

from desk.model import WorkEntry

#: A unit inside an employer, not the employer: "Ichiba Search Platform Department".
_DEPARTMENT = re.compile(r"\b(?:department|dept|division|business unit|unit|group|team|abteilung|bu)\b", re.I)


def fold_employers(entries: list[WorkEntry]) -> list[WorkEntry]:
    """An employer with its own dates over the roles held there ("2018/04 – Present  Rakuten
    Group, Inc." then "2022/04 – Present  Search Department — Engineering Manager"): not a role
    of its own. Its roles take its name where they only name a department."""
    out: list[WorkEntry] = []
    i = 0
    while i < len(entries):
        head = entries[i]
        inside = []
        if head.title is None and head.company and head.start:
            for sub in entries[i + 1 :]:
                if sub.title is None or not _within(sub, head):
                    break
                inside.append(sub)
        if not inside:
            out.append(head)
            i += 1
            continue
        for sub in inside:
            if sub.company is None or _DEPARTMENT.search(sub.company):
                sub.company = head.company
        out.extend(inside)
        i += 1 + len(inside)
    return out


def _within(sub: WorkEntry, head: WorkEntry) -> bool:
    """The role's dates lie inside the employer's (a year-only date covers its whole year)."""
    if not sub.start or not head.start or _ym(sub.start, last=False) < _ym(head.start, last=False):
        return False
    if head.current or head.end is None:
        return True
    return sub.end is not None and not sub.current and _ym(sub.end, last=True) <= _ym(head.end, last=True)


def _ym(value: str, *, last: bool) -> str:
    """ "2019" as its first or last month, so it compares with "2019-06"."""
    return value[:7] if len(value) >= 7 else value[:4] + ("-12" if last else "-01")
