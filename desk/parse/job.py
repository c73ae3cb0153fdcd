"""``parse_job(text) -> Job``: read a JD the way a technical recruiter does.

Pure and deterministic: the same text and taxonomy give the same Job, byte for
byte, so a server re-parsing an exported JD agrees with the desk.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

from desk.model import DEGREE_LEVELS, IGNORED, PREFERRED, REQUIRED, Job, Requirement, SkillHit, YearsSpec
from desk.parse.job_cues import NO_NEED_RE, PREFERRED_CUE_RE, REQUIRED_CUE_RE, clauses
from desk.parse.job_facts import (
    AUTH_RE,
    CITIZEN_RE,
    LOCATION_LABEL_RE,
    EducationSpec,
    clean_places,
    find_clearance,
    find_education,
    find_graduation,
    find_seniority,
    find_work_mode,
    find_years,
)
from desk.parse.job_groups import group_hits
from desk.parse.job_sections import JobLine, heading_kind, split_lines
from desk.parse.job_title import job_title
from desk.skills.matcher import matcher_for
from desk.skills.taxonomy import Taxonomy, builtin_taxonomy

#: Stored with every job. job-2 reads years, degrees and "oder"/"ou"/"o" alternatives in German,
#: French and Spanish postings; job-3 the degrees Indian postings write ("B.E/B.Tech/MCA", "Any
#: Graduate"), ranges from zero ("0-2 years"), inline "Mandatory Skills:" labels and degrees
#: said not to be needed; job-4 leaves out a posting's particulars ("Posted by: ... Recruitment")
#: and counts the employer's domain in opening prose as a plus, reads "The tech:" and "What they
#: need from you" as requirement headings, and "React or Angular" as two skills; job-5 reads a plus
#: in an aside ("Terraform (bonus: Pulumi)") and in seven more languages, misspelt headings, short
#: requirement lines that look like headings ("Docker is a plus"), Naukri's "Desired Candidate
#: Profile", years written "two (2)" or per skill ("Python: 3 years (Required)"), diploma, HBO and WO.
PARSER_VERSION = "job-5"

#: Default weights; the user changes them per job. Required skills dominate preferred ones.
WEIGHTS = {
    "required": 10,
    "preferred": 3,
    "soft-required": 2,
    "soft-preferred": 1,
    "years": 20,
    "degree": 8,
    "degree-preferred": 3,
    # screening criteria: a clearance or a graduation window is close to a must for the roles
    # that state one; a location or seniority hint less so
    "clearance": 8,
    "authorization": 6,
    "graduation": 15,
    "seniority": 6,
    "location": 4,
}

RANK = {"mention": 0, PREFERRED: 1, REQUIRED: 2}
#: "Message Brokers – Apache Kafka": the part before the dash names the category of what follows
PREFIX_RE = re.compile(r"^(?P<prefix>[^–—:\-]{2,60}?)\s*(?:\s[–—-]\s|:\s)(?P<rest>.+)$")
ABSTRACT_CATEGORIES = frozenset({"concept", "practice", "methodology", "api", "domain"})


@dataclass
class _Mention:
    skills: list[str]
    kind: str  # required | preferred | mention
    source: str
    section: str
    order: int
    count: int = 1
    extra_sources: list[str] = field(default_factory=list)


#: An inline label before a list: "Mandatory Skills: Java, Spring Boot", "Secondary skills: AWS".
LABEL_RE = re.compile(r"^([^:：]{2,40})[:：]\s*\S")
#: Labels of a posting's particulars, not of what the job asks: "Posted by: Harrington Blake
#: Recruitment" is no recruiting skill, "Industry: Fintech" no domain requirement.
META_LABEL_RE = re.compile(
    r"^\W*(?:posted by|recruiter|recruiting (?:firm|agency)|agency|company|client|employer|hiring company|"
    r"industry|department|functional area|role category|reference|ref(?:erence)? (?:no|number)|job (?:id|code|ref)|"
    r"req(?:uisition)?(?: id| no)?|salary|compensation|pay|rate|ctc|budget|package|job type|employment type|"
    r"contract(?: type| length)?|duration|closing date|deadline|start date|posted(?: on)?|date posted|"
    r"location|office|website|web|apply|contact|e-?mail|phone|notice period|benefits|perks)\W*$",
    re.I,
)
#: Domains (fintech, healthcare, sales) said in a posting's opening prose describe the employer
#: ("an award-winning Manchester fintech"), so there they are a plus, not a requirement.
DOMAIN = "domain"


def _line_kind(line: JobLine, has_sections: bool) -> str | None:
    """required / preferred / mention for skills on this line; None: don't read skills here.

    An inline label decides for its own line wherever it stands: Indian postings put "Mandatory
    Skills: ..." and "Good to have: ..." as labelled lines under one "Job Description" heading.
    """
    section = line.section
    if section == "about":
        return None
    label = LABEL_RE.match(line.text)
    if label and META_LABEL_RE.match(label.group(1)):
        return None
    if NO_NEED_RE.search(line.text):
        return "mention"
    if label:
        kind = heading_kind(label.group(1) + ":")
        if kind == "preferred" or (kind and PREFERRED_CUE_RE.search(label.group(1))):
            return PREFERRED
        if kind == "required" and not PREFERRED_CUE_RE.search(line.text):
            return REQUIRED
    if PREFERRED_CUE_RE.search(line.text) and not (
        section == "required" and REQUIRED_CUE_RE.search(line.text)
    ):
        return PREFERRED
    if section == "preferred":
        return PREFERRED
    if section in ("required", "soft"):
        return REQUIRED
    if section == "intro" and not has_sections:
        return REQUIRED
    return "mention"


def _combine(old: str, new: str) -> str:
    """Kind of a skill asked for twice. An explicit "nice to have" is the more specific
    statement and beats a generic required list ("Good to Have: TDD" in the seed JD);
    otherwise the stronger kind wins."""
    if PREFERRED in (old, new):
        return PREFERRED
    return old if RANK[old] >= RANK[new] else new


def _concrete_skill_namer(tax: Taxonomy) -> Callable[[str], bool]:
    """Whether a line names a concrete skill (a tool, language, platform: not "Soft skills",
    "Backend development" or "Communication"), for telling short requirements from headings."""
    matcher = matcher_for(tax)

    def names(text: str) -> bool:
        return any(
            not _is_abstract(h.skill_id, tax) and tax.skills[h.skill_id].category != "soft"
            for h in matcher.find(text, implied=False, list_spans=[(0, len(text))])
        )

    return names


def _is_abstract(sid: str, tax: Taxonomy) -> bool:
    skill = tax.skills[sid]
    return skill.abstract or skill.category in ABSTRACT_CATEGORIES


def _drop_category_prefix(text: str, hits: list[SkillHit], tax: Taxonomy) -> list[SkillHit]:
    """In "Containerization – Docker" keep Docker: the prefix only names its category.

    Likewise "cloud platforms (AWS, Azure)": an abstract skill implied by another skill
    on the same line is that skill's category, not a requirement of its own.
    """
    present = {h.skill_id for h in hits}
    implied_here = {i for sid in present for i in tax.implied_closure(sid)}
    hits = [h for h in hits if not (h.skill_id in implied_here and _is_abstract(h.skill_id, tax))]
    m = PREFIX_RE.match(text)
    if not m or len(m.group("prefix").split()) > 6:
        return hits
    cut = m.start("rest")
    rest = [h for h in hits if h.start >= cut]
    if not rest:
        return hits
    # "SQL & Database Management – PostgreSQL": the prefix's abstract skill is the heading. A named
    # one is asked for, even when what follows belongs to it ("Postgres administration – PgBouncer").
    return [h for h in hits if h.start >= cut or not _is_abstract(h.skill_id, tax)]


def _merge_groups(groups: list[_Mention]) -> list[_Mention]:
    """Groups sharing a member describe the same choice: union them."""
    merged: list[_Mention] = []
    for g in sorted(groups, key=lambda m: m.order):
        for other in merged:
            if set(g.skills) & set(other.skills):
                other.skills += [s for s in g.skills if s not in other.skills]
                other.kind = _combine(other.kind, g.kind)
                other.count += 1
                other.extra_sources.append(g.source)
                break
        else:
            merged.append(_Mention(list(g.skills), g.kind, g.source, g.section, g.order))
    # a second pass catches chains (A~B then C~B merged into A's group)
    changed = True
    while changed:
        changed = False
        for i, a in enumerate(merged):
            for b in merged[i + 1 :]:
                if set(a.skills) & set(b.skills):
                    a.skills += [s for s in b.skills if s not in a.skills]
                    a.kind = _combine(a.kind, b.kind)
                    merged.remove(b)
                    changed = True
                    break
            if changed:
                break
    return merged


def _skill_requirements(lines: list[JobLine], tax: Taxonomy) -> list[Requirement]:
    matcher = matcher_for(tax)
    has_sections = any(ln.section in ("required", "preferred", "soft") for ln in lines)
    singles: dict[str, _Mention] = {}
    groups: list[_Mention] = []
    order = 0
    for line in (clause for whole in lines for clause in clauses(whole)):
        kind = _line_kind(line, has_sections)
        if kind is None:
            continue
        # a bullet under "Requirements" lists skills, so "Go or Rust" there means the languages
        listed = [(0, len(line.text))] if line.section in ("required", "preferred") else []
        hits = matcher.find(line.text, implied=False, list_spans=listed)
        edu = find_education(line.text)
        if edu:  # "degree in Computer Science": fields of study are not skills to screen on
            hits = [
                h for h in hits if not any(f.lower() in line.text[h.start :].lower()[:60] for f in edu.fields)
            ]
        if not hits:
            continue
        hits = _drop_category_prefix(line.text, hits, tax)
        if line.section == "soft":
            hits = [h for h in hits if tax.skills[h.skill_id].category == "soft"]
        line_groups, line_singles = group_hits(line.text, hits)
        demoted = _employer_domains(line, kind, hits, tax)
        for members in line_groups:
            order += 1
            group_kind = "mention" if demoted.issuperset(members) else kind
            groups.append(_Mention(members, group_kind, line.text, line.section, order))
        for sid in line_singles:
            order += 1
            sid_kind = "mention" if sid in demoted else kind
            m = singles.get(sid)
            if m is None:
                singles[sid] = _Mention([sid], sid_kind, line.text, line.section, order)
            else:
                m.count += 1
                m.extra_sources.append(line.text)
                m.kind = _combine(m.kind, sid_kind)
    merged = _merge_groups(groups)
    final_groups: list[_Mention] = []
    for g in merged:
        # a skill also asked for on its own is its own requirement ("PostgreSQL, MySQL" then
        # "(PostgreSQL, MySQL)" are two requirements, not a choice)
        members = [s for s in g.skills if not (s in singles and singles[s].kind == REQUIRED)]
        for s in members:
            singles.pop(s, None)
        if len(members) >= 2:
            g.skills = members
            final_groups.append(g)
        elif len(members) == 1:
            singles[members[0]] = _Mention(members, g.kind, g.source, g.section, g.order, g.count)
    mentions = sorted([*singles.values(), *final_groups], key=lambda m: m.order)
    reqs: list[Requirement] = []
    for m in mentions:
        kind = REQUIRED if m.kind == REQUIRED else PREFERRED
        soft = all(tax.skills[s].category == "soft" for s in m.skills)
        weight = WEIGHTS[("soft-" if soft else "") + kind]
        if len(m.skills) == 1:
            rid, label = f"skill:{m.skills[0]}", tax.name(m.skills[0])
        else:
            rid = "oneof:" + "+".join(sorted(m.skills))
            label = "One of " + " / ".join(tax.name(s) for s in m.skills)
        reqs.append(
            Requirement(
                id=rid,
                type="skill",
                kind=kind,
                label=label,
                weight=weight,
                skills=list(m.skills),
                params={"mentions": m.count},
                source=m.source,
                section=m.section,
                category="soft" if soft else tax.skills[m.skills[0]].category,
            )
        )
    rank = {REQUIRED: 0, PREFERRED: 1}
    reqs.sort(key=lambda r: (r.category == "soft", rank[r.kind]))
    return reqs


def _employer_domains(line: JobLine, kind: str, hits: list[SkillHit], tax: Taxonomy) -> set[str]:
    """Domains that a required line of opening prose names without asking for them (see DOMAIN)."""
    if kind != REQUIRED or line.section != "intro" or line.is_bullet or REQUIRED_CUE_RE.search(line.text):
        return set()
    return {h.skill_id for h in hits if tax.skills[h.skill_id].category == DOMAIN}


def _years(lines: list[JobLine]) -> tuple[list[YearsSpec], int | None, str]:
    specs: list[YearsSpec] = []
    preferred: set[int] = set()  # indexes of specs only stated as a plus ("Preferred: 5 years")
    for line in lines:
        if line.section == "about":
            continue
        wished = line.section == "preferred" or PREFERRED_CUE_RE.search(line.text) is not None
        for lo, hi in find_years(line.text):
            same = next((i for i, s in enumerate(specs) if s.min == lo and s.max == hi), None)
            if same is None:
                specs.append(YearsSpec(lo, hi, line.text))
                if wished:
                    preferred.add(len(specs) - 1)
            elif not wished:
                preferred.discard(same)
    if not specs:
        return [], None, ""
    # the minimum qualifications decide; years only wished for count when nothing else is said
    pool = [i for i in range(len(specs)) if i not in preferred] or list(range(len(specs)))
    used = max(pool, key=lambda i: (specs[i].min or 0, -i))
    note = ""
    if len(specs) > 1:
        stated = " and ".join(_years_label(s) for s in specs)
        why = "the higher minimum" if len(pool) == len(specs) else "the one required, not preferred"
        note = f"The JD states {stated}; the score uses {_years_label(specs[used])} ({why})."
    return specs, used, note


def _years_label(spec: YearsSpec) -> str:
    if spec.max is not None:
        return f"{spec.min:g}-{spec.max:g} years"
    return f"{spec.min:g}+ years"


def _education(lines: list[JobLine]) -> list[tuple[EducationSpec, str]]:
    specs: list[tuple[EducationSpec, str]] = []
    for line in lines:
        if line.section == "about":
            continue
        spec = find_education(line.text)
        if spec is None:
            continue
        kind = PREFERRED if (line.section == "preferred" or PREFERRED_CUE_RE.search(line.text)) else REQUIRED
        specs.append((spec, kind))
    return specs


def _degree_label(spec: EducationSpec) -> str:
    names = {
        "highschool": "High school",
        "associate": "Associate's",
        "diploma": "Diploma",
        "bachelor": "Bachelor's",
        "master": "Master's",
        "mba": "MBA",
        "phd": "PhD",
    }
    levels = sorted(set(spec.levels), key=lambda lv: DEGREE_LEVELS[lv])
    label = " or ".join(names[lv] for lv in levels)
    if spec.fields:
        label += " in " + ", ".join(spec.fields)
        if spec.related_ok:
            label += " or related"
    return label


def _non_skill_requirements(text: str, lines: list[JobLine], title: str) -> tuple[list[Requirement], dict]:
    reqs: list[Requirement] = []
    screening: dict[str, object] = {}
    specs, used, _ = _years(lines)
    if used is not None:
        spec = specs[used]
        upper = next((s.max for s in specs if s.max is not None), None)
        reqs.append(
            Requirement(
                id="years",
                type="years",
                kind=REQUIRED,
                label=_years_label(spec) + " of experience",
                weight=WEIGHTS["years"],
                params={"min": spec.min, "max": upper},
                source=spec.source,
            )
        )
    edu = _education(lines)
    required = [s for s, k in edu if k == REQUIRED]
    preferred = [s for s, k in edu if k == PREFERRED]
    if required:
        spec = min(required, key=lambda s: DEGREE_LEVELS[s.min_level])
        reqs.append(_degree_req("degree", REQUIRED, spec, WEIGHTS["degree"]))
    for i, spec in enumerate(preferred):
        if required and DEGREE_LEVELS[spec.min_level] <= DEGREE_LEVELS[reqs[-1].params["min_level"]]:
            continue
        reqs.append(_degree_req(f"degree-preferred-{i + 1}", PREFERRED, spec, WEIGHTS["degree-preferred"]))
    for line in lines:
        t = line.text
        mode = find_work_mode(t)
        if mode and "work_mode" not in screening:
            screening["work_mode"] = mode
            screening["work_mode_source"] = t
        m = LOCATION_LABEL_RE.match(t)
        if m and "location" not in screening:
            screening["location"] = m.group(1).strip()
            screening["places"] = clean_places(m.group(1))
        clearance = find_clearance(t)
        if clearance and "clearance" not in screening:
            screening["clearance"] = {"level": clearance, "source": t}
        if CITIZEN_RE.search(t) and "citizenship" not in screening:
            screening["citizenship"] = {"needs": "us-citizen", "source": t}
        elif AUTH_RE.search(t) and "authorization" not in screening:
            screening["authorization"] = {"needs": "work-authorization", "source": t}
        grad = find_graduation(t)
        if grad and "graduation" not in screening:
            screening["graduation"] = {**grad, "source": t}
        elif grad:
            g = screening["graduation"]
            g["years"] = sorted(set(g["years"]) | set(grad["years"]))
            g["students"] = g["students"] or grad["students"]
    seniority = find_seniority(title)
    if seniority:
        screening["seniority"] = seniority
    if "clearance" in screening:
        c = screening["clearance"]
        reqs.append(
            Requirement(
                "clearance",
                "clearance",
                REQUIRED,
                f"Security clearance ({c['level']})",
                WEIGHTS["clearance"],
                params={"level": c["level"]},
                source=c["source"],
            )
        )
    if "citizenship" in screening:
        c = screening["citizenship"]
        reqs.append(
            Requirement(
                "authorization",
                "authorization",
                REQUIRED,
                "US citizenship",
                WEIGHTS["authorization"],
                params={"needs": "us-citizen"},
                source=c["source"],
            )
        )
    elif "authorization" in screening:
        c = screening["authorization"]
        reqs.append(
            Requirement(
                "authorization",
                "authorization",
                REQUIRED,
                "Work authorization",
                WEIGHTS["authorization"],
                params={"needs": "work-authorization"},
                source=c["source"],
            )
        )
    if "graduation" in screening:
        g = screening["graduation"]
        label = "Graduating " + ", ".join(str(y) for y in g["years"]) if g["years"] else "Current student"
        reqs.append(
            Requirement(
                "graduation",
                "graduation",
                REQUIRED,
                label,
                WEIGHTS["graduation"],
                params={"years": g["years"], "students": g["students"]},
                source=g["source"],
            )
        )
    if "work_mode" in screening and screening["work_mode"] != "remote":
        places = list(screening.get("places") or [])
        where = " or ".join(places)
        reqs.append(
            Requirement(
                "location",
                "location",
                PREFERRED,
                f"{str(screening['work_mode']).title()}{' in ' + where if where else ''}",
                WEIGHTS["location"],
                params={"mode": screening["work_mode"], "places": places},
                source=str(screening["work_mode_source"]),
            )
        )
    if seniority:
        reqs.append(
            Requirement(
                "seniority",
                "seniority",
                PREFERRED,
                f"Seniority: {seniority}",
                WEIGHTS["seniority"],
                params={"level": seniority},
                source=title,
            )
        )
    return reqs, screening


def _degree_req(rid: str, kind: str, spec: EducationSpec, weight: int) -> Requirement:
    return Requirement(
        id=rid,
        type="degree",
        kind=kind,
        label=_degree_label(spec),
        weight=weight,
        params={
            "min_level": spec.min_level,
            "levels": spec.levels,
            "fields": spec.fields,
            "related_ok": spec.related_ok,
        },
        source=spec.source,
    )


def parse_job(text: str, taxonomy: Taxonomy | None = None) -> Job:
    """Structured requirements from a JD's text; never raises on any string."""
    tax = taxonomy or builtin_taxonomy()
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    lines = split_lines(text, _concrete_skill_namer(tax))
    title = job_title(text, lines)
    reqs = _skill_requirements(lines, tax)
    extra, screening = _non_skill_requirements(text, lines, title)
    specs, used, note = _years(lines)
    edu = _education(lines)
    education = None
    if edu:
        primary = next((s for s, k in edu if k == REQUIRED), edu[0][0])
        education = {**asdict(primary), "kind": next((k for s, k in edu if s is primary), REQUIRED)}
    related = {sid: list(tax.related(sid)) for r in reqs for sid in r.skills}
    return Job(
        title=title,
        related=related,
        requirements=reqs + extra,
        years=specs,
        years_used=used,
        years_note=note,
        education=education,
        screening=screening,
        parser_version=PARSER_VERSION,
    )


__all__ = ["PARSER_VERSION", "WEIGHTS", "parse_job", "IGNORED"]
