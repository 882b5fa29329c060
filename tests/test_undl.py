"""UN Digital Library adapter: MARCXML parsing on fixtures, symbol searches on the fake server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from checks.config import Settings
from checks.errors import SourceError, SourceParseError, SourceRateLimited, SourceTimeout
from checks.http import HttpClient
from checks.sources.base import Query
from checks.sources.undl import (
    UndlSource,
    normalise_symbol,
    parse_marcxml,
    resolution_symbols,
)
from tests.fakeserver import FakeRequest, FakeServer

FIX = Path(__file__).parent / "fixtures" / "undl"
XML = "application/xml; charset=utf-8"


def one(name: str) -> dict[str, Any]:
    records = parse_marcxml((FIX / name).read_bytes())
    assert len(records) == 1
    return records[0][0]


# -- pure parsing --------------------------------------------------------------------------


def test_real_ga_record_non_voting_member_has_no_vote() -> None:
    rec = one("ga_4096564_voting.xml")
    assert rec["record_type"] == "voting"
    assert rec["resolution"] == "A/RES/80/214" and rec["resolution_number"] is None
    assert (rec["yes"], rec["no"], rec["abstentions"], rec["non_voting"], rec["total"]) == (
        167,
        2,
        11,
        13,
        193,
    )
    assert rec["votes"] == {"UNITED STATES": "N", "RUSSIAN FEDERATION": None}
    assert rec["counts_match"] is False  # the excerpt keeps only two of 193 members
    assert rec["subjects"] == ["HUMAN RIGHTS ADVANCEMENT"]
    assert rec["date"] == "2025-12-18" and rec["meeting"] == "A/80/PV.69"


def test_sc_2231_unanimous_vote() -> None:
    rec = one("sc_2231_voting.xml")
    assert rec["resolution_number"] == 2231
    assert rec["meeting"] == "S/PV.7488" and rec["date"] == "2015-07-20"
    assert rec["vote"] == "15-0-0" and rec["counts_match"] is True
    assert len(rec["members"]) == 15 and {m["vote"] for m in rec["members"]} == {"Y"}
    assert rec["draft"] == "S/2015/547" and rec["adopted"] is True


def test_sc_2334_us_abstains_and_spaced_symbol() -> None:
    rec = one("sc_2334_voting.xml")
    assert rec["resolution"] == "S/RES/2334 (2016)" and rec["resolution_number"] == 2334
    assert rec["vote"] == "14-0-1" and rec["date"] == "2016-12-23"
    assert rec["votes"]["UNITED STATES"] == "A"
    assert [m["code"] for m in rec["members"] if m["vote"] == "A"] == ["USA"]


def test_failed_draft_has_no_resolution() -> None:
    rec = one("sc_s2020_797_voting.xml")
    assert rec["draft"] == "S/2020/797" and rec["resolution"] is None and rec["adopted"] is False
    assert rec["vote"] == "2-2-11" and rec["date"] == "2020-08-14"
    yes = sorted(m["name"] for m in rec["members"] if m["vote"] == "Y")
    no = sorted(m["name"] for m in rec["members"] if m["vote"] == "N")
    assert yes == ["DOMINICAN REPUBLIC", "UNITED STATES"]
    assert no == ["CHINA", "RUSSIAN FEDERATION"]


def test_unanimous_quirk_members_without_vote_read_as_yes() -> None:
    rec = one("sc_0002_voting_unanimous_quirk.xml")
    assert rec["unanimous_inferred"] is True
    assert set(rec["votes"].values()) == {"Y"} and len(rec["votes"]) == 11
    assert rec["vote"] == "11-0-0" and rec["vote_note"] == "ADOPTED UNANIMOUSLY"


def test_totals_derived_from_members_when_996_missing() -> None:
    xml = (
        '<record><controlfield tag="001">1</controlfield>'
        '<datafield tag="791"><subfield code="a">S/RES/9(1946)</subfield></datafield>'
        '<datafield tag="967"><subfield code="c">AAA</subfield><subfield code="d">Y</subfield>'
        '<subfield code="e">A</subfield></datafield>'
        '<datafield tag="967"><subfield code="c">BBB</subfield><subfield code="d">A</subfield>'
        '<subfield code="e">B</subfield></datafield>'
        '<datafield tag="967"><subfield code="c">CCC</subfield><subfield code="e">C</subfield>'
        "</datafield></record>"
    )
    rec = parse_marcxml(xml)[0][0]
    assert rec["totals_derived"] is True
    assert (rec["yes"], rec["no"], rec["abstentions"], rec["non_voting"]) == (1, 0, 1, 1)


def test_bibliographic_record() -> None:
    rec = one("sc_2231_bibliographic.xml")
    assert rec["record_type"] == "bibliographic"
    assert rec["symbol"] == "S/RES/2231 (2015)"
    assert rec["title"].startswith("Resolution 2231 (2015)")
    assert rec["subjects"] == ["NUCLEAR NON-PROLIFERATION", "IRAN (ISLAMIC REPUBLIC OF)"]
    assert rec["pdf_urls"][0].endswith("-EN.pdf")


def test_empty_malformed_and_html() -> None:
    assert parse_marcxml((FIX / "search_empty.xml").read_bytes()) == []
    assert parse_marcxml(b"") == []
    leading = b"This XML file does not appear to have any style information.\n"
    assert len(parse_marcxml(leading + (FIX / "sc_2231_voting.xml").read_bytes())) == 1
    with pytest.raises(SourceParseError):
        parse_marcxml((FIX / "sc_2231_voting.xml").read_bytes()[:700])
    with pytest.raises(SourceParseError):
        parse_marcxml(b"<!DOCTYPE html><html><body>Checking your browser</body></html>")
    with pytest.raises(SourceParseError):
        parse_marcxml(b"<rss><channel/></rss>")


def test_symbol_forms() -> None:
    assert resolution_symbols("2231", 2015) == ["S/RES/2231(2015)", "S/RES/2231 (2015)"]
    assert resolution_symbols("2231", None) == ["S/RES/2231(", "S/RES/2231 ("]
    assert normalise_symbol("S/RES/2231 (2015)") == normalise_symbol("s/res/2231(2015)")


# -- fetching through the fake server ------------------------------------------------------

SEARCHES = {
    "S/RES/2231(": "sc_2231_voting.xml",
    "S/RES/2231(2015)": "sc_2231_voting.xml",
    "S/RES/2334 (2016)": "sc_2334_voting.xml",
    "S/2020/797": "sc_s2020_797_voting.xml",
}


def search_route(req: FakeRequest) -> tuple[int, dict[str, str], bytes]:
    pattern = req.query.get("p1", req.query.get("p", [""]))[0]
    name = SEARCHES.get(pattern, "search_empty.xml")
    return 200, {"Content-Type": XML}, (FIX / name).read_bytes()


@pytest.fixture
def quick(fake_settings: Settings) -> Settings:
    return fake_settings.with_(retries=0)


@pytest.fixture
def undl(fake_server: FakeServer, quick: Settings) -> Iterator[UndlSource]:
    fake_server.route("/undl/search", search_route)
    fake_server.route(
        "/undl/record/798383/export/xm",
        (FIX / "sc_2231_voting.xml").read_bytes(),
        content_type=XML,
    )
    client = HttpClient(quick)
    yield UndlSource(client, quick.url("undl"))
    client.close()


def test_fetch_resolution_without_year(undl: UndlSource, fake_server: FakeServer) -> None:
    records = undl.search(Query(kind="resolution", value="2231"))
    assert len(records) == 1
    rec = records[0]
    assert rec.fields["vote"] == "15-0-0"
    assert rec.url.endswith("/undl/record/798383?ln=en")
    assert rec.title == "Voting record S/RES/2231(2015)"
    assert "<record" in rec.raw and rec.retrieved_at.endswith("Z")
    assert fake_server.count("/undl/search") == 1  # first form found it


def test_fetch_resolution_tries_the_spaced_form(undl: UndlSource, fake_server: FakeServer) -> None:
    records = undl.search(Query(kind="resolution", value="2334", year=2016))
    assert [r.fields["votes"]["UNITED STATES"] for r in records] == ["A"]
    assert fake_server.count("/undl/search") == 2
    sent = " ".join(fake_server.hits_full)
    assert "of=xm" in sent and "S%2FRES%2F2334%282016%29" in sent


def test_fetch_draft_and_record(undl: UndlSource) -> None:
    draft = undl.search(Query(kind="draft", value="S/2020/797"))
    assert len(draft) == 1 and draft[0].fields["vote"] == "2-2-11"
    rec = undl.search(Query(kind="record", value="798383"))
    assert rec[0].fields["resolution_number"] == 2231


def test_fetch_not_found(undl: UndlSource, fake_server: FakeServer) -> None:
    assert undl.search(Query(kind="resolution", value="9999", year=2030)) == []
    assert undl.search(Query(kind="draft", value="S/2099/1")) == []
    assert undl.search(Query(kind="record", value="1")) == []  # HTTP 404
    assert undl.search(Query(kind="record", value="not-a-number")) == []
    assert undl.search(Query(kind="person", value="x")) == []
    # draft: the voting search, then the draft-collection search, both empty
    assert fake_server.count("/undl/search") == 4


@pytest.mark.parametrize(
    ("fault", "error"),
    [
        ({"status": 500}, SourceError),
        ({"status": 503}, SourceError),
        ({"status": 429, "headers": {"Retry-After": "3"}}, SourceRateLimited),
        ({"delay": 1.0}, SourceTimeout),
        ({"truncate": True}, SourceParseError),
        (
            {
                "body": b"<html><body>captcha</body></html>",
                "headers": {"Content-Type": "text/html"},
            },
            SourceParseError,
        ),
    ],
)
def test_fetch_faults(
    undl: UndlSource, fake_server: FakeServer, fault: dict[str, Any], error: type
) -> None:
    fake_server.fault("/undl/record/798383/export/xm", **{"times": 1, **fault})
    with pytest.raises(error) as info:
        undl.search(Query(kind="record", value="798383"))
    if error is SourceRateLimited:
        assert info.value.retry_after == 3.0
    # the fault is spent: the next call succeeds (nothing bad was cached)
    assert undl.search(Query(kind="record", value="798383"))[0].fields["vote"] == "15-0-0"
