"""The days a story may put a claim's decision on, and where each came from: days stated in
the sentence (and the days next to them), in the sentences before, the article's date and the
week before it, or, for an undated story, the days its other claims pin down (`anchor`)."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import TYPE_CHECKING

from checks.anchor import anchor_days, story_days, year_known
from checks.errors import SourceError
from checks.extract.links import bounds_another_time, is_deadline
from checks.models import Claim

if TYPE_CHECKING:  # the rules import this module: no import of the rules' package at load
    from checks.verdicts.base import CheckContext

#: How far back from the article's date a decision is in reach ("last week's vote").
WINDOW_DAYS = 7
#: Where the days before a dated article come from (no day stated for the claim).
WINDOW = frozenset({"article date", "day before the article", "days before the article"})
#: Where a day came from when an undated story's other claims pinned its vote down (anchor).
STORY = "the vote the rest of the story describes"
#: An undated story's own day: a full date in one of its sentences about a decision.
STORY_DAY = "a day the story gives for a decision"
#: A day next to one the sentence states.
NEXT_TO_STATED = "a day next to the one stated"
#: An undated story that gives no day at all: a veto or failed vote on its subject, any year.
ANY_TIME = "a vote of that outcome on the subject since the latest year the story states"
#: Outcome words rare enough that the records hold few such votes on one subject or day, and
#: the records' outcomes they name.
RARE_OUTCOMES = {"vetoed": {"vetoed"}, "failed": {"failed"}, "not_adopted": {"vetoed", "failed"}}


def claim_by_id(ctx: CheckContext, claim_id: str | None) -> Claim | None:
    return next((c for c in ctx.claims if c.id == claim_id), None) if claim_id else None


def candidate_days(ctx: CheckContext, claim: Claim) -> tuple[list[tuple[date, str]], str]:
    """Days the story may put the decision on, with where each came from; and a note when the
    sentence speaks of another time (no day of the story can stand for it)."""
    links = claim.links
    # "extended the mandate until October 31, 2025": an end date is not the day of the vote
    own = [c for i in links.get("dates", []) if (c := _when(ctx, i)) is not None]
    stated = [
        date.fromisoformat(c.value["date"])
        for c in own
        if c.value.get("precision") == "day" and c.value.get("date")
    ]
    # "the United States, which has vetoed previous bids, abstaining": the claim's own words
    # tell of other times, whatever day the sentence states
    if links.get("own_habitual"):
        return [], "The claim speaks of other times."
    # "passed on Friday ..., as it has done in the past": a sentence that states its own day
    # speaks of that day, whatever habit it also mentions
    own_day = links.get("tense") == "habitual" and bool(stated)
    # "inspectors will return on 18 November, following the Council's vote yesterday": a
    # future sentence that states a day up to the article's date also tells of that day
    on = ctx.article_date
    past_day = links.get("tense") == "future" and on is not None and any(d <= on for d in stated)
    if links.get("tense") in {"future", "habitual"} and not (own_day or past_day):
        return (
            [],
            f"The sentence speaks of {'a plan' if links['tense'] == 'future' else 'other times'}.",
        )
    if claim.type == "date":
        own.insert(0, claim)
    out: list[tuple[date, str]] = []
    # "on last week's attack": a coarse time naming a noun does not date the sentence's act
    coarse = [
        c
        for c in own
        if c.value.get("date")
        and c.value.get("precision") != "day"
        and not (c is not claim and c.links.get("possessive"))
    ]
    days = [c for c in own if c.value.get("date") and c.value.get("precision") == "day"]
    for c in days:
        where = "date in sentence" if year_known(c.value) else "year inferred"
        out.append((date.fromisoformat(c.value["date"]), where))
    # A vote late in New York is the next day in Asia, and a story written the day after may
    # date it by its own day: the days next to a stated one are in reach, never surely meant.
    out += [(day + timedelta(days=k), NEXT_TO_STATED) for day, _ in list(out) for k in (-1, 1)]
    if coarse and not days:
        c = coarse[0]
        if c.value.get("precision") == "month" and not c.value.get("qualifier"):
            y, m = (int(x) for x in c.value["date"].split("-"))
            last = calendar.monthrange(y, m)[1]
            out += [(date(y, m, d), "month in sentence") for d in range(1, last + 1)]
            return out, ""
        return [], "The sentence dates itself only coarsely: another time than the story's day."
    for i in links.get("dates_before", []):
        c = _when(ctx, i)
        if c is not None and c.value.get("precision") == "day" and c.value.get("date"):
            out.append((date.fromisoformat(c.value["date"]), "date before"))
    on = ctx.article_date
    if on is not None:
        out.append((on, "article date"))
        out.append((on - timedelta(days=1), "day before the article"))
        out += [
            (on - timedelta(days=k), "days before the article") for k in range(2, WINDOW_DAYS + 1)
        ]
    else:
        out += [(d, STORY) for d in anchor_days(ctx, claim)]
        out += [(d, STORY_DAY) for d in ctx.memo("story days", lambda: story_days(ctx))]
    # A vote the text tells of as done cannot fall after the day it was written (the day after
    # is kept: a late vote in New York is dated the next day in Asia).
    latest = on + timedelta(days=1) if on is not None and links.get("tense") != "future" else None
    seen: set[date] = set()
    return [
        (d, why)
        for d, why in out
        if not (d in seen or seen.add(d)) and (latest is None or d <= latest)
    ], ""


def any_time_days(ctx: CheckContext, claim: Claim) -> list[tuple[date, str]]:
    """Days of the vetoes and failed votes since the latest year an undated story states of
    its past, for a claim that the story gives no day at all ("Russia vetoed a resolution to
    extend the panel's mandate"; "the Panel was established in 2006"). The subject then picks
    the candidates (`linking.rank`); they stay tied, so a claim holds only if every such vote
    bears it out. None when the story states no past year, or one the records do not reach:
    its vote may be one they do not hold yet."""
    links = claim.links
    wanted = RARE_OUTCOMES.get(links.get("outcome") or "")
    if ctx.article_date is not None or not wanted or links.get("tense") in {"future", "habitual"}:
        return []
    idx = ctx.services.decisions
    years = [int(c.value["date"][:4]) for c in ctx.claims
             if c.type == "date" and c.value.get("date") and year_known(c.value)
             and not bounds_another_time(c) and c.links.get("tense") != "future"]  # fmt: skip
    if idx is None or not years:
        return []
    since = date(max(years), 1, 1)
    try:
        if not idx.covered(since):
            return []
        days = ctx.memo(("any time", tuple(sorted(wanted))),
                        lambda: idx.days_where(lambda r: r.outcome in wanted))  # fmt: skip
    except SourceError:
        return []
    return [(d, ANY_TIME) for d in days if d >= since]


def _when(ctx: CheckContext, claim_id: str) -> Claim | None:
    """A date claim that may say when a decision was taken: not an end date or deadline."""
    c = claim_by_id(ctx, claim_id)
    return None if c is None or is_deadline(c) else c
