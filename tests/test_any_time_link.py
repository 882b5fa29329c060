"""An undated story that gives no day for its veto: every veto on its subject since the latest
year the story states is in reach, and a claim holds only if all of them bear it out
(`link_days.any_time_days`, `link_model.every_year`).

Sentences are written for these tests in several outlets' styles (wire copy, a regional paper,
an explainer); the decisions are built here, after the real rows of the votes database.
"""

from __future__ import annotations

from datetime import date

import pytest

from checks.extract import extract_claims
from checks.pipeline import check_claims
from checks.verdicts.base import Services
from tests.test_linking import FakeIndex, decision, members


def _veto(key: str, day: date, title: str, by: tuple[str, ...], vote=(13, 1, 1)):
    return decision(key, "vetoed", day, title, vote=vote,
                    members=members(no=by), vetoed_by=by)  # fmt: skip


UKRAINE = "Letter dated 28 February 2014 from Ukraine (S/2014/136)"
UKRAINE_2022_FEB = _veto("S/2022/155", date(2022, 2, 25), UKRAINE, ("Russia",), (11, 1, 3))
UKRAINE_2022_SEP = _veto("S/2022/720", date(2022, 9, 30), UKRAINE, ("Russia",), (10, 1, 4))
UKRAINE_2014 = _veto("S/2014/189", date(2014, 3, 15), UKRAINE, ("Russia",), (13, 1, 1))
GAZA = "The situation in the Middle East, including the Palestinian question (Gaza)"
GAZA_US = [
    _veto("S/2023/772", date(2023, 10, 18), GAZA, ("United States",), (12, 1, 2)),
    _veto("S/2023/970", date(2023, 12, 8), GAZA, ("United States",), (13, 1, 1)),
]
GAZA_RU_CN = _veto("S/2023/792", date(2023, 10, 25), GAZA, ("Russia", "China"), (10, 3, 2))


def vote_verdict(text: str, decisions: list):
    claims = extract_claims(text).claims  # no date given
    got = check_claims(text, claims, None, services=Services(decisions=FakeIndex(decisions)))
    return next(got[c.id] for c in claims if c.type == "vote")


@pytest.mark.parametrize(
    "text",
    [
        # wire style
        "Russia vetoed a Security Council resolution condemning its annexation of four regions "
        "of Ukraine. Moscow launched its full-scale invasion of Ukraine in February 2022.",
        # explainer
        "Moscow has shielded itself at the UN since its troops crossed into Ukraine in 2022. "
        "Russia vetoed a draft on Ukraine that Western members put to the Security Council.",
        # a day something was due "before" is no time of the story's own past
        "Russia vetoed a Security Council draft on Ukraine. The invasion began in February "
        "2022. The draft would have asked for a report before 1 March 2023.",
    ],
)
def test_a_veto_every_vote_on_the_subject_bears_out_holds(text):
    v = vote_verdict(text, [UKRAINE_2014, UKRAINE_2022_FEB, UKRAINE_2022_SEP])
    assert (v.label, v.reason) == ("supported", "vote.every_tied_agrees"), v.explanation
    # the 2014 veto is before the year the story states: not in reach
    assert "S/2014/189" not in v.explanation
    assert "S/2022/155" in v.explanation and "S/2022/720" in v.explanation


@pytest.mark.parametrize(
    "text",
    [
        # regional paper
        "The United States vetoed a Security Council draft demanding a ceasefire in Gaza. The "
        "war broke out in October 2023.",
        # wire style
        "Washington vetoed a UN Security Council resolution calling for a humanitarian ceasefire "
        "in Gaza. Fighting has raged there since October 2023.",
    ],
)
def test_a_veto_another_member_cast_on_the_subject_leaves_the_claim_open(text):
    v = vote_verdict(text, [*GAZA_US, GAZA_RU_CN])
    assert v.label == "unverifiable", v.explanation
    assert v.reason == "vote.link_ambiguous"
    assert "S/2023/792" in v.explanation  # the reviewer sees which votes were in reach


@pytest.mark.parametrize(
    "text",
    [
        # no year at all: the vote may be one the records do not hold yet
        "Russia vetoed a Security Council resolution condemning its annexation of regions of "
        "Ukraine.",
        # a year after the records end (FakeIndex covers up to 2025)
        "Russia vetoed a Security Council draft on Ukraine. Peace talks had collapsed in 2027.",
    ],
)
def test_no_veto_is_looked_for_in_every_year_when_the_story_may_be_newer_than_the_records(text):
    v = vote_verdict(text, [UKRAINE_2022_FEB, UKRAINE_2022_SEP])
    assert (v.label, v.reason) == ("unverifiable", "vote.no_link"), v.explanation


@pytest.mark.parametrize(
    "text",
    [
        # wire style: China did not veto either draft in reach
        "China vetoed a Security Council resolution condemning the annexation of four regions "
        "of Ukraine. Moscow launched its full-scale invasion of Ukraine in February 2022.",
        # explainer
        "Moscow's troops crossed into Ukraine in 2022. China vetoed a draft on Ukraine that "
        "Western members put to the Security Council.",
    ],
)
def test_a_wrong_vetoer_found_this_way_is_never_called_false(text):
    v = vote_verdict(text, [UKRAINE_2022_FEB, UKRAINE_2022_SEP])
    assert v.label == "unverifiable", v.explanation


@pytest.mark.parametrize(
    "text",
    [
        # opinion column
        "Moscow launched its full-scale invasion of Ukraine in February 2022. Over the years, "
        "Russia has vetoed drafts on Ukraine in the Security Council.",
        # forum post quoting a report
        "Russia invaded Ukraine in 2022. Russia has vetoed Security Council texts on Ukraine "
        "time and again.",
    ],
)
def test_a_habit_of_vetoing_is_no_one_veto(text):
    v = vote_verdict(text, [UKRAINE_2022_FEB, UKRAINE_2022_SEP])
    assert (v.label, v.reason) == ("unverifiable", "vote.other_time"), v.explanation
