"""What a date's sentence is about: a Council decision the UN records may date, a decision
denied, a deadline, or a sentence continuing one about the Council. Read from the words of
the sentence (and the one before), never from the records."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from checks.extract.links import put_off_to
from checks.link_days import claim_by_id
from checks.linking import link_decision, named_decision
from checks.models import Claim
from checks.verdicts.base import CheckContext
from checks.verdicts.numbers import about_the_security_council

#: Words of a Council act ("adopted", "vetoed", "extends") ...
DECIDING = re.compile(
    r"(?i)\b(adopt\w*|pass\w*|approv\w*|vot\w*|veto\w*|reject\w*|fail\w*|endors\w*|"
    r"authori[sz]\w*|impos\w*|extend\w*|renew\w*|condemn\w*|demand\w*|decid\w*|"
    r"fell\s+short)\b"
)
#: ... or of the text acted on.
TEXT = re.compile(r"(?i)\b(resolution|draft)\b")
#: Words of a vote or of the text voted on, which only a body's members do.
VOTING = re.compile(
    r"(?i)\b(adopt\w*|vot(e|es|ed|ing)|veto\w*|abstain\w*|abstention\w*|resolution|draft)\b"
)
#: A sentence that says nothing was decided ("no decision was taken", "failed to agree").
NO_DECISION = re.compile(
    r"(?i)\b((?<!\ba\s)no\s+(decision|action|vote|resolution)|without\s+(a\s+)?(decision|vote|action)|"
    r"failed\s+to\s+(agree|act|reach|decide|take)|did\s+not\s+(vote|act|decide|adopt|take))\b"
)


#: A permanent member vetoing: a Council act, even where the sentence does not name the Council
#: ("Russia on Wednesday vetoed the proposal to extend sanctions on Mali").
PERMANENT_VETO = re.compile(
    r"(?i)\b(Russia|Russian\s+Federation|Moscow|China|Beijing|(the\s+)?United\s+States|U\.S\.|"
    r"Washington|Britain|(the\s+)?United\s+Kingdom|U\.K\.|France|Paris|Soviet\s+Union|USSR)\b"
    r"[^.;]{0,60}?\bveto(ed|es|ing)?\b"
)


#: Putting a text before the Council, which happens days before any vote on it.
TABLING = re.compile(
    r"(?i)\b(circulat\w*|submit\w*|tabl(ed|es|ing)|introduc\w*|present(ed|s|ing)|"
    r"put\s+forward|distribut\w*|draft(ed|s|ing)|propos(ed|es|ing)|prepar(ed|es|ing))\b"
)


def _tabled(sentence: str) -> bool:
    return bool(TABLING.search(sentence)) and not DECIDING.search(sentence)


def about_a_decision(claim: Claim) -> bool:
    """The sentence speaks of a Council act (the UN records may date it). "Jordan on Tuesday
    circulated a draft" dates the tabling of a text, not a decision on it."""
    if claim.links.get("body") not in (None, "SC"):
        return False
    if _tabled(claim.sentence):
        return False
    words = DECIDING.search(claim.sentence) or TEXT.search(claim.sentence)
    council_act = about_the_security_council(claim.sentence) and words
    return bool(council_act or PERMANENT_VETO.search(claim.sentence))


#: A sentence whose subject points back to the decision of the sentence before.
ANAPHORIC_DECISION = re.compile(
    r"^\s*(?:It|This|That|The\s+(?:last|first|latest|previous|earlier|second|third|new|"
    r"text|resolution|draft|measure|motion|proposal))\b[^.;]{0,40}?\b(?:was|were|had\s+been)\s+"
    r"(?:\w+ly\s+)?(?:adopted|passed|approved|vetoed|rejected|blocked)\b"
)


def votes_in_a_council_story(claim: Claim) -> bool:
    """A vote in a sentence naming no body, in a story that last named the Security Council
    ("Malik returned on January 13 to vote on the Soviet resolution"). A vote or a text it
    must speak of: "a claim Western governments reject" is no Council act."""
    told_before = claim.links.get("body") is None and claim.links.get("discourse_body") == "SC"
    return told_before and bool(VOTING.search(claim.sentence)) and not _tabled(claim.sentence)


#: The vote itself dated: "the April 12 vote", "before Friday's vote", "its passage Saturday",
#: or the day it was put off to.
_VOTE_AFTER = re.compile(r"(?i)^\s*(?:['’]s\s+)?(?:vote|ballot|veto|passage|adoption)\b")
_VOTE_BEFORE = re.compile(r"(?i)\b(?:vote|ballot|veto|passage|adoption)\s+(?:on\s+|of\s+)?$")


def dates_the_vote(claim: Claim) -> bool:
    """The date is the vote's own ("the April 12 vote"): the sentence needs no subject words
    to be about the story's decision."""
    at = claim.start - claim.sentence_start
    after = claim.sentence[at + len(claim.text) :]
    if _VOTE_AFTER.match(after) or _VOTE_BEFORE.search(claim.sentence[:at]):
        return True
    # "The vote was pushed back each day until Friday": the day the vote was put off to
    return put_off_to(claim) and bool(re.search(r"(?i)\b(vote|voting|ballot)\b", claim.sentence))


def continues_a_council_sentence(claim: Claim, ctx: CheckContext) -> bool:
    """ "The last was adopted on ...", "It was vetoed on ...", right after a sentence about
    the Security Council."""
    if claim.links.get("body") not in (None, "SC") or not ANAPHORIC_DECISION.match(claim.sentence):
        return False
    before = ctx.text[max(0, claim.sentence_start - 400) : claim.sentence_start].rstrip()
    last = re.split(r"(?<=[.!?])\s+", before)[-1] if before else ""
    return about_the_security_council(last)


def resolution_decision(claim: Claim, ctx: CheckContext):
    """The decision of the resolution this date grammatically belongs to (links)."""
    res = claim_by_id(ctx, claim.links.get("resolution"))
    return named_decision(ctx, res) if res is not None else None


def dates_a_linked_vote(claim: Claim, ctx: CheckContext) -> bool:
    """ "The resolution was approved ... with one abstention by Russia on Monday": the date
    belongs to a vote claim of its sentence that the linking step tied to a decision, so the
    day is that vote's, whichever body the sentence forgot to name."""
    return any(
        claim.id in (vote.links.get("dates") or [])
        and link_decision(ctx, vote).decision is not None
        for vote in ctx.in_sentence(claim, "vote")
    )


def vote_linked_on(claim: Claim, ctx: CheckContext, day: date) -> Any:
    """ "Russia vetoed a resolution on Wednesday that would have condemned the Srebrenica
    massacre": the sentence's vote claim was linked, by this very day and its outcome words
    and member, to the day's only veto (recorded under "Bosnia and Herzegovina", a word the
    story never uses): that decision is named for the claim, though the day that found it
    cannot be borne out by it. None when no vote of the sentence was linked that way."""
    for vote in ctx.in_sentence(claim, "vote"):
        link = link_decision(ctx, vote)
        top = link.candidates[0] if link.candidates else None
        if (
            link.decision is not None
            and link.decision.date == day
            and top is not None
            and top.decision is link.decision
            and top.where == "date in sentence"
            and top.outcome > 0
            and top.members >= 0
        ):
            return link.decision
    return None
