"""Every registered adapter honours the `Source` contract (checks/sources/base.py).

For each adapter in `checks.sources.SOURCES`: it has fixtures, its class metadata is filled in,
"nothing found" is [], a 500 is a SourceError, a malformed body is a SourceParseError, an
unreachable server is a SourceError, and unknown query kinds cost no request. Faults are
injected for every path of the fake server, so the test needs no knowledge of adapter URLs;
only the payloads meaning "nothing found" and "malformed" are per source (CASES).
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from checks.config import Settings
from checks.errors import SourceError, SourceParseError
from checks.http import HttpClient
from checks.sources import SOURCES
from checks.sources.base import Query, Source
from tests.fakeserver import FakeServer

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLES = Path(__file__).parents[1].parent / "shared" / "samples"
JSON = "application/json; charset=utf-8"
XML = "application/xml; charset=utf-8"
HTML = "text/html; charset=utf-8"


@dataclass(frozen=True)
class Case:
    """How to ask one adapter something, and what its 'nothing' and 'garbage' look like."""

    query: Query  # a query that makes the adapter fetch
    missing: Query  # asked while the server answers `empty`
    empty: tuple[int, str, bytes]  # (status, content type, body) meaning "nothing found"
    malformed: tuple[str, bytes]  # (content type, body) the adapter cannot read
    fixtures: Path


CASES: dict[str, Case] = {
    "dhl": Case(
        query=Query(kind="year", value="2015"),
        missing=Query(kind="year", value="1800"),
        empty=(404, HTML, b"<html>Not Found</html>"),
        malformed=(HTML, b"<html><body><p>Service temporarily unavailable</p></body></html>"),
        fixtures=SAMPLES / "dhl-sc-meetings-tables",
    ),
    "undl": Case(
        query=Query(kind="resolution", value="2231", year=2015),
        missing=Query(kind="resolution", value="9999", year=2030),
        empty=(200, XML, (FIXTURES / "undl" / "search_empty.xml").read_bytes()),
        malformed=(XML, (FIXTURES / "undl" / "sc_2231_voting.xml").read_bytes()[:600]),
        fixtures=FIXTURES / "undl",
    ),
    "wikipedia": Case(
        query=Query(kind="infobox", value="2231"),
        missing=Query(kind="infobox", value="99999"),
        empty=(200, JSON, (FIXTURES / "wikipedia" / "revisions_missing.json").read_bytes()),
        malformed=(JSON, b'{"batchcomplete": true, "query": {"pages": ['),
        fixtures=FIXTURES / "wikipedia",
    ),
    "wikidata": Case(
        query=Query(kind="person", value="Barack Obama", on=date(2015, 7, 20)),
        missing=Query(kind="person", value="Zzyzx Nobody"),
        empty=(200, JSON, (FIXTURES / "wikidata" / "search_empty.json").read_bytes()),
        malformed=(JSON, b'{"searchinfo": {"search": "x"}, "search": [{"id": '),
        fixtures=FIXTURES / "wikidata",
    ),
    "gdelt": Case(
        query=Query(kind="text", value="the Council endorsed the Joint Comprehensive Plan"),
        missing=Query(kind="text", value="no article ever said this exact thing"),
        empty=(200, JSON, b"{}"),
        malformed=(JSON, b'{"articles": [{"url": "https://example.org/a", "title": '),
        fixtures=FIXTURES / "gdelt",
    ),
    "factcheck": Case(
        query=Query(kind="text", value="resolution 2231 was adopted unanimously"),
        missing=Query(kind="text", value="no fact-checker ever reviewed this"),
        empty=(200, JSON, b"{}"),
        malformed=(JSON, b'{"claims": [{"text": "x", "claimReview": ['),
        fixtures=FIXTURES / "factcheck",
    ),
}

NAMES = sorted(SOURCES)


def build(name: str, http: Any, base_url: str) -> Source:
    cls = SOURCES[name]
    kwargs = (
        {"api_key": "contract-test-key"} if "api_key" in inspect.signature(cls).parameters else {}
    )
    return cls(http, base_url, **kwargs)


def answer_everything(server: FakeServer, status: int, ctype: str, body: bytes) -> None:
    """Make every path of the fake server give the same reply (adapter URLs don't matter)."""
    server._answer = lambda _req: (status, {"Content-Type": ctype}, body)  # type: ignore[method-assign]


@pytest.fixture
def client(fake_settings: Settings) -> Iterator[HttpClient]:
    http = HttpClient(fake_settings.with_(retries=0))
    yield http
    http.close()


def test_every_adapter_has_a_contract_case() -> None:
    assert {"dhl", "undl", "wikipedia", "wikidata", "gdelt", "factcheck"} <= set(SOURCES)
    assert sorted(CASES) == NAMES, "add a Case for each new adapter in SOURCES"


@pytest.mark.needs_shared
@pytest.mark.parametrize("name", NAMES)
def test_metadata_and_fixtures(name: str) -> None:
    cls = SOURCES[name]
    assert cls.name == name
    assert isinstance(cls.title, str) and cls.title.strip()
    assert isinstance(cls.licence, str) and cls.licence.strip()
    assert isinstance(cls.kinds, tuple) and cls.kinds
    assert all(isinstance(k, str) and k for k in cls.kinds)
    case = CASES[name]
    assert case.query.kind in cls.kinds and case.missing.kind in cls.kinds
    files = [p for p in case.fixtures.iterdir() if p.is_file()] if case.fixtures.is_dir() else []
    assert len(files) >= 2, f"{name}: no fixtures in {case.fixtures}"


@pytest.mark.parametrize("name", NAMES)
def test_not_found_is_empty_list(
    name: str, fake_server: FakeServer, client: HttpClient, fake_settings: Settings
) -> None:
    answer_everything(fake_server, *CASES[name].empty)
    source = build(name, client, fake_settings.url(name))
    assert source.search(CASES[name].missing) == []
    assert sum(fake_server.hits.values()) >= 1  # it really asked


@pytest.mark.parametrize("name", NAMES)
def test_server_error_is_source_error(
    name: str, fake_server: FakeServer, client: HttpClient, fake_settings: Settings
) -> None:
    answer_everything(fake_server, 500, HTML, b"<html>Internal Server Error</html>")
    source = build(name, client, fake_settings.url(name))
    with pytest.raises(SourceError) as info:
        source.search(CASES[name].query)
    assert info.value.source == name


@pytest.mark.parametrize("name", NAMES)
def test_malformed_is_parse_error(
    name: str, fake_server: FakeServer, client: HttpClient, fake_settings: Settings
) -> None:
    ctype, body = CASES[name].malformed
    answer_everything(fake_server, 200, ctype, body)
    source = build(name, client, fake_settings.url(name))
    with pytest.raises(SourceParseError):
        source.search(CASES[name].query)


@pytest.mark.parametrize("name", NAMES)
def test_unreachable_is_source_error(name: str, fake_settings: Settings) -> None:
    dead = FakeServer()  # binds a free port; closing it unstarted leaves connection refused
    url = dead.url(name)
    dead._httpd.server_close()
    settings = fake_settings.with_(retries=0, connect_timeout=0.5)
    with HttpClient(settings) as http, pytest.raises(SourceError):
        build(name, http, url).search(CASES[name].query)


@pytest.mark.parametrize("name", NAMES)
def test_unknown_kind_costs_nothing(name: str, fake_server: FakeServer, client: HttpClient) -> None:
    source = build(name, client, fake_server.url(name))
    assert source.search(Query(kind="no-such-kind", value="2231")) == []
    assert sum(fake_server.hits.values()) == 0
