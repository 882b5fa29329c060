"""HttpClient against the fake server: caching, retries, error mapping, offline, politeness."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from checks.config import Settings
from checks.errors import (
    SourceError,
    SourceParseError,
    SourceRateLimited,
    SourceTimeout,
    SourceUnavailable,
)
from checks.http import HttpClient
from tests.fakeserver import FakeServer

PAGE = "/dhl/scact2015_table_en.htm"


def test_found_and_user_agent(fake_server: FakeServer, http_client: HttpClient) -> None:
    resp = http_client.get(fake_server.base + PAGE, source="dhl")
    assert resp.status == 200
    assert "S/RES/2231 (2015)" in resp.text
    assert resp.from_cache is False
    assert resp.retrieved_at.endswith("Z")
    assert fake_server.user_agents[-1].startswith("checks-workbench/")


def test_404_is_returned_not_raised(fake_server: FakeServer, http_client: HttpClient) -> None:
    resp = http_client.get(fake_server.base + "/dhl/scact2099_table_en.html", source="dhl")
    assert resp.status == 404
    # 404s are not cached: asking again reaches the server again.
    http_client.get(fake_server.base + "/dhl/scact2099_table_en.html", source="dhl")
    assert fake_server.count("/dhl/scact2099_table_en.html") == 2


def test_cache_hit_on_repeat(fake_server: FakeServer, http_client: HttpClient) -> None:
    first = http_client.get(fake_server.base + PAGE, source="dhl")
    second = http_client.get(fake_server.base + PAGE, source="dhl")
    assert fake_server.count(PAGE) == 1
    assert second.from_cache is True
    assert second.retrieved_at == first.retrieved_at
    assert second.text == first.text
    info = http_client.cache_info()
    assert info["entries"] == 1 and info["size_bytes"] > 0 and info["oldest"]


def test_429_retry_after_then_success(fake_server: FakeServer, http_client: HttpClient) -> None:
    fake_server.rate_limit(PAGE, times=1, retry_after=1)
    start = time.monotonic()
    resp = http_client.get(fake_server.base + PAGE, source="dhl")
    assert resp.status == 200
    assert fake_server.count(PAGE) == 2
    assert time.monotonic() - start >= 0.9  # Retry-After: 1 was honoured


def test_429_exhausted_raises_rate_limited(
    fake_server: FakeServer, http_client: HttpClient
) -> None:
    fake_server.rate_limit(PAGE, times=10, retry_after=0)
    with pytest.raises(SourceRateLimited) as info:
        http_client.get(fake_server.base + PAGE, source="dhl")
    assert info.value.retry_after == 0
    assert info.value.source == "dhl"
    assert fake_server.count(PAGE) == 3  # first try + 2 retries


def test_500_becomes_unavailable_after_retries(
    fake_server: FakeServer, http_client: HttpClient
) -> None:
    fake_server.fault(PAGE, times=10, status=500)
    with pytest.raises(SourceUnavailable):
        http_client.get(fake_server.base + PAGE, source="dhl")
    assert fake_server.count(PAGE) == 3
    # The error was not cached: once the server recovers, the page comes through.
    fake_server.faults.clear()
    assert http_client.get(fake_server.base + PAGE, source="dhl").status == 200


def test_500_once_then_success(fake_server: FakeServer, http_client: HttpClient) -> None:
    fake_server.fault(PAGE, times=1, status=503)
    assert http_client.get(fake_server.base + PAGE, source="dhl").status == 200
    assert fake_server.count(PAGE) == 2


def test_timeout(fake_server: FakeServer, http_client: HttpClient) -> None:
    fake_server.fault(PAGE, times=10, delay=1.0)
    with pytest.raises(SourceTimeout):
        http_client.get(fake_server.base + PAGE, source="dhl")


def test_connection_refused(fake_settings: Settings) -> None:
    server = FakeServer().start()
    url = server.base + PAGE
    server.stop()
    with HttpClient(fake_settings.with_(retries=0)) as client, pytest.raises(SourceUnavailable):
        client.get(url, source="dhl")


def test_other_4xx_is_source_error(fake_server: FakeServer, http_client: HttpClient) -> None:
    fake_server.route("/factcheck/", '{"error": "forbidden"}', status=403)
    with pytest.raises(SourceError) as info:
        http_client.get(fake_server.url("factcheck"), source="factcheck", expect="json")
    assert not isinstance(info.value, SourceUnavailable | SourceParseError)


def test_json_params_and_parse(fake_server: FakeServer, http_client: HttpClient) -> None:
    fake_server.route("/wikipedia/api.php", '{"query": {"pages": []}}')
    resp = http_client.get(
        fake_server.url("wikipedia"), source="wikipedia", params={"action": "query"}, expect="json"
    )
    assert resp.json() == {"query": {"pages": []}}
    assert fake_server.hits_full["/wikipedia/api.php?action=query"] == 1


def test_truncated_json_is_parse_error_and_not_cached(
    fake_server: FakeServer, http_client: HttpClient
) -> None:
    fake_server.route("/gdelt/", '{"articles": [{"url": "https://example.org/a"}]}')
    fake_server.fault("/gdelt/", times=1, truncate=True)
    with pytest.raises(SourceParseError):
        http_client.get(fake_server.url("gdelt"), source="gdelt", expect="json")
    resp = http_client.get(fake_server.url("gdelt"), source="gdelt", expect="json")
    assert resp.json()["articles"][0]["url"] == "https://example.org/a"
    assert fake_server.count("/gdelt/") == 2


def test_html_instead_of_json_is_parse_error(
    fake_server: FakeServer, http_client: HttpClient
) -> None:
    fake_server.route("/wikidata/api.php", "<html>maintenance</html>", content_type="text/html")
    with pytest.raises(SourceParseError):
        http_client.get(fake_server.url("wikidata"), source="wikidata", expect="json")


def test_malformed_xml_is_parse_error(fake_server: FakeServer, http_client: HttpClient) -> None:
    fake_server.route("/undl/search", "<collection><record>", content_type="application/xml")
    with pytest.raises(SourceParseError):
        http_client.get(fake_server.url("undl") + "search", source="undl", expect="xml")


def test_offline_answers_from_cache_only(fake_server: FakeServer, fake_settings: Settings) -> None:
    with HttpClient(fake_settings) as online:
        fetched = online.get(fake_server.base + PAGE, source="dhl")
    with HttpClient(fake_settings.with_(offline=True)) as offline:
        cached = offline.get(fake_server.base + PAGE, source="dhl")
        assert cached.from_cache and cached.retrieved_at == fetched.retrieved_at
        with pytest.raises(SourceUnavailable, match="offline and not cached"):
            offline.get(fake_server.base + "/dhl/scact2016_table_en.htm", source="dhl")
        assert offline.probe(fake_server.base + PAGE, source="dhl")[0] is False
    assert fake_server.count(PAGE) == 1
    assert fake_server.count("/dhl/scact2016_table_en.htm") == 0


def test_per_host_concurrency_bound(fake_server: FakeServer, fake_settings: Settings) -> None:
    fake_server.delay = 0.15
    urls = [f"{fake_server.base}/dhl/scact{y}_table_en.html" for y in range(1946, 1956)]
    with (
        HttpClient(fake_settings.with_(max_per_host=2)) as client,
        ThreadPoolExecutor(max_workers=10) as pool,
    ):
        statuses = list(pool.map(lambda u: client.get(u, source="dhl").status, urls))
    assert statuses == [200] * 10
    assert fake_server.max_in_flight == 2


def test_same_url_concurrently_is_fetched_once(
    fake_server: FakeServer, http_client: HttpClient
) -> None:
    fake_server.delay = 0.1
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(
            pool.map(lambda _: http_client.get(fake_server.base + PAGE, source="dhl"), range(8))
        )
    assert fake_server.count(PAGE) == 1
    assert sum(not r.from_cache for r in results) == 1
