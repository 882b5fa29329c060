"""Rules for dates: the weekday fits the date, and the Council event on that date happened."""

from __future__ import annotations

import re
from datetime import date

from checks.models import Claim, Evidence, Verdict
from checks.verdicts.attach import DECISION_VERB
from checks.verdicts.base import CheckContext, evidence, long_date, make
from checks.verdicts.events import check_event_date
from checks.verdicts.numbers import about_the_security_council
from checks.verdicts.targets import (
    covered,
    decisions_on,
    named_target,
    resolution_record,
    topic_fit,
)

RULE, VERSION = "date.event_on_record", "v1"
ACTION = re.compile(
    r"(?i)\b(adopt\w*|pass\w*|approv\w*|vot\w*|veto\w*|reject\w*|fail\w*|endors\w*|"
    r"authori[sz]\w*|impos\w*|extend\w*|renew\w*|condemn\w*|demand\w*|resolution|draft)\b"
)
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def calendar_evidence(d: date) -> Evidence:
    return Evidence(
        source="calendar",
        title="Proleptic Gregorian calendar (Python datetime)",
        url="",
        excerpt=f"{long_date(d)} was a {WEEKDAYS[d.weekday()]}.",
        retrieved_at="",
    )


def check_date(claim: Claim, ctx: CheckContext) -> Verdict:
    value = claim.value
    claimed = value.get("expression", claim.text)
    if value.get("date") is None:
        return make(
            "unverifiable",
            "The date could not be resolved: give the article's "
            "publication date to read relative dates.",
            RULE,
            VERSION,
            claimed=claimed,
        )
    shown = value["date"] + (
        f' ("{claimed}", counted from {value["base"]})'
        if value.get("relative") and value.get("base")
        else ""
    )
    if (
        ctx.article_date
        and claim.start < 300
        and value["date"] == ctx.article_date.isoformat()
        and not value.get("relative")
    ):
        return make(
            "unverifiable",
            "This is the article's own dateline (its publication date), not a claim about "
            "an event.",
            RULE,
            VERSION,
            claimed=claimed,
        )
    if value.get("weekday_matches") is False:
        d = date.fromisoformat(value["date"])
        return make(
            "contradicted",
            f"The article says {claimed}, but {long_date(d)} was a "
            f"{WEEKDAYS[d.weekday()]}, not a {value['weekday']}.",
            RULE,
            VERSION,
            evidence=[calendar_evidence(d)],
            claimed=claimed,
            found=WEEKDAYS[d.weekday()],
        )
    if value.get("precision") != "day":
        return _coarse(claim, ctx, claimed, shown)
    day = date.fromisoformat(value["date"])
    target = named_target(ctx, claim, must_attach=True)
    if target is not None and target.date is not None:
        ev = [
            evidence(target.record, f"{target.symbol}: {target.status} on {long_date(target.date)}")
        ]
        found = f"{target.symbol}: {long_date(target.date)}"
        if target.date == day:
            return make(
                "supported",
                f"The article dates this to {long_date(day)}; the record of "
                f"{target.symbol} gives the same day.",
                RULE,
                VERSION,
                evidence=ev,
                claimed=shown,
                found=found,
            )
        return make(
            "contradicted",
            f"The article dates this to {long_date(day)}; the record of "
            f"{target.symbol} says {long_date(target.date)}.",
            RULE,
            VERSION,
            evidence=ev,
            claimed=shown,
            found=found,
        )
    if not (about_the_security_council(claim.sentence) and ACTION.search(claim.sentence)):
        from_encyclopedia = check_event_date(claim, ctx, shown)
        if from_encyclopedia is not None:
            return from_encyclopedia
        return make(
            "unverifiable",
            f"Resolved to {shown}. The sentence is not about a Council "
            "decision, so the UN records cannot date it; check a news archive.",
            RULE,
            VERSION,
            claimed=shown,
        )
    if ctx.article_date and day > ctx.article_date:
        return make(
            "unverifiable",
            f"Resolved to {shown}: after the article was written, so a plan, not yet an event "
            "on record.",
            RULE,
            VERSION,
            claimed=shown,
        )
    if not covered(ctx, day):
        return make(
            "unverifiable",
            f"Resolved to {shown}. The Council's records available here do not reach that "
            "day; check again later.",
            RULE,
            VERSION,
            claimed=shown,
        )
    near = ctx.near_text(claim)
    decisions = [t for t in decisions_on(ctx, day) if topic_fit(t.topic, near) > 0]
    if decisions:
        t = decisions[0]
        ev = [evidence(t.record, f"{t.symbol}: {t.status} on {long_date(day)} ({t.topic})")]
        return make(
            "supported",
            f"The article dates a Council decision to {shown}; the records "
            f'show {t.symbol} ({t.status}) on {long_date(day)} on "{t.topic}".',
            RULE,
            VERSION,
            evidence=ev,
            claimed=shown,
            found=f"{t.symbol}: {long_date(day)}",
        )
    if claim.governor and DECISION_VERB.match(claim.governor.split(":", 1)[1]):
        return make(
            "not_found",
            f"Resolved to {shown}. The records list no Council decision "
            "on that day that fits the article's topic.",
            RULE,
            VERSION,
            claimed=shown,
        )
    return make(
        "unverifiable",
        f"Resolved to {shown}. No Council decision on that day fits "
        "the article; the date may belong to another event in the sentence.",
        RULE,
        VERSION,
        claimed=shown,
    )


def _coarse(claim: Claim, ctx: CheckContext, claimed: str, shown: str) -> Verdict:
    """Month or year precision: compare with a resolution the date belongs to."""
    target = named_target(ctx, claim, must_attach=True)
    if target is None or target.date is None:
        found = _endorsing_resolution(claim, ctx, shown) or check_event_date(claim, ctx, shown)
        if found is not None:
            return found
        return make(
            "unverifiable",
            f"Resolved to {shown}; no record in reach dates this event.",
            RULE,
            VERSION,
            claimed=shown,
        )
    value = claim.value
    got = target.date.isoformat()[: len(value["date"])]
    ev = [evidence(target.record, f"{target.symbol}: {long_date(target.date)}")]
    if value.get("qualifier") or value.get("relative"):
        return make(
            "unverifiable",
            f"Resolved to {shown}; {target.symbol} is dated "
            f"{long_date(target.date)}, but the claim may be about another event.",
            RULE,
            VERSION,
            evidence=ev,
            claimed=shown,
            found=got,
        )
    if got == value["date"]:
        return make(
            "supported",
            f"{target.symbol} is dated {long_date(target.date)}, which fits {claimed}.",
            RULE,
            VERSION,
            evidence=ev,
            claimed=shown,
            found=got,
        )
    # The date belongs to the resolution (it modifies it, or both hang on "adopted"), so a
    # different month or year is the article's error.
    return make(
        "contradicted",
        f"The article dates {target.symbol} to {claimed}; the record says "
        f"{long_date(target.date)}.",
        RULE,
        VERSION,
        evidence=ev,
        claimed=shown,
        found=got,
    )


AGREEMENT = re.compile(
    r"(?i)\b(deal|agreement|accord|pact|plan|treaty|ceasefire|truce|sanctions)\b"
)


def _endorsing_resolution(claim: Claim, ctx: CheckContext, shown: str) -> Verdict | None:
    """ "The 2015 nuclear deal ... endorsed by resolution 2231": the year of an agreement the
    article ties to a resolution it cites, when that resolution's topic fits and its year
    agrees. A different year proves nothing (a deal may precede its endorsement)."""
    value = claim.value
    if (
        value.get("precision") != "year"
        or value.get("relative")
        or not AGREEMENT.search(claim.sentence)
    ):
        return None
    nearby = [c for c in ctx.claims if c.type == "resolution" and abs(c.start - claim.start) < 600]
    for res in nearby:
        rec = resolution_record(ctx, res)
        if rec is None or rec.date is None or str(rec.year) != value["date"]:
            continue
        if topic_fit(rec.topic, claim.sentence) == 0:
            continue
        ev = [
            evidence(
                rec.record, f"{rec.symbol}: {rec.status} on {long_date(rec.date)}, {rec.topic}"
            )
        ]
        return make(
            "supported",
            f"The article ties this {value['date']} agreement to "
            f"{rec.symbol}, which the Council adopted on {long_date(rec.date)} on "
            f'"{rec.topic}".',
            RULE,
            VERSION,
            evidence=ev,
            claimed=shown,
            found=str(rec.year),
        )
    return None
