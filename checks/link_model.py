"""What decision linking returns: the candidates ranked for a claim, the link kept (or none,
with why), and how sure it is. Kept apart from the ranking (`checks.linking`) so that rules
read a link without the ranking's machinery."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from checks.decision_text import describe, label

#: A runner-up this close (in score) makes the link ambiguous: no link is kept.
TIE = 1.0

#: More votes on a subject than this, in any year, say too little of the one a text means.
ANY_TIME_MAX = 12


@dataclass(frozen=True)
class Candidate:
    decision: Any  # checks.decision_model.Decision
    score: float
    why: tuple[str, ...]
    named: bool = False
    leaned_on: tuple[str, ...] = ()  # "outcome", "members", "sponsor": words the ranking used
    sure: bool = False  # its subject is in the claim's own sentence, or its day is stated
    base: float = 0.0  # the score without the outcome and member words
    where: str = ""  # where its day came from (a DAY_WEIGHT key)
    sponsor: float = 0.0  # what the sponsor named for its draft added to the score
    own: float = 0.0  # how well its subject fits the claim's own sentence
    members: float = 0.0  # what the members the sentence names added (negative: misfit)
    outcome: float = 0.0  # what the outcome words added (negative: the record's differs)


@dataclass
class Link:
    """The decision chosen for a claim (or None), with why and how sure."""

    decision: Any = None
    confidence: float = 0.0
    why: str = ""
    named: bool = False
    runner_up: Candidate | None = None
    candidates: list[Candidate] = field(default_factory=list)
    leaned_on: tuple[str, ...] = ()
    # When no link is kept for a tie: the decisions that fit equally well. A claim that every
    # one of them bears out is true whichever the text meant.
    tied: tuple[Candidate, ...] = ()
    note: str = ""  # why there is no link, or what was not reached
    reason: str = ""  # "link.named", "link.ranked", "link.ambiguous", "link.none", ...

    def to_dict(self) -> dict[str, Any]:
        """For Verdict.decision: what a panel shows."""
        out: dict[str, Any] = {"confidence": round(self.confidence, 2), "why": self.why}
        if self.decision is not None:
            out["decision"] = describe(self.decision)
        if self.runner_up is not None:
            out["runner_up"] = {
                **describe(self.runner_up.decision),
                "why": "; ".join(self.runner_up.why),
            }
        return out


def every_year(candidates: list[Candidate]) -> Link:
    """An undated story that gives no day: every veto or failed vote on its subject stays in
    reach, whatever the claim's own names say, so a claim holds only if all of them bear it
    out (`Link.tied`). Too many say nothing of the one it means."""
    names = ", ".join(label(c.decision) for c in candidates[:3])
    more = f" and {len(candidates) - 3} more" if len(candidates) > 3 else ""
    note = (
        f"The story gives no day for it; {len(candidates)} votes of that outcome on its "
        f"subject are in the records ({names}{more})."
    )
    if len(candidates) > ANY_TIME_MAX:
        return Link(candidates=candidates, note=note, reason="link.none")
    return Link(
        runner_up=candidates[1],
        candidates=candidates,
        tied=tuple(candidates),
        note=note,
        reason="link.ambiguous",
    )


def leaned(chosen: list[Candidate], others: list[Candidate]) -> tuple[str, ...]:
    """The words the choice of `chosen` over `others` leaned on: the outcome or member words,
    if without them another candidate would have come as close as a tie; the same for the
    sponsor named."""
    if not others:
        return ()
    depended = min(c.base for c in chosen) - max(c.base for c in others) < TIE
    leaned = tuple(dict.fromkeys(w for c in chosen for w in c.leaned_on)) if depended else ()
    if any(c.sponsor for c in [*chosen, *others]):
        without = max(c.score - c.sponsor for c in others)
        if min(c.score - c.sponsor for c in chosen) - without < TIE:
            leaned += ("sponsor",)
    return leaned


def decisive_link(link: Link) -> bool:
    """Whether a mismatch with the linked decision may be called a contradiction: the link was
    named, or ranked well clear of any runner-up."""
    return link.named or (link.confidence >= 0.8 and link.runner_up is None)
