"""The one HTTP client every source adapter uses: cache, retries, politeness, error mapping.

Why one client: a SQLite cache shared by all sources lets the workbench answer from cache when
offline; retries with backoff absorb the "random errors" un.org is known for; a per-host bound
keeps us polite; and mapping every `requests` failure to `checks.errors` here means adapters
never see (or leak) library exceptions.
"""

from __future__ import annotations

import contextlib
import contextvars
import json
import os
import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

import requests
import requests_cache
from requests.adapters import HTTPAdapter
from urllib3.exceptions import HTTPError as Urllib3Error
from urllib3.exceptions import MaxRetryError, ReadTimeoutError
from urllib3.util.retry import Retry

from checks.cache_backend import CACHE_ERRORS, cache_backend
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
REDIRECT_STATUSES = (301, 302, 303, 307, 308)
MAX_REDIRECTS = 5
#: Query parameters that carry credentials: kept out of cache keys, cache files and URLs shown.
SECRET_PARAMS = ("key", "api_key", "apikey", "access_token", "token")
#: The in-memory layer keeps small payloads only, within this many bytes in all.
MEMORY_BYTES = 64 * 1024 * 1024
_CHUNK = 64 * 1024

#: The deadline (time.monotonic()) of the article being checked, if any: see `deadline()`.
_ARTICLE_DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar(
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
    current = _ARTICLE_DEADLINE.get()
    token = _ARTICLE_DEADLINE.set(end if current is None else min(current, end))
    try:
        yield
    finally:
        _ARTICLE_DEADLINE.reset(token)


class _BodyTooLarge(requests.RequestException):
    pass


class _DeadlinePassed(requests.Timeout):
    pass


class _CappedRetry(Retry):
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


def redact(url: str) -> str:
    """`url` with credential parameters (`key=...`) replaced, for anything shown or stored."""
    parts = urlsplit(url)
    if not parts.query:
        return url
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    if not any(k.lower() in SECRET_PARAMS for k, _ in pairs):
        return url
    query = urlencode([(k, "REDACTED" if k.lower() in SECRET_PARAMS else v) for k, v in pairs])
    return urlunsplit(parts._replace(query=query))


@dataclass(frozen=True)
class Response:
    """What `HttpClient.get` returns (implements `checks.sources.base.HttpResponse`).

    `url` is where the payload really came from (the final URL after redirects within the
    source's own host, credentials redacted): show it as evidence. `requested_url` is what
    was asked for.
    """

    url: str
    status: int
    text: str
    content: bytes = field(repr=False)
    headers: dict[str, str]
    retrieved_at: str  # ISO 8601 UTC: when the payload really came from the network
    from_cache: bool
    source: str = ""
    requested_url: str = ""

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


def _read_capped(cap: int, until: float) -> Any:
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
                    raise _DeadlinePassed("deadline")
                chunk = r.raw.read1(_CHUNK, decode_content=True)
                if not chunk:
                    break
                body += chunk
                if len(body) > cap:
                    raise _BodyTooLarge(f"over {cap} bytes")
        except (_BodyTooLarge, _DeadlinePassed):
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


def _private_file(path: Path, *, create: bool = True) -> None:
    """Make `path` readable by its owner only (creating it empty if asked)."""
    with contextlib.suppress(OSError):
        if create and not path.exists():
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        if path.exists():
            os.chmod(path, 0o600)


class HttpClient:
    """Thread-safe cached HTTP GETs; one instance per process is enough."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        path = Path(settings.cache_path).expanduser()
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.cache_path = path
        _private_file(path)  # the cache may hold what was fetched for a journalist: 0600
        # One session shared by all threads: the SQLite backend shares one connection
        # (check_same_thread=False, writes under its own lock); WAL lets readers run beside a
        # writer. Only 200s (and permanent redirects, for offline use) are stored; stale
        # entries are used when the network fails. Credentials never enter keys or the file.
        self.session = requests_cache.CachedSession(
            backend=cache_backend(settings, path),  # SQLite file (WAL), or Redis (CHECKS_CACHE_URL)
            allowable_codes=(200, 301, 308),
            allowable_methods=("GET",),
            expire_after=requests_cache.NEVER_EXPIRE,
            stale_if_error=True,
            ignored_parameters=(*SECRET_PARAMS, "Authorization", "X-API-KEY"),
        )
        for suffix in ("-wal", "-shm"):
            _private_file(Path(str(path) + suffix), create=False)
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
            text=_decode(raw, content),
            content=content,
            headers=dict(raw.headers),
            retrieved_at=_iso(getattr(raw, "created_at", None)),
            from_cache=from_cache,
            source=source,
            requested_url=shown,
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

    def _fetch(self, url: str, source: str, expire: Any, cap: int, until: float) -> Any:
        """One GET without following redirects, its body read by `_read_capped`."""
        shown = redact(url)
        left = until - time.monotonic()
        if left <= 0:
            raise SourceTimeout(f"{source}: no complete answer in time", source=source, url=shown)
        timeout = (
            min(self.settings.connect_timeout, left),
            min(self.settings.read_timeout, left),
        )
        hook = _read_capped(cap, until)
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
        except _BodyTooLarge:
            raise SourceError(
                f"{source}: the answer is larger than {cap // 2**20} MB; it was cut off and "
                "not used (the limit is a setting)",
                source=source,
                url=shown,
            ) from None
        except _DeadlinePassed:
            raise SourceTimeout(
                f"{source}: the answer did not arrive in time (deadline "
                f"{self.settings.request_deadline:g} s)",
                source=source,
                url=shown,
            ) from None
        except requests.RequestException as exc:
            if _is_timeout(exc):
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
