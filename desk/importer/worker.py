"""The worker process: one file's bytes in, a plain picklable payload out (or a failure reason).

Everything expensive and pure happens here (extract, parse, find skills), so the parent
only hashes, dispatches and writes. A worker never touches the database, ignores Ctrl-C
(the parent decides how to stop) and may be killed at any moment without harm.
"""

from __future__ import annotations

import hashlib
import os
import signal
import time
import traceback
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from desk.canonical_json import dumps
from desk.extract import ExtractError, extract_bytes
from desk.importer.entry import WorkerConfig
from desk.importer.jsonresume import resume_from_json
from desk.importer.report import INTERNAL
from desk.parse.resume import PARSER_VERSION, parse_resume
from desk.profile import build_skills
from desk.skills.taxonomy import Taxonomy, load_taxonomy

try:
    import resource
except ImportError:  # pragma: no cover - Windows
    resource = None  # type: ignore[assignment]


def process(task: dict[str, Any], config: WorkerConfig, taxonomy: Taxonomy | None) -> dict[str, Any]:
    """Read, extract, parse: ``{"ok": True, text, resume, skills, ...}`` or ``{"ok": False, code, message}``.

    The hash is taken of the bytes actually read, so a file changed since the parent hashed
    it is stored under the bytes that were parsed.
    """
    out: dict[str, Any] = {"id": task["id"], "ok": False}
    if config.slow_paths and (task["display"] in config.slow_paths or task["name"] in config.slow_paths):
        time.sleep(config.slow_seconds)
    if task["name"] in config.crash_paths:
        os._exit(70)
    try:
        data = Path(task["path"]).read_bytes()
    except OSError as exc:
        return {**out, "code": "unreadable", "message": f"cannot read the file: {exc.strerror or exc}"}
    out["sha256"] = hashlib.sha256(data).hexdigest()
    out["size"] = len(data)
    began = time.process_time()
    try:
        extracted = extract_bytes(
            data, task["name"], pdf_engine=config.pdf_engine, max_bytes=config.max_bytes
        )
    except ExtractError as exc:
        return {**out, "code": exc.reason, "message": exc.message}
    except Exception as exc:  # noqa: BLE001 - a reader bug on one file must not stop the import
        return {**out, "code": INTERNAL, "message": _bug("reading", exc)}
    del data
    read = time.process_time()
    out["extract_cpu_s"] = read - began
    try:
        text = extracted.text
        if extracted.json_resume is not None:
            resume = resume_from_json(extracted.json_resume, text)
        else:
            resume = parse_resume(text)
        skills = build_skills(text, resume, taxonomy)
    except Exception as exc:  # noqa: BLE001
        return {**out, "code": INTERNAL, "message": _bug("parsing", exc)}
    out["parse_cpu_s"] = time.process_time() - read
    layout = dict(extracted.layout)
    if extracted.engine:
        layout["engine"] = extracted.engine
    return {
        **out,
        "ok": True,
        "format": extracted.format,
        "pages": extracted.pages,
        "layout": layout,
        "text": text,
        # the objects themselves: pickle carries dataclasses as cheaply as dicts, and the
        # writer then skips a to_dict/from_dict round trip that cost as much as finding skills
        "resume": resume,
        "skills": skills,
        # encoded here, in parallel, not by the one writer: the profile's JSON was its costliest step
        "profile_json": dumps(resume.to_dict()),
        "parser_version": PARSER_VERSION,
    }


def _bug(stage: str, exc: Exception) -> str:
    where = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    at = f" at {Path(where.filename).name}:{where.lineno}" if where else ""
    return f"desk failed while {stage} this file ({type(exc).__name__}: {exc}{at}); please report it"


def warm() -> None:
    """Build what every file needs (the shipped matcher, the parsers' regexes) ahead of the first file."""
    from desk.skills.matcher import matcher_for

    text = "Jane Doe\njane@example.com\n\nExperience\nEngineer, Acme — Jan 2020 – Present\n- Python\n"
    build_skills(text, parse_resume(text), matcher_for(None).tax)


def usage() -> dict[str, Any]:
    """This worker's pid, CPU seconds and peak memory so far: the report's and the bench's figures."""
    if resource is None:  # pragma: no cover - Windows
        return {"pid": os.getpid()}
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return {"pid": os.getpid(), "cpu_s": ru.ru_utime + ru.ru_stime, "peak_rss_kb": ru.ru_maxrss}


def taxonomy_of(config: WorkerConfig) -> Taxonomy | None:
    return load_taxonomy(config.custom_skills) if config.custom_skills else None


def serve(conn: Connection, config: WorkerConfig) -> None:
    """A worker's life: take tasks until told to stop (``None``) or the parent goes away."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    taxonomy = taxonomy_of(config)
    conn.send({"ready": os.getpid()})  # so the pool can tell "cannot start" from "died on a file"
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        result = process(task, config, taxonomy)
        result.update(usage())
        try:
            conn.send(result)
        except (BrokenPipeError, OSError):  # the importer is gone (killed): nothing left to do
            return
