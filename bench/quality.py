"""Ranking quality on a hand-labelled set: desk vs a TF-IDF cosine baseline, same run.

46 sample resumes x 5 sample JDs, each pair graded 0-3 by a person reading both
(data/quality/grades.csv). Prints NDCG@5 (gain 2^grade - 1) and per-job ROC-AUC
(positive = grade >= 2) for desk's score and for TF-IDF cosine similarity.

    python bench/quality.py
"""

from __future__ import annotations

import csv
import math
import re
from collections import Counter
from datetime import date
from pathlib import Path

from desk.parse.job import parse_job
from desk.parse.resume import parse_resume
from desk.profile import build_facts
from desk.scoring import score

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "desk" / "samples"
GRADES = ROOT / "data" / "quality" / "grades.csv"
TODAY = date(2026, 12, 1)
TOKEN_RE = re.compile(r"[a-z0-9+#]+(?:\.[a-z0-9]+)*")


def load() -> tuple[dict[str, str], dict[str, str], dict[tuple[str, str], int]]:
    jobs = {p.stem: p.read_text(encoding="utf-8") for p in sorted((SAMPLES / "jobs").glob("*.txt"))}
    resumes = {p.stem: p.read_text(encoding="utf-8") for p in sorted((SAMPLES / "resumes").glob("*.txt"))}
    with GRADES.open(newline="", encoding="utf-8") as fh:
        grades = {(r["resume"], r["job"]): int(r["grade"]) for r in csv.DictReader(fh)}
    return jobs, resumes, grades


def tfidf_scores(jobs: dict[str, str], resumes: dict[str, str]) -> dict[tuple[str, str], float]:
    """Classic TF-IDF (log tf, smooth idf, L2) cosine between each JD and each resume."""
    docs = {**{("job", k): v for k, v in jobs.items()}, **{("res", k): v for k, v in resumes.items()}}
    tfs = {k: Counter(TOKEN_RE.findall(v.lower())) for k, v in docs.items()}
    df: Counter[str] = Counter()
    for tf in tfs.values():
        df.update(tf.keys())
    n = len(docs)
    vecs = {}
    for k, tf in tfs.items():
        vec = {t: (1 + math.log(c)) * (math.log((1 + n) / (1 + df[t])) + 1) for t, c in tf.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vecs[k] = {t: v / norm for t, v in vec.items()}
    out = {}
    for j in jobs:
        jv = vecs[("job", j)]
        for r in resumes:
            rv = vecs[("res", r)]
            out[(r, j)] = sum(w * rv.get(t, 0.0) for t, w in jv.items())
    return out


def desk_scores(jobs: dict[str, str], resumes: dict[str, str]) -> dict[tuple[str, str], float]:
    facts = {}
    for name, text in resumes.items():
        resume = parse_resume(text, today=TODAY)
        facts[name] = build_facts(name, text, resume)
    out = {}
    for j, text in jobs.items():
        job = parse_job(text)
        for r in resumes:
            out[(r, j)] = score(job, facts[r]).points / 100
    return out


def ndcg_at(k: int, ranked_grades: list[int], all_grades: list[int]) -> float:
    def dcg(gs: list[int]) -> float:
        return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(gs[:k]))

    ideal = dcg(sorted(all_grades, reverse=True))
    return dcg(ranked_grades) / ideal if ideal else 0.0


def roc_auc(scores: list[float], positive: list[bool]) -> float:
    """Probability that a random positive outscores a random negative (ties count half)."""
    pos = [s for s, p in zip(scores, positive, strict=True) if p]
    neg = [s for s, p in zip(scores, positive, strict=True) if not p]
    if not pos or not neg:
        return float("nan")
    wins = sum(1.0 if a > b else 0.5 if a == b else 0.0 for a in pos for b in neg)
    return wins / (len(pos) * len(neg))


def evaluate() -> dict[str, dict[str, dict[str, float]]]:
    jobs, resumes, grades = load()
    systems = {"desk": desk_scores(jobs, resumes), "tfidf": tfidf_scores(jobs, resumes)}
    report: dict[str, dict[str, dict[str, float]]] = {}
    for system, scores in systems.items():
        report[system] = {}
        for j in jobs:
            names = sorted(resumes, key=lambda r, j=j: (-scores[(r, j)], r))
            gs = [grades[(r, j)] for r in names]
            report[system][j] = {
                "ndcg@5": ndcg_at(5, gs, gs),
                "auc": roc_auc([scores[(r, j)] for r in names], [g >= 2 for g in gs]),
            }
    return report


def main() -> None:
    report = evaluate()
    jobs = list(report["desk"])
    print(f"{'job':<28} {'desk NDCG@5':>12} {'tfidf NDCG@5':>13} {'desk AUC':>9} {'tfidf AUC':>10}")
    for j in jobs:
        d, t = report["desk"][j], report["tfidf"][j]
        print(f"{j:<28} {d['ndcg@5']:>12.3f} {t['ndcg@5']:>13.3f} {d['auc']:>9.3f} {t['auc']:>10.3f}")
    for metric in ("ndcg@5", "auc"):
        means = {s: sum(report[s][j][metric] for j in jobs) / len(jobs) for s in report}
        print(f"mean {metric}: desk {means['desk']:.3f}  tfidf {means['tfidf']:.3f}")


if __name__ == "__main__":
    main()
