"""Verdict rules, each a table of (sentence, article date) -> label + explanation fragment.

Sentences are written for these tests; the records are the real Dag Hammarskjöld Library
pages in ../shared/samples, served by the fake server. The traps the issue names are here:
a failed draft called vetoed, "unanimous" with an abstention, a wrong weekday, a typo'd
resolution number, and a source that fails (which must never yield a decisive verdict).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from checks.extract import extract_claims
from checks.models import Evidence, Verdict
from checks.pipeline import check_claims
from checks.verdicts.engine import enforce_evidence
from checks.verdicts.people import role_matches
from tests.fakeserver import PREFIXES
from tests.test_undl import FIX as UNDL_FIX
from tests.test_undl import XML, search_route
from tests.test_wikidata import handle as wikidata_handle

VOTESDB = PREFIXES.get("votesdb", "/votesdb/")


@pytest.fixture
def bare_check(fake_settings):
    """Checks against a server that has the UN tables and nothing else."""

    def run(text: str, on: str, kind: str | None = None):
        extraction = extract_claims(text, article_date=date.fromisoformat(on))
        verdicts = check_claims(
            text, extraction.claims, extraction.article_date, settings=fake_settings
        )
        pairs = [(c, verdicts[c.id]) for c in extraction.claims]
        return [(c, v) for c, v in pairs if kind is None or c.type == kind]

    return run


@pytest.fixture
def check(bare_check, fake_server):
    """Checks against a server whose encyclopaedia and archives know nothing of the story
    (valid, empty answers), unless a test routes them to fixtures."""
    wiki = Path(__file__).parent / "fixtures" / "wikipedia"
    fake_server.route("/wikipedia/api.php", (wiki / "search_nothing.json").read_bytes())
    fake_server.route("/gdelt/", b"{}")
    return bare_check


def one(pairs):
    assert len(pairs) == 1, [(c.text, v.label) for c, v in pairs]
    return pairs[0]


RESOLUTION_TABLE = [
    (
        "Resolution 2231 on the Iran nuclear programme was adopted in July 2015.",
        "2015-07-21",
        "supported",
        "20 July 2015",
    ),
    # what the sentence says it did is not in the official title: not checked, so not "supported"
    (
        "The Council endorsed the Iran nuclear deal in resolution 2231.",
        "2015-07-21",
        "partly_supported",
        "not checked",
    ),
    (
        "The Iran nuclear deal was endorsed in resolution 2231 (2016).",
        "2016-02-01",
        "contradicted",
        "adopted in 2015",
    ),
    (
        "North Korea faces new sanctions under resolution 9999.",
        "2017-12-27",
        "not_found",
        "list no",
    ),
    (
        "The General Assembly resolution 377 was invoked.",
        "2022-03-01",
        "unverifiable",
        "General Assembly",
    ),
]


@pytest.mark.needs_shared
@pytest.mark.parametrize(("text", "on", "label", "fragment"), RESOLUTION_TABLE)
def test_resolution_rule(check, text, on, label, fragment):
    _claim, verdict = one(check(text, on, "resolution"))
    assert verdict.label == label, verdict.explanation
    assert fragment in verdict.explanation
    assert verdict.rule.startswith("resolution.") and verdict.rule_version


@pytest.mark.needs_shared
def test_typo_in_resolution_number_is_named(check):
    text = (
        "The Council tightened sanctions on North Korea in resolution 2397 in December. "
        "Under resolution 2379, the Council demanded that North Korea halt its missile launches."
    )
    pairs = dict((c.value["number"], v) for c, v in check(text, "2017-12-28", "resolution"))
    assert pairs[2397].label == "supported"
    assert pairs[2379].label == "contradicted"
    assert "typo for 2397" in pairs[2379].explanation
    cited = " ".join(e.excerpt + e.title for e in pairs[2379].evidence)
    assert "2379" in cited and "2397" in cited  # both records are cited
    assert pairs[2379].reason == "resolution.likely_typo"


VOTE_TABLE = [
    # a draft that failed for lack of votes was not vetoed
    (
        "Russia vetoed the US draft S/2020/797 on extending the Iran arms embargo.",
        "2020-08-15",
        "contradicted",
        "failed for lack of votes",
    ),
    (
        "The United States vetoed draft S/2020/852 on foreign terrorist fighters, which had 14 votes in favour.",
        "2020-09-01",
        "supported",
        "14-1-0",
    ),
    # "unanimous" with an abstention is wrong in UN usage
    (
        "On Friday the Council unanimously adopted resolution 2334 (2016) on Israeli settlements.",
        "2016-12-24",
        "contradicted",
        "unanimous, but the record is 14-0-1",
    ),
    (
        "Resolution 2334 (2016) on Israeli settlements was adopted by 14 votes to none, with the United States abstaining.",
        "2016-12-24",
        "supported",  # the votes database has who voted how
        "who voted how",
    ),
    (
        "The Council adopted resolution 2231 (2015) on Iran by 14-0-1.",
        "2015-07-21",
        "contradicted",
        "record: 15",
    ),
    (
        "The Council unanimously adopted resolution 2397 (2017) on North Korea.",
        "2017-12-23",
        "supported",
        "15-0-0",
    ),
]


@pytest.mark.needs_shared
@pytest.mark.parametrize(("text", "on", "label", "fragment"), VOTE_TABLE)
def test_vote_rule(check, text, on, label, fragment):
    _claim, verdict = one(check(text, on, "vote"))
    assert verdict.label == label, verdict.explanation
    assert fragment in verdict.explanation or fragment in (verdict.found or "")


@pytest.mark.needs_shared
def test_vote_found_by_date_and_topic_when_no_symbol_is_given(check):
    text = (
        "The Security Council on Friday rejected a US draft resolution to extend the arms "
        "embargo on Iran, with 2 votes in favour, 2 against and 11 abstentions."
    )
    _claim, verdict = one(check(text, "2020-08-15", "vote"))
    assert verdict.label == "supported"
    assert "S/2020/797" in verdict.explanation and "14 August 2020" in verdict.explanation


def test_vote_with_no_matching_decision_is_not_decided(check):
    _claim, verdict = one(
        check("The council voted 9-3-3 on the fisheries text.", "2019-05-05", "vote")
    )
    assert verdict.label == "unverifiable"


@pytest.mark.needs_shared
def test_named_members_are_checked_against_the_per_member_record(check, fake_server):
    fake_server.route("/undl/search", search_route)
    text = (
        "On 14 August the Council rejected draft S/2020/797 on the Iran arms embargo: "
        "China and Russia voted against it."
    )
    _claim, verdict = one(check(text, "2020-08-15", "vote"))
    assert verdict.label == "supported", verdict.explanation
    assert "who voted how" in verdict.explanation and verdict.reason == "vote.members_match"
    assert any(e.source in {"undl", "votesdb"} for e in verdict.evidence)


@pytest.mark.needs_shared
def test_wrong_member_named_is_contradicted(check, fake_server):
    fake_server.route("/undl/search", search_route)
    text = "Draft S/2020/797 on the Iran arms embargo failed after France voted against it."
    _claim, verdict = one(check(text, "2020-08-15", "vote"))
    assert verdict.label == "contradicted"
    assert "France not recorded as against" in verdict.explanation


DATE_TABLE = [
    (
        "Resolution 2371 of 5 August 2017 banned North Korean coal exports.",
        "2017-08-10",
        "supported",
        "same day",
    ),
    (
        "Resolution 2371 of 6 August 2017 banned North Korean coal exports.",
        "2017-08-10",
        "contradicted",
        "5 August 2017",
    ),
    (
        "On Tuesday, 20 July 2015, the Council endorsed the nuclear deal with Iran.",
        "2015-07-21",
        "contradicted",
        "was a Monday",
    ),
    (
        "The Security Council on Friday rejected a US draft resolution on the Iran arms embargo.",
        "2020-08-15",
        "supported",
        "S/2020/797",
    ),
    (
        "The foreign minister said on Sunday that talks would resume.",
        "2020-10-18",
        "unverifiable",
        "not about a Council decision",
    ),
    # a date in the same sentence as a resolution but about another event is not compared with it
    (
        "Under resolution 2231, the arms embargo on Iran ended on 18 October 2020.",
        "2020-10-19",
        "unverifiable",
        "",
    ),
]


@pytest.mark.needs_shared
@pytest.mark.parametrize(("text", "on", "label", "fragment"), DATE_TABLE)
def test_date_rule(check, text, on, label, fragment):
    pairs = [(c, v) for c, v in check(text, on, "date") if c.value.get("precision") == "day"]
    _claim, verdict = one(pairs)
    assert verdict.label == label, verdict.explanation
    assert fragment in verdict.explanation


NUMBER_TABLE = [
    ("The 15-member Council met on Monday.", "2020-10-19", "supported", "15 members since 1966"),
    ("The 11-member Council met on Monday.", "2020-10-19", "contradicted", "15 members"),
    ("The 11-member Council met on Monday.", "1960-10-19", "supported", "11 members"),
    (
        "The draft fell short of the nine votes required for adoption.",
        "2020-08-15",
        "supported",
        "Article 27",
    ),
    (
        "The draft fell short of the seven votes required for adoption.",
        "2020-08-15",
        "contradicted",
        "needs 9",
    ),
    (
        "With 60 days left until the US presidential election, the campaign intensified.",
        "2024-09-06",
        "supported",
        "5 November 2024",
    ),
    (
        "With 70 days left until the US presidential election, the campaign intensified.",
        "2024-09-06",
        "contradicted",
        "60 days",
    ),
    ("The agency employs 300 staff in the region.", "2024-09-06", "unverifiable", "No rule"),
    # other councils are not the Security Council
    ("The 47-member Human Rights Council met in Geneva.", "2024-09-06", "unverifiable", "No rule"),
    ("The 46-member Council of Europe adopted the text.", "2024-09-06", "unverifiable", "No rule"),
]


@pytest.mark.parametrize(("text", "on", "label", "fragment"), NUMBER_TABLE)
def test_number_rule(check, text, on, label, fragment):
    _claim, verdict = one(check(text, on, "number"))
    assert verdict.label == label, verdict.explanation
    assert fragment in verdict.explanation


@pytest.mark.needs_shared
def test_ordinal_count_of_resolutions_on_a_topic_comes_from_the_records(check):
    text = (
        "UNSCR 2375 is the second resolution adopted this year on North Korea's nuclear programme."
    )
    _claim, verdict = one(check(text, "2017-09-12", "number"))
    assert verdict.label == "contradicted"  # 2345, 2356 and 2371 came before it in 2017
    assert "2356" in verdict.explanation and "2371" in verdict.explanation


def test_role_is_checked_against_wikidata_positions(check, fake_server):
    fake_server.route("/wikidata/api.php", wikidata_handle)
    _claim, verdict = one(
        check("US President Barack Obama welcomed the deal.", "2015-07-20", "role")
    )
    assert verdict.label == "supported"
    assert "President of the United States" in verdict.explanation
    _claim, verdict = one(
        check("US President Barack Obama welcomed the deal.", "2019-07-20", "role")
    )
    # A title held at another time is not supported (the role rule says how it differs).
    assert verdict.label in {"partly_supported", "contradicted"}, verdict.explanation


@pytest.mark.parametrize(
    ("claimed", "position", "matches"),
    [
        ("Deputy Foreign Minister", "Deputy Minister of Foreign Affairs of Russia", True),
        ("President", "President of the United States", True),
        ("Foreign Minister", "Deputy Minister of Foreign Affairs", False),
        ("Ambassador to Moscow", "Ambassador of Iran to Russia", False),
        ("spokeswoman", "spokesperson of the Ministry of Foreign Affairs", True),
    ],
)
def test_role_matching(claimed, position, matches):
    assert role_matches(claimed, position) is matches


def test_quote_is_never_decided_without_the_text(check, fake_server):
    fake_server.route("/gdelt/", b"{}")  # the archive knows no report of it
    text = '"We will never accept these sanctions," the minister Ali Rezai said on Monday.'
    _claim, verdict = one(check(text, "2020-10-19", "quote"))
    assert verdict.label == "unverifiable"


# --- a source that fails is never a verdict --------------------------------------------------
SENTENCES = (
    "The Council unanimously adopted resolution 2397 (2017) on North Korea on 22 December 2017. "
    "Draft S/2020/797 on Iran failed by 2 votes in favour, 2 against and 11 abstentions."
)


@pytest.mark.needs_shared
@pytest.mark.parametrize(
    "fault",
    [
        {"status": 500},
        {"status": 429, "headers": {"Retry-After": "0"}},
        {"delay": 1.0},
        {"truncate": True},
    ],
)
def test_a_failing_source_never_yields_a_decisive_verdict(check, fake_server, fault):
    fake_server.fault(VOTESDB, times=100, **fault)
    for year in (2017, 2020):
        for name in (f"/dhl/scact{year}_table_en.htm", "/dhl/SC_2020-revised.html"):
            fake_server.fault(name, times=100, **fault)
    for claim, verdict in check(SENTENCES, "2020-08-15"):
        if claim.type in {"resolution", "vote"} or claim.value.get("precision") == "day":
            assert verdict.label in {"source_unavailable", "unverifiable"}, (
                claim.text,
                verdict.label,
            )
        assert verdict.label not in {"supported", "contradicted"} or claim.type == "number"
    labels = {v.label for c, v in check(SENTENCES, "2020-08-15", "resolution")}
    assert labels == {"source_unavailable"}


def test_source_unavailable_offers_a_retry(check, fake_server):
    fake_server.fault("/dhl/scact2017_table_en.htm", times=100, status=503)
    fake_server.fault(VOTESDB, times=100, status=503)
    _claim, verdict = check(
        "Resolution 2397 (2017) targets North Korea.", "2017-12-28", "resolution"
    )[0]
    assert verdict.label == "source_unavailable" and verdict.retryable is True
    assert "says nothing about the claim" in verdict.explanation


def test_decisive_verdict_without_evidence_is_downgraded():
    bare = Verdict(label="supported", explanation="looks right", rule="x", rule_version="v1")
    assert enforce_evidence(bare).label == "unverifiable"
    cited = Verdict(
        label="supported",
        explanation="ok",
        rule="x",
        rule_version="v1",
        evidence=[Evidence("dhl", "t", "u", "e", "2020-01-01T00:00:00Z")],
    )
    assert enforce_evidence(cited).label == "supported"


def test_every_verdict_names_its_rule_and_version(check):
    for _claim, verdict in check(SENTENCES, "2020-08-15"):
        assert verdict.rule and verdict.rule_version.startswith("v")
        for ev in verdict.evidence:
            assert ev.source and (ev.url or ev.source in {"calendar", "un-charter"})


def test_fixtures_exist():
    assert (Path(UNDL_FIX) / "sc_s2020_797_voting.xml").exists() and XML


def test_a_misconfigured_api_url_is_a_source_error_not_a_missing_person(check):
    _claim, verdict = one(
        check("US President Barack Obama welcomed the deal.", "2015-07-20", "role")
    )
    assert verdict.label == "source_unavailable"
    assert "CHECKS_WIKIDATA_URL" in verdict.explanation


WIKI_FIX = Path(__file__).parent / "fixtures" / "wikipedia"


@pytest.mark.parametrize(
    ("day", "label", "fragment"),
    [
        ("14 July 2015", "supported", "reached in Vienna"),
        ("16 July 2015", "unverifiable", "differently"),
    ],
)
def test_event_dates_outside_the_council_come_from_wikipedia(
    check, fake_server, day, label, fragment
):
    fake_server.route("/wikipedia/api.php", (WIKI_FIX / "search_jcpoa.json").read_bytes())
    text = f"Iran and six powers reached the Joint Comprehensive Plan of Action in Vienna on {day}."
    _claim, verdict = one(check(text, "2015-07-20", "date"))
    assert verdict.label == label, verdict.explanation
    assert fragment in verdict.explanation


@pytest.mark.needs_shared
def test_year_of_an_agreement_endorsed_by_a_cited_resolution(check):
    text = (
        "The 2015 nuclear deal lifted sanctions on Iran. "
        "The Council endorsed it in resolution 2231."
    )
    pairs = [(c, v) for c, v in check(text, "2016-01-20", "date") if c.text == "2015"]
    _claim, verdict = one(pairs)
    assert verdict.label == "supported"
    assert "S/RES/2231" in verdict.explanation and verdict.reason == "date.agreement_year"


@pytest.mark.parametrize(
    "text",
    [
        "The panel of experts was established in 2006 by resolution 1718 on North Korea.",
        "Sanctions monitors, first set up in 2006 under resolution 1718, watch North Korea.",
    ],
)
def test_a_year_of_another_act_is_not_an_agreements_year(check, text):
    pairs = [(c, v) for c, v in check(text, "2024-04-24", "date") if c.text == "2006"]
    _claim, verdict = one(pairs)
    assert verdict.label != "supported", verdict.explanation


def test_a_tally_larger_than_the_council_is_contradicted(check):
    text = "The fisheries text passed with 12 votes in favour, 2 against and 3 abstentions."
    _claim, verdict = one(check(text, "2019-05-05", "vote"))
    assert verdict.label == "contradicted"
    assert "adds up to 17 votes, but the Council has 15 members" in verdict.explanation
    assert any(e.source == "un-charter" for e in verdict.evidence)


def test_only_x_supported_it_beside_another_count_is_flagged(check):
    text = (
        "The Security Council on Friday rejected a US draft resolution on the Iran arms embargo. "
        "Washington received support only from the Dominican Republic. "
        "The text won three votes in favour."
    )
    pairs = check(text, "2020-08-15", "vote")
    assert len(pairs) == 2
    for _claim, verdict in pairs:
        assert "The article is inconsistent" in verdict.explanation


def test_a_resolution_from_a_year_no_record_reaches_is_not_called_missing(check):
    # The saved tables end in mid-2022 and the votes database at the end of 2025.
    _claim, verdict = one(
        check("Resolution 2840 (2026) demanded a ceasefire.", "2026-03-26", "resolution")
    )
    assert verdict.label == "unverifiable"
    assert verdict.reason == "resolution.not_reached" and "2026" in verdict.explanation


@pytest.mark.needs_shared
@pytest.mark.parametrize(
    ("text", "label"),
    [
        (
            "Resolution 2254, adopted in December 2015, endorsed a road map for peace in Syria.",
            "supported",
        ),
        (
            "Resolution 2254, adopted in January 2016, endorsed a road map for peace in Syria.",
            "contradicted",
        ),
        (
            "The Council adopted resolution 2231 in 2016 to endorse the Iran nuclear deal.",
            "contradicted",
        ),
    ],
)
def test_month_and_year_of_an_adoption(check, text, label):
    pairs = [
        (c, v) for c, v in check(text, "2016-02-01", "date") if c.value.get("precision") != "day"
    ]
    _claim, verdict = one(pairs)
    assert verdict.label == label, verdict.explanation


@pytest.mark.needs_shared
def test_a_veto_on_a_day_of_several_decisions_is_matched_to_the_vetoed_draft(check):
    text = (
        "Russia and China on Friday vetoed a draft resolution on cross-border aid to Syria. "
        "The text received 13 votes in favour."
    )
    pairs = check(text, "2019-12-20", "vote")
    verdicts = {c.text: v for c, v in pairs}
    vetoed = next(v for t, v in verdicts.items() if "vetoed" in t)
    assert vetoed.label == "supported", vetoed.explanation
    assert "S/2019/961" in vetoed.explanation


def test_a_date_after_the_article_is_a_plan_not_a_record(check):
    text = "The Security Council will vote on the Syria aid draft on Monday."
    _claim, verdict = one(check(text, "2019-12-20", "date"))
    assert verdict.label == "unverifiable"
    assert "after the article was written" in verdict.explanation


def test_a_vote_in_a_year_without_records_says_so(check):
    text = "The Security Council on Monday adopted a text on Gaza, with 14 votes in favour."
    _claim, verdict = one(check(text, "2026-03-26", "vote"))
    assert verdict.label == "unverifiable"
    assert verdict.reason == "vote.not_reached" and "2026" in verdict.explanation


@pytest.mark.needs_shared
def test_a_vote_after_the_un_tables_end_is_checked_against_the_votes_database(check):
    text = "The Security Council on Monday adopted a text on Gaza, with 14 votes in favour."
    _claim, verdict = one(check(text, "2024-03-26", "vote"))
    assert verdict.label == "supported", verdict.explanation
    assert "S/RES/2728" in verdict.explanation and verdict.reason == "vote.counts_match"


@pytest.mark.needs_shared
def test_an_authorisation_dated_by_its_dateline_and_a_deadline_ahead(check):
    text = (
        "UNITED NATIONS, Nov. 29 - The Security Council today authorized the use of force "
        "against Iraq if it does not withdraw from Kuwait by Jan. 15."
    )
    by_text = {c.text: (c, v) for c, v in check(text, "1990-11-29", "date")}
    assert by_text["today"][1].label == "supported"
    assert "S/RES/678" in by_text["today"][1].explanation
    deadline, verdict = by_text["Jan. 15"]
    assert deadline.value["date"] == "1991-01-15"
    assert verdict.label == "unverifiable"


@pytest.mark.needs_shared
def test_unanimous_claim_for_a_split_vote_is_contradicted(check):
    text = "The Security Council unanimously adopted resolution 1973 on Libya on 17 March 2011."
    _claim, verdict = one(check(text, "2011-03-20", "vote"))
    assert verdict.label == "contradicted"
    assert "10-0-5" in verdict.explanation


def test_the_dateline_is_not_checked_as_an_event(check):
    text = "GENEVA, 4 April 2021 - The envoy spoke to reporters about the talks in Geneva."
    pairs = [(c, v) for c, v in check(text, "2021-04-04", "date") if c.text == "4 April 2021"]
    # Extraction may leave the dateline out altogether; if it is a claim, it is not an event.
    for _claim, verdict in pairs:
        assert verdict.label == "unverifiable" and "dateline" in verdict.explanation


@pytest.mark.parametrize(
    "text",
    [
        "The General Assembly adopted resolution ES-11/1 on Wednesday by 141 votes to 5, with 35 abstentions.",
        "The measure on Ukraine passed on Wednesday with 141 votes in favour, 5 against and 35 abstentions.",
    ],
)
def test_general_assembly_tallies_are_out_of_scope_not_contradicted(check, text):
    _claim, verdict = one(check(text, "2022-03-03", "vote"))
    assert verdict.label == "unverifiable"
    assert "Security Council votes only" in verdict.explanation


def test_a_vote_dated_only_coarsely_is_not_matched_to_todays_decision(check):
    text = (
        "On Friday the Security Council rejected a US draft on the Iran arms embargo. "
        "Last year, a similar text on Iran's arms embargo had passed 15-0-0."
    )
    pairs = [(c, v) for c, v in check(text, "2020-08-15", "vote") if "15-0-0" in c.text]
    _claim, verdict = one(pairs)
    assert verdict.label == "unverifiable", verdict.explanation


def test_a_tally_about_other_times_is_not_matched_to_the_days_decision(check):
    text = (
        "On Friday the Security Council rejected a US draft on the Iran arms embargo. "
        "The Council has previously adopted texts on Iran's arms embargo unanimously."
    )
    pairs = [(c, v) for c, v in check(text, "2020-08-15", "vote") if "unanim" in c.text]
    _claim, verdict = one(pairs)
    assert verdict.label == "unverifiable", verdict.explanation


def test_a_day_past_the_end_of_the_records_is_not_called_missing(check):
    # The saved tables stop in June 2022, the votes database at the end of 2025.
    text = "The Security Council on Friday adopted a resolution on Haiti sanctions."
    _claim, verdict = one(check(text, "2026-10-24", "date"))
    assert verdict.label == "unverifiable" and verdict.reason == "date.not_reached"
    assert "do not reach that day" in verdict.explanation


@pytest.mark.needs_shared
def test_a_day_after_the_un_tables_end_is_dated_by_the_votes_database(check):
    text = "The Security Council on Friday adopted a resolution on Haiti sanctions."
    _claim, verdict = one(check(text, "2022-10-22", "date"))
    assert verdict.label == "supported" and verdict.reason == "date.decision_on_day"
    assert any(e.source == "votesdb" for e in verdict.evidence)


@pytest.mark.needs_shared
def test_a_resolution_beyond_a_tables_early_end_comes_from_the_votes_database(check):
    # The saved 2022 table stops at resolution 2640 (30 June 2022); the votes database goes on.
    _claim, verdict = one(
        check("Resolution 2653 (2022) imposed sanctions on Haiti.", "2022-10-22", "resolution")
    )
    assert verdict.label in {"supported", "partly_supported"}, verdict.explanation
    assert any(e.source == "votesdb" for e in verdict.evidence)


def test_a_day_is_matched_by_what_the_sentence_is_about_not_the_whole_article(check):
    filler = "Diplomats described long negotiations over the text. " * 8
    text = (
        "The Security Council on Friday extended the sanctions regime on Yemen for a year. "
        + filler
        + "Separately, aid deliveries to Syria remain uncertain."
    )
    friday = [(c, v) for c, v in check(text, "2019-12-21", "date") if c.text == "Friday"]
    _claim, verdict = one(friday)
    # 20 December 2019 saw votes on Syria, not Yemen: no support for a Yemen decision that day.
    assert verdict.label != "supported", verdict.explanation


def test_a_vote_of_another_council_is_out_of_scope(check):
    _claim, verdict = one(
        check("The Human Rights Council on Friday voted 12-3-2 on the text.", "2022-04-09", "vote")
    )
    assert verdict.label == "unverifiable" and "Human Rights Council" in verdict.explanation
