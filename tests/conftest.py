"""Shared fixtures: a fake server for every public source and fast HTTP settings.

Other test modules may append their own fixtures below; keep these small.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from checks.config import Settings
from checks.http import HttpClient
from tests.fakeserver import FakeServer

SAMPLES = Path(__file__).parents[1].parent / "shared" / "samples"
DHL_SAMPLES = SAMPLES / "dhl-sc-meetings-tables"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """A clone on its own has no ../shared: the tests that read it (the real UN pages, the
    votes database, the dev articles) skip, saying so; every other test runs."""
    if SAMPLES.is_dir():
        return
    skip = pytest.mark.skip(
        reason=f"{SAMPLES.parent} is not here: this test reads the real UN tables, votes "
        "database or dev articles saved there (CI has them)"
    )
    for item in items:
        if item.get_closest_marker("needs_shared"):
            item.add_marker(skip)


@pytest.fixture
def fake_server() -> Iterator[FakeServer]:
    """A fresh fake server (own port, counters and faults) for one test."""
    with FakeServer() as server:
        yield server


@pytest.fixture
def fake_settings(fake_server: FakeServer, tmp_path: Path) -> Settings:
    """Settings pointing every source at `fake_server`, with a private cache and quick timeouts."""
    return Settings(
        connect_timeout=1.0,
        read_timeout=0.4,
        retries=2,
        backoff=0.01,
        max_per_host=4,
        cache_path=str(tmp_path / "cache" / "http.sqlite"),
        source_urls=fake_server.source_urls(),
    )


@pytest.fixture
def http_client(fake_settings: Settings) -> Iterator[HttpClient]:
    client = HttpClient(fake_settings)
    yield client
    client.close()


# -- live servers for the review store and the shared HTTP cache (started once per session) --


@pytest.fixture(scope="session")
def pg_server() -> Iterator[object]:
    """A throwaway PostgreSQL server (Debian's binaries); skipped only when none is installed."""
    from tests.servers import PostgresServer, postgres_bin

    if postgres_bin() is None:
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) are not installed")
    server = PostgresServer()
    try:
        yield server.start()
    finally:
        server.stop()


@pytest.fixture(scope="session")
def redis_server() -> Iterator[object]:
    """A throwaway redis-server; skipped only when redis-server is not installed."""
    import shutil

    from tests.servers import RedisServer

    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed")
    server = RedisServer()
    try:
        yield server
    finally:
        server.stop()
