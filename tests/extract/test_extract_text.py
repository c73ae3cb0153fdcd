"""TXT/MD decoding, JSON Resume, and the errors every format shares (suffix, size, emptiness)."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

from desk.errors import DeskError
from desk.extract import SUPPORTED_SUFFIXES, ExtractError, extract_bytes, extract_file

WESTERN = "Zoë Müller — café – naïve “Senior” engineer, 5 € bonus\r\nSkills: Python\r\n"


@pytest.mark.parametrize(
    ("encoded", "encoding"),
    [
        (WESTERN.encode("utf-8"), "utf-8"),
        (WESTERN.encode("utf-8-sig"), "utf-8-sig"),
        (WESTERN.encode("utf-16"), "utf-16"),
        (WESTERN.encode("utf-16-be").join([b"\xfe\xff", b""]), "utf-16"),
        (WESTERN.encode("cp1252"), "cp1252"),
        ("café – naïve".encode("cp1252"), "cp1252"),
    ],
)
def test_text_decodes_in_common_encodings(encoded: bytes, encoding: str) -> None:
    result = extract_bytes(encoded, "cv.txt")
    assert result.layout["encoding"] == encoding
    assert result.text == WESTERN.replace("\r\n", "\n").strip() or result.text == "café – naïve"
    assert (result.format, result.pages, result.engine, result.json_resume) == ("txt", 1, None, None)


def test_utf16_without_bom_and_non_western_encodings_decode() -> None:
    assert (
        extract_bytes("Ada Lovelace, engineer\n".encode("utf-16-le"), "a.txt").text
        == "Ada Lovelace, engineer"
    )
    polish = "Zażółć gęślą jaźń. Doświadczenie: programista Python w Krakowie, Łódź i Gdańsk.\n" * 3
    assert extract_bytes(polish.encode("cp1250"), "pl.txt").text == polish.strip()
    russian = (
        "Иван Петров. Опыт работы: программист Python в Москве с 2015 года.\nНавыки: SQL, Django, Linux.\n"
    )
    assert extract_bytes(russian.encode("cp1251"), "ru.txt").text == russian.strip()


def test_newlines_nuls_and_blank_runs_are_normalised() -> None:
    result = extract_bytes(b"Name\r\n\r\n\r\n\r\nSkills\x00: Go  \rEnd\n", "cv.md")
    assert result.format == "md"
    assert result.text == "Name\n\nSkills: Go\nEnd"


@pytest.mark.parametrize("suffix", [".txt", ".md", ".markdown"])
def test_whitespace_only_text_is_empty(suffix: str) -> None:
    with pytest.raises(ExtractError) as info:
        extract_bytes(b" \r\n\t\n\x00  ", f"cv{suffix}")
    assert info.value.reason == "empty"


def test_binary_data_named_txt_is_bad_encoding() -> None:
    with pytest.raises(ExtractError) as info:
        extract_bytes(bytes(range(256)) * 8, "cv.txt")
    assert info.value.reason == "bad-encoding"


RESUME = {
    "basics": {
        "name": "Margaret Hamilton",
        "label": "Software Engineer",
        "email": "margaret@example.com",
        "phone": "+1 555 0100",
        "location": {"city": "Cambridge", "region": "MA", "countryCode": "US"},
        "profiles": [{"network": "GitHub", "url": "https://github.com/mh"}],
        "summary": "Led the Apollo flight software team.",
    },
    "work": [
        {
            "name": "MIT Instrumentation Lab",
            "position": "Director of Software Engineering",
            "startDate": "1965-01",
            "highlights": ["Apollo guidance computer software", "Coined software engineering"],
        },
        {"company": "Hamilton Technologies", "position": "CEO", "startDate": "1986", "endDate": "2000"},
    ],
    "education": [
        {"institution": "Earlham College", "area": "Mathematics", "studyType": "BA", "endDate": "1958"}
    ],
    "skills": [{"name": "Languages", "keywords": ["Assembly", "HAL/S"]}, "not a dict"],
    "projects": [{"name": "Apollo 11", "description": "Landing software", "highlights": ["1202 alarm"]}],
}


def test_json_resume_is_kept_and_rendered_as_resume_text() -> None:
    result = extract_bytes(json.dumps(RESUME).encode(), "mh.json")
    assert result.format == "json" and result.json_resume == RESUME
    text = result.text
    assert text.startswith("Margaret Hamilton\nSoftware Engineer\nmargaret@example.com | +1 555 0100\n")
    assert "Cambridge, MA, US" in text and "GitHub: https://github.com/mh" in text
    assert (
        "\n\nExperience\nDirector of Software Engineering, MIT Instrumentation Lab — 1965-01 – Present\n"
        in text
    )
    assert "- Apollo guidance computer software\n- Coined software engineering" in text
    assert "CEO, Hamilton Technologies — 1986 – 2000" in text
    assert "\n\nEducation\nBA in Mathematics, Earlham College — ? – 1958" in text
    assert "\n\nSkills\nLanguages: Assembly, HAL/S" in text
    assert "\n\nProjects\nApollo 11\nLanding software\n- 1202 alarm" in text
    assert text.index("Experience") < text.index("Education") < text.index("Skills") < text.index("Projects")


def test_json_resume_with_odd_types_still_renders() -> None:
    doc = {
        "basics": {"name": ["not", "a", "string"], "label": 7},
        "work": "oops",
        "skills": [{"keywords": [1, None]}],
    }
    result = extract_bytes(json.dumps(doc).encode(), "odd.json")
    assert result.text == "7\n\nSkills\n1"


def test_invalid_json_says_where() -> None:
    with pytest.raises(ExtractError) as info:
        extract_bytes(b'{\n  "basics": {"name": "A",}\n}', "cv.json")
    assert info.value.reason == "bad-json"
    assert "line 2, column" in info.value.message


@pytest.mark.parametrize("doc", [[1, 2, 3], {"name": "x", "version": "1.0"}, "a string"])
def test_json_that_is_not_a_resume_is_unsupported(doc: object) -> None:
    with pytest.raises(ExtractError) as info:
        extract_bytes(json.dumps(doc).encode(), "package.json")
    assert info.value.reason == "unsupported" and "JSON Resume" in info.value.message


def test_deeply_nested_json_is_bad_json_not_a_crash() -> None:
    with pytest.raises(ExtractError) as info:
        extract_bytes(b"[" * 100_000 + b"]" * 100_000, "deep.json")
    assert info.value.reason == "bad-json"


def test_unknown_suffix_is_unsupported_with_the_documented_message() -> None:
    with pytest.raises(ExtractError) as info:
        extract_bytes(b"MZ\x90\x00", "setup.exe")
    assert info.value.reason == "unsupported"
    assert info.value.message == "unsupported file type .exe (desk reads PDF, DOCX, TXT, MD and JSON Resume)"
    assert str(info.value) == info.value.message


def test_old_doc_is_unsupported_with_a_hint() -> None:
    with pytest.raises(ExtractError) as info:
        extract_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "CV.DOC")
    assert info.value.reason == "unsupported" and "save it as DOCX" in info.value.message


def test_suffix_is_case_insensitive_and_supported_set_is_public() -> None:
    assert {".pdf", ".docx", ".txt", ".md", ".markdown", ".json"} == SUPPORTED_SUFFIXES
    assert extract_bytes(b"hello", "CV.TXT").text == "hello"
    with pytest.raises(ExtractError) as info:
        extract_bytes(b"hello", "README")
    assert info.value.reason == "unsupported" and "(no extension)" in info.value.message


@pytest.mark.parametrize("suffix", sorted(SUPPORTED_SUFFIXES))
def test_zero_bytes_is_empty(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"empty{suffix}"
    path.write_bytes(b"")
    with pytest.raises(ExtractError) as info:
        extract_file(path)
    assert info.value.reason == "empty"


def test_oversize_is_too_large_and_names_the_limit(tmp_path: Path) -> None:
    with pytest.raises(ExtractError) as info:
        extract_bytes(b"x" * 2_000_001, "big.txt", max_bytes=2_000_000)
    assert info.value.reason == "too-large"
    assert "2.0 MB" in info.value.message
    path = tmp_path / "big.pdf"
    path.write_bytes(b"%PDF-1.4\n" + b"0" * 5000)
    with pytest.raises(ExtractError) as info:
        extract_file(path, max_bytes=4096)
    assert info.value.reason == "too-large" and "4,096 bytes" in info.value.message


def test_missing_file_is_unreadable(tmp_path: Path) -> None:
    with pytest.raises(ExtractError) as info:
        extract_file(tmp_path / "nope.pdf")
    assert info.value.reason == "unreadable"


def test_extract_error_is_a_desk_error_with_a_known_reason_and_pickles() -> None:
    assert issubclass(ExtractError, DeskError)
    with pytest.raises(ValueError):
        ExtractError("nonsense", "not a reason")
    error = pickle.loads(pickle.dumps(ExtractError("corrupt", "the PDF is damaged")))
    assert (error.reason, error.message, str(error)) == (
        "corrupt",
        "the PDF is damaged",
        "the PDF is damaged",
    )
