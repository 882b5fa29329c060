"""Whether a story's words fit a decision's recorded subject: a title's word in the plural is the
same subject ("terrorist acts" / "terrorists"), and the Houthi attacks on shipping are what
news calls the Red Sea. Sentences written here in the styles of a wire story, a US news site
and a UN News digest; titles as the votes database and the Library word them.
"""

from __future__ import annotations

from datetime import date

import pytest

from checks.verdicts.base import topic_score
from tests.test_linking import decision, one, run

TERRORISM = "Threats to international peace and security caused by terrorist acts"
HOUTHI = (
    "Security Council resolution 2739 (2024) [on extension of the reporting request in para. "
    "10 of resolution 2722 (2024) on Houthi attacks on merchant and[...]"
)


@pytest.mark.parametrize(
    "sentence",
    [
        "The council unanimously passed a resolution that requires states to stop the flow of "
        "foreign terrorists through their territory.",
        "Members agreed to curb the travel of terrorists to Syria and Iraq, the AP reported.",
    ],
)
def test_a_titles_word_fits_in_the_plural_and_the_singular(sentence):
    assert topic_score(TERRORISM, sentence) > 0


@pytest.mark.parametrize(
    "sentence",
    [
        "The Security Council adopted a resolution on the situation in the Red Sea, by 12 votes "
        "in favour, with three abstentions.",
        "The council voted to keep the Secretary-General's monthly briefings on the Red Sea.",
    ],
)
def test_the_red_sea_is_the_houthi_attacks_subject(sentence):
    assert topic_score(HOUTHI, sentence) > 0


def test_an_undated_red_sea_vote_links_to_the_days_houthi_decision():
    extended = decision(
        "S/RES/2739(2024)", "adopted", date(2024, 6, 27), HOUTHI, vote=(12, 0, 3), number=2739
    )
    other = decision(
        "S/RES/2737(2024)",
        "adopted",
        date(2024, 6, 27),
        "extension of the mandate of the UN Disengagement Observer Force (UNDOF)",
        vote=(15, 0, 0),
        number=2737,
    )
    text = (
        "Security Council renews Red Sea text\n\nThe UN Security Council also voted on the "
        "extension of the resolution on the situation in the Red Sea, which was adopted by 12 "
        "votes in favor, 0 against and 3 abstentions."
    )
    _c, verdict = one(run(text, date(2024, 6, 28), [extended, other], "vote"))
    assert verdict.label == "supported", verdict.explanation
    assert verdict.decision["decision"]["key"] == "S/RES/2739(2024)"


@pytest.mark.parametrize(
    ("title", "sentence"),
    [
        # a Cuban radio site: "Africa" of a title is not South Africa's
        ("Silencing the guns in Africa", "South Africa also voted against the Venezuela text."),
        # wire copy: Equatorial Guinea is not Guinea, South Sudan not the Sudan
        ("The situation in Guinea", "Equatorial Guinea abstained in the vote."),
        ("Reports of the Secretary-General on the Sudan", "South Sudan's envoy spoke first."),
    ],
)
def test_another_state_holding_a_titles_word_is_another_subject(title, sentence):
    assert topic_score(title, sentence) == 0


@pytest.mark.parametrize(
    ("title", "sentence"),
    [
        ("The situation in Mali", "The Republic of Mali asked the mission to leave."),
        ("Non-proliferation/Democratic People's Republic of Korea", "North Korea fired again."),
        ("Question of South Africa", "South Africa's apartheid laws were condemned."),
    ],
)
def test_the_titles_own_state_under_another_name_still_fits(title, sentence):
    assert topic_score(title, sentence) > 0


ATOMIC = "The international control of atomic energy (report of the Atomic Energy Commission)"


@pytest.mark.parametrize(
    "sentence",
    [
        # a New Zealand wire story of 1947
        "Russia vetoed the proposal to set up a Balkans frontier commission.",
        # UN-style summary
        "The Soviet Union vetoed the creation of a commission of inquiry on the Greek border.",
    ],
)
def test_a_commission_or_committee_alone_is_no_subject(sentence):
    # "the Atomic Energy Commission" and a Balkans commission share only the body's kind
    assert topic_score(ATOMIC, sentence) == 0
