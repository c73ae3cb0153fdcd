"""Split a job description into lines tagged with the section they belong to.

JDs are messy: "Key skills are given below:", "2. Technical Skills:", "## Must have",
"Good to Have" on its own line. A heading is a short line that names a known section;
everything until the next heading inherits its kind.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

BULLET_RE = re.compile(r"^\s*(?:[-*•·▪◦●○‣⁃–—>]+|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+", re.I)
EMPHASIS_RE = re.compile(r"\*\*|__|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)")
DECOR_RE = re.compile(r"^[#*_=\s]+|[#*_=\s:：.\-–—]+$")

# Order matters: the first pattern that matches wins ("preferred qualifications" is preferred).
SECTION_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # Naukri's and LinkedIn's own headings for what a job asks: "desired" there means wanted
    ("required", re.compile(r"desired (?:candidate )?profile|desired skills and experience")),
    (
        "preferred",
        re.compile(
            r"good to have|nice to have|nice-to-have|bonus( points)?|preferred|desired|desirable|pluses|"
            r"plus(es)?|would be a plus|optional|extra credit|additional (skills|qualifications)|wünschenswert|"
            r"even better|great to have|stand out|ideally|deseable|valorable|se valorar|atouts?|von vorteil|"
            r"secondary skills?|highly regarded|diferenciais|diferencial|será un plus|sera un plus|"
            r"un plus|é um plus|seria (?:um )?diferencial|pré'?s|mile widziane|gradito|graditi|requisiti preferenziali|"
            r"vorteilhaft|idealerweise|souhaité|apprécié|desejável|desejáveis"
        ),
    ),
    ("soft", re.compile(r"soft skills|personal (skills|qualities|attributes)|interpersonal|behaviou?ral")),
    (
        "responsibilities",
        re.compile(
            r"responsibilit|what you('ll| will) do|what you'll be doing|your role|the role|duties|day[- ]to[- ]day|"
            r"your impact|role overview|what you('ll| will) work on|the job|aufgaben|missions?|"
            r"responsabilidad|responsabilit|atribuições|atribuciones|funciones|qué harás|que harás|"
            r"o que você (?:vai|irá) fazer|ce que (?:vous ferez|tu feras)|vos missions|tes missions|"
            r"wat ga je doen|wat je gaat doen|jouw rol|jouw taken|je taken|obowiązki|zakres obowiązków|responsabilità|"
            r"cosa farai|mansioni|le poste|ihre aufgaben|deine aufgaben"
        ),
    ),
    (
        "required",
        re.compile(
            r"skills|requirements|required|must[- ]haves?|what you('ll| will) need|what we('re| are) looking for|"
            r"qualifications|who you are|you have|your profile|about you|experience|tech stack|technologies|"
            r"competenc|compétences|expertise|what you('ll| will)? bring|ideal candidate|anforderungen|profil|"
            r"requisitos|you should have|what it takes|mitbringst|mitbringen|qualifikation|"
            r"the tech\b|^tech\b|what (?:we|they)(?: will)? need|need from you|you('ll| will) need|criteria|"
            r"you('ll| will) have|you('ll| will) bring|successful candidate|o que buscamos|lo que buscamos|"
            r"buscamos|procuramos|was du mitbringst|votre profil|ton profil|"
            r"wat (?:we|wij) vragen|wat vragen (?:we|wij)|wat breng je mee|jouw profiel|wie ben jij|functie-?eisen|vereisten|"
            r"wymagania|nasze wymagania|requisiti|cerchiamo|profilo"
        ),
    ),
    (
        "about",
        re.compile(
            r"about (us|the (company|team))|who we are|benefits|perks|what we offer|compensation|salary|"
            r"why join|equal opportunity|how to apply|our company|apply|contact|"
            r"sobre (?:a|o|nós|nos|nosotros)\b|quiénes somos|quienes somos|quem somos|über uns|qui sommes|"
            r"à propos|a propos|benefícios|beneficios|ofrecemos|oferecemos|wir bieten|was wir bieten|"
            r"nous offrons|avantages|in it for you|what's in it|"
            r"wat (?:we|wij) bieden|wat bieden wij|arbeidsvoorwaarden|oferujemy|benefity|cosa offriamo|offriamo"
        ),
    ),
    ("intro", re.compile(r"job description|description|overview|summary|detailed jd|position|location")),
]


@dataclass
class JobLine:
    text: str  # the line without its bullet
    section: str  # required | preferred | responsibilities | soft | about | intro (neutral)
    heading: str  # the heading it falls under ("" before any)
    number: int  # 0-based line number in the input
    offset: int  # character offset of the line in the input
    is_bullet: bool
    item_number: int = 0  # "5." gives 5; 0 when the line is not numbered


def heading_kind(line: str) -> str | None:
    """The section kind if ``line`` is a heading, else None."""
    raw = line.strip()
    if not raw or len(raw) > 70:
        return None
    numbered = re.match(r"^\s*\(?\d{1,2}[.)]\s", raw) is not None
    core = BULLET_RE.sub("", raw) if numbered else raw
    core = DECOR_RE.sub("", core).strip()
    if not core:
        return None
    words = core.split()
    ends_colon = raw.rstrip("*_ ").endswith((":", "："))
    if len(words) > (9 if ends_colon else 6):
        return None
    # "2. Experience in Entity Framework." is an item: the full stop is cut from ``core`` as decoration
    if not ends_colon and (raw.rstrip("*_ ")[-1] in ".,;" or (BULLET_RE.match(raw) and not numbered)):
        return None
    low = core.lower()
    if ":" in low:  # "Years of Experience: 4-6 years" is a labelled value, not a heading
        return None
    misspelt = _misspelt_heading(low) if len(words) <= 3 else None
    if misspelt == "preferred":  # "Prefered Qualifications": the typo decides, as "Preferred" would
        return misspelt
    for kind, pattern in SECTION_PATTERNS:
        m = pattern.search(low)
        if not m:
            continue
        # A plain line must be mostly the heading phrase; a line ending in ':' may say more.
        if ends_colon or len(words) <= 4 or m.end() - m.start() >= len(low) * 0.5:
            return kind
    return misspelt


#: Heading words as people misspell them in a hurry ("Requirments", "Preffered", "Responsibilites").
FUZZY_HEADINGS = {
    "preferred": "preferred",
    "desirable": "preferred",
    "responsibilities": "responsibilities",
    "requirements": "required",
    "required": "required",
    "qualifications": "required",
}


def _misspelt_heading(low: str) -> str | None:
    """The kind of a short line whose word is a heading word with a typo or two (one in a
    short word), so a heading is not lost to a slip of the keyboard."""
    for word in re.findall(r"[a-z]{6,}", low):
        for key, kind in FUZZY_HEADINGS.items():
            limit = 2 if len(key) >= 9 else 1
            if Levenshtein.distance(word, key, score_cutoff=limit) <= limit:
                return kind
    return None


#: A blank to fill in: "Current CTC:", "Notice Period (if serving, mention LWD):".
FIELD_RE = re.compile(r"^\s*[^:：]{2,60}[:：]\s*$")


def _form_field(raws: list[str], number: int) -> bool:
    """Whether the line is one blank of a form the posting asks candidates to fill in ("Please
    share: Full Name: / Current CTC: / Preferred Location:"): its neighbours are blanks too."""

    def neighbour(step: int) -> str | None:
        i = number + step
        while 0 <= i < len(raws):
            if raws[i].strip():
                return raws[i]
            i += step
        return None

    near = [neighbour(-1), neighbour(1)]
    return all(n is not None and FIELD_RE.match(n) for n in near)


NUMBER_RE = re.compile(r"^\s*\(?(\d{1,2})[.)]\s")


def _next_item(out: list[JobLine], number: int, raw: str) -> bool:
    """A numbered line that follows on from the numbered item just above it ("4. Experience with
    PostgreSQL", then "5. Experience with Docker") is the list's next item, however short."""
    m = NUMBER_RE.match(raw)
    if m is None or raw.rstrip("*_ ").endswith((":", "：")) or not out or out[-1].number < number - 2:
        return False
    return out[-1].is_bullet and out[-1].item_number == int(m.group(1)) - 1


def split_lines(text: str, names_skill: Callable[[str], bool] | None = None) -> list[JobLine]:
    """The lines with their sections. ``names_skill`` tells a short requirement ("Docker is a
    plus", "Kubernetes experience") from a heading ("Nice to have", "Experience"): a line
    without a colon that names a concrete skill is an item, whatever words it has."""
    out: list[JobLine] = []
    section, heading = "intro", ""
    offset = 0
    raws = text.split("\n")
    for number, raw in enumerate(raws):
        line_offset = offset
        offset += len(raw) + 1
        if not raw.strip():
            continue
        kind = heading_kind(raw)
        if kind is not None and (_form_field(raws, number) or _next_item(out, number, raw)):
            kind = None
        if (
            kind is not None
            and names_skill is not None
            and not raw.rstrip("*_ ").endswith((":", "："))
            and names_skill(DECOR_RE.sub("", BULLET_RE.sub("", raw)))
        ):
            kind = None
        if kind is not None:
            section, heading = kind, raw.strip()
            continue
        is_bullet = bool(BULLET_RE.match(raw))
        numbered = NUMBER_RE.match(raw)
        body = BULLET_RE.sub("", raw).strip() if is_bullet else raw.strip()
        # markdown emphasis ("**Location:** Berlin", "Go **or** Rust") is decoration, not text
        body = EMPHASIS_RE.sub("", body).lstrip("# ").strip() or body
        out.append(
            JobLine(
                body,
                section,
                heading,
                number,
                line_offset + raw.find(body[:1] or " "),
                is_bullet,
                int(numbered.group(1)) if numbered else 0,
            )
        )
    return out
