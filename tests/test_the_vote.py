"""'The vote' and 'the Council vote' point back to the vote the story told of, paragraphs after
the draft was named: "The Council vote--12 in favour to 2 against, with 1 abstention
(France)--came after five meetings" (a UN yearbook-style digest), "The vote was 11-1, with
China, India and the United Arab Emirates abstaining" (wire copy). Texts written here in those
styles; decisions built here. (In the digest the day stated before also reaches the draft; the
wire story states none, so only the pointing back does.)
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.test_linking import decision, members, one, run

NAMIBIA_1985 = decision(
    "S/17633",
    "vetoed",
    date(1985, 11, 15),
    "The situation in Namibia",
    vote=(12, 2, 1),
    members=members(no=("United Kingdom", "United States"), abstain=("France",)),
    vetoed_by=("United Kingdom", "United States"),
)
UKRAINE_2022 = decision(
    "S/2022/155",
    "vetoed",
    date(2022, 2, 25),
    "Letter dated 28 February 2014 from the Permanent Representative of Ukraine",
    vote=(11, 1, 3),
    members=members(no=("Russia",), abstain=("China", "India", "United Arab Emirates")),
    vetoed_by=("Russia",),
)
DIGEST = (
    "Sanctions text vetoed in Security Council\n\n"
    "The United Kingdom and the United States on 15 November vetoed a draft resolution (S/17633) "
    "by which the Council would have imposed mandatory sanctions.\n\n"
    "In opposing the text, the United Kingdom said the draft would pre-empt the plan agreed by "
    "Commonwealth leaders on 20 October.\n\n"
    "The United States said it was engaged in seeking a negotiated solution, and regretted "
    "that the draft persisted in that short-sighted course.\n\n"
    "The Council vote--{tally}--came after five Council meetings on the situation in Namibia."
)
WIRE = (
    "Russia on Friday vetoed draft resolution S/2022/155, which would have deplored its "
    "invasion.\n\nMoscow's envoy said the text was anti-Russian. Western envoys said they had "
    "expected as much.\n\nThe vote was {tally}."
)


@pytest.mark.parametrize(
    ("text", "tally", "on", "decided"),
    [
        (DIGEST, "12 in favour to 2 against, with 1 abstention (France)", date(1986, 2, 1),
         NAMIBIA_1985),
        (WIRE, "11-1, with China, India and the United Arab Emirates abstaining",
         date(2022, 2, 26), UKRAINE_2022),
    ],
)  # fmt: skip
def test_the_vote_is_the_vote_on_the_draft_the_story_named(text, tally, on, decided):
    pairs = run(text.format(tally=tally), on, [decided], "vote")
    _c, verdict = one([(c, v) for c, v in pairs if c.text[:2] in tally])
    assert verdict.label == "supported", verdict.explanation
    assert verdict.decision["decision"]["key"] == decided.key


def test_a_wrong_tally_of_the_vote_the_story_dated_is_contradicted():
    text = DIGEST.format(tally="13 in favour to 1 against, with 1 abstention (France)")
    pairs = run(text, date(1986, 2, 1), [NAMIBIA_1985], "vote")
    _c, verdict = one([(c, v) for c, v in pairs if c.text.startswith("13")])
    assert (verdict.label, verdict.reason) == ("contradicted", "vote.counts_differ")
