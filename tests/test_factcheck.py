"""Fact Check Tools adapter: optional (no key, no request), claim reviews parsed and fetched."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from checks.config import Settings
from checks.errors import SourceError, SourceParseError, SourceRateLimited, SourceTimeout
from checks.http import HttpClient
from checks.sources.base import Query
from checks.sources.factcheck import FactCheckSource, parse_claims
from tests.fakeserver import FakeServer

FIX = Path(__file__).parent / "fixtures" / "factcheck"
PATH = "/factcheck/"
KEY = "test-key-123"


def load(name: str) -> Any:
    return json.loads((FIX / name).read_text(encoding="utf-8"))


def test_parse_claims() -> None:
    reviews = parse_claims(load("claims.json"))
    assert len(reviews) == 2  # the review without a URL is skipped
    dpa = reviews[0]
    assert dpa["publisher"] == "dpa" and dpa["language"] == "de"
    assert dpa["rating"] == "Die Bilder stammen nicht aus Deutschland."
    assert dpa["review_url"] == "https://dpa-factchecking.com/austria/200625-99-562594/"
    site_only = reviews[1]
    assert site_only["publisher"] == "factcheck.example.org"  # no name: the site stands in
    assert site_only["claimant"] is None and site_only["claim_date"] is None
    assert parse_claims(load("empty.json")) == []
    with pytest.raises(SourceParseError):
        parse_claims({"claims": {"text": "x"}})
    with pytest.raises(SourceParseError):
        parse_claims("nope")


def test_disabled_without_key_makes_no_request(fake_server: FakeServer) -> None:
    source = FactCheckSource(None, fake_server.url("factcheck"))  # no client needed
    assert source.enabled is False
    assert source.search(Query(kind="text", value="anything")) == []
    assert fake_server.count(PATH) == 0


@pytest.fixture
def quick(fake_settings: Settings) -> Settings:
    return fake_settings.with_(retries=0, factcheck_api_key=KEY)


@pytest.fixture
def factcheck(fake_server: FakeServer, quick: Settings) -> Iterator[FactCheckSource]:
    fake_server.route(PATH, (FIX / "claims.json").read_bytes())
    client = HttpClient(quick)
    yield FactCheckSource(client, quick.url("factcheck"), api_key=quick.factcheck_api_key)
    client.close()


def test_fetch_found(factcheck: FactCheckSource, fake_server: FakeServer) -> None:
    records = factcheck.search(Query(kind="text", value="resolution 2231 passed unanimously"))
    assert factcheck.enabled is True
    assert [r.url for r in records][1] == "https://factcheck.example.org/2231"
    assert records[1].fields["rating"] == "True"
    assert records[1].raw["review"]["textualRating"] == "True"
    assert records[0].retrieved_at.endswith("Z")
    assert KEY not in records[0].url and KEY not in json.dumps(records[0].fields)
    sent = next(iter(fake_server.hits_full))
    assert f"key={KEY}" in sent and "languageCode=en" in sent


def test_fetch_not_found(fake_server: FakeServer, quick: Settings) -> None:
    fake_server.route(PATH, "{}")
    with HttpClient(quick) as client:
        source = FactCheckSource(client, quick.url("factcheck"), api_key=KEY)
        assert source.search(Query(kind="text", value="nothing")) == []
        assert source.search(Query(kind="infobox", value="2231")) == []


def test_bad_key_error_hides_key(fake_server: FakeServer, quick: Settings) -> None:
    fake_server.route(PATH, (FIX / "error_bad_key.json").read_bytes(), status=400)
    with HttpClient(quick) as client, pytest.raises(SourceError) as info:
        FactCheckSource(client, quick.url("factcheck"), api_key=KEY).search(
            Query(kind="text", value="x y")
        )
    assert KEY not in info.value.url and KEY not in str(info.value)


def test_offline_error_hides_key(quick: Settings) -> None:
    offline = quick.with_(offline=True)
    with HttpClient(offline) as client, pytest.raises(SourceError) as info:
        FactCheckSource(client, offline.url("factcheck"), api_key=KEY).search(
            Query(kind="text", value="never fetched")
        )
    assert KEY not in str(info.value) and KEY not in info.value.url


@pytest.mark.parametrize(
    ("fault", "error"),
    [
        ({"status": 500}, SourceError),
        ({"status": 429, "headers": {"Retry-After": "6"}}, SourceRateLimited),
        ({"delay": 1.0}, SourceTimeout),
        ({"truncate": True}, SourceParseError),
    ],
)
def test_fetch_faults(
    factcheck: FactCheckSource, fake_server: FakeServer, fault: dict[str, Any], error: type
) -> None:
    fake_server.fault(PATH, **{"times": 1, **fault})
    with pytest.raises(error) as info:
        factcheck.search(Query(kind="text", value="resolution 2231"))
    assert KEY not in info.value.url
