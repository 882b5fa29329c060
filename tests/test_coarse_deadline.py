"""A month or year after "until (the end of)" is when a mandate or a measure ends, not when
the Council decided: it is never supported or refuted by a decision of that month.

Sentences written for these tests in a wire service's and a UN press release's styles.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.test_linking import decision, run

LIBYA = decision(
    "S/RES/2208(2015)", "adopted", date(2015, 3, 5),
    "The situation in Libya: extension of the mandate of UNSMIL", vote=(15, 0, 0), number=2208,
)  # fmt: skip


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # wire style
        ("The Security Council on Thursday extended the mandate of the UN mission in Libya "
         "until the end of this month.", "this month"),
        # UN press release style
        ("The Council decided to extend the mandate of the United Nations Support Mission in "
         "Libya until the end of March 2015.", "March 2015"),
    ],
)  # fmt: skip
def test_an_end_month_is_a_deadline_not_the_month_of_a_decision(text, words):
    pairs = run(text, date(2015, 3, 6), [LIBYA], "date")
    verdict = next(v for c, v in pairs if words in c.text)
    assert (verdict.label, verdict.reason) == ("unverifiable", "date.deadline"), verdict.explanation
