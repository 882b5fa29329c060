"""The HTTP cache: one requests-cache session (SQLite or Redis), private to its owner."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path
from typing import Any

import requests_cache

from checks.cache_backend import cache_backend
from checks.config import Settings
from checks.http_limits import retry_adapter
from checks.http_response import SECRET_PARAMS, iso_utc


def _private_file(path: Path, *, create: bool = True) -> None:
    """Make `path` readable by its owner only (creating it empty if asked)."""
    with contextlib.suppress(OSError):
        if create and not path.exists():
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        if path.exists():
            os.chmod(path, 0o600)


def open_session(settings: Settings, path: Path) -> requests_cache.CachedSession:
    """The cached session every request goes through, retries mounted, file mode 0600."""
    _private_file(path)  # the cache may hold what was fetched for a journalist: 0600
    # One session shared by all threads: the SQLite backend shares one connection
    # (check_same_thread=False, writes under its own lock); WAL lets readers run beside a
    # writer. Only 200s (and permanent redirects, for offline use) are stored; stale
    # entries are used when the network fails. Credentials never enter keys or the file.
    session = requests_cache.CachedSession(
        backend=cache_backend(settings, path),  # SQLite file (WAL), or Redis (CHECKS_CACHE_URL)
        allowable_codes=(200, 301, 308),
        allowable_methods=("GET",),
        expire_after=requests_cache.NEVER_EXPIRE,
        stale_if_error=True,
        ignored_parameters=(*SECRET_PARAMS, "Authorization", "X-API-KEY"),
    )
    for suffix in ("-wal", "-shm"):
        _private_file(Path(str(path) + suffix), create=False)
    adapter = retry_adapter(settings)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers["User-Agent"] = settings.user_agent
    return session


def cache_info(session: requests_cache.CachedSession, cache_path: Path) -> dict[str, Any]:
    """Path, entry count, size in bytes, oldest and newest fetch time (ISO UTC)."""
    entries, oldest, newest = 0, None, None
    try:
        for resp in session.cache.responses.values():
            entries += 1
            created = getattr(resp, "created_at", None)
            if created is None:
                continue
            oldest = created if oldest is None or created < oldest else oldest
            newest = created if newest is None or created > newest else newest
    except sqlite3.Error:
        pass
    size = sum(
        p.stat().st_size for p in cache_path.parent.glob(cache_path.name + "*") if p.is_file()
    )
    return {
        "path": str(cache_path),
        "entries": entries,
        "size_bytes": size,
        "oldest": iso_utc(oldest) if oldest else None,
        "newest": iso_utc(newest) if newest else None,
    }
