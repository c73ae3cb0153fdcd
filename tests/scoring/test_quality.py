"""The quality benchmark as a regression guard: desk must keep beating TF-IDF on the labelled set."""

from __future__ import annotations

import importlib.util
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench" / "quality.py"


def load_bench():
    spec = importlib.util.spec_from_file_location("quality_bench", BENCH)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_desk_beats_tfidf_baseline() -> None:
    report = load_bench().evaluate()
    jobs = list(report["desk"])
    assert len(jobs) == 5
    mean = {s: {m: sum(report[s][j][m] for j in jobs) / len(jobs) for m in ("ndcg@5", "auc")} for s in report}
    assert mean["desk"]["ndcg@5"] > mean["tfidf"]["ndcg@5"]
    assert mean["desk"]["auc"] > mean["tfidf"]["auc"]
    # and no job where desk is useless
    assert min(report["desk"][j]["ndcg@5"] for j in jobs) >= 0.8
