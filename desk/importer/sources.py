"""From what the user typed (files, folders, globs, zips) to a list of sources, each hashed on demand.

Listing is cheap and done first so progress knows the total; bytes are read one source at
a time (never all at once), so memory does not grow with the number of files. Zip entries are
checked before anything is read: unsafe names (``../x``, ``/x``, ``C:x``) and bombs (a huge
declared size, a wild compression ratio, an archive expanding past a total) are refused with a
reason. Entry names are never used to write anything to disk.
"""

from __future__ import annotations

import glob
import hashlib
import os
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from desk.errors import DeskError
from desk.extract.formats import FORMATS, HINTS
from desk.importer.options import ImportOptions
from desk.importer.report import UNSAFE_PATH, ZIP_BOMB

#: Files a folder walk passes over without a word: OS droppings and Office lock files.
JUNK_NAMES = frozenset({"thumbs.db", "desktop.ini", "__macosx", ".ds_store"})
ZIP_SEP = "::"
_CHUNK = 1 << 20
_GLOB_CHARS = re.compile(r"[*?\[]")
#: Entries this small can compress as well as they like: a bomb needs size to hurt.
_RATIO_FLOOR = 1_000_000


@dataclass(frozen=True)
class Source:
    """One file to import: on disk (``file``) or a member of a zip (``archive`` + ``member``)."""

    display: str  # the path as the user will recognise it (report, progress)
    stored: str  # the path kept in documents.path (absolute; ``zip::member`` for zip entries)
    file: Path | None = None
    archive: Path | None = None
    member: str | None = None
    #: (code, message) when the source is refused before reading (unsafe or bomb zip entries)
    refusal: tuple[str, str] | None = None
    #: identity of a refused entry that is never read: its record needs some stable "sha256"
    key: str = ""

    @property
    def name(self) -> str:
        return (self.member or (self.file.name if self.file else self.display)).rsplit("/", 1)[-1]


@dataclass
class Loaded:
    """A source's bytes fingerprinted; ``data`` is kept only for zip members (a worker needs them)."""

    source: Source
    sha256: str
    size: int
    data: bytes | None = None
    failure: tuple[str, str] | None = None


def is_junk(name: str) -> bool:
    low = name.lower()
    return low.startswith((".", "~$")) or low in JUNK_NAMES


def unsupported(name: str) -> tuple[str, str] | None:
    """The same refusal desk.extract gives for a suffix it cannot read, without reading the file."""
    suffix = Path(name).suffix.lower()
    if suffix in FORMATS:
        return None
    if suffix == ".zip":
        return (
            "unsupported",
            "a zip inside a zip is not opened; unzip the outer archive and import the folder",
        )
    if suffix in HINTS:
        return "unsupported", HINTS[suffix]
    named = suffix or "(no extension)"
    return "unsupported", f"unsupported file type {named} (desk reads PDF, DOCX, TXT, MD and JSON Resume)"


def expand(paths: list[str], options: ImportOptions) -> list[Source]:
    """Every source named by ``paths``, each file once, in a stable order (args in order, then sorted)."""
    out: list[Source] = []
    seen: set[str] = set()
    for arg in paths:
        for path in _matches(arg):
            files = [path] if path.is_file() else _walk(path)
            for f in files:
                key = os.path.realpath(f)
                if key in seen:
                    continue
                seen.add(key)
                if f.suffix.lower() == ".zip":
                    out.extend(_zip_sources(f, options))
                else:
                    out.append(Source(display=str(f), stored=str(Path(key)), file=f))
    return out


def _matches(arg: str) -> list[Path]:
    path = Path(arg).expanduser()
    if path.exists():
        return [path]
    if _GLOB_CHARS.search(arg):
        found = sorted(glob.glob(str(path), recursive=True))
        if found:
            return [Path(p) for p in found]
        raise DeskError(f"no files match {arg!r}")
    raise DeskError(f"no such file or folder: {arg}")


def _walk(folder: Path) -> list[Path]:
    """Files under ``folder``, recursively, skipping hidden and junk names; symlinked folders are not followed."""
    out: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not is_junk(d))
        out.extend(Path(root) / f for f in sorted(files) if not is_junk(f))
    return out


def _unsafe(member: str) -> bool:
    parts = re.split(r"[\\/]", member)
    return member.startswith(("/", "\\")) or bool(re.match(r"^[A-Za-z]:", member)) or ".." in parts


def _zip_sources(archive: Path, options: ImportOptions) -> list[Source]:
    """The members of one archive, refused ones marked; a damaged archive is one failed source."""
    real = Path(os.path.realpath(archive))
    try:
        zf = zipfile.ZipFile(archive)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        return [
            Source(
                display=str(archive),
                stored=str(real),
                file=archive,
                refusal=("corrupt", f"the zip archive cannot be opened ({exc})"),
            )
        ]
    with zf:
        infos = zf.infolist()
    archive_id = f"{real}:{archive.stat().st_size}"
    out: list[Source] = []
    total = 0
    for info in infos:
        member = info.filename
        if info.is_dir() or (not _unsafe(member) and any(is_junk(p) for p in member.split("/") if p)):
            continue
        display = f"{archive}{ZIP_SEP}{member}"
        stored = f"{real}{ZIP_SEP}{member}"
        refusal = _refuse(info, total, options)
        total += info.file_size
        key = f"zip:{archive_id}:{member}:{info.CRC}:{info.compress_size}:{info.file_size}"
        out.append(Source(display, stored, archive=archive, member=member, refusal=refusal, key=key))
    return out


def _refuse(info: zipfile.ZipInfo, total_before: int, options: ImportOptions) -> tuple[str, str] | None:
    if _unsafe(info.filename):
        return UNSAFE_PATH, f"unsafe path inside the zip ({info.filename!r}); the entry was not extracted"
    if info.flag_bits & 0x1:
        return (
            "encrypted",
            "the zip entry is password-protected; unzip it with the password and import the file",
        )
    size = info.file_size
    if size > _RATIO_FLOOR and size > options.zip_max_ratio * max(info.compress_size, 1):
        ratio = size // max(info.compress_size, 1)
        return (
            ZIP_BOMB,
            f"the zip entry expands {ratio}x to {size:,} bytes (a zip bomb?); it was not extracted",
        )
    if total_before + size > options.zip_total_bytes:
        return ZIP_BOMB, (
            f"the archive expands to more than {options.zip_total_bytes:,} bytes in total (a zip bomb?); "
            "this entry was not extracted"
        )
    if size > options.max_bytes:
        return (
            "too-large",
            f"the file is {size / 1e6:.1f} MB; desk reads files up to {options.max_bytes / 1e6:.1f} MB",
        )
    return unsupported(info.filename)


class Reader:
    """Reads sources one by one, keeping the current zip open across its members."""

    def __init__(self, options: ImportOptions) -> None:
        self.options = options
        self._zip: tuple[Path, zipfile.ZipFile] | None = None

    def close(self) -> None:
        if self._zip is not None:
            self._zip[1].close()
            self._zip = None

    def load(self, source: Source) -> Loaded:
        if source.refusal is not None and source.file is None:
            return Loaded(source, _sha(source.key.encode()), 0, failure=source.refusal)
        if source.file is not None:
            return self._load_file(source)
        return self._load_member(source)

    def _load_file(self, source: Source) -> Loaded:
        path = source.file
        assert path is not None
        try:
            size, sha = _hash_file(path)
        except OSError as exc:
            key = _sha(f"unreadable:{source.stored}".encode())
            return Loaded(
                source, key, 0, failure=("unreadable", f"cannot read the file: {exc.strerror or exc}")
            )
        failure = source.refusal or unsupported(path.name)
        if failure is None and size == 0:
            failure = ("empty", "the file is empty (0 bytes)")
        if failure is None and size > self.options.max_bytes:
            failure = (
                "too-large",
                f"the file is {size / 1e6:.1f} MB; desk reads files up to {self.options.max_bytes / 1e6:.1f} MB",
            )
        return Loaded(source, sha, size, failure=failure)

    def _load_member(self, source: Source) -> Loaded:
        assert source.archive is not None and source.member is not None
        try:
            zf = self._archive(source.archive)
            with zf.open(source.member) as fh:
                data = fh.read(self.options.max_bytes + 1)
        except (zipfile.BadZipFile, OSError, ValueError, RuntimeError, EOFError) as exc:
            return Loaded(
                source, _sha(source.key.encode()), 0, failure=("corrupt", f"the zip entry is damaged ({exc})")
            )
        if len(data) > self.options.max_bytes:
            return Loaded(source, _sha(source.key.encode()), len(data), failure=_refuse_size(self.options))
        if not data:
            return Loaded(source, _sha(data), 0, failure=("empty", "the file is empty (0 bytes)"))
        return Loaded(source, _sha(data), len(data), data=data)

    def _archive(self, path: Path) -> zipfile.ZipFile:
        if self._zip is None or self._zip[0] != path:
            self.close()
            self._zip = (path, zipfile.ZipFile(path))
        return self._zip[1]


def _refuse_size(options: ImportOptions) -> tuple[str, str]:
    return "too-large", f"the file is larger than {options.max_bytes / 1e6:.1f} MB, the most desk reads"


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _hash_file(path: Path) -> tuple[int, str]:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(_CHUNK), b""):
            digest.update(chunk)
            size += len(chunk)
    return size, digest.hexdigest()


def iter_loaded(sources: list[Source], options: ImportOptions) -> Iterator[Loaded]:
    """Load sources lazily, in order; the reader's zip handle is closed when the walk ends."""
    reader = Reader(options)
    try:
        for source in sources:
            yield reader.load(source)
    finally:
        reader.close()
