"""The command palette (ctrl+p): the current screen's actions, the jobs, and candidates by name.

Commands come from the state the palette opens on: the actions are the bindings
active on that screen (so the palette and the footer never disagree), the jobs
are the ones the main screen shows, and candidates are looked up in SQL as you
type (a LIKE on names, 20 at most), in a thread with its own connection, so a
100,000-candidate desk stays quick. In blind mode candidates are found by their
"Candidate #id" label only.
"""

from __future__ import annotations

import asyncio
from functools import partial
from typing import Any

from textual.command import DiscoveryHit, Hit, Hits, Provider

from desk.services.blind import blind_label
from desk.store import open_store

MAX_CANDIDATES = 20


def find_candidates(
    db_path: Any, text: str, *, blind: bool, limit: int = MAX_CANDIDATES
) -> list[tuple[str, str]]:
    """(id, name) of candidates whose name has every word of ``text`` (in blind mode: whose label
    starts with it). A leading "Candidate:" is ignored, so what the palette shows can be typed back."""
    words = [w for w in text.replace("#", " ").split() if w.lower().rstrip(":") != "candidate"]
    if not words or len("".join(words)) < 2:
        return []
    with open_store(db_path) as store:
        if blind:
            prefix = words[0].lower()
            if not all(c in "0123456789abcdef" for c in prefix):
                return []
            rows = store.conn.execute(
                "SELECT id, name FROM candidates WHERE replace(id, '-', '') LIKE ? ORDER BY id LIMIT ?",
                [prefix + "%", limit],
            ).fetchall()
        else:
            where = " AND ".join("name LIKE ?" for _ in words)
            rows = store.conn.execute(
                f"SELECT id, name FROM candidates WHERE {where} ORDER BY lower(name), id LIMIT ?",
                [*(f"%{w}%" for w in words), limit],
            ).fetchall()
    return [(r[0], r[1] or "") for r in rows]


class DeskCommands(Provider):
    def _main(self) -> Any:
        from desk.tui.screens.main import MainScreen

        return next((s for s in self.app.screen_stack if isinstance(s, MainScreen)), None)

    def _actions(self) -> list[tuple[str, str, str]]:
        """(title, help, action) for every described binding of the screen the palette opened on."""
        seen: dict[str, tuple[str, str, str]] = {}
        for key, active in self.screen.active_bindings.items():
            binding = active.binding
            if not binding.description or binding.action in ("command_palette",):
                continue
            entry = seen.get(binding.action)
            keys = f"{entry[1]} / {key}" if entry else key
            seen[binding.action] = (binding.description, keys, binding.action)
        return [(title, f"key: {keys}", action) for title, keys, action in seen.values()]

    def _run_action(self, action: str) -> None:
        self.app.call_later(self.app.run_action, action, self.screen)

    def _jobs(self) -> list[dict[str, Any]]:
        main = self._main()
        return list(main.jobs.jobs) if main is not None else []

    def _select_job(self, job_id: str) -> None:
        main = self._main()
        if main is None:
            return
        while self.app.screen is not main and len(self.app.screen_stack) > 1:
            self.app.pop_screen()
        main.select_job(job_id)

    def _open_candidate(self, candidate_id: str) -> None:
        from desk.tui.screens.candidate import CandidateScreen

        main = self._main()
        job_id = main.query_.job_id if main is not None else None
        self.app.push_screen(CandidateScreen(candidate_id, job_id=job_id))

    async def discover(self) -> Hits:
        for title, help_text, action in self._actions():
            yield DiscoveryHit(title, partial(self._run_action, action), help=help_text)
        for job in self._jobs():
            yield DiscoveryHit(
                f"Job: {job['title']}", partial(self._select_job, job["id"]), help="show this job"
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, action in self._actions():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), partial(self._run_action, action), help=help_text)
        for job in self._jobs():
            text = f"Job: {job['title']}"
            score = matcher.match(text)
            if score > 0:
                yield Hit(
                    score, matcher.highlight(text), partial(self._select_job, job["id"]), help="show this job"
                )
        blind = bool(getattr(self.app, "blind", False))
        found = await asyncio.to_thread(find_candidates, self.app.db_path, query, blind=blind)  # type: ignore[attr-defined]
        for cid, name in found:
            shown = blind_label(cid) if blind else name
            text = f"Candidate: {shown}"
            score = max(matcher.match(text), 0.5)
            yield Hit(
                score, matcher.highlight(text), partial(self._open_candidate, cid), text=text, help="open"
            )
