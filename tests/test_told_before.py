"""A vote claim that continues the vote the sentence before told of ("... was blocked by
Russia's veto. China and Kazakhstan abstained."): that vote is a candidate even when its
recorded subject ("Middle East") fits no word of the story, never surely; members named that
one day's records disagree on choose between them. A link found from the undated story's
other claims is not passed on (no circle).

Sentences written here in a Jordanian news agency's and a wire service's styles; the decisions
are built from the votes database's rows of 26 February 2018.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.test_linking import decision, members, one, run

DAY = date(2018, 2, 26)
E15 = ("Côte d'Ivoire", "Equatorial Guinea", "Ethiopia", "France", "Kuwait", "Netherlands",
       "Peru", "Poland", "Sweden", "United Kingdom", "United States")  # fmt: skip
UK_DRAFT = decision(
    "S/2018/156", "vetoed", DAY, "Middle East (The situation in the Middle East)",
    vote=(11, 2, 2), vetoed_by=("Russia",),
    members=members(yes=E15, no=("Russia", "Bolivia"), abstain=("China", "Kazakhstan")),
)  # fmt: skip
RES_2402 = decision(
    "S/RES/2402(2018)", "adopted", DAY,
    "Middle East (Yemen): extension of the mandate of the Panel of Experts", vote=(15, 0, 0),
    members=members(yes=(*E15, "Russia", "Bolivia", "China", "Kazakhstan")), number=2402,
)  # fmt: skip
LATER = "\n\nThe council also adopted resolution 2402 on Yemen, renewing the sanctions panel."


@pytest.mark.parametrize(
    "text",
    [
        # a news agency's reprint
        "Russia vetoed, late Monday, a UN draft resolution that would have pressured Iran over "
        "missiles supplied to Yemen's Houthi militias.\n\nThe British-drafted text won 11 votes "
        "at the Security Council but was blocked by Russia's veto. China and Kazakhstan "
        "abstained." + LATER,
        # wire style
        "Russia on Monday vetoed a British-drafted Security Council resolution that would have "
        "named Iran over Houthi missiles. The text won 11 votes in favour. China and Kazakhstan "
        "abstained.",
    ],
)
def test_members_after_a_vote_sentence_belong_to_that_vote(text):
    pairs = [(c, v) for c, v in run(text, DAY, [UK_DRAFT, RES_2402], "vote")
             if "abstained" in c.text]  # fmt: skip
    _c, verdict = one(pairs)
    assert (verdict.label, verdict.reason) == ("supported", "vote.members_match")
    assert verdict.decision["decision"]["key"] == "S/2018/156"


def test_a_vote_told_before_never_makes_a_link_sure():
    # the same names, wrong for the vote told before: the link is not sure enough to refute
    text = (
        "Russia on Monday vetoed a British-drafted Security Council resolution that would have "
        "named Iran over Houthi missiles. The text won 11 votes in favour. Peru and Sweden "
        "abstained."
    )
    pairs = [(c, v) for c, v in run(text, DAY, [UK_DRAFT], "vote") if "abstained" in c.text]
    _c, verdict = one(pairs)
    assert verdict.label != "contradicted", verdict.explanation


AID_DAY = date(2019, 12, 20)
AID_VETOED = decision(
    "S/2019/961", "vetoed", AID_DAY, "The situation in the Middle East (Syria)", vote=(13, 2, 0),
    vetoed_by=("Russia", "China"), members=members(no=("Russia", "China")),
)  # fmt: skip
AID_RIVAL = decision(
    "S/2019/962", "failed", AID_DAY, "The situation in the Middle East (Syria)", vote=(5, 6, 4),
    members=members(yes=("Russia", "China")),
)  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        # a Pakistani daily's wire copy
        "Russia and China vetoed the text on Syrian aid drafted by Belgium, Kuwait and "
        "Germany. The council then voted on the rival text, but it failed with only five votes "
        "in favour, six against and four abstentions.",
        # a UN-style summary
        "The Council failed to renew cross-border aid to Syria after Russia and China "
        "vetoed a text. A second draft then received five votes in favour, six against and "
        "four abstentions.",
    ],
)
def test_a_sentence_telling_another_draft_does_not_continue_the_vote_before(text):
    pairs = [(c, v) for c, v in run(text, AID_DAY + timedelta(days=1), [AID_VETOED, AID_RIVAL],
                                    "vote") if "five" in c.text]  # fmt: skip
    _c, verdict = one(pairs)
    assert verdict.label == "supported", verdict.explanation
    assert verdict.decision["decision"]["key"] == "S/2019/962"
