"""Whatever the bytes, extraction returns a result or raises ExtractError, never anything else."""

from __future__ import annotations

import io
import json

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desk.extract import SUPPORTED_SUFFIXES, Extracted, ExtractError, extract_bytes
from tests.extract.builders import add_resume_page, new_pdf


def _pdf_seed() -> bytes:
    pdf = new_pdf()
    add_resume_page(
        pdf, ["# Skills", "Python, Go"], columns=2, right=["# Experience", "Engineer, Acme"], header=["Ann"]
    )
    return bytes(pdf.output())


def _docx_seed() -> bytes:
    document = docx.Document()
    document.add_heading("Experience", level=1)
    document.add_paragraph("Engineer, Acme")
    document.add_table(rows=1, cols=2).rows[0].cells[0].text = "Python"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


SEEDS = {
    ".pdf": _pdf_seed(),
    ".docx": _docx_seed(),
    ".json": json.dumps(
        {"basics": {"name": "Ann"}, "work": [{"name": "Acme", "highlights": ["x"]}]}
    ).encode(),
    ".txt": "Zoë – café\r\nSkills: Go\n".encode(),
}


def _flip(seed: bytes, edits: list[tuple[int, int]]) -> bytes:
    data = bytearray(seed)
    for position, value in edits:
        data[position % len(data)] = value
    return bytes(data)


def _inputs(seed: bytes) -> st.SearchStrategy[bytes]:
    """Random bytes, and a real file of the format cut short or with a few bytes changed."""
    return st.one_of(
        st.binary(max_size=3000),
        st.integers(0, len(seed)).map(lambda cut: seed[:cut]),
        st.lists(st.tuples(st.integers(0, len(seed) - 1), st.integers(0, 255)), min_size=1, max_size=6).map(
            lambda edits: _flip(seed, edits)
        ),
        st.binary(max_size=400).map(lambda tail: seed[:200] + tail),
    )


@pytest.mark.parametrize("suffix", sorted(SUPPORTED_SUFFIXES))
def test_arbitrary_bytes_never_raise_anything_but_extract_error(suffix: str) -> None:
    seed = SEEDS.get(suffix, SEEDS[".txt"])

    @settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(data=_inputs(seed))
    def check(data: bytes) -> None:
        try:
            result = extract_bytes(data, f"fuzz{suffix}")
        except ExtractError as exc:
            assert exc.reason and exc.message
            return
        assert isinstance(result, Extracted) and result.text.strip()
        json.dumps(result.layout)

    check()
