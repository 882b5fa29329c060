"""Hard-wrapped texts (wire archives, e-mailed copy): a line break that only wraps a line does
not end the sentence, while headlines, list lines and unwrapped paragraphs keep their breaks.

The texts are written for these tests in two styles: 1990s wire copy wrapped at 69 columns and
an e-mail newsletter wrapped at 72.
"""

from __future__ import annotations

import textwrap

from checks.extract import extract_claims
from checks.nlp import soft_wraps

WIRE = textwrap.fill(
    "UNITED NATIONS, May 17 (Reuter) - The Security Council late Tuesday voted 13-0 to "
    "impose an arms embargo on the country, with China and Pakistan abstaining. The "
    "council's president, Ambassador Ibrahim Gambari of Nigeria, said the vote was a "
    "signal that the world had not forgotten the civilians caught in the fighting.",
    width=69,
)
NEWSLETTER = "Council roundup\n\n" + textwrap.fill(
    "On Thursday the members of the Security Council adopted resolution 2118 without a "
    "vote being contested, after a week of talks between the United States and Russia on "
    "the chemical weapons held by the government in Damascus.",
    width=72,
)


def test_a_wrapped_line_does_not_end_its_sentence():
    for text in (WIRE, NEWSLETTER):
        assert soft_wraps(text), text
        claims = extract_claims(text).claims
        day = next(c for c in claims if c.type == "date" and c.text in ("Tuesday", "Thursday"))
        # the weekday's sentence runs on past the line break to what was done that day
        assert "voted" in day.sentence or "adopted" in day.sentence, day.sentence


def test_the_wire_tally_reads_across_the_wrap():
    vote = next(c for c in extract_claims(WIRE).claims if c.type == "vote")
    assert (vote.value["for"], vote.value["against"]) == (13, 0)
    assert vote.sentence.startswith("UNITED NATIONS")  # one sentence with the dateline


def test_unwrapped_paragraphs_and_lists_keep_their_breaks():
    paragraphs = (
        "Russia vetoes Council text on Syria\n"
        "The Security Council on Friday failed to adopt a draft on aid deliveries into "
        "Syria after Russia cast its veto, the 16th time it has done so on the conflict.\n"
        "China abstained in the vote, diplomats said, and 13 members voted in favour."
    )
    infobox = "Resolution 1718\n- Date: 14 October 2006\n- Meeting: 5,551\n- Code: S/RES/1718\n"
    assert soft_wraps(paragraphs) == set() and soft_wraps(infobox) == set()
    first = extract_claims(paragraphs).claims[0]
    assert "\n" not in first.sentence.strip()


def test_a_line_ending_a_sentence_ends_it_in_wrapped_text_too():
    text = textwrap.fill("The Council met on Monday to hear the envoy's briefing.", width=69)
    text += "\n" + textwrap.fill(
        "On Tuesday it voted on the draft, which failed for lack of votes, and the "
        "delegations left the chamber without any further statement from the floor.",
        width=69,
    )
    text += "\n" + textwrap.fill("A third line of ordinary width for the test to see.", width=69)
    breaks = soft_wraps(text)
    assert breaks and text.index("\nOn Tuesday") not in breaks
