"""A Footer that rebuilds its keys only when the keys on offer really change.

Textual's Footer recomposes on every "bindings updated" signal, and a scroll or a
highlight change sends one; with twenty keys that costs tens of milliseconds each
time, which is most of a cursor move. Comparing what the footer would show with
what it shows now makes those refreshes free.
"""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.widgets import Footer


def shown_keys(screen: Screen[Any]) -> tuple[tuple[str, str, str, bool], ...]:
    return tuple(
        (key, binding.action, binding.description, enabled)
        for key, (_, binding, enabled, _tooltip) in screen.active_bindings.items()
        if binding.show
    )


class DeskFooter(Footer):
    def __init__(self) -> None:
        # The palette key is an ordinary footer key (see DeskApp.BINDINGS): the docked one lets
        # a column of the keys behind it show through when the footer overflows at 80 columns.
        super().__init__(compact=True, show_command_palette=False)
        self._shown: tuple[tuple[str, str, str, bool], ...] | None = None

    def bindings_changed(self, screen: Screen[Any]) -> None:
        if self.is_attached and screen is self.screen:
            keys = shown_keys(screen)
            if keys == self._shown:
                return
            self._shown = keys
        super().bindings_changed(screen)
