"""Exports stream: memory stays flat however big the file gets (figures at 100k: bench/bench_export.py)."""

from __future__ import annotations

import importlib.util
import tracemalloc
from pathlib import Path

import pytest

from desk.export import build, export_to_file

BENCH = Path(__file__).resolve().parents[2] / "bench" / "bench_export.py"


def _bench_module():
    spec = importlib.util.spec_from_file_location("bench_export", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_peak_memory_is_a_small_fraction_of_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Memory is bounded by one chunk of entities; with small chunks a small desk shows it quickly."""
    monkeypatch.setattr(build, "CHUNK", 25)
    store = _bench_module().make_synthetic_db(tmp_path / "big.db", 300)
    try:
        for fmt in ("json",):  # the form that would tempt one to build the document; tracemalloc is slow
            tracemalloc.start()
            try:
                summary = export_to_file(store, tmp_path / f"big.{fmt}", fmt=fmt)
                peak = tracemalloc.get_traced_memory()[1]
            finally:
                tracemalloc.stop()
            assert summary["counts"]["candidates"] == 300
            assert summary["counts"]["applications"] == 600
            # a document built in memory would need several times the file's size
            assert peak < summary["bytes"] / 3, (peak, summary["bytes"])
    finally:
        store.close()
