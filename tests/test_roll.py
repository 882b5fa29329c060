"""States named as voting that did not sit on the Council: a list of members gone stale (last
year's elected members) is wrong, and said so when the link is sure; another body's vote read
as the Council's, or a roll from years when seats changed names, is left unchecked. Sentences
written here in two outlets' styles; decisions built here."""

from __future__ import annotations

from datetime import date

import pytest

from tests.test_linking import decision, members, one, run

E10_2025 = ("Algeria", "Denmark", "Greece", "Guyana", "Pakistan", "Panama", "South Korea",
            "Sierra Leone", "Slovenia", "Somalia")  # fmt: skip
DAY = date(2025, 6, 4)
GAZA = decision(
    "S/RES/2999(2025)",
    "adopted",
    DAY,
    "The situation in the Middle East, including the Palestinian question",
    vote=(14, 0, 1),
    members=members(
        yes=("China", "France", "Russia", "United Kingdom", *E10_2025),
        abstain=("United States",),
    ),
    number=2999,
)


@pytest.mark.parametrize(
    "text",
    [
        # wire style: last year's elected members in the list
        "Resolution 2999 on Gaza was supported by China, France, Russia, Britain, Algeria, "
        "Sierra Leone, Mozambique, Japan, Guyana, Malta and Switzerland.",
        # newspaper style
        "Algeria, Guyana, Slovenia, Ecuador, Japan, China and France voted in favour of "
        "Resolution 2999 on Gaza.",
    ],
)
def test_states_named_as_voting_that_did_not_sit_are_contradicted(text):
    _c, verdict = one(run(text, DAY, [GAZA], "vote"))
    assert verdict.label == "contradicted", verdict.explanation
    assert verdict.reason == "vote.not_on_council"


@pytest.mark.parametrize(
    "text",
    [
        # another body's vote in a story about the Council's: few of the names sat on it
        "Resolution 2999 on Gaza was backed by France, Japan, Ireland and Norway.",
        "The United States, Israel, Hungary and Argentina voted against Resolution 2999 on Gaza.",
    ],
)
def test_a_list_mostly_of_outsiders_is_not_called_stale(text):
    _c, verdict = one(run(text, DAY, [GAZA], "vote"))
    assert verdict.reason != "vote.not_on_council", verdict.explanation


def test_a_roll_from_before_the_seats_kept_their_names_is_not_used_so():
    old = decision(
        "S/RES/9999(1990)",
        "adopted",
        date(1990, 8, 6),
        "The situation between Iraq and Kuwait",
        vote=(13, 0, 2),
        members=members(
            yes=("China", "France", "USSR", "United Kingdom", "United States", "Canada",
                 "Colombia", "Ethiopia", "Finland", "Côte d'Ivoire", "Malaysia", "Romania",
                 "Zaire"),
            abstain=("Cuba", "Yemen"),
        ),
        number=9999,
    )  # fmt: skip
    text = "Resolution 9999 on Iraq and Kuwait was backed by Canada, Colombia, Finland and Congo."
    _c, verdict = one(run(text, date(1990, 8, 7), [old], "vote"))
    assert verdict.reason != "vote.not_on_council", verdict.explanation


def test_the_claim_is_shown_without_counts_the_text_does_not_state():
    from checks.verdicts.vote import claimed_text

    said = {"for": 10, "against": 1, "against_members": ["Bolivia"], "inferred": ["against"]}
    assert claimed_text(said) == "10 in favour; Bolivia against"
