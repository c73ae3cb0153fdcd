"""names_agree: the guard that keeps an agency's shared email or phone from merging different people."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desk.parse.names import name_tokens, names_agree
from desk.parse.resume import parse_resume


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Priya Raghunathan", "RAGHUNATHAN, Priya"),
        ("P. Raghunathan", "Priya Raghunathan"),
        ("Priya R.", "Priya Raghunathan"),
        ("P R", "Priya Raghunathan"),
        ("Jon Smyth", "John Smith"),  # typos
        ("Max Mueller", "Max Müller"),
        ("José García", "Jose Garcia"),
        ("Jane Smith", "Jane Doe"),  # a change of surname keeps the first name
        ("王伟", "王伟"),
        (None, "Anyone"),
        ("", "Anyone"),
    ],
)
def test_the_same_person_written_differently_agrees(a: str | None, b: str) -> None:
    assert names_agree(a, b)
    assert names_agree(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Claire Dubois", "Javier García"),
        ("John Smith", "Mary Jones"),
        ("J Smith", "K Brown"),
        ("J Smith", "J Brown"),  # a shared initial alone is not a shared name
        ("王伟", "李娜"),
    ],
)
def test_different_people_do_not_agree(a: str, b: str) -> None:
    assert not names_agree(a, b)
    assert not names_agree(b, a)


def test_name_tokens_fold_case_and_accents() -> None:
    assert name_tokens("José Müller-Lüdenscheidt, Jr.") == ["jose", "muller", "ludenscheidt", "jr"]


@given(st.text(max_size=60), st.text(max_size=60))
def test_never_crashes_and_is_symmetric(a: str, b: str) -> None:
    assert names_agree(a, b) == names_agree(b, a)
    assert names_agree(a, a)


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("MICHAEL ODHIAMBO | SENIOR .NET DEVELOPER", "Michael Odhiambo"),
        ("AISHA RAHMAN Senior Full-Stack Developer · Toronto, ON", "Aisha Rahman"),
    ],
)
def test_a_name_in_capitals_before_a_headline(line: str, name: str) -> None:
    assert parse_resume(f"{line}\nx@example.com\n\nEXPERIENCE\nEngineer, Acme — 2020 – 2022\n").name == name


@pytest.mark.parametrize("line", ["SQL SERVER Developer", "REST API Developer"])
def test_a_headline_in_capitals_is_no_name(line: str) -> None:
    assert parse_resume(f"{line}\nx@example.com\n\nEXPERIENCE\nEngineer, Acme — 2020 – 2022\n").name is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # an address over the name, and an honorific before it
        (
            "Schönhauser Allee 112\n10437 Berlin, Germany\n\nDr. Katharina Vogel\nkv@posteo.de\n",
            "Katharina Vogel",
        ),
        # a nickname inside the name
        ("Daniel (Danny) Kowalski\nSoftware Engineer\n", "Daniel Kowalski"),
        ("Jessica “Jess” Thornton\nAtlanta, GA\n", "Jessica Thornton"),
        # letters after the name
        ("Megan O’Brien RN, BN, GradCert (Emerg Nurs)\nBrisbane, QLD\n", "Megan O’Brien"),
        # Turkish capitals
        ("ELİF YILDIRIM\nVeri Analisti\n", "Elif Yıldırım"),
        # an ASCII box
        (
            "#" * 30 + "\n#    HENDRIK JOHANNES PIETERSE    #\n#   Network Architect   #\n" + "#" * 30 + "\n",
            "Hendrik Johannes Pieterse",
        ),
        # an agency's letterhead, then a labelled table row
        (
            "TALENTBRIDGE recruitment\n\nCANDIDATE PROFILE\n\nCandidate: | Oliver James Whitfield\nRole: | Analyst\n",
            "Oliver James Whitfield",
        ),
        # a CV pasted into an email: not the greeting, the sender as the CV spells him
        (
            "From: Samuel Osei <samuel.osei@protonmail.com>\nTo: Laura Carter <laura@finch.io>\n\nDear Laura,\n\n"
            "Please find my CV below.\n\n---------- CV ----------\n\nSAMUEL KWAME OSEI\nLondon\n",
            "Samuel Kwame Osei",
        ),
        # only a running footer names the person
        (
            "Lebenslauf\nSandra\n\nPersonalien\n\nAdresse\n\nBerufserfahrung\n\nSandra Meier-Studer – Lebenslauf Seite 1 von 2\n",
            "Sandra Meier-Studer",
        ),
    ],
)
def test_names_behind_addresses_nicknames_credentials_and_letterheads(text: str, name: str) -> None:
    assert parse_resume(text).name == name


def test_a_greeting_is_no_name() -> None:
    assert parse_resume("Dear Laura,\n\nThanks for your time.\n").name is None


@pytest.mark.parametrize("line", ["Nguyen Van Do", "Li Wei Ma"])
def test_a_surname_spelt_like_credentials_stays(line: str) -> None:
    assert parse_resume(f"{line}\nSoftware Engineer\n").name == line
