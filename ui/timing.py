"""How long the server spends on each part of the page, for the browser test's timing log.

Set CHECKS_UI_TIMINGS to a file path and every full run, fragment run and callback appends one
JSON line {"part", "seconds", "at"} to it. Unset (the normal case), nothing is written.
"""

from __future__ import annotations

import functools
import json
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])
_LOCK = threading.Lock()


@contextmanager
def timing(part: str) -> Iterator[None]:
    path = os.environ.get("CHECKS_UI_TIMINGS")
    started = time.perf_counter()
    try:
        yield
    finally:
        if path:
            line = {"part": part, "seconds": time.perf_counter() - started, "at": time.time()}
            with _LOCK, open(path, "a", encoding="utf-8") as out:
                out.write(json.dumps(line) + "\n")


def timed(part: str) -> Callable[[F], F]:
    """Decorator form of `timing`, for fragments and callbacks."""

    def wrap(func: F) -> F:
        @functools.wraps(func)
        def inner(*args: Any, **kwargs: Any) -> Any:
            with timing(part):
                return func(*args, **kwargs)

        return inner  # type: ignore[return-value]

    return wrap
