"""The layout step alone, on hand-placed words: columns, label columns, headers, paragraphs."""

from __future__ import annotations

import math

from desk.extract.layout import Word, page_text

CHAR = 5.0  # width of one character at 10 pt, near enough
LINE = 13.0


def line(x: float, y: float, text: str, size: float = 10.0) -> list[Word]:
    """Words of one line of text starting at (x, y), y being the top of the line."""
    words = []
    for token in text.split():
        width = len(token) * CHAR * size / 10
        words.append(Word(x, x + width, y, y + size * 1.2, token))
        x += width + CHAR * size / 10
    return words


def column(x: float, y: float, lines: list[str]) -> list[Word]:
    return [w for i, text in enumerate(lines) for w in line(x, y + i * LINE, text)]


LEFT = ["Skills", "Python Go Rust", "SQL Docker", "Education", "BSc Physics", "Oxford 2001"]
RIGHT = [
    "Experience",
    "Engineer at Acme Corp",
    "Built the API gateway",
    "Ran the on-call rota",
    "Projects",
    "desk",
]


def test_two_columns_under_a_full_width_header() -> None:
    words = line(150, 20, "Jane Doe", size=18) + line(100, 50, "jane@example.com | London | +44 20 1234 5678")
    words += column(40, 90, LEFT) + column(260, 90, RIGHT)
    result = page_text(words)
    assert result.columns == 2
    lines = [x for x in result.text.splitlines() if x]
    assert lines == ["Jane Doe", "jane@example.com | London | +44 20 1234 5678", *LEFT, *RIGHT]


def test_three_columns() -> None:
    third = ["Languages", "English", "German", "Hobbies", "Chess", "Running"]
    words = column(40, 90, LEFT) + column(200, 90, RIGHT) + column(400, 90, third)
    result = page_text(words)
    assert result.columns == 3
    assert [x for x in result.text.splitlines() if x] == [*LEFT, *RIGHT, *third]


def test_a_date_column_beside_entries_is_not_read_separately() -> None:
    """moderncv and Europass put dates in a left column; each date belongs to the entry beside it."""
    words: list[Word] = []
    y = 40.0
    for year in range(2010, 2016):
        words += line(40, y, f"{year} - {year + 1}")
        words += column(
            160, y, [f"Engineer at Company {year}", "Did a thing with Python", "Did another thing"]
        )
        y += 4 * LINE
    result = page_text(words)
    assert result.columns == 1
    # the date keeps its line, a tab's width apart, which the parsers read as a field separator
    assert "2010 - 2011   Engineer at Company 2010\nDid a thing with Python" in result.text


def test_right_aligned_dates_on_a_one_column_page_stay_on_their_line() -> None:
    words: list[Word] = []
    y = 40.0
    for n in range(6):
        words += line(40, y, f"Engineer, Company {n}") + line(450, y, "2019 - 2021")
        words += line(40, y + LINE, "Built the payments platform used by millions of people every single day")
        y += 2 * LINE
    result = page_text(words)
    assert result.columns == 1
    assert "Engineer, Company 0   2019 - 2021\nBuilt the payments" in result.text


def test_paragraph_gaps_and_taller_headings_get_a_blank_line() -> None:
    words = line(40, 40, "Summary", size=14)
    words += column(40, 60, ["Line one of the summary", "line two of it"])
    words += line(40, 110, "Second paragraph after a gap")
    result = page_text(words)
    assert result.text == "Summary\nLine one of the summary\nline two of it\n\nSecond paragraph after a gap"
    words = column(40, 40, ["Intro text here", "more intro text"]) + line(
        40, 40 + 2 * LINE, "Experience", size=14
    )
    assert page_text(words).text == "Intro text here\nmore intro text\n\nExperience"


def test_degenerate_words_are_dropped_or_repaired() -> None:
    words = [
        Word(10, 40, 10, 22, "ok"),
        Word(50, 45, 22, 10, "flipped"),  # x1 < x0 and bottom < top
        Word(60, 90, 22, 22, "flat"),  # zero height, at the baseline
        Word(math.nan, 10, 10, 22, "nan"),
        Word(10, math.inf, 10, 22, "inf"),
        Word(10, 40, 10, 22, "  \x00\x07 "),
        Word(100, 130, 10, 22, "ctrl\x02"),
    ]
    result = page_text(words)
    assert result.text == "ok flipped flat ctrl"
    assert page_text([]).text == "" and page_text([]).columns == 0


def test_text_drawn_twice_for_fake_bold_counts_once() -> None:
    words = line(40, 40, "Experience") + [Word(40.3, 90.3, 40, 52, "Experience")] + line(40, 53, "Engineer")
    assert page_text(words).text == "Experience\nEngineer"


def test_right_aligned_places_and_dates_stay_on_their_rows() -> None:
    """Awesome-CV: company and place on one row, title and dates on the next, then full-width
    bullets. The right-hand cells are sparse and sit only on the short header rows."""
    rows: list[tuple[str, str]] = []
    for company, title in [("Kakao Corp.", "SOFTWARE ENGINEER"), ("NAVER Corp.", "ENGINEER INTERN")] * 2:
        rows += [(company, "Seongnam, South Korea"), (title, "Jul. 2019 - Feb. 2022")]
        rows += [("• Built the message delivery pipeline in Go and Kafka for forty million users", "")] * 3
    words: list[Word] = []
    for i, (left, right) in enumerate(rows):
        words += line(40, 40 + i * LINE, left)
        if right:
            words += line(470 - len(right) * CHAR, 40 + i * LINE, right)
    result = page_text(words)
    assert result.columns == 1
    assert (
        "Kakao Corp.   Seongnam, South Korea\nSOFTWARE ENGINEER   Jul. 2019 - Feb. 2022\n• Built"
        in result.text
    )


def test_a_short_sidebar_beside_a_long_column_is_still_a_column() -> None:
    """The sidebar's rows also sit on rows of the main column, but on ordinary full ones."""
    main = ["Experience"] + ["Built and ran the payments platform used by millions every day"] * 20
    result = page_text(column(40, 90, LEFT) + column(200, 90, main))
    assert result.columns == 2
    assert [x for x in result.text.splitlines() if x][: len(LEFT) + 1] == [*LEFT, "Experience"]


def test_a_table_under_its_header_row_is_read_row_by_row() -> None:
    """ "Company   Role   Period" over its rows: a table, not three columns read one after another."""
    rows = [("Company", "Role", "Period")] + [
        (f"Employer {n}", f"Engineer grade {n}", f"201{n} – 201{n + 1}") for n in range(5)
    ]
    words: list[Word] = []
    for i, (a, b, c) in enumerate(rows):
        words += line(40, 40 + i * LINE, a) + line(220, 40 + i * LINE, b) + line(400, 40 + i * LINE, c)
    result = page_text(words)
    assert result.columns == 1
    assert "Employer 0   Engineer grade 0   2010 – 2011\nEmployer 1" in result.text


def test_flush_right_dates_beside_entries_under_headings_stay_on_their_rows() -> None:
    """An education list with its dates set flush right, between headings: no column."""
    rows = [
        ("EDUCATION & TRAINING", ""),
        ("Hack Reactor — Software Engineering Immersive (Advanced), remote", "Sep 2021 – Dec 2021"),
        ("DePaul University — M.Ed., Secondary Mathematics Education", "2016"),
        ("University of Illinois Urbana-Champaign — B.S., Mathematics", "2014"),
        ("LICENSES", ""),
        ("Illinois Professional Educator License (PEL), Mathematics", "2014 – 2024"),
        ("TECHNICAL SKILLS", ""),
    ]
    words: list[Word] = []
    for i, (left, right) in enumerate(rows):
        words += line(40, 40 + i * LINE, left)
        if right:  # set flush right: every date ends at x = 560
            words += line(560 - line(0, 0, right)[-1].x1, 40 + i * LINE, right)
    result = page_text(words)
    assert result.columns == 1
    assert "DePaul University — M.Ed., Secondary Mathematics Education   2016" in result.text
