"""The export's JSON Schema (draft 2020-12), shipped in the package, and validators for it.

The schema describes the JSON form as a whole and, in ``$defs``, every line of the
JSON Lines form; readers validate lines one at a time with :func:`line_validator`,
so a file of any size is checked without holding it in memory.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from desk.errors import DeskError

SCHEMA_FILE = "desk-export-1.schema.json"
LINE_TYPES = ("header", "job", "candidate", "application", "note", "stage_change", "tombstone", "end")


def schema_text() -> str:
    return resources.files("desk.export").joinpath("schemas", SCHEMA_FILE).read_text(encoding="utf-8")


@cache
def load_schema() -> dict[str, Any]:
    return json.loads(schema_text())


@cache
def document_validator() -> Any:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(load_schema())


@cache
def line_validator(line_type: str) -> Any:
    """A validator for one JSON Lines line of ``line_type`` (header, job, ..., end)."""
    from jsonschema import Draft202012Validator

    if line_type not in LINE_TYPES:
        raise DeskError(f"unknown export line type {line_type!r}")
    schema = load_schema()
    return Draft202012Validator({"$ref": f"#/$defs/{line_type}_line", "$defs": schema["$defs"]})


def errors(validator: Any, instance: Any, *, limit: int = 3) -> list[str]:
    """The first few problems, each with the JSON path where it is."""
    found = sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))[:limit]
    return [f"{'/'.join(str(p) for p in e.absolute_path) or '(top)'}: {e.message}" for e in found]
