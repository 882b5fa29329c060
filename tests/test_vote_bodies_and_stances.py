"""Two ways a sentence says "voted" or "supports" without a Council vote in it.

1. Another body voted: a national cabinet, parliament or court ("The Lebanese cabinet
   unanimously approved the resolution"). The voter is the subject (or agent) of the vote words
   in the claim's clause (`checks/patterns/vote_bodies.json`); a clause that names the Council
   is still checked as a Council vote, even when another body voted in the same sentence.
2. A present "supports"/"backs" states a position ("the United States supports the autonomy
   proposal"), not a vote, unless its own clause names the vote (`present_needs_words` in
   `checks/patterns/vote_dep.jsonl`); "supported", "backed" and "were supporting" are votes.

Sentences are written for these tests in several outlets' styles (encyclopedic, wire, UN press
release, newspaper, headline); tests assert reason codes and values, not explanations.
"""

from __future__ import annotations

from datetime import date

import pytest

from checks.extract import extract_claims
from tests.test_linking import P5, decision, members, run

LEBANON = "The situation in the Middle East (Lebanon): cessation of hostilities, UNIFIL"
COUNCIL_2006 = (*P5, "Argentina", "Congo", "Denmark", "Ghana", "Greece", "Japan", "Peru",
                "Qatar", "Slovakia", "Tanzania")  # fmt: skip
R1701 = decision(
    "S/RES/1701(2006)",
    "adopted",
    date(2006, 8, 11),
    LEBANON,
    vote=(15, 0, 0),
    number=1701,
    members=members(COUNCIL_2006),
)
COUNCIL_2024 = (*P5, "Ecuador", "Guyana", "Japan", "Malta", "Republic of Korea", "Sierra Leone",
                "Slovenia", "Switzerland")  # fmt: skip
R2756 = decision(
    "S/RES/2756(2024)",
    "adopted",
    date(2024, 10, 31),
    "The situation concerning Western Sahara: MINURSO mandate extended",
    vote=(12, 0, 2),
    number=2756,
    members=members(COUNCIL_2024, abstain=("Russia", "Mozambique"), absent=("Algeria",)),
)


def votes(text: str, on: date, decisions: list) -> list[tuple[str, str, str]]:
    """(claim text, verdict label, reason) of every vote claim."""
    return [(c.text, v.label, v.reason) for c, v in run(text, on, decisions, "vote")]


def verdict_of(found: list[tuple[str, str, str]], words: str) -> tuple[str, str]:
    hits = [(label, reason) for text, label, reason in found if words in text]
    assert len(hits) == 1, found
    return hits[0]


# --- 1. another body voted ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "on", "words"),
    [
        # encyclopedic: the cabinet is the subject of "approved"
        (
            "Resolution 1701 was adopted on 11 August 2006. The Lebanese cabinet unanimously "
            "approved the resolution on 12 August 2006.",
            date(2016, 6, 1),
            "unanimously",
        ),
        # wire: the cabinet voted in the claim's clause; the Council is named only in the
        # clause after "a day after"
        (
            "JERUSALEM, Aug 13 (Reuters) - Israel's cabinet on Sunday unanimously endorsed the "
            "U.N. ceasefire resolution, a day after the Security Council adopted it.",
            date(2006, 8, 13),
            "unanimously",
        ),
        # newspaper: the agent of a passive "approved by ... parliament"
        (
            "Resolution 1701 has drawn broad support in Beirut. The text was approved "
            "unanimously by the Lebanese parliament on Monday, officials said.",
            date(2006, 8, 14),
            "unanimously",
        ),
    ],
)
def test_a_vote_of_another_body_is_not_checked_as_a_council_vote(text, on, words):
    assert verdict_of(votes(text, on, [R1701]), words) == ("unverifiable", "vote.other_body")


@pytest.mark.parametrize(
    ("text", "on", "words"),
    [
        # wire: the Council is the subject of the tally's clause; the cabinet votes in another
        (
            "UNITED NATIONS (AP) - The Security Council adopted the resolution 15-0 on Friday, "
            "a day before the Israeli cabinet approved it.",
            date(2006, 8, 12),
            "15-0",
        ),
        # UN press release: the Council's vote, the Lebanese cabinet named after "after"
        (
            "The Security Council this evening unanimously adopted resolution 1701 (2006), "
            "after the Lebanese cabinet had endorsed the seven-point plan.",
            date(2006, 8, 11),
            "unanimously",
        ),
        # newspaper: both votes, one per clause; the tally is the Council's
        (
            "The Lebanese cabinet unanimously approved the plan on Saturday, a day after the "
            "Security Council adopted resolution 1701 by 15 votes to none.",
            date(2006, 8, 12),
            "15 votes to none",
        ),
        # newspaper: lawmakers report the vote; the members of the Council cast it
        (
            "Lebanese lawmakers said 15 members voted in favour of resolution 1701 on Friday.",
            date(2006, 8, 12),
            "15 members voted in favour",
        ),
        # encyclopedic, no other body at all
        (
            "The 15-member Council unanimously adopted resolution 1701 on 11 August 2006.",
            date(2016, 6, 1),
            "unanimously",
        ),
    ],
)
def test_a_council_vote_beside_another_bodys_vote_is_still_checked(text, on, words):
    assert verdict_of(votes(text, on, [R1701]), words)[0] == "supported"


def test_each_clause_of_a_sentence_with_two_votes_keeps_its_own_voter():
    """The cabinet's "unanimously" is not the Council's, the Council's tally is."""
    found = votes(
        "The Lebanese cabinet unanimously approved the plan on Saturday, a day after the "
        "Security Council adopted resolution 1701 by 15 votes to none.",
        date(2006, 8, 12),
        [R1701],
    )
    assert verdict_of(found, "unanimously") == ("unverifiable", "vote.other_body")
    assert verdict_of(found, "15 votes to none")[0] == "supported"


# --- 2. a present "supports" is a position ---------------------------------------------------
STANCES = [
    # regional news headline
    "Western Sahara: Russia disappoints Algeria, while the United States supports the "
    "autonomy proposal",
    # wire, a position stated by an envoy
    "France supports the proposal, its ambassador told reporters on Wednesday.",
    # newspaper, present progressive
    "Britain and the United States are backing the draft, diplomats said on Monday.",
    # newspaper, a vote still to come: its words are in a clause of their own
    "Washington backs the text, which is expected to be put to a vote next week.",
]


@pytest.mark.parametrize("text", STANCES)
def test_a_present_stance_is_not_read_as_a_vote(text):
    claims = extract_claims(text, article_date=date(2024, 11, 1)).claims
    assert [c.value for c in claims if c.type == "vote"] == []


@pytest.mark.parametrize("text", STANCES[:2])
def test_a_present_stance_after_a_council_story_gets_no_supported_verdict(text):
    story = (
        "The Security Council on Thursday extended the mandate of MINURSO, the UN mission in "
        f"Western Sahara, until 31 October 2025. {text}"
    )
    found = votes(story, date(2024, 11, 1), [R2756])
    assert not [f for f in found if f[1] == "supported" and "support" in f[0]], found


@pytest.mark.parametrize(
    ("text", "key", "names"),
    [
        # wire, past tense: a vote
        (
            "Russia and China backed the resolution, which was adopted 13-0-2.",
            "in_favour",
            ["Russia", "China"],
        ),
        # newspaper, past progressive: a vote
        (
            "In the voting, Ecuador and Japan were supporting the draft, while two members "
            "abstained.",
            "in_favour",
            ["Ecuador", "Japan"],
        ),
        # a present form whose own clause names the vote
        (
            "India backs the resolution in the vote on Thursday, its envoy said.",
            "in_favour",
            ["India"],
        ),
        # UN press release style, past: a vote
        (
            "The United States supported the text, while the Russian Federation abstained.",
            "in_favour",
            ["United States"],
        ),
    ],
)
def test_a_past_or_voted_support_is_still_read_as_a_vote(text, key, names):
    claims = extract_claims(text, article_date=date(2024, 11, 1)).claims
    read = [c.value.get(key) for c in claims if c.type == "vote" and c.value.get(key)]
    assert any(set(names) <= set(v) for v in read), [c.value for c in claims]


def test_a_past_support_in_a_council_story_is_still_checked():
    found = votes(
        "The Security Council on Thursday extended the mandate of MINURSO until 31 October "
        "2025. The United States supported the resolution, while Russia and Mozambique "
        "abstained.",
        date(2024, 11, 1),
        [R2756],
    )
    assert any(label == "supported" for _t, label, _r in found), found
