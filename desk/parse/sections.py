"""Resume lines and section headings.

Extracted text keeps headings on their own lines, so a resume is read line by line:
``split_lines`` keeps each line's offsets into the original text (every span the parser
returns points back into what the recruiter sees), and ``find_sections`` decides which
lines are headings and what kind of section each one opens.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from functools import lru_cache
from typing import NamedTuple

from desk.model import Section

try:  # rapidfuzz only rescues misspelt headings ("Work Experiance"); without it they are missed
    from rapidfuzz import fuzz as _fuzz
    from rapidfuzz import process as _process
except ImportError:  # pragma: no cover - rapidfuzz is a declared dependency
    _fuzz = _process = None


class Line(NamedTuple):
    """One line of the text: ``raw`` without its line break, ``text`` stripped, offsets of raw."""

    start: int
    end: int
    raw: str
    text: str


def split_lines(text: str) -> list[Line]:
    """Every line with its offsets; splitlines() so \\r\\n, \\r and form feeds all end a line."""
    out: list[Line] = []
    pos = 0
    for piece in text.splitlines(keepends=True):
        raw = piece.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        out.append(Line(pos, pos + len(raw), raw, raw.strip()))
        pos += len(piece)
    return out


def lines_between(lines: list[Line], start: int, end: int) -> list[Line]:
    """The lines that lie wholly inside [start, end) (a section's span)."""
    starts = [ln.start for ln in lines]
    lo = bisect_left(starts, start)
    hi = bisect_left(starts, end)
    return [ln for ln in lines[lo:hi] if ln.end <= end]


#: List markers, with the private-use glyphs of Symbol and Wingdings bullets (U+F000-U+F0FF) that
#: Word's PDFs carry as text.
_BULLET = re.compile(r"[•*▪◦●■»➢➤►✓✔○□◆◇⁃‣∙\uf000-\uf0ff]\s?|[-–—·]\s|o\s(?=[A-Z])")


def is_bullet(text: str) -> bool:
    """A stripped line that starts with a list marker ("• ", "- ", "* ", "▪", Word's "o ")."""
    return bool(text) and _BULLET.match(text) is not None


def strip_bullet(text: str) -> str:
    m = _BULLET.match(text)
    return text[m.end() :].strip() if m else text


# -- heading vocabulary ------------------------------------------------------------------
SUMMARY, EXPERIENCE, EDUCATION, SKILLS = "summary", "experience", "education", "skills"
PROJECTS, CERTIFICATIONS, OTHER = "projects", "certifications", "other"

_EXACT: dict[str, str] = {}
for _kind, _names in {
    EXPERIENCE: (
        "experience|work experience|professional experience|work history|employment|employment history|"
        "career history|relevant experience|internships|internship|internship experience|work|career|"
        "professional background|experience & internships|internships & experience|research experience|"
        "industry experience|teaching experience|professional history|employment record|positions held|work & experience|"
        "relevant work experience|roles|contract roles|previous roles|relevant roles|contract & permanent roles|"
        "permanent & contract roles|contracts|contract history|assignments|engagements|"
        "berufserfahrung|berufliche erfahrung|beruflicher werdegang|werdegang|"
        "praxiserfahrung|praktika|expérience professionnelle|expériences professionnelles|expérience|"
        "expériences|parcours professionnel|experiencia|experiencia profesional|experiencia laboral|"
        "trayectoria profesional|employment & experience|experience summary|工作经验|工作经历|工作履历|职业经历|職歴|職務経歴|경력|"
        "경력사항|esperienza|esperienze|esperienza lavorativa|esperienza professionale|"
        "esperienze professionali|experiência|experiência profissional|werkervaring|ervaring|doświadczenie|"
        "doświadczenie zawodowe|"
        # Nordic, Turkish, Czech, Romanian, Indonesian
        "arbetslivserfarenhet|arbetserfarenhet|yrkeserfarenhet|erfarenhet|arbejdserfaring|erhvervserfaring|"
        "arbeidserfaring|yrkeserfaring|erfaring|työkokemus|iş deneyimi|i̇ş deneyimi|deneyim|deneyimler|"
        "profesyonel deneyim|pracovní zkušenosti|praxe|experiență profesională|experienta profesionala|"
        "experiență|pengalaman kerja|pengalaman"
    ),
    EDUCATION: (
        "education|academic background|qualifications|academic qualifications|educational background|"
        "education & training|education & qualifications|academics|edu|studies|academic history|"
        "education & certifications|ausbildung|bildung|studium|bildungsweg|schulbildung|"
        "akademischer werdegang|aus- & weiterbildung|aus- und weiterbildung|ausbildung & weiterbildung|"
        "hochschulbildung|formation|formations|éducation|formation académique|educación|formación|"
        "formación académica|estudios|educación y formación|教育背景|教育经历|学历|学歴|학력|istruzione|formazione|"
        "istruzione e formazione|formação|formação acadêmica|educação|opleiding|opleidingen|wykształcenie|"
        "edukacja|academic profile|scholastic profile|academic details|educational details|education details|"
        "educational qualifications|academic credentials|"
        "utbildning|uddannelse|utdanning|koulutus|eğitim|eği̇ti̇m|öğrenim|vzdělání|educație|educatie|"
        "studii|pendidikan"
    ),
    SKILLS: (
        "skills|technical skills|core competencies|competencies|technologies|tech stack|stack|tools|"
        "skills & tools|tools & technologies|key skills|skill set|skillset|skills summary|expertise|"
        "areas of expertise|technical proficiencies|technical expertise|technical competencies|"
        "programming languages|it skills|computer skills|skills & expertise|skills & technologies|"
        "kenntnisse|fähigkeiten|it-kenntnisse|fachkenntnisse|kompetenzen|technische kenntnisse|"
        "compétences|compétences techniques|habilidades|competencias|conocimientos|habilidades técnicas|技能|"
        "专业技能|技术技能|技能特长|スキル|技術スキル|기술|competenze|competenze tecniche|competências|vaardigheden|umiejętności|"
        "kompetenser|färdigheter|kompetencer|færdigheder|kompetanse|ferdigheter|taidot|osaaminen|yetenekler|"
        "beceriler|yetkinlikler|teknik beceriler|dovednosti|znalosti|competențe|competente|keahlian|keterampilan"
    ),
    PROJECTS: (
        "projects|selected projects|personal projects|side projects|key projects|academic projects|"
        "open source|open-source|projects & open source|research & projects|projekte|projets|proyectos|"
        "open source contributions|notable projects|portfolio|项目经验|项目经历|プロジェクト|프로젝트|progetti|projetos|"
        "projecten|projekty|project details|project profile|projects profile|project summary|projects summary|"
        "projects handled|project"
    ),
    CERTIFICATIONS: (
        "certifications|certificates|licenses & certifications|licences & certifications|certification|"
        "certifications & licenses|courses & certifications|training & certifications|credentials|"
        "zertifikate|zertifizierungen|weiterbildung|certificats|certificaciones|certificados|"
        "professional certifications|certifications & training|证书|资格证书|資格|자격증|certificazioni|certificações|"
        "certificaten|certyfikaty|"
        "kurser & certifikat|kurser|certifikat|certifikater|kurser og certifikater|sertifikalar|sertifikat|"
        "certifikáty|certificări|sertifikasi"
    ),
    SUMMARY: (
        "summary|profile|about me|about|objective|professional summary|career objective|personal statement|"
        "executive summary|overview|career summary|professional profile|qualifications summary|"
        "summary of qualifications|research summary|personal profile|introduction|"
        "profil|zusammenfassung|über mich|kurzprofil|profil professionnel|à propos|à propos de moi|"
        "perfil|perfil profesional|resumen|sobre mí|acerca de mí|个人简介|自我评价|个人总结|自己pr|자기소개|profilo|sommario|"
        "職務要約|職務概要|自己紹介|"
        "resumo|profiel|samenvatting|o mnie|podsumowanie"
    ),
    OTHER: (
        "languages|language skills|interests|hobbies|hobbies & interests|publications|selected publications|"
        "awards|honors|honours|awards & honors|honors & awards|achievements|accomplishments|references|"
        "volunteer|volunteering|volunteer experience|patents|talks|talks & open source|talks & publications|"
        "activities|extracurricular activities|leadership|memberships|affiliations|conferences|presentations|"
        "teaching|research|additional information|personal|personal details|misc|other|"
        "miscellaneous|courses|coursework|relevant coursework|trainings|speaking|workshops|"
        "sprachen|sprachkenntnisse|interessen|hobbys|publikationen|auszeichnungen|ehrenamt|sonstiges|"
        "persönliche daten|langues|centres d'intérêt|idiomas|intereses|publicaciones|premios"
        "|contact|contacts|contact information|contact info|contact details|kontakt|kontaktdaten|coordonnées|"
        "contacto|datos de contacto|personal information|联系方式|連絡先|语言能力|语言|語学|基本情報|個人情報|个人信息|"
        "基本信息|strengths|"
        "key strengths|declaration|"
        "språk|sprog|kieli|kielitaito|diller|jazyky|limbi|bahasa|föreningsliv|övrigt|referenser|intressen|"
        "fritidsintressen|andet|annet|muut|ilgi alanları|hobiler|referanslar|kişisel bilgiler|personalien|"
        "personalia|persönliches|zur person"
    ),
}.items():
    for _name in _names.split("|"):
        _EXACT[_name] = _kind

#: Single words that name a section kind inside longer headings ("Relevant Work Experience").
_KEYWORDS: dict[str, str] = {}
for _kind, _words in {
    SUMMARY: "summary profile objective profil zusammenfassung resumen perfil profilo",
    EXPERIENCE: "experience employment internships berufserfahrung werdegang expérience expériences experiencia "
    "history experiência experiências esperienza esperienze ervaring werkervaring doświadczenie erfahrung "
    "trayectoria",
    EDUCATION: "education academic ausbildung bildung studium formation educación formación qualifications "
    "formação educação istruzione formazione opleiding opleidingen wykształcenie estudios",
    SKILLS: "skills competencies technologies stack tools kenntnisse fähigkeiten compétences habilidades expertise "
    "proficiencies conocimientos competencias competenze competências conhecimentos vaardigheden "
    "umiejętności kompetenzen",
    PROJECTS: "projects projekte projets proyectos projetos progetti projecten projekty",
    CERTIFICATIONS: "certifications certificates licenses licences zertifikate certificats certificaciones "
    "certificações certificazioni certificados zertifizierungen certyfikaty",
    OTHER: "publications awards honors languages interests hobbies achievements volunteering volunteer talks "
    "patents references activities teaching sprachen idiomas langues lingue talen języki referencias "
    "références referenze",
}.items():
    for _word in _words.split():
        _KEYWORDS[_word] = _kind
#: Document titles, not sections: they stay in the header.
_TITLES = {"resume", "résumé", "curriculum vitae", "cv", "lebenslauf", "curriculum", "vita", "c.v."}
#: Label lines with content that still open a section ("Interests: running") at the end of a resume,
#: unless they sit in a skills section ("Languages: Python, Go" lists skills there).
_INLINE_OTHER = re.compile(
    r"^(?:interests|hobbies|references|languages|spoken languages|volunteering|interessen|hobbys|sprachen|"
    r"langues|idiomas)\s*:\s*\S",
    re.I,
)
#: Words that make a short line a job title or a company, never a heading ("Build Tools Engineer").
_NOT_HEADING = re.compile(
    r"\b(?:engineer|developer|manager|analyst|intern|lead|architect|scientist|designer|consultant|director|"
    r"recruiter|specialist|administrator|inc|ltd|gmbh|llc|corp|university|college|"
    # the same job titles in the languages desk reads ("Desarrollador Full Stack" is no skills heading)
    r"desarrollador|desarrolladora|programador|programadora|ingeniero|ingeniera|entwickler|entwicklerin|"
    r"ingenieur|ingenieurin|développeur|développeuse|ingénieur|ingénieure|desenvolvedor|desenvolvedora|"
    r"engenheiro|engenheira|sviluppatore|sviluppatrice|ingegnere|ontwikkelaar|programista|programistka|"
    r"full[- ]stack|werkstudent|stagiaire|becario|becaria|estagiário|estagiária|tirocinante)\b",
    re.I,
)
_SMALL_WORDS = frozenset(("and", "of", "&", "und", "et", "de", "y", "for"))
_DIGIT_AT = re.compile(r"[\d@]")
_BILINGUAL = re.compile(r"\s*/\s*|\s+\|\s+")
_LISTISH = re.compile(r"[,;+#\d]")
_DECOR = " \t#=*_~:|-–—•·▪>[](){}■□◆◇●【】〔〕［］：　"
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_FUZZY_CHOICES = sorted(n for n in _EXACT if len(n) >= 6)


#: Letter-spaced capitals, as designed resumes set names and headings: "E X P E R I E N C E",
#: "W O R K   H I S T O R Y" (words two or more spaces apart).
_SPACED = re.compile(r"^[^\W\d_](?: [^\W\d_])+(?:\s{2,}[^\W\d_](?: [^\W\d_])+)*")


def unspace_letters(text: str) -> str:
    """ "W O R K   H I S T O R Y" -> "WORK HISTORY"; any other text as it is."""
    m = _SPACED.match(text)
    if m is None or m.end() - m.start() < 5:  # "A B" is initials, not a spaced word
        return text
    words = re.split(r"\s{2,}", m.group(0))
    return " ".join(w.replace(" ", "") for w in words) + text[m.end() :]


def _norm(text: str) -> str:
    """Lower-cased heading words, decorations and a trailing colon removed, "and" spelled "&"."""
    t = unicodedata.normalize("NFC", text).strip(_DECOR).lower()
    t = " ".join(t.replace(" and ", " & ").replace(" und ", " & ").replace(" et ", " & ").split())
    return t.replace(" y ", " & ")


def heading_kind(text: str, *, lenient: bool = True) -> str | None:
    """The section kind a stripped line names when it is a heading, else None.

    ``lenient`` also accepts misspellings and unknown ALL-CAPS lines ("PATENTS"): only safe
    once a resume's header is behind us (a name in capitals is not a section).
    """
    kind, _weak = _classify(text, lenient)
    return kind


@lru_cache(maxsize=4096)
def _classify(text: str, lenient: bool) -> tuple[str | None, bool]:
    """(kind, weak): weak kinds come from the ALL-CAPS guess and need the caller's context."""
    if not text or len(text) > 60 or _DIGIT_AT.search(text):
        return None, False
    text = unspace_letters(text)
    norm = _norm(text)
    if ":" in norm:  # "Skills: Python, Go" is content under a label, not a heading
        return None, False
    if text[-1] in ".,;!?" or not norm or norm in _TITLES:
        return None, False
    if is_bullet(text) and text.rstrip(_DECOR) == text and (norm.isascii() or norm not in _EXACT):
        return None, False  # "- Tools" is a list item; "— Skills —" and Japanese "■職務経歴" are not
    if norm in _EXACT:
        return _EXACT[norm], False
    parts = [p.strip() for p in _BILINGUAL.split(norm)]
    # bilingual headings: "SOBRE MÍ / ABOUT ME"; not a labelled list ("Språk | C, C++, Python")
    if all(p in _EXACT or (len(p.split()) <= 4 and not _LISTISH.search(p)) for p in parts):
        for part in parts:
            if part in _EXACT:
                return _EXACT[part], False
    words = _WORD.findall(norm)
    if not words or len(words) > 5 or _NOT_HEADING.search(norm):
        return None, False
    letters = [c for c in text if c.isalpha()]
    caps = bool(letters) and all(c.isupper() for c in letters)
    titled = all(w[0].isupper() or w.lower() in _SMALL_WORDS for w in _WORD.findall(text))
    # sentence case opens with the section's word: "Conocimientos técnicos", "Formação acadêmica"
    sentence = text[0].isupper() and len(words) <= 3 and words[0] in _KEYWORDS
    if not (caps or titled or sentence or text.endswith(":")):
        return None, False
    if any(_KEYWORDS.get(w) == SUMMARY for w in words):  # "Qualifications Summary" is a summary
        return SUMMARY, False
    for w in words:
        if w in _KEYWORDS:
            return _KEYWORDS[w], False
    if not lenient:
        return None, False
    if _process is not None and 5 <= len(norm) <= 32:
        hit = _process.extractOne(norm, _FUZZY_CHOICES, scorer=_fuzz.ratio, score_cutoff=86)
        if hit:
            return _EXACT[hit[0]], False
    if caps and len(letters) >= 4 and len(words) <= 3:
        return OTHER, True
    return None, False


#: Headings of a block that holds the contact details (a sidebar's "Contact"): searched like the header.
CONTACT_HEADINGS = frozenset(
    [
        "contact",
        "contacts",
        "contact information",
        "contact info",
        "contact details",
        "kontakt",
        "kontaktdaten",
        "coordonnées",
        "contacto",
        "datos de contacto",
        "personal information",
        "personal details",
        "persönliche daten",
        "personalien",
        "zur person",
        "personalia",
        "persoonlijke gegevens",
        "dati personali",
        "informazioni personali",
        "datos personales",
        "données personnelles",
        "informations personnelles",
        "dados pessoais",
        "dane osobowe",
        "osobní údaje",
        "personuppgifter",
        "kontaktuppgifter",
        "personlige oplysninger",
        "kişisel bilgiler",
        "i̇letişim",
        "iletişim",
        "联系方式",
        "連絡先",
        "基本情報",
        "個人情報",
        "个人信息",
        "基本信息",
    ]
)


def is_contact_heading(heading: str) -> bool:
    return _norm(heading) in CONTACT_HEADINGS


_YEARISH = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def find_sections(lines: list[Line], text_len: int) -> list[Section]:
    """Sections from each heading line to the next; the header before the first one is not a section.

    An unknown ALL-CAPS line counts only when the known headings are in capitals too and
    the next line carries no year: "ACCENTURE" over "2019 - 2021" is an employer.
    """
    heads: list[tuple[Line, str]] = []
    prev_blank = True
    caps_style = False
    seen = 0  # non-blank lines so far: the first is the name, which a lenient look could misread
    for i, line in enumerate(lines):
        t = line.text
        if not t:
            prev_blank = True
            continue
        seen += 1
        if len(t) > 60 or _DIGIT_AT.search(t):  # _classify's first test, before its cache: most lines
            kind, weak = None, False
        else:
            # lenient (misspelt headings, ALL-CAPS guesses) past the name: a misspelt first
            # heading ("EXPERIANCE") would otherwise hide every section of the resume
            kind, weak = _classify(t, bool(heads) or seen > 2)
        if not kind and heads and heads[-1][1] != SKILLS and ":" in t and _INLINE_OTHER.match(t):
            kind = OTHER
        if kind and weak:
            nxt = next((ln.text for ln in lines[i + 1 : i + 3] if ln.text), "")
            if not (caps_style and prev_blank) or _YEARISH.search(nxt):
                kind = None
        if kind and not heads and kind == OTHER and not prev_blank:
            kind = None
        if kind:
            if not weak:
                letters = [c for c in t if c.isalpha()]
                caps_style = all(c.isupper() for c in letters)
            heads.append((line, kind))
        prev_blank = False
    sections = []
    for i, (line, kind) in enumerate(heads):
        end = heads[i + 1][0].start if i + 1 < len(heads) else text_len
        sections.append(Section(kind=kind, heading=line.text, start=line.start, end=end))
    return sections
