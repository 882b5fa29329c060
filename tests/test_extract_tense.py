"""Which way a date without a year or a weekday points, from the verb it belongs to. Found on
news texts nobody tuned for; sentences written here in two outlets' styles each."""

from __future__ import annotations

from datetime import date

import pytest

from checks.extract import extract_claims


def date_value(text: str, on: date) -> str | None:
    found = [c for c in extract_claims(text, article_date=on).claims if c.type == "date"]
    assert len(found) == 1, [c.text for c in found]
    return found[0].value.get("date")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # wire style: a plan in the sentence, a done act naming its noun
        ("The observers would be sent to Guatemala to supervise the peace plan signed Dec. 29 "
         "in Guatemala City.", "1996-12-29"),
        # newspaper style
        ("Monitors will travel to Burundi to oversee the ceasefire agreed Dec. 30 in Arusha.",
         "1996-12-30"),
    ],
)  # fmt: skip
def test_a_done_act_naming_its_noun_is_past_in_a_sentence_about_a_plan(text, expected):
    assert date_value(text, date(1997, 1, 11)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # wire style
        ("The second draft, introduced by Brazil, should be put to a vote on Tuesday.",
         "2023-10-17"),
        # newspaper style
        ("Diplomats say the text must be voted on Wednesday, after talks.", "2023-10-18"),
        # looking back stays back
        ("The text should have been voted on Tuesday, envoys complained.", "2023-10-10"),
    ],
)  # fmt: skip
def test_a_duty_ahead_points_to_the_coming_weekday(text, expected):
    assert date_value(text, date(2023, 10, 16)) == expected


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # wire style: a plan told in the past perfect was for a day already past
        ("Diplomats had expected the Council to vote on Tuesday, but the vote was put off.",
         "2014-12-30"),
        # newspaper style
        ("The vote had been scheduled for Tuesday, but Jordan asked for more time.", "2014-12-30"),
        # a plan told in the present stays ahead
        ("The Council is expected to vote on Tuesday.", "2015-01-06"),
        ("The vote is scheduled for Tuesday, diplomats said.", "2015-01-06"),
    ],
)  # fmt: skip
def test_a_plan_in_the_past_perfect_is_for_a_past_day(text, day):
    dates = [c for c in extract_claims(text, article_date=date(2014, 12, 31)).claims
             if c.type == "date"]  # fmt: skip
    assert [c.value.get("date") for c in dates] == [day]
