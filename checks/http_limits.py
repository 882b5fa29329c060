"""Bounds on one request: the article's deadline, capped retries, the body size cap, timeouts."""

from __future__ import annotations

import contextlib
import contextvars
import time
from collections.abc import Iterator
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from urllib3.exceptions import HTTPError as Urllib3Error
from urllib3.exceptions import MaxRetryError, ReadTimeoutError
from urllib3.util.retry import Retry

from checks.config import Settings

RETRY_STATUSES = (429, 500, 502, 503, 504)
_CHUNK = 64 * 1024

#: The deadline (time.monotonic()) of the article being checked, if any: see `deadline()`.
ARTICLE_DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar(
    "checks_article_deadline", default=None
)


@contextlib.contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Every request made inside (in this context; copy it into worker threads with
    `contextvars.copy_context().run`) fails fast once `seconds` have passed: one slow or
    rate-limiting source cannot hold an article's check for ever."""
    if not seconds or seconds <= 0:
        yield
        return
    end = time.monotonic() + seconds
    current = ARTICLE_DEADLINE.get()
    token = ARTICLE_DEADLINE.set(end if current is None else min(current, end))
    try:
        yield
    finally:
        ARTICLE_DEADLINE.reset(token)


class BodyTooLarge(requests.RequestException):
    """The body passed the source's size cap while being read."""


class DeadlinePassed(requests.Timeout):
    """The request's deadline passed while the body was being read."""


class CappedRetry(Retry):
    """urllib3 Retry whose Retry-After waits never exceed `cap` seconds (set per client); a
    server asking for a longer wait gets no retry at all: the 429 is reported at once."""

    cap: float = 5.0

    def get_retry_after(self, response: Any) -> float | None:
        after = super().get_retry_after(response)
        return None if after is None else min(after, self.cap)

    def increment(self, method: Any = None, url: Any = None, response: Any = None, **kw: Any):
        if response is not None:
            after = Retry.get_retry_after(self, response)
            if after is not None and after > self.cap:
                raise MaxRetryError(kw.get("_pool"), url, "Retry-After beyond the cap")
        return super().increment(method, url, response=response, **kw)


def is_timeout(exc: BaseException) -> bool:
    """requests wraps read timeouts after retries in ConnectionError(MaxRetryError(...))."""
    seen: BaseException | None = exc
    for _ in range(6):
        if seen is None:
            return False
        if isinstance(seen, requests.Timeout | ReadTimeoutError | TimeoutError):
            return True
        reason = getattr(seen, "reason", None)
        if isinstance(reason, ReadTimeoutError | TimeoutError):
            return True
        arg = seen.args[0] if seen.args and isinstance(seen.args[0], BaseException) else None
        seen = arg or seen.__cause__ or seen.__context__
    return False


def read_capped(cap: int, until: float) -> Any:
    """A requests response hook that reads the body (decompressed) in small pieces, and gives
    up past `cap` bytes or the deadline, before requests-cache could store it: a 2 GB answer,
    a gzip bomb or a source sending one byte a second costs neither memory nor for ever."""

    def hook(r: Any, *args: Any, **kwargs: Any) -> Any:
        if getattr(r, "from_cache", False) or r._content_consumed:
            return r
        body = bytearray()
        try:
            while True:
                if time.monotonic() > until:
                    raise DeadlinePassed("deadline")
                chunk = r.raw.read1(_CHUNK, decode_content=True)
                if not chunk:
                    break
                body += chunk
                if len(body) > cap:
                    raise BodyTooLarge(f"over {cap} bytes")
        except (BodyTooLarge, DeadlinePassed):
            r.close()
            raise
        except ReadTimeoutError as exc:
            r.close()
            raise requests.ReadTimeout(exc) from None
        except Urllib3Error as exc:
            r.close()
            raise requests.ConnectionError(exc) from None
        r._content = bytes(body)
        r._content_consumed = True
        r.raw._has_decoded_content = True  # requests-cache stores r.content, not the raw stream
        return r

    return hook


def retry_adapter(settings: Settings) -> HTTPAdapter:
    """Retries with backoff for 429 and 5xx (un.org's "random errors"), Retry-After capped,
    and a connection pool wide enough for the per-host bound."""
    retry_cls = type("Retry", (CappedRetry,), {"cap": min(30.0, max(1.0, settings.backoff * 10))})
    retry = retry_cls(
        total=settings.retries,
        backoff_factor=settings.backoff,
        status_forcelist=RETRY_STATUSES,
        allowed_methods=frozenset({"GET"}),
        respect_retry_after_header=True,
        raise_on_status=False,
    )
    pool = max(10, settings.max_per_host * 4)
    return HTTPAdapter(max_retries=retry, pool_connections=pool, pool_maxsize=pool)
