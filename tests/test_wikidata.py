"""Wikidata adapter: positions held with qualifiers, human preference, fake-server fetching."""

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
from checks.sources.base import Query
from checks.sources.wikidata import (
    WikidataSource,
    choose_person,
    held_during,
    held_on,
    identity,
    parse_entities,
    parse_positions,
    parse_search,
    parse_span,
    parse_time,
)
from tests.fakeserver import FakeRequest, FakeServer

FIX = Path(__file__).parent / "fixtures" / "wikidata"
API = "/wikidata/api.php"


def load(name: str) -> Any:
    return json.loads((FIX / name).read_text(encoding="utf-8"))


def obama() -> dict[str, Any]:
    return parse_entities(load("entities_barack_obama.json"))["Q76"]


# -- pure parsing --------------------------------------------------------------------------


def test_parse_time_precisions() -> None:
    day = parse_time({"time": "+2009-01-20T00:00:00Z", "precision": 11})
    assert day is not None and day.text == "2009-01-20" and day.lo == day.hi == date(2009, 1, 20)
    month = parse_time({"time": "+2016-02-00T00:00:00Z", "precision": 10})
    assert month is not None and month.text == "2016-02" and month.hi == date(2016, 2, 29)
    year = parse_time({"time": "+1997-00-00T00:00:00Z", "precision": 9})
    assert year is not None and (year.lo, year.hi) == (date(1997, 1, 1), date(1997, 12, 31))
    assert parse_time({"time": "+1990-00-00T00:00:00Z", "precision": 8}) is None  # decade
    assert parse_time("2015") is None


def test_search_prefers_humans() -> None:
    candidates = parse_search(load("search_barack_obama.json"))
    assert [c["id"] for c in candidates] == ["Q41773", "Q76"]
    entities = parse_entities(load("entities_barack_obama.json"))
    assert choose_person(candidates, entities, "Barack Obama")["id"] == "Q76"
    assert choose_person(candidates[:1], entities, "Obama") is None  # a city is no person


def test_positions_with_qualifiers_and_ranks() -> None:
    positions = parse_positions(obama(), on=date(2015, 7, 20))
    by_id = {p["position_id"]: p for p in positions}
    assert "Q11699" not in by_id  # deprecated statement skipped
    pres = by_id["Q11696"]
    assert (pres["start"], pres["end"], pres["of_ids"]) == ("2009-01-20", "2017-01-20", ["Q30"])
    assert pres["current_on_date"] is True and pres["person"] == "Barack Obama"
    senator = by_id["Q4416090"]
    assert senator["of_ids"] == ["Q1204"] and senator["current_on_date"] is False
    state = by_id["Q13218762"]
    assert (state["start"], state["end"]) == ("1997", "2004")
    unknown_end = by_id["Q98000001"]
    assert unknown_end["end"] is None and unknown_end["end_unknown"] is True
    assert unknown_end["current_on_date"] is None  # ended at an unknown time
    assert all(p["current_on_date"] is None for p in parse_positions(obama()))  # no date asked


def test_held_on_is_uncertain_within_a_coarse_date() -> None:
    year_start = parse_time({"time": "+1997-00-00T00:00:00Z", "precision": 9})
    assert held_on(year_start, None, False, date(1997, 6, 1)) is None  # maybe not yet
    assert held_on(year_start, None, False, date(1998, 1, 1)) is True
    assert held_on(year_start, None, False, date(1996, 12, 31)) is False
    assert held_on(None, None, False, date(2000, 1, 1)) is None  # no start: cannot say


def test_parse_span_reads_back_the_texts_positions_carry() -> None:
    assert parse_span("2015-07-20") == parse_time({"time": "+2015-07-20T00:00:00Z"})
    month = parse_span("2016-02")
    assert month is not None and (month.lo, month.hi) == (date(2016, 2, 1), date(2016, 2, 29))
    assert parse_span("1997") == parse_time({"time": "+1997-00-00T00:00:00Z", "precision": 9})
    assert parse_span(None) is None and parse_span("July 2015") is None


def test_held_during_a_period_at_some_point_or_throughout() -> None:
    start, end = parse_span("2008-05-08"), parse_span("2012-05-07")
    assert held_during(start, end, False, date(2010, 1, 1), date(2010, 12, 31)) is True
    assert held_during(start, end, False, date(2008, 1, 1), date(2008, 12, 31)) is True
    assert held_during(start, end, False, date(2005, 1, 1), date(2005, 12, 31)) is False
    # Throughout: 2008 began before the term did, 2010 lies wholly inside it.
    assert (
        held_during(start, end, False, date(2008, 1, 1), date(2008, 12, 31), throughout=True)
        is False
    )
    assert (
        held_during(start, end, False, date(2010, 1, 1), date(2010, 12, 31), throughout=True)
        is True
    )
    # A year-precision start inside the period: some point of the year surely, all of it not.
    year = parse_span("1997")
    assert held_during(year, None, False, date(1997, 1, 1), date(1997, 12, 31)) is True
    assert held_during(year, None, False, date(1997, 6, 1), date(1997, 6, 30)) is None
    assert held_during(None, end, False, date(2010, 1, 1), date(2010, 12, 31)) is None


def test_identity_is_sure_only_for_the_name_itself_without_namesakes() -> None:
    candidates = parse_search(load("search_barack_obama.json"))
    entities = parse_entities(load("entities_barack_obama.json"))
    who = identity(candidates, entities, "Barack Obama", entities["Q76"])
    assert who["sure"] is True and who["item"] == "Q76" and who["humans_found"] == 1
    assert identity(candidates, entities, "Obama", entities["Q76"])["sure"] is False
    twin = {**entities["Q76"], "id": "Q99000076"}
    both = {**entities, "Q99000076": twin}
    doubled = [*candidates, {"id": "Q99000076", "label": "Barack Obama", "description": None}]
    who = identity(doubled, both, "Barack Obama", entities["Q76"])
    assert who["sure"] is False and who["namesakes"] == ["Q99000076"]


def test_errors_and_missing() -> None:
    assert parse_entities(load("entities_missing.json")) == {}
    assert parse_search(load("search_empty.json")) == []
    with pytest.raises(SourceError):
        parse_entities(load("error_no_such_entity.json"))
    with pytest.raises(SourceRateLimited):
        parse_search({"error": {"code": "maxlag", "info": "Waiting for a database server"}})
    with pytest.raises(SourceParseError):
        parse_search({"search": {"oops": 1}})


# -- fetching through the fake server ------------------------------------------------------


def handle(req: FakeRequest) -> tuple[int, dict[str, str], bytes]:
    q = {k: v[0] for k, v in req.query.items()}
    name = "search_empty.json"
    if q.get("action") == "wbsearchentities":
        name = {
            "Barack Obama": "search_barack_obama.json",
            "United Nations Security Council Resolution 2231": "search_resolution_2231.json",
        }.get(q.get("search", ""), "search_empty.json")
    elif q.get("action") == "wbgetentities" and q.get("props") == "labels":
        name = "labels_positions.json"
    elif q.get("action") == "wbgetentities":
        name = {
            "Q41773|Q76": "entities_barack_obama.json",
            "Q20000231": "entities_resolution_2231.json",
        }.get(q.get("ids", ""), "entities_missing.json")
    body = (FIX / name).read_bytes()
    return 200, {"Content-Type": "application/json; charset=utf-8"}, body


@pytest.fixture
def wikidata(fake_server: FakeServer, fake_settings: Settings) -> Iterator[WikidataSource]:
    fake_server.route(API, handle)
    settings = fake_settings.with_(retries=0)
    client = HttpClient(settings)
    yield WikidataSource(client, settings.url("wikidata"))
    client.close()


def test_fetch_person_positions(wikidata: WikidataSource, fake_server: FakeServer) -> None:
    records = wikidata.search(Query(kind="person", value="Barack Obama", on=date(2015, 7, 20)))
    assert len(records) == 4
    pres = next(r for r in records if r.fields["position_id"] == "Q11696")
    assert pres.fields["position"] == "President of the United States"
    assert pres.fields["of"] == "United States"
    assert pres.fields["current_on_date"] is True
    assert pres.title == "Barack Obama: President of the United States (2009-01-20–2017-01-20)"
    assert pres.url.endswith("index.php?title=Q76")
    assert pres.raw["id"] == "Q76$pres" and pres.retrieved_at.endswith("Z")
    senator = next(r for r in records if r.fields["position_id"] == "Q4416090")
    assert senator.fields["of"] == "Illinois"
    nolabel = next(r for r in records if r.fields["position_id"] == "Q98000001")
    assert nolabel.fields["position"] == "Q98000001"  # no English label: the id stands in
    sent = " ".join(fake_server.hits_full)
    assert "type=item" in sent and "language=en" in sent and "languages=en" in sent
    assert fake_server.count(API) == 3  # search, entities, one batched label lookup
    assert pres.fields["identity"]["sure"] is True and pres.fields["identity"]["item"] == "Q76"


def test_fetch_resolution_item(wikidata: WikidataSource) -> None:
    records = wikidata.search(Query(kind="resolution", value="2231"))
    assert len(records) == 1
    assert records[0].fields["date"] == "2015-07-20"
    assert records[0].fields["enwiki"] == "United Nations Security Council Resolution 2231"


def test_fetch_not_found(wikidata: WikidataSource) -> None:
    assert wikidata.search(Query(kind="person", value="Zzyzx Nobody")) == []
    assert wikidata.search(Query(kind="person", value="  ")) == []
    assert wikidata.search(Query(kind="text", value="Barack Obama")) == []


def test_real_host_entity_url() -> None:
    source = WikidataSource(None, "https://www.wikidata.org/w/api.php")
    assert source.entity_url("Q76") == "https://www.wikidata.org/wiki/Q76"


@pytest.mark.parametrize(
    ("fault", "error"),
    [
        ({"status": 500}, SourceError),
        ({"status": 429, "headers": {"Retry-After": "2"}}, SourceRateLimited),
        ({"delay": 1.0}, SourceTimeout),
        ({"truncate": True}, SourceParseError),
        ({"body": b"not json at all"}, SourceParseError),
    ],
)
def test_fetch_faults(
    wikidata: WikidataSource, fake_server: FakeServer, fault: dict[str, Any], error: type
) -> None:
    fake_server.fault(API, **{"times": 1, **fault})
    with pytest.raises(error):
        wikidata.search(Query(kind="person", value="Barack Obama"))
