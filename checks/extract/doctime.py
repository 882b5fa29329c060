"""When was an undated text written? Its dateline, or else the latest time its own dates speak of.

Pasted texts often come without a publication date. Relative dates ("on Wednesday") then have
nothing to count from, and a date without a year ("on 11 August") has no year. The text's own
absolute dates bound the time of writing from below: a story that says "in late June 1950" was
written in 1950 or later, and its "January 13" is most likely 1950's. That inference is shown to
the user with its evidence, so that a wrong guess is easy to see and to correct.

A dateline ("NEW YORK, 20 July 2015 —", "Published 14:32 GMT 2 Mar 2022") is not a claim of the
story: it is the story's own date, found here by its shape on its line (patterns in
`checks/patterns/date_dateline.jsonl`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from checks.extract.context import ArticleContext, Found
from checks.patternbook import pattern

HEAD_CHARS = 600  # a dateline stands at the top of a text
UPPER_GAP_DAYS = 366  # past dates this far before a deadline the text names are background
OLD_DAYS = 730  # a dated text whose story dates are this far before its own date looks back
NEAR_DAYS = 366  # a date this near the article's ties the story to the time of writing
TIE_LABELS = ("DATE_REL_DAY", "DATE_WEEKDAY", "DATE_REL_PERIOD")  # "yesterday", "on Friday"


@dataclass(frozen=True)
class DocTime:
    """The inferred time of writing: a day, a month or a year, and the dates it rests on."""

    date: date
    precision: str  # "day" | "month" | "year"
    evidence: tuple[str, ...]
    anchored: bool  # a lead date or one whose weekday fits: days may be counted from it
    # (offset, date) of every day or month the text dates with a year, in reading order: a
    # story told in order gives "On 13 October" the year of the date before it
    dated: tuple[tuple[int, date], ...] = ()
    upper: date | None = None  # the end of a period the text speaks of: written before it

    def reference_before(self, offset: int) -> date | None:
        """The latest-placed full date before `offset`, if any."""
        return _latest_before(self.dated, offset)

    def iso(self) -> str:
        if self.precision == "year":
            return f"{self.date.year:04d}"
        if self.precision == "month":
            return f"{self.date.year:04d}-{self.date.month:02d}"
        return self.date.isoformat()

    def as_dict(self) -> dict:
        return {
            "date": self.iso(),
            "precision": self.precision,
            "evidence": list(self.evidence),
            "anchored": self.anchored,
            "basis": "inferred from the text's own dates",
        } | ({"before": self.upper.isoformat()} if self.upper else {})

    def warning(self) -> str:
        quoted = ", ".join(f"'{e}'" for e in self.evidence)
        return (
            f"No date given; the text seems to be written around {self.iso()} (from: {quoted}). "
            "Dates without a year were given the year of the date before them, or this one"
            + (" and relative dates were resolved against it" if self.anchored else "")
            + "; give the date to correct this."
        )


@dataclass(frozen=True)
class Retrospect:
    """Where a dated text tells of a time long before its date (an anniversary feature, an
    archive reprint, a history's editorial note): its full dates in reading order, each with
    whether it may serve as the year of the days after it, and where the text first ties its
    story to its own time ("yesterday", "on Friday", a date of the article's year)."""

    article_date: date
    dated: tuple[tuple[int, date], ...]  # (offset, day or month) of the story's dated events
    tied_at: int | None  # from here on, days without a year are the article's

    def base_at(self, offset: int) -> date | None:
        """The year-giving date for a day without a year at `offset`: the latest story date
        before it, when that is long before the article's date and nothing before `offset`
        ties the text to its own time; else None (the article's year stands)."""
        if self.tied_at is not None and self.tied_at < offset:
            return None
        best = _latest_before(self.dated, offset)
        if best is None or (self.article_date - best).days <= OLD_DAYS:
            return None
        return best


def _latest_before(dated: tuple[tuple[int, date], ...], offset: int) -> date | None:
    """The date placed last before `offset` in `dated` (offsets in reading order)."""
    best = None
    for start, when in dated:
        if start >= offset:
            break
        best = when
    return best


def retrospect(ctx: ArticleContext, found: list[Found], article_date: date) -> Retrospect | None:
    """How far a dated text looks back (see `Retrospect`); None when it never does. `found`
    is the first reading of the text's dates, its dateline included (the dateline is the
    article's own date: a recent one ties the text to its time, an old one starts the story)."""
    ties = [pattern("date", label).regex for label in TIE_LABELS]
    line = dateline_found(ctx.text, found)
    absolute = [
        f
        for f in found
        if f.type == "date"
        and not f.value.get("relative")
        and f.value.get("date")
        and f.value.get("precision") in {"day", "month", "year"}
    ]
    # "December 1961" inside "18 December 1961": the longer reading only
    absolute = [
        f
        for f in absolute
        if not any(g is not f and g.start <= f.start and f.end <= g.end for g in absolute)
    ]
    tied: list[int] = []
    dated: list[tuple[int, date]] = []
    for f in found:
        v = f.value
        if f.type != "date" or not v.get("date"):
            continue
        if v.get("relative"):
            tie = any(r.fullmatch(v.get("expression", "")) for r in ties) and not v.get("gloss")
            inside = any(g.start <= f.start and f.end <= g.end for g in absolute)
            if tie and not inside:
                tied.append(f.start)
            continue
        if f not in absolute:
            continue
        precision = v["precision"]
        when = _day(v["date"])
        last_day = date(when.year, 12, 31) if precision == "year" else when
        if (article_date - last_day).days <= NEAR_DAYS:
            if precision != "year" or not _is_modifier(ctx, f):
                tied.append(f.start)  # a date of the article's own time
            continue
        if precision != "year" and (f is line or _is_adverbial(ctx, f)):
            dated.append((f.start, when))
    if not dated:
        return None
    return Retrospect(article_date, tuple(sorted(dated)), min(tied) if tied else None)


def dateline_found(text: str, found: list[Found]) -> Found | None:
    """The date claim that is really the text's dateline: a full date near the top, alone on
    its line or between a place name (or 'Published', 'Updated') and a dash or line end."""
    for f in sorted(found, key=lambda f: f.start):
        if f.start >= HEAD_CHARS:
            break
        if f.type != "date" or f.value.get("relative") or f.value.get("precision") != "day":
            continue
        if f.value.get("date") and is_dateline_at(text, f.start, f.end):
            return f
    return None


def is_dateline_at(text: str, start: int, end: int) -> bool:
    """Does the date at [start, end) stand where a dateline stands?"""
    if start >= HEAD_CHARS:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    prefix = text[line_start:start]
    if len(prefix) > 80 or not pattern("date_dateline", "DATELINE_PREFIX").regex.fullmatch(prefix):
        return False
    if pattern("date_dateline", "INFOBOX_NEXT").regex.match(text, end):
        return False  # an infobox's "Date" field: the day of the resolution it describes
    return bool(pattern("date_dateline", "DATELINE_SUFFIX").regex.match(text[end : end + 80]))


def infer(ctx: ArticleContext, found: list[Found], tense_of) -> DocTime | None:
    """The latest absolute date the text gives that is not a plan or a deadline: the text
    was written then or later. `tense_of(offset)` says 'future', 'past' or None."""
    lead_end = _lead_end(ctx)
    dated = [
        f for f in found if f.type == "date" and not f.value.get("relative") and f.value.get("date")
    ]
    # "1950" inside "late June 1950": the longer reading only
    dated = [
        f
        for f in dated
        if not any(
            g is not f
            and g.start <= f.start
            and f.end <= g.end
            and g.end - g.start > f.end - f.start
            for g in dated
        )
    ]
    candidates: list[tuple[date, int, Found]] = []
    deadlines: list[tuple[date, Found]] = []  # ends of periods: the text was written before
    for f in dated:
        v = f.value
        precision = v.get("precision")
        if precision not in {"day", "month", "year"}:
            continue
        before = ctx.text[max(0, f.start - 30) : f.start]
        tense = tense_of(f.start)
        soft = pattern("date_doctime", "DOCTIME_SOFT_BOUND").regex.search(before)
        if soft:  # "By late July 1952, the boycott was over" opens its sentence: a past fact
            opening = ctx.text[ctx.sentence_bounds(f.start, f.end)[0] : f.start]
            soft = opening.strip() != soft[0].strip() or tense != "past"
        deadline = pattern("date_doctime", "DOCTIME_DEADLINE").regex.search(before)
        if tense == "future" or deadline or soft:
            if deadline and precision == "day":
                deadlines.append((_day(v["date"]), f))
            continue  # "until 31 December 2024", "will meet in 2026": ahead of the writing
        if precision == "year" and _is_modifier(ctx, f):
            continue  # "the 2030 Agenda": a name, not a time the text speaks of
        when = _day(v["date"])
        rank = {"year": 0, "month": 1, "day": 2}[precision]
        candidates.append((when, rank, f))
    if not candidates:
        return None
    latest_year = max(c[0].year for c in candidates)
    same_year = [c for c in candidates if c[0].year == latest_year]
    best = max(same_year, key=lambda c: (c[1], c[0]))  # the finest, then the latest
    when, rank, f = best
    precision = f.value["precision"]
    evidence: list[str] = []
    spans: list[tuple[int, int]] = []
    for c in [best, *sorted(same_year, key=lambda c: (-c[1], -c[0].toordinal()))]:
        g = c[2]
        if any(s <= g.start and g.end <= e for s, e in spans):
            continue  # "1950" inside "late June 1950": one piece of evidence
        spans.append((g.start, g.end))
        evidence.append(ctx.text[g.start : g.end])
    evidence = list(dict.fromkeys(evidence))[:3]
    anchored = precision == "day" and (f.start < lead_end or f.value.get("weekday_matches") is True)
    narrative = tuple(
        sorted(
            (c[2].start, c[0])
            for c in candidates
            if c[1] > 0 and _is_adverbial(ctx, c[2])  # days and months that date events
        )
    )
    later = [d for d in deadlines if d[0] > when]
    end, g = min(later, key=lambda d: d[0]) if later else (None, None)
    if end is not None and (end - when).days > UPPER_GAP_DAYS and not _is_adverbial(ctx, f):
        # The latest past date only names a thing ("set up by resolution 2374 of 5
        # September 2017") long before the end of a period the text speaks of ("extend
        # the regime until 30 September 2023"): written in the months before that end.
        evidence = list(dict.fromkeys([ctx.text[g.start : g.end], *evidence]))[:3]
        return DocTime(date(end.year, 1, 1), "year", tuple(evidence), False, narrative, end)
    return DocTime(when, precision, tuple(evidence), anchored, narrative)


def _day(text: str) -> date:
    return date.fromisoformat(text + {4: "-01-01", 7: "-01"}.get(len(text), ""))


def _is_adverbial(ctx: ArticleContext, f: Found) -> bool:
    """Does the date say when the story's events happened ("On 29 October 1956, forces
    landed"), not which thing it is ("resolution 2374 of 5 September 2017", "a body
    established in 2006")? Only such dates set the time of the story."""
    span = ctx.doc.char_span(f.start, f.end, alignment_mode="expand")
    if span is None or not ctx.statistical:
        return True
    head = span.root.head
    if span.root.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    if span.root.dep_ in {"npadvmod", "ROOT"}:
        return True
    # the verb of a clause that describes a noun ("a body established in 2006") is background
    return head.pos_ in {"VERB", "AUX"} and head.dep_ not in {"acl", "relcl", "amod"}


def _lead_end(ctx: ArticleContext) -> int:
    """The end of the lead: the first sentence that is not a headline (a line without a
    full stop)."""
    for start, end in ctx.sentences():
        if re.search(r"[.!?][\"”’)]?\s*$", ctx.text[start:end]):
            return end
    return 0


def _is_modifier(ctx: ArticleContext, f: Found) -> bool:
    span = ctx.doc.char_span(f.start, f.end, alignment_mode="expand")
    if span is None or not ctx.statistical:
        return False
    tok = span.root
    return tok.dep_ in {"compound", "nummod", "amod", "nmod"} and tok.head.i > tok.i
