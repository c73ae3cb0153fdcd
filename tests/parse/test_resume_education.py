"""Degrees (desk.parse.resume_education, resume_degrees)."""

from __future__ import annotations

from datetime import date

import pytest

from desk.model import DEGREE_LEVELS, Degree
from desk.parse.resume import parse_resume
from desk.parse.resume_degrees import find_degree

TODAY = date(2026, 12, 1)


def degrees(body: str) -> list[Degree]:
    return parse_resume(f"Jane Doe\njane@example.com\n\nEDUCATION\n{body}", today=TODAY).education


@pytest.mark.parametrize(
    ("line", "level", "field", "school", "graduation"),
    [
        (
            "Bachelor of Science in Computer Science, Stanford University, 2015",
            "bachelor",
            "Computer Science",
            "Stanford University",
            "2015",
        ),
        (
            "B.S. Electrical Engineering — Georgia Institute of Technology, 2012",
            "bachelor",
            "Electrical Engineering",
            "Georgia Institute of Technology",
            "2012",
        ),
        (
            "BSc (Hons) Mathematics, University of Leeds, 2010 – 2013",
            "bachelor",
            "Mathematics",
            "University of Leeds",
            "2013",
        ),
        (
            "B.Tech in Information Technology — IIT Bombay, 2016 - 2020, CGPA 8.9",
            "bachelor",
            "Information Technology",
            "IIT Bombay",
            "2020",
        ),
        (
            "B.E. Mechanical Engineering, Anna University, 2011",
            "bachelor",
            "Mechanical Engineering",
            "Anna University",
            "2011",
        ),
        ("BA Economics, Harvard College, 2009", "bachelor", "Economics", "Harvard College", "2009"),
        (
            "Bachelor's degree, Computer Science — University of Bucharest, 2016",
            "bachelor",
            "Computer Science",
            "University of Bucharest",
            "2016",
        ),
        (
            "MSc Data Science, University of Edinburgh, 2019",
            "master",
            "Data Science",
            "University of Edinburgh",
            "2019",
        ),
        (
            "M.S. in Computer Science (Machine Learning), Carnegie Mellon University — 2021",
            "master",
            "Computer Science",
            "Carnegie Mellon University",
            "2021",
        ),
        ("M.Tech, VLSI Design — NIT Trichy, 2014", "master", "VLSI Design", "NIT Trichy", "2014"),
        (
            "MEng Software Engineering, Imperial College London, 2017",
            "master",
            "Software Engineering",
            "Imperial College London",
            "2017",
        ),
        ("MBA, INSEAD, 2020", "mba", None, "INSEAD", "2020"),
        ("Master of Business Administration, Wharton School, 2018", "mba", None, "Wharton School", "2018"),
        ("PhD in Physics, ETH Zurich, 2016", "phd", "Physics", "ETH Zurich", "2016"),
        (
            "Ph.D., Statistics — Stanford University, 2019 – 2024",
            "phd",
            "Statistics",
            "Stanford University",
            "2024",
        ),
        (
            "Doctor of Philosophy (Chemistry), University of Oxford, 2015",
            "phd",
            "Chemistry",
            "University of Oxford",
            "2015",
        ),
        (
            "Doctorate in Education, University of Bath, 2022",
            "phd",
            "Education",
            "University of Bath",
            "2022",
        ),
        (
            "Associate of Applied Science, Information Systems Technology, Community College of the Air Force — 2016",
            "associate",
            "Information Systems Technology",
            "Community College of the Air Force",
            "2016",
        ),
        (
            "Associate Degree in Business, Miami Dade College, 2010",
            "associate",
            "Business",
            "Miami Dade College",
            "2010",
        ),
        (
            "Diploma in Software Engineering, Seneca College, 2013",
            "diploma",
            "Software Engineering",
            "Seneca College",
            "2013",
        ),
        ("High School Diploma, Lincoln High School, 2008", "highschool", None, "Lincoln High School", "2008"),
        # German
        (
            "Master, Informatik, Universität Hamburg, 2014",
            "master",
            "Informatik",
            "Universität Hamburg",
            "2014",
        ),
        (
            "Bachelor Informatik, Hochschule München, 2012",
            "bachelor",
            "Informatik",
            "Hochschule München",
            "2012",
        ),
        (  # a university Diplom is a master-level degree; read as "diploma" it failed every degree requirement
            "Diplom-Informatiker (Dipl.-Inf.), Technische Universität Dresden, 2010 – 2016",
            "master",
            "Informatiker",
            "Technische Universität Dresden",
            "2016",
        ),
        ("Dipl.-Ing. Maschinenbau, RWTH Aachen, 2012", "master", "Maschinenbau", "RWTH Aachen", "2012"),
        ("Diplom in Informatik, TU Berlin, 2010", "master", "Informatik", "TU Berlin", "2010"),
        (  # a Diplom (FH) from a university of applied sciences is a bachelor's
            "Diplom-Informatiker (FH), Hochschule München, 2009",
            "bachelor",
            "Informatiker",
            "Hochschule München",
            "2009",
        ),
        # French: the "diplôme d'ingénieur" confers the master's grade
        ("Diplôme d'ingénieur, INSA Lyon, 2011 - 2016", "master", None, "INSA Lyon", "2016"),
        # "Ing. (MSc)": the field is read past the bracket
        (
            "Ing. (MSc) Computer Science, Czech Technical University, 2009 – 2014",
            "master",
            "Computer Science",
            "Czech Technical University",
            "2014",
        ),
        (
            "Promotion (Dr. rer. nat.), Universität Heidelberg, 2010",
            "phd",
            None,
            "Universität Heidelberg",
            "2010",
        ),
        (
            "Abitur, Goethe-Gymnasium Frankfurt, 2001",
            "highschool",
            None,
            "Goethe-Gymnasium Frankfurt",
            "2001",
        ),
        # expected graduations
        (
            "M.S. Computer Science, Georgia Tech — Expected May 2027",
            "master",
            "Computer Science",
            "Georgia Tech",
            "2027",
        ),
        (
            "Ph.D. in Computer Science, KTH Royal Institute of Technology — 2022 – 2027 (expected)",
            "phd",
            "Computer Science",
            "KTH Royal Institute of Technology",
            "2027",
        ),
        (
            "Rutgers University — B.S., Computer Engineering — 2016",
            "bachelor",
            "Computer Engineering",
            "Rutgers University",
            "2016",
        ),
        (
            "B.S. Computer Science, Virginia Tech, 2019",
            "bachelor",
            "Computer Science",
            "Virginia Tech",
            "2019",
        ),
    ],
)
def test_degree_lines(line: str, level: str, field: str | None, school: str, graduation: str) -> None:
    [d] = degrees(line + "\n")
    assert (d.level, d.field, d.school, d.graduation) == (level, field, school, graduation)
    assert d.level in DEGREE_LEVELS
    assert d.text == line


def test_school_line_above_several_degrees() -> None:
    body = """University of Illinois Urbana-Champaign
M.S. in Computer Science (5-year BS/MS program) — Expected May 2027
B.S. in Computer Science, Minor in Statistics — May 2026, GPA 3.87/4.00
Coursework: Deep Learning, Machine Learning
"""
    assert [(d.level, d.field, d.school, d.graduation) for d in degrees(body)] == [
        ("master", "Computer Science", "University of Illinois Urbana-Champaign", "2027"),
        ("bachelor", "Computer Science", "University of Illinois Urbana-Champaign", "2026"),
    ]


def test_school_line_below_its_degree() -> None:
    body = """Bachelor of Science in Computer Science
Western Washington University, Bellingham, WA — 2012 – 2016
Dissertation: "Exactly-once delivery" (First)
"""
    [d] = degrees(body)
    assert (d.school, d.graduation) == ("Western Washington University", "2016")
    assert "Western Washington" in d.text


def test_subject_after_the_degree_is_not_taken_for_the_school_below() -> None:
    """A sidebar's "B.Tech, Computer Science" over "IIT Madras, 2012 – 2016": one degree, school below."""
    [d] = degrees("B.Tech, Computer Science\nIIT Madras, 2012 – 2016\n")
    assert (d.level, d.field, d.school, d.graduation) == (
        "bachelor",
        "Computer Science",
        "IIT Madras",
        "2016",
    )
    [mba] = degrees("MBA, INSEAD, 2020\n")  # the one name after a degree is still its school
    assert (mba.field, mba.school) == (None, "INSEAD")


def test_degrees_outside_education_need_a_school() -> None:
    text = "Jane Doe\nPhD candidate in Machine Learning\n\nSUMMARY\nI hold a BSc.\n\nB.Sc. Physics, University of Oslo, 2015\n"
    r = parse_resume(text, today=TODAY)
    assert [(d.level, d.school) for d in r.education] == [("bachelor", "University of Oslo")]


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("BS in Math", "bachelor"),
        ("we should be there", None),  # "be" is a word, "BE" a degree
        ("MA in History", "master"),
        ("Boston, MA", None),
        ("Ph. D. in Physics", "phd"),
        ("A-Levels: Maths (A)", "highschool"),
        ("Associate Software Engineer", None),
        ("Specialist Diploma (Dipl.)", "diploma"),
        ("Diplom, Universität Wien", "diploma"),  # a bare Diplom: no telling which kind
        ("Dipl.-Inf.", "master"),
        ("M.B.A.", "mba"),
        ("B.Comp. Computer Science", "bachelor"),
        ("BASc Mechatronics", "bachelor"),
        ("B.S.E. Computer Science", "bachelor"),
        ("MCS, UIUC", "master"),
        ("M.Comp Software Engineering", "master"),
    ],
)
def test_find_degree(text: str, level: str | None) -> None:
    d = find_degree(text)
    assert (d.level if d else None) == level


def test_school_before_bracketed_years() -> None:
    [d] = degrees("B.Sc. Computer Science — University of Lagos (2011 – 2015)\n")
    assert (d.field, d.school, d.graduation) == ("Computer Science", "University of Lagos", "2015")


@pytest.mark.parametrize(
    ("line", "level", "field", "school", "graduation"),
    [
        (
            "B.Tech (Computer Science & Engineering) from JNTU Hyderabad with 72% in 2019.",
            "bachelor",
            "Computer Science & Engineering",
            "JNTU Hyderabad",
            "2019",
        ),
        (
            "MCA from Osmania University, Hyderabad in 2015 with first class.",
            "master",
            None,
            "Osmania University",
            "2015",
        ),
        (
            "B.E. in Mechanical Engineering from Anna University, Chennai (2010-2014) with 8.2 CGPA",
            "bachelor",
            "Mechanical Engineering",
            "Anna University",
            "2014",
        ),
        (
            "Completed M.Sc. Physics from Delhi University securing 68% marks in 2011",
            "master",
            "Physics",
            "Delhi University",
            "2011",
        ),
    ],
)
def test_a_degree_told_as_a_sentence(
    line: str, level: str, field: str | None, school: str, graduation: str
) -> None:
    [d] = degrees(line)
    assert (d.level, d.field, d.school, d.graduation) == (level, field, school, graduation)


@pytest.mark.parametrize(
    ("line", "level"),
    [
        ("M.E. Computer Science, BITS Pilani, 2016", "master"),
        ("ME in Software Engineering, Anna University, 2016", "master"),
        ("PGDM, IIM Bangalore, 2018", "mba"),
    ],
)
def test_indian_degree_spellings(line: str, level: str) -> None:
    [d] = degrees(line)
    assert d.level == level


def test_maine_is_not_a_masters() -> None:
    assert find_degree("Portland, ME 04101") is None


def test_degree_school_and_year_on_lines_of_their_own() -> None:
    body = "Bachelor of Engineering (B.E.) - Computer Engineering\nUniversity of Mumbai\n2016\n"
    [d] = degrees(body)
    assert (d.level, d.school, d.graduation) == ("bachelor", "University of Mumbai", "2016")


def test_school_line_with_the_expected_date_over_its_degree() -> None:
    body = "University of Michigan, Ann Arbor            Expected May 2026\nB.S.E. in Computer Science — GPA: 3.84\n"
    [d] = degrees(body)
    assert (d.level, d.school, d.graduation) == ("bachelor", "University of Michigan", "2026")


def test_linkedin_school_over_each_degree() -> None:
    """A school desk does not know ("Kendriya Vidyalaya") still names the degree under it, and
    the school above the first degree is not carried on to the next."""
    body = (
        "Birla Institute of Technology and Science, Pilani\n"
        "Bachelor of Engineering - BE, Computer Science · (2013 - 2017)\n"
        "Kendriya Vidyalaya\nHigh School, Science · (2011 - 2013)\n"
    )
    assert [(d.level, d.school) for d in degrees(body)] == [
        ("bachelor", "Birla Institute of Technology and Science"),
        ("highschool", "Kendriya Vidyalaya"),
    ]


def test_education_table_header_row_is_no_school() -> None:
    body = (
        "Degree/Course                      | University/Board          | Year of Passing | % Marks\n"
        "B.E. (Computer)                    | Pune University           | 2014            | 65.20\n"
        "Diploma in Computer Technology     | MSBTE                     | 2011            | 79.50\n"
    )
    assert [(d.level, d.school, d.graduation) for d in degrees(body)] == [
        ("bachelor", "Pune University", "2014"),
        ("diploma", "MSBTE", "2011"),
    ]


def test_spanish_university_degrees() -> None:
    body = (
        "Máster Universitario en Ingeniería Informática — Universidad Politécnica de Madrid (2017)\n"
        "Grado en Ingeniería Informática — Universidad Complutense de Madrid (2015)\n"
    )
    assert [(d.level, d.field, d.school, d.graduation) for d in degrees(body)] == [
        ("master", "Ingeniería Informática", "Universidad Politécnica de Madrid", "2017"),
        ("bachelor", "Ingeniería Informática", "Universidad Complutense de Madrid", "2015"),
    ]


@pytest.mark.parametrize(
    ("line", "level"),
    [
        ("Laurea Magistrale in Ingegneria Gestionale – Politecnico di Milano", "master"),
        ("Laurea Triennale in Ingegneria Gestionale – Politecnico di Milano", "bachelor"),
        ("Diploma di maturità scientifica – Liceo Scientifico “A. Volta”, Milano", "highschool"),
        ("Maestría en Ciencias de la Computación – Universidad de Guadalajara", "master"),
        ("Ingeniería en Sistemas Computacionales – ITESO, 2018", "bachelor"),
        ("Bacharelado em Ciência da Computação – Universidade de São Paulo (USP)", "bachelor"),
        ("Mestrado em Engenharia de Software – Unicamp", "master"),
    ],
)
def test_italian_spanish_and_portuguese_degrees(line: str, level: str) -> None:
    """ "Laurea Magistrale" was no degree, "Diploma di maturità" a diploma, "Maestría" nothing."""
    assert find_degree(line).level == level


def test_turkish_education_with_the_school_under_the_degree() -> None:
    text = (
        "Elif Yıldırım\nelif@example.com.tr\n\nEĞİTİM\n"
        "Eylül 2019 – Haziran 2021   Yüksek Lisans (Tezli), İstatistik\nYıldız Teknik Üniversitesi – GNO: 3,71 / 4,00\n"
        "Eylül 2014 – Haziran 2019   Lisans, Endüstri Mühendisliği\nİstanbul Teknik Üniversitesi – GNO: 3,24 / 4,00\n"
        "2010 – 2014   Lise\nKadıköy Anadolu Lisesi\n"
    )
    edu = parse_resume(text, today=date(2026, 12, 1)).education
    assert [(d.level, d.school, d.field, d.graduation) for d in edu] == [
        ("master", "Yıldız Teknik Üniversitesi", "İstatistik", "2021"),
        ("bachelor", "İstanbul Teknik Üniversitesi", "Endüstri Mühendisliği", "2019"),
        ("highschool", "Kadıköy Anadolu Lisesi", None, "2014"),
    ]


def test_nordic_degrees_and_a_swedish_with_is_no_degree() -> None:
    text = (
        "Johan Lindqvist\njohan@telia.com\n\nPROFIL\nCivilingenjör med över tio års erfarenhet.\n\n"
        "UTBILDNING\n2010 – 2015\nCivilingenjör, Elektroteknik\nChalmers tekniska högskola\n"
    )
    edu = parse_resume(text, today=date(2026, 12, 1)).education
    assert [(d.level, d.school) for d in edu] == [("master", "Chalmers tekniska högskola")]


def test_a_date_set_apart_above_a_degree_is_its_graduation() -> None:
    edu = degrees(
        "2010 – 2015\n\nCivilingenjör, Elektroteknik\nChalmers tekniska högskola\n\n2016 – 2018\n\nMSc Data Science\nKTH Royal Institute of Technology\n"
    )
    assert [(d.level, d.school, d.graduation) for d in edu] == [
        ("master", "Chalmers tekniska högskola", "2015"),
        ("master", "KTH Royal Institute of Technology", "2018"),
    ]


def test_a_school_name_wrapped_in_a_narrow_sidebar() -> None:
    edu = degrees("B.A. Psychology, Texas State\nUniversity, 2015\n")
    assert [(d.level, d.school, d.field, d.graduation) for d in edu] == [
        ("bachelor", "Texas State University", "Psychology", "2015")
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Intermediate (MPC) from Sri Chaitanya Junior College, Hyderabad with 91% in 2015",
        "Class XII, Delhi Public School, 2013",
        "Senior Secondary (CBSE), Kendriya Vidyalaya, 2013",
    ],
)
def test_indian_school_years_are_high_school(line: str) -> None:
    assert [d.level for d in degrees(f"B.Tech in Computer Science from JNTU Hyderabad, 2019\n{line}\n")] == [
        "bachelor",
        "highschool",
    ]


def test_an_intermediate_language_level_is_no_school_year() -> None:
    assert find_degree("Intermediate German (B1)") is None
