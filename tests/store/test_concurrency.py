"""Two processes writing at once both succeed: the busy timeout queues them."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from desk.store import open_store

WRITER = textwrap.dedent(
    """
    import sys, time
    from desk.clock import new_id, utcnow
    from desk.store import open_store
    store = open_store(sys.argv[1])
    for i in range(int(sys.argv[2])):
        with store.write():
            jid = new_id(); now = utcnow()
            store.db["jobs"].insert({"id": jid, "title": sys.argv[3], "text": "", "parsed": "{}",
                                     "parser_version": "1", "created_at": now, "updated_at": now})
            store.log("job", jid, "create")
            time.sleep(0.002)  # hold the lock a little so the writers really collide
    store.close()
    """
)


def test_two_processes_write_at_once(db_path: Path) -> None:
    # Both start on a file that does not exist yet, so migrations race too.
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(db_path), "60", name], stderr=subprocess.PIPE)
        for name in ("a", "b")
    ]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err.decode()
    store = open_store(db_path)
    titles = [r["title"] for r in store.db["jobs"].rows]
    assert titles.count("a") == 60 and titles.count("b") == 60
    assert store.db["events"].count == 120
    assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    store.close()
