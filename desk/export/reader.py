"""Reading exports back (for ``desk merge`` and ``desk sync``): either form, checked as it goes.

The header is always validated against the shipped schema; each entity is too
unless the caller opts out (``validate=False``: jsonschema checks a few thousand
entities a minute, which is slow for a 100,000-candidate file one already trusts).
The counts in the JSON form's ``counts`` or the JSON Lines ``end`` line must match
what was read, so a truncated or spliced file is refused instead of half-applied;
callers apply inside one transaction and the refusal rolls everything back.

The JSON form is parsed whole (it is one document); use JSON Lines for exports too
big to hold in memory.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desk.errors import DeskError
from desk.export.build import FORMAT, SCHEMA_VERSION
from desk.export.schema import errors, line_validator
from desk.export.writer import SECTIONS

HEADER_KEYS = (
    "format",
    "schema_version",
    "desk_id",
    "desk_version",
    "generated_at",
    "scorer_version",
    "mode",
    "job_id",
    "redacted",
    "range",
)


def _check_header(path: Path, header: dict[str, Any]) -> None:
    if header.get("format") != FORMAT:
        raise DeskError(f"{path} is not a desk export (format is {header.get('format')!r})")
    version = header.get("schema_version")
    if isinstance(version, int) and version > SCHEMA_VERSION:
        raise DeskError(
            f"{path} was written by a newer desk (export schema {version}, this desk reads "
            f"{SCHEMA_VERSION}); upgrade desk to read it"
        )
    problems = errors(line_validator("header"), {"type": "header", **header})
    if problems:
        raise DeskError(f"{path}: invalid export header: {'; '.join(problems)}")


@dataclass
class ExportFile:
    """One export on disk: its header now, its entities on demand (in file order)."""

    path: Path
    fmt: str
    header: dict[str, Any]
    validate: bool = True
    _doc: dict[str, Any] | None = field(default=None, repr=False)

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        """Apply order: per desk, by change-log range, then by time written."""
        r = self.header["range"]
        return (self.header["desk_id"], r["to_seq"], r["from_seq"], self.header["generated_at"])

    def _checked(self, kind: str, entity: dict[str, Any], where: str) -> dict[str, Any]:
        if self.validate:
            problems = errors(line_validator(kind), {"type": kind, **entity})
            if problems:
                raise DeskError(f"{self.path}: invalid {kind} ({where}): {'; '.join(problems)}")
        return entity

    def entities(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """(type, entity) pairs; raises DeskError at the end if the counts disagree."""
        seen = {section: 0 for section, _ in SECTIONS}
        sections = dict((kind, section) for section, kind in SECTIONS)
        if self.fmt == "json":
            doc = self._doc if self._doc is not None else _load_json(self.path)[1]
            self._doc = None
            for section, kind in SECTIONS:
                for i, entity in enumerate(doc.get(section) or []):
                    seen[section] += 1
                    yield kind, self._checked(kind, entity, f"{section}[{i}]")
            expected = doc.get("counts")
        else:
            expected = None
            with open(self.path, encoding="utf-8") as fh:
                next(fh)  # the header
                for lineno, line in enumerate(fh, start=2):
                    if not line.strip():
                        continue
                    item = _parse(self.path, line, lineno)
                    kind = item.pop("type", None)
                    if expected is not None:
                        raise DeskError(f"{self.path}: line {lineno} follows the end line")
                    if kind == "end":
                        expected = item.get("counts")
                        continue
                    if kind not in sections:
                        raise DeskError(f"{self.path}: line {lineno} has unknown type {kind!r}")
                    seen[sections[kind]] += 1
                    yield kind, self._checked(kind, item, f"line {lineno}")
            if expected is None:
                raise DeskError(f"{self.path} is truncated: it has no end line")
        if expected != seen:
            raise DeskError(f"{self.path}: counts {expected} do not match the entities read {seen}")


def _parse(path: Path, line: str, lineno: int) -> dict[str, Any]:
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        raise DeskError(f"{path}: line {lineno} is not JSON: {exc.msg}") from exc
    if not isinstance(item, dict):
        raise DeskError(f"{path}: line {lineno} is not a JSON object")
    return item


def _load_json(path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    try:
        with open(path, encoding="utf-8") as fh:
            doc = json.load(fh)
    except json.JSONDecodeError as exc:
        raise DeskError(f"{path} is not a desk export: invalid JSON at line {exc.lineno}: {exc.msg}") from exc
    if not isinstance(doc, dict):
        raise DeskError(f"{path} is not a desk export: not a JSON object")
    return {k: doc.get(k) for k in HEADER_KEYS if k in doc}, doc


def open_export(path: str | os.PathLike[str], *, validate: bool = True, keep: bool = False) -> ExportFile:
    """Read and check an export's header; ``keep`` holds a JSON document for the entity pass."""
    path = Path(path)
    if not path.is_file():
        raise DeskError(f"no such export file: {path}")
    try:
        with open(path, encoding="utf-8") as fh:
            first = fh.readline()
    except (OSError, UnicodeDecodeError) as exc:
        raise DeskError(f"cannot read {path}: {exc}") from exc
    try:
        head = json.loads(first)
    except json.JSONDecodeError:
        head = None
    if isinstance(head, dict) and head.get("type") == "header":
        head.pop("type")
        _check_header(path, head)
        return ExportFile(path, "jsonl", head, validate)
    header, doc = _load_json(path)
    _check_header(path, header)
    return ExportFile(path, "json", header, validate, doc if keep else None)


def export_files(paths: list[str | os.PathLike[str]], *, validate: bool = True) -> list[ExportFile]:
    """Files and folders of exports (*.json, *.jsonl inside folders), in apply order."""
    found: list[ExportFile] = []
    for p in map(Path, paths):
        if p.is_dir():
            members = sorted(q for q in p.iterdir() if q.suffix in (".json", ".jsonl") and q.is_file())
            found += [open_export(q, validate=validate) for q in members if not q.name.startswith(".")]
        else:
            found.append(open_export(p, validate=validate))
    return sorted(found, key=lambda f: f.sort_key)
