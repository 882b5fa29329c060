"""Dates of month or year precision ("In February", "the 2015 deal", "since January 1950"):
compared with the resolution they belong to, a member's boycott on record, the agreement a
cited resolution endorsed, or a decision that month; never contradicted on a coincidence."""

from __future__ import annotations

import calendar
import re
from datetime import date

from checks.anchor import year_known
from checks.attach import governed_by_decision
from checks.decision_text import decision_evidence, describe, label, subject
from checks.linking import link_decision, named_decision, rank
from checks.models import Claim, Verdict
from checks.verdicts.base import CheckContext, long_date, make, topic_fit, vote_text
from checks.verdicts.boycott import check_boycott
from checks.verdicts.date_context import (
    NO_DECISION,
    about_a_decision,
    continues_a_council_sentence,
    resolution_decision,
    votes_in_a_council_story,
)
from checks.verdicts.events import check_event_date
from checks.verdicts.yearless import RULE, VERSION


def check_coarse(claim: Claim, ctx: CheckContext, claimed: str, shown: str) -> Verdict:
    """Month or year precision: compare with a resolution the date belongs to; else a
    boycott, an agreement's year, a decision that month, or an encyclopedia."""
    target = resolution_decision(claim, ctx)
    if target is None or target.date is None:
        found = check_boycott(claim, ctx, shown) or _endorsing_resolution(claim, ctx, shown)
        found = found or _tally_in_period(claim, ctx, shown)
        found = (
            found or _decision_in_month(claim, ctx, shown) or check_event_date(claim, ctx, shown)
        )
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
    ev = decision_evidence(target, f"{target.key}: {long_date(target.date)}")
    if value.get("qualifier") or value.get("relative"):
        return make(
            "unverifiable",
            f"Resolved to {shown}; {target.key} is dated "
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
            f"{target.key} is dated {long_date(target.date)}, which fits {claimed}.",
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
        f"The article dates {target.key} to {claimed}; the record says {long_date(target.date)}.",
        RULE,
        VERSION,
        evidence=ev,
        claimed=shown,
        found=got,
    )


def _decision_in_month(claim: Claim, ctx: CheckContext, shown: str) -> Verdict | None:
    """ "In February, Russia vetoed the draft on Syria and Lebanon": a decision that month on
    the subject, with the outcome the sentence gives, supports the month. Only support: a
    month with no such decision may hold one the records file under another subject."""
    value = claim.value
    if value.get("precision") != "month" or not year_known(value):
        return None
    told = votes_in_a_council_story(claim)
    if not (about_a_decision(claim) or continues_a_council_sentence(claim, ctx) or told):
        return None
    if claim.links.get("tense") != "past" or NO_DECISION.search(claim.sentence):
        return None
    # the month of the act itself ("vetoed in February"), not of a presidency or a statement
    # the sentence also tells ("said the Council's president in April")
    if not governed_by_decision(claim):
        return None
    idx = ctx.services.decisions
    y, m = (int(x) for x in value["date"].split("-"))
    days = [date(y, m, d) for d in range(1, calendar.monthrange(y, m)[1] + 1)]
    if idx is None or not all(ctx.memo(("covered", d), lambda d=d: idx.covered(d)) for d in days):
        return None
    # the outcome the sentence gives must be the record's ("vetoed" of a veto that month)
    fits = [c for c in rank(ctx, claim, [(d, "month in sentence") for d in days])
            if "outcome" in c.leaned_on and (c.own > 0 or not told)]  # fmt: skip
    if not fits:
        return None
    d = fits[0].decision
    also = f" (also that month: {label(fits[1].decision)})" if len(fits) > 1 else ""
    return _on_record(
        d,
        f"The article dates a Council decision to {shown}; the records show {d.key} "
        f'({d.outcome}) on {long_date(d.date)} on "{subject(d)}"{also}. Only the month was '
        "compared.",
        shown,
        "date.decision_in_month",
        "; ".join(fits[0].why),
    )


def _on_record(d, explanation: str, shown: str, reason: str, why: str) -> Verdict:
    """Supported: decision `d` of the records falls in the month or year claimed."""
    return make(
        "supported",
        explanation,
        RULE,
        VERSION,
        evidence=decision_evidence(d, f"{d.key}: {d.outcome} on {long_date(d.date)}"),
        claimed=shown,
        found=f"{d.key}: {long_date(d.date)}",
        reason=reason,
        decision={"decision": describe(d), "why": why, "confidence": 0.8},
    )


def _tally_in_period(claim: Claim, ctx: CheckContext, shown: str) -> Verdict | None:
    """ "In August 1972, 11 of the 15 members voted to recommend membership, 3 abstained": the
    tally in the sentence is the record of a decision that month (or year), so the month is.
    Only support, and only when every count the sentence gives is the record's."""
    value = claim.value
    if value.get("precision") not in ("month", "year") or value.get("qualifier"):
        return None
    if value.get("relative") or not year_known(value) or NO_DECISION.search(claim.sentence):
        return None
    if not governed_by_decision(claim):  # (not "aid for the 2023 Gaza crisis")
        return None
    for vote in ctx.in_sentence(claim, "vote"):
        said = [(i, vote.value.get(k)) for i, k in enumerate(("for", "against", "abstain"))]
        said = [(i, n) for i, n in said if isinstance(n, int)]
        d = link_decision(ctx, vote).decision
        if not said or d is None or d.date is None or not d.vote:
            continue
        if any(d.vote[i] != n for i, n in said):
            continue
        if d.date.isoformat()[: len(value["date"])] != value["date"]:
            continue
        return _on_record(
            d,
            f"The tally this sentence gives is the record of {d.key} ({d.outcome}, "
            f"{vote_text(d.vote)}) on {long_date(d.date)}, which falls in {shown}.",
            shown,
            "date.tally_in_period",
            "the sentence's tally",
        )
    return None


AGREEMENT = re.compile(
    r"(?i)\b(deal|agreement|accord|pact|plan|treaty|ceasefire|truce|sanctions)\b"
)


def _endorsing_resolution(claim: Claim, ctx: CheckContext, shown: str) -> Verdict | None:
    """ "The 2015 nuclear deal ... endorsed by resolution 2231": the year of an agreement the
    article ties to a resolution it cites, when that resolution's topic fits and its year
    agrees. The year must date the agreement itself ("the 2015 deal", "the accord reached in
    2015"), not another act in the sentence ("the panel was established in 2006"). A different
    year proves nothing (a deal may precede its endorsement)."""
    value = claim.value
    if value.get("precision") != "year" or value.get("relative") or not _dates_agreement(claim):
        return None
    nearby = [c for c in ctx.claims if c.type == "resolution" and abs(c.start - claim.start) < 600]
    for res in nearby:
        d = named_decision(ctx, res)
        if d is None or d.date is None or str(d.date.year) != value["date"]:
            continue
        if topic_fit(subject(d), claim.sentence) == 0:
            continue
        return make(
            "supported",
            f"The article ties this {value['date']} agreement to {d.key}, which the Council "
            f'adopted on {long_date(d.date)} on "{subject(d)}".',
            RULE,
            VERSION,
            evidence=decision_evidence(
                d, f"{d.key}: {d.outcome} on {long_date(d.date)}, {subject(d)}"
            ),
            claimed=shown,
            found=str(d.date.year),
            reason="date.agreement_year",
        )
    return None


def _dates_agreement(claim: Claim) -> bool:
    """The year modifies an agreement noun: right before it ("the 2015 nuclear deal") or after
    it ("the agreement reached in 2015", "the deal of 2015")."""
    offset = claim.start - claim.sentence_start
    after = claim.sentence[offset + len(claim.text) :][:40]
    before = claim.sentence[max(0, offset - 50) : offset]
    if re.match(r"^(?:[\s-]+[A-Za-z-]+){0,2}?\s+" + AGREEMENT.pattern[4:], after, re.I):
        return True
    return bool(
        re.search(
            AGREEMENT.pattern[4:] + r"(?:\s+(?:was|were))?\s+(?:reached|signed|struck|agreed|"
            r"sealed|concluded|of|from)\s+(?:in\s+)?$",
            before,
            re.I,
        )
    )
