"""'X was boycotting the Security Council in/since <a time>': checked against X's recorded votes.

A member that stays away from the Council is recorded as not voting ("NV") in every vote taken
while it is away, so the votes database can check such a claim: the USSR voted on 13 January
1950 and is "NV" in every vote from 17 January to 31 July 1950. The records show votes only,
not meetings held without a vote nor the reasons for staying away, and one "NV" may be a
member that sat and did not take part: so a boycott is supported only by two or more votes in
a row in which the member did not vote, and contradicted only when it voted in every vote of
the period. Decisions adopted without a vote (every member "NV", e.g. January 1992) are not
votes and are left out. The words are data (`checks/patterns/boycott.json`).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

from checks import countries
from checks.decision_text import decision_evidence
from checks.errors import SourceUnavailable
from checks.models import Claim, Verdict
from checks.patternbook import expand, load_json
from checks.verdicts.base import CheckContext, long_date, make

RULE, VERSION = "date.boycott", "v1"
#: Words that may stand between an inserted phrase and the verb ("..., had since", "..., was").
AUX = r"(?:(?:had|has|have|was|were|is|are|been|also|then|still|already|effectively|itself)\s*)*"
CAST = frozenset({"Y", "N", "A"})
WORDS = {"Y": "in favour", "N": "against", "A": "abstained", "NV": "did not vote"}


@dataclass(frozen=True)
class Reading:
    """What the sentence says: who stayed away, and whether the date names the start of it
    ("since") or a time within it ("in"), with the period the date covers."""

    member: str  # canonical name
    said: str  # the name as written
    kind: str  # "since" | "in"
    first: date
    last: date
    part: str  # "May to August" for "mid-1950", else ""


@dataclass(frozen=True)
class Entry:
    """The member's vote on one decision that was put to a vote."""

    decision: Any
    vote: str  # "Y" | "N" | "A" | "NV"
    name: str  # the member's name on that day's roll ("USSR" for a 1950 story's "Moscow")


def _alternation(names: list[str]) -> str:
    names = sorted({n for n in names if n}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names) + ")"


@cache
def _compiled() -> dict[str, Any]:
    data = load_json("boycott.json")
    names, demonyms = countries.known_names()
    table = dict(data["macros"])
    table["STATE"] = rf"(?<![\w.]){_alternation(names + demonyms)}(?!\w)"
    return {
        "predicates": [re.compile(expand(p, table), re.I) for p in data["predicates"]],
        "nouns": [re.compile(expand(p, table), re.I) for p in data["nouns"]],
        "state": re.compile(table["STATE"], re.I),
        "not_stated": re.compile(data["not_stated"], re.I),
        "stops": re.compile(data["stops"], re.I),
        "since": re.compile(data["since"], re.I),
        "in": re.compile(data["in"], re.I),
        "breaks": re.compile(data["clause_breaks"], re.I),
        "parts": data["parts"],
    }


def _state(name: str) -> str | None:
    """The canonical member a name stands for (a demonym too), or None."""
    canon = countries.from_demonym(name) or countries.canonical(name)
    return canon if countries.is_member_state(canon) or canon == "USSR" else None


def _states(text: str) -> list[re.Match[str]]:
    """State names in `text` that can be a subject: capitalised ("us" is a pronoun), and not a
    possessive of something else ("China's seat"), unless it is the state's own delegation."""
    out = []
    for m in _compiled()["state"].finditer(text):
        if not re.sub(r"(?i)^the\s+", "", m[0])[:1].isupper():
            continue
        after = text[m.end() : m.end() + 40]
        owned = re.match(r"['’]s?\s+(\w+)", after)
        if owned and not re.match(
            r"(?i)(?:delegation|delegates?|representatives?|envoys?|ambassadors?|mission|"
            r"government|diplomats?)$",
            owned[1],
        ):
            continue
        out.append(m)
    return out


@dataclass(frozen=True)
class Named:
    """A state named in the sentence (offsets within it)."""

    text: str
    start: int
    end: int


def _subject(before: str) -> Named | None:
    """The state that is the subject of a verb, from the sentence before the verb: the
    nearest state in the clause's last comma segment, else (an insertion such as ", a
    veto-wielding power," in between) in the segment before the insertion. Coordinated
    subjects ("the USSR and Yugoslavia") give None: one member's record would not check the
    others."""
    cut = max((m.end() for m in _compiled()["breaks"].finditer(before)), default=0)
    clause = before[cut:]
    segments = [(m.start(), m.end()) for m in re.finditer(r"[^,]+", clause)]
    if not segments:
        return None
    index = len(segments) - 1
    tail = clause[segments[-1][0] : segments[-1][1]]
    if not _states(tail):
        # ", which had boycotted": the state just before; ", a veto power, had boycotted":
        # the state before the insertion. Anything else ("..., it boycotted") is not read.
        if re.fullmatch(rf"\s*(?:which|who|that)\s+{AUX}", tail, re.I):
            index -= 1
        elif re.fullmatch(rf"\s*{AUX}", tail, re.I):
            index -= 2
        else:
            return None
    if index >= 0:
        a, b = segments[index]
        found = _states(clause[a:b])
        if not found or re.search(r"(?i)\b(?:it|they|he|she|we)\b", clause[a + found[-1].end() :]):
            return None
        if len(found) > 1 and re.fullmatch(
            r"(?i)\s*(?:and|&|as\s+well\s+as|along\s+with)\s+(?:the\s+)?",
            clause[a + found[-2].end() : a + found[-1].start()],
        ):
            return None
        last = found[-1]
        return Named(last[0], cut + a + last.start(), cut + a + last.end())
    return None


def read_sentence(claim: Claim) -> Reading | None:
    """The member, the kind of period and its bounds, when the date belongs to a statement
    that a Council member stayed away from the Council; else None."""
    value = claim.value
    if value.get("relative") or value.get("precision") not in ("month", "year"):
        return None
    if (claim.links or {}).get("body") not in (None, "SC"):
        return None
    period = _period(value)
    if period is None:
        return None
    pats = _compiled()
    sentence = claim.sentence
    if pats["stops"].search(sentence):
        return None
    at, end = claim.start - claim.sentence_start, claim.end - claim.sentence_start
    prefix = sentence[max(0, at - 30) : at]
    kind = "since" if pats["since"].search(prefix) else "in" if pats["in"].search(prefix) else ""
    if not kind:
        return None
    for stated in _statements(sentence):
        member_at, member_end, verb_at, verb_end, said = stated
        if not _date_belongs(sentence, (at, end), (member_at, member_end), (verb_at, verb_end)):
            continue
        canon = _state(said)
        if canon is None:
            return None
        first, last, part = period
        return Reading(canon, said, kind, first, last, part)
    return None


def _statements(sentence: str) -> list[tuple[int, int, int, int, str]]:
    """(member start, member end, phrase start, phrase end, member as written) of every
    statement in the sentence that a member stayed away from the Council."""
    pats = _compiled()
    out = []
    for rx in pats["nouns"]:
        for m in rx.finditer(sentence):
            out.append((m.start("member"), m.end("member"), m.start(), m.end(), m["member"]))
    for rx in pats["predicates"]:
        for m in rx.finditer(sentence):
            who = _subject(sentence[: m.start()])
            if who is None:
                continue
            if pats["not_stated"].search(sentence[who.end : m.start()]):
                continue
            out.append((who.start, who.end, m.start(), m.end(), who.text))
    return out


def _date_belongs(
    sentence: str, span: tuple[int, int], member: tuple[int, int], phrase: tuple[int, int]
) -> bool:
    """The date is part of the statement: right after the phrase ("boycotted the Council
    since January 1950"), between the member and the verb ("Moscow, since January 1950, had
    boycotted"), or opening the clause just before the member ("In mid-1950, the Soviet
    Union was boycotting")."""
    at, end = span
    if phrase[1] <= at:
        gap = sentence[phrase[1] : at]
        return len(gap.split()) <= 6 and not re.search(r"[,;:()]", gap)
    if member[1] <= at and end <= phrase[0]:
        return True
    if end <= member[0]:
        gap = sentence[end : member[0]]
        return bool(re.fullmatch(r"\s*,?\s*(?:the\s+)?", gap, re.I))
    return False


def _period(value: dict) -> tuple[date, date, str] | None:
    """The first and last day the date covers; a part of a year by `parts` ("mid")."""
    text = str(value.get("date") or "")
    try:
        if value.get("precision") == "month":
            year, month = int(text[:4]), int(text[5:7])
            return date(year, month, 1), _month_end(year, month), ""
        year = int(text[:4])
    except ValueError:
        return None
    qualifier = value.get("qualifier")
    if not qualifier:
        return date(year, 1, 1), date(year, 12, 31), ""
    months = _compiled()["parts"].get(str(qualifier).lower())
    if months is None:
        return None
    a, b = months
    words = f"{calendar.month_name[a]} to {calendar.month_name[b]}"
    return date(year, a, 1), _month_end(year, b), words


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


# -- the records -------------------------------------------------------------------------------
def _entries(ctx: CheckContext, member: str, first: date, last: date) -> list[Entry]:
    """The member's vote on every decision put to a vote from `first` to `last`."""
    idx = ctx.services.decisions
    decisions = ctx.memo(("between", first, last), lambda: idx.between(first, last))
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
    head = (
        f"The article says {re.sub('^The ', 'the ', reading.said)} stayed away from the Council "
        f"{reading.kind} {said}" + (f" (read as {reading.part})" if reading.part else "") + "."
    )
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
    if len(entries) < 2:
        return make(
            "unverifiable",
            f"{head} {RECORD[0].upper()}{RECORD[1:]} lists {len(entries)} Council vote(s) "
            f"with {member} on the roll from {span}: too few to tell a boycott from a single "
            f"missed vote. {NOT_CHECKED}",
            RULE,
            VERSION,
            claimed=shown,
            reason="date.boycott_few_votes",
            evidence=_evidence(entries),
        )
    if not cast:
        return make(
            "supported",
            f"{head} In {RECORD}, {member} did not vote in any of the {len(nv)} Council "
            f"votes from {span}: the first {_short(nv[0])}, the last {_short(nv[-1])}. "
            f"{NOT_CHECKED}",
            RULE,
            VERSION,
            claimed=shown,
            found=f"{r.member}: not voting in {len(nv)} of {len(entries)} votes",
            reason="date.boycott_on_record",
            evidence=_evidence([nv[0], nv[-1]]),
        )
    if not nv and last == r.last:
        return make(
            "contradicted",
            f"{head} In {RECORD}, {member} cast a vote in every one of the {len(cast)} "
            f"Council votes from {span}: the first {_short(cast[0])}, the last "
            f"{_short(cast[-1])}. {NOT_CHECKED}",
            RULE,
            VERSION,
            claimed=shown,
            found=f"{r.member}: voting in {len(cast)} of {len(entries)} votes",
            reason="date.boycott_not_on_record",
            evidence=_evidence([cast[0], cast[-1]]),
        )
    if not nv:  # the period runs past the article's date: the rest of it is not seen
        return make(
            "unverifiable",
            f"{head} In {RECORD}, {member} voted in all {len(cast)} Council votes from "
            f"{span}, but the period runs past the article's date ({long_date(last)}), so "
            f"the rest of it is not compared. {NOT_CHECKED}",
            RULE,
            VERSION,
            claimed=shown,
            reason="date.boycott_not_shown",
            evidence=_evidence([cast[0], cast[-1]]),
        )
    return make(
        "unverifiable",
        f"{head} From {span}, {RECORD} has {member} not voting in {len(nv)} of "
        f"{len(entries)} Council votes ({_short(nv[0])} to {_short(nv[-1])}) and voting in "
        f"{len(cast)} ({_short(cast[0])} to {_short(cast[-1])}): it stayed away for part of "
        f"the period only, so the claim depends on which part the article means. "
        f"{NOT_CHECKED}",
        RULE,
        VERSION,
        claimed=shown,
        found=f"{r.member}: not voting in {len(nv)} of {len(entries)} votes",
        reason="date.boycott_mixed",
        evidence=_evidence([nv[0], cast[0]]),
    )


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
    lo = r.first - timedelta(days=366)
    hi = min(max(until or r.last, r.last) + timedelta(days=366), date.today())
    hi = min(hi, ctx.article_date or hi)
    entries = _entries(ctx, r.member, lo, hi)
    member = _the(entries[0].name if entries else r.member)
    runs = _runs(entries, r.first, r.last)
    for run in runs:
        starts_here = r.first <= run.votes[0].decision.date <= r.last
        begins = starts_here and (run.before is None or run.before.vote in CAST)
        reaches = until is None or run.after is None or run.after.decision.date > until
        if not (begins and len(run.votes) >= 2 and reaches):
            continue
        prior = f" (its vote before: {_short(run.before)})" if run.before else ""
        covers = f", which covers {long_date(until)}, the time the story speaks of" if until else ""
        back = f"; it voted again on {_short(run.after)}" if run.after else ""
        return make(
            "supported",
            f"{head} In {RECORD}, {member} did not vote in any of the {len(run.votes)} "
            f"Council votes from {_short(run.votes[0])}{prior} to {_short(run.votes[-1])}"
            f"{covers}{back}. {NOT_CHECKED}",
            RULE,
            VERSION,
            claimed=shown,
            found=f"{r.member}: not voting from {run.votes[0].decision.date.isoformat()} "
            f"({len(run.votes)} votes)",
            reason="date.boycott_on_record",
            evidence=_evidence([run.before, run.votes[0], run.votes[-1]]),
        )
    if runs:
        run = runs[0]
        if not r.first <= run.votes[0].decision.date:
            why = f"that began before {r.kind} {long_date(r.first)}"
        elif len(run.votes) < 2:
            why = "of one vote only"
        else:
            why = f"that ended when it voted on {_short(run.after)}"
        return make(
            "unverifiable",
            f"{head} In {RECORD}, {member} did not vote from {_short(run.votes[0])} to "
            f"{_short(run.votes[-1])}, a run {why}: the records do not settle the claim. "
            f"{NOT_CHECKED}",
            RULE,
            VERSION,
            claimed=shown,
            reason="date.boycott_mixed",
            evidence=_evidence([run.before, run.votes[0], run.after]),
        )
    # The member voted in every vote of the period. A boycott may begin after a month's last
    # vote, so this contradicts only when it also voted in every vote to the day the story
    # speaks of, at least twice after the period.
    span = [e for e in entries if until and r.first <= e.decision.date <= until]
    later = [e for e in span if e.decision.date > r.last]
    if len(later) >= 2 and all(e.vote in CAST for e in span):
        return make(
            "contradicted",
            f"{head} In {RECORD}, {member} cast a vote in every one of the {len(span)} "
            f"Council votes from {long_date(r.first)} to {long_date(until)}, the time the "
            f"story speaks of: the first {_short(span[0])}, the last {_short(span[-1])}. "
            f"{NOT_CHECKED}",
            RULE,
            VERSION,
            claimed=shown,
            found=f"{r.member}: voting in all {len(span)} votes",
            reason="date.boycott_not_on_record",
            evidence=_evidence([span[0], span[-1]]),
        )
    seen = [e for e in entries if r.first <= e.decision.date <= r.last]
    return make(
        "unverifiable",
        f"{head} In {RECORD}, {member} missed no Council vote from {long_date(r.first)} to "
        f"{long_date(r.last)} ({len(seen)} vote(s) with it on the roll); a boycott that began "
        f"after the period's last vote would not show there. {NOT_CHECKED}",
        RULE,
        VERSION,
        claimed=shown,
        reason="date.boycott_not_shown",
        evidence=_evidence(seen[:1] + seen[-1:]),
    )
