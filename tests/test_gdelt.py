"""GDELT adapter: phrase choice, repair of bad JSON, rate-limit text, fake-server fetching."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from checks.config import Settings
from checks.errors import SourceError, SourceParseError, SourceRateLimited, SourceTimeout
from checks.http import HttpClient
from checks.sources.base import Query
from checks.sources.gdelt import (
    GdeltSource,
    build_params,
    key_phrase,
    parse_artlist,
    parse_response,
)
from tests.fakeserver import FakeServer

FIX = Path(__file__).parent / "fixtures" / "gdelt"
PATH = "/gdelt/"
QUOTE = (
    "We call on all parties to return to full compliance with the Joint Comprehensive Plan of "
    "Action and resolution 2231 without delay, as the Secretary-General said on Monday"
)


def text(name: str) -> str:
    return (FIX / name).read_text(encoding="utf-8")


# -- pure parsing --------------------------------------------------------------------------


def test_key_phrase_is_short_and_distinctive() -> None:
    phrase = key_phrase(QUOTE)
    words = phrase.split()
    assert 6 <= len(words) <= 10
    assert phrase in " ".join(QUOTE.replace(",", "").split())  # a real run of the quote
    assert "Joint" in words or "Comprehensive" in words or "Secretary-General" in words
    assert words[0].lower() not in {"the", "and", "to", "on", "of"}
    assert key_phrase("Short quote, kept whole.") == "Short quote kept whole"


def test_build_params_window_and_limits() -> None:
    q = Query(kind="text", value=QUOTE, on=date(2015, 7, 20), params=(("maxrecords", "999"),))
    p = build_params(q)
    assert p["query"].startswith('"') and p["query"].endswith('" sourcelang:English')
    assert p["mode"] == "artlist" and p["format"] == "json"
    assert p["maxrecords"] == "250"
    assert (p["startdatetime"], p["enddatetime"]) == ("20150717000000", "20150721235959")
    assert "timespan" not in p
    no_date = build_params(Query(kind="text", value="a b c", params=(("timespan", "1w"),)))
    assert no_date["timespan"] == "1w" and "startdatetime" not in no_date


def test_parse_artlist_and_empty() -> None:
    articles = parse_artlist(json.loads(text("artlist.json")))
    assert len(articles) == 2  # the row without a URL is dropped
    assert articles[0]["seendate"] == "2023-09-18T03:15:00Z"
    assert articles[0]["title"] == "Consejo de Seguridad de la ONU"
    assert articles[1]["language"] == "English"
    assert parse_artlist({}) == []
    assert parse_response(text("empty.json"), "application/json") == []
    assert parse_response("", "text/html") == []


def test_control_characters_are_repaired() -> None:
    raw = text("control_chars.json")
    with pytest.raises(ValueError):
        json.loads(raw)
    articles = parse_response(raw, "application/json; charset=utf-8")
    assert articles[0]["title"] == "UN vote  on\tIran"


def test_rate_limit_text_and_html_errors() -> None:
    with pytest.raises(SourceRateLimited) as info:
        parse_response(text("rate_limit.txt"), "text/plain")
    assert info.value.retry_after == 5.0
    with pytest.raises(SourceParseError) as err:
        parse_response(text("error_phrase.html"), "text/html; charset=utf-8")
    assert "phrase is too short" in str(err.value)
    with pytest.raises(SourceParseError):
        parse_response('{"articles": [', "application/json")
    with pytest.raises(SourceParseError):
        parse_artlist({"articles": "nope"})


# -- fetching through the fake server ------------------------------------------------------


@pytest.fixture
def quick(fake_settings: Settings) -> Settings:
    return fake_settings.with_(retries=0)


@pytest.fixture
def gdelt(fake_server: FakeServer, quick: Settings) -> Iterator[GdeltSource]:
    fake_server.route(PATH, text("artlist.json"))
    client = HttpClient(quick)
    yield GdeltSource(client, quick.url("gdelt"))
    client.close()


def test_fetch_found(gdelt: GdeltSource, fake_server: FakeServer) -> None:
    records = gdelt.search(Query(kind="text", value=QUOTE, on=date(2015, 7, 20)))
    assert [r.url for r in records][
        1
    ] == "https://www.example.com/news/un-security-council-iran-deal"
    assert records[1].fields["seendate"] == "2015-07-20T15:00:00Z"
    assert records[1].fields["query"].endswith("sourcelang:English")
    assert records[0].retrieved_at.endswith("Z")
    sent = parse_qs(urlsplit(next(iter(fake_server.hits_full))).query)
    assert sent["startdatetime"] == ["20150717000000"] and sent["format"] == ["json"]


def test_fetch_not_found(fake_server: FakeServer, quick: Settings) -> None:
    fake_server.route(PATH, "{}")
    with HttpClient(quick) as client:
        source = GdeltSource(client, quick.url("gdelt"))
        assert source.search(Query(kind="text", value=QUOTE)) == []
        assert source.search(Query(kind="person", value=QUOTE)) == []
        assert source.search(Query(kind="text", value="one")) == []  # too short to search
    assert fake_server.count(PATH) == 1


def test_fetch_rate_limit_text_body(fake_server: FakeServer, quick: Settings) -> None:
    fake_server.route(PATH, text("rate_limit.txt"), content_type="text/plain")
    with HttpClient(quick) as client, pytest.raises(SourceRateLimited):
        GdeltSource(client, quick.url("gdelt")).search(Query(kind="text", value=QUOTE))


@pytest.mark.parametrize(
    ("fault", "error"),
    [
        ({"status": 500}, SourceError),
        ({"status": 429, "headers": {"Retry-After": "4"}}, SourceRateLimited),
        ({"delay": 1.0}, SourceTimeout),
        ({"truncate": True}, SourceParseError),
        (
            {"body": b"<html>error</html>", "headers": {"Content-Type": "text/html"}},
            SourceParseError,
        ),
    ],
)
def test_fetch_faults(
    gdelt: GdeltSource, fake_server: FakeServer, fault: dict[str, Any], error: type
) -> None:
    fake_server.fault(PATH, **{"times": 1, **fault})
    with pytest.raises(error) as info:
        gdelt.search(Query(kind="text", value=QUOTE))
    if error is SourceRateLimited:
        assert info.value.retry_after == 4.0


def test_rate_limit_body_is_not_served_from_cache_later(
    fake_server: FakeServer, quick: Settings
) -> None:
    fake_server.route(PATH, text("rate_limit.txt"), content_type="text/plain")
    with HttpClient(quick) as client:
        source = GdeltSource(client, quick.url("gdelt"))
        with pytest.raises(SourceRateLimited):
            source.search(Query(kind="text", value=QUOTE))
        fake_server.route(PATH, text("artlist.json"))
        assert len(source.search(Query(kind="text", value=QUOTE))) == 2
        assert len(source.search(Query(kind="text", value=QUOTE))) == 2  # now from the cache
    assert fake_server.count(PATH) == 2
