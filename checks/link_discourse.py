"""What the sentences before say of a vote claim's decision: the vote the claim just before
is linked to (a sentence that continues it: "... was blocked by Russia's veto. China and
Kazakhstan abstained"), and the draft "the proposal" points back to. Kept apart from the
ranking (`checks.linking`), which asks these questions of the claims before (and which this
module calls back, imported when called)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from checks.link_days import ANY_TIME, STORY, STORY_DAY
from checks.link_model import Candidate
from checks.models import Claim

if TYPE_CHECKING:  # the rules import linking: no import of the rules' package at load
    from checks.verdicts.base import CheckContext

#: How near (in characters) a claim or a resolution named in another sentence may be to speak
#: of the same vote (to stand as a candidate).
NEARBY = 600
#: Links of a claim before that a later one may take as the vote it continues.
KEPT_LINKS = frozenset({"link.named", "link.ranked", "link.pointed_back", "link.tally_match"})


def told_before(ctx: CheckContext, claim: Claim) -> Any:
    """The decision the nearest vote claim before this one (in its paragraph's reach) is
    linked to by a link of its own; None if there is none, or if that link rests on what the
    undated story's other claims say (this claim's words among them: no circle), or if the
    sentence's words tell another draft ("the rival text", "the second draft")."""
    if claim.links.get("which_of_several"):
        return None  # "the council then voted on the rival Russian draft": another vote
    earlier = [
        c
        for c in ctx.claims
        if c.type == "vote" and c.end <= claim.start and claim.start - c.end < NEARBY
    ]
    for c in sorted(earlier, key=lambda c: -c.end):
        link = _link_decision(ctx, c)
        if link.decision is None or link.reason not in KEPT_LINKS:
            continue
        chosen = next((k for k in link.candidates if k.decision.key == link.decision.key), None)
        if chosen is not None and chosen.where in {STORY, STORY_DAY, ANY_TIME}:
            return None  # found from the story's other claims, this one's among them
        return link.decision
    return None


def pointed_back_to(ctx: CheckContext, claim: Claim, tied: list[Candidate]) -> Candidate | None:
    """ "Twelve countries supported the draft resolution", after a sentence about the vote on
    one of two drafts of that day: "the draft" is the one the vote claim before it is linked
    to (by a link of its own, not by pointing back in turn). Never sure: a runner-up stays."""
    if not claim.links.get("refers_back"):
        return None
    earlier = [
        c
        for c in ctx.claims
        if c.type == "vote" and c.end <= claim.sentence_start and claim.start - c.end < NEARBY
    ]
    if not earlier:
        return None
    link = _link_decision(ctx, max(earlier, key=lambda c: c.end))
    if link.decision is None or link.reason not in {"link.named", "link.ranked"}:
        return None
    return next((c for c in tied if c.decision.key == link.decision.key), None)


def _link_decision(ctx: CheckContext, claim: Claim) -> Any:
    from checks.linking import link_decision  # (linking imports this module)

    return link_decision(ctx, claim)
