"""Chronologies: "AUG. 6: The council voted 13-0 ..." as wire services and UN timelines print
them. The all-capitals month is a date, its period does not end the sentence, and each entry's
vote is dated by its own heading. Sentences written here in two outlets' styles."""

from __future__ import annotations

from datetime import date

import pytest

from checks.extract import extract_claims
from checks.nlp import load_pipeline
from tests.test_linking import decision, members, one, run

ARTICLE = date(1991, 2, 22)
EMBARGO = decision(
    "S/RES/661(1990)",
    "adopted",
    date(1990, 8, 6),
    "sanctions against Iraq (The situation between Iraq and Kuwait)",
    vote=(13, 0, 2),
    members=members(abstain=("Cuba", "Yemen")),
    number=661,
)
INVASION = decision(
    "S/RES/660(1990)",
    "adopted",
    date(1990, 8, 2),
    "Iraqi invasion of Kuwait (The situation between Iraq and Kuwait)",
    vote=(14, 0, 0),
    number=660,
)
#: Two styles of chronology: a wire list, and a UN timeline with dashes.
WIRE = (
    "Here are the resolutions adopted by the Security Council since Iraq invaded Kuwait.\n\n"
    "AUG. 2: The council voted 14-0 to condemn the invasion of Kuwait by Iraq.\n\n"
    "AUG. 6: The council voted 13-0 to order a trade embargo of Iraq and occupied Kuwait."
)
TIMELINE = (
    "Council action on Iraq and Kuwait, 1990\n"
    "AUG. 2 - The Security Council condemns the invasion of Kuwait by Iraq, 14-0.\n"
    "AUG. 6 - The Security Council imposes an embargo on Iraq and Kuwait by a vote of 13-0."
)


@pytest.mark.parametrize("text", [WIRE, TIMELINE])
def test_an_all_capitals_heading_is_a_date(text):
    dates = [c for c in extract_claims(text, article_date=ARTICLE).claims if c.type == "date"]
    assert [c.value["date"] for c in dates if c.text.startswith("AUG")] == [
        "1990-08-02",
        "1990-08-06",
    ]


@pytest.mark.parametrize("heading", ["SEPT. 25: The council voted.", "AUG. 6: The council met."])
def test_the_heading_period_does_not_end_the_sentence(heading):
    doc = load_pipeline().nlp(heading)
    assert len(list(doc.sents)) == 1


@pytest.mark.parametrize("text", [WIRE, TIMELINE])
def test_each_entrys_vote_is_dated_by_its_own_heading(text):
    pairs = run(text, ARTICLE, [INVASION, EMBARGO], "vote")
    thirteen = one([(c, v) for c, v in pairs if "13-0" in c.text])
    assert thirteen[1].label == "supported", thirteen[1].explanation
    assert thirteen[1].decision["decision"]["key"] == "S/RES/661(1990)"
