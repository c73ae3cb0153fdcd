"""JD parsing beyond the seed: the phrasings recruiters actually write."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desk.model import PREFERRED, REQUIRED
from desk.parse.job import parse_job


def req(job, *skills):
    return next(r for r in job.requirements if r.type == "skill" and set(r.skills) == set(skills))


JD = """Senior Data Engineer

Requirements:
- 5 to 8 years of experience in data engineering
- Python or Scala
- Experience with AWS/GCP
- Kafka, Spark, and Airflow
- PhD required

Nice to have:
- dbt
- Snowflake is a plus

Location: Berlin, Germany (hybrid)
Must be authorized to work in the EU. Active Secret clearance.
"""


def test_ranges_groups_and_preferences() -> None:
    job = parse_job(JD)
    assert job.title == "Senior Data Engineer"
    assert [(y.min, y.max) for y in job.years] == [(5, 8)]
    assert req(job, "python", "scala").kind == REQUIRED
    assert req(job, "aws", "google-cloud").kind == REQUIRED
    for sid in ("kafka", "spark", "airflow"):
        assert req(job, sid).kind == REQUIRED
    assert req(job, "dbt").kind == PREFERRED
    assert req(job, "snowflake").kind == PREFERRED


def test_screening_requirements() -> None:
    job = parse_job(JD)
    by_type = {r.type: r for r in job.requirements}
    assert by_type["degree"].params["min_level"] == "phd"
    assert by_type["clearance"].params["level"] == "secret"
    assert by_type["authorization"].params["needs"] == "work-authorization"
    assert by_type["location"].params == {"mode": "hybrid", "places": ["Berlin, Germany"]}
    assert by_type["seniority"].params["level"] == "senior"


def test_plus_years_and_eg_groups() -> None:
    job = parse_job(
        "Backend Engineer\nMust have:\n* 3+ years building APIs\n* A cloud provider (e.g. AWS, Azure)\n"
    )
    assert [(y.min, y.max) for y in job.years] == [(3, None)]
    assert req(job, "aws", "azure").kind == REQUIRED


def test_jd_without_sections_reads_everything_as_required() -> None:
    job = parse_job("We need a developer who knows Django and PostgreSQL, with 2 years of experience.")
    assert req(job, "django").kind == REQUIRED
    assert req(job, "postgresql").kind == REQUIRED


def test_graduation_window() -> None:
    job = parse_job("ML Intern\nRequirements\n- 2027 graduates only\n- Current students only\n- PyTorch")
    grad = next(r for r in job.requirements if r.type == "graduation")
    assert grad.params["years"] == [2027]


def test_empty_and_garbage() -> None:
    assert parse_job("").requirements == []
    assert parse_job("\x00\x01 ...").title


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_never_crashes(text: str) -> None:
    job = parse_job(text)
    assert all(r.weight >= 0 for r in job.requirements)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Requirements:",
                "Nice to have",
                "- Python or Go",
                "* 4-6 years",
                "(e.g., AWS, Azure)",
                "Kubernetes/k8s",
                "Bachelor's or Master's in CS",
                "Good to Have",
                "• Soft Skills",
                "REST APIs",
                "Java, JavaScript",
                "",
                "Location: Remote",
                "PhD required",
                "5+ years of experience",
                "at least one of: Django, Flask",
            ]
        ),
        max_size=40,
    )
)
def test_never_crashes_on_jd_like_text(lines: list[str]) -> None:
    parse_job("\n".join(lines))


MARKDOWN_JD = """# Senior Platform Engineer (m/w/d)

## What you'll need
- 6+ yrs building distributed systems
- Go **or** Rust in production

## Nice to have
- Kafka or NATS

**Location:** Berlin (hybrid) – relocation support. Visa sponsorship available.
"""


def test_markdown_jd() -> None:
    job = parse_job(MARKDOWN_JD)
    assert job.title == "Senior Platform Engineer"
    assert req(job, "go", "rust").kind == REQUIRED  # ambiguous names count in a requirements list
    assert req(job, "kafka", "nats").kind == PREFERRED
    location = next(r for r in job.requirements if r.type == "location")
    assert location.params == {"mode": "hybrid", "places": ["Berlin"]}


GERMAN_JD = """Senior Backend Entwickler (m/w/d) – Python

Dein Profil
- Mindestens 5 Jahre Berufserfahrung in der Backend-Entwicklung
- Sehr gute Kenntnisse in Python, PostgreSQL und Docker
- Abgeschlossenes Studium der Informatik oder vergleichbare Ausbildung
- Erfahrung mit Kafka oder RabbitMQ

Wünschenswert
- Kenntnisse in Go
"""


def test_german_jd_years_degree_and_alternatives() -> None:
    job = parse_job(GERMAN_JD)
    assert [(y.min, y.max) for y in job.years] == [(5, None)]
    assert job.education is not None
    assert (job.education["min_level"], job.education["fields"]) == ("bachelor", ["Informatik"])
    assert req(job, "kafka", "rabbitmq").kind == REQUIRED  # "oder": one of the two
    assert req(job, "go").kind == PREFERRED
    skills = {s for r in job.requirements if r.type == "skill" for s in r.skills}
    assert "informatica" not in skills  # "Informatik" is the subject, not a misspelt ETL tool


def test_years_in_french_and_spanish() -> None:
    fr = parse_job(
        "Développeur Python\n\nProfil\n- Au moins trois ans d'expérience en Python\n- Bac+5 en informatique\n"
    )
    assert [(y.min, y.max) for y in fr.years] == [(3, None)]
    assert fr.education is not None and fr.education["min_level"] == "master"
    es = parse_job("Desarrollador Java\n\nRequisitos\n- 3-5 años de experiencia con Java o Kotlin\n")
    assert [(y.min, y.max) for y in es.years] == [(3, 5)]
    assert req(es, "java", "kotlin").kind == REQUIRED


def test_startup_headings_what_you_bring_and_bonus_points() -> None:
    job = parse_job(
        "# Backend Engineer\n\n## What you'll do\n* Own our FastAPI services\n\n"
        "## What you'll bring\n* 4+ yrs building web backends in Python\n* Comfortable with Docker\n\n"
        "## Bonus points\n* Kubernetes\n"
    )
    assert req(job, "docker").kind == REQUIRED
    assert req(job, "kubernetes").kind == PREFERRED
    assert req(job, "fastapi").kind == PREFERRED  # a responsibility, not a requirement


def test_years_in_italian_portuguese_and_dutch() -> None:
    from desk.parse.job_facts import find_years

    assert find_years("Almeno 3 anni di esperienza in Python") == [(3, None)]
    assert find_years("Pelo menos 5 anos de experiência") == [(5, None)]
    assert find_years("3-5 jaar ervaring met Java") == [(3, 5)]


@pytest.mark.parametrize(
    ("line", "levels", "fields"),
    [
        ("Qualification: B.E/B.Tech/MCA", ["master", "bachelor"], []),
        ("Education: BE/BTech in Computer Science or equivalent", ["bachelor"], ["Computer Science"]),
        ("Qualification: Any Graduate", ["bachelor"], []),
        ("Must have: Graduate in any discipline", ["bachelor"], []),
        ("UG: B.Tech/B.E. in Any Specialization", ["bachelor"], []),
        ("Qualification: M.E/M.Tech", ["master"], []),
    ],
)
def test_indian_degree_requirements(line: str, levels: list[str], fields: list[str]) -> None:
    """Indian JDs write degrees joined by slashes, without "degree": each was no requirement at all."""
    job = parse_job(f"Python Developer\n\nRequirements:\n- Python\n- {line}\n")
    [degree] = [r for r in job.requirements if r.type == "degree"]
    assert (degree.params["levels"], degree.params["fields"], degree.kind) == (levels, fields, REQUIRED)


@pytest.mark.parametrize(
    "line", ["You will be working with our team", "PG: Any Postgraduate", "Candidates must be based in Pune"]
)
def test_no_degree_from_the_verb_be(line: str) -> None:
    job = parse_job(f"Python Developer\n\nRequirements:\n- Python\n- {line}\n")
    assert [r for r in job.requirements if r.type == "degree"] == []


def test_a_range_from_zero_years_is_a_junior_range() -> None:
    """ "0-2 years" read as "2+ years": every fresher scored as short of experience."""
    job = parse_job("Junior Python Developer\n\nRequirements:\n- Candidates with 0-2 years of experience\n")
    [years] = [r for r in job.requirements if r.type == "years"]
    assert (years.label, years.params) == ("0-2 years of experience", {"min": 0.0, "max": 2.0})


def test_inline_labels_under_one_heading_decide_their_lines() -> None:
    """Indian postings label their lists under a single "Job Description:" heading; every
    mandatory skill had been read as a nice-to-have."""
    job = parse_job(
        "Java Full Stack Developer\nExperience: 4-7 Yrs\n\nJob Description:\n\n"
        "Mandatory Skills: Java 8+, Spring Boot, Microservices, Angular\n\n"
        "Good to have: AWS, Docker, Kubernetes\n\nSecondary skills: Kafka\n"
    )
    kinds = {s: r.kind for r in job.requirements if r.type == "skill" for s in r.skills}
    assert {s: kinds[s] for s in ("java", "spring-boot", "angular")} == dict.fromkeys(
        ("java", "spring-boot", "angular"), REQUIRED
    )
    assert {s: kinds[s] for s in ("aws", "docker", "kafka")} == dict.fromkeys(
        ("aws", "docker", "kafka"), PREFERRED
    )


@pytest.mark.parametrize(
    "line",
    [
        "A degree is NOT essential – they care about what you've built",
        "We don't require a degree.",
        "No degree requirements. We care about your portfolio.",
    ],
)
def test_a_degree_said_not_to_be_needed_is_no_requirement(line: str) -> None:
    job = parse_job(f"Frontend Engineer\n\nWhat we're looking for:\n- React\n- {line}\n")
    assert [r for r in job.requirements if r.type == "degree"] == []


def test_a_postings_particulars_and_the_employers_domain_are_not_requirements() -> None:
    """An agency's UK post: "Posted by: ... Recruitment" made Recruiting a required skill, the
    employer's "fintech" in the opening prose made Fintech one, and the unheaded "The tech:"
    list left React (a cased word needing context) out of "React or Angular"."""
    job = parse_job(
        "Senior .NET Developer – Fintech – Hybrid\n\nPosted by: Harrington Blake Recruitment\n"
        "Salary: £70,000 + pension\n\nOur client, an award-winning Manchester fintech, is looking for "
        "a Senior .NET Developer to join their Lending Platform squad.\n\nThe tech:\n"
        "• C# / .NET 8 – must have\n• SQL Server – must have\n• React or Angular – nice to have\n\n"
        "What they need from you:\n• 5+ years' commercial experience with C#\n"
    )
    kinds = {s: r.kind for r in job.requirements if r.type == "skill" for s in r.skills}
    assert "recruiting" not in kinds
    assert kinds["fintech"] == PREFERRED
    assert (kinds["csharp"], kinds["sql-server"]) == (REQUIRED, REQUIRED)
    assert (kinds["react"], kinds["angular"]) == (PREFERRED, PREFERRED)


def test_a_domain_asked_for_in_the_requirements_stays_required() -> None:
    job = parse_job("Backend Engineer\n\nRequirements:\n- Python\n- Experience in fintech\n")
    kinds = {s: r.kind for r in job.requirements if r.type == "skill" for s in r.skills}
    assert kinds["fintech"] == REQUIRED


def test_a_form_to_fill_in_is_no_section() -> None:
    """An Indian agency mail ends with blanks to fill in; "Preferred Location:" among them had
    opened a nice-to-have section, and every skill above became a plus."""
    job = parse_job(
        "Senior .NET Developer\n\nMandatory skills : C#, ASP.NET Core\n\nJob Description:\n"
        "1. 5+ years of hands-on experience in C# and SQL Server.\n2. Experience in Entity Framework.\n\n"
        "Please share below details:\nFull Name:\nCurrent CTC:\nPreferred Location:\nNotice Period:\n"
    )
    kinds = {s: r.kind for r in job.requirements if r.type == "skill" for s in r.skills}
    assert {kinds["csharp"], kinds["sql-server"], kinds["entity-framework"]} == {REQUIRED}


def test_each_sentence_of_a_one_paragraph_posting_decides_for_itself() -> None:
    job = parse_job(
        "Founding Full-Stack Engineer @ Carewell (YC W24) — SF or remote, we're hiring our first engineers\n\n"
        "Tiny team, big problem. Our stack is TypeScript end to end: React on the front, Node on the back, "
        "Postgres via Prisma, all deployed on Vercel (you don't need to know our infra, we'll show you). "
        "You should be really comfortable with TypeScript, React and Node, and know your way around Postgres. "
        "Prisma experience is a plus but you'll pick it up in a week. We don't care about degrees.\n"
    )
    kinds = {s: r.kind for r in job.requirements if r.type == "skill" for s in r.skills}
    assert job.title == "Founding Full-Stack Engineer"
    assert {s: kinds[s] for s in ("typescript", "react", "nodejs", "postgresql")} == dict.fromkeys(
        ("typescript", "react", "nodejs", "postgresql"), REQUIRED
    )
    assert (kinds["prisma"], kinds["vercel"]) == (PREFERRED, PREFERRED)


def test_years_only_preferred_do_not_outweigh_the_minimum() -> None:
    job = parse_job(
        "Embedded Engineer\n\nMinimum qualifications:\n- 2 years of experience with embedded C.\n\n"
        "Preferred qualifications:\n- 5 years of experience with embedded software development.\n"
    )
    [used] = [r for r in job.requirements if r.type == "years"]
    assert used.params == {"min": 2.0, "max": None} or used.params["min"] == 2.0
    assert "required, not preferred" in job.years_note


def test_headings_in_portuguese_and_spanish() -> None:
    job = parse_job(
        "Desenvolvedora Back-end Node.js\n\nResponsabilidades\n- Manter APIs em Node.js\n\n"
        "Requisitos\n- Node.js e TypeScript\n- Docker\n\nDiferenciais\n- Terraform\n\nBenefícios\n- Gympass\n"
    )
    kinds = {s: r.kind for r in job.requirements if r.type == "skill" for s in r.skills}
    assert (kinds["typescript"], kinds["docker"], kinds["terraform"]) == (REQUIRED, REQUIRED, PREFERRED)


def test_a_named_skill_before_a_dash_is_asked_for() -> None:
    """ "Postgres administration – ..., PgBouncer" lost Postgres as PgBouncer's category."""
    job = parse_job(
        "DBA\n\nRequirements:\n- Strong Postgres (v13+) administration - upgrades, replication, PgBouncer\n"
    )
    kinds = {s: r.kind for r in job.requirements if r.type == "skill" for s in r.skills}
    assert (kinds["postgresql"], kinds["pgbouncer"]) == (REQUIRED, REQUIRED)


def test_a_cue_in_one_field_of_a_subject_line_stays_there() -> None:
    job = parse_job(
        "Subject: Urgent Opening || Senior .NET Developer || Pune || Immediate joiners preferred\n\n"
        "Mandatory skills : C#, .NET Core\n"
    )
    kinds = {s: r.kind for r in job.requirements if r.type == "skill" for s in r.skills}
    assert kinds["dotnet"] == REQUIRED


def test_a_plus_in_an_aside_is_a_plus_for_what_the_aside_names() -> None:
    job = parse_job(
        "DevOps Engineer\n\nRequirements\n"
        "- Deep AWS knowledge - GCP is a bonus\n"
        "- Kubernetes in production (bonus: Helm)\n"
        "- Terraform (bonus: Pulumi)\n"
        "- Observability: Prometheus + Grafana (Datadog experience = bonus points)\n"
        "- Java (preferred) or Go\n"
        "- Experience with Ansible is a plus\n"
    )
    for sid in ("aws", "kubernetes", "terraform", "prometheus", "grafana"):
        assert req(job, sid).kind == REQUIRED, sid
    for sid in ("google-cloud", "helm", "pulumi", "datadog", "ansible"):
        assert req(job, sid).kind == PREFERRED, sid
    # an aside that names nothing but the cue does not split its line
    assert (req(job, "java").kind, req(job, "go").kind) == (PREFERRED, PREFERRED)


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Requirments", REQUIRED),
        ("Qualifcations:", REQUIRED),
        ("Preffered", PREFERRED),
        ("Prefered Qualifications", PREFERRED),
    ],
)
def test_a_misspelt_heading_still_opens_its_section(heading: str, kind: str) -> None:
    job = parse_job(
        f"Cloud Engineer\n\nMust have\n- Python\n\nResponsibilities\n- Run our platform\n\n{heading}\n"
        "- Terraform\n- Kubernetes\n"
    )
    assert req(job, "terraform").kind == kind
    assert req(job, "kubernetes").kind == kind


@pytest.mark.parametrize(
    ("line", "years"),
    [
        ("Two (2) years of professional experience administering Linux", (2, None)),
        ("Four (4) or more years of experience in IT", (4, None)),
        ("5 or more years of experience", (5, None)),
        ("Python: 3 years (Required)", (3, None)),
    ],
)
def test_years_written_the_long_way(line: str, years: tuple) -> None:
    job = parse_job(f"Systems Administrator\n\nQualifications\n- {line}\n")
    assert [(y.min, y.max) for y in job.years] == [years]


def test_per_skill_screening_years_give_the_largest_required() -> None:
    job = parse_job(
        "Data Engineer\n\nExperience:\n* Python: 3 years (Required)\n* dbt: 1 year (Required)\n"
        "* AWS: 5 years (Preferred)\n"
    )
    assert (job.years[job.years_used].min, job.years[job.years_used].max) == (3, None)


@pytest.mark.parametrize(
    ("line", "level"),
    [
        ("Minimum Diploma in Computer Science or related discipline", "diploma"),
        ("Diploma or degree in IT", "diploma"),
        ("HBO werk- en denkniveau", "bachelor"),
        ("Afgeronde WO-opleiding Informatica", "master"),
        ("High school diploma or GED", "highschool"),
    ],
)
def test_degree_levels_beyond_bachelor_and_master(line: str, level: str) -> None:
    job = parse_job(f"Engineer\n\nRequirements\n- {line}\n- Python\n")
    assert job.education is not None and job.education["min_level"] == level


def test_a_skill_level_word_is_no_degree() -> None:
    """JustJoin.it lists each skill with its level on the next line: "Python" then "master"."""
    job = parse_job("Senior Python Developer\n\nTech stack\nPython\nmaster\nDjango\nadvanced\n")
    assert job.education is None
    assert req(job, "python").kind == REQUIRED


def test_numbered_items_that_look_like_headings_stay_items() -> None:
    job = parse_job(
        "Backend Engineer\n\nMust have:\n1.  At least 5 years of backend development\n2.  Experience with PostgreSQL\n"
        "3.  Experience with Docker\n\nGood to have:\n1.  Experience with Kubernetes\n2.  Experience with Redis\n"
    )
    assert (req(job, "postgresql").kind, req(job, "docker").kind) == (REQUIRED, REQUIRED)
    assert (req(job, "kubernetes").kind, req(job, "redis").kind) == (PREFERRED, PREFERRED)


def test_naukri_desired_candidate_profile_is_what_the_job_asks() -> None:
    job = parse_job(
        "Senior Java Developer\n\nRoles and Responsibilities\n- Build REST services\n\nDesired Candidate Profile\n"
        "- Strong hands on experience in Core Java\n- Experience with Kafka is an added advantage\n"
    )
    assert req(job, "java").kind == REQUIRED
    assert req(job, "kafka").kind == PREFERRED


@pytest.mark.parametrize(
    ("text", "plus"),
    [
        (
            "Sehr gute Kenntnisse in C#\nKenntnisse in Angular wünschenswert\nErfahrung mit Docker von Vorteil\n"
            "Idealerweise erste Erfahrungen mit RabbitMQ",
            ("angular", "docker", "rabbitmq"),
        ),
        (
            "Maîtrise de C#\nUne expérience avec Angular serait un plus\nDocker apprécié",
            ("angular", "docker"),
        ),
        ("Experiencia con C#\nSe valorará Angular\nDocker deseable", ("angular", "docker")),
        ("Ervaring met C#\nErvaring met Angular is een pré\nDocker is een pluspunt", ("angular", "docker")),
        ("Znajomość C#\nMile widziane: Angular, Docker", ("angular", "docker")),
    ],
)
def test_a_plus_said_in_other_languages(text: str, plus: tuple) -> None:
    job = parse_job(f"Softwareentwickler\n\nAnforderungen\n{text}\n")
    assert req(job, "csharp").kind == REQUIRED
    for sid in plus:
        assert req(job, sid).kind == PREFERRED, sid


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Softwareentwickler C# / .NET (m/w/d)\nHamburg\n", "Softwareentwickler C# / .NET"),
        ("Data Engineer Senior (H/F)\nParis\n", "Data Engineer Senior"),
        ("🚀 We're hiring! Senior Data Engineer\n\nJoin us.\n", "Senior Data Engineer"),
        (
            "priya_t 3 hours ago | parent | next [–]\n\nTessellate Robotics | Senior Embedded Rust Engineer | "
            "Boston, MA or REMOTE | Full-time | $170k-$210k + equity\n\nWe build drones. You'd own the firmware.\n",
            "Senior Embedded Rust Engineer",
        ),
    ],
)
def test_titles_without_their_decoration(text: str, title: str) -> None:
    assert parse_job(text).title == title


def test_a_product_of_a_vendor_is_not_the_vendors_database() -> None:
    """ "Oracle GoldenGate" as a plus must not make the required Oracle database a plus."""
    job = parse_job(
        "Senior DBA\n\nMust Have:\n*Oracle 19c - RAC, Data Guard, RMAN backups\n*Linux (RHEL)\n\n"
        "Nice to have:\n*Oracle GoldenGate\n"
    )
    assert req(job, "oracle-db").kind == REQUIRED
    assert req(job, "oracle-goldengate").kind == PREFERRED
    assert req(job, "oracle-rac").kind == REQUIRED
