"""An editor's date gloss after a relative day ("last night [March 17]") is one date claim.

Every passage is written for these tests, in the styles of a 1970s newspaper archive reprint,
wire copy reprinted by a paper, a British broadsheet and an agency report; none is copied from
the dev set."""

from __future__ import annotations

from datetime import date

import pytest

from checks.extract import extract_claims
from checks.verdicts.yearless import stated_parts


def dates_of(text: str, **kw) -> list:
    result = extract_claims(text, **kw)
    for claim in result.claims:
        assert text[claim.start : claim.end] == claim.text
    return [c for c in result.claims if c.type == "date"]


def only_claim_over(claims: list, text: str, piece: str):
    """The one date claim touching `piece`: it must cover all of it, and be alone there."""
    start = text.index(piece)
    end = start + len(piece)
    touching = [c for c in claims if c.start < end and start < c.end]
    assert len(touching) == 1, [(c.text, c.value) for c in touching]
    assert touching[0].text == piece
    return touching[0]


@pytest.mark.parametrize(
    ("text", "piece", "kw", "want"),
    [
        (  # a 1970s newspaper archive reprint, no date in the stored copy and no year at all
            "The Commons last night [November 12] threw out the Government's motion on the "
            "dockyards by 14 votes, and the Prime Minister will see his Cabinet this morning.",
            "last night [November 12]",
            {},
            {"date": None, "month": 11, "day": 12},
        ),
        (  # the same archive style with the paper's date given: the year comes from it
            "The Commons last night [November 12] threw out the Government's motion on the "
            "dockyards by 14 votes.",
            "last night [November 12]",
            {"article_date": date(1974, 11, 13)},
            {"date": "1974-11-12", "month": 11, "day": 12},
        ),
        (  # wire copy reprinted by a paper, weekday glossed with month first
            "NICOSIA — The Security Council voted on Tuesday [June 5] to keep the peacekeepers "
            "on the island for another six months, diplomats said.",
            "Tuesday [June 5]",
            {"article_date": date(1979, 6, 7)},
            {"date": "1979-06-05", "weekday": "Tuesday", "weekday_matches": True},
        ),
        (  # a British broadsheet: parentheses, weekday and day first
            "The Foreign Secretary flew to Nicosia yesterday (Tuesday, 5 June) for talks with "
            "both communities' leaders.",
            "yesterday (Tuesday, 5 June)",
            {"article_date": date(1979, 6, 6)},
            {"date": "1979-06-05", "month": 6, "day": 5},
        ),
        (  # an agency advance: the gloss is the article's own day
            "GENEVA, Oct 14 (Agency) - Foreign ministers of the six countries meet today "
            "[14 October] to discuss the refugee convention.",
            "today [14 October]",
            {"article_date": date(1985, 10, 14)},
            {"date": "1985-10-14", "month": 10, "day": 14},
        ),
        (  # a history blog quoting a reprint whose gloss gives the year
            "Delegates said the General Assembly adjourned last night [December 20, 1961] "
            "after electing five members to the Council.",
            "last night [December 20, 1961]",
            {},
            {"date": "1961-12-20", "relative": False},
        ),
    ],
)
def test_a_glossed_relative_day_is_one_claim_with_the_gloss_day(text, piece, kw, want):
    claim = only_claim_over(dates_of(text, **kw), text, piece)
    for key, expected in want.items():
        assert claim.value.get(key) == expected, claim.value
    assert claim.value["expression"] == piece
    assert not claim.value.get("gloss_differs")


@pytest.mark.parametrize(
    ("text", "piece", "article_date", "gloss_day", "relative_day"),
    [
        (  # an archive item filed days after the vote: "yesterday" would say 19 March
            "The Council met yesterday [March 17] and the United States cast its vote against "
            "the draft.",
            "yesterday [March 17]",
            date(1970, 3, 20),
            "1970-03-17",
            "1970-03-19",
        ),
        (  # a wire reprint whose weekday does not fit the editor's day
            "Ministers signed the accord on Thursday [June 5] in Lusaka, officials said.",
            "Thursday [June 5]",
            date(1981, 6, 10),
            "1981-06-05",
            "1981-06-04",
        ),
    ],
)
def test_a_gloss_that_disagrees_wins_and_the_disagreement_is_noted(
    text, piece, article_date, gloss_day, relative_day
):
    claim = only_claim_over(dates_of(text, article_date=article_date), text, piece)
    assert claim.value["date"] == gloss_day
    assert claim.value["gloss_differs"] is True
    assert claim.value["relative_date"] == relative_day
    assert claim.value.get("weekday_matches") is not False  # no calendar "contradicted"


@pytest.mark.parametrize(
    ("text", "article_date", "want"),
    [
        (  # a British paper's bare weekday gloss that fits
            "The Prime Minister returned yesterday (Tuesday) from Washington.",
            date(1979, 6, 6),
            {"date": "1979-06-05", "weekday": "Tuesday", "weekday_matches": True},
        ),
        (  # one that does not: no day is made up from either
            "The envoy arrived yesterday (Monday) in Beirut, aides said.",
            date(1979, 6, 6),
            {"date": None, "weekday": "Monday", "gloss_differs": True},
        ),
    ],
)
def test_a_bare_weekday_gloss_after_yesterday(text, article_date, want):
    piece = text[text.index("yesterday") : text.index(")") + 1]
    claim = only_claim_over(dates_of(text, article_date=article_date), text, piece)
    for key, expected in want.items():
        assert claim.value.get(key) == expected, claim.value


@pytest.mark.parametrize(
    ("text", "relative"),
    [
        ("The mayor spoke yesterday (AP) to reporters outside the town hall.", "yesterday"),
        ("The vote was held on Friday (local time) in New York, after a day of talks.", "Friday"),
        ("The ferry sank on Sunday (file photo) off the northern coast.", "Sunday"),
        ("Fighting resumed today (Reuters) along the ceasefire line.", "today"),
        ("Talks ended last night (March 17, local time) without an accord.", "last night"),
        ("The Council met yesterday, (March 17) in closed session.", "yesterday"),
        ("The envoy left on Friday (June 1981) for Harare, aides said.", "Friday"),
    ],
)
def test_a_bracket_that_is_not_a_date_gloss_is_not_swallowed(text, relative):
    claims = dates_of(text, article_date=date(1981, 6, 10))
    rel = [c for c in claims if c.text == relative]
    assert rel, [(c.text, c.value) for c in claims]
    assert not any("(" in c.text or ")" in c.text for c in claims)
    assert "gloss" not in rel[0].value


def test_an_offset_counts_from_the_glossed_day():
    text = (
        "The truce was agreed last night [17 March 1970] in Amman. Two days later the "
        "shelling stopped."
    )
    claims = dates_of(text)
    later = only_claim_over(claims, text, "Two days later")
    assert later.value["date"] == "1970-03-19"


@pytest.mark.parametrize(
    ("text", "article_date", "want"),
    [
        (  # undated archive copy: the verdicts see the day and month the gloss gives
            "The Council last night [March 17] rejected the draft by nine votes to two.",
            None,
            (None, (3, 17)),
        ),
        (  # wire reprint: weekday and the gloss's day both reach the verdict rules
            "The Council voted on Tuesday [June 5] to renew the force.",
            date(1979, 6, 7),
            ("Tuesday", (6, 5)),
        ),
    ],
)
def test_the_verdict_rules_read_the_glossed_day(text, article_date, want):
    claims = dates_of(text, article_date=article_date)
    glossed = [c for c in claims if "[" in c.text]
    assert len(glossed) == 1, [(c.text, c.value) for c in claims]
    assert stated_parts(glossed[0].value) == want
