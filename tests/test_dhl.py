"""DHL parsers on every saved page, and the adapter against the fake server."""

from __future__ import annotations

import csv
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from functools import cache
from pathlib import Path

import pytest

from checks.http import HttpClient
from checks.sources.base import Query
from checks.sources.dhl import DhlSource, year_page_name
from checks.sources.dhl_parse import (
    Meeting,
    normalise_countries,
    parse_day,
    parse_outcomes,
    parse_veto_page,
    parse_year_page,
)
from tests.fakeserver import FakeServer

SAMPLES = Path(__file__).parents[1].parent / "shared" / "samples"
DHL = SAMPLES / "dhl-sc-meetings-tables"
YEAR_FILES = sorted(DHL.glob("scact[0-9][0-9][0-9][0-9]_table_en.html"))


@cache
def parsed(name: str, year: int) -> tuple[Meeting, ...]:
    return tuple(parse_year_page((DHL / name).read_text(encoding="utf-8"), year))


def all_meetings() -> list[Meeting]:
    out = [m for f in YEAR_FILES for m in parsed(f.name, int(f.name[5:9]))]
    return out + list(parsed("scact2020_covid_table_en.html", 2020))


@pytest.mark.needs_shared
def test_every_page_parses() -> None:
    assert len(YEAR_FILES) == 77
    for f in YEAR_FILES:
        meetings = parsed(f.name, int(f.name[5:9]))
        assert len(meetings) >= 5, f.name
        assert all(m.year == int(f.name[5:9]) for m in meetings)
        dated = [m for m in meetings if m.date is not None]
        assert len(dated) == len(meetings), (f.name, [m.date_text for m in meetings if not m.date])


@pytest.mark.needs_shared
def test_resolution_coverage_and_drafts() -> None:
    numbers = {o.resolution for m in all_meetings() for o in m.outcomes if o.resolution}
    assert len(numbers & set(range(1, 2641))) >= 2600
    drafts = [o for m in all_meetings() for o in m.outcomes if o.draft_symbol]
    assert sum(o.status == "vetoed" for o in drafts) >= 190
    assert sum(o.status == "not adopted" for o in drafts) >= 60
    assert all(o.vetoed_by for o in drafts if o.status == "vetoed")


def _find(number: int) -> tuple[Meeting, object]:
    for m in all_meetings():
        for o in m.outcomes:
            if o.resolution == number:
                return m, o
    raise AssertionError(number)


@pytest.mark.needs_shared
def test_resolution_2231() -> None:
    m, o = _find(2231)
    assert (m.record, m.date, m.press_release) == ("S/PV.7488", date(2015, 7, 20), "SC/11974")
    assert o.symbol == "S/RES/2231 (2015)" and o.vote == (15, 0, 0) and o.unanimous
    assert o.status == "adopted" and m.topic == "Non-proliferation"


@pytest.mark.needs_shared
def test_covid_page_drafts() -> None:
    meetings = parsed("scact2020_covid_table_en.html", 2020)
    outcomes = {o.draft_symbol: (m, o) for m in meetings for o in m.outcomes if o.draft_symbol}
    m, o = outcomes["S/2020/797"]
    assert (m.date, o.status, o.vote, o.vetoed_by) == (
        date(2020, 8, 14),
        "not adopted",
        (2, 2, 11),
        [],
    )
    assert m.record is None  # meetings by letter have no S/PV record
    m, o = outcomes["S/2020/852"]
    assert (o.status, o.vote, o.vetoed_by) == ("vetoed", (14, 1, 0), ["United States"])
    assert m.date == date(2020, 8, 31)


@pytest.mark.needs_shared
def test_early_years_rowspan_and_odd_dates() -> None:
    m, o = _find(15)
    assert m.date == date(1946, 12, 19) and o.unanimous and o.vote is None
    m, o = _find(37)  # 1947: <th rowspan="4"> meeting with several agenda items
    assert m.record == "S/PV.222" and m.date == date(1947, 12, 9) and o.vote == (11, 0, 0)
    assert "Eniwetok" in m.topic
    m, o = _find(289)  # "22/23 November" 1970
    assert m.date_text == "22/23 November" and m.date == date(1970, 11, 22)
    assert o.vote == (15, 0, 0)
    m, o = _find(801)  # 1993: unclosed </td
    assert o.status == "without vote" and "S/25071 (PRST)" in m.statements


def test_multiple_outcomes_in_one_cell() -> None:
    outs = parse_outcomes(
        "S/RES/663 (1990)\n13-2-0\nDraft Resolution S/21742/Rev.1 not adopted\n3-5-7"
    )
    assert [(o.resolution, o.draft_symbol, o.status, o.vote) for o in outs] == [
        (663, None, "adopted", (13, 2, 0)),
        (None, "S/21742/Rev.1", "not adopted", (3, 5, 7)),
    ]
    outs = parse_outcomes("Draft resolution S/1974/1 vetoed by USA, France and UK\n10-3-2")
    assert outs[0].vetoed_by == ["United States", "France", "United Kingdom"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20 July", date(2015, 7, 20)),
        ("15 Sep.", date(2015, 9, 15)),
        ("29 + 30 March", date(2015, 3, 29)),
        ("30 January 86", date(1986, 1, 30)),
        ("--", None),
    ],
)
def test_parse_day(text: str, expected: date | None) -> None:
    assert parse_day(text, 2015) == expected


def test_countries() -> None:
    assert normalise_countries("the Russian Federation and China") == [
        "Russian Federation",
        "China",
    ]
    assert normalise_countries("USSR") == ["USSR"]


@pytest.mark.needs_shared
def test_veto_list_matches_dataset() -> None:
    vetoes = parse_veto_page((DHL / "scact_veto_table_en.html").read_text(encoding="utf-8"))
    assert len(vetoes) >= 210
    first = vetoes[0]
    assert (first.date, first.draft, first.meeting_record) == (
        date(2022, 5, 26),
        "S/2022/431",
        "S/PV.9048",
    )
    assert first.vetoed_by == ["China", "Russian Federation"]
    by_draft = {v.draft: v for v in vetoes}
    assert by_draft["S/2020/852"].vetoed_by == ["United States"]
    with open(SAMPLES / "vetoes-un-security-council" / "unsc_vetoes_1946_sept2022.csv") as f:
        rows = list(csv.DictReader(f))
    dataset = {r["draft"].strip() for r in rows}
    assert len(dataset & set(by_draft)) >= 0.9 * len(dataset)


def test_year_page_names() -> None:
    assert year_page_name(1993) == "scact1993_table_en.html"
    assert year_page_name(1994) == "scact1994_table_en.htm"
    assert year_page_name(2021) == "scact2021_table_en.htm"
    assert year_page_name(2022) == "scact2022_table_en.html"


@pytest.mark.needs_shared
def test_adapter_year_and_vetoes(fake_server: FakeServer, http_client: HttpClient) -> None:
    dhl = DhlSource(http_client, fake_server.url("dhl"))
    records = dhl.search(Query(kind="year", value="2015"))
    rec = next(r for r in records if r.title == "S/PV.7488, 20 July 2015")
    assert rec.source == "dhl" and rec.url.endswith("/dhl/scact2015_table_en.htm")
    assert rec.fields["outcomes"][0]["vote"] == [15, 0, 0]
    assert rec.fields["date"] == "2015-07-20"
    vetoes = dhl.search(Query(kind="vetoes", value=""))
    assert vetoes[0].fields["draft"] == "S/2022/431"
    assert dhl.search(Query(kind="person", value="x")) == []


@pytest.mark.needs_shared
def test_adapter_2020_merges_both_pages(fake_server: FakeServer, http_client: HttpClient) -> None:
    dhl = DhlSource(http_client, fake_server.url("dhl"))
    records = dhl.search(Query(kind="year", value="2020"))
    urls = {r.url.rsplit("/", 1)[-1] for r in records}
    assert urls == {"scact2020_table_en.htm", "SC_2020-revised.html"}
    assert fake_server.count("/dhl/SC_2020-revised.html") == 1


def test_adapter_unpublished_year_is_empty(
    fake_server: FakeServer, http_client: HttpClient
) -> None:
    dhl = DhlSource(http_client, fake_server.url("dhl"))
    assert dhl.search(Query(kind="year", value="2031")) == []
    assert fake_server.count("/dhl/scact2031_table_en.html") == 1


@pytest.mark.needs_shared
def test_adapter_fetches_and_parses_once_under_concurrency(
    fake_server: FakeServer, http_client: HttpClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    import checks.sources.dhl as dhl_module

    calls: list[int] = []
    real = dhl_module.parse_year_page

    def counting(text: str, year: int | None = None) -> list[Meeting]:
        calls.append(year or 0)
        return real(text, year)

    monkeypatch.setattr(dhl_module, "parse_year_page", counting)
    fake_server.delay = 0.1
    dhl = DhlSource(http_client, fake_server.url("dhl"))
    with ThreadPoolExecutor(max_workers=20) as pool:
        sizes = list(
            pool.map(lambda _: len(dhl.search(Query(kind="year", value="2016"))), range(20))
        )
    assert len(set(sizes)) == 1 and sizes[0] > 200
    assert fake_server.count("/dhl/scact2016_table_en.htm") == 1
    assert calls == [2016]


@pytest.mark.needs_shared
def test_error_page_with_200_is_parse_error_and_refetched(
    fake_server: FakeServer, http_client: HttpClient
) -> None:
    from checks.errors import SourceParseError

    path = "/dhl/scact2015_table_en.htm"
    fake_server.fault(path, times=1, body=b"<html><p>Service temporarily unavailable</p></html>")
    dhl = DhlSource(http_client, fake_server.url("dhl"))
    with pytest.raises(SourceParseError):
        dhl.search(Query(kind="year", value="2015"))
    assert len(dhl.search(Query(kind="year", value="2015"))) > 200
    assert fake_server.count(path) == 2
    with pytest.raises(ValueError):
        parse_veto_page("<html><table><tr><td>nothing</td></tr></table></html>")
