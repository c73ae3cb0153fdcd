"""How much a job description wants what a line names: the cue words ("nice to have", "must",
"von Vorteil", "mile widziane") and the clauses a cue governs.

A cue decides for its own clause only: one sentence of a one-paragraph posting, one field of a
subject line, or an aside ("Terraform (bonus: Pulumi)"), so that a plus said of one skill does
not turn every skill on the line into a plus.
"""

from __future__ import annotations

import re
from dataclasses import replace

from desk.parse.job_sections import JobLine

PREFERRED_CUE_RE = re.compile(
    r"nice[- ]to[- ]have|good[- ]to[- ]have|would be (?:a |an )?(?:nice|plus|bonus|great|advantage|beneficial)|"
    r"\b(?:is|are) a plus|\ba plus\b|\bbonus\b|\bpreferred\b|\bpreferably\b|\bdesirable\b|\bdesired\b|"
    r"\badvantage(?:ous)?\b|\ban asset\b|\bideally\b|\bnot required\b|\boptional\b|\bwelcome\b|\bnot a must\b|"
    # the same in the languages desk reads postings in
    r"wünschenswert|von vorteil|\bvorteilhaft|\bidealerweise\b|gerne gesehen|\bein plus\b|"
    r"\bun (?:gros )?plus\b|\bapprécié|\bsouhaité|\bidéalement\b|\batouts?\b|"
    r"\bdeseable\b|\bvalorable\b|se valorará|\bidealmente\b|\bdesejável\b|\bdiferencial\b|"
    r"\bgradit[oa]\b|\bpreferibil|titolo preferenziale|"
    r"\bpré\b|\bbij voorkeur\b|\bwenselijk\b|\bpluspunt|\been plus\b|"
    r"mile widziane|dodatkowym atutem|\batutem\b",
    re.I,
)
#: "(you don't need to know our infra)": what is named here is neither asked for nor a plus.
NO_NEED_RE = re.compile(
    r"\b(?:don'?t|do not|won'?t|will not|doesn'?t|does not) (?:need|have) to\b|\bno need to\b", re.I
)
REQUIRED_CUE_RE = re.compile(r"\bmust\b|\brequired\b|\bmandatory\b|\bessential\b", re.I)


#: The end of a sentence in prose: ". " before a capital, not after "e.g." or a one-letter initial.
SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z¿¡\"“(])")
NOT_AN_END_RE = re.compile(
    r"(?:\b(?:e\.g|i\.e|etc|incl|approx|vs|min|max|yrs?|Sr|Jr|Mr|Ms|Dr|St)|\b[A-Za-z])\.$"
)


def clauses(line: JobLine) -> list[JobLine]:
    """The line's sentences (see ``_sentences``), each with a plus in an aside split off."""
    return [part for sentence in _sentences(line) for part in (_plus_aside(sentence) or [sentence])]


def _sentences(line: JobLine) -> list[JobLine]:
    """A line of prose as its sentences, each read on its own: a one-paragraph posting asks for
    some skills ("You should be really comfortable with TypeScript") and calls others a plus
    ("Prisma experience is a plus") in one line, and one cue must not decide for them all.
    Likewise the fields of a line split by "||"."""
    text = line.text
    if "||" in text:  # "Subject: Opening || Senior .NET Developer || Immediate joiners preferred"
        parts = [m for m in re.finditer(r"[^|]+", text) if m.group().strip()]
        return [replace(line, text=m.group(), offset=line.offset + m.start()) for m in parts] or [line]
    if len(text) < 160 or line.is_bullet:
        return [line]
    out: list[JobLine] = []
    start = 0
    for m in SENTENCE_END_RE.finditer(text):
        if NOT_AN_END_RE.search(text, 0, m.start()):
            continue
        out.append(replace(line, text=text[start : m.start()], offset=line.offset + start))
        start = m.end()
    if not out:
        return [line]
    out.append(replace(line, text=text[start:], offset=line.offset + start))
    return out


#: Where an aside starts when it is not in brackets: "Deep AWS knowledge - GCP is a bonus".
ASIDE_DASH_RE = re.compile(r"\s[-–—]\s|;\s")


def _plus_aside(line: JobLine) -> list[JobLine] | None:
    """A required line with a plus in an aside: "Terraform (bonus: Pulumi)", "Deep AWS knowledge -
    GCP is a bonus", "AWS or Azure (GCP a plus)". The aside is its own clause, so only what it
    names is a plus; the rest of the line (blanked where the aside was, offsets kept) stays
    what its section says. None when the cue is not in an aside, or the aside names nothing."""
    text = line.text
    cue = PREFERRED_CUE_RE.search(text)
    if cue is None:
        return None
    opening = text.rfind("(", 0, cue.start())
    closing = text.find(")", cue.end())
    if opening >= 0 and text.find(")", opening, cue.start()) < 0 and closing >= 0:
        a, b = opening, closing + 1
    else:
        dashes = [m for m in ASIDE_DASH_RE.finditer(text, 0, cue.start())]
        if not dashes:
            return None
        a, b = dashes[-1].start(), len(text)
    main = text[:a] + " " * (b - a) + text[b:]
    words = re.findall(r"\w{2,}", PREFERRED_CUE_RE.sub(" ", text[a:b]))
    if not words or PREFERRED_CUE_RE.search(main) or not re.search(r"\w", main):
        return None
    return [replace(line, text=main), replace(line, text=text[a:b], offset=line.offset + a)]
