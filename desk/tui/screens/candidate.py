"""One candidate: the resume with matched skills marked, and everything desk knows about them."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from desk.services.resume_view import candidate_page
from desk.tui.actions import PipelineActions, Target
from desk.tui.background import run_db
from desk.tui.keys import HELP
from desk.tui.render import display_name, hidden, highlighted_text, years_text
from desk.tui.widgets.footer import DeskFooter

HIDDEN = ("hidden in blind mode", "$text-muted italic")


def _when(stamp: str | None) -> str:
    return (stamp or "")[:16].replace("T", " ")


class CandidateScreen(PipelineActions, Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        HELP,
        Binding("escape,backspace", "back", "Back"),
        Binding("s", "stage", "Stage"),
        Binding("n", "note", "Note"),
        Binding("t", "tags", "Tags"),
        Binding("space,asterisk", "star", "Star"),
        Binding("j", "scroll(1)", "Scroll down", show=False),
        Binding("k", "scroll(-1)", "Scroll up", show=False),
    ]

    def __init__(self, candidate_id: str, *, job_id: str | None = None, search: str | None = None) -> None:
        super().__init__()
        self.candidate_id = candidate_id
        self.job_id = job_id
        self.search = search
        self.page: dict[str, Any] | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="cand-title", classes="screen-title")
        with Horizontal(id="cand"):
            with VerticalScroll(id="resume"):
                yield Static(Content.styled("Loading…", "$text-muted"), id="resume-text")
            with VerticalScroll(id="side"):
                yield Static(id="side-body")
        yield DeskFooter()

    def on_mount(self) -> None:
        self.watch(self.app, "blind", lambda _: self.redraw(), init=False)
        self.query_one("#resume", VerticalScroll).focus()
        self.load()

    def load(self) -> None:
        cid, job_id, search = self.candidate_id, self.job_id, self.search
        run_db(
            self,
            lambda store: candidate_page(store, cid, job_id=job_id, search=search),
            self._loaded,
            group="candidate",
            exclusive=True,
            description="candidate",
        )

    def _loaded(self, page: dict[str, Any]) -> None:
        self.page = page
        self.redraw()

    @property
    def application(self) -> dict[str, Any] | None:
        if self.page is None:
            return None
        return next((a for a in self.page["applications"] if a["job_id"] == self.job_id), None)

    @property
    def who(self) -> str:
        basics = self.page["candidate"]["basics"] if self.page else {}
        return display_name(self.candidate_id, basics.get("name"), self.app.blind)  # type: ignore[attr-defined]

    # -- drawing --------------------------------------------------------------------------
    def redraw(self) -> None:
        page = self.page
        if page is None:
            return
        blind = self.app.blind  # type: ignore[attr-defined]
        terms = page["sensitive"]
        app = self.application
        title: list[str | tuple[str, str]] = [(self.who, "bold")]
        if app is not None:
            title += [
                f" · {app['title']} · ",
                (f"{app['score'] or 0:.1f}", "bold $text-primary"),
                f" · {app['met'] or 0}/{app['required_total'] or 0} required · stage {app['stage']}",
                (" ★" if app["starred"] else "", "$text-warning"),
            ]
        if blind:
            title.append((" · BLIND", "bold $text-error"))
        self.query_one("#cand-title", Static).update(Content.assemble(*title))
        text = highlighted_text(page["text"], page["skill_spans"], page["search_spans"], blind, terms)
        self.query_one("#resume-text", Static).update(text)
        self.query_one("#side-body", Static).update(self._side(page, blind, terms))

    def _side(self, page: dict[str, Any], blind: bool, terms: list[str]) -> Content:
        c = page["candidate"]
        b = c["basics"]
        out: list[Content] = []

        def head(text: str) -> None:
            out.append(Content.styled(("\n" if out else "") + text, "bold underline"))

        def line(*parts: str | tuple[str, str]) -> None:
            out.append(Content.assemble(*parts))

        head("Contact")
        if blind:
            line(HIDDEN)
        else:
            for label, value in (("email", b.get("email")), ("phone", b.get("phone"))):
                if value:
                    line((f"{label} ", "$text-muted"), value)
            for p in b.get("profiles") or []:
                line((f"{p['network']} ", "$text-muted"), p["url"])
        where = (b.get("location") or {}).get("address")
        if where and not blind:
            line(("location ", "$text-muted"), where)
        if c.get("tags"):
            line(("tags ", "$text-muted"), ("#" + " #".join(c["tags"]), "$text-accent"))

        head("Applications")
        for a in page["applications"]:
            here = a["job_id"] == self.job_id
            line(
                ("▸ " if here else "  ", "$text-accent"),
                (a["title"], "bold" if here else ""),
                (f"  {a['score'] or 0:.1f} · {a['stage']}" + (" ★" if a["starred"] else ""), "$text-muted"),
            )

        head("Experience")
        line(
            f"{years_text(c.get('years_experience'))} years",
            (f" · {c['seniority']}" if c.get("seniority") else "", ""),
        )
        for w in c["work"]:
            end = "present" if w["current"] else (w["endDate"] or "?")
            line(
                (w["position"] or "?", "bold"),
                f" · {w['name'] or '?'}",
                (f"  {w['startDate'] or '?'} – {end}", "$text-muted"),
                (f"  {', '.join(w['flags'])}" if w["flags"] else "", "$text-warning"),
            )
        for g in c.get("gaps") or []:
            line(("gap ", "$text-warning"), f"{g.get('start')} – {g.get('end')} ({g.get('months')} mo)")

        head("Education")
        for e in c["education"]:
            school = HIDDEN if blind else (e["institution"] or "", "")
            line(
                (f"{e['studyType'] or ''} {e['area'] or ''}".strip() or "degree", "bold"),
                " · ",
                school,
                (f"  {e['endDate'] or ''}", "$text-muted"),
            )
        if not c["education"]:
            line(("none found", "$text-muted"))

        head("Skills")
        line(", ".join(s["name"] for s in c["skills"][:24]) or "none found")

        head("Documents")
        for i, d in enumerate(c["documents"], 1):
            name = f"document {i}" if blind else d["path"]
            status = (
                ("ok", "$text-success") if d["status"] == "ok" else (f"failed: {d['error']}", "$text-error")
            )
            line(name, (f"  {d['format'] or '?'} · {d['pages'] or '?'} p · ", "$text-muted"), status)
        if not c["documents"]:
            line(("none", "$text-muted"))

        head(f"Notes ({len(page['notes'])})")
        for n in page["notes"]:
            line((_when(n["created_at"]) + "  ", "$text-muted"), hidden(n["body"], blind, terms))

        head("Stage history")
        for h in page["history"]:
            line(
                (_when(h["at"]) + "  ", "$text-muted"),
                f"{h['from_stage'] or '–'} → {h['to_stage']}",
                (f"  {h['job']}", "$text-muted"),
            )
        if not page["history"]:
            line(("no changes yet", "$text-muted"))
        return Content("\n").join(out)

    # -- actions --------------------------------------------------------------------------
    def action_target(self) -> Target | None:
        if self.page is None:
            return None
        app = self.application
        return Target(
            candidate_id=self.candidate_id,
            who=self.who,
            application_id=app["application_id"] if app else None,
            stage=app["stage"] if app else None,
            job_id=self.job_id,
            tags=list(self.page["candidate"]["tags"]),
        )

    def after_change(self, message: str) -> None:
        self.notify(message)
        self.load()

    def action_back(self) -> None:
        self.dismiss()

    def action_scroll(self, lines: int) -> None:
        widget = (
            self.focused
            if isinstance(self.focused, VerticalScroll)
            else self.query_one("#resume", VerticalScroll)
        )
        widget.scroll_relative(y=lines, animate=False)
