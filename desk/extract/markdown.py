"""Markdown resumes as the plain text a reader sees: no ``#``, ``**``, backticks or link syntax.

Why render rather than strip with regexes: a developer's README-style resume is full of
``snake_case``, ``C++``, ``*`` bullets and ``[text](url)`` links, where a regex that removes
emphasis also eats underscores and stars that are content. markdown-it (CommonMark) already
knows which is which. Lines stay as the author wrote them (soft breaks are kept, blank lines
only where the source had them), so the resume parser sees the same lines a person reads.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

_MD = MarkdownIt("commonmark").enable("table").enable("strikethrough")
_TAG = re.compile(r"<[^>\n]*>")
_BR = re.compile(r"<br\s*/?>", re.I)


def markdown_to_text(source: str) -> str:
    """The text of ``source`` with Markdown syntax rendered away; each block on its own lines."""
    tokens = _MD.parse(source)
    out: list[str] = []
    last_line = 0  # the source line after the last block written: a gap there is a blank line
    ordinals: list[int] = []
    pending_marker = ""
    row: list[str] | None = None  # the cells of the table row being read
    for tok in tokens:
        kind = tok.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            ordinals.append(int(tok.attrGet("start") or 1) if kind == "ordered_list_open" else 0)
        elif kind in ("bullet_list_close", "ordered_list_close"):
            ordinals.pop()
        elif kind == "list_item_open":
            depth = "  " * (len(ordinals) - 1)
            if ordinals and ordinals[-1]:
                pending_marker = f"{depth}{ordinals[-1]}. "
                ordinals[-1] += 1
            else:
                pending_marker = f"{depth}- "
        elif kind == "table_open":
            last_line = _gap(out, tok, last_line)  # rows follow one another, the |---| line is no gap
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close" and row is not None:
            out.append(" | ".join(row))
            row = None
        elif kind == "inline" and row is not None:  # a table cell's content
            row.append(_inline(tok).replace("\n", " ").strip())
        elif kind == "inline":
            last_line = _gap(out, tok, last_line)
            text = _inline(tok)
            if pending_marker:
                text = pending_marker + text
                pending_marker = ""
            out.append(text)
        elif kind in ("fence", "code_block"):
            last_line = _gap(out, tok, last_line)
            out.append(tok.content.rstrip("\n"))
        elif kind == "html_block":
            last_line = _gap(out, tok, last_line)
            out.append(_TAG.sub("", _BR.sub("\n", tok.content)).strip("\n"))
        elif kind == "hr":
            last_line = _gap(out, tok, last_line)
    return "\n".join(out)


def _gap(out: list[str], tok: Token, last_line: int) -> int:
    """A blank line before this block when the source had one (or more) before it."""
    if tok.map is not None:
        if out and tok.map[0] > last_line:
            out.append("")
        return max(last_line, tok.map[1])
    return last_line


def _inline(tok: Token) -> str:
    """An inline run as text: emphasis and code marks dropped, a link as its text and its address."""
    parts: list[str] = []
    link_text_at: list[tuple[int, str]] = []
    for child in tok.children or []:
        kind = child.type
        if kind in ("text", "code_inline"):
            parts.append(child.content)
        elif kind in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif kind == "image":
            parts.append(child.content)
        elif kind == "html_inline":
            if _BR.fullmatch(child.content.strip()):
                parts.append("\n")
        elif kind == "link_open":
            link_text_at.append((len(parts), str(child.attrGet("href") or "")))
        elif kind == "link_close" and link_text_at:
            at, href = link_text_at.pop()
            shown = "".join(parts[at:]).strip()
            # an autolink or a link whose text is its address: once is enough
            if href and href not in shown and href.removeprefix("mailto:") not in shown:
                parts.append(f" ({href})")
    return "".join(parts)
