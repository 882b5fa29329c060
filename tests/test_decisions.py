"""The decisions index: merging DHL tables, veto list and votes database; disputes; faults."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from checks.config import Settings
from checks.decision_model import DecisionSource, Partial, check_partial, merge
from checks.decision_sources import DocLinks
from checks.decisions import DecisionIndex, build_decision_index
from checks.errors import SourceError
from checks.http import HttpClient
from tests.fakeserver import DHL_DIR, PREFIXES, VOTESDB_CSV, FakeServer
from tests.votesdb_csv import council, make_csv, vote_row

needs_samples = pytest.mark.skipif(
    not (VOTESDB_CSV.exists() and DHL_DIR.exists()),
    reason="../shared/samples (votes database and DHL tables) is not here",
)
LINKS = DocLinks("https://docs.un.org/en/")


def _record(source: str) -> DecisionSource:
    return DecisionSource(
        source, f"{source} record", f"http://x/{source}", "2026-01-01T00:00:00Z", ""
    )


def _partial(source: str, **kw: object) -> Partial:
    p = Partial(source=source, label=source, record=_record(source), **kw)  # type: ignore[arg-type]
    check_partial(p)
    return p


# -- merging, in code -----------------------------------------------------------------------
def test_sources_that_agree_give_each_field_its_provenance() -> None:
    day = date(2015, 7, 20)
    d = merge(
        "S/RES/2231(2015)",
        [
            _partial("votesdb", outcome="adopted", number=2231, date=day, vote=(15, 0, 0)),
            _partial(
                "dhl",
                outcome="adopted",
                number=2231,
                date=day,
                vote=(15, 0, 0),
                meeting="S/PV.7488",
            ),
        ],
        LINKS,
    )
    assert d.vote == (15, 0, 0) and d.unanimous is True and not d.disputes
    assert d.provenance["vote"] == ("votesdb", "dhl") and d.provenance["meeting"] == ("dhl",)
    assert d.document_url == "https://docs.un.org/en/S/RES/2231(2015)"
    assert d.meeting_url == "https://docs.un.org/en/S/PV.7488"


def test_a_veto_printed_without_a_vote_against_is_disputed_not_decided() -> None:
    day = date(2017, 2, 28)
    common = {"outcome": "vetoed", "draft": "S/2017/172", "date": day}
    d = merge(
        "S/2017/172",
        [
            _partial("dhl", vote=(13, 0, 2), vetoed_by=("China", "Russia"), **common),
            _partial("votesdb", vote=(13, 2, 0), vetoed_by=("China", "Russia"), **common),
        ],
        LINKS,
    )
    assert d.vote is None and d.unanimous is None
    assert d.disputes["vote"]["dhl"] == (13, 0, 2) and d.disputes["vote"]["votesdb"] == (13, 2, 0)
    assert "no vote against" in d.disputes["vote"]["impossible"]
    assert d.vetoed_by == ("China", "Russia") and d.outcome == "vetoed"
    assert d.document_url == "https://docs.un.org/en/S/2017/172"


def test_totals_beyond_the_council_and_adoption_without_a_majority_are_impossible() -> None:
    early = _partial("dhl", outcome="adopted", number=9, date=date(1946, 10, 15), vote=(12, 0, 0))
    assert "11 members" in early.impossible["vote"]
    weak = _partial("dhl", outcome="adopted", number=3000, date=date(2024, 1, 1), vote=(8, 0, 7))
    assert "9 votes" in weak.impossible["vote"]
    d = merge("S/RES/3000(2024)", [weak], LINKS)
    assert d.vote is None and "vote" in d.disputes


def test_member_cells_that_disagree_with_the_totals_are_left_out() -> None:
    members = {f"State {i}": "Y" for i in range(14)} | {"United States": "A"}
    p = Partial(
        source="votesdb",
        label="votesdb",
        record=_record("votesdb"),
        outcome="adopted",
        number=2728,
        date=date(2024, 3, 25),
        vote=(15, 0, 0),
        members=members,
    )
    check_partial(p, all_voted=True, all_members=True)
    d = merge("S/RES/2728(2024)", [p], LINKS)
    assert d.members == {} and "members" in d.disputes and d.vote == (15, 0, 0)


def test_different_dates_are_kept_as_a_dispute() -> None:
    d = merge(
        "S/RES/46(1948)",
        [
            _partial("votesdb", outcome="adopted", number=46, date=date(1948, 4, 17)),
            _partial("dhl", outcome="adopted", number=46, date=date(1948, 4, 16)),
        ],
        LINKS,
    )
    assert d.date is None and set(d.disputes["date"]) == {"votesdb", "dhl"}
    assert d.document_url == "https://docs.un.org/en/S/RES/46(1948)"


# -- the index through the fake server, without ../shared ----------------------------------------
DHL_2017 = """<html><body><table>
<tr><th colspan="5">Meetings conducted by the Security Council in 2017</th></tr>
<tr><th>Meeting<br />Record</th><th>Date</th><th>Press<br />Release</th><th>Topic</th>
<th>Security Council<br> Outcome / Vote</th></tr>
<tr><td><a href="https://undocs.org/en/S/PV.7999">S/PV.7999</a></td><td>20 June</td>
<td>SC/12999</td><td>Non-proliferation</td>
<td>Draft resolution <a href="https://undocs.org/en/S/2017/999">S/2017/999</a>
 vetoed by China and Russian Federation </br>13-0-2</br></td></tr>
<tr><td><a href="https://undocs.org/en/S/PV.7998">S/PV.7998</a></td><td>19 June</td>
<td>SC/12998</td><td>The situation in Somalia</td>
<td><a href="https://undocs.org/en/S/RES/2360(2017)">S/RES/2360 (2017)</a><br>15-0-0</td></tr>
</table></body></html>"""


def _own_db() -> bytes:
    return make_csv(
        [
            vote_row("S/RES/2360(2017)", "adopted", "2017-06-19", council(), number="2360"),
            vote_row("S/2017/999", "vetoed", "2017-06-20", council(CHINA="N", RUSSIA="N")),
            vote_row("S/2024/255", "vetoed", "2024-03-28", council(RUSSIA="N", CHINA="A", US="Y")),
        ]
    )


@pytest.fixture
def own_server(tmp_path: Path) -> Iterator[FakeServer]:
    """Serves only what the test registers (no ../shared pages)."""
    with FakeServer(samples=tmp_path / "none") as server:
        server.route(PREFIXES["votesdb"], _own_db(), content_type="text/csv")
        server.route("/dhl/scact2017_table_en.htm", DHL_2017, content_type="text/html")
        yield server


def _index(server: FakeServer, tmp_path: Path) -> tuple[DecisionIndex, HttpClient]:
    settings = Settings(
        connect_timeout=1.0,
        read_timeout=0.4,
        retries=1,
        backoff=0.01,
        cache_path=str(tmp_path / "cache" / "http.sqlite"),
        source_urls=server.source_urls(),
    )
    http = HttpClient(settings)
    return build_decision_index(http, settings), http


def test_dispute_between_the_tables_and_the_database(
    own_server: FakeServer, tmp_path: Path
) -> None:
    index, http = _index(own_server, tmp_path)
    with http:
        d = index.draft(" s/2017/999 ")
        assert d is not None and d.outcome == "vetoed" and d.vote is None
        assert d.disputes["vote"]["dhl"] == (13, 0, 2) and d.disputes["vote"]["votesdb"] == (
            13,
            2,
            0,
        )
        assert d.vetoed_by == ("China", "Russia") and d.meeting == "S/PV.7999"
        assert d.meeting_url == "https://docs.un.org/en/S/PV.7999"
        res = index.resolution(2360)
        assert res is not None and res.vote == (15, 0, 0) and res.unanimous is True
        assert {s.source for s in res.sources} == {"dhl", "votesdb"}
        attributions = [s.attribution for s in res.sources if s.source == "votesdb"]
        assert attributions and "CC BY 4.0" in attributions[0]
        assert [x.key for x in index.on(date(2017, 6, 20))] == ["S/2017/999"]
        assert index.on(date(2017, 6, 21)) == []


def test_after_the_tables_stop_the_database_answers_alone(
    own_server: FakeServer, tmp_path: Path
) -> None:
    index, http = _index(own_server, tmp_path)
    with http:
        d = index.draft("S/2024/255")
        assert d is not None and d.vote == (13, 1, 1) and d.vetoed_by == ("Russia",)
        assert d.members["China"] == "A" and [s.source for s in d.sources] == ["votesdb"]
        assert index.covered(date(2024, 3, 28)) and not index.covered(date(2024, 6, 1))
        assert index.resolution(2361) is None  # no covering source lists it


def test_database_down_the_tables_answer(own_server: FakeServer, tmp_path: Path) -> None:
    own_server.fault(PREFIXES["votesdb"], times=10, status=500)
    index, http = _index(own_server, tmp_path)
    with http:
        res = index.resolution(2360)
        assert res is not None and res.vote == (15, 0, 0) and res.unchecked == ("votesdb",)
        assert [s.source for s in res.sources] == ["dhl"]
        assert res.title == "The situation in Somalia"  # the agenda item, when alone
        assert [d.key for d in index.on(date(2017, 6, 19))] == ["S/RES/2360(2017)"]


def test_both_down_is_a_source_error(own_server: FakeServer, tmp_path: Path) -> None:
    own_server.fault(PREFIXES["votesdb"], times=10, status=500)
    own_server.fault("/dhl/scact2017_table_en.htm", times=10, status=503)
    index, http = _index(own_server, tmp_path)
    with http:
        with pytest.raises(SourceError):
            index.resolution(2360)
        with pytest.raises(SourceError):
            index.on(date(2017, 6, 19))
        with pytest.raises(SourceError):
            index.covered(date(2017, 6, 19))


# -- real rows (../shared) ------------------------------------------------------------------------
@pytest.fixture
def real_index(fake_server: FakeServer, fake_settings: Settings) -> Iterator[DecisionIndex]:
    with HttpClient(fake_settings) as http:
        yield build_decision_index(http, fake_settings)


@needs_samples
def test_real_rows(real_index: DecisionIndex) -> None:
    d = real_index.draft("S/2024/255")
    assert d.date == date(2024, 3, 28) and d.vote == (13, 1, 1) and d.outcome == "vetoed"
    assert d.vetoed_by == ("Russia",) and d.members["China"] == "A"
    assert d.provenance["vote"] == ("votesdb",)  # the DHL tables stop in June 2022
    d = real_index.draft("S/2025/583")
    assert (
        d.date == date(2025, 9, 18) and d.vote == (14, 1, 0) and d.vetoed_by == ("United States",)
    )
    r = real_index.resolution(2231)
    assert r.date == date(2015, 7, 20) and r.vote == (15, 0, 0) and r.unanimous
    assert set(r.provenance["vote"]) == {"dhl", "votesdb"} and r.meeting == "S/PV.7488"
    assert r.document_url == "https://docs.un.org/en/S/RES/2231(2015)"
    assert r.title.startswith("Joint Comprehensive Plan of Action") and r.agenda
    f = real_index.draft("S/2020/797")
    assert f.outcome == "failed" and f.vote == (2, 2, 11) and f.vetoed_by == ()
    assert f.document_url == "https://docs.un.org/en/S/2020/797"
    assert real_index.resolution(2728).members["United States"] == "A"


@needs_samples
def test_real_coverage_and_days(real_index: DecisionIndex) -> None:
    assert [d.key for d in real_index.on(date(2024, 3, 28))] == ["S/2024/255"]
    assert real_index.covered(date(2025, 12, 29)) and not real_index.covered(date(2026, 2, 2))
    assert "29 December 2025" in real_index.coverage_note(date(2026, 2, 2))
    early = real_index.drafts("S/PV.206")  # five votes at one 1947 meeting, no draft symbols
    assert len(early) == 5 and early[0].key == "S/PV.206#1"


@needs_samples
def test_real_database_faults_fall_back_to_the_tables(
    fake_server: FakeServer, fake_settings: Settings
) -> None:
    path = PREFIXES["votesdb"]
    for n, fault in enumerate(({"status": 500}, {"delay": 1.0}, {"truncate": True})):
        fake_server.fault(path, times=10, **fault)
        with HttpClient(fake_settings.with_(cache_path=fake_settings.cache_path + str(n))) as http:
            index = build_decision_index(http, fake_settings)
            r = index.resolution(2231)
            assert r is not None and r.vote == (15, 0, 0) and "votesdb" in r.unchecked
        fake_server.faults.clear()


@pytest.mark.parametrize(
    ("day", "vote", "unanimous"),
    [
        (date(1950, 6, 25), (9, 0, 1), False),
        (date(1950, 6, 25), (10, 0, 0), None),  # one member away: for the reviewer to judge
        (date(1957, 3, 7), (11, 0, 0), True),  # the whole Council of eleven
        (date(2024, 3, 25), (14, 0, 1), False),
        (date(2015, 7, 20), (15, 0, 0), True),
    ],
)
def test_unanimity_needs_every_member(day: date, vote: tuple, unanimous: bool | None) -> None:
    d = merge(
        "S/RES/1(x)", [_partial("dhl", outcome="adopted", number=1, date=day, vote=vote)], LINKS
    )
    assert d.unanimous is unanimous


def test_a_veto_without_the_votes_or_a_failure_with_them_is_impossible() -> None:
    vetoed = _partial(
        "dhl", outcome="vetoed", draft="S/2019/1", date=date(2019, 1, 1), vote=(8, 1, 6)
    )
    failed = _partial(
        "dhl", outcome="failed", draft="S/5134", date=date(1962, 6, 22), vote=(7, 2, 2)
    )
    for p in (vetoed, failed):
        d = merge(p.draft or "", [p], LINKS)
        assert "outcome" in d.disputes and d.outcome == "failed" and d.vetoed_by == ()


def test_a_number_printed_twice_in_a_table_keeps_the_row_the_database_dates() -> None:
    from checks.decisions import _one_dhl_row

    typo = _partial("dhl", outcome="adopted", number=663, date=date(1990, 9, 13), vote=(13, 2, 0))
    real = _partial("dhl", outcome="adopted", number=663, date=date(1990, 8, 14), vote=(15, 0, 0))
    db = _partial("votesdb", outcome="adopted", number=663, date=date(1990, 8, 14), vote=(15, 0, 0))
    assert _one_dhl_row([db, typo, real]) == [db, real]
    assert _one_dhl_row([typo, real]) == [real]  # without the database: the earliest meeting
    d = merge("S/RES/663(1990)", _one_dhl_row([db, typo, real]), LINKS)
    assert d.vote == (15, 0, 0) and not d.disputes


def test_veto_list_names_split_by_stray_end_tags() -> None:
    from checks.sources.dhl_parse import parse_veto_page

    page = """<table><tr><th>Date</th><th>Draft</th><th>Meeting Record</th><th>Agenda</th>
    <th>Member</th></tr>
    <tr><td>23 December 1989</td><td><a href="https://undocs.org/en/S/21048">S/21048</a></td>
    <td><a href="https://undocs.org/en/S/PV.2902">S/PV.2902</a></td>
    <td>The situation in Panama </td><td>France</br>UK</br> USA</td></tr></table>"""
    (veto,) = parse_veto_page(page)
    assert veto.vetoed_by == ["France", "United Kingdom", "United States"]
