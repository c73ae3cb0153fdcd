"""Rank every candidate for a job at once, with numpy, giving exactly ``score()``'s points.

``RankIndex`` is a columnar snapshot of all candidates' facts (skill strengths in
per-skill slices, years in months, degree level, ...). Scoring a job is a handful
of vectorised maximum/sum operations over integers that mirror desk.scoring line
by line; tests compare the two on random candidates. The full breakdown is then
computed with ``score()`` only for the rows a user looks at.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from desk.model import DEGREE_LEVELS, IGNORED, REQUIRED, CandidateFacts, Job, Requirement
from desk.scoring import (
    AUTH_OK,
    CLEARANCE_ORDER,
    FULL,
    OVER_RANGE_FLOOR,
    OVER_RANGE_GRACE,
    OVER_RANGE_STEP,
    RELATED_FACTOR,
    SENIORITY_ORDER,
    UNKNOWN_CREDIT,
    location_cities,
)

AUTH_BITS = {"us-citizen": 1, "green-card": 2, "work-authorization": 4, "needs-sponsorship": 8}


@dataclass
class Ranked:
    points: np.ndarray  # int64, 0..10000 per candidate (index order)
    met: np.ndarray  # int64, required skill requirements met
    required_total: int
    knocked: np.ndarray  # bool


def years_months(years: float | None) -> int:
    """Years as whole months, rounded exactly as desk.scoring does (-1: unknown)."""
    return -1 if years is None else int(round(years * 12))


def seniority_rank(level: str | None) -> int:
    return SENIORITY_ORDER.get(level or "", -1)


def clearance_rank(authorizations: Iterable[str]) -> int:
    levels = [
        CLEARANCE_ORDER.get(a.split(":", 1)[1], 1) for a in authorizations if a.startswith("clearance:")
    ]
    return max(levels, default=0)


def auth_bits(authorizations: Iterable[str]) -> int:
    return sum(AUTH_BITS.get(a, 0) for a in set(authorizations))


class RankIndex:
    """Columns of candidate facts; row i of every column is candidate ``ids[i]``."""

    def __init__(
        self,
        ids: list[str],
        skill_rows: tuple[list[int], list[str], list[int]],
        *,
        years: list[int],
        degree: list[int],
        grad: list[int],
        senior: list[int],
        clearance: list[int],
        auth: list[int],
        location: list[str],
    ) -> None:
        self.ids = ids
        self.n = len(ids)
        cand_idx, skill_ids, strength = skill_rows
        self.skill_vocab: dict[str, int] = {}
        sk_list = [self.skill_vocab.setdefault(sid, len(self.skill_vocab)) for sid in skill_ids]
        ci = np.asarray(cand_idx, dtype=np.int64)
        sk = np.asarray(sk_list, dtype=np.int64)
        st = np.asarray(strength, dtype=np.int64)
        keep = st > 0
        ci, sk, st = ci[keep], sk[keep], st[keep]
        order = np.argsort(sk, kind="stable")
        ci, sk, st = ci[order], sk[order], st[order]
        bounds = np.searchsorted(sk, np.arange(len(self.skill_vocab) + 1))
        self._slices = {
            k: (ci[bounds[k] : bounds[k + 1]], st[bounds[k] : bounds[k + 1]])
            for k in range(len(self.skill_vocab))
        }
        self.years = np.asarray(years, dtype=np.int64)
        self.degree = np.asarray(degree, dtype=np.int64)
        self.grad = np.asarray(grad, dtype=np.int64)
        self.senior = np.asarray(senior, dtype=np.int64)
        self.clearance = np.asarray(clearance, dtype=np.int64)
        self.auth = np.asarray(auth, dtype=np.int64)
        self.location = location
        self.position = {cid: i for i, cid in enumerate(ids)}

    @classmethod
    def from_facts(cls, facts: Iterable[CandidateFacts]) -> RankIndex:
        ids: list[str] = []
        rows: tuple[list[int], list[str], list[int]] = ([], [], [])
        cols: dict[str, list] = {
            k: [] for k in ("years", "degree", "grad", "senior", "clearance", "auth", "location")
        }
        for i, f in enumerate(facts):
            ids.append(f.id)
            for sid, cs in f.skills.items():
                rows[0].append(i)
                rows[1].append(sid)
                rows[2].append(cs.strength)
            cols["years"].append(years_months(f.years_experience))
            cols["degree"].append(f.degree_level)
            cols["grad"].append(-1 if f.graduation_year is None else f.graduation_year)
            cols["senior"].append(seniority_rank(f.seniority))
            cols["clearance"].append(clearance_rank(f.authorizations))
            cols["auth"].append(auth_bits(f.authorizations))
            cols["location"].append((f.location or "").lower())
        return cls(ids, rows, **cols)

    # -- per requirement, mirroring desk.scoring -------------------------------------------
    def _strengths(self, sid: str, factor: int | None = None) -> tuple[np.ndarray, np.ndarray] | None:
        k = self.skill_vocab.get(sid)
        if k is None:
            return None
        cands, strengths = self._slices[k]
        if factor is not None:
            strengths = strengths * factor // FULL
        return cands, strengths

    def _skill(self, req: Requirement, related: dict[str, list[str]]) -> tuple[np.ndarray, np.ndarray]:
        direct = np.zeros(self.n, dtype=np.int64)
        for sid in req.skills:
            got = self._strengths(sid)
            if got is not None:
                c, s = got
                direct[c] = np.maximum(direct[c], s)
        rel = np.zeros(self.n, dtype=np.int64)
        for sid in req.skills:
            for rid in related.get(sid, ()):
                got = self._strengths(rid, RELATED_FACTOR)
                if got is not None:
                    c, s = got
                    rel[c] = np.maximum(rel[c], s)
        met = (direct > 0) & (direct >= rel)
        return np.maximum(direct, rel), met

    def _years(self, req: Requirement) -> tuple[np.ndarray, np.ndarray]:
        need = int(round((req.params.get("min") or 0) * 12))
        full = np.full(self.n, FULL, dtype=np.int64)
        top = req.params.get("max")
        if top is not None:
            over = self.years - int(round(top * 12)) - OVER_RANGE_GRACE
            full = np.where(over > 0, np.maximum(OVER_RANGE_FLOOR, FULL - over * OVER_RANGE_STEP // 12), FULL)
        credit = full
        if need > 0:
            credit = np.where(self.years >= need, full, np.maximum(self.years, 0) * FULL // need)
        credit = np.where(self.years < 0, UNKNOWN_CREDIT, credit)
        return credit, credit == FULL

    def _degree(self, req: Requirement) -> tuple[np.ndarray, np.ndarray]:
        need = DEGREE_LEVELS.get(req.params.get("min_level") or "bachelor", 3)
        credit = np.where(self.degree >= need, FULL, np.where(self.degree == need - 1, FULL // 2, FULL // 4))
        credit = np.where(self.degree <= 0, UNKNOWN_CREDIT - 100, credit)
        return credit, (self.degree >= need) & (self.degree > 0)

    def _screen(self, req: Requirement) -> tuple[np.ndarray, np.ndarray]:
        """Credit and a "fails" mask (not-met / missing) for screening requirements."""
        p, n = req.params, self.n
        unknown = np.full(n, UNKNOWN_CREDIT, dtype=np.int64)
        if req.type == "clearance":
            want = CLEARANCE_ORDER.get(p.get("level", "any"), 1)
            credit = np.where(
                self.clearance == 0, UNKNOWN_CREDIT, np.where(self.clearance >= want, FULL, 500)
            )
            return credit, np.zeros(n, dtype=bool)
        if req.type == "authorization":
            wanted = ("us-citizen",) if p.get("needs") == "us-citizen" else AUTH_OK
            mask = sum(AUTH_BITS[w] for w in wanted)
            ok = (self.auth & mask) > 0
            needs = (self.auth & AUTH_BITS["needs-sponsorship"]) > 0
            credit = np.where(ok, FULL, np.where(needs, 0, UNKNOWN_CREDIT))
            return credit, ~ok & needs
        if req.type == "graduation":
            years = np.asarray(p.get("years") or [], dtype=np.int64)
            if years.size == 0:
                return unknown, np.zeros(n, dtype=bool)
            hit = np.isin(self.grad, years)
            credit = np.where(self.grad < 0, UNKNOWN_CREDIT, np.where(hit, FULL, 0))
            return credit, (self.grad >= 0) & ~hit
        if req.type == "seniority":
            want = SENIORITY_ORDER.get(p.get("level", ""), None)
            if want is None:
                return unknown, np.zeros(n, dtype=bool)
            gap = np.abs(self.senior - want)
            credit = np.where(gap == 0, FULL, np.where(gap == 1, 500, 0))
            credit = np.where(self.senior < 0, UNKNOWN_CREDIT, credit)
            return credit, (self.senior >= 0) & (gap > 1)
        if req.type == "location":
            cities = location_cities(p)
            if not cities:
                return unknown, np.zeros(n, dtype=bool)
            known = np.fromiter((bool(w) for w in self.location), dtype=bool, count=n)
            inside = np.fromiter((any(c in w for c in cities) for w in self.location), dtype=bool, count=n)
            credit = np.where(~known, UNKNOWN_CREDIT, np.where(inside, FULL, 0))
            return credit, known & ~inside
        return unknown, np.zeros(n, dtype=bool)

    def rank(self, job: Job) -> Ranked:
        total = np.zeros(self.n, dtype=np.int64)
        met = np.zeros(self.n, dtype=np.int64)
        knocked = np.zeros(self.n, dtype=bool)
        weights = 0
        required_total = 0
        for req in job.requirements:
            if req.kind == IGNORED:
                continue
            if req.type == "skill":
                credit, ok = self._skill(req, job.related)
                fails = credit == 0
                if req.kind == REQUIRED and req.category != "soft":
                    required_total += 1
                    met += ok
            elif req.type == "years":
                credit, _ = self._years(req)
                fails = (self.years >= 0) & (credit < FULL // 2)
            elif req.type == "degree":
                credit, _ = self._degree(req)
                fails = (self.degree > 0) & (credit == FULL // 4)
            else:
                credit, fails = self._screen(req)
            total += req.weight * credit
            weights += req.weight
            if req.knockout:
                knocked |= fails
        if weights == 0:
            points = np.zeros(self.n, dtype=np.int64)
        else:
            points = np.where(knocked, 0, 10000 * total // (FULL * weights))
        return Ranked(points, met, required_total, knocked)
