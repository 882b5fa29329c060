"""A veto told of on a day the text states is the one veto of that day, even when its
recorded subject is a bare letter's title that fits none of the story's words; never sure,
so it supports and never refutes. Two vetoes that day, or an adoption, are not linked so.

Sentences written for these tests in a government record's and a wire service's styles.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.test_linking import decision, members, run

DAY = date(1958, 7, 18)
LETTER = "Letter dated 22 May 1958 from the representative concerned"
VETO = decision(
    "S/4050/Rev.1", "vetoed", DAY, LETTER, vote=(9, 1, 1),
    members=members(yes=("United States", "United Kingdom", "France", "China", "Canada",
                         "Colombia", "Iraq", "Panama", "Pakistan"),
                    no=("USSR",), abstain=("Sweden",)),
    vetoed_by=("USSR",),
)  # fmt: skip
OTHER_VETO = decision(
    "S/4055/Rev.1", "vetoed", DAY, "Letter dated 17 July 1958", vote=(10, 1, 0),
    members=members(no=("USSR",)), vetoed_by=("USSR",),
)  # fmt: skip
TEXTS = [
    # a government record's editorial note
    "On July 18, the Security Council considered the draft submitted by the American "
    "delegation. The draft was supported by nine members of the Council, but was vetoed by "
    "the Soviet Union.",
    # wire style
    "The Soviet Union on July 18 vetoed an American proposal in the Security Council after "
    "it won nine votes.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_the_day_s_only_veto_is_the_one_the_sentence_tells_of(text):
    pairs = run(text, date(1958, 7, 20), [VETO], "vote")
    verdict = next(v for c, v in pairs if "nine" in c.text or "vetoed" in c.text)
    assert verdict.label == "supported", verdict.explanation
    assert verdict.decision["decision"]["key"] == "S/4050/Rev.1"


@pytest.mark.parametrize("text", TEXTS)
def test_two_vetoes_that_day_leave_it_open(text):
    pairs = run(text, date(1958, 7, 20), [VETO, OTHER_VETO], "vote")
    assert all(v.label == "unverifiable" for _c, v in pairs), [v.explanation for _c, v in pairs]


@pytest.mark.parametrize(
    "text",
    [
        "The draft was supported by ten members of the Council, but was vetoed by the Soviet "
        "Union on July 18.",
        "The Soviet Union on July 18 vetoed an American proposal after it won ten votes.",
    ],
)
def test_a_wrong_count_on_a_lone_veto_is_never_called_false(text):
    pairs = run(text, date(1958, 7, 20), [VETO], "vote")
    assert all(v.label != "contradicted" for _c, v in pairs), [v.explanation for _c, v in pairs]


@pytest.mark.parametrize("text", TEXTS)
def test_the_lone_veto_never_dates_the_day_that_found_it(text):
    # the day is what a date claim tests: the veto found by that day cannot bear it out
    pairs = run(text, date(1958, 7, 20), [VETO], "date")
    assert pairs and all(v.label != "supported" for _c, v in pairs), [
        v.explanation for _c, v in pairs
    ]
