"""Vote forms a probe on untuned texts found read only as plain numbers (so no rule checked
them) or with their abstainers left unread: "adopted by 14 votes (in favour of ...)", a
headline's "Resolution receives 12 votes", "Twelve members of the council, including A and B,
approved the decision", and "abstentions from/by A, B and C".

Every sentence was written for these tests, each form in at least two outlets' styles (wire
copy, UN press release, newspaper, regional site); none is copied from the probe texts or the
dev set. Each test asserts the values extracted; the negative cases stay numbers or no vote.
"""

from __future__ import annotations

from datetime import date

import pytest

from checks.extract import extract_claims
from checks.verdicts.vote import other_body

ON = date(2024, 3, 15)


def claims(text: str, kind: str) -> list:
    return [c for c in extract_claims(text, article_date=ON).claims if c.type == kind]


def one_vote(text: str) -> dict:
    found = claims(text, "vote")
    assert len(found) == 1, [c.text for c in found]
    return found[0].value


# --- 1. "adopted ... by 14 votes", with or without "in favour (of ...)" ------------------------
@pytest.mark.parametrize(
    ("text", "n"),
    [
        # UN press release headline: present tense, the resolution named between verb and count
        ("Security Council Adopts Resolution 2417 (2018) by 13 Votes, with 2 Abstentions", 13),
        # wire copy: passive, "in favour of" an action the text takes
        (
            "The measure was adopted by 12 votes in favour of extending the arms embargo, "
            "diplomats said.",
            12,
        ),
        # newspaper: "the draft resolution" between verb and count
        (
            "On Thursday the council passed the draft resolution by 11 votes after a long debate.",
            11,
        ),
        # regional site: "in favour" right after the count, then the abstentions
        (
            "The Council approved the renewal by fourteen votes in favour, with one abstention.",
            14,
        ),
    ],
)
def test_adopted_by_n_votes_is_a_count_in_favour(text: str, n: int) -> None:
    value = one_vote(text)
    assert value["for"] == n
    assert value["against"] is None
    assert not claims(text, "number"), "the count must not also stay a plain number"


def test_adopted_by_n_votes_in_favour_of_is_not_read_twice() -> None:
    text = "The Council adopted the text by 14 votes in favour of the resolution, none against."
    value = one_vote(text)
    assert (value["for"], value["against"]) == (14, 0)


def test_by_n_votes_in_favour_to_m_stays_one_tally() -> None:
    value = one_vote("The resolution was adopted by 13 votes in favour to 2 against.")
    assert (value["for"], value["against"]) == (13, 2)


# --- 2. "receives 12 votes" (headline present) and "received 12 votes in favour" ---------------
@pytest.mark.parametrize(
    ("text", "n"),
    [
        # wire headline: present tense, no verb object
        ("Haiti force resolution, drafted by Panama and US, receives 12 votes", 12),
        # newspaper headline style
        ("UN text on Red Sea shipping wins 11 votes, Russia and China abstain", 11),
        # UN-style body copy, past tense with "in favour"
        ("The draft received 9 votes in favour, the minimum needed for adoption.", 9),
        # regional site
        ("The proposal by Algeria gets 13 votes at the Security Council", 13),
    ],
)
def test_received_n_votes_is_a_count_in_favour(text: str, n: int) -> None:
    found = claims(text, "vote")
    assert found, "no vote read"
    assert found[0].value["for"] == n


# --- 3. "Twelve members of the council, including A and B, approved the decision" -------------
@pytest.mark.parametrize(
    ("text", "n", "named"),
    [
        # regional site: "of the council, including ..." between the count and the verb
        (
            "Twelve members of the council, including Britain and Japan, approved the decision, "
            "while the Russian envoy walked out.",
            12,
            ["United Kingdom", "Japan"],
        ),
        # wire copy: "countries" and a list of three
        (
            "Fourteen countries, including Malta, Ecuador and Mozambique, approved the draft in "
            "Friday's council vote.",
            14,
            ["Malta", "Ecuador", "Mozambique"],
        ),
        # newspaper: digits, "the resolution"
        (
            "In the end 13 council members, including France and Switzerland, approved the "
            "resolution.",
            13,
            ["France", "Switzerland"],
        ),
    ],
)
def test_count_with_partial_list_approved(text: str, n: int, named: list[str]) -> None:
    value = one_vote(text)
    assert value["for"] == n
    assert value["in_favour"] == named
    assert value.get("partial_list") is True


def test_named_state_approving_a_national_decision_is_no_vote() -> None:
    assert not claims("France approved the decision to send troops, the council said.", "vote")


def test_count_of_ministers_approving_stays_a_number() -> None:
    text = "Twelve ministers approved the decision at the council meeting."
    assert not claims(text, "vote")
    assert [c.value["value"] for c in claims(text, "number")] == [12]


def test_future_approval_by_a_count_is_no_vote() -> None:
    text = "Twelve members would approve the text, diplomats said ahead of the council meeting."
    assert not claims(text, "vote")


# --- 4. "abstentions from/by A, B and C": the states that abstained ---------------------------
@pytest.mark.parametrize(
    ("text", "count", "names"),
    [
        # wire copy: a count, then "from"
        (
            "The text passed with 12 in favour and three abstentions from Russia, China, and "
            "Pakistan.",
            3,
            ["Russia", "China", "Pakistan"],
        ),
        # UN press release: parentheses with "by"
        (
            "It was adopted by 11 votes in favour, none against, and four abstentions (by "
            "Algeria, China, Mozambique and Russia).",
            4,
            ["Algeria", "China", "Mozambique", "Russia"],
        ),
        # newspaper: no count, "by"
        (
            "The council backed the mission 11 to 0, with abstentions by China, Pakistan and "
            "Russia.",
            3,
            ["China", "Pakistan", "Russia"],
        ),
        # regional site: no count, "marked by abstentions from"
        (
            "The renewal was marked by abstentions from Russia and Mozambique, a diplomat said.",
            2,
            ["Russia", "Mozambique"],
        ),
    ],
)
def test_abstentions_from_names_the_abstainers(text: str, count: int, names: list[str]) -> None:
    value = one_vote(text)
    assert value["abstaining"] == names
    assert value["abstain"] == count


def test_abstentions_from_a_group_names_no_state() -> None:
    found = claims("The resolution passed with abstentions from the three African members.", "vote")
    assert all(not c.value["abstaining"] for c in found)


def test_abstention_from_voting_is_no_vote() -> None:
    assert not claims("Abstentions from voting have become common in the Council.", "vote")


# --- counts that are no Council vote stay what they are ---------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "The resolution received 120 votes in the General Assembly.",
        "The General Assembly adopted the text by 143 votes in favour of admitting Palestine.",
    ],
)
def test_assembly_votes_stay_assembly_votes(text: str) -> None:
    found = claims(text, "vote")
    assert found and other_body(found[0], ON) is not None


@pytest.mark.parametrize(
    "text",
    [
        "The 193-member Assembly met on Friday.",
        "Twelve countries signed the declaration in Geneva.",
        "The mission has 14 votes of confidence from donors to its name.",
    ],
)
def test_plain_numbers_stay_numbers(text: str) -> None:
    assert not claims(text, "vote")
    assert claims(text, "number")
