"""Dates and ranges as resumes write them (desk.parse.dates)."""

from __future__ import annotations

import time
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desk.parse.dates import find_dates, find_ranges, index_ym, month_index, parse_date, period, ym_str

TODAY = date(2026, 12, 1)


def one_range(text: str):
    ranges = find_ranges(text, TODAY)
    assert len(ranges) == 1, (text, ranges)
    return ranges[0]


@pytest.mark.parametrize(
    ("text", "start", "end", "current"),
    [
        ("Jan 2019 – Present", (2019, 1), None, True),
        ("January 2019 - Current", (2019, 1), None, True),
        ("2017-2020", (2017, None), (2020, None), False),
        ("2017 – 2020", (2017, None), (2020, None), False),
        ("03/2018 - 06/2021", (2018, 3), (2021, 6), False),
        ("3/2018–6/2021", (2018, 3), (2021, 6), False),
        ("2021–now", (2021, None), None, True),
        ("June 2015 to August 2018", (2015, 6), (2018, 8), False),
        ("Sep 2020 - Current", (2020, 9), None, True),
        ("Sept 2020 — today", (2020, 9), None, True),
        ("2019.03 - 2021.06", (2019, 3), (2021, 6), False),
        ("2019-03 – 2021-06", (2019, 3), (2021, 6), False),
        ("Mar '19 – Jun '21", (2019, 3), (2021, 6), False),
        ("Mar ’98 – Jun ’01", (1998, 3), (2001, 6), False),
        ("Jan. 2019 - Mar. 2020", (2019, 1), (2020, 3), False),
        ("15.03.2019 - 30.06.2020", (2019, 3), (2020, 6), False),
        ("2019 to date", (2019, None), None, True),
        # German, French, Spanish
        ("März 2019 – bis heute", (2019, 3), None, True),
        ("Mai 2019 bis Juli 2020", (2019, 5), (2020, 7), False),
        ("Okt 2018 - Dez 2020", (2018, 10), (2020, 12), False),
        ("Juni 2016 – Feb 2018", (2016, 6), (2018, 2), False),
        ("10/2021 – heute", (2021, 10), None, True),
        ("seit 2020", (2020, None), None, True),
        ("since March 2021", (2021, 3), None, True),
        ("janvier 2020 – actuel", (2020, 1), None, True),
        ("enero 2019 - actualidad", (2019, 1), None, True),
        # a start month that borrows the end's year
        ("May – Aug 2026", (2026, 5), (2026, 8), False),
        ("Nov – Feb 2020", (2019, 11), (2020, 2), False),
        ("Summer 2024 - Fall 2024", (2024, 6), (2024, 9), False),
    ],
)
def test_range_forms(text: str, start, end, current: bool) -> None:
    r = one_range(text)
    assert (r.start, r.end, r.current) == (start, end, current)
    assert text[r.pos : r.endpos].strip() == text.strip()


def test_range_inside_a_line_has_its_span() -> None:
    line = "Senior Engineer, Acme Corp — Jan 2019 – Present (remote)"
    r = one_range(line)
    assert line[r.pos : r.endpos] == "Jan 2019 – Present"


def test_several_ranges_in_order() -> None:
    text = "Engineer 2015 – 2017, then Lead 2018 – 2020 and 2022-now"
    assert [(r.start, r.end, r.current) for r in find_ranges(text, TODAY)] == [
        ((2015, None), (2017, None), False),
        ((2018, None), (2020, None), False),
        ((2022, None), None, True),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "in 2019 we shipped",
        "GPA 3.87/4.00",
        "+44 20 7946 0958",
        "version 12.5/2019",
        "1,200,000 users",
        "",
        "2019",
    ],
)
def test_not_a_range(text: str) -> None:
    assert find_ranges(text, TODAY) == []


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("Jan 2019 – Mar 2019", 3),  # inclusive
        ("Jan 2020 – Dec 2020", 12),
        ("2017-2020", 48),  # year-only: January to December
        ("2019 – 2019", 12),
        ("Nov 2026 – Present", 2),  # up to today's month, inclusive
        ("2026 – Present", 12),
        ("Jan 2026 – Dec 2027", 12),  # clamped to today
    ],
)
def test_months(text: str, months: int) -> None:
    p = period(one_range(text), TODAY)
    assert not p.impossible
    assert p.months == months


@pytest.mark.parametrize(
    "text", ["2021 - 2019", "Present - 2018", "Jan 2027 – Present", "Mar 2020 – Jan 2020"]
)
def test_impossible_ranges(text: str) -> None:
    p = period(one_range(text), TODAY)
    assert p.impossible
    assert p.months == 0


@pytest.mark.parametrize(
    ("text", "ym"),
    [
        ("Jan 2019", (2019, 1)),
        ("September 2020", (2020, 9)),
        ("Dez. 2019", (2019, 12)),
        ("03/2018", (2018, 3)),
        ("2019.03", (2019, 3)),
        ("2019", (2019, None)),
        ("Mar '19", (2019, 3)),
        ("Summer 2024", (2024, 6)),
        ("13/2019", None),
        ("hello", None),
        ("Jan 2019 – 2020", None),
    ],
)
def test_parse_date(text: str, ym) -> None:
    assert parse_date(text, TODAY) == ym


def test_find_dates_with_spans() -> None:
    text = "B.S. Computer Science — May 2024, GPA 3.87/4.00"
    assert find_dates(text, TODAY) == [((2024, 5), text.index("May"), text.index("May") + 8)]


def test_month_axis_round_trips() -> None:
    assert index_ym(month_index(2019, 3)) == "2019-03"
    assert ym_str((2019, 3)) == "2019-03"
    assert ym_str((2019, None)) == "2019"
    assert ym_str(None) is None


@pytest.mark.parametrize("unit", ["a-", "2019 ", "Jan ", "2019-", "Jan 2019 – ", "12/", "'19 ", "May – "])
def test_long_lines_are_linear(unit: str) -> None:
    line = unit * (50_000 // len(unit))
    started = time.process_time()  # CPU time: other jobs on a busy machine do not count
    find_ranges(line, TODAY)
    find_dates(line, TODAY)
    assert time.process_time() - started < 0.5


@settings(deadline=None, max_examples=200)
@given(st.text())
def test_never_raises(text: str) -> None:
    for r in find_ranges(text, TODAY):
        assert 0 <= r.pos < r.endpos <= len(text)
        period(r, TODAY)
    for _ym, a, b in find_dates(text, TODAY):
        assert 0 <= a < b <= len(text)


_years = st.integers(1970, 2026)
_months = st.integers(1, 12)


@settings(deadline=None, max_examples=200)
@given(_years, _months, _years, _months, st.sampled_from([" – ", "-", " to ", " — ", "–"]))
def test_ranges_round_trip(y1: int, m1: int, y2: int, m2: int, sep: str) -> None:
    """Any written month range parses back; backwards ones are flagged impossible."""
    r = one_range(f"{m1:02d}/{y1}{sep}{m2:02d}/{y2}")
    assert (r.start, r.end) == ((y1, m1), (y2, m2))
    p = period(r, TODAY)
    assert p.impossible == ((y1, m1) > (y2, m2))
    if not p.impossible:
        assert p.months == (y2 * 12 + m2) - (y1 * 12 + m1) + 1


@pytest.mark.parametrize(
    "text", ["Aug 2017 – Till Date", "Aug 2017 - till now", "Aug 2017 to till date", "Aug 2017 – Up to date"]
)
def test_till_date_is_present(text: str) -> None:
    [r] = find_ranges(text, TODAY)
    assert (r.start, r.current) == ((2017, 8), True)


@pytest.mark.parametrize(
    ("text", "start", "end", "current"),
    [
        ("June-2018 to July-2020", (2018, 6), (2020, 7), False),
        ("Jun-2018 – Jul-2020", (2018, 6), (2020, 7), False),
        ("Jun-18 to Jul-20", (2018, 6), (2020, 7), False),
        ("Jun-18 – Present", (2018, 6), None, True),
        ("Jan-2019 - Till Date", (2019, 1), None, True),
    ],
)
def test_month_and_year_joined_by_a_hyphen(text: str, start, end, current: bool) -> None:
    """ "Jun-2018" read the year alone and the range ended in the start's year; "Jun-18" was no date."""
    r = one_range(text)
    assert (r.start, r.end, r.current) == (start, end, current)


@pytest.mark.parametrize("text", ["COVID-19 dashboards", "ISO-27 audit", "Windows-10 rollout", "A-20 plan"])
def test_two_digits_after_a_hyphen_need_a_month_word(text: str) -> None:
    assert find_dates(text, TODAY) == []


@pytest.mark.parametrize(
    ("text", "start", "end", "current"),
    [
        ("03.2021 – obecnie", (2021, 3), None, True),
        ("marzec 2019 – wrzesień 2021", (2019, 3), (2021, 9), False),
        ("od lipca 2018 do października 2020", (2018, 7), (2020, 10), False),
        ("june 2021 - curent", (2021, 6), None, True),
    ],
)
def test_polish_dates_and_a_misspelt_present(text: str, start, end, current: bool) -> None:
    r = one_range(text)
    assert (r.start, r.end, r.current) == (start, end, current)


@pytest.mark.parametrize(
    ("text", "start", "end", "current"),
    [
        ("01/09/2020 – Present", (2020, 9), None, True),  # Europass: day first
        ("01/09/2017 – 31/08/2020", (2017, 9), (2020, 8), False),
        ("09/01/2019 - 06/30/2021", (2019, 9), (2021, 6), False),  # US: the 30th says month first
        ("2019-09-01 – 2020-08-31", (2019, 9), (2020, 8), False),
    ],
)
def test_whole_dates_with_a_day(text: str, start, end, current: bool) -> None:
    """Europass and ISO dates carry a day; they were no dates at all."""
    r = one_range(text)
    assert (r.start, r.end, r.current) == (start, end, current)
