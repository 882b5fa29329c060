"""Which requests-cache backend holds the HTTP cache: a SQLite file (one machine) by default, or
Redis (`CHECKS_CACHE_URL=redis://...`) so that several app processes share what each fetched.

Why a shared cache: each source answer fetched by one process is then answered from the cache by
every other process, so a team does not ask the UN or Wikimedia the same question once per process.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from redis.exceptions import RedisError
from requests_cache import BaseCache, RedisCache, SQLiteCache

from checks.config import Settings
from checks.errors import ConfigError

#: Prefix of every key this workbench writes in a shared Redis (other apps may share the server).
REDIS_NAMESPACE = "checks-http"
#: Seconds to wait for Redis before the lookup fails as a cache error (never as a verdict).
REDIS_TIMEOUT = 5.0

_REDIS_SCHEMES = ("redis://", "rediss://", "unix://")

#: What a broken or unreachable cache raises: mapped to a source error, never a verdict.
CACHE_ERRORS: tuple[type[Exception], ...] = (sqlite3.Error, RedisError)


def cache_backend(settings: Settings, path: Path | str | None = None) -> BaseCache:
    """The backend named by `settings.cache_url`, else a SQLite file at `path` (or the
    settings' `cache_path`), with a write-ahead log so readers run beside a writer."""
    url = settings.cache_url.strip()
    if not url:
        return SQLiteCache(str(Path(path or settings.cache_path).expanduser()), wal=True)
    if url.startswith(_REDIS_SCHEMES):
        from redis import Redis  # only needed for a shared cache

        connection = Redis.from_url(
            url, socket_connect_timeout=REDIS_TIMEOUT, socket_timeout=REDIS_TIMEOUT
        )
        # ttl=False: keys are kept past their freshness, as in the SQLite file, so that stale
        # answers still serve when a source is down and offline mode finds them.
        return RedisCache(namespace=REDIS_NAMESPACE, connection=connection, ttl=False)
    shown = url.split("@")[-1]  # never echo a password
    raise ConfigError(
        f"CHECKS_CACHE_URL={shown!r} is not supported; use redis://host:port/db (or leave it "
        "empty for the SQLite file at CHECKS_CACHE_PATH)"
    )
