"""Turn the core's read models into Textual Content.

Colours are theme variables ($text-success, $text-error, ...), resolved when the
widget renders, so every Textual theme works and nothing here hard-codes a colour.
"""

from __future__ import annotations

import textwrap
from typing import Any

from textual.content import Content, Span

from desk.services.blind import blind_label, redact

STATUS_GLYPH = {"met": "✓", "partial": "◐", "missing": "✗", "not-met": "✗", "unknown": "?"}
STATUS_STYLE = {
    "met": "$text-success",
    "partial": "$text-warning",
    "missing": "$text-error",
    "not-met": "$text-error",
    "unknown": "$text-muted",
}
STATUS_WORD = {"met": "met", "partial": "partly met", "missing": "missing", "not-met": "not met"}
EIGHTHS = " ▏▎▍▌▋▊▉"


def score_bar(score: float | None, width: int) -> str:
    """A bar of ``width`` cells, in eighths of a cell, for a 0-100 score."""
    if width <= 0:
        return ""
    eighths = round(max(0.0, min(100.0, score or 0.0)) / 100 * width * 8)
    full, part = divmod(eighths, 8)
    bar = "█" * full + (EIGHTHS[part] if part and full < width else "")
    return bar.ljust(width)


def display_name(candidate_id: str, name: str | None, blind: bool) -> str:
    if blind:
        return blind_label(candidate_id)
    return name or "(no name)"


def years_text(years: float | None) -> str:
    return "–" if years is None else f"{years:.1f}"


def usage_text(item: dict[str, Any]) -> str:
    """ "52 mo · 2026": how long and how recently a skill was used."""
    parts = []
    if item.get("months"):
        months = item["months"]
        parts.append(f"{months // 12}y {months % 12}m" if months >= 12 else f"{months} mo")
    if item.get("last_year"):
        parts.append(f"last {item['last_year']}")
    return " · ".join(parts)


def status_glyph(status: str) -> tuple[str, str]:
    return STATUS_GLYPH.get(status, "?"), STATUS_STYLE.get(status, "$text-muted")


def hidden(text: str, blind: bool, terms: list[str]) -> str:
    return redact(text, terms) if blind else text


INDENT = "     "


def wrap_indented(text: str, width: int, indent: str = INDENT) -> str:
    """Wrap ``text`` to ``width`` with every line indented: a hanging block under its requirement."""
    lines = textwrap.wrap(text, max(20, width - len(indent)), break_long_words=True, break_on_hyphens=False)
    return "\n".join(indent + line for line in lines)


def _requirement(
    item: dict[str, Any], blind: bool, terms: list[str], width: int, evidence: bool = True
) -> Content:
    """Line one: status, label, how it matched. Then, indented: use, detail and the evidence."""
    glyph, style = status_glyph(item["status"])
    parts: list[str | tuple[str, str] | Content] = [(f" {glyph} ", style), (item["label"], "bold")]
    if item["kind"] != "required":
        parts.append((f" ({item['kind']})", "$text-muted"))
    if item.get("knockout"):
        parts.append((" knockout", "$text-error"))
    if item.get("how"):
        parts.append((" · " + item["how"], "$text-accent"))
    facts = " · ".join(x for x in (usage_text(item), hidden(item.get("detail") or "", blind, terms)) if x)
    if facts:
        parts.append(("\n" + wrap_indented(facts, width), "$text-muted"))
    if evidence and item.get("evidence"):
        quote = "“" + hidden(item["evidence"], blind, terms) + "”"
        parts.append(("\n" + wrap_indented(quote, width), "italic"))
    return Content.assemble(*parts)


def breakdown_content(data: dict[str, Any], blind: bool, width: int = 80) -> Content:
    """The detail pane: who, the score, then met / partly met / missing, then fit."""
    summary, bd = data["summary"], data["breakdown"]
    terms = data.get("sensitive", [])
    name = display_name(summary["candidate_id"], summary["name"], blind)
    star = " ★" if summary.get("starred") else ""
    lines: list[Content] = [
        Content.assemble((name, "bold"), (star, "$text-warning")),
        Content.assemble(
            (f"{bd['score']:.1f}", "bold $text-primary"),
            f" points · {bd['met']}/{bd['required_total']} required · ",
            f"{years_text(summary.get('years_experience'))} yrs · stage {summary.get('stage') or '–'}",
        ),
    ]
    extra = ["" if blind else summary.get("location") or "", ", ".join(summary.get("tags") or [])]
    if any(extra):
        lines.append(
            Content.assemble(
                (extra[0], "$text-muted"),
                ("  #" + " #".join(summary["tags"]) if extra[1] else "", "$text-accent"),
            )
        )
    if bd.get("knocked_out"):
        lines.append(Content.styled("Knocked out: a knockout requirement is not met", "bold $text-error"))
    snippet = data.get("snippet")
    if snippet:
        text = hidden(snippet["text"], blind, terms)
        spans = [Span(s, e, "bold $text-warning underline") for s, e in snippet["spans"]]
        lines.append(Content.assemble(("search: ", "$text-muted"), Content(text, spans)))
    groups = bd["skills"]
    for key, title in (("met", "Met"), ("partial", "Partly met"), ("missing", "Missing")):
        items = groups.get(key) or []
        if not items:
            continue
        lines.append(Content.styled(f"\n{title} ({len(items)})", "bold underline"))
        if key == "missing":
            lines.append(_missing(items))
        else:
            lines.extend(_requirement(i, blind, terms, width) for i in items)
    if bd.get("fit"):
        lines.append(Content.styled("\nExperience, education and screening", "bold underline"))
        lines.extend(_requirement(i, blind, terms, width, evidence=False) for i in bd["fit"])
    lines.append(Content.styled(f"\nscorer {bd['scorer_version']}", "$text-muted"))
    return Content("\n").join(lines)


def _missing(items: list[dict[str, Any]]) -> Content:
    parts: list[str | tuple[str, str]] = [(" ✗ ", "$text-error")]
    for i, item in enumerate(items):
        if i:
            parts.append(", ")
        style = "bold" if item["kind"] == "required" else "$text-muted"
        parts.append((item["label"], style))
    return Content.assemble(*parts)


def highlighted_text(
    text: str, skills: list[dict[str, Any]], search: list[tuple[int, int]], blind: bool, terms: list[str]
) -> Content:
    """Resume text with skills marked (stronger when the job asks for them) and search hits on top."""
    spans = []
    for s in skills:
        if s["wanted"] == "required":
            style = "bold $text-success underline"
        elif s["wanted"]:
            style = "$text-success"
        elif s["how"] == "fuzzy":
            style = "$text-warning"
        else:
            style = "$text-accent"
        spans.append(Span(s["start"], s["end"], style))
    spans.extend(Span(s, e, "reverse $text-warning") for s, e in search)
    return Content(hidden(text, blind, terms), spans)


def rich_styles(app: Any) -> dict[str, Any]:
    """Rich styles for widgets that take rich Text (DataTable cells), from the current theme.

    DataTable renders cells with Rich, which knows nothing of Textual's $variables, so
    the colours are looked up in the theme each time it changes; a value Rich cannot
    parse (ANSI themes) falls back to no colour rather than a wrong one.
    """
    from rich.color import Color, ColorParseError
    from rich.style import Style

    variables = app.get_css_variables()
    out: dict[str, Any] = {}
    for status, name in STATUS_STYLE.items():
        value = variables.get(name.lstrip("$"), "")
        try:
            out[status] = Style(color=Color.parse(value)) if value else Style()
        except ColorParseError:
            out[status] = Style(dim=status == "unknown")
    out["muted"] = Style(dim=True)
    out["bold"] = Style(bold=True)
    return out
