"""A real PostgreSQL server for the sync tests: started on loopback in a temp dir, once per session.

Found through PATH or /usr/lib/postgresql/*/bin. Without the binaries the tests
skip with the reason, except under CI (the CI variable set), where they fail:
CI must prove the sync against a real server. As root, the server runs as the
``postgres`` system user (or ``nobody``), since PostgreSQL refuses to run as root.
"""

from __future__ import annotations

import os
import pwd
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "export"))  # export_fixtures

from export_fixtures import build_desk, copy_desk  # noqa: E402

from desk.store import Store  # noqa: E402


def _missing(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set, so this fails instead of skipping)")
    pytest.skip(reason)


def find_pg_bin() -> Path | None:
    initdb = shutil.which("initdb")
    if initdb and shutil.which("pg_ctl"):
        return Path(initdb).resolve().parent

    def version(p: Path) -> tuple[int, ...]:
        return tuple(int(x) for x in re.findall(r"\d+", p.parent.parent.name)) or (0,)

    found = [p for p in Path("/usr/lib/postgresql").glob("*/bin/initdb") if (p.parent / "pg_ctl").exists()]
    return max(found, key=version).parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PgServer:
    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.root = Path(tempfile.mkdtemp(prefix="desk-pg-"))
        self.data = self.root / "data"
        self.sock = self.root / "sock"
        self.sock.mkdir()
        self.log = self.root / "server.log"
        self.user: dict[str, int] = {}
        if os.geteuid() == 0:
            name = "postgres" if _has_user("postgres") else "nobody"
            pw = pwd.getpwnam(name)
            self.user = {"user": pw.pw_uid, "group": pw.pw_gid}
            for path in (self.root, self.sock):
                os.chown(path, pw.pw_uid, pw.pw_gid)
        self.port = 0

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        extra = {"extra_groups": []} if self.user else {}
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C", "LANG": "C"}
        return subprocess.run(
            [str(self.bindir / args[0]), *args[1:]],
            cwd=self.root,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=check,
            **self.user,
            **extra,
        )

    def start(self) -> str:
        self.run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            "desk",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync",
        )
        for _ in range(5):
            self.port = _free_port()
            opts = (
                f"-p {self.port} -k {self.sock} -c listen_addresses=127.0.0.1 "
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
            )
            out = self.run(
                "pg_ctl",
                "-D",
                str(self.data),
                "-l",
                str(self.log),
                "-w",
                "-t",
                "60",
                "-o",
                opts,
                "start",
                check=False,
            )
            if out.returncode == 0:
                return f"postgresql://desk@127.0.0.1:{self.port}/postgres"
        log = self.log.read_text() if self.log.exists() else ""
        raise RuntimeError(f"PostgreSQL did not start: {out.stderr}\n{log[-2000:]}")

    def stop(self) -> None:
        self.run("pg_ctl", "-D", str(self.data), "-m", "immediate", "stop", check=False)
        shutil.rmtree(self.root, ignore_errors=True)


def _has_user(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """The DSN of a fresh server's ``postgres`` database (trust auth, user ``desk``)."""
    bindir = find_pg_bin()
    if bindir is None:
        _missing(
            "PostgreSQL server binaries (initdb, pg_ctl) not found on PATH or in /usr/lib/postgresql/*/bin"
        )
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _missing("psycopg 3 is not installed (pip install 'desk[sync]')")
    server = PgServer(bindir)
    try:
        dsn = server.start()
        yield dsn
    finally:
        server.stop()


@pytest.fixture
def pg_dsn(pg_server: str) -> Iterator[str]:
    """A new, empty database on the session's server for one test."""
    import psycopg

    name = f"t_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    yield pg_server.rsplit("/", 1)[0] + "/" + name
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE {name} WITH (FORCE)")


@pytest.fixture(scope="session")
def desk_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "desk.db"
    build_desk(path).close()
    return path


@pytest.fixture
def desk(desk_template: Path, tmp_path: Path) -> Iterator[Store]:
    store = copy_desk(desk_template, tmp_path / "desk.db")
    yield store
    store.close()
