"""How the TUI feels with 100,000 candidates: first paint, cursor moves, paging, switching jobs.

Builds (once, then reuses) a desk with ``--n`` synthetic candidates for three sample jobs,
written straight into the tables with executemany, then drives the real app headless
with ``App.run_test()`` and times, with ``time.perf_counter``:

  first paint   interpreter start -> the first ranked row is drawn (in a fresh process)
  key -> drawn  a key is posted -> the table draws the row under the new cursor with its data
  key -> detail a key is posted -> the detail pane shows that row's score breakdown

Keys are posted as events (not ``pilot.press``, which waits for the whole process, worker
threads included, to go idle). No assertions: the figures are for people.

    .venv/bin/python bench/bench_tui.py [--n 100000] [--db /tmp/desk-bench.db] [--rebuild]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "tui"))

FIRST_PAINT = """
import time
t0 = time.perf_counter()
import asyncio, sys
from pathlib import Path
from desk.tui import make_app
async def main():
    app = make_app(Path(sys.argv[1]))
    t1 = time.perf_counter()
    async with app.run_test(size=(120, 40)) as pilot:
        table = app.screen.table
        drawn = []
        render = table.render_line
        def spy(y):
            strip = render(y)
            if y == 1 and table.row_at(round(table.scroll_y)) is not None and not drawn:
                drawn.append(time.perf_counter())
            return strip
        table.render_line = spy
        while not drawn:
            await asyncio.sleep(0.005)
        print(f"{t1 - t0:.3f} {drawn[0] - t0:.3f}")
asyncio.run(main())
"""


def build(path: Path, n: int) -> None:
    from tui_fixtures import synthetic_desk

    path.unlink(missing_ok=True)
    started = time.perf_counter()
    synthetic_desk(path, n)
    print(f"built {n:,} candidates x 3 jobs in {time.perf_counter() - started:.1f} s -> {path}")


def first_paint(path: Path, runs: int) -> None:
    results = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", FIRST_PAINT, str(path)],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=True,
        )
        results.append([float(x) for x in out.stdout.split()])
    ready = statistics.median(r[0] for r in results)
    painted = statistics.median(r[1] for r in results)
    print(
        f"first paint: {painted * 1000:.0f} ms after start (app object ready at {ready * 1000:.0f} ms), median of {runs}"
    )


async def interactions(path: Path, repeats: int) -> None:
    from textual import events

    from desk.tui import make_app

    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        table = screen.table
        drawn: dict[str, float] = {}
        render = table.render_line

        def spy(y: int):  # type: ignore[no-untyped-def]
            strip = render(y)
            row = table.row_at(round(table.scroll_y) + y - 1) if y else None
            if row is not None and round(table.scroll_y) + y - 1 == table.cursor:
                drawn.setdefault(
                    f"{table.query_.job_id}:{table.cursor}:{row['application_id']}", time.perf_counter()
                )
            return strip

        table.render_line = spy  # type: ignore[method-assign]

        async def until(test: Callable[[], bool], limit: float = 30.0) -> float:
            start = time.perf_counter()
            while not test():
                if time.perf_counter() - start > limit:
                    raise TimeoutError("the app did not respond")
                await asyncio.sleep(0.001)
            return time.perf_counter()

        def drawn_at() -> float | None:
            row = table.current_row
            if row is None:
                return None
            return drawn.get(f"{table.query_.job_id}:{table.cursor}:{row['application_id']}")

        async def settle() -> None:
            for _ in range(50):
                await pilot.pause()
                if not any(w.is_running for w in app.workers):
                    return
                await app.workers.wait_for_complete()

        await until(lambda: drawn_at() is not None)
        await settle()
        figures: dict[str, list[tuple[float, float]]] = {}

        async def measure(label: str, key: str) -> None:
            before = (table.query_.job_id, table.cursor)
            drawn.clear()
            start = time.perf_counter()
            app.post_message(events.Key(key, None))
            await until(lambda: (table.query_.job_id, table.cursor) != before and drawn_at() is not None)
            shown = drawn_at()
            assert shown is not None
            row = table.current_row
            detail = await until(lambda: screen.detail_pane.candidate_id == row["candidate_id"])
            figures.setdefault(label, []).append((shown - start, detail - start))
            await settle()

        for _ in range(repeats):
            await measure("cursor down (j)", "j")
        for _ in range(repeats):
            await measure("cursor up (k)", "k")
        for _ in range(repeats):
            await measure("page down", "pagedown")
        await measure("end (row 100,000)", "end")
        for _ in range(repeats):
            await measure("page up near the end", "pageup")
        await measure("home", "home")
        for _ in range(repeats):
            await measure("next job (])", "right_square_bracket")
            await measure("previous job ([)", "left_square_bracket")

        print(f"{'action':<24} {'key -> drawn (ms)':>20} {'key -> detail (ms)':>20}")
        for label, values in figures.items():
            drawn_ms = statistics.median(v[0] for v in values) * 1000
            detail_ms = statistics.median(v[1] for v in values) * 1000
            worst = max(v[0] for v in values) * 1000
            print(f"{label:<24} {drawn_ms:>11.1f} (max {worst:>5.0f}) {detail_ms:>20.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "desk-bench-tui.db")
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--runs", type=int, default=3, help="first-paint runs (fresh processes)")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    marker = args.db.with_suffix(f".{args.n}.ok")
    if args.rebuild or not marker.exists() or not args.db.exists():
        build(args.db, args.n)
        marker.write_text("built\n")
    else:
        print(f"reusing {args.db} ({args.n:,} candidates x 3 jobs); --rebuild to make it again")
    first_paint(args.db, args.runs)
    asyncio.run(interactions(args.db, args.repeats))


if __name__ == "__main__":
    main()
