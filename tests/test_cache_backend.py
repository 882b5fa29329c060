"""The HTTP cache backend chosen by a setting: a SQLite file by default, a live Redis shared by
several processes with CHECKS_CACHE_URL."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from requests_cache import RedisCache, SQLiteCache

from checks.cache_backend import REDIS_NAMESPACE, cache_backend
from checks.config import Settings
from checks.errors import ConfigError
from checks.http import HttpClient
from tests.fakeserver import FakeServer

ROOT = Path(__file__).resolve().parents[1]
PAGE = "/dhl/scact2015_table_en.htm"


def test_sqlite_file_by_default(tmp_path: Path) -> None:
    settings = Settings(cache_path=str(tmp_path / "c" / "http.sqlite"))
    assert settings.cache_url == ""
    backend = cache_backend(settings, tmp_path / "c" / "http.sqlite")
    assert isinstance(backend, SQLiteCache)
    assert Path(backend.db_path) == tmp_path / "c" / "http.sqlite"


def test_setting_is_read_from_the_environment_or_secrets() -> None:
    settings = Settings.from_mapping({"CHECKS_CACHE_URL": "redis://cache.example.org:6379/2"})
    assert settings.cache_url == "redis://cache.example.org:6379/2"
    assert Settings.from_mapping({"CHECKS_CACHE_URL": ""}).cache_url == ""


def test_unsupported_backend_is_refused_without_echoing_a_password() -> None:
    settings = Settings(cache_url="memcached://user:hunter2@cache.example.org")
    with pytest.raises(ConfigError, match="not supported") as refused:
        cache_backend(settings)
    assert "hunter2" not in str(refused.value)


@pytest.fixture
def redis_url(redis_server: object) -> Iterator[str]:
    from redis import Redis

    url = redis_server.url  # type: ignore[attr-defined]
    Redis.from_url(url).flushdb()
    yield url


@pytest.mark.needs_shared
def test_redis_backend_is_shared_by_two_processes(
    redis_url: str, fake_server: FakeServer, fake_settings: Settings, tmp_path: Path
) -> None:
    settings = fake_settings.with_(cache_url=redis_url)
    client = HttpClient(settings)
    assert isinstance(client.session.cache, RedisCache)
    first = client.get(fake_server.base + PAGE, source="dhl")
    assert first.status == 200 and first.from_cache is False
    assert fake_server.count(PAGE) == 1
    client.close()
    # Another process, with its own (empty) SQLite path, answers from the shared Redis cache.
    code = (
        "from checks.config import Settings; from checks.http import HttpClient\n"
        f"s = Settings(cache_url={redis_url!r}, cache_path={str(tmp_path / 'other.sqlite')!r},"
        f" source_urls={dict(settings.source_urls)!r})\n"
        f"r = HttpClient(s).get({fake_server.base + PAGE!r}, source='dhl')\n"
        "print(r.status, r.from_cache, 'S/RES/2231 (2015)' in r.text)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["200", "True", "True"]
    assert fake_server.count(PAGE) == 1  # the source was asked once for both processes
    assert (
        not (tmp_path / "other.sqlite").exists() or (tmp_path / "other.sqlite").stat().st_size == 0
    )

    from redis import Redis

    redis = Redis.from_url(redis_url)
    keys = redis.keys("*")
    assert keys and all(k.decode().startswith(REDIS_NAMESPACE) for k in keys)
    assert all(redis.ttl(k) == -1 for k in keys)  # kept past freshness, for stale and offline use


def test_redis_down_is_a_source_error_never_a_crash(
    fake_server: FakeServer, fake_settings: Settings
) -> None:
    from checks.errors import SourceError
    from tests.servers import free_port

    nothing_there = f"redis://127.0.0.1:{free_port()}/0"
    client = HttpClient(fake_settings.with_(cache_url=nothing_there))
    with pytest.raises(SourceError, match="HTTP cache error"):
        client.get(fake_server.base + PAGE, source="dhl")
    client.close()
