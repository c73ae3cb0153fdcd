"""The candidate table pages a big list from SQL and shows exactly what ranked() would."""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_fixtures import settle, synthetic_desk, table_lines

from desk.services.jobs import list_jobs
from desk.services.paging import count_fast, jobs_overview, order_rowids, rows_at
from desk.services.ranking import count_ranked, ranked
from desk.store import open_store
from desk.tui import make_app
from desk.tui.widgets.candidate_table import PAGE

N = 1234


@pytest.fixture(scope="module")
def big_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    path = tmp_path_factory.mktemp("big") / "big.db"
    return path, synthetic_desk(path, N)


def test_order_and_rows_at_agree_with_ranked(big_template: tuple[Path, list[str]]) -> None:
    path, jobs = big_template
    with open_store(path) as store:
        for sort, descending in (("score", True), ("name", False), ("stage", False), ("years", True)):
            order = order_rowids(store, jobs[0], sort=sort, descending=descending)
            assert len(order) == N
            for offset in (0, 500, N - 34):
                expected = ranked(store, jobs[0], offset=offset, limit=PAGE, sort=sort, descending=descending)
                got = rows_at(store, order[offset : offset + PAGE], first_rank=offset + 1)
                assert got == expected
        filters = {"stage": "screening", "min_score": 20.0}
        order = order_rowids(store, jobs[1], **filters)
        assert len(order) == count_ranked(store, jobs[1], **filters) == count_fast(store, jobs[1], **filters)
        assert rows_at(store, order[:10]) == ranked(store, jobs[1], limit=10, **filters)
        assert count_fast(store, jobs[1], has_skill="kafka") == count_ranked(
            store, jobs[1], has_skill="kafka"
        )
        overview = {j["id"]: j for j in jobs_overview(store)}
        for job in list_jobs(store):
            assert overview[job["id"]] == job


async def test_table_pages_to_the_end_and_back(big_template: tuple[Path, list[str]], tmp_path: Path) -> None:
    from tui_fixtures import copy_db

    db = copy_db(big_template[0], tmp_path / "big.db")
    job = big_template[1][0]
    with open_store(db) as store:
        last = ranked(store, job, offset=N - 1, limit=1)[0]
        deep = ranked(store, job, offset=3 * PAGE + 7, limit=1)[0]
    app = make_app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        table = app.screen.table
        assert table.total == N
        await pilot.press("end")
        await settle(pilot)
        assert table.cursor == N - 1
        assert table.current_row["application_id"] == last["application_id"]
        assert last["name"] in "\n".join(table_lines(table))
        assert app.screen.detail_pane.candidate_id == last["candidate_id"]
        table.move_to(3 * PAGE + 7)
        await settle(pilot)
        assert table.current_row["application_id"] == deep["application_id"]
        height = table.size.height - 1
        await pilot.press("home", "pagedown", "pagedown")
        await settle(pilot)
        assert table.cursor == 2 * height
        assert len(table._pages) <= 40  # the LRU bounds what is held, whatever was visited


async def test_sort_filter_and_switch_on_a_big_list(
    big_template: tuple[Path, list[str]], tmp_path: Path
) -> None:
    from tui_fixtures import copy_db

    db = copy_db(big_template[0], tmp_path / "big.db")
    job0, job1 = big_template[1][:2]
    with open_store(db) as store:
        by_name = ranked(store, job0, sort="name", descending=False, limit=2)
        screening = count_ranked(store, job0, stage="screening")
        top1 = ranked(store, job1, limit=1)[0]
    app = make_app(db)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        table = app.screen.table
        await pilot.press("o")
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        assert [table.row_at(0)["candidate_id"], table.row_at(1)["candidate_id"]] == [
            r["candidate_id"] for r in by_name
        ]
        await pilot.press("f")
        await settle(pilot)
        app.screen.query_one("#f-stage").value = "screening"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert table.total == screening
        await pilot.press("escape", "o", "1")
        await settle(pilot)
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert table.current_row["candidate_id"] == top1["candidate_id"]
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert table.query_.job_id == job0 and table.total == N
