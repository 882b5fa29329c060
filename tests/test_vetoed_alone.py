"""A veto given to one member alone ("Russia alone vetoed", "cast the sole veto") differs from
a record with other vetoers; a veto naming one of them without "alone" is true as it stands (the
others are noted).

Sentences written for these tests in a wire service's and a regional outlet's styles.
"""

from __future__ import annotations

from datetime import date

import pytest

from checks.extract import extract_claims
from tests.test_linking import decision, members, run

TUESDAY = date(2019, 12, 20)
SYRIA = decision(
    "S/2019/961", "vetoed", TUESDAY, "The situation in the Middle East (Syria): cross-border aid",
    vote=(13, 2, 0), members=members(no=("Russia", "China")), vetoed_by=("Russia", "China"),
)  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        # wire style
        "Russia alone vetoed the Security Council draft on cross-border aid to Syria on Friday.",
        # regional outlet
        "Russia, alone among the permanent members, vetoed the Council text on aid to Syria on "
        "Friday.",
    ],
)
def test_a_veto_said_to_be_one_member_s_alone_differs_from_two_vetoers(text):
    vote = next(c for c in extract_claims(text, article_date=date(2019, 12, 21)).claims
                if c.type == "vote")  # fmt: skip
    assert vote.value.get("vetoed_alone") is True
    pairs = run(text, date(2019, 12, 21), [SYRIA], "vote")
    assert [(v.label, v.reason) for _c, v in pairs] == [("contradicted", "vote.veto_differs")]


@pytest.mark.parametrize(
    "text",
    [
        "Russia vetoed the Security Council draft on cross-border aid to Syria on Friday.",
        "On Friday Russia vetoed the Security Council's text on aid to Syria.",
    ],
)
def test_one_of_two_vetoers_named_is_true_as_it_stands(text):
    # it does not say Russia was alone: China's veto is a note in the explanation, not a doubt
    pairs = run(text, date(2019, 12, 21), [SYRIA], "vote")
    assert pairs and all(v.label == "supported" for _c, v in pairs), [
        v.explanation for _c, v in pairs
    ]
