"""'X was boycotting the Security Council in/since <a time>' against each member's votes.

The records are a small votes database in the real CSV layout (the Sciences Po columns), served
by a fake server that has nothing else: the Council of 1949-1950, where the USSR voted on 13
January 1950, did not vote from 17 January to 7 July, and voted again from September; India and
Egypt missed the two votes of 27 June only. Sentences are written for these tests in a wire
story's, a history site's and a newspaper's styles; the tests assert reason codes.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from checks.config import Settings
from checks.extract import extract_claims
from checks.models import Verdict
from checks.pipeline import check_claims
from tests.fakeserver import PREFIXES, FakeServer
from tests.votesdb_csv import HEAD, vote_row

P5 = ("CHINA", "FRANCE", "RUSSIAN FEDERATION/USSR", "UNITED KINGDOM", "UNITED STATES")
ELECTED_1949 = ("ARGENTINA", "CANADA", "CUBA", "EGYPT / UNITED ARAB REPUBLIC", "NORWAY", "UKRAINE")
ELECTED_1950 = ("CUBA", "ECUADOR", "EGYPT / UNITED ARAB REPUBLIC", "INDIA", "NORWAY", "YUGOSLAVIA")
ELECTED_1951 = ("BRAZIL", "ECUADOR", "INDIA", "NETHERLANDS", "TURKEY", "YUGOSLAVIA")
COLUMNS = tuple(dict.fromkeys((*P5, *ELECTED_1949, *ELECTED_1950, *ELECTED_1951)))
USSR, INDIA, EGYPT = "RUSSIAN FEDERATION/USSR", "INDIA", "EGYPT / UNITED ARAB REPUBLIC"


def roll(elected: tuple[str, ...], **votes: str) -> dict[str, str]:
    """Every member of the year in favour, except the columns given (USSR=..., INDIA=...)."""
    names = {"USSR": USSR, "EGYPT": EGYPT}
    out = dict.fromkeys((*P5, *elected), "Y")
    out.update({names.get(k, k.replace("_", " ")): v for k, v in votes.items()})
    return out


ROWS = [
    vote_row("S/1431", "vetoed", "1949-12-13", roll(ELECTED_1949, USSR="N", UKRAINE="N")),
    vote_row(
        "S/1443",
        "lack of maj.",
        "1950-01-13",
        roll(
            ELECTED_1950,
            CHINA="N",
            FRANCE="N",
            UNITED_STATES="N",
            CUBA="N",
            ECUADOR="N",
            EGYPT="N",
            NORWAY="A",
        ),
    ),
    vote_row(
        "S/RES/79(1950)",
        "adopted",
        "1950-01-17",
        roll(ELECTED_1950, USSR="NV", YUGOSLAVIA="NV"),
        number="79",
        title="reduction of armaments",
    ),
    vote_row(
        "S/RES/80(1950)",
        "adopted",
        "1950-03-14",
        roll(ELECTED_1950, USSR="NV", INDIA="A", YUGOSLAVIA="A"),
        number="80",
        title="India-Pakistan question",
    ),
    vote_row(
        "S/RES/82(1950)",
        "adopted",
        "1950-06-25",
        roll(ELECTED_1950, USSR="NV", YUGOSLAVIA="A"),
        number="82",
        title="complaint of aggression upon Korea",
    ),
    vote_row(
        "S/RES/83(1950)",
        "adopted",
        "1950-06-27",
        roll(ELECTED_1950, USSR="NV", INDIA="NV", EGYPT="NV", YUGOSLAVIA="N"),
        number="83",
        title="assistance to the Republic of Korea",
    ),
    vote_row(
        "S/1509",
        "lack of maj.",
        "1950-06-27",
        roll(
            ELECTED_1950,
            USSR="NV",
            INDIA="NV",
            EGYPT="NV",
            CHINA="N",
            FRANCE="N",
            UNITED_KINGDOM="N",
            UNITED_STATES="N",
            CUBA="N",
            ECUADOR="N",
            NORWAY="N",
        ),
        title="Korea",
    ),
    vote_row(
        "S/RES/84(1950)",
        "adopted",
        "1950-07-07",
        roll(ELECTED_1950, USSR="NV", INDIA="A", EGYPT="A", YUGOSLAVIA="A"),
        number="84",
        title="unified command in Korea",
    ),
    vote_row(
        "S/1653",
        "vetoed",
        "1950-09-05",
        roll(ELECTED_1950, USSR="N", YUGOSLAVIA="A"),
        title="Korea",
    ),
    vote_row(
        "S/RES/87(1950)",
        "adopted",
        "1950-09-29",
        roll(ELECTED_1950, CHINA="N", UNITED_STATES="N", CUBA="N", EGYPT="A"),
        number="87",
        title="Formosa",
    ),
    vote_row(
        "S/RES/90(1951)",
        "adopted",
        "1951-01-31",
        roll(ELECTED_1951),
        number="90",
        title="removal of the Korea question from the list of matters",
    ),
]


def votes_csv() -> bytes:
    """The rows in the database's layout: newest first, numbered 1..N from the oldest."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*HEAD, *COLUMNS])
    for i, row in enumerate(reversed(ROWS)):
        cells = [row.get(c, "") for c in (*HEAD[1:], *COLUMNS)]
        writer.writerow([str(len(ROWS) - i), *cells])
    return out.getvalue().rstrip("\n").encode("utf-8")


@pytest.fixture
def check(tmp_path: Path) -> Iterator:
    """Checks a text against the 1950 votes and nothing else (the encyclopaedia finds
    nothing, the UN tables are absent)."""
    wiki = Path(__file__).parent / "fixtures" / "wikipedia" / "search_nothing.json"
    with FakeServer(samples=tmp_path / "none") as server:
        server.route(PREFIXES["votesdb"], votes_csv(), content_type="text/csv")
        server.route("/wikipedia/api.php", wiki.read_bytes())
        server.route("/gdelt/", b"{}")
        settings = Settings(
            connect_timeout=1.0,
            read_timeout=0.4,
            retries=1,
            backoff=0.01,
            cache_path=str(tmp_path / "cache" / "http.sqlite"),
            source_urls=server.source_urls(),
        )

        def run(text: str, on: str | None) -> dict[str, Verdict]:
            """The verdict of each date claim, by the claim's text."""
            extraction = extract_claims(text, article_date=date.fromisoformat(on) if on else None)
            verdicts = check_claims(
                text, extraction.claims, extraction.article_date, settings=settings
            )
            return {c.text: verdicts[c.id] for c in extraction.claims if c.type == "date"}

        run.server = server  # type: ignore[attr-defined]
        yield run


def test_a_run_of_votes_without_the_member_supports_the_boycott(check) -> None:
    wire = check(
        "UNITED NATIONS, July 10 (AP) -- The Soviet Union was boycotting the Security Council "
        "in mid-1950, and its seat stayed empty as the Council voted on Korea.",
        "1950-07-10",
    )
    v = wire["mid-1950"]
    assert v.label == "supported" and v.reason == "date.boycott_on_record"
    assert "May to August" in v.explanation and "S/RES/82(1950)" in v.explanation
    assert any("CC BY" in e.excerpt for e in v.evidence)  # the database's credit line
    history = check(
        "The Soviet boycott of the Security Council in June 1950 meant that no veto could stop "
        "the resolutions on Korea.",
        "2020-06-25",
    )
    assert history["June 1950"].reason == "date.boycott_on_record"
    paper = check(
        "The Soviet Union, angry that Washington had kept Beijing out of the United Nations, "
        "boycotted the Security Council in mid-1950.",
        "1990-01-01",
    )
    assert paper["mid-1950"].label == "supported"  # the USSR's record, not Washington's


def test_since_a_month_needs_the_run_to_start_that_month(check) -> None:
    history = check(
        "On 27 June 1950 the Council called on members to help South Korea. The USSR, which "
        "had boycotted the Security Council since January 1950 over China's seat, could not "
        "block it.",
        "2019-06-27",
    )
    v = history["January 1950"]
    assert v.label == "supported" and v.reason == "date.boycott_on_record"
    assert "13 January 1950" in v.explanation and "27 June 1950" in v.explanation
    paper = check(
        "Moscow had stayed away from Security Council meetings since March 1950, when the "
        "Kashmir mediator was appointed.",
        "1950-07-01",
    )
    late = paper["March 1950"]
    assert late.label == "unverifiable" and late.reason == "date.boycott_mixed"  # began in January
    wire = check(
        "UNITED NATIONS, Sept. 30 (UP) -- The Council rejected a Soviet text on Formosa on 29 "
        "September 1950. The Soviet Union had boycotted the Security Council since January 1950.",
        "1950-09-30",
    )
    over = wire["January 1950"]  # it voted again on 5 September, before the day spoken of
    assert over.label == "unverifiable" and over.reason == "date.boycott_mixed"


def test_a_member_that_voted_throughout_contradicts_it(check) -> None:
    found = check(
        "PARIS -- France boycotted the U.N. Security Council in mid-1950, a columnist claimed.",
        "1950-09-30",
    )
    v = found["mid-1950"]
    assert v.label == "contradicted" and v.reason == "date.boycott_not_on_record"
    assert "S/RES/84(1950)" in v.explanation
    since = check(
        "On 7 July 1950 the Council set up a unified command in Korea. France had boycotted "
        "the Security Council since January 1950, a rival weekly wrote.",
        "1950-07-20",
    )
    v = since["January 1950"]  # voted on every vote from January to the 7 July spoken of
    assert v.label == "contradicted" and v.reason == "date.boycott_not_on_record"


def test_part_of_the_period_or_outside_the_records_decides_nothing(check) -> None:
    year = check(
        "In 1950, the Soviet Union boycotted the United Nations Security Council over the "
        "seating of Taipei's envoy.",
        "2010-01-01",
    )
    assert year["1950"].label == "unverifiable" and year["1950"].reason == "date.boycott_mixed"
    india = check("India stayed away from the Security Council in June 1950.", "1950-07-01")
    assert india["June 1950"].reason == "date.boycott_mixed"  # voted on the 25th, not the 27th
    before = check(
        "In early 1949, the Soviet Union was absent from the Security Council.", "1990-01-01"
    )
    assert before["early 1949"].label == "unverifiable"
    assert before["early 1949"].reason == "date.boycott_not_covered"


def test_a_votes_database_that_cannot_be_read_is_no_verdict(check) -> None:
    check.server.fault(PREFIXES["votesdb"], times=10, status=500)
    v = check("The Soviet Union boycotted the Security Council in mid-1950.", "1990-01-01")
    assert v["mid-1950"].label == "source_unavailable" and "votesdb" in v["mid-1950"].explanation


def test_other_boycotts_are_left_to_the_other_rules(check) -> None:
    council = check("Moscow boycotted the Security Council in mid-1950.", "1990-01-01")
    assert council["mid-1950"].reason == "date.boycott_on_record"
    two = check(
        "The Soviet Union, which in December 1949 had vetoed the Indonesian text, boycotted the "
        "Security Council in mid-1950.",
        "1990-01-01",
    )
    assert two["mid-1950"].reason == "date.boycott_on_record"
    assert not two["December 1949"].reason.startswith("date.boycott")  # the veto's date
    for text, said in (
        ("Moscow boycotted the Los Angeles Olympics in 1984.", "1984"),
        ("The Soviet Union and Yugoslavia boycotted the Security Council in mid-1950.", "mid-1950"),
        ("The Soviet Union ended its boycott of the Security Council in mid-1950.", "mid-1950"),
        ("In mid-1950, Moscow threatened to boycott the Security Council.", "mid-1950"),
        ("Moscow boycotted Security Council meetings on Kashmir in mid-1950.", "mid-1950"),
        ("Did the Soviet Union boycott the Security Council in mid-1950?", "mid-1950"),
    ):
        assert not check(text, "1990-01-01")[said].reason.startswith("date.boycott"), text
