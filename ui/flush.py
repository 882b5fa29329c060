"""Reports that never miss a note just typed.

A note is committed when its box loses focus (or on Ctrl+Enter). Clicking a download button
does both at once: the browser sends the note (a rerun whose callback saves it) and then asks
for the file. The file's builder runs in another thread and could read the store before the
callback has saved the note. So the builder first waits until the session is idle, or until a
script body has started since the file was asked for (callbacks run before a body, so the
note's callback is done), then reads the store.

This reaches into Streamlit's internals (the session's current script runner, its request
queue and its thread); if a future Streamlit lacks them, the wait is skipped and the old race
comes back, nothing worse.

The residual limit: a note typed and the tab closed or reloaded with the box still focused is
sent by the page script when the page is left (see `ui/browser.py`); if the browser drops that
last message the note is lost, and nothing on the server can know it existed.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from streamlit.runtime.scriptrunner import get_script_run_ctx

T = TypeVar("T")

#: Longest wait for a pending note before building a report anyway (seconds).
FLUSH_TIMEOUT = 5.0
#: How long an idle session is watched for a note arriving just after the download request.
GRACE = 0.4


def _session(session_id: str) -> Any:  # pragma: no cover - needs a running server
    try:
        from streamlit.runtime import Runtime

        info = Runtime.instance()._session_mgr.get_session_info(session_id)
    except Exception:  # no runtime (AppTest, bare mode) or a Streamlit without these parts
        return None
    return getattr(info, "session", None)


def _rerun_pending(runner: Any) -> bool:
    state = getattr(getattr(runner, "_requests", None), "_state", None)
    return getattr(state, "name", "") == "RERUN"


def _busy(runner: Any) -> bool:
    """The runner is running a script (or about to): its thread is alive."""
    thread = getattr(runner, "_script_thread", None)
    return thread is not None and thread.is_alive()


#: Script bodies started per session (callbacks run before a body, so a body that starts after
#: a request arrived means that request's callbacks are done).
_BODIES: dict[str, int] = {}
_BODIES_LOCK = threading.Lock()


def body_started() -> None:
    """Call first thing in the page and in every fragment body."""
    ctx = get_script_run_ctx()
    session_id = getattr(ctx, "session_id", "")
    if session_id:
        with _BODIES_LOCK:
            _BODIES[session_id] = _BODIES.get(session_id, 0) + 1


def _bodies(session_id: str) -> int:
    with _BODIES_LOCK:
        return _BODIES.get(session_id, 0)


def wait_for_pending_saves(session_id: str, timeout: float = FLUSH_TIMEOUT) -> None:
    """Return once no callback that could still save a note is outstanding: a script body has
    started since this was called (callbacks run before a body), or the session stayed idle
    for `GRACE` seconds (the browser may send the note a moment after asking for the file).
    The runner of the moment is looked up each time: Streamlit starts a new one for a rerun
    that arrives while it is idle."""
    session = _session(session_id)
    if session is None:
        return
    seen = _bodies(session_id)
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        runner = getattr(session, "_scriptrunner", None)
        bodies = _bodies(session_id)
        if runner is not None and _busy(runner):
            if bodies > seen and not _rerun_pending(runner):
                return  # a body started since: the callbacks before it have run
        elif bodies > seen or time.monotonic() - started > GRACE:
            return  # a run came and went, or nothing came at all
        time.sleep(0.01)


def after_pending_saves(build: Callable[[], T]) -> Callable[[], T]:
    """`build`, run only after the session's pending widget callbacks (note saves) have run."""
    ctx = get_script_run_ctx()
    session_id = getattr(ctx, "session_id", "")

    def flushed() -> T:
        if session_id:
            wait_for_pending_saves(session_id)
        return build()

    return flushed
