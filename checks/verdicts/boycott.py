"""'X was boycotting the Security Council in/since <a time>': checked against X's recorded votes.

A member that stays away from the Council is recorded as not voting ("NV") in every vote taken
while it is away, so the votes database can check such a claim: the USSR voted on 13 January
1950 and is "NV" in every vote from 17 January to 31 July 1950. The records show votes only,
not meetings held without a vote nor the reasons for staying away, and one "NV" may be a
member that sat and did not take part: so a boycott is supported only by two or more votes in
a row in which the member did not vote, and contradicted only when it voted in every vote of
the period. Decisions adopted without a vote (every member "NV", e.g. January 1992) are not
votes and are left out. What the sentence says is read by `checks.verdicts.boycott_sentence`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from checks import countries
from checks.decision_text import decision_evidence
from checks.errors import SourceUnavailable
from checks.models import Claim, Verdict
from checks.verdicts.base import CheckContext, long_date, make
from checks.verdicts.boycott_sentence import Reading, read_sentence

RULE, VERSION = "date.boycott", "v1"
CAST = frozenset({"Y", "N", "A"})
WORDS = {"Y": "in favour", "N": "against", "A": "abstained", "NV": "did not vote"}


@dataclass(frozen=True)
class Entry:
    """The member's vote on one decision that was put to a vote."""

    decision: Any
    vote: str  # "Y" | "N" | "A" | "NV"
    name: str  # the member's name on that day's roll ("USSR" for a 1950 story's "Moscow")


def _entries(ctx: CheckContext, member: str, first: date, last: date) -> list[Entry]:
    """The member's vote on every decision put to a vote from `first` to `last`."""
    idx = ctx.services.decisions
    decisions = ctx.memo(("boycott.between", first, last), lambda: idx.between(first, last))
    out = []
    for d in decisions:
        if d.date is None:
            continue
        if d.without_vote or not d.members:
            if "votesdb" in d.unchecked:
                raise SourceUnavailable(
                    "votesdb: the votes database could not be read, and no other source "
                    "records each member's vote",
                    source="votesdb",
                )
            continue
        name = next((n for n in countries.seat_names(member) if n in d.members), None)
        if name is None or name in d.disputes.get("members", {}):
            continue
        if not any(v in CAST for n, v in d.members.items() if n != name):
            continue  # nobody voted: adopted without a vote, not a vote the member missed
        out.append(Entry(d, d.members[name], name))
    return out


def _short(e: Entry) -> str:
    return f"{e.decision.key} on {long_date(e.decision.date)}"


def _the(member: str) -> str:
    """'the USSR', 'the United States', 'France'."""
    return f"the {member}" if member == "USSR" or member.startswith("United ") else member


def _evidence(entries: list[Entry | None]) -> list:
    """Each decision's documents and records, with the member's vote in the excerpt."""
    out, seen = [], set()
    for e in entries:
        if e is None or e.decision.key in seen:
            continue
        d = e.decision
        seen.add(d.key)
        out += decision_evidence(
            d, f"{d.key}, {long_date(d.date)}: {_the(e.name)} {WORDS.get(e.vote, e.vote)}"
        )
    return out


RECORD = "the Sciences Po votes database (each member's vote on every Council vote)"
NOT_CHECKED = (
    "Not checked: the reasons given for staying away, and Council meetings at which no vote "
    "was taken (the records list votes, not attendance)."
)
REASONS = {
    "supported": "date.boycott_on_record",
    "contradicted": "date.boycott_not_on_record",
    "mixed": "date.boycott_mixed",
    "few": "date.boycott_few_votes",
    "not_shown": "date.boycott_not_shown",
}


def _say(what: str, text: str, shown: str, shows: list[Entry | None], found: str = "") -> Verdict:
    label = what if what in ("supported", "contradicted") else "unverifiable"
    return make(
        label,
        f"{text} {NOT_CHECKED}",
        RULE,
        VERSION,
        evidence=_evidence(shows),
        claimed=shown,
        found=found or None,
        reason=REASONS[what],
    )


def check_boycott(claim: Claim, ctx: CheckContext, shown: str) -> Verdict | None:
    """A verdict when the date's sentence says a Council member stayed away from the Council
    then; None when it does not (the other date rules answer)."""
    reading = read_sentence(claim)
    idx = ctx.services.decisions
    if reading is None or idx is None:
        return None
    last = reading.last
    if ctx.article_date and ctx.article_date < last:
        last = ctx.article_date  # the article cannot speak of a time after it was written
    if last < reading.first or not all(
        ctx.memo(("covered", d), lambda d=d: idx.covered(d)) for d in (reading.first, last)
    ):
        # "not covered" must not hide a votes database that could not be read: that is a
        # source error (raised here), never a verdict
        ctx.memo("boycott.votesdb", lambda: idx.days_where(lambda _row: False))
        return make(
            "unverifiable",
            f"Resolved to {shown}. The Council's voting records available here do not cover "
            f"that whole period ({idx.coverage_note(reading.first)}), so whether "
            f"{_the(reading.member)} stayed away from the Council then is not checked.",
            RULE,
            VERSION,
            claimed=shown,
            reason="date.boycott_not_covered",
        )
    said = str(claim.value.get("expression") or shown)
    who = re.sub("^The ", "the ", reading.said)
    part = f" (read as {reading.part})" if reading.part else ""
    head = f"The article says {who} stayed away from the Council {reading.kind} {said}{part}."
    if reading.kind == "since":
        return _since(claim, ctx, shown, reading, head)
    return _within(ctx, shown, reading, last, head)


def _within(ctx: CheckContext, shown: str, r: Reading, last: date, head: str) -> Verdict:
    """'in <period>': the member did not vote in any vote of the period."""
    entries = _entries(ctx, r.member, r.first, last)
    span = f"{long_date(r.first)} to {long_date(last)}"
    nv = [e for e in entries if e.vote == "NV"]
    cast = [e for e in entries if e.vote in CAST]
    member = _the(entries[0].name if entries else r.member)
    n = len(entries)
    if n < 2:
        text = (
            f"{RECORD[0].upper()}{RECORD[1:]} lists {n} Council vote(s) with {member} on the "
            f"roll from {span}: too few to tell a boycott from a single missed vote."
        )
        return _say("few", f"{head} {text}", shown, entries)
    if not cast:
        text = (
            f"In {RECORD}, {member} did not vote in any of the {n} Council votes from {span}: "
            f"the first {_short(nv[0])}, the last {_short(nv[-1])}."
        )
        found = f"{r.member}: not voting in {n} of {n} votes"
        return _say("supported", f"{head} {text}", shown, [nv[0], nv[-1]], found)
    if not nv:
        text = (
            f"In {RECORD}, {member} cast a vote in every one of the {n} Council votes from "
            f"{span}: the first {_short(cast[0])}, the last {_short(cast[-1])}."
        )
        if last != r.last:  # the period runs past the article's date: not all of it is seen
            text += f" The period runs past the article's date ({long_date(last)})."
            return _say("not_shown", f"{head} {text}", shown, [cast[0], cast[-1]])
        found = f"{r.member}: voting in {n} of {n} votes"
        return _say("contradicted", f"{head} {text}", shown, [cast[0], cast[-1]], found)
    text = (
        f"From {span}, {RECORD} has {member} not voting in {len(nv)} of {n} Council votes "
        f"({_short(nv[0])} to {_short(nv[-1])}) and voting in {len(cast)} ({_short(cast[0])} "
        f"to {_short(cast[-1])}): it stayed away for part of the period only, so the claim "
        "depends on which part the article means."
    )
    return _say("mixed", f"{head} {text}", shown, [nv[0], cast[0]], f"{len(nv)} of {n} NV")


def _reference(claim: Claim, ctx: CheckContext, after: date) -> date | None:
    """The day the story speaks of, when it gives one: a day-precise date in the same
    sentence, else the date just before it (within 400 characters), if after `after`."""
    near = ctx.in_sentence(claim, "date") or ctx.before(claim, "date")[:1]
    days = []
    for c in near:
        v = c.value or {}
        if v.get("precision") != "day" or v.get("relative") or not v.get("date"):
            continue
        try:
            day = date.fromisoformat(v["date"])
        except ValueError:
            continue
        if day > after:
            days.append(day)
    return max(days) if days else None


@dataclass(frozen=True)
class Run:
    """Votes in a row the member did not vote in, with its votes just before and after."""

    before: Entry | None
    votes: list[Entry]
    after: Entry | None


def _runs(entries: list[Entry], first: date, last: date) -> list[Run]:
    """Every run of "NV" that has a vote in the period."""
    out: list[Run] = []
    i = 0
    while i < len(entries):
        if entries[i].vote != "NV":
            i += 1
            continue
        j = i
        while j + 1 < len(entries) and entries[j + 1].vote == "NV":
            j += 1
        if any(first <= e.decision.date <= last for e in entries[i : j + 1]):
            before = entries[i - 1] if i > 0 else None
            after = entries[j + 1] if j + 1 < len(entries) else None
            out.append(Run(before, entries[i : j + 1], after))
        i = j + 1
    return out


def _since(claim: Claim, ctx: CheckContext, shown: str, r: Reading, head: str) -> Verdict:
    """'since <month>': a run of votes without the member starts in that month (the vote
    before it, if any, one the member cast) and lasts to the day the story speaks of."""
    until = _reference(claim, ctx, r.last)
    if until and ctx.article_date and until > ctx.article_date:
        until = None
    hi = min(max(until or r.last, r.last) + timedelta(days=366), date.today())
    entries = _entries(
        ctx, r.member, r.first - timedelta(days=366), min(hi, ctx.article_date or hi)
    )
    member = _the(entries[0].name if entries else r.member)
    runs = _runs(entries, r.first, r.last)
    for run in runs:
        begins = r.first <= run.votes[0].decision.date and (
            run.before is None or run.before.vote in CAST
        )
        reaches = until is None or run.after is None or run.after.decision.date > until
        if begins and len(run.votes) >= 2 and reaches:
            prior = f" (its vote before: {_short(run.before)})" if run.before else ""
            covers = f", which covers {long_date(until)}, the time the story speaks of"
            back = f"; it voted again on {_short(run.after)}" if run.after else ""
            text = (
                f"In {RECORD}, {member} did not vote in any of the {len(run.votes)} Council "
                f"votes from {_short(run.votes[0])}{prior} to {_short(run.votes[-1])}"
                f"{covers if until else ''}{back}."
            )
            found = f"{r.member}: not voting from {run.votes[0].decision.date.isoformat()}"
            shows = [run.before, run.votes[0], run.votes[-1]]
            return _say("supported", f"{head} {text}", shown, shows, found)
    if runs:
        run = runs[0]
        if run.votes[0].decision.date < r.first:
            why = f"that began before {long_date(r.first)}"
        elif len(run.votes) < 2:
            why = "of one vote only"
        else:
            why = f"that ended when it voted on {_short(run.after)}"
        text = (
            f"In {RECORD}, {member} did not vote from {_short(run.votes[0])} to "
            f"{_short(run.votes[-1])}, a run {why}: the records do not settle the claim."
        )
        return _say("mixed", f"{head} {text}", shown, [run.before, run.votes[0], run.after])
    # The member voted in every vote of the period. A boycott may begin after a month's last
    # vote, so this contradicts only when it also voted in every vote to the day the story
    # speaks of, at least twice after the period.
    span = [e for e in entries if until and r.first <= e.decision.date <= until]
    if sum(e.decision.date > r.last for e in span) >= 2 and all(e.vote in CAST for e in span):
        text = (
            f"In {RECORD}, {member} cast a vote in every one of the {len(span)} Council votes "
            f"from {long_date(r.first)} to {long_date(until)}, the time the story speaks of: "
            f"the first {_short(span[0])}, the last {_short(span[-1])}."
        )
        found = f"{r.member}: voting in all {len(span)} votes"
        return _say("contradicted", f"{head} {text}", shown, [span[0], span[-1]], found)
    seen = [e for e in entries if r.first <= e.decision.date <= r.last]
    if not seen:
        text = (
            f"{RECORD[0].upper()}{RECORD[1:]} lists no Council vote with {member} on the roll "
            f"from {long_date(r.first)} to {long_date(r.last)}, so it cannot show when "
            f"{member} began to stay away."
        )
        return _say("few", f"{head} {text}", shown, [])
    text = (
        f"In {RECORD}, {member} missed no Council vote from {long_date(r.first)} to "
        f"{long_date(r.last)} ({len(seen)} vote(s) with it on the roll); a boycott that began "
        "after the period's last vote would not show there."
    )
    return _say("not_shown", f"{head} {text}", shown, [seen[0], seen[-1]])
