"""Reports that never miss a note just typed.

A note is committed when its box loses focus (or on Ctrl+Enter). Clicking a download button
does both at once: the browser sends the note (a rerun whose callback saves it) and then asks
for the file. The file's builder runs in another thread and could read the store before the
callback has saved the note. So the builder first waits until this session has no rerun
pending and its callbacks have run (they hold the session state's lock), then reads the store.

This reaches into Streamlit's internals (the session's current script runner, its request
queue and its session-state lock); if a future Streamlit lacks them, the wait is skipped and
the old race comes back, nothing worse.

The residual limit: a note typed and the tab closed or reloaded with the box still focused is
sent by the page script when the page is left (see `ui/browser.py`); if the browser drops that
last message the note is lost, and nothing on the server can know it existed.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, TypeVar

from streamlit.runtime.scriptrunner import get_script_run_ctx

T = TypeVar("T")

#: Longest wait for a pending note before building a report anyway (seconds).
FLUSH_TIMEOUT = 5.0


def _session(session_id: str) -> Any:
    try:
        from streamlit.runtime import Runtime

        info = Runtime.instance()._session_mgr.get_session_info(session_id)
    except Exception:  # no runtime (AppTest, bare mode) or a Streamlit without these parts
        return None
    return getattr(info, "session", None)


def _rerun_pending(runner: Any) -> bool:
    state = getattr(getattr(runner, "_requests", None), "_state", None)
    return getattr(state, "name", "") == "RERUN"


def wait_for_pending_saves(session_id: str, timeout: float = FLUSH_TIMEOUT) -> None:
    """Return once the session's queued rerun (if any) has been picked up and its callbacks
    (which save the note) have run. The script runner of the moment is looked up each time:
    Streamlit starts a new one for a rerun that arrives while it is idle."""
    session = _session(session_id)
    if session is None:
        return
    deadline = time.monotonic() + timeout
    time.sleep(0.03)  # the rerun message came first; let the event loop hand it over
    while time.monotonic() < deadline:
        runner = getattr(session, "_scriptrunner", None)
        if runner is None or not _rerun_pending(runner):
            break
        time.sleep(0.01)
    runner = getattr(session, "_scriptrunner", None)
    lock = getattr(getattr(runner, "_session_state", None), "_lock", None)
    if lock is not None:
        time.sleep(0.05)  # the runner picked the rerun up; let it reach its callbacks
        if lock.acquire(timeout=max(0.0, deadline - time.monotonic())):
            lock.release()


def after_pending_saves(build: Callable[[], T]) -> Callable[[], T]:
    """`build`, run only after the session's pending widget callbacks (note saves) have run."""
    ctx = get_script_run_ctx()
    session_id = getattr(ctx, "session_id", "")

    def flushed() -> T:
        if session_id:
            wait_for_pending_saves(session_id)
        return build()

    return flushed
