"""Word lists that tell a job title from a company, a school or a name.

Kept apart from the parsing code so the lists can grow (new languages, new legal forms)
without touching the logic that uses them.
"""

from __future__ import annotations

import re
from functools import lru_cache


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Words that make a phrase a job title ("Senior Data Engineer", "Werkstudent", "Co-op").
TITLE_WORDS = _words(
    """
    engineer engineers developer developers programmer manager analyst intern internship lead architect
    scientist designer consultant director recruiter specialist administrator coordinator officer head vp
    president cto ceo cfo coo cio ciso founder co-founder cofounder owner assistant technician researcher
    student doktorand werkstudent praktikant praktikantin trainee apprentice fellow professor lecturer
    teacher tutor sre devops co-op coop contractor freelancer freelance principal chief executive
    representative advisor adviser editor writer tester qa operator sdet associate partner
    entwickler entwicklerin ingenieur ingenieurin berater beraterin leiter leiterin informatiker
    stagiaire ingénieur développeur développeuse chef desarrollador desarrolladora ingeniero ingeniera
    practicante becario programador analista administrador dba webmaster strategist evangelist
    advocate accountant auditor controller buyer planner scrum owner steward ta assistant postdoc
    postdoctoral candidate
    ingénieure consultante analyste directeur directrice responsable architecte chargé chargée
    technicien technicienne jefe jefa gerente director directora consultor consultora arquitecto arquitecta
    técnico técnica architekt architektin geschäftsführer geschäftsführerin mitarbeiter mitarbeiterin
    referent referentin werkstudentin sviluppatore sviluppatrice ingegnere programmatore desenvolvedor
    desenvolvedora engenheiro engenheira becaria programista programistka stażysta stażystka praktykant
    praktykantka kierownik tester ontwikkelaar stagiair
    medewerker medewerkster adviseur beheerder afstudeerstagiair
    utvecklare mjukvaruutvecklare systemutvecklare ingenjör civilingenjör konsult projektledare arkitekt
    utvikler udvikler systemudvikler ingeniør konsulent leder analytiker tekniker montör
    kehittäjä ohjelmistokehittäjä insinööri asiantuntija konsultti
    mühendis mühendisi geliştirici geliştiricisi analist analisti uzman uzmanı yönetici yöneticisi stajyer
    mimar danışman müdür müdürü
    vývojář programátor inženýr analytik konzultant vedoucí správce
    dezvoltator inginer programator arhitect stagiar pengembang insinyur analis konsultan magang
    nurse midwife pharmacist physician paramedic
    sde sde-1 sde-2 sde-3 sde1 sde2 sde3 sse mts smts swe
    """
)
#: Title words that also end compounds ("Softwareentwickler", "Projektleiterin", "Systemadministrator").
TITLE_SUFFIXES = tuple(
    sorted(
        _words(
            """
            entwickler entwicklerin ingenieur ingenieurin berater beraterin leiter leiterin architekt
            architektin administrator administratorin manager managerin analyst analystin designer
            designerin engineer developer programmierer programmiererin tester testerin informatiker
            informatikerin utvecklare utvikler udvikler ingenjör ingeniør ledare kehittäjä insinööri
            geliştirici geliştiricisi mühendisi analisti stagiair ontwikkelaar medewerker adviseur beheerder
            """
        )
    )
)
#: Title words strong enough to decide a segment alone, even with a company-looking word in it.
TITLE_HEADS = TITLE_WORDS - {"associate", "partner", "owner", "freelance", "executive", "chief", "principal"}

#: Words and legal forms that make a phrase an organisation.
COMPANY_WORDS = _words(
    """
    inc inc. incorporated ltd ltd. limited llc l.l.c. llp plc gmbh ag ab kg ohg e.v. se sa s.a. sl s.l. sas
    sarl s.r.l. srl spa s.p.a. bv b.v. nv n.v. oy as a/s aps pty pvt pvt. k.k. co co. corp corp. corporation
    company companies group holdings partners consulting consultancy services solutions systems
    technologies technology tech labs lab software studio studios media digital health healthcare games
    analytics cloud networks network energy insurance logistics payments capital ventures agency agencia
    agence association foundation hospital government ministry army navy force reserve staffing financial
    finance fintech commerce bank banking university universität universidad université college institute
    school council authority department bureau academy self-employed freelance startup industries
    international global enterprises robotics ai data telecom communications pharma pharmaceuticals
    retail foods motors automotive aerospace defense defence federal integrators integration mobility
    electronics travel travels bancorp trust versicherung dienstleistungen werke
    """
)
#: Words that make a phrase a school ("Technische Universität Dresden", "IIT Bombay").
SCHOOL_WORDS = _words(
    """
    university universities universität universitat université universite università universita universitario
    universidad universidade college institute institut instituto school hochschule fachhochschule academy
    akademie polytechnic politécnica politecnica politecnico polytechnique école ecole escuela gymnasium iit nit
    bits kth eth epfl mit ucl tu rwth lmu tum uc ucla cmu nus ntu kaist conservatory seminary bootcamp lycée liceo
    üniversitesi universitesi lisesi universitet universiteit hogeschool högskola högskolan høgskole yliopisto
    ammattikorkeakoulu univerzita vysoká universitatea universitas politeknik gymnasiet kaderschule
    """
)
#: Articles, prepositions and conjunctions: a line that ends on one was cut by the page's width.
RUN_ON_WORDS = _words(
    """
    a an the of for to in on at with by from and or as into via
    der die das den dem des ein eine einer eines für mit von zu zur zum und oder im am auf
    le la les un une du de pour avec et ou en au aux el los las una del para con y o por al
    il lo gli della delle dei per e het een van voor met op os um uma do da dos das com
    """
)
#: Letters after a name ("Megan O’Brien RN", "Rodrigo Nascimento P.E."): credentials, not the name.
POSTNOMINALS = _words(
    """
    rn bn bsn msn np lpn md do dds phd mba cpa cfa acca aca pe p.e. pmp cissp ceng mbcs mieee frcs jd esq msc bsc ma ba meng beng
    """
)
#: Things that are never part of a person's name line.
NOT_NAME_WORDS = TITLE_WORDS | {
    # greetings and sign-offs of a resume pasted into an email ("Dear Laura,", "Best regards,")
    "dear",
    "hi",
    "hello",
    "hallo",
    "bonjour",
    "hola",
    "ciao",
    "regards",
    "sincerely",
    "thanks",
    # technology words that open a headline in capitals ("SQL SERVER Developer", "REST API Engineer")
    "sql",
    "server",
    "rest",
    "api",
    "aws",
    "gcp",
    "azure",
    "java",
    "python",
    "php",
    "linux",
    "oracle",
    "sap",
    "devops",
    "resume",
    "résumé",
    "cv",
    "curriculum",
    "vitae",
    "lebenslauf",
    "profile",
    "summary",
    "contact",
    "experience",
    "education",
    "skills",
    "objective",
    "page",
    "mobile",
    "phone",
    "email",
    "e-mail",
    "tel",
    "address",
    "linkedin",
    "github",
    "senior",
    "junior",
    "software",
    "backend",
    "frontend",
    "full-stack",
    "fullstack",
    "data",
    "web",
    "cloud",
    "technical",
    "machine",
    "learning",
    "systems",
    "the",
    "and",
    "for",
    "with",
    "in",
    "at",
    "of",
    "to",
    "years",
    "remote",
    "city",
    # degrees and schools: "BSc Computer Science", "Academic Background" over a sidebar
    "bsc",
    "msc",
    "b.sc",
    "m.sc",
    "btech",
    "b.tech",
    "mtech",
    "m.tech",
    "mba",
    "phd",
    "ph.d",
    "hons",
    "university",
    "college",
    "institute",
    "academic",
    "background",
    "certified",
    "graduating",
    "science",
    "engineering",
    # employers: "Kaveri Fintech Pvt. Ltd." in a sidebar resume's opening lines
    "pvt",
    "ltd",
    "inc",
    "llc",
    "gmbh",
    "corp",
    "limited",
    "group",
    "solutions",
    "technologies",
    "consulting",
    "labs",
    "studio",
    "studios",
    "games",
    "media",
    "digital",
    "analytics",
    "qualification",
    "fundamentals",
}
#: Lower-case particles allowed inside a name ("Ludwig van Beethoven", "María de la Cruz").
NAME_PARTICLES = _words("van von der den de del della di da dos das du la le bin ibn al el y zu ten ter")

_PARENS = re.compile(r"\([^()]*\)")
WORD = re.compile(r"[^\W\d_][\w'’&.\-]*", re.UNICODE)
_NUMERALS = frozenset({"i", "ii", "iii", "iv", "v", "1", "2", "3"})
_LEGAL = _words(
    "inc ltd llc llp plc gmbh ag ab kg sa s.a sl s.l bv b.v nv pvt k.k corp co limited corporation oy srl spa sas sarl"
)


def words(text: str) -> list[str]:
    """Lower-cased words of ``text`` ("Inc." stays "inc.")."""
    return [w.lower() for w in WORD.findall(text)]


@lru_cache(maxsize=8192)
def _word_set(text: str) -> frozenset[str]:
    ws = words(text)
    return frozenset(ws) | {w.rstrip(".,") for w in ws} | {p for w in ws if "-" in w for p in w.split("-")}


def is_school(text: str) -> bool:
    """Names a school: a word like University, Hochschule, Institute, IIT (大学, 学院, 대학교)."""
    return not _word_set(text).isdisjoint(SCHOOL_WORDS) or (
        not text.isascii() and _CJK_SCHOOL.search(text) is not None
    )


_CJK_SCHOOL = re.compile(r"大学|大學|学院|學院|대학교|대학")


@lru_cache(maxsize=8192)
def title_score(text: str) -> int:
    """How much ``text`` reads as a job title: 2 when its head noun is a title word, 1 for any."""
    ws = [w.rstrip(".,") for w in words(_PARENS.sub(" ", text))]
    ws = [w for w in ws if w not in _NUMERALS]
    if not ws:
        return 0
    if _title_word(ws[-1], TITLE_HEADS) or ws[0] in {"head", "vp", "chief", "director", "lead"}:
        return 2
    return 1 if any(_title_word(w, TITLE_WORDS) for w in ws) else 0


#: Chinese and Japanese job titles end in these ("后端工程师", "产品经理", "ソフトウェアエンジニア").
CJK_TITLE_SUFFIXES = (
    "工程师",
    "开发",
    "开发者",
    "经理",
    "架构师",
    "总监",
    "实习生",
    "设计师",
    "分析师",
    "主管",
    "エンジニア",
    "開発者",
    "マネージャー",
)


def _title_word(word: str, vocabulary: frozenset[str]) -> bool:
    """In ``vocabulary``, or a compound ending in a title word ("softwareentwickler", "teamleiter")."""
    if word in vocabulary:
        return True
    stem = word.rsplit("-", 1)[-1]  # "dipl.-informatiker", "back-end-entwickler"
    if stem in vocabulary:
        return True
    if len(stem) >= 9 and stem.endswith(TITLE_SUFFIXES):
        return True
    return len(stem) > 2 and stem.endswith(CJK_TITLE_SUFFIXES)  # "高级后端工程师"


@lru_cache(maxsize=8192)
def company_score(text: str) -> int:
    """How much ``text`` reads as an organisation: 2 for a legal form or a school, 1 for any cue."""
    raw = _word_set(text)
    if not raw.isdisjoint(_LEGAL) or not raw.isdisjoint(SCHOOL_WORDS):
        return 2
    return 0 if raw.isdisjoint(COMPANY_WORDS) else 1
