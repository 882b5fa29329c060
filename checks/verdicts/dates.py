"""Rules for dates: the weekday fits the date, and the Council event on that date happened."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from checks.anchor import year_known
from checks.attach import governed_by_decision
from checks.decision_text import decision_evidence, describe, label, subject
from checks.extract.links import is_deadline
from checks.link_fit import OUTCOME_FIT
from checks.linking import link_decision, named_decision, rank
from checks.models import Claim, Evidence, Verdict
from checks.verdicts.base import CheckContext, long_date, make
from checks.verdicts.coarse_dates import check_coarse
from checks.verdicts.date_context import (
    NO_DECISION,
    about_a_decision,
    continues_a_council_sentence,
    dates_a_linked_vote,
    dates_the_vote,
    resolution_decision,
    vote_linked_on,
    votes_in_a_council_story,
)
from checks.verdicts.events import check_event_date
from checks.verdicts.mandates import check_mandate_end
from checks.verdicts.meetings import check_meeting_day
from checks.verdicts.yearless import WEEKDAYS, check_yearless, stated_parts

RULE, VERSION = "date.event_on_record", "v1"


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
        # ("no decision could be adopted on ...": nothing to support)
        dated = about_a_decision(claim) and not NO_DECISION.search(claim.sentence)
        on_decision = check_yearless(claim, ctx, claimed) if dated else None
        if on_decision is not None:
            return on_decision
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
        and not claim.links.get("in_prose")  # "On 18 December 2015 the Council adopted ..."
    ):
        return make(
            "unverifiable",
            "This is the article's own dateline (its publication date), not a claim about "
            "an event.",
            RULE,
            VERSION,
            claimed=claimed,
        )
    if value.get("weekday_matches") is False and value.get("relative"):
        # "Tuesday, June 5" with no year written: the year was a guess, and the weekday says
        # the guess is wrong, not the text
        d = date.fromisoformat(value["date"])
        said = str(value.get("weekday", ""))[:3].lower()
        fits = [y for y in range(d.year - 6, d.year + 7) if _weekday_of(y, d)[:3].lower() == said]
        return make(
            "unverifiable",
            f"The article says {claimed} without a year; {long_date(d)} (the year taken from "
            f"the article) was a {WEEKDAYS[d.weekday()]}, so it may mean another year"
            + (f" ({', '.join(map(str, fits))})" if fits else "")
            + ". Give the year to check it.",
            RULE,
            VERSION,
            evidence=[calendar_evidence(d)],
            claimed=claimed,
            reason="date.weekday_other_year",
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
    if is_deadline(claim):  # "until 30 June", "until the end of this month"
        if value.get("precision") == "day":
            in_title = check_mandate_end(claim, ctx, date.fromisoformat(value["date"]), shown)
            if in_title is not None:
                return in_title
        return make(
            "unverifiable",
            f"Resolved to {shown}: a deadline or an end date (after 'until' or 'by'), "
            "not the time of a Council decision; the records of decisions cannot date it.",
            RULE,
            VERSION,
            claimed=shown,
            reason="date.deadline",
        )
    if value.get("precision") != "day":
        return check_coarse(claim, ctx, claimed, shown)
    day = date.fromisoformat(value["date"])
    named = resolution_decision(claim, ctx)
    if named is not None and named.date is not None:
        return _against_named(claim, named, day, shown)
    if named is not None and "date" in (named.disputes or {}):
        return _disputed_day(named, shown)
    if not about_a_decision(claim):
        # "The Council has passed three rounds of sanctions. The last was adopted on 3 March
        # 2008": only a decision of that day on the subject can answer; none is no answer. A
        # sentence that only votes in a Council story must name the subject itself.
        continuing = continues_a_council_sentence(claim, ctx)
        linked = dates_a_linked_vote(claim, ctx)
        if continuing or linked or votes_in_a_council_story(claim):
            own_subject = not (continuing or linked or dates_the_vote(claim))
            found = _decision_on_day(claim, ctx, day, shown, own_subject=own_subject)
            if found.label == "supported":
                return found
        met = check_meeting_day(claim, ctx, day, shown)
        if met is not None:
            return met
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
            reason="date.not_a_decision",
        )
    if ctx.article_date and day > ctx.article_date:
        return make(
            "unverifiable",
            f"Resolved to {shown}: after the article was written, so a plan, not yet an event "
            "on record.",
            RULE,
            VERSION,
            claimed=shown,
            reason="date.after_article",
        )
    if not year_known(value):
        denied = NO_DECISION.search(claim.sentence)
        # the day of the story's year: a fitting decision that day supports it; no other
        # answer is given from it, since the year is the text's guess ...
        on_day = None if denied else _decision_on_day(claim, ctx, day, shown)
        if on_day is not None and on_day.label == "supported":
            return on_day
        # ... else the decision the sentence (or the undated story) is about may tell the day
        on_decision = None if denied else check_yearless(claim, ctx, shown)
        if on_decision is not None:
            return on_decision
        return make(
            "unverifiable",
            f"Resolved to {shown}, but the text does not give the year: it was taken from "
            "another date in the article, so the day's decisions are not compared.",
            RULE,
            VERSION,
            claimed=shown,
            reason="date.year_inferred",
        )
    return _decision_on_day(claim, ctx, day, shown)


#: A year written in the date's own words ("20 July 2015", "July 20, '15" is not read as one).
_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")


def _disputed_day(d: Any, shown: str) -> Verdict:
    """The decision the date is about is one whose day the records dispute."""
    said = "; ".join(f"{k}: {v}" for k, v in (d.disputes or {}).get("date", {}).items())
    return make(
        "unverifiable",
        f"Resolved to {shown}. The records disagree on the day of {d.key} ({said}), "
        "so the date is not compared.",
        RULE,
        VERSION,
        evidence=decision_evidence(d),
        claimed=shown,
        reason="date.disputed_record",
    )


def _against_named(claim: Claim, d, day: date, shown: str) -> Verdict:
    ev = decision_evidence(d, f"{d.key}: {d.outcome} on {long_date(d.date)}")
    _weekday, month_day = stated_parts(claim.value)
    if month_day and not _YEAR.search(claim.value.get("expression") or claim.text):
        # "resolution 2231, adopted on 20 July" in a 2020 story: the day and month are the
        # text's, the year (read from the article) is not; the resolution's own year is meant
        said, same = f"{day.day} {day:%B}, without a year", month_day == (d.date.month, d.date.day)
        found = f"gives {long_date(d.date)}" if same else f"says {long_date(d.date)}"
    else:
        said, same = long_date(day), d.date == day
        found = "gives the same day" if same else f"says {long_date(d.date)}"
    if not same and d.number is None:
        # "Document S/1048, October 22, 1948": a draft's symbol carries the day it was
        # circulated, days before the vote the records date
        return make(
            "unverifiable",
            f"The article dates this to {said}; {d.key} was put to the vote on "
            f"{long_date(d.date)}. A draft is also dated by the day it was circulated, so "
            "the two need not disagree.",
            RULE,
            VERSION,
            reason="date.draft_dated_otherwise",
            evidence=ev,
            claimed=shown,
            found=f"{d.key}: {long_date(d.date)}",
        )
    return make(
        "supported" if same else "contradicted",
        f"The article dates this to {said}; the record of {d.key} {found}.",
        RULE,
        VERSION,
        reason="date.matches_named" if same else "date.differs_named",
        evidence=ev,
        claimed=shown,
        found=f"{d.key}: {long_date(d.date)}",
    )


def _decision_on_day(
    claim: Claim, ctx: CheckContext, day: date, shown: str, own_subject: bool = False
) -> Verdict:
    """A Council decision on that day whose subject fits the sentence (with `own_subject`,
    the claim's own sentence); else, when the story may mean a decision on a nearby day, say
    which."""
    idx = ctx.services.decisions
    if idx is None or not ctx.memo(("covered", day), lambda: idx.covered(day)):
        note = f" ({idx.coverage_note(day)})" if idx is not None else ""
        return make(
            "unverifiable",
            f"Resolved to {shown}. The Council's records available here do not reach that "
            f"day{note}; check again later.",
            RULE,
            VERSION,
            claimed=shown,
            reason="date.not_reached",
        )
    on_day = rank(ctx, claim, [(day, "date in sentence")])
    on_day = [c for c in on_day if c.own > 0 or not own_subject]
    if on_day and NO_DECISION.search(claim.sentence):
        d = on_day[0].decision
        return make(
            "unverifiable",
            f"Resolved to {shown}. The sentence says no decision was taken; the records show "
            f'{label(d)} that day on "{subject(d)}". Check whether it is the same matter.',
            RULE,
            VERSION,
            evidence=decision_evidence(d),
            claimed=shown,
            found=f"{d.key}: {long_date(day)}",
            reason="date.denied_decision_on_record",
        )
    if on_day and on_day[0].decision.date is None:
        # listed under each day a source gives it (13 January here, 11 January there): the
        # day the sentence means is the one the records dispute, so neither is borne out
        return _disputed_day(on_day[0].decision, shown)
    if on_day:
        best = on_day[0]
        d = best.decision
        runner = on_day[1].decision if len(on_day) > 1 else None
        also = f" (also that day: {label(runner)})" if runner is not None else ""
        return make(
            "supported",
            f"The article dates a Council decision to {shown}; the records show {d.key} "
            f'({d.outcome}) on {long_date(day)} on "{subject(d)}"{also}.',
            RULE,
            VERSION,
            evidence=decision_evidence(
                d, f"{d.key}: {d.outcome} on {long_date(day)} ({subject(d)})"
            ),
            claimed=shown,
            found=f"{d.key}: {long_date(day)}",
            reason="date.decision_on_day",
            decision={"decision": describe(d), "why": "; ".join(best.why), "confidence": 0.9},
        )
    named = _named_in_story_on(claim, ctx, day)
    if named is not None:
        return make(
            "supported",
            f"The article dates a Council decision to {shown}; it names {named.key} elsewhere, "
            f"which the records show {named.outcome} on {long_date(day)}, as the sentence says "
            f'(on "{subject(named)}").',
            RULE,
            VERSION,
            evidence=decision_evidence(named, f"{named.key}: {named.outcome} on {long_date(day)}"),
            claimed=shown,
            found=f"{named.key}: {long_date(day)}",
            reason="date.named_decision_on_day",
        )
    link = link_decision(ctx, claim)
    if link.decision is not None and link.decision.date != day:
        d = link.decision
        return make(
            "unverifiable",
            f"Resolved to {shown}. No Council decision that day fits the sentence; the text "
            f'may mean {label(d)} on "{subject(d)}" (reporters often describe an earlier vote).',
            RULE,
            VERSION,
            claimed=shown,
            reason="date.link_other_day",
            decision=link.to_dict(),
        )
    voted = vote_linked_on(claim, ctx, day)
    if voted is not None:
        # (the day found the decision, so the decision cannot bear the day out: said, not
        # decided, and never "not found")
        return make(
            "unverifiable",
            f"Resolved to {shown}. The vote its sentence tells of is linked to {label(voted)}, "
            f"the only decision of that outcome that day, by the member the sentence names; its "
            f'recorded subject ("{subject(voted)}") is not in the words around the claim, so '
            "the day is not confirmed by it: check that it is the same matter.",
            RULE,
            VERSION,
            evidence=decision_evidence(voted, f"{voted.key}: {voted.outcome} on {long_date(day)}"),
            claimed=shown,
            found=f"{voted.key}: {long_date(day)}",
            reason="date.linked_vote_on_day",
        )
    if governed_by_decision(claim):
        return make(
            "not_found",
            f"Resolved to {shown}. The records list no Council decision "
            "on that day that fits the article's topic.",
            RULE,
            VERSION,
            claimed=shown,
            reason="date.no_decision_on_day",
        )
    return make(
        "unverifiable",
        f"Resolved to {shown}. No Council decision on that day fits "
        "the article; the date may belong to another event in the sentence.",
        RULE,
        VERSION,
        claimed=shown,
        reason="date.no_fitting_decision",
    )


def _named_in_story_on(claim: Claim, ctx: CheckContext, day: date):
    """The one decision the story names ("the text (S/17633)") taken on the day a sentence
    dates a decision to, with the outcome the sentence gives: its records' subject may be
    worded unlike the story ("Namibia" for "sanctions against South Africa")."""
    outcome = claim.links.get("outcome")
    found = {
        d.key: d
        for res in ctx.claims
        if res.type == "resolution"
        and (d := named_decision(ctx, res)) is not None
        and d.date == day
        and (not outcome or OUTCOME_FIT.get((outcome, d.outcome), 0.0) > 0)
    }
    return next(iter(found.values())) if len(found) == 1 else None


def _weekday_of(year: int, d: date) -> str:
    """The weekday of `d`'s month and day in `year` ("" when that year has no such day)."""
    try:
        return WEEKDAYS[d.replace(year=year).weekday()]
    except ValueError:  # 29 February
        return ""
