"""Decision linking: which Council decision a vote, resolution or date claim is about.

Like entity linking: gather candidate decisions from what the text gives (a symbol or number
the claim belongs to; days stated in or before its sentence; the days before the article's
date), rank them by what the sentence says of them (topic words, outcome words such as
"vetoed" or "adopted", members said to have voted a way), and keep the best with a confidence,
or none. The runner-up is kept so a reviewer sees when the choice was close.

Ranking never uses the counts under test: a tally is compared with the decision the text
points to, not used to choose it. (One exception, for support only: when no decision in reach
fits the subject, a record that matches a split tally and its named members in full is taken,
never sure, since a "Middle East" or bare letter's title fits no story's words.) Outcome and
member words may rank candidates; the link then records that it leaned on them (`leaned_on`),
and rules do not contradict what they were chosen by.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from checks.anchor import story_days
from checks.decision_text import label, subject
from checks.link_days import (
    ANY_TIME,
    NEXT_TO_STATED,
    STORY,
    STORY_DAY,
    WINDOW,
    any_time_days,
    candidate_days,
    claim_by_id,
)
from checks.link_discourse import NEARBY, pointed_back_to, told_before
from checks.link_fit import OUTCOME_FIT, distinctive_match, members_fit, sponsor_fit, tally_chosen
from checks.link_lookup import (  # (re-exported: the rules import them from here)
    decisions_on,
    index,
    is_amendment,
    named_decision,
    the_day_s_only,
)
from checks.link_model import TIE, Candidate, Link, every_year, leaned
from checks.models import Claim

if TYPE_CHECKING:  # the rules import this module: no import of the rules' package at load
    from checks.verdicts.base import CheckContext

#: Days the sentence itself states, and a decision the sentence itself names.
STATED = {"date in sentence", "year inferred"}
IN_SENTENCE = "named in the sentence"
#: Weights of where a candidate's day came from (stated in the sentence is strongest).
DAY_WEIGHT = {
    "date in sentence": 6.0,
    NEXT_TO_STATED: 4.0,
    "date before": 3.0,
    "article date": 2.0,
    "day before the article": 2.0,
    "month in sentence": 2.0,
    "days before the article": 0.5,
    "named nearby": 4.0,
    "named in the sentence": 6.0,
    "year inferred": 2.0,
    "named, long before": 1.0,
    "named earlier in the text": 3.0,
    "the vote told just before": 3.0,
    STORY: 2.0,
    STORY_DAY: 0.5,
    ANY_TIME: 0.5,
}
#: A resolution "the resolution" points back to, named paragraphs before: never sure by itself.
NAMED_EARLIER = "named earlier in the text"
#: The decision the vote claim just before is linked to ("... was blocked by Russia's veto.
#: China and Kazakhstan abstained"): a candidate whatever its subject, never sure by itself.
TOLD_BEFORE = "the vote told just before"


# --- ranking -----------------------------------------------------------------------------------
def _nearby(ctx: CheckContext, claim: Claim) -> list[tuple[str, Any]]:
    """Decisions the article names in the claim's sentence (not attached to it) or around it
    ("Resolution 1929 ... The Council voted 12-2 to adopt it"): candidates, ranked like the
    others, since a sentence may name one decision and report the vote on another."""
    out = []
    own = set(claim.links.get("resolutions", []))
    earlier: Claim | None = None
    for c in ctx.claims:
        if c.type != "resolution":
            continue
        gap = min(abs(c.start - claim.end), abs(claim.start - c.end))
        if c.id in own or gap < NEARBY:
            d = named_decision(ctx, c)
            if d is not None:
                out.append(("named in the sentence" if c.id in own else "named nearby", d))
        elif c.end <= claim.start and (earlier is None or c.start > earlier.start):
            earlier = c
    # "The resolution passed 14-0" paragraphs after the resolution was named: the text points
    # back to the last one it named (a candidate like the others, never sure by itself)
    if not out and earlier is not None and claim.links.get("refers_back"):
        d = named_decision(ctx, earlier)
        if d is not None:
            out.append((NAMED_EARLIER, d))
    told = told_before(ctx, claim)
    if told is not None and all(d.key != told.key for _where, d in out):
        out.append((TOLD_BEFORE, told))
    return out


def rank(
    ctx: CheckContext,
    claim: Claim,
    days: list[tuple[date, str]],
    nearby: list[tuple[str, Any]] = (),
) -> list[Candidate]:
    """Candidates on the given days whose subject fits what the sentence (first) and the
    story's lead say; scored by where the day came from, the fit and the outcome words."""
    from checks.verdicts.base import topic_score  # (see the import note at the top)

    near = ctx.near_text(claim)
    outcome = claim.links.get("outcome")
    out: dict[str, Candidate] = {}
    pool = [(day, where, d) for day, where in days for d in decisions_on(ctx, day)]
    window = [d for _day, where, d in pool if where in WINDOW]
    # A resolution the article cites from years before is background, not the day's vote.
    # (In an undated text, the latest day the story states for a decision stands for its date.)
    story = ctx.article_date or max(ctx.memo("story days", lambda: story_days(ctx)), default=None)
    long_ago = story - timedelta(days=60) if story else None
    # (the vote told just before is a candidate of its own only when no day reaches it)
    from_days = {d.key for _day, _where, d in pool}
    pool += [
        (d.date, where if long_ago is None or d.date >= long_ago else "named, long before", d)
        for where, d in nearby
        if d.date is not None and not (where == TOLD_BEFORE and d.key in from_days)
    ]
    # A sentence that states its own day is about that day: a decision found on another day
    # may be what it means, but not surely.
    own_day = any(where in {"date in sentence", "year inferred"} for _day, where in days)
    # A resolution named in or near the sentence whose day the records dispute cannot be
    # ranked, but the text may mean it: no other decision is then sure.
    named_undated = any(d.date is None for _where, d in nearby)
    amendment = claim.type == "vote" and bool(claim.links.get("amendment"))
    referent = claim.type == "vote" and bool(claim.links.get("refers_back"))
    named_keys = {d.key for _where, d in nearby}
    told_keys = {d.key for where, d in nearby if where == TOLD_BEFORE}
    for day, where, d in pool:
        if amendment and not is_amendment(d):
            continue  # "abstained on the proposed amendments": not the vote on the text
        about = subject(d)
        own, fit = topic_score(about, claim.sentence), topic_score(about, near)
        lone = fit <= 0 and the_day_s_only(ctx, claim, day, where, d, window)
        # "Adopted by the Security Council at its 868th meeting, by 8 votes to none", under
        # the heading "Resolution 138": the text it points back to needs no subject words
        pointed = (
            fit <= 0 and not lone and ((referent and d.key in named_keys) or d.key in told_keys)
        )
        full = fit <= 0 and not (lone or pointed) and where != ANY_TIME and claim.type == "vote"
        full = full and distinctive_match(claim, d)
        lone = lone or pointed or full
        if (fit <= 0 and not lone) or (where == ANY_TIME and own <= 0):
            continue  # a decision on another subject is not in reach
        if pointed and d.key in told_keys:
            fits = "the vote the sentence before tells of (its subject fits no words here)"
        elif pointed:
            fits = "the text the sentence points back to, named before it"
        elif full:
            fits = (
                f"its record matches every count and member the sentence gives, though its "
                f"recorded subject ({about[:60]!r}) fits no words around the claim"
            )
        elif lone:
            fits = (
                f"the only {d.outcome} draft "
                + (
                    "of the days before the article, cast by whom it names"
                    if where in WINDOW
                    else "that day"
                )
                + f", though its recorded subject "
                f"({about[:60]!r}) does not fit the words around the claim"
            )
        else:
            fits = f"subject fits (score {fit:g}, {own:g} from the sentence)"
        why = [
            f"{where if where.startswith('named') or where == STORY else 'on ' + where} "
            f"({day.isoformat()})",
            fits,
        ]
        score = DAY_WEIGHT[where] + min(own, 5) + 0.5 * min(fit, 6)
        leaned: list[str] = []
        o = OUTCOME_FIT.get((outcome, d.outcome), 0.0) if outcome else 0.0
        if o and "outcome" in (d.disputes or {}):
            o = 0.0  # the records disagree on the outcome: it neither rules out nor supports
            why.append("its outcome is disputed between the records")
        if o <= -4 or (where == ANY_TIME and o <= 0):
            continue  # "vetoed" is not about a resolution adopted that day: another decision
        if o < 0:
            # "vetoed" of a draft that failed for lack of votes: a common slip, so the draft
            # stays in reach (ranked lower) and the rule compares the outcome
            score += o
            why.append(f"the sentence says {outcome.replace('_', ' ')}, the record {d.outcome}")
        elif o:
            score += o
            why.append(f"the sentence says {outcome.replace('_', ' ')}")
            leaned.append("outcome")
        m = members_fit(claim.value, d) if claim.type == "vote" else 0.0
        if m is None and where == ANY_TIME:
            m = -2.0  # the claim's own names must not narrow a search of every year
        elif m is None:
            continue  # none of the states it names sat on the Council for that vote
        if m:
            score += m
            leaned.append("members")
            why.append("members named" + (" fit" if m > 0 else " do not fit"))
        sp = sponsor_fit(claim.links.get("sponsors") or [], d) if claim.type == "vote" else 0.0
        if sp:
            score += sp
            why.append(
                f"the sentence speaks of {' and '.join(claim.links['sponsors'])}'s draft, "
                + ("which fits its vote" if sp > 0 else "which did not vote for it")
            )
        # Sure: the sentence itself speaks of its subject, or a stated day holds it. A decision
        # named elsewhere in the article, or found days earlier, may be another vote.
        sure = own > 0 or (where not in {"days before the article", "named nearby"} and fit >= 2)
        # "The members that supported the proposal are ...": the draft of the sentences before,
        # whose day they state
        sure = sure or (where == "date before" and bool(claim.links.get("refers_back")))
        if lone or where in {"named, long before", NAMED_EARLIER, TOLD_BEFORE, STORY, STORY_DAY,
                             ANY_TIME}:  # fmt: skip
            sure = False  # found by the rest of the story, not by what this sentence says
        if (where.startswith("named") and own == 0) or where == "year inferred":
            sure = False
        if own_day and where not in {"date in sentence", "year inferred", "named in the sentence"}:
            sure = False
        if named_undated:
            sure = False
        base = score - o - m
        cand = Candidate(
            d,
            score,
            tuple(why),
            leaned_on=tuple(leaned),
            sure=sure,
            base=base,
            where=where,
            sponsor=sp,
            own=own,
            members=m,
            outcome=o,
        )
        if d.key not in out or out[d.key].score < score:
            out[d.key] = cand
    ranked = sorted(out.values(), key=lambda c: -c.score)
    # A sentence that states its own day is about that day: when a decision on it fits the
    # subject, decisions of other days are not candidates, whatever the outcome words say
    # ("vetoed ... on October 16" of the draft that failed that day, not of a veto two days on).
    stated = {day for day, where in days if where in STATED}
    if any(c.decision.date in stated for c in ranked):
        ranked = [c for c in ranked if c.decision.date in stated or c.where == IN_SENTENCE]
    return ranked


def link_decision(ctx: CheckContext, claim: Claim) -> Link:
    """The decision `claim` is about, named or ranked; or none, with a note saying why."""
    key = ("link", claim.id)
    return ctx.memo(key, lambda: _link(ctx, claim))


def _link(ctx: CheckContext, claim: Claim) -> Link:
    idx = index(ctx)
    if idx is None:
        return Link(note="No decision records are configured.", reason="link.no_index")
    named_claims = [claim_by_id(ctx, claim.links.get("resolution"))]
    if claim.type == "resolution":
        named_claims.insert(0, claim)
    for res in named_claims:
        if res is None:
            continue
        d = named_decision(ctx, res)
        if d is not None:
            return Link(
                d, 0.95, f"named in the sentence ({res.text})", named=True, reason="link.named"
            )
    days, note = candidate_days(ctx, claim)
    nearby = _nearby(ctx, claim) if claim.type == "vote" and not note else []
    if not days and not nearby and not note and claim.type == "vote":
        days = any_time_days(ctx, claim)
    if not days and not nearby:
        return Link(
            note=note or "The article gives no day for it.",
            reason="link.other_time" if note else "link.none",
        )
    reached = [(d, w) for d, w in days if ctx.memo(("covered", d), lambda d=d: idx.covered(d))]
    gaps = [d for d, w in days if (d, w) not in reached and w != "days before the article"]
    candidates = rank(ctx, claim, reached, nearby)
    if not candidates:
        if gaps and not reached:
            day = gaps[0]
            return Link(
                note=f"The records available here do not reach {day.day} {day:%B %Y} "
                f"({idx.coverage_note(day)}).",
                reason="link.not_reached",
            )
        if claim.links.get("amendment"):
            return Link(
                note="The sentence tells of a vote on amendments, and the records hold no "
                "vote on an amendment on the days the article gives (the vote on the text "
                "itself is another vote).",
                reason="link.none",
            )
        return Link(
            note="No Council decision on the days the article gives fits what the sentence "
            "is about.",
            reason="link.none",
        )
    best = candidates[0]
    runner = candidates[1] if len(candidates) > 1 else None
    if best.where == ANY_TIME and runner is not None:
        return every_year(candidates)
    elsewhen = [
        c
        for c in candidates[1:]
        if c.where == STORY
        and c.decision.date != best.decision.date
        and c.members >= 0
        and c.outcome >= 0
    ]
    if best.where == STORY and elsewhen:
        # an undated story whose statements fit votes of several days on its subject: the
        # subject's words alone cannot say which day it tells of (the same two vetoed the same
        # kind of text in July and in November); a claim each of them bears out still holds
        runner = elsewhen[0]
        tied = [best, *elsewhen]
        return Link(
            runner_up=runner,
            candidates=candidates,
            leaned_on=leaned(tied, [c for c in candidates if c not in tied]),
            tied=tuple(tied),
            note=f"What the story says fits several votes: {label(best.decision)} and "
            f"{label(runner.decision)}.",
            reason="link.ambiguous",
        )
    if runner is not None and best.score - runner.score < TIE:
        tied = [c for c in candidates if best.score - c.score < TIE]
        before = pointed_back_to(ctx, claim, tied)
        if before is not None:
            others = [c for c in tied if c is not before]
            return Link(
                before.decision,
                0.7,
                "; ".join((*before.why, "the draft the sentence before is about")),
                runner_up=others[0] if others else None,
                candidates=candidates,
                leaned_on=leaned([before], others),
                reason="link.pointed_back",
            )
        full = tally_chosen(claim, tied)
        if len(full) == 1:
            # two texts of one day, one tally: "8 to 1 (China) with 2 abstentions (Belgium and
            # France)" is the vote whose record says so (never sure: it supports only)
            others = [c for c in tied if c is not full[0]]
            return Link(
                full[0].decision,
                0.6,
                "; ".join((*full[0].why, "of the decisions that fit, only its record matches "
                           "every count and member the sentence gives")),
                runner_up=others[0],
                candidates=candidates,
                leaned_on=(*leaned(full, others), "counts"),
                reason="link.tally_match",
            )  # fmt: skip
        return Link(
            runner_up=runner,
            candidates=candidates,
            leaned_on=leaned(tied, candidates[len(tied) :]),
            tied=tuple(tied),
            note=f"Two decisions fit equally well: {label(best.decision)} and "
            f"{label(runner.decision)}.",
            reason="link.ambiguous",
        )
    if runner is None:
        confidence = 0.85 if best.sure else 0.7
    else:
        confidence = min(0.9, 0.5 + 0.1 * (best.score - runner.score))
    close = runner if runner is not None and best.score - runner.score < 3 else None
    return Link(
        best.decision,
        confidence,
        "; ".join(best.why),
        runner_up=close,
        candidates=candidates,
        leaned_on=leaned([best], candidates[1:]),
        reason="link.ranked",
    )
