"""Stage, note, tags and star: the same keys and the same dialogs on the main and candidate screens.

A screen says which application the keys act on (``action_target``) and what to do
after a change (``after_change``); the writes run in workers through the services,
which log every change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from desk.model import STAGES
from desk.services.candidates import set_tags
from desk.services.pipeline import add_note, set_stage, toggle_star
from desk.tui.background import run_db
from desk.tui.modals.choice import ChoicePrompt
from desk.tui.modals.prompt import TextPrompt


@dataclass(frozen=True)
class Target:
    """What the keys act on: a candidate, and their application to the job on screen (if any)."""

    candidate_id: str
    who: str  # the name, or the blind label
    application_id: str | None = None
    stage: str | None = None
    job_id: str | None = None
    tags: list[str] = field(default_factory=list)


class PipelineActions:
    """Mixed into a Screen, which defines ``action_target() -> Target | None`` (what the keys
    act on) and ``after_change(message)`` (how it shows a change)."""

    action_target: Any
    after_change: Any

    def _application(self) -> Target | None:
        target = self.action_target()
        if target is not None and target.application_id is None:
            self._screen.notify("Open this candidate from a job to change stage or star", severity="warning")
            return None
        return target

    @property
    def _screen(self) -> Any:
        return self

    def _write(self, fn: Any, message: Any) -> None:
        def done(result: Any) -> None:
            self._screen.app.data_version += 1
            self.after_change(message(result))

        run_db(self._screen, fn, done, group="write")

    def action_stage(self) -> None:
        target = self._application()
        if target is None:
            return

        def chosen(stage: str | None) -> None:
            if stage and stage != target.stage:
                self._write(
                    lambda store: set_stage(store, target.application_id, stage),
                    lambda r: f"{target.who}: {r['from']} → {r['to']}",
                )

        options = [(s, s) for s in STAGES]
        self._screen.app.push_screen(
            ChoicePrompt(f"Stage for {target.who}", options, current=target.stage), chosen
        )

    def action_star(self) -> None:
        target = self._application()
        if target is not None:
            self._write(
                lambda store: toggle_star(store, target.application_id),
                lambda on: f"{'Starred' if on else 'Unstarred'} {target.who}",
            )

    def action_note(self) -> None:
        target = self.action_target()
        if target is None:
            return

        def written(body: str | None) -> None:
            if body and body.strip():
                self._write(
                    lambda store: add_note(store, target.candidate_id, body, job_id=target.job_id),
                    lambda _: f"Note added for {target.who}",
                )

        self._screen.app.push_screen(
            TextPrompt(f"Note on {target.who}", placeholder="what you want to remember"), written
        )

    def action_tags(self) -> None:
        target = self.action_target()
        if target is None:
            return

        def written(text: str | None) -> None:
            if text is not None:
                self._write(
                    lambda store: set_tags(store, target.candidate_id, text.replace(";", ",").split(",")),
                    lambda clean: f"Tags of {target.who}: {', '.join(clean) if clean else '(none)'}",
                )

        self._screen.app.push_screen(
            TextPrompt(
                f"Tags for {target.who}",
                value=", ".join(target.tags),
                placeholder="comma-separated, e.g. referral, senior",
                hint="Replaces all tags; empty removes them.",
            ),
            written,
        )
