"""Ordered migrations; each runs in one transaction with its bookkeeping row.

Append new migrations at the end and never edit an applied one: the names
recorded in ``_sqlite_migrations`` are how a desk recognises a file written by
a newer version of itself (an unknown name means "newer than me").
"""

from __future__ import annotations

import sqlite_utils
from sqlite_utils import Migrations

migrations = Migrations("desk")

#: Entities that are exported and therefore write to the change log.
EXPORTED_ENTITIES = (
    "job",
    "requirement",
    "candidate",
    "document",
    "application",
    "note",
    "stage_change",
)


@migrations(name="0001_initial")
def m0001_initial(db: sqlite_utils.Database) -> None:
    db.executescript(
        """
        CREATE TABLE meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE jobs (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
            text TEXT NOT NULL,
            source_path TEXT,
            parsed TEXT NOT NULL,              -- JSON: the Job as parse_job produced it
            parser_version TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE requirements (
            id TEXT PRIMARY KEY,
            job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
            key TEXT NOT NULL,                 -- the requirement's id within its job (skill:python)
            position INTEGER NOT NULL,
            type TEXT NOT NULL DEFAULT 'skill', -- skill | years | degree | location | ...
            kind TEXT NOT NULL CHECK (kind IN ('required', 'preferred', 'ignored')),
            label TEXT NOT NULL,
            skills TEXT NOT NULL DEFAULT '[]', -- JSON list of canonical skill ids (any one meets it)
            params TEXT NOT NULL DEFAULT '{}', -- JSON, for non-skill requirements
            weight INTEGER NOT NULL,
            knockout INTEGER NOT NULL DEFAULT 0,
            source TEXT NOT NULL DEFAULT '',
            section TEXT NOT NULL DEFAULT '',
            category TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (job_id, key)
        );
        CREATE INDEX requirements_job ON requirements(job_id, position);
        CREATE TABLE candidates (
            id TEXT PRIMARY KEY,
            name TEXT,
            email TEXT,
            phone TEXT,
            location TEXT,
            years_experience REAL,
            degree_level INTEGER NOT NULL DEFAULT 0,
            degree_fields TEXT NOT NULL DEFAULT '[]',
            graduation_year INTEGER,
            seniority TEXT,
            authorizations TEXT NOT NULL DEFAULT '[]',
            profile TEXT NOT NULL DEFAULT '{}', -- JSON: parsed resume (work, education, links...)
            text TEXT NOT NULL DEFAULT '',     -- resume text, searched with FTS5
            tags TEXT NOT NULL DEFAULT '[]',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX candidates_email ON candidates(email);
        CREATE INDEX candidates_phone ON candidates(phone);
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            candidate_id TEXT REFERENCES candidates(id) ON DELETE SET NULL,
            path TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            format TEXT,
            size INTEGER,
            pages INTEGER,
            text TEXT,
            layout TEXT NOT NULL DEFAULT '{}', -- JSON: columns, text layer, engine
            parser_version TEXT,
            status TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
            error TEXT,
            imported_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE UNIQUE INDEX documents_sha256 ON documents(sha256);
        CREATE INDEX documents_candidate ON documents(candidate_id);
        CREATE TABLE candidate_skills (
            candidate_id TEXT NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
            skill_id TEXT NOT NULL,
            how TEXT NOT NULL,                 -- exact | alias | fuzzy | implied
            similarity REAL NOT NULL DEFAULT 100,
            mentions INTEGER NOT NULL DEFAULT 1,
            months INTEGER NOT NULL DEFAULT 0,
            last_year INTEGER,
            sources TEXT NOT NULL DEFAULT '[]', -- JSON: skills | work | project | education | summary
            evidence TEXT NOT NULL DEFAULT '',
            strength INTEGER NOT NULL,         -- 0..1000, see desk.scoring.skill_strength
            PRIMARY KEY (candidate_id, skill_id)
        );
        CREATE INDEX candidate_skills_skill ON candidate_skills(skill_id);
        CREATE TABLE applications (
            id TEXT PRIMARY KEY,
            job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
            candidate_id TEXT NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
            stage TEXT NOT NULL DEFAULT 'new'
                CHECK (stage IN ('new', 'screening', 'interview', 'offer', 'hired', 'rejected')),
            score REAL,
            met INTEGER,
            required_total INTEGER,
            breakdown TEXT,                    -- JSON, filled for rows a user looked at/exported
            scorer_version TEXT,
            starred INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (job_id, candidate_id)
        );
        CREATE INDEX applications_rank ON applications(job_id, score DESC);
        CREATE TABLE stage_changes (
            id TEXT PRIMARY KEY,
            application_id TEXT NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
            from_stage TEXT,
            to_stage TEXT NOT NULL,
            at TEXT NOT NULL
        );
        CREATE INDEX stage_changes_app ON stage_changes(application_id, at);
        CREATE TABLE notes (
            id TEXT PRIMARY KEY,
            candidate_id TEXT NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
            job_id TEXT REFERENCES jobs(id) ON DELETE SET NULL,
            body TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX notes_candidate ON notes(candidate_id, created_at);
        CREATE TABLE events (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused, so always increasing
            at TEXT NOT NULL,
            entity TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            op TEXT NOT NULL CHECK (op IN ('create', 'update', 'delete')),
            data TEXT                               -- JSON detail (e.g. stage change)
        );
        CREATE INDEX events_entity ON events(entity, entity_id);
        CREATE TABLE sync_state (
            target TEXT PRIMARY KEY,
            last_seq INTEGER NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE custom_skills (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            category TEXT NOT NULL,
            aliases TEXT NOT NULL DEFAULT '[]',
            implies TEXT NOT NULL DEFAULT '[]',
            related TEXT NOT NULL DEFAULT '[]',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        """
    )
    # FTS5 the sqlite-utils way, so `sqlite-utils search` and Datasette work on the file.
    db["candidates"].enable_fts(["name", "text"], fts_version="FTS5", create_triggers=True, tokenize="porter")


def phone_key(phone: str | None) -> str | None:
    """The last nine digits of a phone number: "+1 (646) 555-0192" and "646.555.0192" agree."""
    digits = "".join(ch for ch in phone or "" if ch.isdigit())
    return digits[-9:] if len(digits) >= 9 else None


@migrations(name="0002_phone_key")
def m0002_phone_key(db: sqlite_utils.Database) -> None:
    """An indexed, normalised phone: dedupe on import was a scan of every candidate per file."""
    db.execute("ALTER TABLE candidates ADD COLUMN phone_key TEXT")
    _fill_phone_keys(db)
    db.execute("CREATE INDEX candidates_phone_key ON candidates(phone_key)")


def _fill_phone_keys(db: sqlite_utils.Database) -> None:
    """Set the phone key of every candidate that has a phone and no key yet."""
    rows = db.execute(
        "SELECT id, phone FROM candidates WHERE phone IS NOT NULL AND phone_key IS NULL"
    ).fetchall()
    db.conn.executemany(
        "UPDATE candidates SET phone_key = ? WHERE id = ?", [(phone_key(p), i) for i, p in rows]
    )


@migrations(name="0003_name_index")
def m0003_name_index(db: sqlite_utils.Database) -> None:
    """Dedupe on import looks people up by ``lower(name)``; without an index on that expression
    every file read the whole candidates table, resume texts included."""
    db.execute("CREATE INDEX candidates_name_lower ON candidates(lower(name))")


@migrations(name="0004_phone_key_of_merged")
def m0004_phone_key_of_merged(db: sqlite_utils.Database) -> None:
    """Candidates merged in from another desk's export were stored without a phone key (fixed
    in the merge); give them one, so the import's same-person look-up finds them."""
    _fill_phone_keys(db)
