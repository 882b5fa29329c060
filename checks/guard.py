"""Extraction that cannot take the app down: in a worker process, in parts, within a budget.

Why: a pathological paste (long runs of initials, a 40,000-number list) can keep the regex
engine busy for minutes while it holds the GIL, which froze every Streamlit session at once;
and a 200,000-character article parsed in one piece needs close to 1 GB. So extraction runs in
a separate process (spawned, so no threads are forked; the spaCy pipeline is loaded once per
worker), long texts are cut at paragraph breaks and parsed part by part (offsets preserved:
`claim.text == article[claim.start:claim.end]`), each part's claims are sent back as soon as
they are found, and a worker past its budget is killed and replaced. The caller always gets an
answer: every claim found so far, and a plain message when the text could not be finished.

Layout: `checks.guard_parts` cuts a text and merges the parts' claims; `checks.guard_pool`
runs the worker processes; this module reads part by part and makes the one call callers use.
"""

from __future__ import annotations

import atexit
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from typing import Any

from checks.guard_parts import (
    PART_CHARS,
    Guarded,
    PartResult,
    build_extraction,
    dedupe,
    merge_parts,
    shift_claims,
    split_parts,
    too_long_message,
)
from checks.guard_pool import DEFAULT_SECONDS, STARTUP_SECONDS, ExtractorPool
from checks.models import Claim

# Re-exported: callers and tests import these from `checks.guard`.
__all__ = [
    "DEFAULT_SECONDS",
    "PART_CHARS",
    "STARTUP_SECONDS",
    "ExtractorPool",
    "Guarded",
    "PartResult",
    "extract_in_parts",
    "extract_with_budget",
    "iter_parts",
    "merge_parts",
    "shared_pool",
    "shift_claims",
    "split_parts",
]


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
    warnings = dedupe([w for p in parts for w in p.warnings])
    extraction = build_extraction(parts, used, pipeline.model, warnings)
    complete = len(parts) == total
    message = "" if complete else too_long_message(len(parts), total, time.monotonic() - started)
    if message:
        extraction.warnings.append(message)
    return Guarded(extraction, complete, message, time.monotonic() - started, total, len(parts))


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
