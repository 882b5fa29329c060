"""The one HTTP client every source adapter uses: cache, retries, politeness, error mapping.

Why one client: a SQLite cache shared by all sources lets the workbench answer from cache when
offline; retries with backoff absorb the "random errors" un.org is known for; a per-host bound
keeps us polite; and mapping every `requests` failure to `checks.errors` here means adapters
never see (or leak) library exceptions.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlencode, urlsplit

import requests
import requests_cache
from requests.adapters import HTTPAdapter
from urllib3.exceptions import ReadTimeoutError
from urllib3.util.retry import Retry

from checks.config import Settings
from checks.errors import (
    SourceError,
    SourceParseError,
    SourceRateLimited,
    SourceTimeout,
    SourceUnavailable,
)

Expect = Literal["json", "text", "xml"]
RETRY_STATUSES = (429, 500, 502, 503, 504)


class _CappedRetry(Retry):
    """urllib3 Retry whose Retry-After waits never exceed `cap` seconds (set per client)."""

    cap: float = 5.0

    def get_retry_after(self, response: Any) -> float | None:
        after = super().get_retry_after(response)
        return None if after is None else min(after, self.cap)


@dataclass(frozen=True)
class Response:
    """What `HttpClient.get` returns (implements `checks.sources.base.HttpResponse`)."""

    url: str
    status: int
    text: str
    content: bytes = field(repr=False)
    headers: dict[str, str]
    retrieved_at: str  # ISO 8601 UTC: when the payload really came from the network
    from_cache: bool
    source: str = ""

    def json(self) -> Any:
        try:
            return json.loads(self.text)
        except ValueError as exc:
            raise SourceParseError(
                f"{self.source or 'source'} sent a body that is not JSON: {exc}",
                source=self.source,
                url=self.url,
            ) from None


def _iso(when: datetime | None) -> str:
    when = when or datetime.now(UTC)
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _decode(raw: Any, content: bytes) -> str:
    """Text of the body; without a declared charset try UTF-8 (un.org pages are UTF-8)."""
    ctype = str(raw.headers.get("Content-Type", "")).lower()
    if "charset=" not in ctype:
        try:
            return content.decode("utf-8")
        except UnicodeDecodeError:
            pass
    return raw.text


def _is_timeout(exc: BaseException) -> bool:
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


class HttpClient:
    """Thread-safe cached HTTP GETs; one instance per process is enough."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        path = Path(settings.cache_path).expanduser()
        path.parent.mkdir(parents=True, exist_ok=True)
        self.cache_path = path
        # One session shared by all threads: the SQLite backend shares one connection
        # (check_same_thread=False, writes under its own lock); WAL lets readers run beside a
        # writer. Only 200s are stored; stale entries are used when the network fails.
        self.session = requests_cache.CachedSession(
            str(path),
            backend="sqlite",
            wal=True,
            allowable_codes=(200,),
            allowable_methods=("GET",),
            expire_after=requests_cache.NEVER_EXPIRE,
            stale_if_error=True,
        )
        retry_cls = type(
            "Retry", (_CappedRetry,), {"cap": min(30.0, max(1.0, settings.backoff * 10))}
        )
        retry = retry_cls(
            total=settings.retries,
            backoff_factor=settings.backoff,
            status_forcelist=RETRY_STATUSES,
            allowed_methods=frozenset({"GET"}),
            respect_retry_after_header=True,
            raise_on_status=False,
        )
        pool = max(10, settings.max_per_host * 4)
        adapter = HTTPAdapter(max_retries=retry, pool_connections=pool, pool_maxsize=pool)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        self.session.headers["User-Agent"] = settings.user_agent
        self._host_sems: dict[str, threading.BoundedSemaphore] = {}
        self._key_locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()
        # Recently used payloads kept in memory in front of SQLite (a cache read costs ~1 ms
        # of deserialising; repeated lookups of one year's page should cost microseconds).
        self._memory: OrderedDict[str, tuple[Response, float]] = OrderedDict()
        self.memory_entries = 32

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
        """GET `url` (cached); 200 and 404 come back, every other failure raises SourceError."""
        full = (
            f"{url}{'&' if '?' in url else '?'}{urlencode(params, doseq=True)}" if params else url
        )
        expire = self.settings.cache_seconds.get(source, requests_cache.NEVER_EXPIRE)
        remembered = self._remembered(full)
        if remembered is not None:
            return remembered
        with self._key_lock(full), self._host_sem(full):
            try:
                raw = self.session.get(
                    full,
                    expire_after=expire,
                    only_if_cached=self.settings.offline,
                    timeout=(self.settings.connect_timeout, self.settings.read_timeout),
                )
                content = raw.content
            except requests.RequestException as exc:
                if _is_timeout(exc):
                    raise SourceTimeout(
                        f"{source}: no answer within {self.settings.read_timeout:g} s",
                        source=source,
                        url=full,
                    ) from None
                raise SourceUnavailable(
                    f"{source}: cannot connect ({type(exc).__name__})", source=source, url=full
                ) from None
            except sqlite3.Error as exc:  # a broken cache file must not look like a verdict
                raise SourceError(f"HTTP cache error: {exc}", source=source, url=full) from None
        from_cache = bool(getattr(raw, "from_cache", False))
        if self.settings.offline and raw.status_code == 504 and raw.reason == "Not Cached":
            raise SourceUnavailable(f"{source}: offline and not cached", source=source, url=full)
        resp = Response(
            url=full,
            status=raw.status_code,
            text=_decode(raw, content),
            content=content,
            headers=dict(raw.headers),
            retrieved_at=_iso(getattr(raw, "created_at", None)),
            from_cache=from_cache,
            source=source,
        )
        self._check_status(resp, source)
        if expect != "text" and resp.status == 200:
            try:
                self._check_format(resp, expect)
            except SourceParseError:
                self._forget(raw)
                raise
        if resp.status == 200:
            self._remember(full, resp, expire)
        return resp

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
        with self._lock:
            self._memory[key] = (replace(resp, from_cache=True), time.monotonic() + seconds)
            self._memory.move_to_end(key)
            while len(self._memory) > self.memory_entries:
                self._memory.popitem(last=False)

    def _check_status(self, resp: Response, source: str) -> None:
        status = resp.status
        if status < 400 or status == 404:
            return
        if status == 429:
            after = resp.headers.get("Retry-After")
            try:
                seconds = float(after) if after is not None else None
            except ValueError:
                seconds = None
            raise SourceRateLimited(
                f"{source}: rate limited (HTTP 429)",
                source=source,
                url=resp.url,
                retry_after=seconds,
            )
        if status >= 500:
            raise SourceUnavailable(
                f"{source}: server error HTTP {status}", source=source, url=resp.url
            )
        raise SourceError(f"{source}: HTTP {status}", source=source, url=resp.url)

    def _check_format(self, resp: Response, expect: Expect) -> None:
        ctype = resp.headers.get("Content-Type", resp.headers.get("content-type", "")).lower()
        if "text/html" in ctype:
            raise SourceParseError(
                f"{resp.source}: expected {expect}, got an HTML page",
                source=resp.source,
                url=resp.url,
            )
        if expect == "json":
            resp.json()
        elif expect == "xml":
            from lxml import etree

            try:
                etree.fromstring(resp.content)
            except etree.XMLSyntaxError as exc:
                raise SourceParseError(
                    f"{resp.source}: malformed XML: {exc}", source=resp.source, url=resp.url
                ) from None

    def _forget(self, raw: Any) -> None:
        """Drop an unusable payload from the cache so that a later try fetches it again."""
        key = getattr(raw, "cache_key", None)
        if key:
            with contextlib.suppress(sqlite3.Error):
                self.session.cache.delete(key)

    def forget(self, url: str) -> None:
        """Drop `url` from both cache layers: an adapter found the payload unusable."""
        with self._lock:
            self._memory.pop(url, None)
        with contextlib.suppress(sqlite3.Error):
            self.session.cache.delete(urls=[url])

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
                ) as raw,
            ):
                status = raw.status_code
        except requests.RequestException as exc:
            kind = "timeout" if _is_timeout(exc) else "cannot connect"
            return False, f"{kind} ({type(exc).__name__})"
        if status >= 400:  # 404 included: a probe URL that is missing is misconfigured
            return False, f"HTTP {status}"
        return True, ""

    # -- status and lifecycle ------------------------------------------------------------
    def cache_info(self) -> dict[str, Any]:
        """Path, entry count, size in bytes, oldest and newest fetch time (ISO UTC)."""
        entries, oldest, newest = 0, None, None
        try:
            for resp in self.session.cache.responses.values():
                entries += 1
                created = getattr(resp, "created_at", None)
                if created is None:
                    continue
                oldest = created if oldest is None or created < oldest else oldest
                newest = created if newest is None or created > newest else newest
        except sqlite3.Error:
            pass
        size = sum(
            p.stat().st_size
            for p in self.cache_path.parent.glob(self.cache_path.name + "*")
            if p.is_file()
        )
        return {
            "path": str(self.cache_path),
            "entries": entries,
            "size_bytes": size,
            "oldest": _iso(oldest) if oldest else None,
            "newest": _iso(newest) if newest else None,
        }

    def close(self) -> None:
        self.session.close()

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
