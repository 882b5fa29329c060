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
class _Runner:
    _requests: _Requests = field(default_factory=_Requests)
    _script_thread: threading.Thread | None = None


@dataclass
class _Session:
    _scriptrunner: _Runner | None = None


def _play_runner(runner: _Runner, store: dict[str, str], session_id: str) -> None:
    """A runner for the rerun the browser sent: picked up after 0.2 s, its callback saves the
    note (0.2 s), then the script body starts."""
    time.sleep(0.2)
    runner._requests._state = _State.CONTINUE
    time.sleep(0.2)  # the callback's write
    store["note"] = "typed just before the click"
    with flush._BODIES_LOCK:
        flush._BODIES[session_id] = flush._BODIES.get(session_id, 0) + 1
    time.sleep(0.3)  # the rest of the run


def _start(session_id: str, store: dict[str, str]) -> _Session:
    runner = _Runner()
    thread = threading.Thread(target=_play_runner, args=(runner, store, session_id))
    runner._script_thread = thread
    thread.start()
    return _Session(runner)


def test_builder_waits_for_the_pending_note(monkeypatch: pytest.MonkeyPatch) -> None:
    store: dict[str, str] = {"note": ""}
    session = _start("session-1", store)
    monkeypatch.setattr(flush, "_session", lambda _id: session)
    started = time.monotonic()
    flush.wait_for_pending_saves("session-1", timeout=5)
    assert store["note"] == "typed just before the click"
    assert time.monotonic() - started < 0.65  # not until the whole run ends


def test_an_idle_session_returns_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    for idle in (_Session(None), _Session(_Runner(_Requests(_State.CONTINUE)))):
        monkeypatch.setattr(flush, "_session", lambda _id, s=idle: s)
        started = time.monotonic()
        flush.wait_for_pending_saves("session-2", timeout=5)
        assert time.monotonic() - started < flush.GRACE + 0.3


def test_a_note_sent_just_after_the_file_request_is_waited_for(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store: dict[str, str] = {"note": ""}
    session = _Session(None)  # idle when the file is asked for
    monkeypatch.setattr(flush, "_session", lambda _id: session)

    def late() -> None:
        time.sleep(0.15)  # the browser's rerun arrives after the download request
        session._scriptrunner = _start("session-3", store)._scriptrunner

    threading.Thread(target=late).start()
    flush.wait_for_pending_saves("session-3", timeout=5)
    assert store["note"] == "typed just before the click"


def test_without_a_runtime_the_builder_just_builds() -> None:
    build = flush.after_pending_saves(lambda: b"report")  # no script context: nothing to wait
    assert build() == b"report"
    flush.wait_for_pending_saves("no-such-session", timeout=0.1)
