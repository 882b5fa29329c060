"""Which recorded decision a sentence is about: the resolution or draft it names, else the
Council's decisions on the dates the story gives, chosen by topic."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from checks.models import Claim
from checks.verdicts.attach import attached
from checks.verdicts.base import CheckContext, topic_fit


@dataclass(frozen=True)
class Target:
    """One decision: an adopted resolution or a failed draft, as the records give it."""

    kind: str  # "resolution" | "draft"
    symbol: str
    date: date | None
    vote: tuple[int, int, int] | None
    status: str
    vetoed_by: tuple[str, ...]
    topic: str
    record: Any  # the SourceRecord (a DHL meeting) behind it
    how: str  # how it was chosen, for the explanation


def resolution_record(ctx: CheckContext, claim: Claim):
    """The DHL record of a resolution or draft claim, or None when the tables lack it."""
    records = ctx.services.records
    if records is None or claim.value.get("organ") == "GA":
        return None
    value = claim.value
    if value.get("number"):
        hint = value.get("year")
        return ctx.memo(
            ("res", value["number"], hint), lambda: records.resolution(value["number"], hint)
        )
    if value.get("symbol") and value.get("draft"):
        return ctx.memo(("draft", value["symbol"]), lambda: records.draft(value["symbol"]))
    return None


def _from_record(rec, how: str) -> Target:
    is_res = hasattr(rec, "number")
    return Target(
        kind="resolution" if is_res else "draft",
        symbol=rec.symbol,
        date=rec.date,
        vote=rec.vote,
        status=rec.status,
        vetoed_by=tuple(getattr(rec, "vetoed_by", ()) or ()),
        topic=rec.topic,
        record=rec.record,
        how=how,
    )


def named_target(ctx: CheckContext, claim: Claim, *, must_attach: bool = False) -> Target | None:
    """A resolution or draft named in the claim's sentence (and, with `must_attach`, one the
    claim grammatically belongs to)."""
    candidates = [c for c in ctx.in_sentence(claim, "resolution")]
    if must_attach:
        candidates = [c for c in candidates if attached(claim, c)]
    candidates += [
        c for c in ctx.claims if c.type == "resolution" and claim.start <= c.start < claim.end
    ]
    for c in candidates:
        rec = resolution_record(ctx, c)
        if rec is not None:
            return _from_record(rec, f"named in the sentence ({c.text})")
    return None


def candidate_dates(ctx: CheckContext, claim: Claim) -> list[tuple[date, str]]:
    """Dates the story puts the decision on: stated nearby first, then the article's date.

    A sentence that dates itself only coarsely ("last year", "in 2015") is about another
    time: no day nearby or around the article's date can stand for it."""
    out: list[tuple[date, str]] = []
    own = [c for c in ctx.in_sentence(claim, "date")]
    if claim.type == "date":
        own.insert(0, claim)
    if own and not any(c.value.get("precision") == "day" and c.value.get("date") for c in own):
        return []
    dates = own + ctx.before(claim, "date", window=600)
    for c in dates:
        value = c.value
        if value.get("precision") == "day" and value.get("date"):
            out.append(
                (date.fromisoformat(value["date"]), f"the date the article gives ({c.text})")
            )
    if ctx.article_date:
        out.append((ctx.article_date, "the article's date"))
        out.append((ctx.article_date - timedelta(days=1), "the day before the article"))
    seen: set[date] = set()
    return [(d, why) for d, why in out if not (d in seen or seen.add(d))]


def year_available(ctx: CheckContext, year: int) -> bool:
    """Whether the records have a table for `year` (absent: unpublished, or not mirrored)."""
    records = ctx.services.records
    if records is None:
        return False
    return ctx.memo(("year", year), lambda: records.dhl.year_data(year) is not None)


def covered(ctx: CheckContext, day: date) -> bool:
    """Whether the records reach `day`: its year's table exists and runs at least that far
    (a table copied mid-year, or this year's, ends before December)."""
    if not year_available(ctx, day.year):
        return False

    def last_day() -> date | None:
        data = ctx.services.records.dhl.year_data(day.year)
        return max((m.date for m, _page in data.meetings if m.date), default=None)

    last = ctx.memo(("last day", day.year), last_day)
    return last is not None and day <= last


def decisions_on(ctx: CheckContext, day: date) -> list[Target]:
    records = ctx.services.records
    if records is None:
        return []
    meetings = ctx.memo(("day", day), lambda: records.meetings_on(day))
    out = []
    for rec in meetings:
        fields = rec.fields
        for o in fields.get("outcomes", []):
            if not (o.get("symbol") or o.get("draft_symbol")):
                continue
            out.append(
                Target(
                    kind="resolution" if o.get("resolution") else "draft",
                    symbol=o.get("symbol") or o.get("draft_symbol"),
                    date=day,
                    vote=tuple(o["vote"]) if o.get("vote") else None,
                    status=o.get("status", ""),
                    vetoed_by=tuple(o.get("vetoed_by") or ()),
                    topic=fields.get("topic", ""),
                    record=rec,
                    how="",
                )
            )
    return out


OTHER_TIMES = re.compile(
    r"(?i)\b(previous(ly)?|earlier|in\s+the\s+past|ever|never|usually|often|times|has|have|"
    r"had\s+(been|passed|adopted|approved|voted)|since|history|historic(al)?)\b"
)


def dated_target(ctx: CheckContext, claim: Claim) -> tuple[Target | None, str]:
    """The one decision, on a date the story gives, whose topic fits the article.

    Returns (target, note); the note explains an ambiguity when no single decision fits. A
    sentence about other times ("has previously adopted texts unanimously") names no day, so
    it is not matched to the day's decision."""
    own_day = any(
        c.value.get("precision") == "day" and c.value.get("date")
        for c in ctx.in_sentence(claim, "date")
    )
    if claim.type == "vote" and not own_day and OTHER_TIMES.search(claim.sentence):
        return None, "The sentence speaks of other times than the story's day."
    missing: set[int] = set()
    for day, why in candidate_dates(ctx, claim):
        if not covered(ctx, day):
            missing.add(day.year)
            continue
        decisions = decisions_on(ctx, day)
        near = ctx.near_text(claim)
        scored = [(topic_fit(t.topic, near), t) for t in decisions]
        scored = [(s, t) for s, t in scored if s > 0]
        if not scored:
            continue
        best = max(s for s, _ in scored)
        top = [t for s, t in scored if s == best]
        how = "whose topic fits the article"
        if len(top) > 1 and claim.value.get("vetoed_by"):
            # "Vetoed on Friday" names the draft that was vetoed, among that day's decisions;
            # who vetoed it, and the counts, are still compared with the record.
            vetoed = [t for t in top if t.status == "vetoed"]
            if len(vetoed) == 1:
                top, how = vetoed, "the one vetoed that day whose topic fits the article"
        if len(top) == 1:
            t = top[0]
            return replace(t, how=f"the Council's decision on {why}, {how} ({t.topic})"), ""
        symbols = ", ".join(t.symbol for t in top)
        return None, f"Several decisions on {day.isoformat()} fit the article ({symbols})."
    if missing:
        years = ", ".join(str(y) for y in sorted(missing))
        return None, f"The records available here do not reach that day in {years}."
    return None, "No Council decision on the dates the article gives fits its topic."
