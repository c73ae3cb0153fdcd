"""Contact details (desk.parse.contacts) and the name line (desk.parse.resume_header)."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desk.parse.contacts import find_email, find_links, find_location, find_phone
from desk.parse.resume_header import find_name


@pytest.mark.parametrize(
    ("text", "email"),
    [
        ("Jane Doe | jane.doe@example.com | +1 555", "jane.doe@example.com"),
        ("E-mail: j.doe+jobs@mail.co.uk.", "j.doe+jobs@mail.co.uk"),
        ("no email here", None),
        ("twitter @jane", None),
    ],
)
def test_email(text: str, email: str | None) -> None:
    assert find_email(text) == email


@pytest.mark.parametrize(
    "phone",
    [
        "+44 20 7946 0958",
        "+91 98765 43210",
        "(415) 555-0134",
        "+49 30 123456",
        "020 7946 0958",
        "415.555.0134",
        "+1 (617) 555-0155",
        "+1 646-555-0192",
        "07700 900123",
        "+33 6 12 34 56 78",
        "+46 70 123 45 67",
        "+353 87 123 4567",
        "+81 52-555-0147",
        "503-555-0142",
    ],
)
def test_phone_formats_as_written(phone: str) -> None:
    assert find_phone(f"London, UK | {phone} | jane@example.com") == phone
    assert find_phone(f"{phone}\n") == phone


@pytest.mark.parametrize(
    "text",
    [
        "2019 - 2021",
        "2017-2020",
        "2019.03 - 2021.06",
        "03/2017 - 06/2019",
        "1999 2000 2001",
        "12345",
        "v2.3.4",
    ],
)
def test_years_and_dates_are_never_phones(text: str) -> None:
    assert find_phone(f"Jane Doe | {text}") is None


def test_phone_in_the_body_needs_a_label() -> None:
    body = "EXPERIENCE\nAcme 2019 - 2021\nSupport line 555 0134 999\nPhone: +49 30 123456\n"
    assert find_phone("Jane Doe", body) == "+49 30 123456"
    assert find_phone("Jane Doe", "EXPERIENCE\nOrder 1234567 shipped\n") is None


def test_links_as_written_deduped_without_emails() -> None:
    header = (
        "jane@janedoe.dev | github.com/jdoe | https://www.linkedin.com/in/jane-doe/ | janedoe.dev\n"
        "GitHub: github.com/jdoe · Portfolio: https://janedoe.dev"
    )
    assert find_links(header) == ["github.com/jdoe", "https://www.linkedin.com/in/jane-doe", "janedoe.dev"]


def test_body_links_are_profiles_only() -> None:
    body = "PROJECTS\nparkr (github.com/jdoe/parkr), built with Node.js and ASP.NET\nlinkedin.com/in/jdoe\n"
    assert find_links("Jane Doe", body) == ["linkedin.com/in/jdoe"]


@pytest.mark.parametrize(
    ("lines", "location"),
    [
        (["Jane Doe", "Berlin, Germany · +49 30 123456 · jane@x.de"], "Berlin, Germany"),
        (["Jane Doe", "jane@x.com | (512) 555-0163 | Austin, TX"], "Austin, TX"),
        (["Jane Doe", "Java Developer | Bengaluru, India"], "Bengaluru, India"),
        (["Jane Doe", "Remote · 416-555-0171 · jane@x.com"], "Remote"),
        (["Jane Doe", "DevOps Engineer  ·  London", "020 7946 0321"], "London"),
        (["Jane Doe", "Location: Frankfurt am Main, Germany"], "Frankfurt am Main, Germany"),
        (["Jane Doe", "Lyon, France (remote) · +33 6 12 34 56 78"], "Lyon, France (remote)"),
        (["AISHA BELLO, PhD", "Data Scientist"], None),
        (["Jane Doe", "Clearance: Active Secret | U.S. Citizen"], None),
    ],
)
def test_location(lines: list[str], location: str | None) -> None:
    assert find_location(lines) == location


@pytest.mark.parametrize(
    ("lines", "name"),
    [
        (["Jane Doe", "Senior Backend Engineer"], "Jane Doe"),
        (["JANE DOE", "Engineer"], "Jane Doe"),
        (["José Martínez García"], "José Martínez García"),
        (["Zoë Ångström", "PhD candidate"], "Zoë Ångström"),
        (["LIAM O'CONNOR"], "Liam O'Connor"),
        (["Name: Jane Doe", "Email: jane@x.com"], "Jane Doe"),
        (["Jane Doe | jane@x.com | +1 415 555 0134"], "Jane Doe"),
        (["John Smith Mobile: +44 20 7946 0958"], "John Smith"),
        (["Sean Gallagher — Backend / Platform Engineer"], "Sean Gallagher"),
        (["AISHA BELLO, PhD"], "Aisha Bello"),
        (["RESUME", "", "Jane Doe"], "Jane Doe"),
        (["Curriculum Vitae", "Jane van der Berg"], "Jane van der Berg"),
        (["LEBENSLAUF", "Stefan Hoffmann"], "Stefan Hoffmann"),
        (["Senior Backend Engineer", "jane@x.com", "github.com/jane"], None),
        (["jane@x.com", "+1 415 555 0134"], None),
        ([], None),
    ],
)
def test_name(lines: list[str], name: str | None) -> None:
    assert find_name(lines) == name


@pytest.mark.parametrize("unit", ["a-", "a.", "a@", "1 ", " ", "a ", "+1 ", "github.com/", "Jan "])
def test_long_lines_are_linear(unit: str) -> None:
    line = unit * (50_000 // len(unit))
    started = time.process_time()
    find_email(line)
    find_phone(line, line)
    find_links(line, line)
    find_location([line], [line])
    find_name([line])
    assert time.process_time() - started < 0.5


@settings(deadline=None, max_examples=200)
@given(st.text(), st.text())
def test_never_raises(header: str, body: str) -> None:
    find_email(header + body)
    phone = find_phone(header, body)
    assert phone is None or sum(c.isdigit() for c in phone) >= 7
    for link in find_links(header, body):
        assert "@" not in link
    find_location(header.splitlines(), body.splitlines())
    find_name(header.splitlines())


@pytest.mark.parametrize(
    ("text", "email"),
    [
        ("maria.rossi[at]example.it", "maria.rossi@example.it"),
        ("jane (at) example (dot) com", "jane@example.com"),
        ("Mail: bob {at} mail [dot] co [dot] uk", "bob@mail.co.uk"),
        ("we meet at noon (at the office)", None),
    ],
)
def test_email_written_out_against_scrapers(text: str, email: str | None) -> None:
    assert find_email(text) == email


@pytest.mark.parametrize(
    ("header", "name"),
    [
        ("R A H U L   S H A R M A\nSenior Java Developer", "Rahul Sharma"),
        ("M A R Í A   D E   L A   C R U Z | Designer", "María de la Cruz"),
        ("J O H N  S M I T H", "John Smith"),
    ],
)
def test_name_in_spaced_capitals(header: str, name: str) -> None:
    assert find_name(header.splitlines()) == name


def test_location_among_items_two_spaces_apart() -> None:
    assert find_location(["javier.garcia@ejemplo.es  +34 612 345 678  Madrid"]) == "Madrid"
    assert find_location(["jane@example.com  Austin, TX  (512) 555-0163"]) == "Austin, TX"


@pytest.mark.parametrize(
    ("lines", "where"),
    [
        (["Austin, TX 78704  |  512.555.0193  |  m@example.com"], "Austin, TX"),
        (["Thomas Lefèvre", "12 rue des Lilas, 69003 Lyon"], "Lyon"),
        (["Anschrift:     Lindwurmstraße 88, 80337 München"], "München"),
        (["Dirección: Calle de Alcalá 214, 3º B, 28028 Madrid"], "Madrid"),
        (["Adres:    Oudegracht 145, 3511 AK Utrecht"], "Utrecht"),
        (["Current Location : Pune"], "Pune"),
        (["Address: Flat No. 302, KPHB Colony, Kukatpally, Hyderabad"], "Kukatpally, Hyderabad"),
        (["No. 14, 2nd Cross Street, Velachery, Chennai – 600042"], "Velachery, Chennai"),
        (["Strada Observatorului 34, 400347 Cluj-Napoca (Romania)"], "Cluj-Napoca (Romania)"),
        (["Priya Nair", "San Francisco Bay Area"], "San Francisco Bay Area"),
        (["Jessica Moreno", "Phoenix AZ"], "Phoenix AZ"),
        (["Languages Known: Tamil, English"], None),
        (["Saltsjö Networks AB"], None),
    ],
)
def test_location_beside_postcodes_in_addresses_and_metro_areas(lines: list[str], where: str | None) -> None:
    assert find_location(lines) == where


@pytest.mark.parametrize(
    ("lines", "where"),
    [
        (["  Address  : 14 Die Laan, Durbanville, Cape Town 7550, South Africa"], "Cape Town, South Africa"),
        (["Indirizzo: Via Padova 72, 20127 Milano (MI), Italia"], "Milano (MI), Italia"),
        (["Caferağa Mah., Kadıköy, İstanbul | +90 532 000 00 00"], "Kadıköy, İstanbul"),
        (["İstanbul | elif@example.com"], "İstanbul"),
    ],
)
def test_the_town_of_an_address(lines: list[str], where: str) -> None:
    assert find_location(lines) == where


def test_the_name_line_is_no_place() -> None:
    lines = ["RODRIGO ALVES NASCIMENTO, P.E.", "Houston, TX | (713) 555-0101"]
    assert find_location(lines, name="Rodrigo Alves Nascimento") == "Houston, TX"


@pytest.mark.parametrize(
    ("line", "phone"),
    [("Tel: (+82) 10-4821-7730", "(+82) 10-4821-7730"), ("(+44) 7700 900123 | a@b.co", "(+44) 7700 900123")],
)
def test_a_country_code_in_brackets(line: str, phone: str) -> None:
    assert find_phone(line) == phone
