"""The votes database adapter: parsing its quirks, fetching it through the one HTTP layer."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from checks.config import Settings
from checks.errors import SourceParseError, SourceTimeout, SourceUnavailable
from checks.http import HttpClient
from checks.sources.base import Query
from checks.sources.votesdb import (
    ATTRIBUTION,
    VotesDbFormatError,
    VotesDbSource,
    clean_symbol,
    member_name,
    parse_votes_csv,
)
from checks.sourcesctl import status, sync
from tests.fakeserver import PREFIXES, VOTESDB_CSV, FakeServer
from tests.votesdb_csv import council, make_csv, vote_row

needs_sample = pytest.mark.skipif(
    not VOTESDB_CSV.exists(), reason="../shared/samples/unsc-votes-sciencespo is not here"
)


def small_db() -> bytes:
    return make_csv(
        [
            vote_row(
                "S/3502",
                "vetoed",
                "1955-12-13",
                {"CHINA": "Y", "RUSSIAN FEDERATION/USSR": "N", "SRI LANKA/CEYLAN": "?"},
                title="Admission of new Members",
            ),
            vote_row(
                "S/4733/Rev. 1",
                "lack of maj.",
                "1961-02-20",
                {"EGYPT / UNITED ARAB REPUBLIC": "Y", "GERMANY, FEDERAL REPUBLIC OF": "A"},
                title="Situation in the Republic of the Congo",
            ),
            vote_row(
                "S/RES/2808(2025)",
                "adopted",
                "2025-12-19",
                council(),
                number="2808",
                title="Security Council resolution 2806 (2025) [on extension of the "
                "mandate of the UN Organization Stabilization Mission\nin the DRC]",
            ),
            vote_row("S/2025/583 ", "vetoed", "2025-09-18", council(US="N")),
        ]
    )


def test_parse_quirks_of_the_real_layout() -> None:
    rows = {r.row_id: r for r in parse_votes_csv(small_db())}
    assert len(rows) == 4
    early, congo, res, veto = rows[1], rows[2], rows[3], rows[4]
    # a '?' cell is unknown, not a vote; the USSR held the seat in 1955
    assert early.members == {"China": "Y", "USSR": "N"} and early.unknown_members == ("Ceylon",)
    assert congo.symbol == "S/4733/Rev.1" and congo.outcome == "failed"
    assert set(congo.members) == {
        "United Arab Republic",
        "Germany",
    }  # the FRG held the seat Germany holds
    # the resolution number comes from its column, never from the (wrong) title
    assert res.number == 2808 and res.symbol == "S/RES/2808(2025)"
    assert "2806" not in res.title and res.title.startswith("extension of the mandate")
    assert "\n" not in res.title
    assert veto.symbol == "S/2025/583" and veto.vote == (14, 1, 0)
    assert veto.members["United States"] == "N" and veto.members["Russia"] == "Y"
    assert veto.date == date(2025, 9, 18)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("S/2023/638 ", "S/2023/638"),
        ("S/PV.194 ", "S/PV.194"),
        ("S/10805/Rev.1 (as amended)", "S/10805/Rev.1"),
        ("S/471 and S/471/Add.1", "S/471"),
        ("s/2020/797", "S/2020/797"),
        ("S/RES/2231 (2015)", "S/RES/2231(2015)"),
        ("Oral amendment", ""),
    ],
)
def test_clean_symbol(raw: str, clean: str) -> None:
    assert clean_symbol(raw) == clean


def test_member_names_follow_the_seat_over_time() -> None:
    assert member_name("RUSSIAN FEDERATION/USSR", date(1991, 12, 23)) == "USSR"
    assert member_name("RUSSIAN FEDERATION/USSR", date(1991, 12, 24)) == "Russia"
    assert member_name("SRI LANKA/CEYLAN", date(1960, 1, 1)) == "Ceylon"
    assert member_name("SRI LANKA/CEYLAN", date(1998, 1, 1)) == "Sri Lanka"
    assert member_name("UNITED STATES", date(2000, 1, 1)) == "United States"
    assert member_name("KOREA", date(2024, 1, 1)) == "South Korea"
    assert member_name("IRAN (ISLAMIC REPUBLIC OF)", None) == "Iran"


def test_truncated_or_foreign_payloads_are_format_errors() -> None:
    data = small_db()
    with pytest.raises(VotesDbFormatError, match="numbered"):
        parse_votes_csv(data[: int(len(data) * 0.7)])  # cut off: the oldest rows are gone
    with pytest.raises(VotesDbFormatError, match="columns missing"):
        parse_votes_csv(b"<html><body>Service unavailable</body></html>")
    with pytest.raises(VotesDbFormatError):
        parse_votes_csv(b"")


@needs_sample
def test_the_real_file() -> None:
    rows = parse_votes_csv(VOTESDB_CSV.read_bytes())
    assert len(rows) == 3203
    by_symbol = {r.symbol: r for r in rows}
    r = by_symbol["S/2024/255"]
    assert r.outcome == "vetoed" and r.vote == (13, 1, 1) and r.date == date(2024, 3, 28)
    assert r.members["Russia"] == "N" and r.members["China"] == "A"
    assert by_symbol["S/RES/2231(2015)"].vote == (15, 0, 0)
    assert by_symbol["S/2020/797"].vote == (2, 2, 11)
    assert by_symbol["S/2023/638"].raw_symbol == "S/2023/638"
    assert sum(r.symbol == "S/3502" for r in rows) == 16
    # member cells agree with the totals wherever both are known
    for row in rows:
        if row.vote and not row.unknown_members and not row.without_vote:
            counted = tuple(sum(v == k for v in row.members.values()) for k in "YNA")
            assert counted == row.vote, row.raw_symbol


# -- fetching through the fake server ----------------------------------------------------------
def _source(http: HttpClient, server: FakeServer) -> VotesDbSource:
    return VotesDbSource(http, server.url("votesdb"))


def test_fetch_once_with_attribution(fake_server: FakeServer, http_client: HttpClient) -> None:
    fake_server.route(PREFIXES["votesdb"], small_db(), content_type="text/csv")
    src = _source(http_client, fake_server)
    found = src.search(Query(kind="draft", value="S/2025/583"))
    assert [r.fields["vote"] for r in found] == [[14, 1, 0]]
    assert found[0].fields["attribution"] == ATTRIBUTION and "CC BY 4.0" in ATTRIBUTION
    assert src.search(Query(kind="resolution", value="2808"))[0].fields["number"] == 2808
    assert src.search(Query(kind="date", value="1955-12-13"))[0].fields["symbol"] == "S/3502"
    assert src.search(Query(kind="resolution", value="2807")) == []
    assert fake_server.count(PREFIXES["votesdb"]) == 1


def test_server_errors_timeouts_and_truncation(
    fake_server: FakeServer, http_client: HttpClient
) -> None:
    path = PREFIXES["votesdb"]
    fake_server.route(path, small_db(), content_type="text/csv")
    src = _source(http_client, fake_server)
    fake_server.fault(path, times=3, status=500)
    with pytest.raises(SourceUnavailable):
        src.payload()
    fake_server.fault(path, times=3, delay=1.0)
    with pytest.raises(SourceTimeout):
        src.payload()
    fake_server.fault(path, times=1, truncate=True)
    with pytest.raises(SourceParseError):
        src.payload()
    assert len(src.payload().rows) == 4  # the cut-off body was not cached: fetched again


def test_missing_file_is_a_misconfigured_url(
    fake_server: FakeServer, http_client: HttpClient
) -> None:
    src = VotesDbSource(http_client, fake_server.base + "/votesdb/elsewhere.csv")
    with pytest.raises(Exception, match="CHECKS_VOTESDB_URL"):
        src.payload()


def test_status_and_sync_include_the_database(
    fake_server: FakeServer, fake_settings: Settings
) -> None:
    fake_server.route(PREFIXES["votesdb"], small_db(), content_type="text/csv")
    rows = {r["name"]: r for r in status(fake_settings)}
    assert rows["votesdb"]["reachable"] is True and "CC BY 4.0" in rows["votesdb"]["licence"]
    result = sync(fake_settings, range(2016, 2016))
    assert result["votesdb"] == 4 and "votesdb" not in result["failed"]


def test_print_env_points_at_the_fake_database() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "tests.fakeserver", "--print-env", "--port", "8765"],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parents[1],
    ).stdout
    assert "export CHECKS_VOTESDB_URL=http://127.0.0.1:8765/votesdb/unsc_votes_1946-2025.csv" in out


@needs_sample
def test_fake_server_serves_the_real_file(fake_server: FakeServer, http_client: HttpClient) -> None:
    payload = _source(http_client, fake_server).payload()
    assert len(payload.rows) == 3203 and payload.url == fake_server.url("votesdb")


def test_sync_then_offline_answers_from_the_cache(
    fake_server: FakeServer, fake_settings: Settings
) -> None:
    from checks.decisions import build_decision_index

    fake_server.route(PREFIXES["votesdb"], small_db(), content_type="text/csv")
    assert sync(fake_settings, range(2016, 2016))["votesdb"] == 4
    fake_server.stop()
    offline = fake_settings.with_(offline=True)
    with HttpClient(offline) as http:
        d = build_decision_index(http, offline).draft("S/2025/583")
        assert d is not None and d.vote == (14, 1, 0) and d.vetoed_by == ("United States",)
        assert d.sources[0].retrieved_at.endswith("Z") and d.sources[0].attribution == ATTRIBUTION
