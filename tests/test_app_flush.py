"""A report built while a note is still on its way is built after the note is saved.

The browser sends the note (a rerun whose callback saves it) just before it asks for the file;
the file's builder runs on another thread. Here a fake session plays the script runner: a rerun
pending for a while, then picked up, then a callback holding the session-state lock while it
saves. The builder must see the note. The real thing is walked in tests/test_browser.py.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from enum import Enum

import pytest

from ui import flush


class _State(Enum):
    CONTINUE = "continue"
    RERUN = "rerun"


@dataclass
class _Requests:
    _state: _State = _State.RERUN


@dataclass
class _SessionState:
    _lock: threading.RLock = field(default_factory=threading.RLock)


@dataclass
class _Runner:
    _requests: _Requests = field(default_factory=_Requests)
    _session_state: _SessionState = field(default_factory=_SessionState)


@dataclass
class _Session:
    _scriptrunner: _Runner | None = None


def _play_runner(session: _Session, store: dict[str, str], started: threading.Event) -> None:
    """A new runner for the rerun (as Streamlit makes when it was idle), picked up after 0.2 s,
    whose callback saves the note while holding the session-state lock."""
    runner = _Runner()
    session._scriptrunner = runner
    started.set()
    time.sleep(0.2)
    with runner._session_state._lock:
        runner._requests._state = _State.CONTINUE
        time.sleep(0.2)  # the callback's write
        store["note"] = "typed just before the click"


def test_builder_waits_for_the_pending_note(monkeypatch: pytest.MonkeyPatch) -> None:
    session = _Session(_Runner(_Requests(_State.CONTINUE)))  # the idle runner of the last run
    monkeypatch.setattr(flush, "_session", lambda _id: session)
    store: dict[str, str] = {"note": ""}
    started = threading.Event()
    threading.Thread(target=_play_runner, args=(session, store, started)).start()
    started.wait(2)
    flush.wait_for_pending_saves("session-1", timeout=5)
    assert store["note"] == "typed just before the click"


def test_nothing_pending_returns_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    session = _Session(_Runner(_Requests(_State.CONTINUE)))
    monkeypatch.setattr(flush, "_session", lambda _id: session)
    started = time.monotonic()
    flush.wait_for_pending_saves("session-1", timeout=5)
    assert time.monotonic() - started < 1.0


def test_without_a_runtime_the_builder_just_builds() -> None:
    build = flush.after_pending_saves(lambda: b"report")  # no script context: nothing to wait
    assert build() == b"report"
    flush.wait_for_pending_saves("no-such-session", timeout=0.1)
