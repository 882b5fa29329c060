"""A vote on the Council's procedure (putting an item on its agenda, adjourning) is no vote on a
draft: it is never compared with, or linked to, a resolution voted that day or month.

Sentences written for these tests in a government record's, a wire service's and a 1970s
newspaper's styles.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.test_linking import decision, members, run

LAOS = decision(
    "S/RES/132(1959)", "adopted", date(1959, 9, 7), "Report by the Secretary-General on Laos",
    vote=(10, 1, 0), members=members(no=("USSR",)), number=132,
)  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        # a government record's editorial note
        "The Security Council agreed on September 7, by a vote of 10 to 1 (USSR), to include "
        "the question of Laos on its agenda.",
        # wire style
        "The Security Council voted 10-1 on Monday to put the Laos question on its agenda, "
        "over Soviet objections.",
        # 1970s newspaper
        "Over Soviet protests, the Council voted 10 to 1 on Laos yesterday to inscribe the item.",
    ],
)
def test_a_vote_on_the_agenda_is_not_compared_with_a_resolution(text):
    pairs = run(text, date(1959, 9, 8), [LAOS], "vote")
    assert pairs
    for _claim, verdict in pairs:
        assert (verdict.label, verdict.reason) == ("unverifiable", "vote.procedural"), (
            verdict.explanation
        )


SUEZ = decision(
    "S/RES/119(1956)", "adopted", date(1956, 10, 31), "Complaint by Egypt against France and the UK",
    vote=(7, 2, 2), members=members(no=("United Kingdom", "France")), number=119,
)  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        # a resolution adopted as a procedural decision is on record
        "Resolution 119, a procedural decision not subject to veto, was adopted on 31 October "
        "1956 by 7 votes to 2, with Britain and France against.",
        "On 31 October 1956 the Council adopted resolution 119 by 7-2 as a procedural matter, "
        "Britain and France voting against.",
    ],
)
def test_a_named_resolution_adopted_as_procedural_is_still_checked(text):
    pairs = run(text, date(1956, 11, 2), [SUEZ], "vote")
    assert any(v.label == "supported" for _c, v in pairs), [v.explanation for _c, v in pairs]


@pytest.mark.parametrize(
    "text",
    [
        # the resolution's own text names its agenda: no procedural vote
        "Having considered the item on the agenda, the Security Council on September 7 adopted "
        "resolution 132 by 10 votes to 1.",
        "The Council, which had the Laos item on its agenda, adopted resolution 132 by a vote "
        "of 10 to 1 on September 7.",
    ],
)
def test_an_agenda_merely_mentioned_leaves_the_vote_checked(text):
    pairs = run(text, date(1959, 9, 8), [LAOS], "vote")
    assert any(v.label == "supported" for _c, v in pairs), [v.explanation for _c, v in pairs]
