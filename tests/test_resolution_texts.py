"""A resolution's own text, as mirrors and archives reproduce it: under a heading naming the
resolution, a line with no subject ("Adopted by the Security Council at its 558th meeting, by 8
votes to none, ...", "Adopted unanimously at the 1382nd meeting.") tells that resolution's vote;
and a wiki's reference marks ("[1]") end no sentence. Seen on a Wikisource page, a resolution
archive site and a history site (the "Adopted" lines), and on Wikipedia mirrors (the marks);
texts written here in those styles, decisions built here.
"""

from __future__ import annotations

from datetime import date

import pytest

from checks.extract import extract_claims
from checks.nlp import load_pipeline
from tests.test_linking import decision, members, one, run

SUEZ_1951 = decision(
    "S/RES/95(1951)",
    "adopted",
    date(1951, 9, 1),
    "Palestine question: restrictions imposed by Egypt on the passage of ships through the "
    "Suez Canal",
    vote=(8, 0, 3),
    members=members(
        yes=(
            "Brazil",
            "Ecuador",
            "France",
            "Netherlands",
            "Turkey",
            "United Kingdom",
            "United States",
            "Yugoslavia",
        ),
        abstain=("China", "India", "USSR"),
    ),
    number=95,
)
MIDEAST_1967 = decision(
    "S/RES/242(1967)",
    "adopted",
    date(1967, 11, 22),
    "The situation in the Middle East",
    vote=(15, 0, 0),
    number=242,
)
#: A decision of the days before a mirror's (guessed) date, on another subject.
LATER = decision(
    "S/RES/2200(2015)", "adopted", date(2014, 12, 30), "Sudan and South Sudan", vote=(15, 0, 0),
    number=2200,
)  # fmt: skip

WIKISOURCE = (
    "United Nations Security Council Resolution 95\n\n"
    "Adopted by the Security Council at its 558th meeting, by 8 votes to none, with 3 "
    "abstentions (China, India, Union of Soviet Socialist Republics) [1] on 1 September 1951\n\n"
    "The Security Council,\n\nRecalling that in its resolution of 11 August 1949 ...\n\n"
    "[1] The text was put to the vote as a whole."
)
ARCHIVE = (
    "Resolution 242 (1967)\n\nThe Security Council,\n\nEmphasizing the inadmissibility of "
    "the acquisition of territory by war and the need to work for a just and lasting peace in "
    "which every State in the area can live in security,\n\nEmphasizing further that all "
    "Member States in their acceptance of the Charter of the United Nations have undertaken a "
    "commitment to act in accordance with Article 2 of the Charter,\n\n1. Affirms that the "
    "fulfilment of Charter principles requires the establishment of a just and lasting peace;"
    "\n\nAdopted unanimously at the 1382nd meeting.\n"
)


@pytest.mark.parametrize(
    ("text", "decided"),
    [(WIKISOURCE, SUEZ_1951), (ARCHIVE, MIDEAST_1967)],
)
def test_the_adopted_line_of_a_resolution_text_is_that_resolutions_vote(text, decided):
    _c, verdict = one(run(text, date(2015, 1, 1), [decided, LATER], "vote"))
    assert verdict.label == "supported", verdict.explanation
    assert verdict.decision["decision"]["key"] == decided.key


def test_a_wrong_tally_on_the_adopted_line_is_not_called_false_by_a_link_it_was_not_sure_of():
    text = WIKISOURCE.replace("by 8 votes to none, with 3", "by 9 votes to none, with 2")
    _c, verdict = one(run(text, date(2015, 1, 1), [SUEZ_1951, LATER], "vote"))
    assert verdict.label not in {"supported", "contradicted"}, verdict.explanation


def test_an_adopted_line_under_no_named_resolution_links_to_nothing_by_it():
    text = WIKISOURCE.replace("Resolution 95", "Resolution on shipping")
    _c, verdict = one(run(text, date(2015, 1, 1), [SUEZ_1951, LATER], "vote"))
    # the stated day still holds the decision; the sentence names no subject, so not sure
    assert verdict.label != "contradicted", verdict.explanation


@pytest.mark.parametrize(
    ("text", "date_text", "same_as", "next_starts"),
    [
        # Wikisource: the mark between the tally and the day
        (WIKISOURCE, "1 September 1951", "8 votes to none", None),
        # Wikipedia mirror: marks after a comma and after a period
        (
            "Resolution 2699 was adopted on 2 October 2023,[1] authorizing a Kenya-led "
            "security mission in Haiti.[2][3] The mission answers a request made a year prior.",
            "2 October 2023",
            "authorizing",
            "The mission",
        ),
    ],
)
def test_a_reference_mark_ends_no_sentence(text, date_text, same_as, next_starts):
    claims = extract_claims(text).claims
    day = next(c for c in claims if c.type == "date" and c.text == date_text)
    assert same_as in day.sentence and "[" not in day.sentence[:3], day.sentence
    if next_starts:
        assert day.sentence.rstrip().endswith("]"), day.sentence
        assert not day.sentence.rstrip().endswith(next_starts), day.sentence


def test_a_marked_word_is_read_without_its_mark():
    nlp = load_pipeline().nlp
    doc = nlp("The mission was sent to Haiti.[1] Kenya leads it.[2][3]")
    words = [t.text for t in doc]
    assert "Haiti" in words and "[1]" in words and "[3]" in words, words
    assert [s.text for s in doc.sents] == [
        "The mission was sent to Haiti.[1]",
        "Kenya leads it.[2][3]",
    ]
