"""PostgreSQL plumbing for the reference server: connecting, naming targets, migrating.

psycopg is an optional extra (``pip install 'desk[sync]'``), so it is imported
here on first use and its absence is a plain error, not an ImportError at start-up.
Everything lives in one schema (``desk``) with its own ``schema_version`` table;
migrations run under an advisory lock, so two desks syncing at once cannot race.
"""

from __future__ import annotations

from typing import Any

from desk.errors import DeskError

SCHEMA = "desk"
#: pg_advisory_xact_lock key shared by migrations and applies (one writer at a time).
LOCK_KEY = 0x6465736B  # "desk"

STAGE_CHECK = "CHECK (stage IN ('new', 'screening', 'interview', 'offer', 'hired', 'rejected'))"

MIGRATIONS: list[tuple[int, str, str]] = [
    (
        1,
        "initial",
        f"""
        CREATE TABLE {SCHEMA}.jobs (
            id text PRIMARY KEY,
            origin_desk text NOT NULL,      -- the desk whose export last wrote the row
            updated_at timestamptz NOT NULL,
            content_hash text NOT NULL,     -- breaks updated_at ties the same way everywhere
            title text NOT NULL,
            status text NOT NULL CHECK (status IN ('open', 'closed')),
            doc jsonb NOT NULL,             -- the exported job, parsed requirements included
            synced_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE TABLE {SCHEMA}.candidates (
            id text PRIMARY KEY,
            origin_desk text NOT NULL,
            updated_at timestamptz NOT NULL,
            content_hash text NOT NULL,
            name text,
            email text,
            doc jsonb NOT NULL,             -- JSON Resume shape plus facts for scoring
            synced_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX candidates_email ON {SCHEMA}.candidates (email);
        CREATE TABLE {SCHEMA}.applications (
            id text PRIMARY KEY,
            origin_desk text NOT NULL,
            job_id text NOT NULL,
            candidate_id text NOT NULL,
            stage text NOT NULL {STAGE_CHECK},
            starred boolean NOT NULL,
            created_at timestamptz NOT NULL,
            updated_at timestamptz NOT NULL, -- clock of stage and star
            user_hash text NOT NULL,
            score double precision,
            met integer,
            required_total integer,
            scorer_version text,
            breakdown jsonb,
            scored_at timestamptz NOT NULL,  -- clock of the score
            score_hash text NOT NULL,
            synced_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX applications_rank ON {SCHEMA}.applications (job_id, score DESC);
        CREATE INDEX applications_candidate ON {SCHEMA}.applications (candidate_id);
        CREATE TABLE {SCHEMA}.notes (
            id text PRIMARY KEY,
            origin_desk text NOT NULL,
            candidate_id text NOT NULL,
            job_id text,
            body text,
            created_at timestamptz NOT NULL,
            updated_at timestamptz NOT NULL,
            content_hash text NOT NULL,
            synced_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX notes_candidate ON {SCHEMA}.notes (candidate_id);
        CREATE TABLE {SCHEMA}.stage_changes (
            id text PRIMARY KEY,
            origin_desk text NOT NULL,
            application_id text NOT NULL,
            from_stage text,
            to_stage text NOT NULL,
            at timestamptz NOT NULL,
            synced_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX stage_changes_app ON {SCHEMA}.stage_changes (application_id, at);
        CREATE TABLE {SCHEMA}.tombstones (
            entity text NOT NULL,
            id text NOT NULL,
            deleted_at timestamptz NOT NULL,
            origin_desk text NOT NULL,
            merged_into text,
            PRIMARY KEY (entity, id)
        );
        CREATE TABLE {SCHEMA}.imports (
            id bigserial PRIMARY KEY,
            desk_id text NOT NULL,
            generated_at timestamptz NOT NULL,
            from_seq bigint NOT NULL,
            to_seq bigint NOT NULL,
            file_name text NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now(),
            report jsonb NOT NULL
        );
        """,
    ),
]


def psycopg_module() -> Any:
    """psycopg 3, or a DeskError that says how to get it."""
    try:
        import psycopg
    except ImportError as exc:
        raise DeskError(
            "desk sync needs PostgreSQL support, which is an optional extra: "
            "pip install 'desk[sync]' (psycopg 3)"
        ) from exc
    return psycopg


def target_for_dsn(dsn: str) -> str:
    """The cursor name of a server: its DSN in URL form without the password (never stored)."""
    psycopg = psycopg_module()
    try:
        params = psycopg.conninfo.conninfo_to_dict(dsn)
    except psycopg.ProgrammingError as exc:
        raise DeskError(f"not a PostgreSQL connection string: {exc}") from exc
    user = params.get("user") or ""
    host = params.get("host") or params.get("hostaddr") or ""
    port = params.get("port") or ""
    dbname = params.get("dbname") or ""
    netloc = f"{user}@" if user else ""
    netloc += host if "/" not in host else ""
    netloc += f":{port}" if port else ""
    out = f"postgresql://{netloc}/{dbname}"
    if "/" in host:  # a unix-socket directory: keep it, as a query parameter
        out += f"?host={host}"
    return out


def connect(dsn: str) -> Any:
    psycopg = psycopg_module()
    try:
        return psycopg.connect(dsn, connect_timeout=15)
    except psycopg.Error as exc:
        raise DeskError(f"cannot connect to PostgreSQL at {target_for_dsn(dsn)}: {exc}".strip()) from exc


def migrate(conn: Any) -> list[int]:
    """Create the ``desk`` schema or bring it up to date; returns the versions applied now."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK_KEY])
        conn.execute(f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}")
        conn.execute(
            f"CREATE TABLE IF NOT EXISTS {SCHEMA}.schema_version ("
            "version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())"
        )
        applied = {r[0] for r in conn.execute(f"SELECT version FROM {SCHEMA}.schema_version")}
        known = {v for v, _, _ in MIGRATIONS}
        if applied - known:
            raise DeskError(
                f"the server's desk schema is newer (version {max(applied)}) than this desk knows "
                f"({max(known)}); upgrade desk to sync with it"
            )
        done = []
        for version, name, sql in MIGRATIONS:
            if version in applied:
                continue
            conn.execute(sql)
            conn.execute(
                f"INSERT INTO {SCHEMA}.schema_version (version, name) VALUES (%s, %s)", [version, name]
            )
            done.append(version)
    return done


def schema_version(conn: Any) -> int:
    row = conn.execute(f"SELECT COALESCE(MAX(version), 0) FROM {SCHEMA}.schema_version").fetchone()
    return int(row[0])
