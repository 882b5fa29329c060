"""Role and quotation rules: a title is judged at the time its sentence speaks of.

Real Wikidata answers for Vladimir Putin (Q7747, 22 "position held" statements, with the labels
of those positions) come from ../shared/samples/wikidata-nomenklatura, served by the fake
server; the Obama item is the constructed fixture in tests/fixtures/wikidata. The sentences are
written for these tests in several outlets' styles: wire ("then-Prime Minister X", "Prime
Minister X visited ... in 2010"), newspaper ("X, who was foreign minister at the time,") and
UN / feature style ("former senator X").
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from checks.extract import extract_claims
from checks.http import HttpClient
from checks.models import Claim, Verdict
from checks.sources.base import Query
from checks.sources.gdelt import GdeltSource
from checks.sources.wikidata import WikidataSource
from checks.verdicts.base import CheckContext, Services
from checks.verdicts.people import (
    bare_role,
    check_role,
    claim_time,
    judge_role,
    perspective,
    role_matches,
    time_of,
)
from checks.verdicts.quotes import check_quote
from tests.fakeserver import FakeRequest, FakeServer
from tests.test_wikidata import FIX
from tests.test_wikidata import handle as obama_handle

SAMPLES = Path(__file__).parents[2] / "shared" / "samples" / "wikidata-nomenklatura"
needs_samples = pytest.mark.skipif(
    not (SAMPLES / "wbgetentities_Q7747_full.json").exists(),
    reason="../shared/samples/wikidata-nomenklatura (real Wikidata answers) is not present",
)
API = "/wikidata/api.php"
JSON = {"Content-Type": "application/json; charset=utf-8"}


def putin_handle(req: FakeRequest) -> tuple[int, dict[str, str], bytes]:
    """Serve the real answers: the full Q7747 entity, and position labels merged from the
    one-item label answers, as one batched `wbgetentities` call would return them."""
    q = {k: v[0] for k, v in req.query.items()}
    if q.get("action") == "wbsearchentities":
        name = "search_vladimir_putin.json" if q.get("search") == "Vladimir Putin" else None
        body = (FIX / (name or "search_empty.json")).read_bytes()
        return 200, JSON, body
    if q.get("props") == "labels":
        entities: dict[str, Any] = {}
        for qid in q.get("ids", "").split("|"):
            path = SAMPLES / f"wbgetentities_{qid}_labels.json"
            if path.exists():
                entities.update(json.loads(path.read_text("utf-8"))["entities"])
        return 200, JSON, json.dumps({"entities": entities, "success": 1}).encode()
    if q.get("ids") == "Q7747":
        return 200, JSON, (SAMPLES / "wbgetentities_Q7747_full.json").read_bytes()
    return 200, JSON, (FIX / "entities_missing.json").read_bytes()


@pytest.fixture
def services(fake_server: FakeServer, fake_settings) -> Iterator[Services]:
    settings = fake_settings.with_(retries=0)
    client = HttpClient(settings)
    yield Services(
        wikidata=WikidataSource(client, settings.url("wikidata")),
        gdelt=GdeltSource(client, settings.url("gdelt")),
    )
    client.close()


def role_claim(sentence: str, on: str, time: dict[str, str] | None = None) -> Claim:
    """The role claim the extractor finds in `sentence`, linked to `time` when given (as the
    extraction's link step stores it) and to no time otherwise (the article's date then)."""
    claims = [
        c
        for c in extract_claims(sentence, article_date=date.fromisoformat(on)).claims
        if c.type == "role"
    ]
    assert len(claims) == 1, [c.text for c in claims]
    claim = claims[0]
    claim.links = {"time": time} if time else {}
    return claim


def judge(services: Services, claim: Claim, on: str) -> Verdict:
    ctx = CheckContext(
        text=claim.sentence, article_date=date.fromisoformat(on), claims=[claim], services=services
    )
    return check_role(claim, ctx)


IN_2010 = {"date": "2010", "precision": "year", "basis": "date in sentence"}


# --- the time a sentence speaks of (pure) --------------------------------------------------------
def test_claim_time_reads_the_link_and_falls_back_to_the_article_date() -> None:
    linked = Claim(
        "r1", "role", 0, 1, "x", "x", {"role": "Prime Minister"}, links={"time": IN_2010}
    )
    when = claim_time(linked, date(2020, 5, 1))
    assert (when.lo, when.hi, when.basis) == (
        date(2010, 1, 1),
        date(2010, 12, 31),
        "date in sentence",
    )
    bare = Claim("r2", "role", 0, 1, "x", "x", {"role": "Prime Minister"})
    when = claim_time(bare, date(2020, 5, 1))
    assert (when.lo, when.hi, when.basis) == (date(2020, 5, 1), date(2020, 5, 1), "article date")
    then = Claim("r3", "role", 0, 1, "x", "x", {"role": "then-Prime Minister"})
    when = claim_time(then, date(2020, 5, 1))
    assert when.hi == date(2020, 5, 1) and when.basis == "before the article"
    month = time_of("2009-03-17", "month", "decision date")
    assert (month.lo, month.hi) == (date(2009, 3, 1), date(2009, 3, 31))


@pytest.mark.parametrize(
    ("role", "bare", "view"),
    [
        ("Then-Prime Minister", "Prime Minister", "then"),
        ("who was foreign minister at the time", "foreign minister", "then"),
        ("Former ambassador", "ambassador", "former"),
        ("ex-Foreign Minister", "Foreign Minister", "former"),
        ("Deputy Foreign Minister", "Deputy Foreign Minister", "at"),
    ],
)
def test_words_that_place_a_title_in_time(role: str, bare: str, view: str) -> None:
    assert bare_role(role) == bare and perspective(role) == view


@pytest.mark.parametrize(
    ("claimed", "position", "matches"),
    [
        ("Deputy Foreign Minister", "Deputy Minister of Foreign Affairs of Russia", True),
        ("President", "President of the United States", True),
        ("Foreign Minister", "Deputy Minister of Foreign Affairs", False),
        ("Ambassador to Moscow", "Ambassador of Iran to Russia", False),
        ("spokeswoman", "spokesperson of the Ministry of Foreign Affairs", True),
        ("who was prime minister at the time", "Prime Minister of Russia", True),
        ("President", "Acting President of Russia", False),
    ],
)
def test_role_matching_is_rank_aware(claimed: str, position: str, matches: bool) -> None:
    assert role_matches(claimed, position) is matches


# --- real Wikidata answers (Vladimir Putin, Q7747) -------------------------------------------
@pytest.fixture
def putin(fake_server: FakeServer, services: Services) -> Services:
    fake_server.route(API, putin_handle)
    return services


@needs_samples
def test_a_title_held_in_the_year_the_sentence_names_is_supported(putin: Services) -> None:
    claim = role_claim("Prime Minister Vladimir Putin visited Iran in 2010.", "2020-06-01", IN_2010)
    verdict = judge(putin, claim, "2020-06-01")
    assert (verdict.label, verdict.reason) == ("supported", "role.held_at_time")
    assert "Q7747" in verdict.explanation and verdict.evidence


@needs_samples
@pytest.mark.parametrize(
    ("sentence", "label", "reason"),
    [
        # wire: title before the name, a year in the sentence (the example)
        ("Prime Minister Vladimir Putin visited Iran in 2010.", "supported", "role.held_at_time"),
        # newspaper: appositive "then prime minister", a month in the sentence
        (
            "Vladimir Putin, then prime minister, flew to Beijing in October 2009.",
            "supported",
            "role.held_at_time",
        ),
        # wire: "then-" title in a sentence about a year he was president
        (
            "In May 2005, then-Prime Minister Vladimir Putin opened the plant.",
            "partly_supported",
            "role.held_at_other_time",
        ),
    ],
)
def test_the_time_linked_at_extraction_is_the_time_judged(putin, sentence, label, reason) -> None:
    claims = extract_claims(sentence, article_date=date(2020, 6, 1)).claims
    claim = next(c for c in claims if c.type == "role")
    assert claim.links["time"]["basis"] == "date in sentence"
    verdict = judge(putin, claim, "2020-06-01")
    assert (verdict.label, verdict.reason) == (label, reason), verdict.explanation


@needs_samples
def test_a_title_out_of_date_at_writing_is_a_note_not_a_contradiction(putin: Services) -> None:
    # No time linked: judged at the article's date, when Putin was president, not premier.
    claim = role_claim("Prime Minister Vladimir Putin visited Iran.", "2020-06-01")
    verdict = judge(putin, claim, "2020-06-01")
    assert (verdict.label, verdict.reason) == ("partly_supported", "role.out_of_date_at_writing")
    assert "2008-05-08 to 2012-05-07" in verdict.explanation  # says when it was held


@needs_samples
def test_wire_style_then_title_without_a_date(putin: Services) -> None:
    claim = role_claim(
        "Then-Prime Minister Vladimir Putin signed the gas agreement with Ankara.", "2020-06-01"
    )
    verdict = judge(putin, claim, "2020-06-01")
    assert (verdict.label, verdict.reason) == ("supported", "role.held_at_time")


@needs_samples
def test_then_title_in_a_year_it_was_not_held(putin: Services) -> None:
    claim = role_claim(
        "Then-Prime Minister Vladimir Putin addressed the summit in 2005.",
        "2020-06-01",
        {"date": "2005", "precision": "year", "basis": "date in sentence"},
    )
    verdict = judge(putin, claim, "2020-06-01")
    assert verdict.label == "partly_supported" and verdict.reason == "role.held_at_other_time"


@needs_samples
def test_newspaper_style_who_was_at_the_time(putin: Services) -> None:
    claim = role_claim(
        "Vladimir Putin, who was prime minister at the time, ordered the gas cut.",
        "2019-01-10",
        {"date": "2009-01", "precision": "month", "basis": "date in sentence"},
    )
    verdict = judge(putin, claim, "2019-01-10")
    assert (verdict.label, verdict.reason) == ("supported", "role.held_at_time")


@needs_samples
def test_same_office_at_another_rank_for_the_whole_time_is_contradicted(putin: Services) -> None:
    day = {"date": "2010-03-15", "precision": "day", "basis": "date in sentence"}
    claim = role_claim(
        "Deputy Prime Minister Vladimir Putin met the delegation.", "2010-03-16", day
    )
    verdict = judge(putin, claim, "2010-03-16")
    assert (verdict.label, verdict.reason) == ("contradicted", "role.other_rank_at_time")
    assert "Q7747" in verdict.explanation and "Prime Minister of Russia" in verdict.found


@needs_samples
def test_another_rank_for_only_part_of_a_year_is_not_a_contradiction(putin: Services) -> None:
    # He became Prime Minister in August 1999: earlier that year another title may have been
    # right, so the year cannot contradict the claim.
    year = {"date": "1999", "precision": "year", "basis": "date in sentence"}
    claim = role_claim(
        "Deputy Prime Minister Vladimir Putin met the delegation.", "2000-01-10", year
    )
    verdict = judge(putin, claim, "2000-01-10")
    assert verdict.label == "unverifiable" and verdict.reason == "role.position_not_listed"


@needs_samples
def test_another_rank_is_never_a_contradiction_for_an_uncertain_person(putin: Services) -> None:
    records = putin.wikidata.search(Query(kind="person", value="Vladimir Putin"))
    assert records and records[0].fields["identity"]["sure"] is True
    doubtful = [copy.deepcopy(r) for r in records]
    for r in doubtful:
        r.fields["identity"] = {**r.fields["identity"], "sure": False, "namesakes": ["Q1"]}
    when = time_of("2010-03-15", "day", "date in sentence")
    verdict = judge_role(
        "Vladimir Putin", "Deputy Prime Minister", doubtful, when, date(2010, 3, 16)
    )
    assert verdict.label == "unverifiable"


# --- the constructed Obama item ---------------------------------------------------------------
@pytest.fixture
def obama(fake_server: FakeServer, services: Services) -> Services:
    fake_server.route(API, obama_handle)
    return services


@pytest.mark.parametrize(
    ("sentence", "on", "label", "reason"),
    [
        (
            "Former senator Barack Obama spoke at the rally.",
            "2015-07-20",
            "supported",
            "role.former_fits",
        ),
        (
            "Former President Barack Obama urged restraint.",
            "2019-07-20",
            "supported",
            "role.former_fits",
        ),
        (
            "Former President Barack Obama urged restraint.",
            "2015-07-20",
            "partly_supported",
            "role.former_but_still_held",
        ),
        (
            "US President Barack Obama welcomed the deal.",
            "2015-07-20",
            "supported",
            "role.held_at_time",
        ),
        (
            "US President Barack Obama welcomed the deal.",
            "2019-07-20",
            "partly_supported",
            "role.out_of_date_at_writing",
        ),
    ],
)
def test_former_and_present_titles(obama, sentence, on, label, reason) -> None:
    verdict = judge(obama, role_claim(sentence, on), on)
    assert (verdict.label, verdict.reason) == (label, reason), verdict.explanation


def test_coarse_dates_that_do_not_settle_the_time(obama: Services) -> None:
    records = obama.wikidata.search(Query(kind="person", value="Barack Obama"))
    state = "member of the Illinois Senate"
    mid_1997 = time_of("1997-06-01", "day", "date in sentence")  # Wikidata: from "1997"
    verdict = judge_role("Barack Obama", state, records, mid_1997, date(2020, 1, 1))
    assert (verdict.label, verdict.reason) == ("unverifiable", "role.dates_unsettled")
    in_1997 = time_of("1997", "year", "date in sentence")  # at some point of 1997: surely
    verdict = judge_role("Barack Obama", state, records, in_1997, date(2020, 1, 1))
    assert (verdict.label, verdict.reason) == ("supported", "role.held_at_time")


def test_a_position_of_another_state_is_not_the_title_claimed(obama: Services) -> None:
    verdict = judge(
        obama, role_claim("French President Barack Obama spoke.", "2015-07-20"), "2015-07-20"
    )
    assert (verdict.label, verdict.reason) == ("unverifiable", "role.position_not_listed")


def test_with_no_date_at_all_the_time_cannot_be_compared(obama: Services) -> None:
    records = obama.wikidata.search(Query(kind="person", value="Barack Obama"))
    verdict = judge_role("Barack Obama", "President", records, None, None)
    assert (verdict.label, verdict.reason) == ("unverifiable", "role.time_unknown")
    assert "2009-01-20 to 2017-01-20" in verdict.explanation


def test_a_person_wikidata_does_not_know(obama: Services) -> None:
    claim = role_claim("Foreign Minister Zzyzx Nobody arrived in Geneva.", "2020-01-01")
    claim.value["person"] = "Zzyzx Nobody"
    verdict = judge(obama, claim, "2020-01-01")
    assert (verdict.label, verdict.reason) == ("not_found", "role.person_not_in_wikidata")


# --- quotations ---------------------------------------------------------------------------
def quote_claim(quote: str, speaker: str) -> Claim:
    return Claim(
        "q1", "quote", 0, 10, quote, quote, {"quote": quote, "speaker": speaker}, origin="reviewer"
    )


def check(services: Services, claim: Claim) -> Verdict:
    ctx = CheckContext(text="", article_date=date(2020, 10, 19), claims=[claim], services=services)
    return check_quote(claim, ctx)


@pytest.mark.parametrize(
    ("quote", "speaker", "missing"),
    [
        ("", "", "missing the quoted words and the speaker"),
        ("We will not yield", "", "missing the speaker"),
        ("", "Ali Rezai", "missing the quoted words"),
    ],
)
def test_an_incomplete_quote_says_what_is_missing_and_searches_nothing(
    services, fake_server, quote, speaker, missing
) -> None:
    fake_server.route("/gdelt/", b"{}")
    verdict = check(services, quote_claim(quote, speaker))
    assert (verdict.label, verdict.reason) == ("unverifiable", "quote.incomplete")
    assert missing in verdict.explanation
    assert "unnamed speaker" not in verdict.explanation and "carries" not in verdict.explanation
    assert fake_server.count("/gdelt/") == 0


def test_a_searched_quote_names_the_archives_searched(services, fake_server) -> None:
    fake_server.route("/gdelt/", b"{}")
    verdict = check(services, quote_claim("We will never accept these sanctions", "Ali Rezai"))
    assert (verdict.label, verdict.reason) == ("unverifiable", "quote.not_in_archives")
    assert "GDELT" in verdict.explanation
    assert fake_server.count("/gdelt/") >= 1
