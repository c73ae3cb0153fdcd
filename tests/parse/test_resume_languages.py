"""Resumes written in other languages and scripts: what a recruiter's inbox holds besides English."""

from __future__ import annotations

from datetime import date

from desk.parse.dates import find_ranges
from desk.parse.resume import parse_resume

TODAY = date(2026, 12, 1)

CHINESE = """王伟
wang.wei@example.cn
+86 138 0013 8000

工作经验
高级后端工程师，阿里巴巴，杭州
2018年3月 – 至今
- 使用 Python、Django 和 MySQL 开发微服务

后端开发工程师，网易，杭州
2014年7月至2018年2月

教育背景
计算机科学学士，浙江大学，2010 – 2014

技能
Python, Go, MySQL, Redis, Kafka, Kubernetes
"""


def test_chinese_resume() -> None:
    r = parse_resume(CHINESE, today=TODAY)
    assert r.name == "王伟"
    assert [s.kind for s in r.sections] == ["experience", "education", "skills"]
    assert [(w.title, w.company, w.start, w.end, w.current) for w in r.work] == [
        ("高级后端工程师", "阿里巴巴", "2018-03", None, True),
        ("后端开发工程师", "网易", "2014-07", "2018-02", False),
    ]
    [degree] = r.education
    assert (degree.level, degree.school, degree.graduation) == ("bachelor", "浙江大学", "2014")
    assert r.years_experience == 12.5  # July 2014 to December 2026, no gap


def test_cjk_dates() -> None:
    spans = [(r.start, r.end, r.current) for r in find_ranges("2019年3月 – 至今", TODAY)]
    assert spans == [((2019, 3), None, True)]
    assert [(r.start, r.end) for r in find_ranges("2015년 3월 ~ 2017년 12월", TODAY)] == [
        ((2015, 3), (2017, 12))
    ]
    assert [(r.start, r.end) for r in find_ranges("2016年至2018年", TODAY)] == [((2016, None), (2018, None))]


def test_german_resume_with_compound_titles() -> None:
    text = """Max Müller
max.mueller@beispiel.de | +49 170 1234567 | München, Deutschland

Berufserfahrung
Senior Softwareentwickler, Siemens AG, München
03/2019 – heute
• Entwicklung von Microservices mit Python, Django und PostgreSQL

Ausbildung
Diplom-Informatiker (Dipl.-Inf.), Technische Universität München, 2009 – 2015
"""
    r = parse_resume(text, today=TODAY)
    assert [(w.title, w.company, w.location) for w in r.work] == [
        ("Senior Softwareentwickler", "Siemens AG", "München")
    ]
    assert (r.education[0].level, r.education[0].school) == ("master", "Technische Universität München")


def test_contact_block_after_the_main_column() -> None:
    """A right-hand sidebar read after the main column: its "Contact" block is header matter."""
    text = """Lena Fischer
Site Reliability Engineer

Experience
Site Reliability Engineer
Zalando SE, Berlin | 04/2020 – present

Contact
lena.fischer@example.de
+49 151 2345 6789
Berlin, Germany

Skills
Go
"""
    r = parse_resume(text, today=TODAY)
    assert (r.email, r.phone, r.location) == (
        "lena.fischer@example.de",
        "+49 151 2345 6789",
        "Berlin, Germany",
    )
    assert [s.kind for s in r.sections] == ["experience", "other", "skills"]


def test_a_cjk_resume_title_is_not_the_name() -> None:
    r = parse_resume("个人简历\n\n李娜\nli.na@example.cn\n\n技能\nPython\n", today=TODAY)
    assert r.name == "李娜"


def test_italian_portuguese_dutch_headings_and_dates() -> None:
    it = parse_resume(
        "Giulia Bianchi\ngiulia@example.it\n\nEsperienza lavorativa\n"
        "Sviluppatrice backend, Satispay, Milano\ngennaio 2019 – oggi\n\nIstruzione\n"
        "Laurea magistrale in Informatica, Politecnico di Milano, 2018\n\nCompetenze\nPython, Go\n",
        today=TODAY,
    )
    assert [s.kind for s in it.sections] == ["experience", "education", "skills"]
    assert [(w.title, w.company, w.start, w.current) for w in it.work] == [
        ("Sviluppatrice backend", "Satispay", "2019-01", True)
    ]
    pt = parse_resume(
        "João Silva\njoao@example.br\n\nExperiência Profissional\nDesenvolvedor, Nubank — março 2019 – atual\n",
        today=TODAY,
    )
    assert [(w.title, w.company, w.start, w.current) for w in pt.work] == [
        ("Desenvolvedor", "Nubank", "2019-03", True)
    ]
    nl = parse_resume(
        "Daan de Vries\ndaan@example.nl\n\nWerkervaring\nSoftware Engineer, Adyen — januari 2018 - heden\n",
        today=TODAY,
    )
    assert [(w.start, w.current) for w in nl.work] == [("2018-01", True)]
