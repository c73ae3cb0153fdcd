"""Screening facts a recruiter filters on: certifications, seniority and work authorization."""

from __future__ import annotations

import re

from desk.model import Section, WorkEntry
from desk.parse.sections import CERTIFICATIONS, Line, lines_between, strip_bullet

_YEAR_TAIL = re.compile(
    r"\s*(?:[,–—-]\s*|\(\s*(?:issued\s+|since\s+|valid\s+until\s+)?)(?:19|20)\d\d\s*\)?\s*$", re.I
)
_COMMA = re.compile(r",\s+")
_LIST_SEP = re.compile(r"\s+[·•|▪]\s+|\s*;\s+|\s*[·•▪]\s*")
_ACRONYMS = (
    "CKA",
    "CKS",
    "PMP",
    "CISSP",
    "CISM",
    "CISA",
    "CCNA",
    "CCNP",
    "CCIE",
    "OSCP",
    "RHCSA",
    "RHCE",
    "PRINCE2",
    "TOGAF",
    "Security+",
)
_CERT_ELSEWHERE = re.compile(
    r"\b(?:(?:AWS|Microsoft|Azure|Google(?: Cloud)?|Oracle|HashiCorp|Databricks|Snowflake|Salesforce|Cisco|"
    r"CompTIA|Red Hat|Confluent|Linux Foundation|ISTQB|Scrum Alliance|Kubernetes|SnowPro)[\w+ :&-]{0,20}?"
    r"\bCertified\b(?:[ :–-]{1,3}[A-Z0-9][\w+&.-]*){1,8}|Certified (?:Kubernetes|Scrum|Information|Ethical|Cloud|"
    r"Data|Solutions)(?: [A-Z][\w+&-]*){1,5}(?: \([A-Z+-]{2,8}\))?|\b(?:CKA|CKAD|CKS|PMP|CISSP|CISM|CISA|CCNA|CCNP|"
    r"CCIE|OSCP|RHCSA|RHCE|PRINCE2|TOGAF|CompTIA Security\+(?: CE)?))(?![\w+])"
)


def certifications(text: str, lines: list[Line], sections: list[Section]) -> list[str]:
    """Lines of certification sections (bullets and years dropped), plus obvious ones elsewhere."""
    found: list[str] = []
    inside: list[tuple[int, int]] = []
    for s in sections:
        if s.kind != CERTIFICATIONS:
            continue
        inside.append((s.start, s.end))
        for line in lines_between(lines, s.start, s.end)[1:]:
            if line.text:
                found.extend(_split_items(strip_bullet(line.text)))
    seen = {c.lower() for c in found}
    if "ertified" not in text and not any(a in text for a in _ACRONYMS):
        return found
    for m in _CERT_ELSEWHERE.finditer(text):
        if any(a <= m.start() < b for a, b in inside):
            continue
        cert = m.group(0).strip(" :–-")
        low = cert.lower()
        if low not in seen and not any(low in s for s in seen):
            seen.add(low)
            found.append(cert)
    return found


def _split_items(line: str) -> list[str]:
    """One line may list several: "CCNA, RHCSA, VMware VCP-DCV" or "A · B · C"."""
    items = [i for i in _LIST_SEP.split(line) if i.strip()]
    if len(items) == 1:
        commas = [i for i in _COMMA.split(line) if i.strip()]
        if len(commas) >= 3 and all(len(c.split()) <= 6 for c in commas):
            items = commas
    out = []
    for item in items:
        item = _YEAR_TAIL.sub("", item.strip(" \t·•|;")).strip()
        if item and len(item) <= 160:
            out.append(item)
    return out


# -- seniority ---------------------------------------------------------------------------
_MANAGER = re.compile(r"\b(?:manager|head|director|vp|vice president|cto|cio|chief|leiter|leiterin)\b", re.I)
_PRINCIPAL = re.compile(r"\b(?:principal|distinguished|fellow)\b", re.I)
_STAFF = re.compile(r"\b(?:staff|lead|tech lead)\b", re.I)
_SENIOR = re.compile(r"\b(?:senior|sr\.?|snr)(?!\w)", re.I)
_JUNIOR = re.compile(
    r"\b(?:junior|jr\.?|graduate|entry[- ]level|associate\s+\w*\s*(?:engineer|developer))(?!\w)"
    r"|\b(?:engineer|developer|analyst)\s+(?:I|1)\b(?![ .]?[IV\d])",  # "Software Engineer I": the first rung
    re.I,
)
_INTERN = re.compile(
    r"\b(?:intern|internship|trainee|werkstudent|praktikant\w*|co-?op|apprentice|student|stagiaire|becario|"
    r"doktorand|research assistant|teaching assistant)\b",
    re.I,
)


def seniority(work: list[WorkEntry], years: float | None, student: bool = False) -> str | None:
    """From the most recent title, else from the years: <2 junior, <5 mid, otherwise senior.

    A student (a degree still to come) with under three years of non-intern work is an intern.
    """
    dated = [w for w in work if "impossible-range" not in w.flags and w.title]
    if not dated:
        return "intern" if student else None
    full_time = [w for w in dated if not _INTERN.search(w.title or "")]
    if not full_time or (student and sum(w.months for w in full_time) < 36):
        return "intern"
    recent = max(full_time, key=lambda w: (w.current, w.end or "", w.start or ""))
    title = recent.title or ""
    if _MANAGER.search(title):
        return "manager"
    if _PRINCIPAL.search(title):
        return "principal"
    if _STAFF.search(title):
        return "staff"
    if _SENIOR.search(title):
        return "senior"
    if _JUNIOR.search(title):
        return "junior"
    if years is None:
        return None
    return "junior" if years < 2 else "mid" if years < 5 else "senior"


# -- work authorization and clearance ----------------------------------------------------
_NEG = re.compile(r"\b(?:no|not|without|don't|doesn't|never|nor)\b[^.;|\n]{0,12}$", re.I)
_AUTH = [
    (
        "us-citizen",
        re.compile(r"\b(?:U\.?\s?S\.?(?:A\.?)?|United States|American)\s+citizen(?:ship)?\b", re.I),
    ),
    ("green-card", re.compile(r"\bgreen[\s-]?card\b|\b(?:US|U\.S\.)\s+permanent\s+resident\b", re.I)),
    (
        "work-authorization",
        re.compile(
            r"\bauthori[sz]ed to work\b|\bwork permit\b|\bright to work\b|\beligible to work\b|"
            r"\bno (?:visa )?sponsorship (?:is )?(?:required|needed)\b|\b(?:do|does|will) not (?:require|need) "
            r"(?:visa )?sponsorship\b|\bwithout (?:the need for )?(?:visa )?sponsorship\b|\bresidence permit\b|"
            r"\barbeitserlaubnis\b|\b(?:EU|European|British|Irish|Canadian|Australian|German|French|Dutch|"
            r"Swedish|Spanish|Italian|Polish|Romanian)\s+citizen(?:ship)?\b",
            re.I,
        ),
    ),
    (
        "needs-sponsorship",
        re.compile(
            r"\b(?:require|requires|requiring|need|needs|needing|will need)\s+(?:a\s+)?(?:visa\s+|h-?1b\s+)?"
            r"sponsorship\b|\bsponsorship\s+(?:is\s+)?(?:required|needed)\b|\bF-1\b|\bH-?1B\s+(?:transfer|visa)\b",
            re.I,
        ),
    ),
]
_CLEARANCE_LINE = re.compile(r"\bclearance\b|\bcleared\b|\bTS\s*/\s*SCI\b|\bpolygraph\b", re.I)
_TS_SCI = re.compile(r"\bTS\s*/\s*SCI\b(?!\s+eligible)|\bTop\s+Secret\s*/\s*SCI\b|\bTS-SCI\b", re.I)
_TOP_SECRET = re.compile(r"\btop[\s-]+secret\b", re.I)
_SECRET = re.compile(r"(?<!top )(?<!top-)\bsecret\b", re.I)
_PUBLIC_TRUST = re.compile(r"\bpublic\s+trust\b", re.I)


_AUTH_HINTS = (
    "citizen",
    "green",
    "permanent",
    "authori",
    "permit",
    "right to work",
    "eligible",
    "sponsor",
    "arbeitserlaubnis",
    "f-1",
    "h-1b",
    "h1b",
)
_CLEARANCE_HINTS = ("clearance", "cleared", "/sci", "ts-sci", "polygraph", "public trust")


def authorizations(text: str) -> list[str]:
    """Normalised tags: citizenship, green card, work permit, sponsorship need, clearance level.

    Plain substring probes go first: most resumes mention none of this, and the
    patterns only run on the lines that do.
    """
    low = text.lower()
    tags: list[str] = []
    hint_lines = _hint_lines(text, low, _AUTH_HINTS)
    for tag, pat in _AUTH:
        for line in hint_lines:
            found = False
            for m in pat.finditer(line):
                if tag == "needs-sponsorship" and _NEG.search(line, max(0, m.start() - 20), m.start()):
                    continue
                found = True
                break
            if found:
                tags.append(tag)
                break
    for line in _hint_lines(text, low, _CLEARANCE_HINTS):
        if not _CLEARANCE_LINE.search(line):
            continue
        level = None
        if _TS_SCI.search(line):
            level = "clearance:ts-sci"
        elif _TOP_SECRET.search(line):
            level = "clearance:top-secret"
        elif _SECRET.search(line):
            level = "clearance:secret"
        elif _PUBLIC_TRUST.search(line):
            level = "clearance:public-trust"
        if level and level not in tags:
            tags.append(level)
    return tags


def _hint_lines(text: str, low: str, hints: tuple[str, ...], limit: int = 50) -> list[str]:
    """The lines (cut to 200 characters either side) holding any hint, in text order, at most ``limit``."""
    starts: set[int] = set()
    for hint in hints:
        pos = low.find(hint)
        while pos >= 0 and len(starts) < limit:
            a = max(text.rfind("\n", max(0, pos - 200), pos) + 1, max(0, pos - 200))
            starts.add(a)
            pos = low.find(hint, pos + len(hint))
    out = []
    for a in sorted(starts):
        b = text.find("\n", a, a + 400)
        out.append(text[a : b if b >= 0 else a + 400])
    return out
