"""JSON Resume (jsonresume.org): keep the document and render it as plain resume text.

The rendering uses the usual section headings so the same text parser reads it like any other
resume; the parsed dict travels along for callers that prefer the structure.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from desk.extract.decode import decode_text
from desk.extract.result import Extracted, ExtractError
from desk.extract.tidy import tidy

RESUME_KEYS = ("basics", "work", "education", "skills")


def extract_json(data: bytes) -> Extracted:
    """Parse a JSON Resume; other JSON is unsupported, broken JSON is ``bad-json`` with line/column."""
    raw, encoding = decode_text(data)
    try:
        doc = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ExtractError(
            "bad-json", f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from None
    except (ValueError, RecursionError) as exc:
        raise ExtractError("bad-json", f"invalid JSON: {exc}") from None
    if not isinstance(doc, dict) or not any(key in doc for key in RESUME_KEYS):
        raise ExtractError(
            "unsupported",
            "this JSON is not a JSON Resume (it has none of basics, work, education or skills)",
        )
    text = tidy(render(doc))
    if not text.strip():
        raise ExtractError("empty", "the JSON Resume has no text in it")
    layout = {"columns": [1], "text_layer": True, "encoding": encoding}
    return Extracted(text=text, format="json", pages=1, engine=None, layout=layout, json_resume=doc)


def render(doc: dict[str, Any]) -> str:
    """A readable resume: name and contact first, then one headed section per list."""
    sections = [
        _basics(_dict(doc.get("basics"))),
        _section("Experience", (_work(e) for e in _dicts(doc.get("work")))),
        _section("Volunteering", (_work(e) for e in _dicts(doc.get("volunteer")))),
        _section("Education", (_education(e) for e in _dicts(doc.get("education")))),
        _section("Skills", (_skill(e) for e in _dicts(doc.get("skills")))),
        _section("Projects", (_project(e) for e in _dicts(doc.get("projects")))),
        _section(
            "Certificates", (_titled(e, "name", "issuer", "date") for e in _dicts(doc.get("certificates")))
        ),
        _section("Awards", (_titled(e, "title", "awarder", "date") for e in _dicts(doc.get("awards")))),
        _section("Languages", (_joined(e, "language", "fluency") for e in _dicts(doc.get("languages")))),
        _section("Interests", (_skill(e) for e in _dicts(doc.get("interests")))),
    ]
    return "\n\n".join(s for s in sections if s)


def _basics(basics: dict[str, Any]) -> str:
    location = _dict(basics.get("location"))
    place = ", ".join(v for v in (_s(location.get(k)) for k in ("city", "region", "countryCode")) if v)
    contact = " | ".join(v for v in (_s(basics.get(k)) for k in ("email", "phone", "url")) if v)
    lines = [_s(basics.get("name")), _s(basics.get("label")), contact, place]
    for profile in _dicts(basics.get("profiles")):
        lines.append(_joined(profile, "network", "url") or _s(profile.get("username")))
    head = "\n".join(line for line in lines if line)
    summary = _s(basics.get("summary"))
    return head + (f"\n\nSummary\n{summary}" if summary else "")


def _section(title: str, entries: Iterator[str]) -> str:
    body = "\n\n".join(e for e in entries if e)
    return f"{title}\n{body}" if body else ""


def _work(entry: dict[str, Any]) -> str:
    org = _s(entry.get("name")) or _s(entry.get("company")) or _s(entry.get("organization"))
    title = ", ".join(v for v in (_s(entry.get("position")), org) if v)
    lines = [_dated(title, entry), _s(entry.get("location")), _s(entry.get("summary"))]
    return _lines(lines, entry.get("highlights"))


def _education(entry: dict[str, Any]) -> str:
    degree = " in ".join(v for v in (_s(entry.get("studyType")), _s(entry.get("area"))) if v)
    title = ", ".join(v for v in (degree, _s(entry.get("institution"))) if v)
    score = _s(entry.get("score"))
    return _lines([_dated(title, entry), f"Score: {score}" if score else ""], entry.get("courses"))


def _project(entry: dict[str, Any]) -> str:
    lines = [_dated(_s(entry.get("name")), entry), _s(entry.get("description"))]
    keywords = _strings(entry.get("keywords"))
    if keywords:
        lines.append("Keywords: " + ", ".join(keywords))
    return _lines(lines, entry.get("highlights"))


def _skill(entry: dict[str, Any]) -> str:
    name = " ".join(v for v in (_s(entry.get("name")), _paren(_s(entry.get("level")))) if v)
    keywords = ", ".join(_strings(entry.get("keywords")))
    return f"{name}: {keywords}" if name and keywords else name or keywords


def _titled(entry: dict[str, Any], title: str, by: str, date: str) -> str:
    return " — ".join(v for v in (_s(entry.get(title)), _s(entry.get(by)), _s(entry.get(date))) if v)


def _joined(entry: dict[str, Any], first: str, second: str) -> str:
    return ": ".join(v for v in (_s(entry.get(first)), _s(entry.get(second))) if v)


def _dated(title: str, entry: dict[str, Any]) -> str:
    start, end = _s(entry.get("startDate")), _s(entry.get("endDate"))
    if not start and not end:
        return title
    span = f"{start or '?'} – {end or 'Present'}"
    return f"{title} — {span}" if title else span


def _lines(lines: list[str], bullets: Any) -> str:
    return "\n".join([*(line for line in lines if line), *(f"- {b}" for b in _strings(bullets))])


def _paren(text: str) -> str:
    return f"({text})" if text else ""


def _s(value: Any) -> str:
    """A scalar as stripped text; anything else (lists, dicts, null) as nothing."""
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, (str, int, float)):
        return str(value).strip()
    return ""


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _strings(value: Any) -> list[str]:
    return [s for s in (_s(v) for v in value) if s] if isinstance(value, list) else []
