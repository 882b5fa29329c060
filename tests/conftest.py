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
