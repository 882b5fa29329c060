"""A full date near the top that equals the article's date is its dateline only when it stands
alone; "On 18 December 2015 the Council adopted ..." is a sentence's claim, and is checked.

Sentences written for these tests in a UN press release's and a wire service's style.
"""

from __future__ import annotations

from datetime import date

import pytest

from checks.extract import extract_claims
from tests.test_linking import decision, run

SYRIA = decision(
    "S/RES/2254(2015)", "adopted", date(2015, 12, 18),
    "The situation in the Middle East (Syria): peace process", vote=(15, 0, 0), number=2254,
)  # fmt: skip
IRAN = decision(
    "S/RES/2231(2015)", "adopted", date(2015, 7, 20),
    "Non-proliferation: Joint Comprehensive Plan of Action on Iran's nuclear programme",
    vote=(15, 0, 0), number=2231,
)  # fmt: skip


@pytest.mark.parametrize(
    ("text", "on", "decisions"),
    [
        # UN press release style
        ("On 18 December 2015 the Security Council unanimously adopted resolution 2254, "
         "endorsing a road map for a peace process in Syria.", date(2015, 12, 18), [SYRIA]),
        # wire style
        ("The Security Council on July 20, 2015 unanimously endorsed the nuclear deal with Iran "
         "in resolution 2231.", date(2015, 7, 20), [IRAN]),
    ],
)  # fmt: skip
def test_a_lead_s_own_date_on_the_article_s_day_is_checked(text, on, decisions):
    pairs = run(text, on, decisions, "date")
    assert pairs, "no date claim"
    _claim, verdict = pairs[0]
    assert verdict.label == "supported", verdict.explanation


@pytest.mark.parametrize(
    "text",
    [
        # UN press release page
        "Friday, 18 December 2015\nThe Security Council adopted resolution 2254 on Syria.",
        # newspaper web page
        "Monday, July 20, 2015\nThe UN Security Council endorsed the Iran nuclear deal on Monday.",
    ],
)
def test_a_dateline_is_no_number_claim_either(text):
    claims = extract_claims(text).claims
    assert not [c.text for c in claims if c.type == "number"]
