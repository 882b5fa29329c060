"""The steps of the vote rule that compare a claim with one decision's record: counts, the
shortfall, unanimity, the veto and who voted how. Each step adds what it compared, what
differed (with a reason code) and what it could not compare; `checks.verdicts.vote` decides
what the differences mean."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from checks import countries
from checks.errors import SourceError
from checks.extract.context import council_size
from checks.models import Evidence
from checks.sources.base import Query
from checks.verdicts.base import CheckContext, evidence, record_vote

KEYS = (("for", 0, "in favour"), ("against", 1, "against"), ("abstain", 2, "abstentions"))
MEMBER_KEYS = (
    ("in_favour", "Y", "in favour"),
    ("against_members", "N", "against"),
    ("abstaining", "A", "abstaining"),
    ("absent", "NV", "absent or not voting"),
)
#: The count each list of names belongs to.
COUNT_OF = {"in_favour": "for", "against_members": "against", "abstaining": "abstain"}


@dataclass
class Comparison:
    """What was compared with one decision's record, what differed, and what could not be."""

    checked: list[str] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (reason code, words)
    unchecked: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    # what the record adds that the claim does not say and does not deny ("China vetoed it
    # too"): shown, never weighed
    notes: list[str] = field(default_factory=list)

    @property
    def matches(self) -> bool:
        return bool(self.checked) and not self.problems


# --- the steps ---------------------------------------------------------------------------------
def compare_counts(value: dict, d: Any, out: Comparison) -> None:
    said = [
        k for k, _, _ in KEYS if value.get(k) is not None and k not in value.get("inferred", [])
    ]
    if not said:
        return
    if d.vote is None:
        why = "the records disagree on it" if "vote" in (d.disputes or {}) else "none is recorded"
        if d.without_vote:
            why = "it was adopted without a vote"
        out.unchecked.append(f"the counts ({why})")
        return
    out.checked.append("the counts")
    for key, i, word in KEYS:
        if key in said and value[key] != d.vote[i]:
            out.problems.append(
                ("vote.counts_differ", f"{value[key]} {word} (record: {d.vote[i]})")
            )


def compare_shortfall(value: dict, d: Any, out: Comparison) -> None:
    """ "Failed to garner the nine votes needed": fewer votes in favour than the number said."""
    needed = value.get("for_below")
    if not isinstance(needed, int):
        return
    if d.vote is None:
        out.unchecked.append("the shortfall (no tally is recorded)")
        return
    out.checked.append("the shortfall")
    if d.outcome == "adopted" or d.vote[0] >= needed:
        out.problems.append(
            ("vote.not_short", f"fewer than {needed} in favour (record: {d.vote[0]}, {d.outcome})")
        )


def compare_unanimity(value: dict, d: Any, out: Comparison) -> None:
    if not value.get("unanimous"):
        return
    if d.without_vote:
        out.unchecked.append("unanimity (adopted without a vote)")
        return
    if d.vote is None:
        out.unchecked.append("unanimity (no agreed count on record)")
        return
    out.checked.append("unanimity")
    if d.vote[1] or d.vote[2] or d.vote[0] < council_size(d.date):
        out.problems.append(
            ("vote.not_unanimous", f"unanimous, but the record is {record_vote(d)}")
        )


def _vetoers(d: Any) -> set[str]:
    recorded = {countries.canonical(c) for c in d.vetoed_by}
    if not recorded and d.members:
        recorded = {
            n for n, v in d.members.items() if v == "N" and countries.is_permanent_member(n)
        }
    return recorded


def compare_veto(value: dict, d: Any, out: Comparison) -> None:
    """A veto is a permanent member's negative vote on a draft that had the votes to pass.
    "The draft was vetoed" (no holder named) is compared on the outcome alone. Naming some of
    the vetoers is not naming a wrong one: only a veto claimed as one member's alone (the
    extraction's `vetoed_alone`) is wrong for leaving the others out."""
    if not value.get("vetoed_by") and not value.get("vetoed"):
        return
    if "outcome" in (d.disputes or {}):
        # The sources disagree on whether it was vetoed at all: decide nothing on it.
        out.unchecked.append("the veto (the records disagree on the outcome)")
        return
    out.checked.append("the veto")
    if d.outcome != "vetoed":
        needed = 9 if council_size(d.date) == 15 else 7
        if d.vote and d.vote[0] < needed:
            words = (f"not vetoed: the draft failed for lack of votes ({d.vote[0]} in favour, "
                     f"{needed} needed)")  # fmt: skip
        else:
            words = f"the record does not show a veto ({d.outcome})"
        out.problems.append(("vote.not_vetoed", words))
        return
    recorded = _vetoers(d)
    said = {countries.canonical(c) for c in value.get("vetoed_by") or []}
    if not said or not recorded:
        return
    # compared by seat ("Russia" vetoed in 1946: the USSR's seat)
    said_seats = {countries.seat(c) for c in said}
    recorded_seats = {countries.seat(c) for c in recorded}
    others = recorded_seats - said_seats
    if said_seats - recorded_seats or (others and value.get("vetoed_alone")):
        out.problems.append(
            (
                "vote.veto_differs",
                f"vetoed by {', '.join(sorted(said))} (record: {', '.join(sorted(recorded))})",
            )
        )
    elif others:
        # "Russia vetoed it" of a draft Russia and China vetoed: true as it stands (it does
        # not say Russia was alone), so the vetoers it leaves out are a note, not a doubt
        out.notes.append(f"the record names other vetoers too ({', '.join(sorted(recorded))})")


#: From then on the Council's seats keep their names (no USSR, Yugoslavia or Zaire to map),
#: so a member state missing from a complete roll did not sit on the Council.
STABLE_NAMES = date(1992, 1, 1)


def _outsiders(value: dict, members: dict[str, str], on: date | None) -> set[str]:
    """UN member states the claim names as voting that were surely not on the Council that
    day: the roll is complete, from years when seats kept their names, and most of the states
    the claim names did sit (a list of the Council's members gone stale, not another body's
    vote misread as the Council's)."""
    if on is None or on < STABLE_NAMES or len(members) != council_size(on):
        return set()
    named = {
        _on_roll(members, countries.canonical(n))
        for key, _code, _word in MEMBER_KEYS
        for n in value.get(key) or []
    }
    off = {n for n in named if n not in members and countries.is_member_state(n)}
    sat = named & set(members)
    return off if len(sat) >= 3 and len(sat) >= len(off) else set()


def compare_members(
    value: dict, members: dict[str, str], out: Comparison, on: date | None = None
) -> None:
    """Each member the claim names, against the per-member record. A partial list ("eleven,
    including A, B and C") is checked name by name, never by its length."""
    by_vote: dict[str, set[str]] = {"Y": set(), "N": set(), "A": set(), "NV": set()}
    for name, vote in members.items():
        if vote in by_vote:
            by_vote[vote].add(name)
    out.checked.append("who voted how")
    outsiders = _outsiders(value, members, on)
    if outsiders:
        out.problems.append(
            (
                "vote.not_on_council",
                f"{', '.join(sorted(outsiders))} did not sit on the Council for this vote "
                f"(its members: {', '.join(sorted(members))})",
            )
        )
    for key, code, word in MEMBER_KEYS:
        said = {_on_roll(members, countries.canonical(n)) for n in value.get(key) or []}
        unknown = {n for n in said if n not in members and n not in outsiders}
        if unknown:
            out.unchecked.append(f"{', '.join(sorted(unknown))} (not on the Council's roll here)")
        said -= outsiders
        wrong = said - unknown - by_vote[code]
        if wrong:
            out.problems.append(
                (
                    "vote.member_differs",
                    f"{', '.join(sorted(wrong))} not recorded as {word} "
                    f"(record: {', '.join(sorted(by_vote[code])) or 'none'})",
                )
            )
        count = value.get(COUNT_OF.get(key, ""))
        if COUNT_OF.get(key) in value.get("inferred", []):
            count = None
        complete = not value.get("partial_list") and count is not None and said
        if complete and 2 * len(said) < count:
            pass  # "nine votes ... supported by Russia and China": examples, checked by name
        elif complete and len(said) < count:
            # "Six countries - A, B, C, D, A and E": fewer distinct names than the count.
            out.unchecked.append(f"the list {word} (it names {len(said)} of {count})")
        elif complete and len(said) == count and by_vote[code] - said and not unknown:
            # (a name off the roll, such as a misspelt "Russian Federatioin", may be the one
            # the record has: the list is then not shown to leave anyone out)
            out.problems.append(
                (
                    "vote.member_differs",
                    f"the list {word} leaves out {', '.join(sorted(by_vote[code] - said))} "
                    f"(record: {', '.join(sorted(by_vote[code]))})",
                )
            )
        exclusive = value.get("only") and key == "in_favour" and not value.get("partial_list")
        if exclusive and said and by_vote[code] - said:
            out.problems.append(
                (
                    "vote.member_differs",
                    f"not only {', '.join(sorted(said))}: the record also has "
                    f"{', '.join(sorted(by_vote[code] - said))} in favour",
                )
            )


def _on_roll(members: dict[str, str], canon: str) -> str:
    """The name the roll of the day gives a member's seat ("Russia" sat as the "USSR")."""
    return next((n for n in countries.seat_names(canon) if n in members), canon)


def _named_members(value: dict) -> bool:
    return any(value.get(k) for k, _c, _w in MEMBER_KEYS)


def member_votes(ctx: CheckContext, d: Any) -> tuple[dict[str, str] | None, list[Evidence], str]:
    """Who voted how: the decision's own record, else the UN Digital Library's voting record."""
    if d.members:
        return dict(d.members), [], ""
    source = ctx.services.undl
    if source is None:
        return None, [], ""
    if d.number:
        query = Query(kind="resolution", value=str(d.number), year=d.date.year if d.date else None)
    else:
        query = Query(kind="draft", value=d.draft or d.key)
    try:
        records = ctx.search(source, query)
    except SourceError as exc:
        return None, [], f" (The per-member record could not be reached: {exc}.)"
    for record in records:
        votes = record.fields.get("votes")
        if record.fields.get("record_type") == "voting" and votes:
            members = {countries.canonical(n.title()): v for n, v in votes.items()}
            listed = ", ".join(f"{n} {v or 'non-voting'}" for n, v in sorted(members.items()))
            return members, [evidence(record, "Per-member votes: " + listed)], ""
    return None, [], " (No per-member record was found for it.)"


def compare(value: dict, d: Any, ctx: CheckContext | None) -> tuple[Comparison, str]:
    """Every checkable part of the claim against decision `d`."""
    out = Comparison()
    compare_unanimity(value, d, out)
    compare_counts(value, d, out)
    compare_shortfall(value, d, out)
    compare_veto(value, d, out)
    note = ""
    if _named_members(value):
        members = dict(d.members) if d.members else None
        if members is None and "vote" in (d.disputes or {}):
            # the records disagree on the tally, and a roll is only as good as its totals
            out.unchecked.append("which members voted how (the records disagree on the vote)")
            return out, note
        if members is None and ctx is not None:
            members, ev, note = member_votes(ctx, d)
            out.evidence += ev
        if members:
            compare_members(value, members, out, d.date)
        else:
            out.unchecked.append("which members voted how")
    return out, note
