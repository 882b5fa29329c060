"""Wikipedia adapter: lenient infobox parsing on fixtures, fetching against the fake server."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from checks.config import Settings
from checks.errors import SourceError, SourceParseError, SourceRateLimited, SourceTimeout
from checks.http import HttpClient
from checks.models import Claim
from checks.sources.base import Query
from checks.sources.wikipedia import (
    WikipediaSource,
    check_api_error,
    page_url,
    parse_extracts,
    parse_infobox,
    parse_revisions,
)
from checks.verdicts.base import CheckContext, Services
from checks.verdicts.events import check_event_date
from checks.wikitext import clean_value, find_dates, find_template, parse_count, parse_date
from tests.fakeserver import FakeRequest, FakeServer

FIX = Path(__file__).parent / "fixtures" / "wikipedia"
API = "/wikipedia/api.php"
INFOBOX = "Infobox UN resolution"


def load(name: str) -> Any:
    return json.loads((FIX / name).read_text(encoding="utf-8"))


# -- pure parsing --------------------------------------------------------------------------


def test_infobox_2231_from_constructed_wikitext() -> None:
    page = parse_revisions(load("revisions_2231.json"))
    assert page is not None
    assert page.title == "United Nations Security Council Resolution 2231"
    assert page.redirected_from == "UNSCR 2231"
    assert page.revid == 1190000001
    box = parse_infobox(page.wikitext)
    assert box is not None
    assert box["number"] == 2231
    assert box["date"] == "2015-07-20"  # "20 July" + year 2015
    assert box["meeting"] == 7488  # "7,488"
    assert (box["votes_for"], box["votes_against"], box["abstentions"]) == (15, 0, 0)
    assert box["vote"] == "15-0-0"
    assert box["absent"] is None  # parameter left out: unknown, not zero
    assert box["code"] == "S/RES/2231"
    assert box["subject"] == "Nuclear program of Iran"
    assert box["result"] == "Adopted"


def test_infobox_2209_refs_templates_links_and_none() -> None:
    page = parse_revisions(load("revisions_2209.json"))
    assert page is not None
    box = parse_infobox(page.wikitext)
    assert box is not None
    assert box["votes_for"] == 14  # "14<ref …{{cite web|…}}</ref>"
    assert box["votes_against"] == 0  # "None"
    assert box["absent"] == 0  # present but empty: the template renders "None"
    assert box["meeting"] == 7401  # {{nowrap|7401}}
    assert box["date"] == "2015-03-06" and box["year"] == 2015  # full date, empty year
    assert box["subject"] == "The situation the Middle East"  # piped link text
    assert box["vote"] == "14-0-1"


def test_infobox_1860_comment_and_thousands_comma() -> None:
    page = parse_revisions(load("revisions_1860.json"))
    assert page is not None
    box = parse_infobox(page.wikitext)
    assert box is not None
    assert box["meeting"] == 6063
    assert box["abstentions"] == 1  # "1 <!-- United States -->"
    assert box["date"] == "2009-01-08"
    assert box["result"] == "Approved"


def test_no_infobox_missing_page_and_error_body() -> None:
    page = parse_revisions(load("revisions_no_infobox.json"))
    assert page is not None and parse_infobox(page.wikitext) is None
    assert parse_revisions(load("revisions_missing.json")) is None
    assert parse_revisions(load("error_missingtitle.json")) is None
    with pytest.raises(SourceRateLimited):
        check_api_error(load("error_ratelimited.json"))
    with pytest.raises(SourceError):
        check_api_error({"error": {"code": "badvalue", "info": "Unrecognized value"}})
    with pytest.raises(SourceParseError):
        parse_revisions({"query": {"pages": [{"title": "X", "revisions": [{}]}]}})
    with pytest.raises(SourceParseError):
        parse_revisions(["not", "an", "object"])


def test_parse_extracts_orders_by_search_rank_and_finds_dates() -> None:
    pages = parse_extracts(load("search_jcpoa.json"))
    assert [p["title"] for p in pages] == [
        "United Nations Security Council Resolution 2231",
        "Joint Comprehensive Plan of Action",
    ]
    assert pages[1]["dates"][0]["date"] == "2015-07-14"
    assert parse_extracts(load("search_nothing.json")) == []
    full = parse_extracts(load("extract_2231.json"))[0]
    assert [d["date"] for d in full["dates"]] == ["2015-07-20", "2015-07-14"]  # "July 14, 2015"


def test_wikitext_helpers() -> None:
    assert find_template("{{ infobox_un  RESOLUTION |a=1|b={{x|y}}|c=[[p|q]]}}", INFOBOX)["b"] == (
        "{{x|y}}"
    )
    assert find_template("{{Other|a=1}}", INFOBOX) is None
    assert clean_value("14<ref name=a/> ''votes''") == "14 votes"
    assert clean_value("{{start date|2015|7|20}}") == "2015-07-20"
    assert parse_count("None") == 0 and parse_count("") == 0 and parse_count("12,345") == 12345
    assert parse_count("unknown") is None and parse_count(None) is None
    assert parse_date("July 20, 2015") == "2015-07-20"
    assert parse_date("20 July") is None  # no year anywhere
    assert parse_date("31 February 2015") is None
    assert find_dates("Adopted 20 July 2015. Signed 14 July.") == [
        {"date": "2015-07-20", "text": "20 July 2015", "sentence": "Adopted 20 July 2015."}
    ]


def test_page_url_real_and_other_hosts() -> None:
    assert (
        page_url("https://en.wikipedia.org/w/api.php", "Resolution 2231 (2015)")
        == "https://en.wikipedia.org/wiki/Resolution_2231_(2015)"
    )
    assert page_url("http://127.0.0.1:1/wikipedia/api.php", "A b") == (
        "http://127.0.0.1:1/wikipedia/index.php?title=A_b"
    )


# -- fetching through the fake server ------------------------------------------------------


def router(table: list[tuple[dict[str, str], str]]) -> Any:
    """A fake api.php: the first fixture whose params all match the request."""

    def handle(req: FakeRequest) -> tuple[int, dict[str, str], bytes]:
        for want, name in table:
            if all(req.query.get(k, [None])[0] == v for k, v in want.items()):
                body = (FIX / name).read_bytes()
                return 200, {"Content-Type": "application/json; charset=utf-8"}, body
        return 400, {"Content-Type": "text/plain"}, b"unexpected request"

    return handle


@pytest.fixture
def quick(fake_settings: Settings) -> Settings:
    return fake_settings.with_(retries=0)


@pytest.fixture
def wiki(fake_server: FakeServer, quick: Settings) -> Iterator[WikipediaSource]:
    fake_server.route(
        API,
        router(
            [
                (
                    {"titles": "United Nations Security Council Resolution 2231"},
                    "revisions_2231.json",
                ),
                (
                    {"titles": "United Nations Security Council Resolution 99999"},
                    "revisions_missing.json",
                ),
                ({"titles": "Gone"}, "error_missingtitle.json"),
                ({"generator": "search", "gsrsearch": "JCPOA"}, "search_jcpoa.json"),
                ({"generator": "search"}, "search_nothing.json"),
                ({"prop": "extracts", "titles": "Resolution 2231"}, "extract_2231.json"),
            ]
        ),
    )
    client = HttpClient(quick)
    yield WikipediaSource(client, quick.url("wikipedia"))
    client.close()


def test_fetch_infobox_found(wiki: WikipediaSource, fake_server: FakeServer) -> None:
    records = wiki.search(Query(kind="infobox", value="2231"))
    assert len(records) == 1
    rec = records[0]
    assert rec.source == "wikipedia"
    assert rec.fields["vote"] == "15-0-0" and rec.fields["meeting"] == 7488
    assert rec.fields["redirected_from"] == "UNSCR 2231"
    assert rec.url.endswith("index.php?title=United_Nations_Security_Council_Resolution_2231")
    assert rec.retrieved_at.endswith("Z") and rec.retrieved_at[:2] == "20"
    assert "Infobox UN resolution" in rec.raw["infobox"]
    sent = next(iter(fake_server.hits_full))
    assert "formatversion=2" in sent and "redirects=1" in sent and "rvslots=main" in sent


def test_fetch_missing_and_error_200_give_empty(wiki: WikipediaSource) -> None:
    assert wiki.search(Query(kind="page", value="Gone")) == []
    assert wiki.search(Query(kind="search", value="nothing matches this")) == []
    assert wiki.search(Query(kind="year", value="2015")) == []  # kind not served


def test_fetch_missing_page_fv2(fake_server: FakeServer, quick: Settings) -> None:
    fake_server.route(API, (FIX / "revisions_missing.json").read_bytes())
    with HttpClient(quick) as client:
        assert (
            WikipediaSource(client, quick.url("wikipedia")).search(
                Query(kind="infobox", value="99999")
            )
            == []
        )


def test_fetch_search_and_page_extracts(wiki: WikipediaSource) -> None:
    hits = wiki.search(Query(kind="search", value="JCPOA"))
    assert hits[0].title == "United Nations Security Council Resolution 2231"
    assert hits[1].fields["dates"][0]["date"] == "2015-07-14"
    page = wiki.search(Query(kind="page", value="Resolution 2231"))
    assert len(page) == 1 and page[0].fields["dates"][0]["date"] == "2015-07-20"


@pytest.mark.parametrize(
    ("fault", "error"),
    [
        ({"status": 500}, SourceError),
        ({"status": 429, "headers": {"Retry-After": "7"}}, SourceRateLimited),
        ({"delay": 1.0}, SourceTimeout),
        ({"body": b'{"query": {"pages": [', "times": 1}, SourceParseError),
        ({"truncate": True}, SourceParseError),
        (
            {"body": b"<html>busy</html>", "headers": {"Content-Type": "text/html"}},
            SourceParseError,
        ),
    ],
)
def test_fetch_faults(
    wiki: WikipediaSource, fake_server: FakeServer, fault: dict[str, Any], error: type
) -> None:
    fake_server.fault(API, **{"times": 1, **fault})
    with pytest.raises(error) as info:
        wiki.search(Query(kind="infobox", value="2231"))
    if error is SourceRateLimited:
        assert info.value.retry_after == 7.0


def test_rate_limited_error_body_with_http_200(fake_server: FakeServer, quick: Settings) -> None:
    fake_server.route(API, (FIX / "error_ratelimited.json").read_bytes())
    with HttpClient(quick) as client, pytest.raises(SourceRateLimited):
        WikipediaSource(client, quick.url("wikipedia")).search(Query(kind="page", value="X"))


def test_error_body_is_not_served_from_cache_later(
    fake_server: FakeServer, quick: Settings
) -> None:
    fake_server.route(API, (FIX / "error_ratelimited.json").read_bytes())
    with HttpClient(quick) as client:
        source = WikipediaSource(client, quick.url("wikipedia"))
        with pytest.raises(SourceRateLimited):
            source.search(Query(kind="infobox", value="2231"))
        fake_server.route(API, (FIX / "revisions_2231.json").read_bytes())
        assert source.search(Query(kind="infobox", value="2231"))[0].fields["vote"] == "15-0-0"
    assert fake_server.count(API) == 2


# -- the event-date rule reads these extracts -------------------------------------------------


@pytest.mark.parametrize(
    ("day", "label", "reason"),
    [
        ("2015-07-14", "supported", "date.event_same_in_encyclopedia"),
        ("2015-07-16", "unverifiable", "date.event_dated_differently_in_encyclopedia"),
    ],
)
def test_event_date_rule_sets_a_reason(
    fake_server: FakeServer, quick: Settings, day: str, label: str, reason: str
) -> None:
    fake_server.route(API, (FIX / "search_jcpoa.json").read_bytes())
    sentence = "Iran and six powers reached the Joint Comprehensive Plan of Action in Vienna."
    claim = Claim("d1", "date", 0, 5, day, sentence, {"date": day, "expression": "on that day"})
    with HttpClient(quick) as client:
        services = Services(wikipedia=WikipediaSource(client, quick.url("wikipedia")))
        ctx = CheckContext(sentence, date(2015, 7, 20), [claim], services)
        verdict = check_event_date(claim, ctx, day)
    assert verdict is not None and (verdict.label, verdict.reason) == (label, reason)
