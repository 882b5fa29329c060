"""Reports that never miss a note just typed.

A note is committed when its box loses focus (or on Ctrl+Enter). Clicking a download button
does both at once: the browser sends the note (a rerun whose callback saves it) and then asks
for the file. The file's builder runs in another thread and could read the store before the
callback has saved the note. So the builder first waits until this session has no rerun
pending and its callbacks have run (they hold the session state's lock), then reads the store.

This reaches into Streamlit's script-run context (`script_requests`, the session state lock);
if a future Streamlit lacks them, the wait is skipped and the old race comes back, nothing
worse. The residual limit: a note typed and the tab closed or reloaded with the box still
focused is sent by the page script on `pagehide` (see `ui/browser.py`); if the browser drops
that last message the note is lost, and nothing on the server can know it existed.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, TypeVar

from streamlit.runtime.scriptrunner import get_script_run_ctx

T = TypeVar("T")

#: Longest wait for a pending note before building a report anyway (seconds).
FLUSH_TIMEOUT = 5.0


def _rerun_pending(requests: Any) -> bool:
    state = getattr(requests, "_state", None)
    return getattr(state, "name", "") == "RERUN"


def after_pending_saves(build: Callable[[], T]) -> Callable[[], T]:
    """`build`, run only after the session's pending widget callbacks (note saves) have run."""
    ctx = get_script_run_ctx()
    requests = getattr(ctx, "script_requests", None)
    session_state = getattr(ctx, "session_state", None)

    def flushed() -> T:
        deadline = time.monotonic() + FLUSH_TIMEOUT
        while requests is not None and _rerun_pending(requests):
            if time.monotonic() > deadline:
                break
            time.sleep(0.01)
        lock = getattr(session_state, "_lock", None)
        if lock is not None:
            time.sleep(0.05)  # the runner picked the rerun up; let it reach its callbacks
            if lock.acquire(timeout=FLUSH_TIMEOUT):
                lock.release()
        return build()

    return flushed
