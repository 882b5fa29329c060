"""HttpClient against the fake server: caching, retries, error mapping, offline, politeness."""

from __future__ import annotations

import contextlib
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


@pytest.mark.needs_shared
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


@pytest.mark.needs_shared
def test_cache_hit_on_repeat(fake_server: FakeServer, http_client: HttpClient) -> None:
    first = http_client.get(fake_server.base + PAGE, source="dhl")
    second = http_client.get(fake_server.base + PAGE, source="dhl")
    assert fake_server.count(PAGE) == 1
    assert second.from_cache is True
    assert second.retrieved_at == first.retrieved_at
    assert second.text == first.text
    info = http_client.cache_info()
    assert info["entries"] == 1 and info["size_bytes"] > 0 and info["oldest"]


@pytest.mark.needs_shared
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


@pytest.mark.needs_shared
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


@pytest.mark.needs_shared
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


@pytest.mark.needs_shared
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


@pytest.mark.needs_shared
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


@pytest.mark.needs_shared
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


# -- limits: body size, deadlines, redirects, credentials (ISSUE 10) -----------------------------


class _Tiny:
    """A throwaway server for answers the fake server cannot give (drips, bombs, redirects)."""

    def __init__(self, handler) -> None:
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        class H(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *a) -> None:
                pass

            def do_GET(self) -> None:
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    handler(self)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), H)
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def _send(h, body: bytes, status: int = 200, **headers: str) -> None:
    h.send_response(status)
    for k, v in {"Content-Type": "text/html; charset=utf-8", **headers}.items():
        h.send_header(k.replace("_", "-"), v)
    h.send_header("Content-Length", str(len(body)))
    h.end_headers()
    h.wfile.write(body)


def _cache_rows(settings: Settings) -> int:
    import sqlite3

    with sqlite3.connect(settings.cache_path) as db:
        return db.execute("select count(*) from responses").fetchone()[0]


def test_body_over_the_cap_is_cut_and_never_cached(fake_settings: Settings) -> None:
    def big(h):
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Content-Length", str(50 * 2**20))
        h.end_headers()
        for _ in range(50):  # would be 50 MB; the client must stop after 1 MB
            h.wfile.write(b"x" * 2**20)

    server = _Tiny(big)
    settings = fake_settings.with_(max_bodies={"dhl": 2**20}, read_timeout=5.0)
    try:
        with HttpClient(settings) as client, pytest.raises(SourceError, match="larger than 1 MB"):
            client.get(server.base + "/big", source="dhl")
        assert _cache_rows(settings) == 0
    finally:
        server.close()


def test_gzip_bomb_is_cut_after_decompression(fake_settings: Settings) -> None:
    import gzip

    bomb = gzip.compress(b"\0" * (40 * 2**20))  # ~40 KB on the wire, 40 MB unpacked

    server = _Tiny(lambda h: _send(h, bomb, Content_Encoding="gzip"))
    settings = fake_settings.with_(max_bodies={"gdelt": 2**20}, read_timeout=5.0)
    try:
        with HttpClient(settings) as client, pytest.raises(SourceError, match="larger than"):
            client.get(server.base + "/bomb", source="gdelt")
    finally:
        server.close()


def test_a_source_dripping_one_byte_at_a_time_hits_the_deadline(fake_settings: Settings) -> None:
    import threading

    stop = threading.Event()

    def drip(h):
        h.send_response(200)
        h.send_header("Content-Length", "100000")
        h.end_headers()
        while not stop.is_set():
            h.wfile.write(b"x")
            h.wfile.flush()
            time.sleep(0.05)  # always faster than the read timeout

    server = _Tiny(drip)
    settings = fake_settings.with_(request_deadline=1.0, read_timeout=0.5, retries=0)
    try:
        start = time.monotonic()
        with HttpClient(settings) as client, pytest.raises(SourceTimeout):
            client.get(server.base + "/drip", source="dhl")
        assert time.monotonic() - start < 3
    finally:
        stop.set()
        server.close()


def test_huge_retry_after_is_not_waited_for(fake_server: FakeServer, fake_settings) -> None:
    fake_server.rate_limit(PAGE, times=10, retry_after=3600)
    start = time.monotonic()
    with HttpClient(fake_settings) as client, pytest.raises(SourceRateLimited) as info:
        client.get(fake_server.base + PAGE, source="dhl")
    assert time.monotonic() - start < 2
    assert info.value.retry_after == 3600
    assert fake_server.count(PAGE) == 1  # asked once, not hammered


def test_article_deadline_stops_further_requests(fake_server: FakeServer, http_client) -> None:
    from checks.http import deadline

    with deadline(0.3):
        http_client.get(fake_server.base + PAGE, source="dhl")
        time.sleep(0.35)
        with pytest.raises(SourceTimeout, match="run out"):
            http_client.get(fake_server.base + "/dhl/scact2016_table_en.htm", source="dhl")
    assert fake_server.count("/dhl/scact2016_table_en.htm") == 0
    assert http_client.get(fake_server.base + "/dhl/scact2016_table_en.htm", source="dhl")


@pytest.mark.needs_shared
def test_redirect_within_the_host_is_followed_and_shown(fake_server: FakeServer, http_client):
    fake_server.route("/dhl/old.htm", b"", status=301, headers={"Location": PAGE})
    resp = http_client.get(fake_server.base + "/dhl/old.htm", source="dhl")
    assert resp.status == 200 and "S/RES/2231 (2015)" in resp.text
    assert resp.url == fake_server.base + PAGE  # the evidence names where it came from
    assert resp.requested_url == fake_server.base + "/dhl/old.htm"


def test_redirect_to_another_host_is_refused(fake_server: FakeServer, http_client) -> None:
    elsewhere = FakeServer().start()  # another port: another site
    try:
        fake_server.route(
            "/dhl/moved.htm", b"", status=302, headers={"Location": elsewhere.base + PAGE}
        )
        with pytest.raises(SourceError, match="another site"):
            http_client.get(fake_server.base + "/dhl/moved.htm", source="dhl")
        assert elsewhere.count(PAGE) == 0
    finally:
        elsewhere.stop()


def test_api_key_stays_out_of_the_cache_file(fake_server: FakeServer, fake_settings) -> None:
    import os
    import stat

    secret = "AIzaSECRETsecret123"
    fake_server.route("/factcheck/", '{"claims": []}')
    with HttpClient(fake_settings) as client:
        resp = client.get(
            fake_server.url("factcheck"), source="factcheck", params={"query": "x", "key": secret}
        )
        assert secret not in resp.url
        again = client.get(
            fake_server.url("factcheck"), source="factcheck", params={"query": "x", "key": secret}
        )
        assert again.from_cache
    mode = stat.S_IMODE(os.stat(fake_settings.cache_path).st_mode)
    assert mode == 0o600
    blob = b"".join(
        p.read_bytes()
        for p in __import__("pathlib").Path(fake_settings.cache_path).parent.iterdir()
    )
    assert secret.encode() not in blob
