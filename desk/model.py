"""Plain data shared by the parsers, the scorer, the store and the export.

Everything here is a dataclass of JSON-safe values, so a job or a candidate can
travel through SQLite, an export file and a server and come back equal. No I/O,
no third-party imports: the server imports this module as it is.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any, NamedTuple, TypeVar

T = TypeVar("T")

REQUIRED, PREFERRED, IGNORED = "required", "preferred", "ignored"
KINDS = (REQUIRED, PREFERRED, IGNORED)

#: Requirement types. "skill" is met by any one of its skills; the others are screened
#: against facts of the candidate (years, degree, location, ...).
REQUIREMENT_TYPES = (
    "skill",
    "years",
    "degree",
    "location",
    "authorization",
    "clearance",
    "seniority",
    "graduation",
)

DEGREE_LEVELS = {
    "highschool": 1,
    "diploma": 2,
    "associate": 2,
    "bachelor": 3,
    "master": 4,
    "mba": 4,
    "phd": 5,
}

STAGES = ("new", "screening", "interview", "offer", "hired", "rejected")


def _build(cls: type[T], data: dict[str, Any]) -> T:
    """Tolerant constructor: ignores unknown keys so older desks read newer JSON."""
    names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
    return cls(**{k: v for k, v in data.items() if k in names})


# -- skills found in text ---------------------------------------------------------------
class SkillHit(NamedTuple):
    """One occurrence of a skill in a text, with how it was recognised.

    A NamedTuple rather than a frozen dataclass: a resume yields dozens of these and a
    bulk import millions, and tuple construction is several times cheaper.
    """

    skill_id: str
    how: str  # exact | alias | fuzzy | implied
    similarity: float  # 100.0 unless fuzzy
    surface: str  # the text as written ("k8s", "Postgress")
    start: int  # offsets into the text searched
    end: int
    via: str | None = None  # for implied hits: the skill that implies this one


# -- jobs --------------------------------------------------------------------------------
@dataclass
class Requirement:
    """One thing the job asks for. A skill requirement is met by any one of ``skills``."""

    id: str
    type: str
    kind: str
    label: str
    weight: int
    skills: list[str] = field(default_factory=list)
    params: dict[str, Any] = field(default_factory=dict)
    knockout: bool = False
    source: str = ""
    section: str = ""
    category: str = ""

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Requirement:
        return _build(cls, data)


@dataclass
class YearsSpec:
    min: float | None
    max: float | None
    source: str


@dataclass
class Job:
    title: str
    requirements: list[Requirement]
    years: list[YearsSpec] = field(default_factory=list)
    years_used: int | None = None  # index into ``years`` that the score uses
    years_note: str = ""
    education: dict[str, Any] | None = None  # {"min_level", "levels", "fields", "source", "kind"}
    screening: dict[str, Any] = field(default_factory=dict)  # location/remote, clearance, ...
    #: related skills (partial credit) of every skill asked for, copied from the taxonomy so
    #: the job alone carries what the scorer needs (a server has no taxonomy to consult)
    related: dict[str, list[str]] = field(default_factory=dict)
    parser_version: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Job:
        job = _build(cls, data)
        job.requirements = [Requirement.from_dict(r) for r in data.get("requirements", [])]
        job.years = [_build(YearsSpec, y) for y in data.get("years", [])]
        return job


# -- resumes -----------------------------------------------------------------------------
@dataclass
class Section:
    kind: str  # summary | experience | education | skills | projects | certifications | other
    heading: str
    start: int
    end: int


@dataclass
class WorkEntry:
    title: str | None
    company: str | None
    location: str | None
    start: str | None  # "YYYY-MM" or "YYYY"
    end: str | None  # None while current is True, or when unknown
    current: bool
    months: int  # length of this entry in months (0 when dates unknown or impossible)
    start_offset: int  # span of the whole entry (header and bullets) in the resume text
    end_offset: int
    flags: list[str] = field(default_factory=list)  # e.g. "impossible-range"


@dataclass
class Degree:
    level: str | None  # a key of DEGREE_LEVELS
    field: str | None
    school: str | None
    graduation: str | None  # "YYYY" or "YYYY-MM"
    text: str = ""


@dataclass
class Resume:
    name: str | None = None
    email: str | None = None
    phone: str | None = None
    location: str | None = None
    links: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    work: list[WorkEntry] = field(default_factory=list)
    education: list[Degree] = field(default_factory=list)
    certifications: list[str] = field(default_factory=list)
    years_experience: float | None = None
    gaps: list[dict[str, Any]] = field(default_factory=list)  # {"start", "end", "months"}
    seniority: str | None = None  # intern | junior | mid | senior | staff | principal | manager
    authorizations: list[str] = field(default_factory=list)  # e.g. "us-citizen", "clearance:ts-sci"
    flags: list[str] = field(default_factory=list)
    as_of: str = ""  # "YYYY-MM": what "Present" meant when this was parsed

    def to_dict(self) -> dict[str, Any]:
        """What ``asdict`` gives (same keys, same order, copied lists), built directly:
        asdict's generic deep copy was a third of an import's time spent storing."""
        out = {k: list(v) if isinstance(v, list) else v for k, v in self.__dict__.items()}
        out["sections"] = [dict(s.__dict__) for s in self.sections]
        out["work"] = [{**w.__dict__, "flags": list(w.flags)} for w in self.work]
        out["education"] = [dict(d.__dict__) for d in self.education]
        out["gaps"] = [dict(g) for g in self.gaps]
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Resume:
        r = _build(cls, data)
        r.sections = [_build(Section, s) for s in data.get("sections", [])]
        r.work = [_build(WorkEntry, w) for w in data.get("work", [])]
        r.education = [_build(Degree, d) for d in data.get("education", [])]
        return r


# -- what the scorer knows of a candidate ------------------------------------------------
@dataclass
class CandidateSkill:
    skill_id: str
    how: str
    similarity: float
    mentions: int
    months: int  # months of use, from the work entries that mention it
    last_year: int | None
    sources: list[str]  # skills | work | project | education | summary | other
    evidence: str  # a snippet of resume text that proves it
    strength: int  # 0..1000, derived from the fields above (desk.scoring.skill_strength)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CandidateSkill:
        return _build(cls, data)


@dataclass
class CandidateFacts:
    """Everything score() reads about a candidate: plain data, exportable as is."""

    id: str
    skills: dict[str, CandidateSkill]
    years_experience: float | None = None
    degree_level: int = 0  # max of DEGREE_LEVELS over degrees, 0 = unknown
    degree_fields: list[str] = field(default_factory=list)
    graduation_year: int | None = None
    location: str | None = None
    seniority: str | None = None
    authorizations: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CandidateFacts:
        facts = _build(cls, data)
        facts.skills = {k: CandidateSkill.from_dict(v) for k, v in data.get("skills", {}).items()}
        return facts
