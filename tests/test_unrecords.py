"""UnRecords over the fake DHL server: lookups, year guessing, errors vs. "not found"."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from checks.errors import SourceError, SourceUnavailable
from checks.http import HttpClient
from checks.sources.dhl import DhlSource
from checks.unrecords import INDEX_PATH, UnRecords, build_index, load_index
from tests.fakeserver import FakeServer

DHL = Path(__file__).parents[1].parent / "shared" / "samples" / "dhl-sc-meetings-tables"


@pytest.fixture
def records(fake_server: FakeServer, http_client: HttpClient) -> UnRecords:
    return UnRecords(DhlSource(http_client, fake_server.url("dhl")))


@pytest.mark.needs_shared
def test_resolution_2231(records: UnRecords, fake_server: FakeServer) -> None:
    rec = records.resolution(2231)
    assert rec is not None
    assert (rec.symbol, rec.year, rec.date) == ("S/RES/2231 (2015)", 2015, date(2015, 7, 20))
    assert (rec.meeting_record, rec.press_release, rec.vote) == (
        "S/PV.7488",
        "SC/11974",
        (15, 0, 0),
    )
    assert rec.unanimous and rec.status == "adopted"
    assert rec.url.endswith("/dhl/scact2015_table_en.htm") and rec.retrieved_at
    assert rec.record.title == "S/PV.7488, 20 July 2015"
    # The index pointed straight at 2015: no other year was fetched.
    assert sum(fake_server.hits.values()) == 1


@pytest.mark.needs_shared
def test_year_boundaries_and_early_resolutions(records: UnRecords, fake_server: FakeServer) -> None:
    first_2016 = load_index()["first_resolution"]["2016"]
    assert records.resolution(first_2016).year == 2016
    assert records.resolution(first_2016 - 1).year == 2015
    rec = records.resolution(1)
    assert rec.date == date(1946, 1, 25) and rec.status == "without vote"
    assert records.resolution(2560).date == date(2020, 12, 29)  # 2020's second page


@pytest.mark.needs_shared
def test_wrong_year_hint_falls_back(records: UnRecords) -> None:
    rec = records.resolution(2231, year_hint=2013)
    assert rec is not None and rec.year == 2015


def test_not_in_records_is_none(records: UnRecords) -> None:
    assert records.resolution(695) is None  # absent from the saved 1991 page
    assert records.resolution(9999) is None  # far future: unpublished years 404
    assert records.draft("S/2015/99999") is None


@pytest.mark.needs_shared
def test_drafts(records: UnRecords) -> None:
    d = records.draft("S/2020/797")
    assert (d.status, d.date, d.vote, d.vetoed_by) == (
        "not adopted",
        date(2020, 8, 14),
        (2, 2, 11),
        (),
    )
    d = records.draft("S/2020/852")
    assert (d.status, d.vote, d.vetoed_by) == ("vetoed", (14, 1, 0), ("United States",))
    d = records.draft("S/5973")  # old-style symbol without a year: 1964, vetoed by the USSR
    assert d.year == 1964 and d.vetoed_by == ("USSR",) and d.vote == (9, 2, 0)


@pytest.mark.needs_shared
def test_meetings_on_and_vetoes(records: UnRecords) -> None:
    titles = [r.title for r in records.meetings_on(date(2015, 7, 20))]
    assert "S/PV.7488, 20 July 2015" in titles
    assert records.meetings_on(date(2031, 1, 1)) == []
    vetoes = records.vetoes()
    assert len(vetoes) >= 210 and vetoes[0].fields["vetoed_by"] == ["China", "Russian Federation"]


def test_unreachable_raises_not_none(fake_server: FakeServer, http_client: HttpClient) -> None:
    fake_server.fault("/dhl/scact2015_table_en.htm", times=10, status=503)
    records = UnRecords(DhlSource(http_client, fake_server.url("dhl")))
    with pytest.raises(SourceUnavailable):
        records.resolution(2231)
    assert isinstance(SourceUnavailable("x"), SourceError)


@pytest.mark.needs_shared
def test_index_file_matches_builder() -> None:
    built = build_index(DHL)
    committed = load_index(INDEX_PATH)
    assert built["first_resolution"] == committed["first_resolution"]
    assert committed["first_resolution"]["1946"] == 1
    assert committed["first_resolution"]["2015"] == 2196
