"""Versioned, incremental, schema-checked JSON exports of a desk, and merging them back.

``export_to_file`` is the entry point other code calls; ``desk.export.schema``
holds the JSON Schema every export satisfies; ``desk.export.merge`` loads another
desk's export into this one.
"""

from desk.export.api import export_to_file, export_to_stream, write_export_file
from desk.export.build import FORMAT, FORMATS, MODES, SCHEMA_VERSION

__all__ = [
    "FORMAT",
    "FORMATS",
    "MODES",
    "SCHEMA_VERSION",
    "export_to_file",
    "export_to_stream",
    "write_export_file",
]
