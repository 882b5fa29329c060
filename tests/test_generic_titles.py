"""Votes whose record's subject fits no story's words (a Yemen draft filed under "Middle East",
a bare letter's title), in dated stories that state no day: the week's only veto, cast by the
member the sentence names, and a split tally whose every count and member the record matches,
are linked (never surely: they support, never refute). And a clause telling another vote
("..., put forward after it vetoed a rival") lends its outcome words to no other claim.

Seen in an RT report reprinted by Armenpress and in AP and Reuters copy of the same kind of
day; sentences written here in those styles, decisions built here.
"""

from __future__ import annotations

from datetime import date

import pytest

from checks.extract.links import clause_outcome
from tests.test_linking import decision, one, roll, run

COUNCIL_2018 = ("China", "France", "Russia", "United Kingdom", "United States", "Bolivia",
                "Côte d'Ivoire", "Equatorial Guinea", "Ethiopia", "Kazakhstan", "Kuwait",
                "Netherlands", "Peru", "Poland", "Sweden")  # fmt: skip
YEMEN_VETO = decision(
    "S/2018/156",
    "vetoed",
    date(2018, 2, 26),
    "Middle East (The situation in the Middle East)",
    vote=(11, 2, 2),
    members=roll(COUNCIL_2018, no=("Russia", "Bolivia"), abstain=("China", "Kazakhstan")),
    vetoed_by=("Russia",),
)
YEMEN_ADOPTED = decision(
    "S/RES/2402(2018)",
    "adopted",
    date(2018, 2, 26),
    "renewal of sanctions against Yemen imposed by resolution 2140 (2014)",
    vote=(15, 0, 0),
    members=roll(COUNCIL_2018),
    number=2402,
)
ON = date(2018, 2, 27)


@pytest.mark.parametrize(
    "sentence",
    [
        "However, that draft gained only 11 votes in support, with Russia and Bolivia voting "
        "against and China and Kazakhstan abstaining.",
        "The British text won 11 votes; Russia and Bolivia voted no, and China and Kazakhstan "
        "abstained.",
    ],
)
def test_a_split_tally_links_to_the_record_matching_it_in_full(sentence):
    text = f"The Security Council renewed sanctions on Yemen on Monday. {sentence}"
    pairs = run(text, ON, [YEMEN_VETO, YEMEN_ADOPTED], "vote")
    hits = [(c, v) for c, v in pairs if v.decision and "S/2018/156" in str(v.decision)]
    assert hits, [(c.text, v.label, v.reason) for c, v in pairs]
    assert all(v.label == "supported" for _c, v in hits), [v.explanation for _c, v in hits]


def test_unanimity_alone_chooses_no_record_of_another_subject():
    text = "Fishing quotas were on the agenda. The council unanimously agreed to the text."
    other = decision("S/RES/2401(2018)", "adopted", date(2018, 2, 24), "Syria", vote=(15, 0, 0))
    pairs = run(text, ON, [other], "vote")
    _c, verdict = one(pairs)
    assert verdict.reason == "vote.no_link", verdict.explanation


@pytest.mark.parametrize(
    "sentence",
    [
        "It comes after Russia vetoed a rival resolution that blamed Iran for the conflict.",
        "Russia used its veto to block the British text, diplomats said.",
    ],
)
def test_the_weeks_only_veto_by_the_member_named_is_the_veto_told_of(sentence):
    _c, verdict = one(run(sentence, ON, [YEMEN_VETO, YEMEN_ADOPTED], "vote"))
    assert verdict.label == "supported", verdict.explanation
    assert verdict.decision["decision"]["key"] == "S/2018/156"


@pytest.mark.parametrize(
    ("sentence", "extra"),
    [
        # another member named than the one that cast the week's veto
        ("It comes after China vetoed a rival resolution that blamed Iran.", []),
        # two vetoes in the week: which one is meant is not told
        (
            "It comes after Russia vetoed a rival resolution that blamed Iran.",
            [decision("S/2018/175", "vetoed", date(2018, 2, 22), "Middle East", vote=(12, 2, 1),
                      vetoed_by=("Russia",))],
        ),
    ],
)  # fmt: skip
def test_no_lone_veto_when_the_member_differs_or_the_week_holds_two(sentence, extra):
    _c, verdict = one(run(sentence, ON, [YEMEN_VETO, YEMEN_ADOPTED, *extra], "vote"))
    assert verdict.label not in {"supported", "contradicted"}, verdict.explanation


@pytest.mark.parametrize(
    ("sentence", "main", "other"),
    [
        (
            "All 15 members voted in favor of the draft on Yemen, put forward by Russia as a "
            "compromise after it vetoed a rival, the agency said.",
            "All 15",
            "it vetoed",
        ),
        (
            "The council approved the extension 15-0, hours after Russia vetoed a Western draft.",
            "15-0",
            "Russia vetoed",
        ),
    ],
)
def test_a_clause_telling_another_vote_keeps_its_outcome_words(sentence, main, other):
    assert clause_outcome(sentence, sentence.index(other)) == "vetoed"
    assert clause_outcome(sentence, sentence.index(main)) != "vetoed"


@pytest.mark.parametrize(
    "sentence",
    [
        # Indian news site
        "Another resolution drafted by Brazil bit the dust in the UN Security Council on "
        "Wednesday after being vetoed by the United States.",
        # wire
        "The text failed on Friday after it was vetoed by Russia.",
    ],
)
def test_a_clause_with_no_subject_of_its_own_tells_the_same_vote(sentence):
    assert clause_outcome(sentence, sentence.index("on ")) == "vetoed"


# --- two texts of one day: the tally that only one record bears out ---------------------------
COUNCIL_1955 = ("China", "France", "USSR", "United Kingdom", "United States", "Belgium",
                "Brazil", "Iran", "New Zealand", "Peru", "Turkey")  # fmt: skip
MEMBERSHIP_VETO = decision(
    "S/3502",
    "vetoed",
    date(1955, 12, 13),
    "Admission of new Members",
    vote=(8, 1, 2),
    members=roll(COUNCIL_1955, no=("China",), abstain=("Belgium", "United States")),
    vetoed_by=("China",),
)
MEMBERSHIP_ADOPTED = decision(
    "S/RES/109(1955)",
    "adopted",
    date(1955, 12, 14),
    "Admission of new Members",
    vote=(8, 0, 3),
    members=roll(COUNCIL_1955, abstain=("Belgium", "China", "United States")),
    number=109,
)


@pytest.mark.parametrize(
    "sentence",
    [
        # archive style
        "The question was decided by a vote of 8 to 1 with 2 abstentions.",
        # wire style
        "Eight members voted in favour, one against and two abstained.",
    ],
)
def test_a_tally_only_one_tied_record_bears_out_chooses_it(sentence):
    text = f"The Security Council once again considered the question of membership this week. {sentence}"
    pairs = run(text, date(1955, 12, 14), [MEMBERSHIP_VETO, MEMBERSHIP_ADOPTED], "vote")
    _c, verdict = one(pairs)
    assert verdict.label == "supported", verdict.explanation
    assert verdict.decision["decision"]["key"] == "S/3502"


def test_a_tally_both_tied_records_differ_from_is_not_called_false():
    text = (
        "The Security Council once again considered the question of membership this week. "
        "The question was decided by a vote of 7 to 2 with 2 abstentions."
    )
    _c, verdict = one(run(text, date(1955, 12, 14), [MEMBERSHIP_VETO, MEMBERSHIP_ADOPTED], "vote"))
    assert verdict.label not in {"supported", "contradicted"}, verdict.explanation


def test_members_named_as_voting_for_choose_no_unanimous_record_of_another_subject():
    # a history told in a dated feature: the story's vote is decades old; a unanimous text of
    # the article's week bears out "the US, UK and France supported it", but says nothing
    unanimous = decision(
        "S/RES/2717(2023)", "adopted", date(2023, 12, 19), "Democratic Republic of the Congo",
        vote=(15, 0, 0), members=roll(COUNCIL_2018), number=2717,
    )  # fmt: skip
    text = (
        "Portugal moved a resolution against India at the UN in 1961. The United States, "
        "United Kingdom, and France supported Portugal's resolution."
    )
    _c, verdict = one(run(text, date(2023, 12, 19), [unanimous], "vote"))
    assert verdict.label != "supported", verdict.explanation
