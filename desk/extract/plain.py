"""TXT and Markdown: decode, (render Markdown,) tidy. The text is already in reading order."""

from __future__ import annotations

from desk.extract.decode import decode_text
from desk.extract.result import Extracted, ExtractError
from desk.extract.tidy import is_blank, tidy


def extract_plain(data: bytes, fmt: str) -> Extracted:
    """Text of a ``.txt``/``.md`` file; only whitespace counts as empty."""
    raw, encoding = decode_text(data)
    text = tidy(raw)
    if fmt == "md":  # loaded here: only Markdown files pay for the Markdown parser
        from desk.extract.markdown import markdown_to_text

        text = tidy(markdown_to_text(text))  # tidy first: the parser turns a NUL into U+FFFD
    if is_blank(text):
        raise ExtractError("empty", "the file contains no text")
    layout = {"columns": [1], "text_layer": True, "encoding": encoding}
    return Extracted(text=text, format=fmt, pages=1, engine=None, layout=layout)
