"""Markdown resumes read as their rendered text (desk.extract.markdown)."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from desk.extract import extract_bytes
from desk.extract.markdown import markdown_to_text
from desk.parse.resume import parse_resume

README_RESUME = """# Yuki Tanaka

Staff Platform Engineer · Tokyo, Japan
📧 yuki@example.jp · [GitHub](https://github.com/ytanaka)

---

## Experience

### **Staff Platform Engineer** — Mercari
*Tokyo · Apr 2021 – Present*

- Wrote a `Rust` control plane; kept `snake_case_names` and C++ as written.

### **Software Engineer** — Rakuten
*Tokyo · 2014/04 – 2017/12*

1. Java and MySQL backend
2. Solr tuning

## Skills

| Area | Tools |
|------|-------|
| Languages | Rust, Go |
| Cloud | GCP, Kubernetes |
"""


def test_syntax_is_rendered_away_and_lines_stay() -> None:
    text = markdown_to_text(README_RESUME)
    assert "#" not in text and "**" not in text and "`" not in text
    lines = text.splitlines()
    assert lines[0] == "Yuki Tanaka"
    assert "📧 yuki@example.jp · GitHub (https://github.com/ytanaka)" in lines
    # a heading and the line under it stay apart, without a blank line between them
    at = lines.index("Staff Platform Engineer — Mercari")
    assert lines[at + 1] == "Tokyo · Apr 2021 – Present"
    assert "- Wrote a Rust control plane; kept snake_case_names and C++ as written." in lines
    assert [ln for ln in lines if ln[:2] in ("1.", "2.")] == ["1. Java and MySQL backend", "2. Solr tuning"]
    assert lines[-3:] == ["Area | Tools", "Languages | Rust, Go", "Cloud | GCP, Kubernetes"]


def test_a_markdown_resume_parses_like_any_other() -> None:
    text = extract_bytes(README_RESUME.encode(), "README.md").text
    r = parse_resume(text, today=date(2026, 12, 1))
    assert r.name == "Yuki Tanaka"
    assert [(w.title, w.company, w.start, w.end) for w in r.work] == [
        ("Staff Platform Engineer", "Mercari", "2021-04", None),
        ("Software Engineer", "Rakuten", "2014-04", "2017-12"),
    ]


def test_a_txt_file_is_not_rendered() -> None:
    assert extract_bytes(b"**Bold** and `code`", "cv.txt").text == "**Bold** and `code`"


def test_links_emails_and_html() -> None:
    text = markdown_to_text("<https://a.dev> [a@b.io](mailto:a@b.io) line<br>break\n\n<div>Jane</div>\n")
    assert text.splitlines() == ["https://a.dev a@b.io line", "break", "", "Jane"]


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_renders_without_error(source: str) -> None:
    assert isinstance(markdown_to_text(source), str)
