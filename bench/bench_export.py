"""Export throughput and peak memory at 100,000 candidates, for both forms.

Builds a synthetic desk quickly (two real JDs through ``add_job``, then
``executemany`` of candidates, their skills, applications and create events), then
runs each export in a fresh child process, which reports its wall time, peak RSS
(``VmHWM``; ``resource.getrusage`` elsewhere) and, with ``--tracemalloc``, the peak of Python
allocations. No assertions: the figures are for people.

    .venv/bin/python bench/bench_export.py [--candidates 100000] [--db PATH] [--tracemalloc]
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desk.clock import utcnow  # noqa: E402
from desk.services.jobs import add_job, load_job  # noqa: E402
from desk.services.rows import dumps  # noqa: E402
from desk.store import Store, open_store  # noqa: E402

SAMPLE_JOBS = ("01-backend-developer.txt", "03-data-engineer.txt")
EXTRA_SKILLS = ("git", "linux", "java", "go", "react", "terraform", "spark", "airflow", "redis", "graphql")
CITIES = ("London, UK", "Berlin, Germany", "Austin, TX", "Remote", "Toronto, Canada", "Pune, India")
SENIORITY = ("junior", "mid", "senior", "staff", None)
BATCH = 5000
SOURCES = dumps(["work", "skills"])


def _profile(i: int, rng: random.Random) -> dict:
    start = 2014 + rng.randrange(8)
    return {
        "name": f"Person {i:06d}",
        "email": f"person{i:06d}@example.com",
        "work": [
            {
                "title": "Software Engineer",
                "company": f"Company {rng.randrange(500)}",
                "location": None,
                "start": f"{start}-01",
                "end": None,
                "current": True,
                "months": (2026 - start) * 12,
                "start_offset": 0,
                "end_offset": 200,
                "flags": [],
            }
        ],
        "education": [
            {
                "level": "bachelor",
                "field": "Computer Science",
                "school": f"University {rng.randrange(90)}",
                "graduation": str(start - 1),
                "text": "",
            }
        ],
        "links": [f"github.com/person{i:06d}"],
        "as_of": "2026-06",
    }


def make_synthetic_db(path: Path, n: int, *, seed: int = 7) -> Store:
    """A desk with ``n`` candidates scored against two real JDs, built in seconds, not hours."""
    rng = random.Random(seed)
    store = open_store(path)
    samples = ROOT / "desk" / "samples" / "jobs"
    jobs = [add_job(store, (samples / name).read_text(encoding="utf-8")) for name in SAMPLE_JOBS]
    pool = sorted(
        {s for j in jobs for r in load_job(store, j).requirements for s in r.skills} | set(EXTRA_SKILLS)
    )
    now = utcnow()
    conn = store.conn
    conn.execute("PRAGMA cache_size = -262144")  # 256 MB: random uuid keys thrash the default 2 MB
    for lo in range(0, n, BATCH):
        cands, skills, apps, events = [], [], [], []
        for i in range(lo, min(n, lo + BATCH)):
            cid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            profile = _profile(i, rng)
            years = round(rng.uniform(0.5, 15), 1)
            cands.append(
                (
                    cid,
                    profile["name"],
                    profile["email"],
                    f"+44 20 7946 {i % 10000:04d}",
                    rng.choice(CITIES),
                    years,
                    3,
                    dumps(["Computer Science"]),
                    2010 + rng.randrange(15),
                    rng.choice(SENIORITY),
                    dumps([]),
                    dumps(profile),
                    f"{profile['name']} Python engineer resume text {i}",
                    now,
                    now,
                )
            )
            for k, sid in enumerate(rng.sample(pool, 12)):
                months = (i * 7 + k * 13) % 72
                skills.append(
                    (
                        cid,
                        sid,
                        "exact",
                        100.0,
                        1 + k % 4,
                        months,
                        2020 + (i + k) % 7,
                        SOURCES,
                        f"- Used {sid} in production for {months} months",
                        400 + (i * 31 + k * 57) % 600,
                    )
                )
            for job in jobs:
                aid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
                apps.append((aid, job, cid, round(rng.uniform(0, 100), 2), now, now))
                events.append((now, "application", aid, "create"))
            events.append((now, "candidate", cid, "create"))
        with store.write():
            conn.executemany(
                "INSERT INTO candidates (id, name, email, phone, location, years_experience, degree_level, "
                "degree_fields, graduation_year, seniority, authorizations, profile, text, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                cands,
            )
            conn.executemany(
                "INSERT INTO candidate_skills (candidate_id, skill_id, how, similarity, mentions, months, "
                "last_year, sources, evidence, strength) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                skills,
            )
            conn.executemany(
                "INSERT INTO applications (id, job_id, candidate_id, score, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                apps,
            )
            conn.executemany("INSERT INTO events (at, entity, entity_id, op) VALUES (?, ?, ?, ?)", events)
    return store


CHILD = """
import json, resource, sys, time, tracemalloc
trace = sys.argv[4] == '1'
if trace:
    tracemalloc.start()
from desk.export import export_to_file
from desk.store import open_store
store = open_store(sys.argv[1])
t = time.perf_counter()
summary = export_to_file(store, sys.argv[2], fmt=sys.argv[3])
elapsed = time.perf_counter() - t
peak_py = tracemalloc.get_traced_memory()[1] if trace else None
def peak_rss_mb():
    # VmHWM is this process image's own peak; ru_maxrss would also count the parent's memory at fork
    try:
        for line in open('/proc/self/status'):
            if line.startswith('VmHWM:'):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({'seconds': elapsed, 'rss_mb': peak_rss_mb(),
                  'traced_mb': None if peak_py is None else peak_py / 2**20, 'counts': summary['counts'],
                  'bytes': summary['bytes']}))
"""


def run_export(db: Path, out: Path, fmt: str, trace: bool) -> dict:
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, str(db), str(out), fmt, "1" if trace else "0"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--candidates", type=int, default=100_000)
    parser.add_argument("--db", type=Path, help="reuse (or create) this database instead of a temporary one")
    parser.add_argument(
        "--tracemalloc", action="store_true", help="also report the peak of Python allocations"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="desk-bench-") as tmp:
        db = args.db or Path(tmp) / "bench.db"
        if not db.exists():
            t = time.perf_counter()
            make_synthetic_db(db, args.candidates).close()
            print(f"built {args.candidates} candidates in {time.perf_counter() - t:.1f}s -> {db}")
        for fmt in ("json", "jsonl"):
            r = run_export(db, Path(tmp) / f"export.{fmt}", fmt, args.tracemalloc)
            n = r["counts"]["candidates"]
            traced = "" if r["traced_mb"] is None else f", python peak {r['traced_mb']:.0f} MB"
            print(
                f"{fmt:<5} {n} candidates, {r['counts']['applications']} applications in {r['seconds']:.1f}s: "
                f"{n / r['seconds']:,.0f} candidates/s, {r['bytes'] / 2**20:,.0f} MB written, "
                f"peak RSS {r['rss_mb']:.0f} MB{traced}"
            )


if __name__ == "__main__":
    main()
