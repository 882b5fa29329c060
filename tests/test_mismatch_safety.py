"""A tally is never called false while a decision of the same days matches it in full, even
one whose recorded subject fits none of the story's words (a vetoed draft filed under its
agenda item alone, or a letter's title); and topic words follow word boundaries.

Sentences written for these tests in a wire service's and a regional outlet's styles.
"""

from __future__ import annotations

from datetime import date

import pytest

from checks.verdicts.base import topic_fit
from tests.test_linking import decision, members, run

DAY = date(2018, 2, 26)
COUNCIL = ("China", "France", "Russia", "United Kingdom", "United States", "Bolivia",
           "Côte d'Ivoire", "Equatorial Guinea", "Ethiopia", "Kazakhstan", "Kuwait",
           "Netherlands", "Peru", "Poland", "Sweden")  # fmt: skip
ADOPTED = decision(
    "S/RES/2402(2018)", "adopted", DAY, "Yemen: renewal of sanctions and of the panel of experts",
    vote=(15, 0, 0), members=members(yes=COUNCIL), number=2402,
)  # fmt: skip
VETOED = decision(
    "S/2018/156", "vetoed", DAY, "Letter dated 20 February 2018 to the President",
    vote=(11, 2, 2),
    members=members(
        yes=[n for n in COUNCIL if n not in {"Russia", "Bolivia", "China", "Kazakhstan"}],
        no=("Russia", "Bolivia"), abstain=("China", "Kazakhstan"),
    ),
    vetoed_by=("Russia",),
)  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        # wire style
        "The Security Council on Monday renewed sanctions on Yemen. A British text on Yemen "
        "that named Iran won only 11 votes, with Russia and Bolivia voting against and China "
        "and Kazakhstan abstaining.",
        # regional outlet
        "Yemen sanctions were extended by the UN Security Council on Monday, but the UK "
        "draft on Yemen had secured just 11 votes in support, with Russia and Bolivia against "
        "and China and Kazakhstan abstaining.",
    ],
)
def test_a_tally_another_vote_of_the_day_bears_out_is_not_called_false(text):
    pairs = run(text, date(2018, 2, 27), [ADOPTED, VETOED], "vote")
    tally = next(v for c, v in pairs if "11" in c.text)
    assert tally.label != "contradicted", tally.explanation
    # the vetoed draft whose record matches the tally in full is the vote told of (support
    # only: see test_generic_titles.py); never the day's adopted text
    assert tally.reason == "vote.link_ambiguous" or (
        tally.label == "supported" and tally.decision["decision"]["key"] == "S/2018/156"
    ), tally.explanation


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("The situation in Somalia", "Mali's transitional authorities asked MINUSMA to leave."),
        ("Extension of the mandate of UNSOM until 31 October", "The mandate runs until June."),
    ],
)
def test_topic_words_are_whole_words_and_until_tells_no_subject(title, text):
    assert topic_fit(title, text) == 0
