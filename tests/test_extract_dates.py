"""Dates in texts without a date of their own, datelines, and offsets from a named date.

Every passage is written for these tests, in the styles of wire copy, UN press releases,
history pages, newspapers and non-native English outlets; none is copied from the dev set."""

from __future__ import annotations

from datetime import date

import pytest

from checks.extract import extract_claims


def dates_of(text: str, **kw) -> tuple[list, object]:
    result = extract_claims(text, **kw)
    for claim in result.claims:
        assert text[claim.start : claim.end] == claim.text
    return [c for c in result.claims if c.type == "date"], result


def date_at(claims: list, piece: str) -> dict:
    hits = [c for c in claims if piece in c.text or c.text in piece]
    assert hits, [(c.text, c.value) for c in claims]
    return hits[0].value


# --- undated texts: the year from the text's own dates ----------------------------------
@pytest.mark.parametrize(
    ("text", "piece", "want"),
    [
        (  # a history page: the year is given once, after the day
            "The delegate walked out before the March 2 session and returned on March 9 to "
            "vote. In the spring of 1948 the crisis deepened, and in April 1948 the Council "
            "acted again.",
            "March 9",
            "1948-03-09",
        ),
        (  # non-native English news, no dateline
            "The Security Council failed on Wednesday, August 16, to renew the sanctions "
            "regime. The junta had asked on 4 August for the regime to be lifted. The panel "
            "was set up in 2017 and its mandate was renewed in 2022.",
            "4 August",
            "2022-08-04",
        ),
        (  # a blog post about an old vote
            "On 3 November 1961 the Assembly chose U Thant. He took office on November 30, "
            "after weeks of talks.",
            "November 30",
            "1961-11-30",
        ),
    ],
)
def test_a_day_without_a_year_takes_the_year_of_the_text(text, piece, want):
    claims, result = dates_of(text)
    assert result.article_date is None
    assert date_at(claims, piece)["date"] == want
    assert date_at(claims, piece)["base_inferred"] is True


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (  # a UN peacekeeping history page
            "In July 1960 the Government of the Congo asked for military help. On 14 July, "
            "the Security Council authorized a force. Fighting resumed in February 1961, and "
            "on 21 February the Council urged all measures to prevent civil war. The operation "
            "ended on 30 June 1964.",
            {"14 July": "1960-07-14", "21 February": "1961-02-21"},
        ),
        (  # an encyclopedia-style summary
            "The crisis began on 5 June 1967. On June 9, the Council demanded a ceasefire; "
            "on 22 November 1967 it adopted resolution 242. By October 1973 war had broken "
            "out again, and on October 22 the Council adopted resolution 338.",
            {"June 9": "1967-06-09", "October 22": "1973-10-22"},
        ),
    ],
)
def test_a_story_told_in_order_gives_a_day_the_year_of_the_date_before_it(text, want):
    claims, _ = dates_of(text)
    for piece, day in want.items():
        assert date_at(claims, piece)["date"] == day


def test_the_inferred_date_is_a_warning_and_a_field_with_its_evidence():
    text = (
        "Several days before the May 4 meeting, the envoy left the chamber. He came back on "
        "May 4 to vote. By late July 1952 the boycott was over."
    )
    claims, result = dates_of(text)
    assert result.inferred_date["date"] == "1952-07"
    assert result.inferred_date["precision"] == "month"
    assert result.inferred_date["evidence"] == ["July 1952"]
    warning = next(w for w in result.warnings if w.startswith("No date given"))
    assert "1952" in warning and "July 1952" in warning and "correct" in warning
    assert all(c.value["date"].startswith("1952") for c in claims if "May 4" in c.text)


def test_a_plan_early_next_year_is_next_year():
    text = (
        "NAIROBI — Talks ended on 14 November 2019 without a deal. The parties will meet "
        "again on January 20 to try once more."
    )
    claims, _ = dates_of(text)
    assert date_at(claims, "January 20")["date"] == "2020-01-20"


def test_weekday_resolves_against_a_lead_date_but_not_a_background_date():
    lead = (
        "The Council voted on Tuesday, 14 March 2017, to extend the mission. On Monday, "
        "the envoy had briefed members."
    )
    claims, result = dates_of(lead)
    assert result.inferred_date["anchored"] is True
    assert date_at(claims, "Monday")["date"] == "2017-03-13"
    background = (
        "The Council on Friday adopted a new text. Talks had begun years ago, and the last "
        "resolution on the matter was adopted on 2 May 2011."
    )
    claims, result = dates_of(background)
    assert date_at(claims, "Friday")["date"] is None  # 2 May 2011 is background, not "now"


def test_a_future_deadline_is_no_evidence_of_when_the_text_was_written():
    text = "Members agreed in 2019 to keep the force in place until 31 December 2030."
    _, result = dates_of(text)
    assert result.inferred_date["date"] == "2019"


@pytest.mark.parametrize(
    ("text", "piece", "want"),
    [
        (  # non-native English site: background date, then the renewal the story is about
            "The regime was set up by resolution 2501 of 12 March 2016. A draft would have "
            "extended it until 31 March 2022, but Russia vetoed it on Tuesday, March 29. The "
            "junta had written to the Council on 21 March.",
            "21 March",
            "2022-03-21",
        ),
        (  # wire style, the same shape
            "Sanctions under resolution 2140 of 26 February 2014 were due to lapse. Members "
            "voted on November 14 to extend the travel ban until 28 February 2020.",
            "November 14",
            "2019-11-14",
        ),
    ],
)
def test_a_background_date_gives_way_to_the_period_the_text_speaks_of(text, piece, want):
    claims, result = dates_of(text)
    assert date_at(claims, piece)["date"] == want
    assert result.inferred_date["precision"] == "year"


@pytest.mark.parametrize(
    "text",
    [
        (  # agency copy reprinted without its year
            "UNITED NATIONS, May 2 -- The Security Council on Monday extended the mission until "
            "June 30, 2026. It asked for a report no later than Feb. 1, 2026 and a final "
            "briefing by Sept. 7, 2026."
        ),
        (  # a legal blog
            "Russia blocked on Thursday a text that would have renewed the panel until 30 April "
            "2027. It would also have asked the experts to report before 23 August 2026."
        ),
    ],
)
def test_a_text_dated_only_by_deadlines_gets_no_inferred_date(text):
    claims, result = dates_of(text)
    assert result.inferred_date is None
    assert all(c.value["date"] is None for c in claims if c.value.get("weekday"))


def test_given_date_wins_over_everything():
    text = "NEW YORK, 20 July 2015 — The Council met today. It had met on 3 March."
    claims, result = dates_of(text, article_date=date(2015, 7, 21))
    assert result.article_date == date(2015, 7, 21)
    assert result.inferred_date is None
    assert date_at(claims, "today")["date"] == "2015-07-21"


# --- datelines ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("NEW YORK, 20 July 2015 — The Security Council today endorsed the deal.", "2015-07-20"),
        ("GENEVA, 4 April 2021 (UN News) - The envoy spoke on Friday.", "2021-04-04"),
        ("Published 14:32 GMT 2 Mar 2022\nThe Council met on Monday.", "2022-03-02"),
        ("UNITED NATIONS, Oct. 5, 2019 (Xinhua) -- The Council met on Friday.", "2019-10-05"),
    ],
)
def test_a_dateline_is_the_articles_date_not_a_claim(text, day):
    claims, result = dates_of(text)
    assert result.article_date == date.fromisoformat(day)
    assert not [c for c in claims if c.start < 40 and c.value.get("relative") is False]


def test_a_date_opening_a_sentence_is_still_a_claim():
    claims, _ = dates_of("On 20 July 2015, the Council endorsed the deal in New York.")
    assert date_at(claims, "20 July 2015")["date"] == "2015-07-20"


@pytest.mark.parametrize(
    "text",
    [
        "NEW YORK, 20 July 2015 — The Security Council today endorsed the nuclear deal.",
        "UNITED NATIONS, 20 July 2015 (AP) - Council members today backed the agreement.",
    ],
)
def test_a_dateline_beats_a_date_taken_from_file_metadata(text):
    claims, result = dates_of(text, article_date=date(2016, 1, 4), article_date_source="metadata")
    assert result.article_date == date(2015, 7, 20)
    assert date_at(claims, "today")["date"] == "2015-07-20"
    assert any("dateline" in w for w in result.warnings)


def test_a_date_the_user_typed_beats_the_dateline():
    text = "NEW YORK, 20 July 2015 — The Security Council today endorsed the nuclear deal."
    claims, _ = dates_of(text, article_date=date(2015, 7, 21), article_date_source="user")
    assert date_at(claims, "today")["date"] == "2015-07-21"


# --- offsets from a named date -----------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "piece", "want"),
    [
        (
            "The ceasefire began two days after 9 March, diplomats said.",
            "two days after",
            "2023-03-11",
        ),
        ("Troops withdrew a week before the 30 April vote.", "a week before", "2023-04-23"),
    ],
)
def test_an_offset_counts_from_the_date_it_names(text, piece, want):
    claims, _ = dates_of(text, article_date=date(2023, 6, 1))
    assert date_at(claims, piece)["date"] == want
