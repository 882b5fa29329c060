"""Verdict-side errors found by probes on unseen texts, each fixed at its cause: a partial list
of vetoers, a per-member roll that comes with disputed totals, a day the records dispute, and a
count of supporters read as the Council's size.

Decisions are built here (`tests.test_linking.decision`) or merged from partial records in the
real shape (`checks.decision_model.merge`); no network. Sentences are written for these tests in
several outlets' styles; tests assert labels and reason codes, not explanation wording.
"""

from __future__ import annotations

from datetime import date

import pytest

from checks.decision_model import DecisionSource, Partial, merge
from checks.decision_sources import DocLinks
from checks.extract import extract_claims
from checks.pipeline import check_claims
from checks.sources.base import SourceRecord
from checks.verdicts.base import Services
from checks.verdicts.vote_compare import Comparison, compare_veto
from tests.test_linking import FakeIndex, decision, members, one, run
from tests.test_verdicts_numbers import number_verdict

# --- 1. naming some of the vetoers --------------------------------------------------------------
COUNCIL_2020 = ("Belgium", "Dominican Republic", "Estonia", "France", "Germany", "Indonesia",
                "Niger", "Saint Vincent and the Grenadines", "South Africa", "Tunisia",
                "United Kingdom", "United States", "Viet Nam")  # fmt: skip
AID = decision(
    "S/2020/654",
    "vetoed",
    date(2020, 7, 7),
    "The situation in the Middle East (Syria): cross-border humanitarian aid",
    vote=(13, 2, 0),
    members=members(yes=COUNCIL_2020, no=("China", "Russia")),
    vetoed_by=("China", "Russia"),
)


@pytest.mark.parametrize(
    "text",
    [
        # wire copy
        "Russia on Tuesday vetoed a Security Council resolution to extend cross-border aid "
        "deliveries into Syria.",
        # newspaper
        "The Security Council draft on humanitarian aid for Syria was vetoed by China on "
        "Tuesday, dashing hopes for a second crossing.",
    ],
)
def test_naming_one_of_two_vetoers_is_true_as_it_stands(text):
    # it does not say the one named was alone: the other vetoer is a note, not a doubt
    _c, verdict = one(run(text, date(2020, 7, 8), [AID], "vote"))
    assert (verdict.label, verdict.reason) == ("supported", "vote.counts_match")


@pytest.mark.parametrize(
    "text",
    [
        "France on Tuesday vetoed a Security Council resolution to extend cross-border aid "
        "deliveries into Syria.",
        "The Security Council draft on humanitarian aid for Syria was vetoed by Russia and the "
        "United States on Tuesday.",
    ],
)
def test_a_named_vetoer_who_did_not_veto_is_still_a_mismatch(text):
    _c, verdict = one(run(text, date(2020, 7, 8), [AID], "vote"))
    assert (verdict.label, verdict.reason) == ("contradicted", "vote.veto_differs")


def test_a_veto_claimed_as_one_members_alone_leaves_no_one_out():
    """ "Russia alone vetoed it": the extraction's `vetoed_alone` makes the others a mismatch."""
    alone, some = Comparison(), Comparison()
    compare_veto({"vetoed_by": ["Russia"], "vetoed": True, "vetoed_alone": True}, AID, alone)
    compare_veto({"vetoed_by": ["Russia"], "vetoed": True}, AID, some)
    assert [code for code, _w in alone.problems] == ["vote.veto_differs"]
    assert not some.problems and some.checked == ["the veto"] and not some.unchecked
    assert some.notes  # China's veto is shown beside the verdict


# --- 2. a roll that comes with disputed totals --------------------------------------------------
def record(source: str, key: str) -> DecisionSource:
    return DecisionSource(source, f"{source}: {key}", f"http://records.test/{source}/{key}",
                          "2026-01-01T00:00:00Z", key)  # fmt: skip


OBSERVERS_DAY = date(2001, 3, 27)
OBSERVERS_TITLE = "The situation in the Middle East, including the Palestinian question"
#: The votes database's row: 10-1-4, consistent in itself, with Ukraine in favour and Colombia
#: abstaining; the DHL table says 9-1-4 (Ukraine did not vote).
ROLL_10_1_4 = members(
    yes=(
        "Bangladesh",
        "China",
        "Mali",
        "Mauritius",
        "Russia",
        "Tunisia",
        "Ukraine",
        "Jamaica",
        "Singapore",
        "Ireland",
    ),
    no=("United States",),
    abstain=("Colombia", "France", "Norway", "United Kingdom"),
)


def observers(vdb_vote=(10, 1, 4), dhl_vote=(9, 1, 4)):
    key = "S/2001/270"
    vdb = Partial("votesdb", "votesdb", record("votesdb", key), outcome="vetoed", draft=key,
                  date=OBSERVERS_DAY, title=OBSERVERS_TITLE, vote=vdb_vote,
                  members=dict(ROLL_10_1_4), vetoed_by=("United States",))  # fmt: skip
    dhl = Partial("dhl", "dhl", record("dhl", key), outcome="vetoed", draft=key,
                  date=OBSERVERS_DAY, agenda=OBSERVERS_TITLE, vote=dhl_vote,
                  vetoed_by=("United States",), meeting="S/PV.4305")  # fmt: skip
    return merge(key, [vdb, dhl], DocLinks("http://docs.test/"))


def test_a_roll_whose_totals_are_disputed_is_left_out_of_the_merge():
    d = observers()
    assert "vote" in d.disputes and d.vote is None
    assert not d.members and "members" in d.disputes
    assert d.vetoed_by == ("United States",)  # what every source agrees on stays
    agreed = observers(dhl_vote=(10, 1, 4))
    assert agreed.members == ROLL_10_1_4  # totals agreed: the roll is kept


@pytest.mark.parametrize(
    "text",
    [
        # UN mission / press release style (true: Ukraine did not vote)
        "On 27 March 2001 the United States vetoed the draft resolution on a United Nations "
        "observer force for the occupied Palestinian territories. Ukraine did not participate "
        "in the vote.",
        # newspaper style (false: Colombia voted in favour)
        "The United States on Tuesday vetoed a Security Council draft calling for UN observers "
        "to protect Palestinian civilians. Colombia abstained in the vote.",
    ],
)
def test_who_voted_how_is_not_decided_on_a_roll_with_disputed_totals(text):
    pairs = run(text, date(2001, 3, 28), [observers()], "vote")
    _c, verdict = one([(c, v) for c, v in pairs if "Ukraine" in c.text or "Colombia" in c.text])
    assert (verdict.label, verdict.reason) == ("unverifiable", "vote.disputed_record")


class VotingRecords:
    """A UN Digital Library stand-in that has a per-member record for any draft."""

    name = "undl"

    def __init__(self) -> None:
        self.asked = 0

    def search(self, query):
        self.asked += 1
        votes = {n.upper(): v for n, v in ROLL_10_1_4.items()}
        return [SourceRecord("undl", "Voting record", "http://undl.test/1", "2026-01-01T00:00:00Z",
                             fields={"record_type": "voting", "votes": votes})]  # fmt: skip


def test_no_other_roll_is_fetched_to_settle_a_disputed_tally():
    text = ("The United States cast its veto on Tuesday against a Security Council text on "
            "protecting Palestinian civilians; Colombia abstained.")  # fmt: skip
    undl = VotingRecords()
    services = Services(decisions=FakeIndex([observers()]), undl=undl)
    extraction = extract_claims(text, article_date=date(2001, 3, 28))
    verdicts = check_claims(text, extraction.claims, date(2001, 3, 28), services=services)
    said = [verdicts[c.id] for c in extraction.claims if "Colombia" in c.text]
    assert said and all(v.label not in ("supported", "contradicted") for v in said)
    assert undl.asked == 0


# --- 3. a day the records dispute --------------------------------------------------------------
class DisputedDays(FakeIndex):
    """Lists a decision whose day the sources dispute under each source's day, as the real index
    does (its merged date is None)."""

    def on(self, day: date) -> list:
        return [d for d in self.decisions if d.date == day or day in self._days(d)]

    def between(self, first: date, last: date) -> list:
        return [d for d in self.decisions
                if any(first <= x <= last for x in ({d.date} - {None}) | self._days(d))]  # fmt: skip

    @staticmethod
    def _days(d) -> set[date]:
        return {v for v in (d.disputes or {}).get("date", {}).values() if isinstance(v, date)}


SANCTIONS = decision(
    "S/13735",
    "vetoed",
    None,
    "Iran: economic sanctions over the hostages held at the United States embassy in Tehran",
    vote=(10, 2, 2),
    vetoed_by=("Russia",),
    disputes={"date": {"votesdb": date(1980, 1, 13), "dhl": date(1980, 1, 11)}},
)


@pytest.mark.parametrize(
    "text",
    [
        # wire style, the one source's day
        "On January 11, 1980, the Security Council voted on the American draft resolution "
        "imposing economic sanctions on Iran over the hostages.",
        # newspaper style, the other source's day
        "The Soviet Union vetoed the U.S. call for economic sanctions against Iran in the "
        "Security Council on Jan. 13, 1980, shielding Tehran over the embassy hostages.",
    ],
)
def test_a_day_only_a_decision_with_a_disputed_day_fits_is_not_supported(text):
    extraction = extract_claims(text, article_date=date(1980, 1, 20))
    services = Services(decisions=DisputedDays([SANCTIONS]))
    verdicts = check_claims(text, extraction.claims, date(1980, 1, 20), services=services)
    dated = [verdicts[c.id] for c in extraction.claims if c.type == "date"]
    assert len(dated) == 1
    assert (dated[0].label, dated[0].reason) == ("unverifiable", "date.disputed_record")


# --- 4. a count of supporters is not the Council's size ----------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        # news agency
        "The Security Council text, winning the backing of 12 council members, fell to a "
        "Chinese veto.",
        # statement / advocacy style
        "Sponsors of the Security Council text, drawing the support of 11 council members, said "
        "the veto was a betrayal of the people of Idlib.",
        # newspaper
        "Germany and Belgium tabled a Security Council resolution renewing the aid crossings, "
        "winning the support of 13 council members but drawing two vetoes.",
    ],
)
def test_a_count_governed_by_a_word_of_support_counts_voters_not_seats(text):
    _claim, verdict = number_verdict(text, "2019-12-21")
    assert verdict.label not in ("supported", "contradicted"), verdict.reason
    assert not (verdict.reason or "").startswith("number.council_size")


def test_the_councils_size_in_a_support_sentence_is_still_checked():
    text = "The draft won the support of most of the 11-member Security Council, officials said."
    _claim, verdict = number_verdict(text, "2019-12-21")
    assert (verdict.label, verdict.reason) == ("contradicted", "number.council_size_mismatch")


@pytest.mark.parametrize(
    "text",
    [
        # encyclopedia style: every member, so the Council's size
        "A Security Council resolution is a resolution adopted by the fifteen members of the "
        "Security Council.",
        # explainer in a news site's style
        "Council resolutions must be passed by the 15 members of the Security Council to take "
        "effect.",
    ],
)
def test_all_the_members_of_the_council_after_a_voting_word_are_its_size(text):
    _claim, verdict = number_verdict(text, "2019-12-21")
    assert (verdict.label, verdict.reason) == ("supported", "number.council_size_match")
