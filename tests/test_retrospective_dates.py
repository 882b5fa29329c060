"""A dated text that tells of a time long before its date (an anniversary feature, a
government history's editorial note, an archive reprint): a day written without a year takes
the year of the story's date before it, marked `base_inferred` (never decisive for a
contradiction), instead of the article's year. A current story that only names an old date as
background keeps the article's year. Sentences written here in several outlets' styles."""

from __future__ import annotations

from datetime import date

import pytest

from checks.extract import extract_claims


def day(text: str, expression: str, article: date) -> dict:
    """The value of the date claim read as `expression`."""
    claims = extract_claims(text, article_date=article).claims
    values = [c.value for c in claims if c.type == "date" and c.value["expression"] == expression]
    assert len(values) == 1, [c.value for c in claims if c.type == "date"]
    return values[0]


LOOKING_BACK = [
    (  # an anniversary feature of a national daily
        "Sixty-two years on: how Moscow stood by Delhi\n\n"
        "On 17 December 1961, Indian troops crossed into the Portuguese enclave. "
        "On December 18, the Soviet delegate vetoed the Western draft in the Security Council.",
        "December 18",
        date(2023, 12, 19),
        "1961-12-18",
        "1961-12-17",
    ),
    (  # a government history's editorial note, published decades later
        "214. Editorial Note\n\n"
        "On July 14, 1958, the monarchy in Baghdad was overthrown. On July 22, the Security "
        "Council voted on the Japanese draft resolution, which the Soviet Union vetoed.",
        "July 22",
        date(1992, 1, 1),
        "1958-07-22",
        "1958-07-14",
    ),
    (  # an archive reprint whose own date line gives the old year
        "From our archives: fifty years ago\n\n"
        "UNITED NATIONS, Aug. 20, 1974 — Delegates spent the day in consultations. "
        "On August 16 the Council had demanded that the parties respect the ceasefire.",
        "August 16",
        date(2024, 8, 20),
        "1974-08-16",
        "1974-08-20",
    ),
]


@pytest.mark.parametrize(("text", "expression", "article", "want", "base"), LOOKING_BACK)
def test_a_day_of_a_story_long_ago_takes_the_story_year(text, expression, article, want, base):
    value = day(text, expression, article)
    assert value["date"] == want
    assert value["base_inferred"] is True
    assert value["base"] == base


CURRENT = [
    (  # wire copy: an old resolution named as background, the vote of the article's week
        "The Security Council adopted a resolution on settlements, recalling resolution 465 "
        "of March 1980. On December 23 the Council voted 14-0, with the United States "
        "abstaining.",
        "December 23",
        date(2016, 12, 24),
        "2016-12-23",
    ),
    (  # a newspaper story that opens with history, then ties itself to its own week
        "On 1 March 1980, the Council adopted resolution 465. Diplomats said on Friday that "
        "on December 23 the Council would vote again.",
        "December 23",
        date(2016, 12, 24),
        "2016-12-23",
    ),
    (  # a recent date of the article's own time before the day
        "In a speech on 12 December 2023 the minister recalled that on 19 December 1961 Goa "
        "was liberated. On December 18, the Council met again on the question.",
        "December 18",
        date(2023, 12, 19),
        "2023-12-18",
    ),
    (  # "this December 19" names the article's own calendar
        "Goa was liberated on December 19, 1961. This December 19 marks the 62nd anniversary.",
        "December 19",
        date(2023, 12, 19),
        "2023-12-19",
    ),
]


@pytest.mark.parametrize(("text", "expression", "article", "want"), CURRENT)
def test_a_current_story_keeps_the_article_year(text, expression, article, want):
    value = day(text, expression, article)
    assert value["date"] == want
    assert not value.get("base_inferred")


def test_a_year_and_a_half_back_is_not_long_ago():
    """The story's date before the day must be more than about two years before the article's
    date: a feature of mid-2024 about events of late 2022 keeps its own reading."""
    text = "On 5 December 2022, the envoy arrived. On December 9, the Council voted on the draft."
    value = day(text, "December 9", date(2024, 6, 1))
    assert not value.get("base_inferred")
