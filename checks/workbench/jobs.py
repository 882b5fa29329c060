"""Checks that run in the background, so that nothing on the page can cut one short.

A check started from the workbench runs in a worker thread of the process, not in the page's
script run: clicking another review, reloading or closing the tab leaves it running, and every
verdict is saved the moment it arrives. The page only reads the progress (`Progress`) to draw
its bar; the label and the bar are both computed from the same two numbers.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import Any

from checks.models import Claim, Verdict

log = logging.getLogger(__name__)

#: What a job does: given the callback to call with each verdict, check and save.
Work = Callable[[Callable[[Claim, Verdict], None]], Any]


@dataclass(frozen=True)
class Progress:
    """A snapshot of one review's check: which claims, which have a verdict, and the state."""

    review_id: int
    claim_ids: frozenset[str]
    done_ids: frozenset[str] = frozenset()
    state: str = "running"  # running | done | failed
    error: str = ""
    started: float = field(default_factory=time.monotonic)
    latest: tuple[tuple[str, str, str], ...] = ()  # (claim id, label, text) as they arrive

    @property
    def total(self) -> int:
        return len(self.claim_ids)

    @property
    def done(self) -> int:
        return len(self.done_ids & self.claim_ids)

    @property
    def running(self) -> bool:
        return self.state == "running"

    @property
    def fraction(self) -> float:
        return self.done / self.total if self.total else 1.0

    @property
    def text(self) -> str:
        """The label of the bar, from the same numbers as the bar itself."""
        if self.state == "failed":
            return f"Stopped after {self.done} of {self.total} claims: {self.error}"
        if self.state == "done":
            return f"All {self.total} claims checked"
        return f"{self.done} of {self.total} claims checked"


class CheckJobs:
    """One background check per review at a time, shared by every session of the process."""

    def __init__(self, workers: int = 2) -> None:
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="check")
        self._lock = threading.Lock()
        self._jobs: dict[int, Progress] = {}
        self._finished: dict[int, threading.Event] = {}

    def start(self, review_id: int, claim_ids: Iterable[str], work: Work) -> Progress:
        """Start checking `claim_ids` of a review; a review already being checked is left to
        finish (its progress is returned) rather than checked twice at once."""
        with self._lock:
            current = self._jobs.get(review_id)
            if current is not None and current.running:
                return current
            progress = Progress(review_id, frozenset(claim_ids))
            self._jobs[review_id] = progress
            event = self._finished[review_id] = threading.Event()
        self._pool.submit(self._run, review_id, work, event)
        return progress

    def _update(self, review_id: int, **changes: Any) -> None:
        with self._lock:
            self._jobs[review_id] = replace(self._jobs[review_id], **changes)

    def _run(self, review_id: int, work: Work, event: threading.Event) -> None:
        def on_verdict(claim: Claim, verdict: Verdict) -> None:
            with self._lock:
                now = self._jobs[review_id]
                line = (claim.id, verdict.label, claim.text)
                self._jobs[review_id] = replace(
                    now, done_ids=now.done_ids | {claim.id}, latest=(*now.latest, line)
                )

        try:
            work(on_verdict)
        except Exception as exc:  # the store or a bug: say so on the page, keep what is saved
            log.exception("background check of review %s failed", review_id)
            self._update(review_id, state="failed", error=str(exc) or type(exc).__name__)
        else:
            self._update(review_id, state="done")
        finally:
            event.set()

    def progress(self, review_id: int) -> Progress | None:
        with self._lock:
            return self._jobs.get(review_id)

    def running(self) -> dict[int, Progress]:
        with self._lock:
            return {k: v for k, v in self._jobs.items() if v.running}

    def forget(self, review_id: int) -> None:
        """Drop a finished job's progress (the page has shown its result)."""
        with self._lock:
            job = self._jobs.get(review_id)
            if job is not None and not job.running:
                del self._jobs[review_id]

    def wait(self, review_id: int, timeout: float = 60.0) -> bool:
        """Block until the review's check ends (for tests and the command line)."""
        with self._lock:
            event = self._finished.get(review_id)
        return True if event is None else event.wait(timeout)

    def wait_all(self, timeout: float = 60.0) -> bool:
        deadline = time.monotonic() + timeout
        for review_id in list(self.running()):
            if not self.wait(review_id, max(0.0, deadline - time.monotonic())):
                return False
        return True
