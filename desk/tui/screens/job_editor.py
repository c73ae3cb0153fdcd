"""Edit a job's requirements; every change rescores the job and the new top shows at once."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Static

from desk.model import Requirement
from desk.services.jobs import add_requirement, job_summary, remove_requirement, update_requirement
from desk.services.ranking import ranked
from desk.store import Store
from desk.tui.background import run_db
from desk.tui.keys import HELP
from desk.tui.modals.confirm import Confirm
from desk.tui.modals.prompt import TextPrompt
from desk.tui.render import display_name
from desk.tui.widgets.footer import DeskFooter

TOP = 10


def editor_data(store: Store, job_id: str) -> dict[str, Any]:
    return {"job": job_summary(store, job_id), "top": ranked(store, job_id, limit=TOP)}


class JobEditorScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        HELP,
        Binding("escape,backspace", "back", "Back"),
        Binding("r,1", "kind('required')", "Required"),
        Binding("p,2", "kind('preferred')", "Preferred"),
        Binding("g,3", "kind('ignored')", "Ignore"),
        Binding("plus,equals_sign", "weight(1)", "Weight +"),
        Binding("minus", "weight(-1)", "Weight −"),
        Binding("w", "set_weight", "Set weight"),
        Binding("k", "knockout", "Knockout"),
        Binding("a", "add", "Add"),
        Binding("d,delete", "remove", "Remove"),
    ]

    def __init__(self, job_id: str) -> None:
        super().__init__()
        self.job_id = job_id
        self.data: dict[str, Any] | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="editor-title", classes="screen-title")
        with Horizontal(id="editor"):
            yield DataTable(id="editor-table", cursor_type="row", zebra_stripes=True)
            yield Static(id="editor-top")
        yield DeskFooter()

    def on_mount(self) -> None:
        self.watch(self.app, "blind", lambda _: self._draw_top(), init=False)
        self.query_one(DataTable).focus()
        self._run(lambda store: None, "")

    def _run(self, change: Any, message: str) -> None:
        """Apply one change (in a worker: rescoring a big job takes a while), then redraw."""
        job_id = self.job_id

        def work(store: Store) -> dict[str, Any]:
            result = change(store)
            data = editor_data(store, job_id)
            data["focus"] = result.id if isinstance(result, Requirement) else None
            return data

        def done(data: dict[str, Any]) -> None:
            if message:
                self.app.data_version += 1  # type: ignore[attr-defined]
            self.data = data
            self.redraw()
            if message:
                self.notify(message + " · ranking updated")

        run_db(self, work, done, group="editor", description="job editor")

    @property
    def requirement(self) -> dict[str, Any] | None:
        table = self.query_one(DataTable)
        if self.data is None or table.row_count == 0:
            return None
        return self.data["job"]["requirements"][table.cursor_row]

    def redraw(self) -> None:
        assert self.data is not None
        job = self.data["job"]
        reqs = job["requirements"]
        counts = {k: sum(1 for r in reqs if r["kind"] == k) for k in ("required", "preferred", "ignored")}
        self.query_one("#editor-title", Static).update(
            Content.assemble(
                ("Edit job ", "bold"),
                job["title"],
                (
                    f"  {counts['required']} required · {counts['preferred']} preferred · {counts['ignored']} ignored",
                    "$text-muted",
                ),
            )
        )
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear(columns=True)
        table.add_columns("Kind", "Wt", "KO", "Type", "Requirement")
        for r in reqs:
            dim = "dim" if r["kind"] == "ignored" else ""
            table.add_row(
                Text(r["kind"], style=dim or ("bold" if r["kind"] == "required" else "")),
                Text(str(r["weight"]), style=dim, justify="right"),
                "KO" if r["knockout"] else "",
                Text(r["type"], style="dim"),
                Text(r["label"], style=dim),
                key=r["id"],
            )
        keys = [r["id"] for r in reqs]
        if self.data.get("focus") in keys:
            row = keys.index(self.data["focus"])
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))
        self._draw_top()

    def _draw_top(self) -> None:
        if self.data is None:
            return
        blind = self.app.blind  # type: ignore[attr-defined]
        widget = self.query_one("#editor-top", Static)
        room = max(8, (widget.scrollable_content_region.width or 30) - 9)
        lines = [Content.styled("Top candidates now", "bold underline")]
        for r in self.data["top"]:
            name = display_name(r["candidate_id"], r["name"], blind)
            lines.append(
                Content.assemble(
                    (f"{r['rank']:>2} ", "$text-muted"),
                    (f"{r['score']:5.1f} ", "bold $text-primary"),
                    name if len(name) <= room else name[: room - 1] + "…",
                )
            )
        widget.update(Content("\n").join(lines))

    # -- actions --------------------------------------------------------------------------
    def action_kind(self, kind: str) -> None:
        req = self.requirement
        if req is None or req["kind"] == kind:
            return
        job_id, key = self.job_id, req["id"]
        self._run(lambda s: update_requirement(s, job_id, key, kind=kind), f"{req['label']}: {kind}")

    def action_weight(self, step: int) -> None:
        req = self.requirement
        if req is None:
            return
        weight = max(0, min(100, req["weight"] + step))
        if weight != req["weight"]:
            job_id, key = self.job_id, req["id"]
            self._run(
                lambda s: update_requirement(s, job_id, key, weight=weight),
                f"{req['label']}: weight {weight}",
            )

    def action_set_weight(self) -> None:
        req = self.requirement
        if req is None:
            return
        job_id, key = self.job_id, req["id"]

        def chosen(text: str | None) -> None:
            if not text:
                return
            try:
                weight = int(text)
            except ValueError:
                self.notify(f"a weight is a whole number from 0 to 100, not {text!r}", severity="error")
                return
            self._run(
                lambda s: update_requirement(s, job_id, key, weight=weight),
                f"{req['label']}: weight {weight}",
            )

        self.app.push_screen(
            TextPrompt(f"Weight of {req['label']}", value=str(req["weight"]), hint="0-100"), chosen
        )

    def action_knockout(self) -> None:
        req = self.requirement
        if req is None:
            return
        job_id, key, value = self.job_id, req["id"], not req["knockout"]
        state = "a knockout" if value else "no longer a knockout"
        self._run(lambda s: update_requirement(s, job_id, key, knockout=value), f"{req['label']} is {state}")

    def action_add(self) -> None:
        job_id = self.job_id

        def chosen(text: str | None) -> None:
            names = [n.strip() for n in (text or "").split(",") if n.strip()]
            if names:
                self._run(lambda s: add_requirement(s, job_id, names), f"Added {' / '.join(names)}")

        self.app.push_screen(
            TextPrompt(
                "Add a required skill",
                placeholder="e.g. Terraform, or Django, Flask for one of them",
                hint="Several names separated by commas make one 'one of' requirement. Switch kind with p / g.",
            ),
            chosen,
        )

    def action_remove(self) -> None:
        req = self.requirement
        if req is None:
            return
        job_id, key = self.job_id, req["id"]

        def answered(yes: bool | None) -> None:
            if yes:
                self._run(lambda s: remove_requirement(s, job_id, key), f"Removed {req['label']}")

        self.app.push_screen(Confirm(f"Remove “{req['label']}” from this job?"), answered)

    def action_back(self) -> None:
        self.dismiss()
