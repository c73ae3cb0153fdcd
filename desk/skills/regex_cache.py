"""The skill scan's big regexes (and other start-up data), built once per machine instead of once per process.

Why: ``re.compile`` parses and generates code in pure Python, and the taxonomy's trie
regex takes about 0.3 s to compile. Every ``desk import`` pays that before its first
file (in the worker server), as does every TUI start, and it was a quarter of the
fixed cost of a small import. ``re`` has no public way to keep its work, but the last
step of ``re.compile`` is ``_sre.compile(pattern, flags, code, groups, groupindex,
indexgroup)``, and those arguments are plain data. They are kept in the user's cache
directory under a key of the pattern, the flags and the exact interpreter, and are
only ever written after a pattern built from them compared equal (same code, flags and
pattern) to the one ``re.compile`` made. Anything unexpected (another Python, a damaged
or missing file, a read-only cache) falls back to ``re.compile``.

``remembered`` keeps other plain data the same way (the English word list, the trie
patterns' text): what every worker server would otherwise rebuild before its first file.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import platformdirs

try:  # the internals this relies on; without them every pattern is compiled as usual
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - another Python implementation
    _sre = None

#: Overrides the cache directory (tests point it at a temporary one).
ENV_VAR = "DESK_CACHE_DIR"
#: Cached patterns kept: one per taxonomy version (custom skills make new ones).
KEEP = 16
_MIN_LENGTH = 20_000  # smaller patterns compile in milliseconds: not worth a file


def cache_dir() -> Path:
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env)
    return Path(platformdirs.user_cache_dir("desk", appauthor=False)) / "regex"


def compile_cached(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the on-disk cache when this interpreter made it before."""
    if _sre is None or len(pattern) < _MIN_LENGTH:
        return re.compile(pattern, flags)
    flags = int(flags)  # a RegexFlag is an int subclass, which marshal refuses
    path = cache_dir() / f"{_key(pattern, flags)}.bin"
    try:
        return _sre.compile(pattern, *marshal.loads(path.read_bytes()))
    except Exception:  # noqa: BLE001 - no file, or one from a crash or another build: compile afresh
        pass
    compiled = re.compile(pattern, flags)
    try:
        args = _arguments(pattern, flags)
        if _sre.compile(pattern, *args) == compiled:
            _write(path, marshal.dumps(args))
    except Exception:  # noqa: BLE001 - the cache is an optimisation; never fail a compile over it
        pass
    return compiled


def remembered(kind: str, key: str, build: Callable[[], Any], valid: Callable[[Any], bool]) -> Any:
    """``build()``, or what it returned before for ``key`` (marshal-able data) if ``valid`` accepts it.

    ``key`` must name everything the result depends on; the interpreter is added here.
    """
    path = cache_dir() / f"{kind}-{_digest(key)}.bin"
    try:
        value = marshal.loads(path.read_bytes())
        if valid(value):
            return value
    except Exception:  # noqa: BLE001 - no file yet, or not one this interpreter can read
        pass
    value = build()
    try:
        _write(path, marshal.dumps(value))
    except Exception:  # noqa: BLE001 - the cache is an optimisation
        pass
    return value


def _digest(key: str) -> str:
    h = hashlib.sha256()
    for part in (sys.version, key):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()[:32]


def _key(pattern: str, flags: int) -> str:
    h = hashlib.sha256()
    for part in (sys.version, str(_sre.MAGIC), str(_sre.CODESIZE), str(flags), pattern):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()[:32]


def _arguments(pattern: str, flags: int) -> tuple:
    """What ``re._compiler.compile`` hands to ``_sre.compile`` after the pattern."""
    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]  # opcodes are int subclasses marshal refuses
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))


def _write(path: Path, data: bytes) -> None:
    """Write atomically (a reader sees the old file or the whole new one), then keep the newest few."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    files = sorted(path.parent.glob("*.bin"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[KEEP:]:
        old.unlink(missing_ok=True)
