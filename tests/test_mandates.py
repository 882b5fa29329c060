"""Mandate end dates against the end date in the resolution's official title (support only).

Sentences are written for these tests in a UN press-release style and a wire style; the
titles follow the votes database's form (checks/sources/votesdb.py)."""

from __future__ import annotations

from datetime import date

import pytest

from checks.extract import extract_claims
from checks.pipeline import check_claims
from checks.verdicts.base import Services
from checks.verdicts.mandates import title_end_dates
from tests.test_linking import FakeIndex, decision

UNMISS = decision(
    "S/RES/2779(2025)",
    "adopted",
    date(2025, 4, 30),
    "extension of the mandate of the UN Mission in South Sudan (UNMISS) until 30 April 2026",
    vote=(12, 0, 3),
    number=2779,
)
CUT = decision(
    "S/RES/2797(2025)",
    "adopted",
    date(2025, 10, 31),
    "extension of the mandate of the UN Mission for the Referendum in Western Sahara "
    "(MINURSO) until 31 Oct. 20[...]",
    vote=(11, 0, 3),
    number=2797,
)


def deadline_verdict(text: str, day_words: str):
    on = date(2025, 5, 2)
    claims = extract_claims(text, article_date=on).claims
    got = check_claims(text, claims, on, services=Services(decisions=FakeIndex([UNMISS, CUT])))
    return next(got[c.id] for c in claims if c.type == "date" and day_words in c.text)


@pytest.mark.parametrize(
    ("text", "day", "label", "reason"),
    [
        # UN press-release style
        ("By adopting resolution 2779 (2025), the Council extended the mandate of UNMISS until "
         "30 April 2026.", "30 April 2026", "supported", "date.mandate_end_matches"),
        # wire style, a year off: noted, never called false
        ("Resolution 2779, renewing the South Sudan mission until April 30, 2027, passed with "
         "three abstentions.", "April 30, 2027", "unverifiable", "date.deadline"),
        # the title is cut before its end date: nothing to compare
        ("Resolution 2797 extended the mandate of MINURSO until 31 October 2026.",
         "31 October 2026", "unverifiable", "date.deadline"),
    ],
)  # fmt: skip
def test_a_mandate_end_is_compared_with_the_title(text, day, label, reason):
    verdict = deadline_verdict(text, day)
    assert (verdict.label, verdict.reason) == (label, reason), verdict.explanation


def test_end_dates_are_read_from_titles_only_when_complete():
    assert title_end_dates(UNMISS.title) == [date(2026, 4, 30)]
    assert title_end_dates(CUT.title) == []
    assert title_end_dates("renewal of sanctions until 31 May 2026 and of the panel until "
                           "12 Sept. 2026") == [date(2026, 5, 31), date(2026, 9, 12)]  # fmt: skip


@pytest.mark.parametrize(
    "text, day",
    [
        # wire style: the vote, not the resolution's number, names the decision
        ("Three members abstained on Wednesday as the Security Council extended the mandate of "
         "the UN mission in South Sudan until 30 April 2026.", "30 April 2026"),
        # a regional daily's style, the US date order
        ("The Security Council voted 12-0 on Wednesday, with three abstentions, to renew the "
         "South Sudan peacekeeping mission until April 30, 2026.", "April 30, 2026"),
    ],
)  # fmt: skip
def test_a_mandate_end_is_compared_with_the_title_of_the_vote_in_its_sentence(text, day):
    verdict = deadline_verdict(text, day)
    assert (verdict.label, verdict.reason) == ("supported", "date.mandate_end_matches"), (
        verdict.explanation
    )
