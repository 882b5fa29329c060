"""Extraction that cannot take the app down: in a worker process, in parts, within a budget.

Why: a pathological paste (long runs of initials, a 40,000-number list) can keep the regex
engine busy for minutes while it holds the GIL, which froze every Streamlit session at once;
and a 200,000-character article parsed in one piece needs close to 1 GB. So extraction runs in
a separate process (spawned, so no threads are forked; the spaCy pipeline is loaded once per
worker), long texts are cut at paragraph breaks and parsed part by part (offsets preserved:
`claim.text == article[claim.start:claim.end]`), each part's claims are sent back as soon as
they are found, and a worker past its budget is killed and replaced. The caller always gets an
answer: every claim found so far, and a plain message when the text could not be finished.
"""

from __future__ import annotations

import atexit
import contextlib
import multiprocessing as mp
import re
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from checks.models import Claim

#: Texts longer than this are extracted in parts; ordinary articles (a few thousand characters)
#: are read in one piece, exactly as `extract_claims` reads them.
PART_CHARS = 20_000
DEFAULT_SECONDS = 60.0
#: How long a fresh worker may take to load the language model before we give up on it.
STARTUP_SECONDS = 120.0

_PARA_BREAK = re.compile(r"\n\s*\n")
_LINE_BREAK = re.compile(r"\n")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")
_SPACE = re.compile(r"\s+")


@dataclass
class Guarded:
    """What a budgeted extraction returns: the claims found and whether the text was finished.

    `extraction` is always usable (possibly with fewer claims); `message` is empty when the
    whole text was read and otherwise says, for the journalist, what happened.
    """

    extraction: Any  # checks.extract.Extraction (imported lazily: the parent needs no spaCy)
    complete: bool = True
    message: str = ""
    seconds: float = 0.0
    parts: int = 1
    parts_done: int = 1

    @property
    def claims(self) -> list[Claim]:
        return self.extraction.claims


# -- cutting a text into parts ---------------------------------------------------------------


def split_parts(text: str, max_chars: int = PART_CHARS) -> list[tuple[int, int]]:
    """Spans `(start, end)` covering `text` exactly, each at most `max_chars` long, cut after a
    paragraph break if there is one, else after a line break, a sentence end or a space."""
    if len(text) <= max_chars:
        return [(0, len(text))]
    spans: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > max_chars:
        limit = start + max_chars
        cut = _last_break(text, start, limit)
        spans.append((start, cut))
        start = cut
    spans.append((start, len(text)))
    return spans


def _last_break(text: str, start: int, limit: int) -> int:
    """The best cut in text[start:limit]: late enough that parts are not tiny."""
    floor = start + (limit - start) // 2
    for finder in (_PARA_BREAK, _LINE_BREAK, _SENTENCE_END, _SPACE):
        last = None
        for m in finder.finditer(text, floor, limit):
            last = m
        if last is not None and last.end() > start:
            return last.end()
    return limit


# -- merging the parts' claims ---------------------------------------------------------------


@dataclass
class PartResult:
    """One part's claims, already shifted to article offsets (ids still the part's own)."""

    index: int
    claims: list[Claim]
    warnings: list[str] = field(default_factory=list)
    inferred_date: dict | None = None  # the first part's reading of when the text was written


def shift_claims(claims: list[Claim], offset: int, token_offset: int) -> list[Claim]:
    """Move a part's claims to article offsets (characters and parse tokens)."""
    if not offset and not token_offset:
        return claims
    out = []
    for c in claims:
        governor = c.governor
        if governor and ":" in governor:
            i, word = governor.split(":", 1)
            with contextlib.suppress(ValueError):
                governor = f"{int(i) + token_offset}:{word}"
        out.append(
            replace(
                c,
                start=c.start + offset,
                end=c.end + offset,
                sentence_start=c.sentence_start + offset,
                root=c.root + token_offset if c.root >= 0 else c.root,
                heads=tuple(h + token_offset for h in c.heads),
                governor=governor,
            )
        )
    return out


def merge_parts(parts: list[PartResult]) -> list[Claim]:
    """All parts' claims in reading order with ids c1, c2, ... (links renamed to match)."""
    merged: list[Claim] = []
    for part in sorted(parts, key=lambda p: p.index):
        renames = {c.id: f"c{len(merged) + i}" for i, c in enumerate(part.claims, 1)}
        for c in part.claims:
            merged.append(replace(c, id=renames[c.id], links=_rename(c.links, renames)))
    return merged


def _rename(value: Any, renames: dict[str, str]) -> Any:
    if isinstance(value, str):
        return renames.get(value, value)
    if isinstance(value, list):
        return [_rename(v, renames) for v in value]
    if isinstance(value, tuple):
        return tuple(_rename(v, renames) for v in value)
    if isinstance(value, dict):
        return {k: _rename(v, renames) for k, v in value.items()}
    return value


def _dedupe(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _extraction(parts: list[PartResult], used: date | None, model: str, warnings: list[str]):
    """One Extraction from the parts read so far."""
    from checks.extract import Extraction

    extraction = Extraction(merge_parts(parts), used, model, warnings)
    first = next((p for p in parts if p.index == 0), None)
    if (
        first is not None
        and first.inferred_date is not None
        and hasattr(extraction, "inferred_date")
    ):
        extraction.inferred_date = first.inferred_date
    return extraction


# -- extraction in parts (in this process) ---------------------------------------------------


class _CountingNLP:
    """Wraps a spaCy Language to remember how many tokens the last text had (parse offsets)."""

    def __init__(self, nlp: Any) -> None:
        self._nlp = nlp
        self.last_tokens = 0

    def __call__(self, text: str) -> Any:
        doc = self._nlp(text)
        self.last_tokens = len(doc)
        return doc

    def __getattr__(self, name: str) -> Any:
        return getattr(self._nlp, name)


def iter_parts(
    text: str,
    *,
    article_date: date | None,
    pipeline: Any,
    max_chars: int = PART_CHARS,
    article_date_source: str = "user",
) -> Iterator[tuple[PartResult, date | None, int]]:
    """Extract `text` part by part; yields (part, article date used, number of parts).

    The dateline is read once from the whole text, so every part resolves relative dates
    against the same day; each part's parse is dropped before the next one is read.
    """
    from checks.extract import extract_claims, find_dateline

    spans = split_parts(text, max_chars)
    head_warnings: list[str] = []
    if len(spans) > 1:
        if article_date is None:
            article_date = find_dateline(text)
            if article_date is not None:
                head_warnings.append(
                    f"Article date taken from its dateline: {article_date.isoformat()}."
                )
        head_warnings.append(
            f"The article is long ({len(text):,} characters): it was read in {len(spans)} "
            "parts cut at paragraph breaks, so a claim spread across a break may be missed."
        )
    counting = _CountingNLP(pipeline.nlp)
    part_pipeline = replace(pipeline, nlp=counting)
    tokens = 0
    # "metadata" (a date read from the file) lets a dateline in the text win; only the first
    # part can hold the dateline, later parts take the date the first part settled on.
    extra = {"article_date_source": article_date_source} if article_date_source != "user" else {}
    for index, (start, end) in enumerate(spans):
        result = extract_claims(
            text[start:end], article_date=article_date, pipeline=part_pipeline, **extra
        )
        inferred = getattr(result, "inferred_date", None) if index == 0 else None
        if index == 0:
            article_date, extra = result.article_date, {}
            warnings = [*head_warnings, *result.warnings]
        else:  # the article's date was settled by the first part; keep only other news
            warnings = [w for w in result.warnings if not _about_the_date(w)]
        claims = shift_claims(result.claims, start, tokens)
        tokens += counting.last_tokens
        yield PartResult(index, claims, warnings, inferred), article_date, len(spans)


def _about_the_date(warning: str) -> bool:
    return "dateline" in warning or "No article date" in warning


def extract_in_parts(
    text: str,
    *,
    article_date: date | None = None,
    pipeline: Any = None,
    max_chars: int = PART_CHARS,
    deadline: float | None = None,
    article_date_source: str = "user",
) -> Guarded:
    """In-process extraction in parts, stopping between parts once `deadline` (monotonic) is
    past. No protection from one slow part: use `extract_with_budget` for that."""
    from checks.nlp import load_pipeline

    pipeline = pipeline or load_pipeline()
    started = time.monotonic()
    parts: list[PartResult] = []
    total, used = 1, article_date
    for part, day, total in iter_parts(
        text,
        article_date=article_date,
        pipeline=pipeline,
        max_chars=max_chars,
        article_date_source=article_date_source,
    ):
        parts.append(part)
        used = day
        if deadline is not None and time.monotonic() > deadline and len(parts) < total:
            break
    warnings = _dedupe([w for p in parts for w in p.warnings])
    extraction = _extraction(parts, used, pipeline.model, warnings)
    complete = len(parts) == total
    message = "" if complete else _too_long(len(parts), total, time.monotonic() - started)
    if message:
        extraction.warnings.append(message)
    return Guarded(extraction, complete, message, time.monotonic() - started, total, len(parts))


def _too_long(done: int, total: int, seconds: float) -> str:
    if total > 1 and done:
        return (
            f"This text took too long to read: extraction stopped after {seconds:.0f} s, "
            f"with {done} of {total} parts read. The claims found so far are listed; split the "
            "article or check the rest separately."
        )
    return (
        f"This text took too long to read: extraction was stopped after {seconds:.0f} s and no "
        "claims could be listed. It may contain very long lists or repeated constructions; "
        "remove them, or split the article."
    )


# -- the worker process ----------------------------------------------------------------------


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
    run = iter_parts
    if runner:  # "module:function" with iter_parts' signature (tests inject slow readers)
        import importlib

        module, _, name = runner.partition(":")
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
        warnings = _dedupe([w for p in parts for w in p.warnings])
        extraction = _extraction(parts, used, worker.model or self.model, warnings)
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
            message = _too_long(len(parts), total, time.monotonic() - work_started)
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


# -- the one call the UI and the CLI make ----------------------------------------------------

_POOLS: dict[tuple[str, int, int], ExtractorPool] = {}
_POOLS_LOCK = threading.Lock()


def shared_pool(model: str = "", workers: int = 1, memory_mb: int = 0) -> ExtractorPool:
    """The process-wide pool for these settings (created on first use, closed at exit)."""
    key = (model, max(1, workers), memory_mb)
    with _POOLS_LOCK:
        pool = _POOLS.get(key)
        if pool is None:
            pool = _POOLS[key] = ExtractorPool(model=model, workers=key[1], memory_mb=memory_mb)
        return pool


@atexit.register
def _close_pools() -> None:
    with _POOLS_LOCK:
        pools = list(_POOLS.values())
        _POOLS.clear()
    for pool in pools:
        pool.close()


def extract_with_budget(
    text: str,
    article_date: date | None = None,
    *,
    model: str = "",
    seconds: float = DEFAULT_SECONDS,
    workers: int = 1,
    memory_mb: int = 0,
    on_part: Callable[[list[Claim]], None] | None = None,
    article_date_source: str = "user",
) -> Guarded:
    """Extract claims off this thread, in a worker process, within `seconds` of work.

    Returns every claim found (all of them when `complete`), with `message` saying plainly
    why the rest is missing. Never raises for anything the text can do.
    """
    pool = shared_pool(model, workers, memory_mb)
    return pool.extract(
        text,
        article_date,
        seconds=seconds,
        on_part=on_part,
        article_date_source=article_date_source,
    )
