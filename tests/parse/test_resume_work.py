"""Work entries, years of experience and gaps (desk.parse.resume_work, resume_years)."""

from __future__ import annotations

from datetime import date

import pytest

from desk.model import WorkEntry
from desk.parse.resume import parse_resume

TODAY = date(2026, 12, 1)


def work(body: str, heading: str = "EXPERIENCE") -> list[WorkEntry]:
    text = f"Jane Doe\njane@example.com\n\n{heading}\n{body}"
    return parse_resume(text, today=TODAY).work


def triples(entries: list[WorkEntry]) -> list[tuple[str | None, str | None, str | None, str | None]]:
    return [(w.title, w.company, w.start, w.end) for w in entries]


@pytest.mark.parametrize(
    ("line", "title", "company"),
    [
        ("Senior Engineer, Acme Corp — Jan 2019 – Present", "Senior Engineer", "Acme Corp"),
        ("Senior Engineer at Acme Corp | Jan 2019 – Present", "Senior Engineer", "Acme Corp"),
        ("Acme Corp | Senior Engineer | Jan 2019 – Present", "Senior Engineer", "Acme Corp"),
        ("Acme Corp — Senior Engineer   Jan 2019 – Present", "Senior Engineer", "Acme Corp"),
        ("Data Analyst — Initech (Austin, TX)   Jan 2019 – Present", "Data Analyst", "Initech"),
        (
            "Software Engineer II — Lonestar Solar, Austin, TX (Jan 2019 – Present)",
            "Software Engineer II",
            "Lonestar Solar",
        ),
        (
            "Big Data Developer, Stratus Analytics Co., Ltd. — Jan 2019 – Present",
            "Big Data Developer",
            "Stratus Analytics Co., Ltd.",
        ),
        ("iOS Developer — Bluefin Media   Jan 2019 – Present", "iOS Developer", "Bluefin Media"),
        (
            "Werkstudent BI — Elbtal Logistik GmbH, Dresden   Jan 2019 – Present",
            "Werkstudent BI",
            "Elbtal Logistik GmbH",
        ),
    ],
)
def test_one_line_layouts(line: str, title: str, company: str) -> None:
    assert triples(work(line + "\n- did things\n")) == [(title, company, "2019-01", None)]


def test_stacked_layouts() -> None:
    body = """
Senior Software Engineer
Granite Harbor Financial, Boston, MA
May 2023 – Present
- shipped

Backend Engineer                                   Feb 2020 – Apr 2023
Juniper Health, Portland, OR
- built

Fernhill Analytics — Portland, OR
Software Engineer II
June 2016 to March 2019
- wrote
"""
    entries = work(body)
    assert triples(entries) == [
        ("Senior Software Engineer", "Granite Harbor Financial", "2023-05", None),
        ("Backend Engineer", "Juniper Health", "2020-02", "2023-04"),
        ("Software Engineer II", "Fernhill Analytics", "2016-06", "2019-03"),
    ]
    assert entries[0].location == "Boston, MA"
    assert entries[0].current and entries[0].end is None


def test_several_roles_at_one_company() -> None:
    body = """
Northgate Housing Association, Manchester
Senior Project Manager — Apr 2021 – Present
- led
IT Project Manager — Aug 2018 – Mar 2021
- delivered

Cobaltline Cloud — Seattle, WA
Staff Software Engineer, Core Platform          Mar 2022 – Present
  - led the platform
Senior Software Engineer, Billing               Apr 2019 – Feb 2022
  - rebuilt metering

Halden Retail Ltd, Stockport
Project Coordinator — Mar 2015 – Jul 2018
"""
    assert triples(work(body)) == [
        ("Senior Project Manager", "Northgate Housing Association", "2021-04", None),
        ("IT Project Manager", "Northgate Housing Association", "2018-08", "2021-03"),
        ("Staff Software Engineer", "Cobaltline Cloud", "2022-03", None),
        ("Senior Software Engineer", "Cobaltline Cloud", "2019-04", "2022-02"),
        ("Project Coordinator", "Halden Retail Ltd", "2015-03", "2018-07"),
    ]


def test_entry_spans_cover_header_and_bullets() -> None:
    text = (
        "Jane Doe\njane@example.com\n\nEXPERIENCE\n"
        "Acme Corp\nSenior Engineer — Jan 2020 – Present\n- led the team\n  and wrapped\n\n"
        "Engineer, Beta Labs — 2017 – 2019\n- coded\n"
    )
    first, second = parse_resume(text, today=TODAY).work
    assert text[first.start_offset : first.end_offset] == (
        "Acme Corp\nSenior Engineer — Jan 2020 – Present\n- led the team\n  and wrapped"
    )
    assert text[second.start_offset : second.end_offset] == "Engineer, Beta Labs — 2017 – 2019\n- coded"


def test_months_years_and_overlap() -> None:
    body = """
Engineer, Acme Inc — Jan 2019 – Mar 2019
Consultant, Beta LLC — Feb 2019 – Jun 2019
Freelance Developer — Self-employed — 2021 – 2022
"""
    r = parse_resume(f"Jane Doe\njane@x.com\n\nExperience\n{body}", today=TODAY)
    assert [w.months for w in r.work] == [3, 5, 24]
    assert r.years_experience == round((6 + 24) / 12, 1)  # Jan–Jun 2019 counted once, plus 2021–2022
    assert r.gaps == [{"start": "2019-07", "end": "2020-12", "months": 18}]


def test_present_counts_to_today() -> None:
    r = parse_resume("Jane Doe\n\nExperience\nEngineer, Acme Inc — Jan 2025 – Present\n", today=TODAY)
    assert r.work[0].months == 24
    assert r.years_experience == 2.0
    assert r.as_of == "2026-12"


def test_short_breaks_are_not_gaps() -> None:
    body = "Engineer, Acme Inc — Jan 2019 – Dec 2019\nEngineer, Beta Inc — Jun 2020 – Dec 2020\n"
    assert parse_resume(f"J D\n\nExperience\n{body}", today=TODAY).gaps == []  # 5 months


def test_impossible_ranges_are_flagged_and_not_counted() -> None:
    body = """
Engineer, Foo Inc — 2021 - 2019
Engineer, Bar Inc — Present - 2018
Engineer, Baz Inc — Jan 2030 - Present
Engineer, Qux Inc — Jan 2020 - Dec 2020
"""
    r = parse_resume(f"Jane Doe\njane@x.com\n\nExperience\n{body}", today=TODAY)
    assert [w.flags for w in r.work] == [["impossible-range"]] * 3 + [[]]
    assert [w.months for w in r.work] == [0, 0, 0, 12]
    assert r.years_experience == 1.0
    assert "impossible-range" in r.flags


def test_career_break_is_not_work_but_leaves_a_gap() -> None:
    body = """
Backend Engineer                                     Feb 2023 – Present
Juniper Health, Portland, OR
- rebuilt scheduling

Career break                                         Jul 2021 – Jan 2023
Full-time family caregiver. Kept skills current with a side project.

Software Engineer                                    Mar 2018 – Jun 2021
Tidewater Data, Seattle, WA
"""
    r = parse_resume(f"Jane Doe\n\nPROFESSIONAL EXPERIENCE\n{body}", today=TODAY)
    assert [w.company for w in r.work] == ["Juniper Health", "Tidewater Data"]
    assert r.gaps == [{"start": "2021-07", "end": "2023-01", "months": 19}]


def test_single_date_role() -> None:
    body = "Software Engineering Intern — Shopify — Summer 2025\nTeaching Assistant, Uni of X — 2024\n"
    assert triples(work(body)) == [
        ("Software Engineering Intern", "Shopify", "2025-06", "2025-06"),
        ("Teaching Assistant", "Uni of X", "2024", "2024"),
    ]


def test_german_resume() -> None:
    text = """LEBENSLAUF

Stefan Hoffmann
Berlin, Deutschland · +49 30 123456 · stefan@example.de

Berufserfahrung

Senior Data Engineer — Kiezkasse GmbH, Berlin
10/2021 – heute
• Aufbau einer Streaming-Plattform

Data Engineer — Nordlicht Versicherung AG, Hamburg
März 2017 – Sept. 2021

Ausbildung
Diplom-Informatiker, Technische Universität Dresden, 2010 – 2016
"""
    r = parse_resume(text, today=TODAY)
    assert r.name == "Stefan Hoffmann"
    assert r.location == "Berlin, Deutschland"
    assert [s.kind for s in r.sections] == ["experience", "education"]
    assert triples(r.work) == [
        ("Senior Data Engineer", "Kiezkasse GmbH", "2021-10", None),
        ("Data Engineer", "Nordlicht Versicherung AG", "2017-03", "2021-09"),
    ]
    assert r.work[0].current
    assert (r.education[0].level, r.education[0].graduation) == ("master", "2016")


@pytest.mark.parametrize(
    ("line", "title", "company"),
    [
        ("Senior Softwareentwickler, Siemens AG, München", "Senior Softwareentwickler", "Siemens AG"),
        ("Softwareentwickler, SAP SE, Walldorf", "Softwareentwickler", "SAP SE"),
        ("Teamleiterin Backend, Zalando SE, Berlin", "Teamleiterin Backend", "Zalando SE"),
        ("Ingénieure logiciel, Capgemini, Lyon", "Ingénieure logiciel", "Capgemini"),
        ("Sviluppatore backend, Satispay, Milano", "Sviluppatore backend", "Satispay"),
        # "at" in other languages
        ("Senior Backend Developer presso Satispay – Milano", "Senior Backend Developer", "Satispay"),
        ("Développeuse backend chez Doctolib, Paris", "Développeuse backend", "Doctolib"),
        ("Softwareentwickler bei SAP SE, Walldorf", "Softwareentwickler", "SAP SE"),
        ("Backend developer bij Bol.com, Utrecht", "Backend developer", "Bol.com"),
    ],
)
def test_titles_in_other_languages_and_compounds(line: str, title: str, company: str) -> None:
    """German compounds end in a title word ("Software-entwickler"); each language has its own words."""
    assert triples(work(f"{line}\n03/2019 – 02/2021\n- did things\n")) == [
        (title, company, "2019-03", "2021-02")
    ]


def test_a_stack_line_above_the_next_role_is_not_its_company() -> None:
    """A description line without a bullet ("Python, Django, Celery, PostgreSQL") ends the role above."""
    body = (
        "Backend Developer, Avast, Prague | 2017 – present\n"
        "Python, Django, Celery, PostgreSQL\n"
        "Junior Developer, Seznam.cz | 2014 – 2017\n"
    )
    assert triples(work(body)) == [
        ("Backend Developer", "Avast", "2017", None),
        ("Junior Developer", "Seznam.cz", "2014", "2017"),
    ]


def test_misspelt_first_heading_still_opens_the_section() -> None:
    text = "Jon Smyth\njon@example.com\n\nEXPERIANCE\nSoftware Engineer, Widgets Inc — 2016 - 2021\n\nSKILS\nPython\n"
    r = parse_resume(text, today=TODAY)
    assert [s.kind for s in r.sections] == ["experience", "skills"]
    assert triples(r.work) == [("Software Engineer", "Widgets Inc", "2016", "2021")]


def test_no_experience_heading_still_finds_titled_jobs() -> None:
    text = "Jane Doe\njane@x.com\n\nSenior Engineer, Acme Inc — 2019 – 2021\nBSc Physics, MIT, 2018\n"
    r = parse_resume(text, today=TODAY)
    assert triples(r.work) == [("Senior Engineer", "Acme Inc", "2019", "2021")]


@pytest.mark.parametrize(
    ("body", "seniority"),
    [
        ("Senior Backend Engineer, Acme Inc — 2024 – Present", "senior"),
        ("Sr. Developer, Acme Inc — 2024 – Present", "senior"),
        ("Staff Software Engineer, Acme Inc — 2024 – Present", "staff"),
        ("Tech Lead, Acme Inc — 2024 – Present", "staff"),
        ("Principal Engineer, Acme Inc — 2024 – Present", "principal"),
        ("Engineering Manager, Acme Inc — 2024 – Present", "manager"),
        ("Head of Data, Acme Inc — 2024 – Present", "manager"),
        ("Junior Developer, Acme Inc — 2024 – Present", "junior"),
        ("Graduate Developer, Acme Inc — 2024 – Present", "junior"),
        ("Software Engineer I, Acme Inc — 2022 – Present", "junior"),
        ("Software Engineer II, Acme Inc — 2023 – Present", "mid"),
        ("Software Engineer, Acme Inc — Jun 2025 – Present", "junior"),  # under two years
        ("Software Engineer, Acme Inc — 2023 – Present", "mid"),
        ("Software Engineer, Acme Inc — 2015 – Present", "senior"),
        ("Software Engineering Intern, Acme Inc — Jun 2025 – Aug 2025", "intern"),
        # the most recent title decides
        (
            "Engineering Manager, Acme Inc — 2016 – 2019\nSoftware Engineer, Beta Inc — 2020 – Present",
            "senior",
        ),
    ],
)
def test_seniority(body: str, seniority: str) -> None:
    assert parse_resume(f"Jane Doe\n\nExperience\n{body}\n", today=TODAY).seniority == seniority


def test_student_with_part_time_work_is_an_intern() -> None:
    text = """Jordan Lee
jordan@uni.edu

EDUCATION
B.Sc. Computer Science, University of Toronto — Expected May 2027

EXPERIENCE
Math Tutor, Learning Centre — Sep 2024 – Present
Software Engineering Intern — Shopify — Jun 2025 – Aug 2025
"""
    r = parse_resume(text, today=TODAY)
    assert r.seniority == "intern"
    assert r.education[0].graduation == "2027"
    assert len(r.work) == 2


def test_a_table_header_row_is_not_a_company() -> None:
    body = (
        "Company | Role | Period\n"
        "Paystack | Backend Engineer | Mar 2019 – Present\n"
        "Andela | Software Developer | Jun 2016 – Feb 2019\n"
    )
    assert triples(work(body)) == [
        ("Backend Engineer", "Paystack", "2019-03", None),
        ("Software Developer", "Andela", "2016-06", "2019-02"),
    ]


@pytest.mark.parametrize(
    ("line", "title", "company", "location"),
    [
        (
            "• Working as Senior Software Engineer in Tech Mahindra Ltd, Hyderabad from Aug 2021 to Till Date.",
            "Senior Software Engineer",
            "Tech Mahindra Ltd",
            "Hyderabad",
        ),
        (
            "Worked as Software Engineer in Cognizant Technology Solutions, Chennai from June 2019 to July 2021.",
            "Software Engineer",
            "Cognizant Technology Solutions",
            "Chennai",
        ),
        (
            "Associated with Infosys Limited as Technology Analyst since March 2017.",
            "Technology Analyst",
            "Infosys Limited",
            None,
        ),
        (
            "I have been working as a Python Developer at M/s. Zen Soft Pvt. Ltd. from 2018 to 2020.",
            "Python Developer",
            "Zen Soft Pvt. Ltd.",
            None,
        ),
        (
            "Currently working with Wipro Technologies as Project Engineer (Jan 2020 - Present)",
            "Project Engineer",
            "Wipro Technologies",
            None,
        ),
    ],
)
def test_a_role_told_as_a_sentence(line: str, title: str, company: str, location: str | None) -> None:
    """Many Indian resumes list jobs as sentences; each is a role with its dates, not a lost line."""
    [entry] = work(line + "\n")
    assert (entry.title, entry.company, entry.location) == (title, company, location)
    assert entry.start is not None


def test_sentences_with_dates_that_tell_no_role_stay_out() -> None:
    body = (
        "Backend Engineer, Acme Corp — Jan 2019 – Present\n"
        "- Worked closely with the data team from 2020 to 2021 on the ledger.\n"
    )
    assert triples(work(body)) == [("Backend Engineer", "Acme Corp", "2019-01", None)]


def test_numbered_and_wingdings_bulleted_role_sentences() -> None:
    body = (
        "1. Currently working with Persistent Systems Ltd., Pune as Lead Software Engineer since Sep 2020.\n"
        "2. Worked with Zensar Technologies as Senior Software Engineer from Apr 2017 to Aug 2020.\n"
    )
    assert triples(work(body)) == [
        ("Lead Software Engineer", "Persistent Systems Ltd.", "2020-09", None),
        ("Senior Software Engineer", "Zensar Technologies", "2017-04", "2020-08"),
    ]
    body = (
        "\uf0fc  Presently associated with Accenture Solutions Pvt Ltd as Team Lead since March 2019.\n"
        "\uf0fc  Associated with Wipro Technologies as Project Engineer from Nov 2015 to Feb 2019.\n"
    )
    assert triples(work(body)) == [
        ("Team Lead", "Accenture Solutions Pvt Ltd", "2019-03", None),
        ("Project Engineer", "Wipro Technologies", "2015-11", "2019-02"),
    ]


def test_an_experience_table_with_from_and_to_columns() -> None:
    body = (
        "S.No | Organization                  | Designation       | From     | To\n"
        "1    | Tata Consultancy Services     | IT Analyst        | 04/2019  | Till Date\n"
        "2    | Tata Consultancy Services     | Systems Engineer  | 06/2017  | 03/2019\n"
    )
    assert triples(work(body, heading="Experience Details")) == [
        ("IT Analyst", "Tata Consultancy Services", "2019-04", None),
        ("Systems Engineer", "Tata Consultancy Services", "2017-06", "2019-03"),
    ]


def test_a_contractors_roles_heading() -> None:
    body = "Aug 2023 – Present\nSenior Python Developer (Contract) – Lloyds Banking Group, London\n"
    assert triples(work(body, heading="CONTRACT & PERMANENT ROLES")) == [
        ("Senior Python Developer (Contract)", "Lloyds Banking Group", "2023-08", None)
    ]


def test_a_dated_company_line_over_its_promotions() -> None:
    body = (
        "Grubhub, Chicago, IL                                  2017 – Present\n"
        "Senior Software Engineer II  (2021 – Present)\n"
        "Senior Software Engineer  (2019 – 2021)\n"
        "Software Engineer  (2017 – 2019)\n"
        "  - Lead engineer on the menu platform.\n\n"
        "Enova International, Chicago, IL                      2014 – 2017\n"
        "Software Developer\n"
    )
    assert triples(work(body)) == [
        ("Senior Software Engineer II", "Grubhub", "2021", None),
        ("Senior Software Engineer", "Grubhub", "2019", "2021"),
        ("Software Engineer", "Grubhub", "2017", "2019"),
        ("Software Developer", "Enova International", "2014", "2017"),
    ]


def test_a_table_row_may_open_with_a_brand_in_lower_case() -> None:
    body = (
        "Company       | Title                        | Location        | Dates\n"
        "HubSpot       | Software Engineer            | Cambridge, MA   | 07/2018 - 08/2021\n"
        "athenahealth  | Associate Software Engineer  | Watertown, MA   | 06/2016 - 06/2018\n"
    )
    assert triples(work(body)) == [
        ("Software Engineer", "HubSpot", "2018-07", "2021-08"),
        ("Associate Software Engineer", "athenahealth", "2016-06", "2018-06"),
    ]


def test_labels_page_furniture_and_provinces_stay_out_of_roles() -> None:
    body = (
        "Employer #1 : IBS Software Pvt. Ltd., Trivandrum\nDesignation : Technical Specialist\n"
        "Duration    : Apr'20 – Present\n\n"
        "Page 1 of 2\nTHOMAS WHITAKER  |  tj@example.com\nSenior Developer          Feb 2015 – Sep 2020\n"
        "SAS Institute, Cary, NC\n\n"
        "Shopify\n3 years\nSenior Software Engineer\nJanuary 2020 - Present (1 year)\nToronto, Ontario, Canada\n"
        "Software Engineer\nJuly 2018 - December 2019 (1 year 6 months)\nOttawa, Ontario, Canada\n"
    )
    entries = work(body)
    assert [(w.title, w.company) for w in entries] == [
        ("Technical Specialist", "IBS Software Pvt. Ltd."),
        ("Senior Developer", "SAS Institute"),
        ("Senior Software Engineer", "Shopify"),
        ("Software Engineer", "Shopify"),
    ]
    assert (entries[0].location, entries[1].location) == ("Trivandrum", "Cary, NC")


def test_an_at_sign_between_title_and_company_is_no_email() -> None:
    assert triples(work("Backend Engineer @ Stripe          Jan 2019 – Present\n")) == [
        ("Backend Engineer", "Stripe", "2019-01", None)
    ]


def test_a_date_set_apart_by_blank_lines_heads_the_role_under_it() -> None:
    """German CVs in two columns: "März 2019 – heute", a blank line, then title and company."""
    text = (
        "Max Muster\nmax@example.de\n\nBerufserfahrung\n\nMärz 2019 – heute\n\nSenior Java-Entwickler\n"
        "CHECK24 GmbH, München\n• Java 17\n\nOkt. 2015 – Feb. 2019\n\nSoftwareentwickler\nSiemens AG, München\n• Java\n"
    )
    work = parse_resume(text, today=TODAY).work
    assert [(w.title, w.company, w.start, w.end) for w in work] == [
        ("Senior Java-Entwickler", "CHECK24 GmbH", "2019-03", None),
        ("Softwareentwickler", "Siemens AG", "2015-10", "2019-02"),
    ]


def test_a_title_with_full_stack_is_no_skills_heading() -> None:
    text = (
        "Alejandro Ruiz\nalejandro@example.es\n\nExperiencia profesional\nDesarrollador Full Stack Senior\n"
        "Cabify (Madrid) | ene. 2019 – actualidad\n• Node.js\n\nConocimientos técnicos\nLenguajes: Python\n"
    )
    r = parse_resume(text, today=TODAY)
    assert [(w.title, w.company) for w in r.work] == [("Desarrollador Full Stack Senior", "Cabify")]
    assert [s.kind for s in r.sections] == ["experience", "skills"]


def test_a_range_wrapped_after_its_dash_is_one_range() -> None:
    """Justified prose columns wrap anywhere: "(2019/05 –" ends a line, "2021/08)." starts the next."""
    body = (
        "Site Reliability Engineer, Allegro, Kraków (2021/09 –\npresent). Runs the on-call rota.\n\n"
        "DevOps Engineer, Sabre Polska, Kraków (2019/05 –\n2021/08). Built the CI pipelines.\n"
    )
    assert triples(work(body)) == [
        ("Site Reliability Engineer", "Allegro", "2021-09", None),
        ("DevOps Engineer", "Sabre Polska", "2019-05", "2021-08"),
    ]


def test_a_table_row_with_a_description_cell() -> None:
    """A Word table Period | Employer | Position | Responsibilities: the last cell is prose, the
    header row is labels, and neither is a title or a company."""
    body = (
        "Period | Employer | Position | Responsibilities & Technologies\n"
        "04/2021 - Present | Emirates NBD, Dubai | Senior BI Developer | Power BI semantic models (DAX), "
        "Azure Data Factory pipelines into Azure Synapse; row-level security for 1,800 users.\n"
        "01/2019 - 03/2021 | Majid Al Futtaim, Dubai | BI Developer | Retail sales data warehouse on SQL "
        "Server 2017 with SSIS; Tableau dashboards for Carrefour UAE.\n"
    )
    assert triples(work(body, "Work Experience")) == [
        ("Senior BI Developer", "Emirates NBD", "2021-04", None),
        ("BI Developer", "Majid Al Futtaim", "2019-01", "2021-03"),
    ]


def test_moderncv_entries_end_with_a_full_stop() -> None:
    body = (
        "2021–today Senior Data Scientist, Zalando SE, Berlin.\n• Size and fit models\n\n"
        "2018–2021 Data Scientist, Kaiko Analytics GmbH, Berlin.\n• Churn models\n"
    )
    assert triples(work(body)) == [
        ("Senior Data Scientist", "Zalando SE", "2021", None),
        ("Data Scientist", "Kaiko Analytics GmbH", "2018", "2021"),
    ]


def test_the_end_of_a_wrapped_bullet_is_not_the_next_company() -> None:
    body = (
        "04.2021 – heute Senior Business Analystin\nZürcher Kantonalbank, Zürich\n"
        "– Datenanalysen mit SQL und Power BI als Entscheidungsgrundlage für die\nGeschäftsleitung\n"
        "08.2017 – 03.2021 Business Analystin\nSwisscom AG, Bern\n– Requirements Engineering\n"
    )
    assert triples(work(body, "Berufserfahrung")) == [
        ("Senior Business Analystin", "Zürcher Kantonalbank", "2021-04", None),
        ("Business Analystin", "Swisscom AG", "2017-08", "2021-03"),
    ]


def test_dutch_job_titles() -> None:
    body = (
        "Coolblue, Rotterdam\nfeb 2017 – jul 2017\nAfstudeerstagiair Software Development\n\n"
        "Albert Heijn, Delft\nsep 2013 – jan 2017\nMedewerker klantenservice\n"
    )
    assert [(w.title, w.company) for w in work(body, "Werkervaring")] == [
        ("Afstudeerstagiair Software Development", "Coolblue"),
        ("Medewerker klantenservice", "Albert Heijn"),
    ]


def test_a_career_changers_teaching_experience_is_work() -> None:
    text = (
        "Daniel Kowalski\ndanny@example.com\n\nSOFTWARE ENGINEERING EXPERIENCE\n"
        "Software Engineer II — Sprout Social, Chicago, IL   Feb 2024 – Present\n• React\n\n"
        "TEACHING EXPERIENCE\nMathematics Teacher — Lane Tech College Prep High School, Chicago, IL   "
        "Aug 2014 – Jun 2021\n• Taught AP Statistics\n"
    )
    assert triples(parse_resume(text, today=TODAY).work) == [
        ("Software Engineer II", "Sprout Social", "2024-02", None),
        ("Mathematics Teacher", "Lane Tech College Prep High School", "2014-08", "2021-06"),
    ]


def test_a_table_period_cell_wrapped_after_its_dash() -> None:
    """A shokumu keirekisho table: "2022/04 –" over "Present" in the period column, the role beside."""
    body = (
        "Period   Assignment and responsibilities\n\n"
        "2022/04 –   Ichiba Search Platform Department — Engineering Manager\n"
        "Present   • Manage three teams\n\n"
        "2018/04 –   Ichiba Search Platform Department — Senior Software Engineer\n"
        "2022/03   • Designed the indexing pipeline\n"
    )
    assert [(w.title, w.start, w.end) for w in work(body, "Work History")] == [
        ("Engineering Manager", "2022-04", None),
        ("Senior Software Engineer", "2018-04", "2022-03"),
    ]


def test_an_employer_with_its_own_dates_over_its_roles() -> None:
    """A Japanese career sheet: the employer's tenure, then each assignment in a department."""
    body = (
        "Apr 2018 – Present   Rakuten Group, Inc.\nBusiness: Internet services / Employees: 30,000\n\n"
        "Apr 2022 – Present   Search Department — Engineering Manager\n• Led teams\n"
        "Apr 2018 – Mar 2022   Search Department — Senior Software Engineer\n• Built search\n"
    )
    assert triples(work(body)) == [
        ("Engineering Manager", "Rakuten Group, Inc.", "2022-04", None),
        ("Senior Software Engineer", "Rakuten Group, Inc.", "2018-04", "2022-03"),
    ]


def test_a_company_line_after_a_long_bullet_is_still_the_company() -> None:
    body = (
        "Midwest Freight Systems — Backend Developer\nMarch 2024 - Present\n"
        "• On-call rotation, wrote runbooks for the most common alerts\n"
        "Lakeshore Insurance Group — Software Developer\nFeb 2022 - Feb 2024\n• Flask microservices\n"
    )
    assert [(w.title, w.company) for w in work(body)] == [
        ("Backend Developer", "Midwest Freight Systems"),
        ("Software Developer", "Lakeshore Insurance Group"),
    ]
