"""The Council vote an undated story is about, found from what the story's *other* claims say.

A pasted text often has no date, so the days before the article cannot be searched. But a
story usually pins its vote down by itself: a tally ("voted 12-2"), members said to have voted
a way (elected members sit for two years only), vetoers. The votes database holds every vote
since 1946 with each member's vote, so the votes that fit all of those statements are few,
often one; ranking them on the subject and outcome words then picks the story's decision.

Leave-one-out: the statements of the claim under test are never used to find its decision, so
a claim is not linked by the very value being checked. A decision found this way is not sure
enough to contradict anything (see `link_model.decisive_link`): it supports what matches and
otherwise names the decision the text may mean.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from checks import countries
from checks.errors import SourceError
from checks.extract.context import council_size
from checks.models import Claim

if TYPE_CHECKING:
    from checks.verdicts.base import CheckContext

#: "the 15-member council", "the eleven-nation Security Council": the seats of its era.
SEATS = re.compile(r"(?i)\b(15|11|fifteen|eleven)[-\s](?:member|nation|country|seat)\b")
SIZES = {"15": 15, "fifteen": 15, "11": 11, "eleven": 11}
#: More votes than this fit the story's statements: they do not pin a decision down.
MAX_FITTING = 40
#: What the statements of one claim say of each member: name -> "Y" | "N" | "A" | "NV" (did
#: not vote: "Algeria did not take part in the vote").
MEMBER_KEYS = (("in_favour", "Y"), ("against_members", "N"), ("abstaining", "A"), ("absent", "NV"))
COUNT_KEYS = (("for", "yes"), ("against", "no"), ("abstain", "abstain"))
#: More days than this, stated in full in sentences about a decision, make a chronology, not
#: the story's own day.
MAX_STORY_DAYS = 3
#: Sentences of these tenses speak of other votes than the story's own.
OTHER_TIMES = {"future", "habitual"}


@dataclass
class Statements:
    """What a story's vote claims say of its vote, as tests on a row of the votes database."""

    counts: dict[str, int] = field(default_factory=dict)  # row attribute -> count
    members: dict[str, str] = field(default_factory=dict)  # canonical name -> Y/N/A
    unanimous: bool = False
    month_day: tuple[int, int] | None = None  # "last night [March 17]": a day without a year
    size: int | None = None  # "the 15-member council": 15 seats from 1966 on, 11 before

    def __bool__(self) -> bool:
        return bool(self.counts or self.members or self.unanimous)

    def fit(self, row: Any) -> bool:
        """Whether a row of the votes database agrees with every statement."""
        if self.month_day and (
            row.date is None or (row.date.month, row.date.day) != self.month_day
        ):
            return False
        for attr, n in self.counts.items():
            if getattr(row, attr) != n:
                return False
        if self.unanimous and (row.no or row.abstain):
            return False
        if self.size and (row.date is None or council_size(row.date) != self.size):
            return False
        return all(vote_on_roll(row.members, name) == code for name, code in self.members.items())

    def add(self, value: dict) -> bool:
        """Add one claim's statements; False when they contradict those already read (the
        story then speaks of more than one vote, and no single decision fits)."""
        inferred = set(value.get("inferred") or [])
        for key, attr in COUNT_KEYS:
            n = value.get(key)
            if isinstance(n, int) and key not in inferred:
                if self.counts.get(attr, n) != n:
                    return False
                self.counts[attr] = n
        said = [(n, code) for key, code in MEMBER_KEYS for n in value.get(key) or []]
        said += [(n, "N") for n in value.get("vetoed_by") or []]
        said += [(n, "N") for n in value.get("vetoed_by_elected") or []]
        for name, code in said:
            if not countries.is_known(name):
                continue  # a name we cannot place tests nothing
            canon = countries.canonical(name)
            if self.members.get(canon, code) != code:
                return False
            self.members[canon] = code
        self.unanimous = self.unanimous or bool(value.get("unanimous"))
        return True


def vote_on_roll(members: Mapping[str, str], canon: str) -> str | None:
    """A member's vote, under its name on the roll of the day (Russia sat as the USSR)."""
    for name in countries.seat_names(canon):
        if name in members:
            return members[name]
    return None


def story_statements(ctx: CheckContext, claim: Claim) -> Statements | None:
    """What the story's vote claims other than `claim` say of its vote; None when they
    disagree (two votes) or say nothing."""
    out = Statements()
    for other in ctx.claims:
        if other.type != "vote" or other is claim or other.id == claim.id:
            continue
        links = other.links or {}
        if links.get("tense") in OTHER_TIMES or links.get("resolution"):
            continue  # another vote: a resolution it cites, or what usually happens
        if links.get("body") not in (None, "SC"):
            continue
        if not out.add(other.value):
            return None
    out.month_day = _decision_month_day(ctx, claim)
    out.size = _council_size_said(ctx)
    return out or None


def _council_size_said(ctx: CheckContext) -> int | None:
    """The Council's size the story states ("the 15-member council", "the eleven-nation
    Security Council"), when it states one: it tells the vote's era. Read from the sentences
    of its claims (the figure is often inside a vote claim, so not a number claim itself)."""
    sentences = {c.sentence for c in ctx.claims if (c.links or {}).get("body") == "SC"}
    said = {SIZES[m[1].lower()] for s in sentences for m in SEATS.finditer(s)}
    return said.pop() if len(said) == 1 else None


def _decision_month_day(ctx: CheckContext, claim: Claim) -> tuple[int, int] | None:
    """The one day and month (no year) the claim's own sentence gives, or else the story in
    its sentences about a decision ("... on 15 November vetoed the text": that day, whatever
    day another paragraph gives a plan put to the Council)."""
    own: set[tuple[int, int]] = set()
    found: set[tuple[int, int]] = set()
    for c in ctx.claims:
        v = c.value
        if c.type != "date" or c is claim or not (c.links or {}).get("outcome"):
            continue
        if v.get("month") and v.get("day") and (not v.get("date") or v.get("base_inferred")):
            found.add((int(v["month"]), int(v["day"])))
            if c.sentence_start == claim.sentence_start:
                own.add((int(v["month"]), int(v["day"])))
    if len(own) == 1:
        return own.pop()
    return found.pop() if len(found) == 1 else None


def anchor_days(ctx: CheckContext, claim: Claim) -> list[date]:
    """Days of the votes that fit what the rest of an undated story says of its vote (none
    when the votes database cannot be read: the claim then stays unlinked, as before)."""
    if ctx.article_date is not None or (claim.links or {}).get("tense") in OTHER_TIMES:
        return []
    idx = ctx.services.decisions
    said = ctx.memo(("statements", claim.id), lambda: story_statements(ctx, claim))
    if idx is None or said is None:
        return []
    try:
        days = _fitting_days(ctx, idx, said)
        if not days and "NV" in said.members.values():
            # "absent" is often written for "abstained": a story whose absentees fit no vote
            # is read again without them
            present = {n: code for n, code in said.members.items() if code != "NV"}
            days = _fitting_days(ctx, idx, replace(said, members=present)) if present else []
    except SourceError:
        return []
    return days if len(days) <= MAX_FITTING else []


def _fitting_days(ctx: CheckContext, idx: Any, said: Statements) -> list[date]:
    key = ("anchor", tuple(sorted(said.counts.items())), tuple(sorted(said.members.items())),
           said.unanimous, said.month_day, said.size)  # fmt: skip
    return ctx.memo(key, lambda: idx.days_where(said.fit))


def year_known(value: dict) -> bool:
    """Whether a day's year is the text's own: stated, or taken from another date of the text
    but confirmed by a weekday given with the day ("Thursday, Sept. 14": that date falls on a
    Thursday only every 5 to 11 years, so the year around the text's time is the one meant)."""
    return not value.get("base_inferred") or value.get("weekday_matches") is True


def story_days(ctx: CheckContext) -> list[date]:
    """For a text with no date: the days its sentences about a decision state in full ("Russia
    on Wednesday, August 30, vetoed ..."), which other sentences of the story may be about."""
    days: list[date] = []
    for c in ctx.claims:
        v, links = c.value, c.links or {}
        if c.type != "date" or v.get("precision") != "day" or not v.get("date"):
            continue
        if (
            not year_known(v)
            or not links.get("outcome")
            or links.get("tense") in {"future", "habitual"}
        ):
            continue
        day = date.fromisoformat(v["date"])
        if day not in days:
            days.append(day)
    return days if len(days) <= MAX_STORY_DAYS else []
