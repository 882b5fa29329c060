"""A dateline opening a story's first paragraph ("UNITED NATIONS (AP) — Russia vetoed ...") is
no part of any claim: the sentence, and every claim's span, begins after its dash.

Texts are written for these tests in the styles of wire services, newspapers and state news
agencies; none is copied from the dev set or any news article."""

from __future__ import annotations

from datetime import date

import pytest

from checks.extract import extract_claims
from checks.extract.context import dateline_leads

ON = date(2022, 10, 1)


def claims(text: str) -> list:
    result = extract_claims(text, article_date=ON)
    for claim in result.claims:
        assert text[claim.start : claim.end] == claim.text
    return result.claims


STORIES = [
    # US newspaper: city and place, em dash, a participial opening
    (
        "China Blocks Observer Mission\n\n"
        "UNITED NATIONS, NEW YORK — Irritated by the host country's links with Taipei, China "
        "on Monday vetoed a plan to send ceasefire monitors to the region.\n",
        "UNITED NATIONS, NEW YORK —",
    ),
    # state news agency: agency in brackets, a hyphen
    (
        "Moscow Blocks Draft\n\n"
        "UNITED NATIONS (Novosti) - Russia vetoed on Thursday a Security Council draft "
        "resolution on the referendums held in four regions.\n",
        "UNITED NATIONS (Novosti) -",
    ),
    # wire service with a date and a double hyphen
    (
        "UNITED NATIONS, Oct. 4 (Kyodo) -- The United States vetoed a draft resolution on "
        "the settlements, with the other 14 members voting in favour.\n",
        "UNITED NATIONS, Oct. 4 (Kyodo) --",
    ),
    # old wire copy: no space after the long dash (AP and UPI styles)
    (
        "UNITED NATIONS, N. Y., Feb. 6 (AP)—France vetoed a resolution tonight in the "
        "Security Council, by a vote of 11 to 1 with three abstentions.\n",
        "UNITED NATIONS, N. Y., Feb. 6 (AP)—",
    ),
    (
        "NEW YORK, Dec. 5 (UPI)--The Soviet Union vetoed a draft calling for a ceasefire, by "
        "11 votes to 2.\n",
        "NEW YORK, Dec. 5 (UPI)--",
    ),
    # mixed-case place with its agency
    (
        "Geneva (AFP) - France voted against the text, which was adopted by a recorded vote "
        "of 30 in favour to 12 against.\n",
        "Geneva (AFP) -",
    ),
    # a state agency that sets its name between slashes, no space after the date's full stop
    (
        "UNITED NATIONS, September 19./TASS/. Russia and China voted on Thursday against the "
        "resolution on a ceasefire in Idlib.\n",
        "UNITED NATIONS, September 19./TASS/.",
    ),
    # a press-release wire: the year, then the wire between slashes and a double hyphen
    (
        "NEW YORK, March 3, 2020 /PRNewswire/ -- The Security Council voted 13-0-2 on Friday "
        "to renew the mission, the group said.\n",
        "NEW YORK, March 3, 2020 /PRNewswire/ --",
    ),
]


@pytest.mark.parametrize(("text", "dateline"), STORIES)
def test_no_claim_starts_inside_a_dateline(text, dateline):
    start = text.index(dateline)
    end = start + len(dateline)
    found = [c for c in claims(text) if c.end > end]  # the dateline's own date stays its own
    assert found
    for claim in found:
        assert not (start <= claim.start < end), (claim.type, claim.text)
        assert dateline not in claim.sentence, (claim.type, claim.sentence)


@pytest.mark.parametrize(("text", "dateline"), STORIES)
def test_story_sentence_begins_after_the_dash(text, dateline):
    story = text[text.index(dateline) + len(dateline) :].strip()
    first_word = story.split()[0]
    votes = [c for c in claims(text) if c.type == "vote"]
    assert votes
    assert votes[0].sentence.startswith(first_word), votes[0].sentence


@pytest.mark.parametrize(
    "text",
    [
        # chronology headings: a month and day before a dash is an entry's date, no dateline
        "SEPT. 25 - The Council voted 13-0-2 to extend the mission.\n",
        "AUG. 6, 2013 - The draft was put to a vote and failed.\n",
        # an all-capitals headline with a dash is no dateline either
        "RUSSIA VETOES UN DRAFT - MOSCOW CALLS IT A PROVOCATION\n",
        # a sentence that opens with a country and a dash
        "Russia — which holds a veto — said it would block the text.\n",
        # a hyphenated word after a capitalised name is no dash
        "U.N.-backed forces were withdrawn, and the Council voted 13-0 to end the mission.\n",
        # a byline
        "By JOHN SMITH — Diplomats said the vote would be held on Friday.\n",
    ],
)
def test_not_a_dateline(text):
    assert dateline_leads(text) == []


def test_chronology_entry_keeps_its_heading_in_its_sentence():
    text = "Key dates:\nSEPT. 25 - The Council voted 13-0-2 to extend the mission.\n"
    (vote,) = [c for c in claims(text) if c.type == "vote"]
    assert vote.sentence.startswith("SEPT. 25")


def test_dateline_date_without_year_keeps_its_own_claim():
    """ "UNITED NATIONS, Oct. 4 (Kyodo) --": the day is still a claim, read with the sentence
    the dateline frames (so it can be checked against the decision that sentence names);
    the story's own claims begin after the dash."""
    text = STORIES[2][0]
    found = claims(text)
    day = next(c for c in found if c.type == "date" and c.text == "Oct. 4")
    assert day.sentence.startswith("UNITED NATIONS, Oct. 4")
    assert "The United States vetoed a draft resolution" in day.sentence
    vote = next(c for c in found if c.type == "vote")
    assert vote.sentence.startswith("The United States")


def test_dateline_with_its_date_still_gives_the_article_date():
    text = (
        "UNITED NATIONS, 3 March 2022 (Reuters) - The General Assembly voted 141 to 5 to "
        "demand that Moscow withdraw its troops.\n"
    )
    result = extract_claims(text)
    assert result.article_date == date(2022, 3, 3)
    vote = next(c for c in result.claims if c.type == "vote")
    assert vote.sentence.startswith("The General Assembly")
