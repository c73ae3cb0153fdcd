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


def test_swedish_resume() -> None:
    text = (
        "Johan Lindqvist\nCivilingenjör · Inbyggda system\njohan.lindqvist@telia.com\n\nARBETSLIVSERFARENHET\n\n"
        "augusti 2020 – nuvarande\n\nSenior inbyggd mjukvaruutvecklare\nVolvo Cars, Göteborg\n– C, AUTOSAR\n\n"
        "januari 2016 – juli 2020\n\nMjukvaruutvecklare\nKvarnström Elektronik AB, Mölndal\n– C/C++\n\n"
        "UTBILDNING\n\n2010 – 2015\n\nCivilingenjör, Elektroteknik\nChalmers tekniska högskola\n\n"
        "KOMPETENSER\n\nSpråk | C, C++, Python\n"
    )
    r = parse_resume(text, today=TODAY)
    assert [s.kind for s in r.sections] == ["experience", "education", "skills"]
    assert [(w.title, w.company, w.start, w.end) for w in r.work] == [
        ("Senior inbyggd mjukvaruutvecklare", "Volvo Cars", "2020-08", None),
        ("Mjukvaruutvecklare", "Kvarnström Elektronik AB", "2016-01", "2020-07"),
    ]


def test_turkish_resume() -> None:
    text = (
        "Elif Yıldırım\nelif@example.com.tr\n\nİŞ DENEYİMİ\n\nKıdemli Veri Analisti — Garanti BBVA\n"
        "Mart 2022 – Halen\n• SQL, Python\n\nVeri Analisti — Trendyol\nEylül 2019 – Şubat 2022\n• Power BI\n\n"
        "EĞİTİM\n\nBoğaziçi Üniversitesi, İstatistik (Lisans), 2019\n"
    )
    r = parse_resume(text, today=TODAY)
    assert [(w.title, w.company, w.start, w.end) for w in r.work] == [
        ("Kıdemli Veri Analisti", "Garanti BBVA", "2022-03", None),
        ("Veri Analisti", "Trendyol", "2019-09", "2022-02"),
    ]


def test_months_and_present_words_of_more_languages() -> None:
    cases = {
        "Ocak 2020 – Halen": ((2020, 1), None),
        "Kas 2019 - Günümüz": ((2019, 11), None),
        "martie 2018 – prezent": ((2018, 3), None),
        "říjen 2015 – červen 2018": ((2015, 10), (2018, 6)),
        "mars 2017 – nu": ((2017, 3), None),
    }
    for text, (start, end) in cases.items():
        (r,) = find_ranges(text, TODAY)
        assert (r.start, r.end) == (start, end), text


def test_a_personal_details_block_is_the_candidates_contact() -> None:
    """A Swiss CV's "Personalien" block holds the phone; the one under "Referenzen" is a referee's."""
    text = (
        "Lebenslauf\n\nPersonalien\n\nHofwiesenstrasse 18, 8057 Zürich\n+41 79 456 12 78\nsandra.meier@bluewin.ch\n\n"
        "Berufserfahrung\n\n04.2021 – heute Senior Business Analystin\nZürcher Kantonalbank, Zürich\n\n"
        "Referenzen\nDr. Martin Keller, Zürcher Kantonalbank – Tel. +41 44 292 11 11\n"
    )
    assert parse_resume(text, today=TODAY).phone == "+41 79 456 12 78"
