"""Pure text parsers: plain strings in, desk.model dataclasses out (no I/O, no UI, no store)."""
