"""Documented exit codes, so scripts can tell a partial import from a crash."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    ERROR = 1  # a user-facing error: bad input, missing id, unreadable database
    USAGE = 2  # click's own code for bad options
    PARTIAL = 3  # the command did its job, but some inputs failed (see its report)
    INTERRUPTED = 130  # Ctrl-C; what was finished is kept
