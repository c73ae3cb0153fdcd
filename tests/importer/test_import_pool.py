"""The worker pool on its own: a crashing reader costs one file, and the files behind it move on."""

from __future__ import annotations

from pathlib import Path

from desk.importer.pool import WorkerPool
from desk.importer.worker import WorkerConfig
from tests.importer.files import person


def run_all(pool: WorkerPool, tasks: list[dict[str, object]]) -> dict[str, str]:
    for task in tasks:
        pool.submit(task)
    done: dict[str, str] = {}
    while pool.busy:
        for outcome in pool.poll(0.25):
            done[str(outcome.task["name"])] = (
                "ok" if outcome.payload and outcome.payload["ok"] else outcome.code
            )
    return done


def test_a_crashed_worker_fails_its_file_and_is_replaced(tmp_path: Path) -> None:
    tasks = []
    for i, name in enumerate(["a.txt", "boom.txt", "c.txt", "d.txt"]):
        (tmp_path / name).write_text(person(i))
        tasks.append({"id": i, "path": str(tmp_path / name), "name": name, "display": name})
    pool = WorkerPool(1, WorkerConfig(crash_paths=frozenset({"boom.txt"})), timeout=60)
    try:
        done = run_all(pool, tasks)
    finally:
        pool.close()
    # c.txt was queued behind boom.txt in the dead worker: it went to the replacement
    assert done == {"a.txt": "ok", "boom.txt": "crashed", "c.txt": "ok", "d.txt": "ok"}
    assert pool.workers == []
