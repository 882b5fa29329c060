"""Counts of events as number claims ("a fourth round of sanctions", "Britain's first veto",
"the fifth time Russia has used its veto"), and figures too large to be quantities.

Sentences are written for these tests in the styles of wire copy, UN press releases, newspapers
and non-native English reprints; none is copied from the dev set."""

from __future__ import annotations

import json
from datetime import date

import pytest

from checks.extract import extract_claims

ON = date(2023, 3, 15)


def numbers(text: str, on: date = ON) -> list:
    """The number claims of `text`, each span checked against its offsets."""
    result = extract_claims(text, article_date=on)
    for claim in result.claims:
        assert text[claim.start : claim.end] == claim.text
    return [c for c in result.claims if c.type == "number"]


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        # wire
        (
            "The council on Monday imposed a fourth round of sanctions on Tehran.",
            4,
            "round of sanctions",
        ),
        # UN press release
        (
            "By the text, the Council decides on a second round of consultations with the parties.",
            2,
            "round of consultations",
        ),
        # non-native English reprint
        (
            "Western countries are preparing the third wave of sanctions against the regime.",
            3,
            "wave of sanctions",
        ),
    ],
)
def test_ordinal_rounds_of_something(sentence, value, unit):
    found = [c for c in numbers(sentence) if c.value.get("ordinal")]
    assert [(c.value["value"], c.value["unit"]) for c in found] == [(value, unit)]


@pytest.mark.parametrize(
    ("sentence", "value", "of"),
    [
        (
            "It was Britain's first veto since the Suez crisis, diplomats noted.",
            1,
            "United Kingdom",
        ),
        ("The draft fell to China's second veto in a month.", 2, "China"),
        (
            "Observers called it Washington's first veto on the issue in a decade.",
            1,
            "United States",
        ),
    ],
)
def test_a_states_numbered_veto(sentence, value, of):
    claim = next(c for c in numbers(sentence) if c.value.get("unit") == "veto")
    assert claim.value["value"] == value and claim.value["ordinal"] is True
    assert claim.value["of"] == of


@pytest.mark.parametrize(
    ("sentence", "value", "event_words"),
    [
        (
            "It was the fifth time Moscow has used its veto on a text about the war.",
            5,
            "used its veto",
        ),
        (
            "This is the third time that the Council has extended the mission this year.",
            3,
            "extended",
        ),
        ("It marked the first time the body had met outside New York since 1990.", 1, "had met"),
    ],
)
def test_the_nth_time_something_happened(sentence, value, event_words):
    claim = next(c for c in numbers(sentence) if c.value.get("unit") == "time")
    assert claim.value["value"] == value
    assert event_words in claim.value["event"]


@pytest.mark.parametrize(
    "sentence",
    [
        "For the first time, the two delegations sat at one table.",
        "China abstained for the second time.",
        "The first step is a ceasefire, the envoy said.",
    ],
)
def test_ordinals_that_count_nothing_are_not_claims(sentence):
    assert [c for c in numbers(sentence) if c.value.get("ordinal")] == []


@pytest.mark.parametrize("digits", [25, 400, 5000])
def test_absurdly_long_numbers_never_raise_nor_become_infinity(digits):
    big = "9" * digits
    text = (
        f"The fund holds {big} dollars, {big}.5% of the total, ${big} billion and "
        f"{big} million refugees. It ended {big} days later and {big} years ago."
    )
    result = extract_claims(text, article_date=ON)
    assert not any("finder failed" in w for w in result.warnings)
    json.dumps([c.value for c in result.claims], allow_nan=False)  # no inf/nan in the JSON
    for claim in result.claims:
        if claim.type == "number":
            assert abs(claim.value["value"]) < 1e16
