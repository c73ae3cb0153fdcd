"""A job description's title: a "Job title:" label, a line naming a role, else its first short line,
without the decoration postings put around it ("(m/w/d)", "We're hiring!").
"""

from __future__ import annotations

import re

from desk.parse.job_sections import JobLine

ROLE_RE = re.compile(
    r"\b(engineer|developer|programmer|scientist|architect|manager|designer|analyst|administrator|"
    r"specialist|consultant|lead|intern|sre|devops|recruiter|director|head of|tester|qa)\b",
    re.I,
)
#: What follows a title on a posting's first line: "Founding Engineer @ Carewell (YC W24) — SF".
TITLE_TAIL_RE = re.compile(r"\s+(?:@|\bat\b|[|—–]|-\s|\(|,)\s*.*$")
TITLE_LABEL_RE = re.compile(r"^\s*(?:job title|title|position|role)\s*[:\-–]\s*(.+)$", re.I)


def _find_title(text: str, lines: list[JobLine]) -> str:
    for raw in text.split("\n")[:40]:
        m = TITLE_LABEL_RE.match(raw.replace("**", "").replace("__", ""))
        if m:
            return m.group(1).strip()[:120]
    for line in lines:
        if "|" in line.text and not line.is_bullet:  # "Tessellate | Senior Rust Engineer | Boston | $170k"
            field = next((f.strip() for f in line.text.split("|") if ROLE_RE.search(f)), "")
            if field and len(field.split()) <= 10 and ":" not in field:
                return field[:120]
        text = TITLE_TAIL_RE.sub("", line.text) if len(line.text.split()) > 10 else line.text
        words = text.split()
        if line.is_bullet or not words or len(words) > 10 or text.endswith((":", ".")):
            continue
        if ROLE_RE.search(text) and ":" not in text:
            return text.strip()[:120]
    for line in lines:
        if not line.is_bullet and 0 < len(line.text.split()) <= 10 and not POSTED_AGO_RE.search(line.text):
            return line.text.strip().rstrip(":")[:120]
    return "Untitled job"


#: Gender tags required by EU postings ("(m/w/d)", "(H/F)", "(f/m/x)") and an opening cheer.
GENDER_TAG_RE = re.compile(r"\s*[(\[](?:[mwfdxh](?:\s*/\s*[mwfdxh]){1,2}|all genders?|gn)[)\]]", re.I)
HIRING_RE = re.compile(r"^\W*(?:we(?:'|’)?re|we are|now)?\s*hiring\W*", re.I)


def _tidy_title(title: str) -> str:
    """The title without its gender tag and without "We're hiring!" before it."""
    tidy = HIRING_RE.sub("", GENDER_TAG_RE.sub("", title)).strip(" -–—|:")
    return tidy or title


#: A forum's or board's byline: "priya_t 3 hours ago | parent | next", "Posted 5 days ago".
POSTED_AGO_RE = re.compile(r"\b\d+\s+(?:minutes?|hours?|days?|weeks?|months?)\s+ago\b", re.I)


def job_title(text: str, lines: list[JobLine]) -> str:
    """The title a recruiter would give the posting."""
    return _tidy_title(_find_title(text, lines))
