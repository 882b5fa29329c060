"""Undated stories: the Council's size the story states tells the vote's era ("the 15-member
council": 1966 on), and words every Library title of the "Letter dated ... from Member States
to the President" kind shares do not make a subject fit. Written in two outlets' styles each;
decisions built here."""

from __future__ import annotations

from datetime import date

import pytest

from checks.verdicts.base import topic_score
from tests.test_anchor import of, verdicts
from tests.test_linking import COUNCIL_2017, decision, members, roll

# A USSR veto of 1954 and a Russian veto of 2017 on the same subject, both with China for it.
OLD = decision(
    "S/3188",
    "vetoed",
    date(1954, 1, 22),
    "The Palestine question: the Jordan River and the Middle East",
    vote=(7, 2, 2),
    members=members(
        yes=("China", "France", "United Kingdom", "United States", "Brazil", "Colombia", "Denmark"),
        no=("USSR", "Lebanon"),
        abstain=("New Zealand", "Türkiye"),
    ),
    vetoed_by=("USSR",),
)
NEW = decision(
    "S/2017/884",
    "vetoed",
    date(2017, 10, 24),
    "The situation in the Middle East (Syria): chemical weapons investigation",
    vote=(11, 2, 2),
    members=roll(COUNCIL_2017, no=("Russia", "Bolivia"), abstain=("Egypt", "Kazakhstan")),
    vetoed_by=("Russia",),
)


@pytest.mark.parametrize(
    "text",
    [
        # wire style
        "Russia vetoed the draft resolution on the Middle East. All other countries of the "
        "15-member council, including China, voted in favour.",
        # newspaper style
        "Moscow cast a veto against the Middle East text at the 15-nation Security Council. "
        "China voted in favour, as did the other elected and permanent members.",
    ],
)
def test_the_size_the_story_states_tells_the_votes_era(text):
    veto = of(verdicts(text, [OLD, NEW]), "vote", "veto")
    assert veto.label == "supported", veto.explanation
    assert veto.decision["decision"]["key"] == "S/2017/884"


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia was the sole member to vote against, in a move the British Foreign Secretary "
        "called cynical.",
        "The president of the council said the member states would meet again in January.",
    ],
)
def test_words_of_letter_titles_are_no_subject(sentence):
    title = (
        "Letter dated 3 January 1980 from 52 Member States to the President of the Security "
        "Council concerning Afghanistan"
    )
    assert topic_score(title, sentence) == 0
