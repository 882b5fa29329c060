"""Days a text gives without a year ("on Wednesday" in an undated text, "March 17", or a year
taken from another date of the story), checked against the decision their sentence is about.

Such a day cannot be looked up by itself. But when the sentence names a resolution, holds a
vote claim linked to a decision, or is about the vote the rest of an undated story pins down
(`checks.anchor`), the decision's recorded date says which weekday or day of the month it was.
A match supports the day; a mismatch is never called false here, since the link to the
decision rests on the story, not on the day: the verdict then names the decision the text may
mean.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from checks.anchor import anchor_days
from checks.decision_text import decision_evidence, describe, label
from checks.linking import STORY, TIE, link_decision, named_decision, rank
from checks.models import Claim, Verdict
from checks.verdicts.base import CheckContext, long_date, make

RULE, VERSION = "date.event_on_record", "v1"
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WEEKDAY = re.compile(
    r"(?i)^(?:on\s+|last\s+|this\s+|late\s+|early\s+)?(" + "|".join(WEEKDAYS) + r")\b"
)


def stated_parts(value: dict) -> tuple[str | None, tuple[int, int] | None]:
    """The weekday and the (month, day) the text states, whatever year it was read in."""
    m = WEEKDAY.match((value.get("expression") or "").strip())
    weekday = m.group(1).title() if m else value.get("weekday")
    month_day = None
    if value.get("month") and value.get("day"):
        month_day = (int(value["month"]), int(value["day"]))
    elif value.get("date") and value.get("precision") == "day" and not m:
        d = date.fromisoformat(value["date"])
        month_day = (d.month, d.day)
    return weekday, month_day


def sentence_decision(ctx: CheckContext, claim: Claim) -> tuple[Any, str]:
    """The decision the claim's sentence is about, and how it was found; (None, "") if none."""
    for res in ctx.in_sentence(claim, "resolution"):
        d = named_decision(ctx, res)
        if d is not None and d.date is not None:
            return d, f"the sentence names {res.text}"
    for vote in ctx.in_sentence(claim, "vote"):
        link = link_decision(ctx, vote)
        if link.decision is not None and link.decision.date is not None:
            return link.decision, f"the vote in the sentence is linked to it ({link.why})"
    days = [(d, STORY) for d in anchor_days(ctx, claim)]
    found = rank(ctx, claim, days) if days else []
    if found and (len(found) == 1 or found[0].score - found[1].score >= TIE):
        return found[0].decision, "; ".join(found[0].why)
    return None, ""


def check_yearless(claim: Claim, ctx: CheckContext, shown: str) -> Verdict | None:
    """Supported when the decision the sentence is about fell on the day stated; a note naming
    that decision when it did not; None when no decision is in reach."""
    weekday, month_day = stated_parts(claim.value)
    if weekday is None and month_day is None:
        return None
    d, how = sentence_decision(ctx, claim)
    if d is None:
        return _every_tie_on_the_day(claim, ctx, shown, weekday, month_day)
    on = d.date
    fits_weekday = weekday is None or WEEKDAYS[on.weekday()] == weekday
    fits_day = month_day is None or (on.month, on.day) == month_day
    said = claimed_day(weekday, month_day)
    common = {
        "claimed": shown,
        "found": f"{d.key}: {WEEKDAYS[on.weekday()]} {long_date(on)}",
        "decision": {"decision": describe(d), "why": how, "confidence": 0.7},
    }
    if fits_weekday and fits_day:
        return make(
            "supported",
            f"The text gives the day as {said} without a year; the decision its sentence is "
            f"about, {label(d)}, was taken on {WEEKDAYS[on.weekday()]} {long_date(on)}, which "
            f"fits. Found because {how}. The year itself was not checked against the text.",
            RULE,
            VERSION,
            evidence=decision_evidence(d, f"{d.key}: {d.outcome} on {long_date(on)}"),
            reason="date.fits_linked_decision",
            **common,
        )
    return make(
        "unverifiable",
        f"The text gives the day as {said}; the decision its sentence seems to be about, "
        f"{label(d)}, was taken on {WEEKDAYS[on.weekday()]} {long_date(on)}. Found because "
        f"{how}; that link is not sure enough to call the day wrong.",
        RULE,
        VERSION,
        reason="date.link_other_day",
        **common,
    )


#: More tied decisions than this say too little of the day a sentence means.
TIES_MAX = 3


def _every_tie_on_the_day(
    claim: Claim, ctx: CheckContext, shown: str, weekday: str | None, month_day: Any
) -> Verdict | None:
    """ "Russia vetoed on Thursday" in an undated story: the vote fits two vetoes on the
    subject equally well, and each was cast on a Thursday, so the day holds whichever the text
    means. None unless every one of them fits."""
    ties = []
    for vote in ctx.in_sentence(claim, "vote"):
        link = link_decision(ctx, vote)
        if link.decision is None and link.tied:
            ties = [c.decision for c in link.tied]
            break
    if not ties or len(ties) > TIES_MAX or any(d.date is None for d in ties):
        return None
    fits = all(
        (weekday is None or WEEKDAYS[d.date.weekday()] == weekday)
        and (month_day is None or (d.date.month, d.date.day) == month_day)
        for d in ties
    )
    if not fits:
        return None
    found = "; ".join(f"{d.key}: {WEEKDAYS[d.date.weekday()]} {long_date(d.date)}" for d in ties)
    return make(
        "supported",
        f"The text gives the day as {claimed_day(weekday, month_day)} without a year; the "
        f"vote its sentence tells of fits {len(ties)} decisions equally well "
        f"({', '.join(label(d) for d in ties)}), and each was taken on such a day ({found}). "
        "Which of them the text means, and so the year, was not checked.",
        RULE,
        VERSION,
        evidence=[e for d in ties for e in decision_evidence(d, f"{d.key}: {d.outcome} on "
                                                              f"{long_date(d.date)}")],
        reason="date.fits_every_tied_decision",
        claimed=shown,
        found=found,
    )  # fmt: skip


def claimed_day(weekday: str | None, month_day: Any) -> str:
    """ "Thursday", "17 March", "Thursday 17 March": the day as the text gives it."""
    parts = [weekday or "", f"{month_day[1]} {date(2000, *month_day):%B}" if month_day else ""]
    return " ".join(p for p in parts if p)
