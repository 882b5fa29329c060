"""Extraction in worker processes that a budget can kill and replace, shared by all sessions."""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

from checks.guard_parts import (
    PART_CHARS,
    Guarded,
    PartResult,
    build_extraction,
    dedupe,
    merge_parts,
    too_long_message,
)
from checks.models import Claim

DEFAULT_SECONDS = 60.0
#: How long a fresh worker may take to load the language model before we give up on it.
STARTUP_SECONDS = 120.0
#: What a worker runs on each text unless told otherwise ("module:function").
DEFAULT_RUNNER = "checks.guard:iter_parts"


def _worker_main(conn: Any, model: str, memory_mb: int, max_chars: int, runner: str) -> None:
    """Runs in the worker: load the pipeline once, then answer tasks until told to stop."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    if memory_mb > 0:
        with contextlib.suppress(Exception):
            import resource

            limit = memory_mb * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    import logging

    logging.disable(logging.WARNING)  # the parent reports; a worker's log lines are noise
    from checks.nlp import load_pipeline

    try:
        pipeline = load_pipeline(model)
    except BaseException as exc:
        conn.send(("failed", f"{type(exc).__name__}: {exc}"))
        return
    # "module:function" with iter_parts' signature (tests inject slow readers)
    import importlib

    module, _, name = (runner or DEFAULT_RUNNER).partition(":")
    run = getattr(importlib.import_module(module), name)
    conn.send(("ready", pipeline.model))
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        text, article_date, source = task
        conn.send(("started", None))
        try:
            for part, used, total in run(
                text,
                article_date=article_date,
                pipeline=pipeline,
                max_chars=max_chars,
                article_date_source=source,
            ):
                conn.send(("part", (part, used, total)))
            conn.send(("done", pipeline.model))
        except MemoryError:
            conn.send(("error", "memory"))
        except Exception as exc:  # a bug: the parent turns it into a message
            conn.send(("error", f"{type(exc).__name__}: {exc}"))


_MAIN_LOCK = threading.Lock()


@contextlib.contextmanager
def _main_script_hidden() -> Iterator[None]:
    """Start a spawned worker without it re-running the parent's main script. `spawn` re-imports
    `__main__` in the child; under Streamlit that is the page script (`app.py`, or an AppTest's
    temporary script), which must not run in an extraction worker. The worker's code lives in
    this module, importable by name, so the child needs nothing from `__main__`."""
    main = sys.modules.get("__main__")
    with _MAIN_LOCK:
        saved = {
            k: main.__dict__.pop(k) for k in ("__file__", "__spec__") if main and k in main.__dict__
        }
        if main is not None:
            main.__spec__ = None  # read with getattr(): None means "not run as a module"
        try:
            yield
        finally:
            if main is not None:
                main.__dict__.pop("__spec__", None)
                main.__dict__.update(saved)


class _Worker:
    """One worker process and the parent's end of its pipe."""

    def __init__(self, ctx: Any, model: str, memory_mb: int, max_chars: int, runner: str) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(
            target=_worker_main,
            args=(child, model, memory_mb, max_chars, runner),
            daemon=True,
            name="checks-extract",
        )
        with _main_script_hidden():
            self.process.start()
        child.close()
        self.model = ""
        self.ready = False
        self.failed = ""

    def wait_ready(self, timeout: float) -> bool:
        if self.ready:
            return True
        if self.failed or not self.conn.poll(timeout):
            return False
        try:
            kind, value = self.conn.recv()
        except (EOFError, OSError):
            self.failed = "the extraction worker stopped while loading the model"
            return False
        if kind == "ready":
            self.ready, self.model = True, value
        else:
            self.failed = str(value)
        return self.ready

    def alive(self) -> bool:
        return self.process.is_alive()

    def kill(self) -> None:
        with contextlib.suppress(Exception):
            self.process.kill()
            self.process.join(5)
        with contextlib.suppress(Exception):
            self.conn.close()

    def stop(self) -> None:
        with contextlib.suppress(Exception):
            self.conn.send(None)
            self.process.join(2)
        if self.process.is_alive():
            self.kill()
        with contextlib.suppress(Exception):
            self.conn.close()


class ExtractorPool:
    """A few extraction workers shared by every session of the app (thread-safe).

    A session borrows one worker for one text; when the budget runs out that worker is killed
    and a fresh one is started in its place, so the other sessions never wait on it.
    """

    def __init__(
        self,
        *,
        model: str = "",
        workers: int = 1,
        memory_mb: int = 0,
        max_chars: int = PART_CHARS,
        start_method: str = "spawn",
        runner: str = "",
    ) -> None:
        self.model = model
        self.runner = runner
        self.memory_mb = memory_mb
        self.max_chars = max_chars
        self._ctx = mp.get_context(start_method)
        self._idle: list[_Worker] = [self._spawn() for _ in range(max(1, workers))]
        self._cond = threading.Condition()
        self._closed = False

    def _spawn(self) -> _Worker:
        return _Worker(self._ctx, self.model, self.memory_mb, self.max_chars, self.runner)

    def _borrow(self, timeout: float) -> _Worker | None:
        end = time.monotonic() + timeout
        with self._cond:
            while not self._idle:
                left = end - time.monotonic()
                if left <= 0 or self._closed:
                    return None
                self._cond.wait(left)
            return self._idle.pop()

    def _give_back(self, worker: _Worker) -> None:
        with self._cond:
            if self._closed:
                worker.stop()
                return
            self._idle.append(worker)
            self._cond.notify()

    def _replace(self, worker: _Worker) -> None:
        worker.kill()
        self._give_back(self._spawn())

    def extract(
        self,
        text: str,
        article_date: date | None = None,
        *,
        seconds: float = DEFAULT_SECONDS,
        on_part: Callable[[list[Claim]], None] | None = None,
        article_date_source: str = "user",
    ) -> Guarded:
        """Claims of `text` within `seconds` of work (waiting for a busy worker counts too)."""
        started = time.monotonic()
        worker = self._borrow(seconds)
        if worker is None:
            return self._nothing(
                article_date,
                "The workbench is busy with other articles; no extraction worker became free "
                f"within {seconds:.0f} s. Try again in a moment.",
                started,
            )
        if not worker.wait_ready(STARTUP_SECONDS) or not worker.alive():
            reason = worker.failed or "it did not start in time"
            self._replace(worker)
            return self._nothing(
                article_date, f"The extraction worker could not start ({reason}).", started
            )
        try:
            worker.conn.send((text, article_date, article_date_source))
        except (OSError, ValueError):
            self._replace(worker)
            return self._nothing(article_date, "The extraction worker stopped.", started)
        budget_end = work_started = time.monotonic() + 0.0
        budget_end += seconds
        parts: list[PartResult] = []
        total, used, error = 1, article_date, ""
        finished = False
        while True:
            left = budget_end - time.monotonic()
            if left <= 0 or not worker.conn.poll(left):
                break
            try:
                kind, value = worker.conn.recv()
            except (EOFError, OSError):
                error = "memory" if worker.process.exitcode not in (0, None) else "stopped"
                break
            if kind == "started":
                work_started = time.monotonic()
                budget_end = work_started + seconds
            elif kind == "part":
                part, used, total = value
                parts.append(part)
                if on_part is not None:
                    on_part(merge_parts(parts))
            elif kind == "done":
                finished = True
                break
            elif kind == "error":
                error = value
                break
        elapsed = time.monotonic() - started
        if finished:
            self._give_back(worker)
        elif error and error != "memory" and worker.alive():
            self._give_back(worker)  # a bug in one text; the worker itself is fine
        else:
            self._replace(worker)
        warnings = dedupe([w for p in parts for w in p.warnings])
        extraction = build_extraction(parts, used, worker.model or self.model, warnings)
        if finished:
            return Guarded(extraction, True, "", elapsed, total, len(parts))
        if error == "memory":
            message = (
                "This text needed too much memory to read and was stopped"
                + (f" after {len(parts)} of {total} parts" if parts else "")
                + ". Split the article and check the parts separately."
            )
        elif error:
            message = (
                f"Extraction failed on this text ({error}); "
                + (f"{len(parts)} of {total} parts were read. " if parts else "")
                + "Please report this article."
            )
        else:
            message = too_long_message(len(parts), total, time.monotonic() - work_started)
        extraction.warnings.append(message)
        return Guarded(extraction, False, message, elapsed, total, len(parts))

    def _nothing(self, article_date: date | None, message: str, started: float) -> Guarded:
        from checks.extract import Extraction

        extraction = Extraction([], article_date, self.model, [message])
        return Guarded(extraction, False, message, time.monotonic() - started, 1, 0)

    def close(self) -> None:
        with self._cond:
            self._closed = True
            idle, self._idle = self._idle, []
            self._cond.notify_all()
        for worker in idle:
            worker.stop()

    def __enter__(self) -> ExtractorPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
