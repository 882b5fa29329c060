"""`sources status` and `sources sync`, including checking a claim offline after a sync."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks.config import Settings
from checks.errors import ConfigError, SourceUnavailable
from checks.http import HttpClient
from checks.sources import SOURCES
from checks.sources.dhl import DhlSource
from checks.sourcesctl import status, sync
from checks.unrecords import UnRecords
from tests.fakeserver import FakeServer


@pytest.mark.needs_shared
def test_status_lists_sources_and_cache(fake_server: FakeServer, fake_settings: Settings) -> None:
    rows = status(fake_settings)
    by_name = {r["name"]: r for r in rows}
    assert set(SOURCES) <= set(by_name)
    dhl = by_name["dhl"]
    assert dhl["reachable"] is True and dhl["error"] == ""
    assert dhl["url"] == fake_server.url("dhl") and "terms of use" in dhl["licence"]
    cache = by_name["http-cache"]
    assert cache["kind"] == "cache" and cache["path"].endswith("http.sqlite")
    assert fake_server.count("/dhl/scact_veto_table_en.htm") == 1


def test_status_reports_unreachable(fake_settings: Settings, tmp_path: Path) -> None:
    server = FakeServer().start()
    urls = server.source_urls()
    server.stop()
    rows = status(fake_settings.with_(source_urls=urls))
    dhl = next(r for r in rows if r["name"] == "dhl")
    assert dhl["reachable"] is False and "connect" in dhl["error"]


@pytest.mark.needs_shared
def test_sync_then_offline_check(fake_settings: Settings) -> None:
    server = FakeServer().start()
    settings = fake_settings.with_(source_urls=server.source_urls())
    seen: list[str] = []
    try:
        result = sync(settings, range(2014, 2024), progress=lambda d, t, label: seen.append(label))
    finally:
        server.stop()
    assert result["years"] == list(range(2014, 2023))
    assert result["missing"] == [2023] and result["failed"] == {}
    assert result["vetoes"] >= 210 and result["meetings"] > 2000
    assert seen[-2:] == ["vetoes", "votesdb"] and len(seen) == 12
    assert server.count("/dhl/SC_2020-revised.html") == 1
    offline = settings.with_(offline=True)
    with HttpClient(offline) as http:
        records = UnRecords(DhlSource(http, offline.url("dhl")))
        rec = records.resolution(2231)
        assert rec is not None and rec.vote == (15, 0, 0) and rec.record.from_cache
        assert records.draft("S/2020/797").vote == (2, 2, 11)
        with pytest.raises(SourceUnavailable, match="offline"):
            records.resolution(50)  # 1948 was never synced


def test_sync_refuses_offline(fake_settings: Settings) -> None:
    with pytest.raises(ConfigError):
        sync(fake_settings.with_(offline=True), range(2015, 2016))
