"""Hyphenated figures with a thousands separator or decimals ("a 1,049-strong force", "a
1.5-million-strong army") are read whole, and an ordinal that is part of a proper name ("the
Fourth Geneva Convention", "the Second World War") is no count.

Sentences are written for these tests in the styles of wire copy, newspapers, UN press
releases and broadcasters' websites; none is copied from the dev set or any news article."""

from __future__ import annotations

from datetime import date

import pytest

from tests.test_extract_numbers import numbers as number_claims

ON = date(2021, 6, 4)


def numbers(text: str) -> list:
    return number_claims(text, ON)


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        # wire
        (
            "Diplomats said the 1,049-strong peacekeeping contingent would pull out next month.",
            "1,049-strong",
            1049,
        ),
        # newspaper
        (
            "A 2,500-member observer mission, the largest the region has seen, was proposed "
            "by the secretary-general last week.",
            "2,500-member",
            2500,
        ),
        # broadcaster's website
        (
            "The African Union wants its 10,000-strong force to stay until elections are held.",
            "10,000-strong",
            10000,
        ),
        # magazine feature
        (
            "Tehran can call on a 1.5-million-strong volunteer militia, analysts believe.",
            "1.5-million-strong",
            1_500_000,
        ),
        # UN press release: a decimal before a measure is read whole, not from its last digits
        (
            "The text calls for a 2.5-kilometre demilitarized zone along the line of contact.",
            "2.5-kilometre",
            2.5,
        ),
    ],
)
def test_hyphenated_figure_with_separator_is_read_whole(sentence, text, value):
    found = [c for c in numbers(sentence) if c.text == text]
    assert found, [(c.text, c.value) for c in numbers(sentence)]
    assert found[0].value["value"] == value


@pytest.mark.parametrize(
    "sentence",
    [
        "Diplomats said the 1,049-strong peacekeeping contingent would pull out next month.",
        "A 2,500-member observer mission was proposed by the secretary-general last week.",
    ],
)
def test_digits_after_a_thousands_separator_are_never_a_figure(sentence):
    """The old reading: '049-strong' = 49, '500-member' = 500."""
    claims = numbers(sentence)
    assert all(sentence[c.start - 1] not in ",." for c in claims), [c.text for c in claims]
    assert all(c.value["value"] not in {49, 500} for c in claims)


@pytest.mark.parametrize(
    "sentence",
    [
        # European separator, or a misprint: no figure anyone can read for sure
        "Le contingent, a 1.049-strong force, was withdrawn in March.",
        "The force, 1,04-strong according to the ministry, was withdrawn.",
    ],
)
def test_unreadable_separator_before_a_count_gives_no_figure(sentence):
    assert numbers(sentence) == []


def test_strong_is_not_made_a_plural_unit():
    (claim,) = [c for c in numbers("The 1,200-strong battalion left Juba.") if "strong" in c.text]
    assert claim.value == {"value": 1200, "unit": "strong"}


@pytest.mark.parametrize(
    "sentence",
    [
        # wire
        "The draft demanded that Israel abide by the Fourth Geneva Convention in the territories.",
        # newspaper
        "Not since the Second World War has the continent seen so many refugees, she said.",
        # UN press release
        "The First Committee (Disarmament and International Security) approved the text.",
        # opinion column
        "The minister likened the annexation to the Third Reich's seizure of the Sudetenland.",
        # UN press release, budget
        "The Fifth Committee recommended the appropriation to the plenary on Friday.",
    ],
)
def test_ordinal_in_a_proper_name_is_not_a_number_claim(sentence):
    assert not [c for c in numbers(sentence) if c.value.get("ordinal")], [
        (c.text, c.value) for c in numbers(sentence)
    ]


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        # wire: a count of vetoes stays a claim
        ("It was the fourth veto Moscow has cast on the matter this year.", "fourth veto", 4),
        # headline in title case: "Fourth Veto" is a count, not a name
        ("Russia Casts Fourth Veto On Syria Resolution", "Fourth Veto", 4),
        # newspaper, sentence-initial
        ("Third round of sanctions hits the regime's oil exports.", "Third round of sanctions", 3),
    ],
)
def test_counted_ordinals_remain_claims(sentence, text, value):
    found = [c for c in numbers(sentence) if c.text == text]
    assert found, [(c.text, c.value) for c in numbers(sentence)]
    assert found[0].value["value"] == value
    assert found[0].value["ordinal"] is True
