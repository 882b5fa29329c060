"""Whether two claims in one sentence speak of the same event, read from the parse anchors
stored on each claim (no spaCy here: extraction and the rules both use it)."""

from __future__ import annotations

import re

from checks.models import Claim

DECISION_VERB = re.compile(r"^(adopt|pass|approv|endors|vot|reject|veto|fail|back|unanim)")
#: An adoption told as the aim or manner of a vote: "to adopt", "adopting" (not "adopted": a
#: second finite verb tells of another decision, "rejected ... and adopted resolution 2722").
ADOPTING = re.compile(r"^(?:adopt|approv|endors|pass)(?:e|ing)?$")


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
