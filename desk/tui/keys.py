"""Bindings every screen shares, put first so that the footer shows them even at 80 columns."""

from __future__ import annotations

from textual.binding import Binding

#: "?" before the screen's own keys: the one key a new user needs to find the others
HELP = Binding("question_mark", "app.help", "Help")
