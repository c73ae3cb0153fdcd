"""Database work off the UI thread: each worker opens its own Store and reports back.

SQLite connections belong to the thread that opened them, so a worker never
borrows the UI thread's store. Results come back through ``call_from_thread``
and are dropped when the worker was cancelled (a newer request replaced it) or
its widget is gone, so a slow answer never overwrites a newer one. Failures are
left to the worker: the app's one ``Worker.StateChanged`` handler reports them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from textual.dom import DOMNode
from textual.worker import Worker, get_current_worker

from desk.store import Store, open_store

T = TypeVar("T")


def run_db(
    node: DOMNode,
    fn: Callable[[Store], T],
    on_done: Callable[[T], Any] | None = None,
    *,
    on_error: Callable[[BaseException], Any] | None = None,
    group: str,
    exclusive: bool = False,
    description: str = "",
) -> Worker[T]:
    """Run ``fn(store)`` in a thread worker for ``node``; call ``on_done(result)`` on the UI thread.

    With ``on_error`` the caller handles a failure itself (on the UI thread) and the
    worker ends quietly; without it the failure reaches the app's error handler.
    """
    app = node.app
    db_path = app.db_path  # type: ignore[attr-defined]

    def work() -> T:
        worker = get_current_worker()
        try:
            with open_store(db_path) as store:
                result = fn(store)
        except Exception as exc:
            if on_error is None:
                raise
            if not worker.is_cancelled:
                _call(app, node, on_error, exc)
            return None  # type: ignore[return-value]
        if on_done is not None and not worker.is_cancelled:
            _call(app, node, on_done, result)
        return result

    # Workers belong to the app: Worker.StateChanged does not bubble, and the app's one
    # handler is where failures become messages. Results still go to ``node`` (if alive).
    return app.run_worker(
        work,
        name=description or group,
        group=group,
        description=description or group,
        thread=True,
        exclusive=exclusive,
        exit_on_error=False,
    )


def _call(app: Any, node: DOMNode, callback: Callable[[Any], Any], value: Any) -> None:
    try:
        app.call_from_thread(_deliver, node, callback, value)
    except RuntimeError:  # the app is shutting down: nobody is left to tell
        pass


def _deliver(node: DOMNode, callback: Callable[[Any], Any], value: Any) -> None:
    if node.is_attached:
        callback(value)
