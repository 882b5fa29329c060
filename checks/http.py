"""The one HTTP client every source adapter uses: cache, retries, politeness, error mapping.

Why one client: a SQLite cache shared by all sources lets the workbench answer from cache when
offline; retries with backoff absorb the "random errors" un.org is known for; a per-host bound
keeps us polite; and mapping every `requests` failure to `checks.errors` here means adapters
never see (or leak) library exceptions.

Layout: `checks.http_cache` opens the cached session, `checks.http_limits` bounds one request
(deadline, retries, body cap), `checks.http_response` is what comes back; this module is the
client that ties them together.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
from collections import OrderedDict
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urljoin, urlsplit

import requests
import requests_cache

from checks.cache_backend import CACHE_ERRORS
from checks.config import Settings
from checks.errors import SourceError, SourceParseError, SourceTimeout, SourceUnavailable
from checks.http_cache import cache_info, open_session
from checks.http_limits import ARTICLE_DEADLINE as _ARTICLE_DEADLINE  # tests read this name
from checks.http_limits import (
    RETRY_STATUSES,
    BodyTooLarge,
    DeadlinePassed,
    deadline,
    is_timeout,
    read_capped,
)
from checks.http_response import (
    SECRET_PARAMS,
    Expect,
    Response,
    check_format,
    check_status,
    decode_body,
    iso_utc,
    redact,
)

# Re-exported: sources, the pipeline and tests import these from `checks.http`.
__all__ = [
    "MAX_REDIRECTS",
    "MEMORY_BYTES",
    "REDIRECT_STATUSES",
    "RETRY_STATUSES",
    "SECRET_PARAMS",
    "Expect",
    "HttpClient",
    "Response",
    "deadline",
    "redact",
]

REDIRECT_STATUSES = (301, 302, 303, 307, 308)
MAX_REDIRECTS = 5
#: The in-memory layer keeps small payloads only, within this many bytes in all.
MEMORY_BYTES = 64 * 1024 * 1024


class HttpClient:
    """Thread-safe cached HTTP GETs; one instance per process is enough."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        path = Path(settings.cache_path).expanduser()
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.cache_path = path
        self.session = open_session(settings, path)  # SQLite (WAL) or Redis, retries mounted
        self._host_sems: dict[str, threading.BoundedSemaphore] = {}
        self._key_locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()
        # Recently used payloads kept in memory in front of SQLite (a cache read costs ~1 ms
        # of deserialising; repeated lookups of one year's page should cost microseconds).
        self._memory: OrderedDict[str, tuple[Response, float]] = OrderedDict()
        self.memory_entries = 32
        self.memory_bytes = MEMORY_BYTES

    # -- concurrency helpers -------------------------------------------------------------
    def _host_sem(self, url: str) -> threading.BoundedSemaphore:
        host = urlsplit(url).netloc
        with self._lock:
            sem = self._host_sems.get(host)
            if sem is None:
                sem = self._host_sems[host] = threading.BoundedSemaphore(
                    max(1, self.settings.max_per_host)
                )
            return sem

    def _key_lock(self, key: str) -> threading.Lock:
        """Single flight: concurrent GETs of one URL wait for the first, then hit the cache."""
        with self._lock:
            lock = self._key_locks.get(key)
            if lock is None:
                lock = self._key_locks[key] = threading.Lock()
            return lock

    # -- the one public verb -------------------------------------------------------------
    def get(
        self,
        url: str,
        *,
        source: str,
        params: dict[str, Any] | None = None,
        expect: Expect = "text",
    ) -> Response:
        """GET `url` (cached); 200 and 404 come back, every other failure raises SourceError.

        The body is read in pieces and cut at the source's size cap; the whole request
        (retries, redirects and the body included) must finish before its deadline; redirects
        are followed only within the source's own host (or CHECKS_REDIRECT_HOSTS).
        """
        full = (
            f"{url}{'&' if '?' in url else '?'}{urlencode(params, doseq=True)}" if params else url
        )
        shown = redact(full)
        expire = self.settings.cache_seconds.get(source, requests_cache.NEVER_EXPIRE)
        remembered = self._remembered(full)
        if remembered is not None:
            return remembered
        until = time.monotonic() + self.settings.request_deadline
        article_end = _ARTICLE_DEADLINE.get()
        if article_end is not None:
            if time.monotonic() >= article_end:
                raise SourceTimeout(
                    f"{source}: not asked, the time allowed for this article's lookups has run out",
                    source=source,
                    url=shown,
                )
            until = min(until, article_end)
        cap = self.settings.body_cap(source)
        with self._key_lock(full), self._host_sem(full):
            current = full
            for _ in range(MAX_REDIRECTS + 1):
                raw = self._fetch(current, source, expire, cap, until)
                location = raw.headers.get("Location")
                if raw.status_code not in REDIRECT_STATUSES or not location:
                    break
                target = urljoin(current, location)
                if not self._may_follow(full, target):
                    raise SourceError(
                        f"{source}: redirected to another site ({urlsplit(target).netloc}); "
                        "not followed",
                        source=source,
                        url=shown,
                    )
                current = target
            else:
                raise SourceError(f"{source}: too many redirects", source=source, url=shown)
        content = raw.content
        from_cache = bool(getattr(raw, "from_cache", False))
        if self.settings.offline and raw.status_code == 504 and raw.reason == "Not Cached":
            raise SourceUnavailable(f"{source}: offline and not cached", source=source, url=shown)
        if len(content) > cap:  # cached before the cap existed: never hand it on
            self._forget(raw)
            raise SourceError(
                f"{source}: the answer is larger than {cap // 2**20} MB; not used",
                source=source,
                url=shown,
            )
        resp = Response(
            url=redact(current),
            status=raw.status_code,
            text=decode_body(raw, content),
            content=content,
            headers=dict(raw.headers),
            retrieved_at=iso_utc(getattr(raw, "created_at", None)),
            from_cache=from_cache,
            source=source,
            requested_url=shown,
        )
        check_status(resp, source)
        if expect != "text" and resp.status == 200:
            try:
                check_format(resp, expect)
            except SourceParseError:
                self._forget(raw)
                raise
        if resp.status == 200:
            self._remember(full, resp, expire)
        return resp

    def _fetch(self, url: str, source: str, expire: Any, cap: int, until: float) -> Any:
        """One GET without following redirects, its body read by `read_capped`."""
        shown = redact(url)
        left = until - time.monotonic()
        if left <= 0:
            raise SourceTimeout(f"{source}: no complete answer in time", source=source, url=shown)
        timeout = (
            min(self.settings.connect_timeout, left),
            min(self.settings.read_timeout, left),
        )
        hook = read_capped(cap, until)
        try:
            return self.session.get(
                url,
                expire_after=expire,
                only_if_cached=self.settings.offline,
                timeout=timeout,
                allow_redirects=False,
                stream=True,
                hooks={"response": hook},
            )
        except BodyTooLarge:
            raise SourceError(
                f"{source}: the answer is larger than {cap // 2**20} MB; it was cut off and "
                "not used (the limit is a setting)",
                source=source,
                url=shown,
            ) from None
        except DeadlinePassed:
            raise SourceTimeout(
                f"{source}: the answer did not arrive in time (deadline "
                f"{self.settings.request_deadline:g} s)",
                source=source,
                url=shown,
            ) from None
        except requests.RequestException as exc:
            if is_timeout(exc):
                raise SourceTimeout(
                    f"{source}: no answer within {self.settings.read_timeout:g} s",
                    source=source,
                    url=shown,
                ) from None
            raise SourceUnavailable(
                f"{source}: cannot connect ({type(exc).__name__})", source=source, url=shown
            ) from None
        except CACHE_ERRORS as exc:  # a broken cache file or a Redis down is never a verdict
            raise SourceError(f"HTTP cache error: {exc}", source=source, url=shown) from None

    def _may_follow(self, origin: str, target: str) -> bool:
        """Redirects stay on the source's own host (http -> https allowed) or a listed one."""
        a, b = urlsplit(origin), urlsplit(target)
        if b.scheme not in ("http", "https") or not b.hostname:
            return False
        if b.hostname == a.hostname and (b.port == a.port or b.scheme != a.scheme):
            return True
        return b.hostname in self.settings.redirect_hosts

    def _remembered(self, key: str) -> Response | None:
        with self._lock:
            hit = self._memory.get(key)
            if hit is None:
                return None
            resp, until = hit
            if time.monotonic() >= until:
                del self._memory[key]
                return None
            self._memory.move_to_end(key)
            return resp

    def _remember(self, key: str, resp: Response, expire: Any) -> None:
        seconds = expire if isinstance(expire, int | float) and expire >= 0 else 365 * 24 * 3600
        if len(resp.content) > self.memory_bytes // 8:
            return  # a big payload is read from SQLite each time rather than pinned in memory
        with self._lock:
            self._memory[key] = (replace(resp, from_cache=True), time.monotonic() + seconds)
            self._memory.move_to_end(key)
            while len(self._memory) > self.memory_entries or (
                sum(len(r.content) for r, _ in self._memory.values()) > self.memory_bytes
            ):
                self._memory.popitem(last=False)

    def _forget(self, raw: Any) -> None:
        """Drop an unusable payload from the cache so that a later try fetches it again."""
        key = getattr(raw, "cache_key", None)
        if key:
            with contextlib.suppress(sqlite3.Error):
                self.session.cache.delete(key)

    def forget(self, url: str) -> None:
        """Drop `url` (as asked for, or as a Response's `url`) from both cache layers: an
        adapter found the payload unusable."""
        urls = {url}
        with self._lock:
            for key, (resp, _) in list(self._memory.items()):
                if url in (key, resp.url, resp.requested_url):
                    urls.update((key, resp.url))
                    del self._memory[key]
        with contextlib.suppress(sqlite3.Error):
            self.session.cache.delete(urls=sorted(urls))

    def probe(self, url: str, *, source: str) -> tuple[bool, str]:
        """Ask the network (never the cache, no retries) whether `url` answers; for `status`."""
        if self.settings.offline:
            return False, "offline mode (CHECKS_OFFLINE)"
        try:
            with (
                self._host_sem(url),
                requests.get(
                    url,
                    headers={"User-Agent": self.settings.user_agent},
                    timeout=(self.settings.connect_timeout, self.settings.read_timeout),
                    stream=True,
                    allow_redirects=False,
                ) as raw,
            ):
                status = raw.status_code
        except requests.RequestException as exc:
            kind = "timeout" if is_timeout(exc) else "cannot connect"
            return False, f"{kind} ({type(exc).__name__})"
        if status >= 400:  # 404 included: a probe URL that is missing is misconfigured
            return False, f"HTTP {status}"
        return True, ""

    # -- status and lifecycle ------------------------------------------------------------
    def cache_info(self) -> dict[str, Any]:
        """Path, entry count, size in bytes, oldest and newest fetch time (ISO UTC)."""
        return cache_info(self.session, self.cache_path)

    def close(self) -> None:
        self.session.close()

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
