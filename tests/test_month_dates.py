"""A month given for a Council act ("In February, Russia vetoed ..."), checked against the
decisions of that month; and a subject told by its adjective ("the Indian-Pakistani war" of
"the India/Pakistan question"). Found on texts nobody tuned for (a 1946 news weekly, a 1971
newspaper); sentences written here in several outlets' styles, decisions built here.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.test_linking import decision, one, run

LEVANT = decision(
    "S/PV.23",
    "vetoed",
    date(1946, 2, 16),
    "Letter from the Lebanese and Syrian delegations: withdrawal of foreign troops",
    vote=(7, 1, 1),
    vetoed_by=("USSR",),
)
RAMADAN = decision(
    "S/RES/2728(2024)",
    "adopted",
    date(2024, 3, 25),
    "The situation in the Middle East, including the Palestinian question: ceasefire in Gaza",
    vote=(14, 0, 1),
    number=2728,
)


def month_verdict(text: str, on: date, decisions: list):
    pairs = run(text, on, decisions, "date")
    return one(pairs)[1]


@pytest.mark.parametrize(
    ("text", "on", "decisions"),
    [
        # a news weekly of the time
        (
            "In February, Russia vetoed the draft on foreign troops in Syria and Lebanon.",
            date(1946, 7, 1),
            [LEVANT],
        ),
        # wire style, a month and year
        (
            "The Security Council in March 2024 adopted its first resolution demanding a "
            "ceasefire in Gaza.",
            date(2024, 6, 1),
            [RAMADAN],
        ),
    ],
)
def test_a_month_with_that_decision_on_record_is_supported(text, on, decisions):
    verdict = month_verdict(text, on, decisions)
    assert (verdict.label, verdict.reason) == ("supported", "date.decision_in_month")


@pytest.mark.parametrize(
    ("text", "on", "decisions"),
    [
        # the month's decision had another outcome
        (
            "In February, the Council adopted the draft on foreign troops in Syria and Lebanon.",
            date(1946, 7, 1),
            [LEVANT],
        ),
        # no decision that month on the subject
        (
            "The Security Council in April 2024 adopted a resolution demanding a ceasefire in "
            "Gaza.",
            date(2024, 6, 1),
            [RAMADAN],
        ),
        # a plan, not an act
        (
            "The Security Council will vote in March 2024 on a text demanding a ceasefire in Gaza.",
            date(2024, 2, 1),
            [RAMADAN],
        ),
    ],
)
def test_a_month_is_never_supported_without_a_fitting_decision(text, on, decisions):
    verdict = month_verdict(text, on, decisions)
    assert verdict.label != "supported", verdict.explanation
    assert verdict.label != "contradicted", verdict.explanation


# --- a subject told by its adjective -----------------------------------------------------------
SUBCONTINENT = decision(
    "S/10423",
    "vetoed",
    date(1971, 12, 5),
    "The India/Pakistan question",
    vote=(11, 2, 2),
    vetoed_by=("USSR",),
)
HORN = decision(
    "S/RES/1298(2000)",
    "adopted",
    date(2000, 5, 17),
    "The situation between Eritrea and Ethiopia",
    vote=(15, 0, 0),
    number=1298,
)


@pytest.mark.parametrize(
    ("text", "on", "decisions", "key"),
    [
        # a 1971 newspaper
        (
            "The Soviet Union on Sunday vetoed a call for a ceasefire in the Indian-Pakistani "
            "war, 11 to 2.",
            date(1971, 12, 6),
            [SUBCONTINENT],
            "S/10423",
        ),
        # wire style
        (
            "The Security Council on Wednesday voted 15-0 for an arms embargo over the "
            "Ethiopian-Eritrean border war.",
            date(2000, 5, 18),
            [HORN],
            "S/RES/1298(2000)",
        ),
    ],
)
def test_a_subject_named_by_its_adjective_fits_the_decision(text, on, decisions, key):
    _c, verdict = one(run(text, on, decisions, "vote"))
    assert verdict.label == "supported", verdict.explanation
    assert verdict.decision["decision"]["key"] == key


@pytest.mark.parametrize(
    "text",
    [
        # wire style: the month of a presidency
        "The Russian draft on Syria and Lebanon was vetoed, said the French envoy, who chaired "
        "the Security Council in February.",
        # newspaper style: the month of a statement
        "Russia's veto of the draft on Syria and Lebanon was condemned by London in February.",
    ],
)
def test_a_month_of_something_else_in_a_vote_sentence_is_not_supported(text):
    verdict = month_verdict(text, date(1946, 7, 1), [LEVANT])
    assert verdict.reason != "date.decision_in_month", verdict.explanation


# --- the tally of the sentence dates its month -----------------------------------------------
BANGLADESH = decision(
    "S/10771",
    "vetoed",
    date(1972, 8, 25),
    "Admission of new members: application of Bangladesh",
    vote=(11, 1, 3),
    vetoed_by=("China",),
)


@pytest.mark.parametrize(
    ("text", "on", "decisions"),
    [
        # an Indian report's retrospective
        ("In August 1972, 11 members voted to recommend Bangladesh's membership, 3 abstained "
         "and China voted against.", date(2021, 3, 26), [BANGLADESH]),
        # wire style, no outcome word for the month's act
        ("In March 2024, 14 council members voted for the Gaza ceasefire text, with one "
         "abstention.", date(2024, 6, 1), [RAMADAN]),
    ],
)  # fmt: skip
def test_a_month_whose_sentence_gives_that_decisions_tally_is_supported(text, on, decisions):
    verdict = month_verdict(text, on, decisions)
    assert (verdict.label, verdict.reason) == ("supported", "date.tally_in_period"), (
        verdict.explanation
    )


def test_a_month_is_not_supported_by_a_tally_of_another_month():
    text = ("In July 1972, 11 members voted to recommend Bangladesh's membership, 3 abstained and "
            "China voted against.")  # fmt: skip
    verdict = month_verdict(text, date(2021, 3, 26), [BANGLADESH])
    assert verdict.label not in {"supported", "contradicted"}, verdict.explanation


def test_a_year_naming_another_noun_is_not_dated_by_the_sentences_tally():
    text = ("The text that calls for a truce in the 2024 Gaza war was adopted on Monday by 14 "
            "votes to none, with one abstention.")  # fmt: skip
    pairs = [(c, v) for c, v in run(text, date(2024, 3, 26), [RAMADAN], "date") if c.text == "2024"]
    assert pairs
    for _c, verdict in pairs:
        assert verdict.reason != "date.tally_in_period", verdict.explanation
