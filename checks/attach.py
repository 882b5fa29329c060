"""Whether two claims in one sentence speak of the same event, read from the parse anchors
stored on each claim (no spaCy here: extraction and the rules both use it)."""

from __future__ import annotations

import re

from checks.models import Claim

DECISION_VERB = re.compile(r"^(adopt|pass|approv|endors|vot|reject|veto|fail|back|unanim)")
#: An adoption told as the aim or manner of a vote: "to adopt", "adopting" (not "adopted": a
#: second finite verb tells of another decision, "rejected ... and adopted resolution 2722").
ADOPTING = re.compile(r"^(?:adopt|approv|endors|pass)(?:e|ing)?$")
#: "Two days prior to the adoption of Resolution 462", "before adopting resolution 2401",
#: "following the passage of": a resolution in a time phrase says when another act was done;
#: it is not the text that act was on, though the parse hangs both on one verb.
TIME_PHRASE = re.compile(
    r"(?i)\b(?:prior\s+to|before|after|following|ahead\s+of|since|until)\s+"
    r"(?:(?:the|its|their|council's|council’s|unanimous)\s+){0,2}"
    r"(?:(?:adoption|passage|approval|vote)\s+(?:of|on)|adopting|passing|approving)\s+"
    r"(?:the\s+)?$"
)
#: "a previous draft resolution had been vetoed", "an earlier text was rejected": the vote is
#: on another text than the resolution named before it.
ANOTHER_TEXT = re.compile(
    r"(?i)\b(?:previous|earlier|prior|another|rival|competing|separate|older)\s+"
    r"(?:[\w’'-]+\s+){0,2}?(?:draft|text|resolution|proposal|version)s?\b"
)


def governed_by_decision(claim: Claim) -> bool:
    """The claim hangs on a decision verb ("vetoed in February", "In August 1972, 11 members
    voted"), not on another noun or verb of its sentence ("the 2023 Gaza crisis")."""
    return bool(DECISION_VERB.match((claim.governor or ":").split(":", 1)[1]))


def attached(a: Claim, b: Claim) -> bool:
    """True when one claim modifies the other ("Resolution 2371 of August 5") or both hang on
    the same decision verb ("On 22 December the Council adopted resolution 2397")."""
    if _paper_date(a, b) or _paper_date(b, a):
        return False
    if a.root < 0 or b.root < 0:
        return abs(a.start - b.end) < 40 or abs(b.start - a.end) < 40  # no parse: adjacency
    if _set_apart(a, b) or _set_apart(b, a):
        return False
    if a.root in b.heads[:3] or b.root in a.heads[:3]:
        return True
    if _same_decision_verb(a, b):
        return True
    return _adopted_by_vote(a, b) or _adopted_by_vote(b, a)


def _paper_date(date: Claim, symbol: Claim) -> bool:
    """A date that modifies a draft's document symbol ("Document S/1048, October 22, 1948",
    "draft S/2019/756 of 17 September") may be the date of the paper, days before its vote; a
    date on the verb ("vetoed S/1048 on 25 October") is the vote's. Without a parse, any date
    beside a symbol may be the paper's."""
    if date.type != "date" or symbol.type != "resolution" or not symbol.value.get("draft"):
        return False
    if symbol.value.get("number") or date.root < 0 or symbol.root < 0:
        return not symbol.value.get("number")
    return symbol.root in date.heads[:2]


def _same_decision_verb(a: Claim, b: Claim) -> bool:
    """Both hang on one verb of deciding ("On 22 December the Council adopted resolution 2397")."""
    if a.governor and a.governor == b.governor:
        return bool(DECISION_VERB.match(a.governor.split(":", 1)[1]))
    return False


def _set_apart(resolution: Claim, other: Claim) -> bool:
    """`resolution` hangs on `other`'s verb only as the time of its act ("Two days prior to
    the adoption of Resolution 462, a previous draft had been vetoed"), or as what another
    text is set against ("Unlike resolution 2139, a rival draft was vetoed by Russia"): the
    act is not on it. A claim that modifies the resolution ("of 23 December") is its own."""
    if resolution.type != "resolution" or resolution.root in other.heads[:3]:
        return False
    if not (other.root in resolution.heads[:3] or _same_decision_verb(resolution, other)):
        return False
    if _in_time_phrase(resolution):
        return True
    return other.type == "vote" and not _argument(resolution) and _another_text(other, resolution)


def _in_time_phrase(claim: Claim) -> bool:
    """A resolution named as the time of another act ("after the adoption of resolution 2334")."""
    at = claim.start - claim.sentence_start
    return bool(TIME_PHRASE.search(claim.sentence[max(0, at - 80) : at]))


def _argument(claim: Claim) -> bool:
    """The claim is the subject or object of its verb ("Resolution 2401, a rival draft put
    forward by Sweden, was adopted"), not in a phrase hung on it ("Unlike resolution ...")."""
    index = (claim.governor or ":").split(":", 1)[0]
    return bool(claim.heads) and index.isdigit() and claim.heads[0] == int(index)


def _another_text(vote: Claim, resolution: Claim) -> bool:
    """Between the resolution and the end of the vote claim the sentence names another text
    ("Resolution 462 ..., a previous draft resolution had been vetoed"): the vote is on it."""
    lo = resolution.end - resolution.sentence_start
    hi = vote.end - vote.sentence_start
    return lo < hi and bool(ANOTHER_TEXT.search(vote.sentence, lo, hi))


def _adopted_by_vote(vote: Claim, text: Claim) -> bool:
    """`text` is the object of an adoption that is the aim of `vote`'s verb: "The Council
    voted 13 to none, with 2 abstentions, to adopt resolution 1070", "voted 14-0, adopting
    resolution 2231": the tally is that resolution's."""
    if not vote.governor or not text.governor or len(text.heads) < 2:
        return False
    own_index, own_verb = text.governor.split(":", 1)
    vote_index, vote_verb = vote.governor.split(":", 1)
    return (
        text.heads[0] == int(own_index)
        and text.heads[1] == int(vote_index)
        and bool(ADOPTING.match(own_verb))
        and bool(DECISION_VERB.match(vote_verb))
    )
