"""What the decisions index returns, and how records of one decision from several sources merge.

Every source's record of a decision becomes a `Partial` (the fields that source states, and
nothing it does not). `merge()` joins the partials of one decision: a field all sources agree
on is kept with the ids of the sources that gave it (`provenance`); a field they disagree on
is kept in `disputes` with every source's value and left unset (vote None, member left out,
no vetoer), so that no rule can decide a claim on it. A record that is impossible in itself
(a veto with no vote against, totals that do not add up to the Council's size, member cells
that disagree with the totals) is a dispute too, under the same field, with an "impossible"
entry that says why. A per-member roll that comes with totals the records dispute is left out
as well (a "members" dispute): it cannot be better than its own totals. Public names are
re-exported by `checks.decisions`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from checks.countries import is_permanent_member

EXPANDED = date(1966, 1, 1)  # the Council grew from 11 to 15 members (Charter amendment)


def council_size(day: date | None) -> int | None:
    return None if day is None else (15 if day >= EXPANDED else 11)


def majority(day: date | None) -> int | None:
    """Affirmative votes a decision needs: 9 of 15, 7 of 11 before 1966."""
    return None if day is None else (9 if day >= EXPANDED else 7)


@dataclass(frozen=True)
class DecisionSource:
    """One record a decision's facts came from (becomes Evidence in a verdict)."""

    source: str  # "dhl", "votesdb", "veto-list"
    title: str
    url: str  # the page or file actually fetched (final URL)
    retrieved_at: str  # ISO 8601 UTC of the real fetch
    excerpt: str  # the row as text, for audit
    attribution: str = ""  # the votes database's CC BY 4.0 credit line: must be shown


@dataclass(frozen=True)
class Decision:
    """One Council decision: an adopted resolution, a vetoed draft or a draft that failed.

    Rules must read `disputes` before deciding: a field named there (or set to None/empty
    because of it) is not known, and no claim may be decided on it. `unchecked` names the
    sources that could not be reached for this decision (say so in the explanation)."""

    key: str  # "S/RES/2231(2015)" | draft "S/2020/797" | "S/PV.23#2" (early, no symbol)
    outcome: str  # "adopted" | "vetoed" | "failed" (not adopted for lack of votes)
    number: int | None
    draft: str | None
    date: date | None
    title: str  # the subject (votes database) or the agenda item (DHL)
    vote: tuple[int, int, int] | None  # (for, against, abstain); None if unknown OR disputed
    members: Mapping[str, str]  # canonical state name -> "Y" | "N" | "A" | "NV"
    vetoed_by: tuple[str, ...]
    meeting: str | None  # "S/PV.8734"
    document_url: str | None
    meeting_url: str | None
    sources: tuple[DecisionSource, ...]
    provenance: Mapping[str, tuple[str, ...]]  # field -> source ids that gave it
    disputes: Mapping[str, Mapping[str, Any]]  # field -> {source id (or "impossible"): value}
    without_vote: bool = False  # adopted without a vote (no tally exists)
    agenda: str = ""  # the DHL agenda item, when the title came from the votes database
    unchecked: tuple[str, ...] = ()  # sources that could not be reached for this decision

    @property
    def unanimous(self) -> bool | None:
        """Every member in favour; None when the vote is unknown or disputed, or when some
        members did not vote at all (whether that is 'unanimous' is for the reviewer)."""
        if self.vote is None:
            return None
        yes, no, abstain = self.vote
        if no or abstain or not yes:
            return False
        size = council_size(self.date)
        if any(v == "NV" for v in self.members.values()) or (size and yes < size):
            return None
        return True

    @property
    def year(self) -> int | None:
        return self.date.year if self.date else None


@dataclass
class Partial:
    """What one source says about one decision; None means "this source does not say"."""

    source: str  # provenance id: "dhl", "votesdb", "veto-list"
    label: str  # dispute key: the source id, or "votesdb vote 245" for one of several rows
    record: DecisionSource
    outcome: str | None = None
    number: int | None = None
    draft: str | None = None
    date: date | None = None
    title: str = ""
    agenda: str = ""
    vote: tuple[int, int, int] | None = None
    members: dict[str, str] = field(default_factory=dict)
    vetoed_by: tuple[str, ...] | None = None
    meeting: str | None = None
    without_vote: bool | None = None
    impossible: dict[str, str] = field(default_factory=dict)  # field -> why


def check_partial(p: Partial, *, all_voted: bool = False, all_members: bool = False) -> None:
    """Mark what is impossible in one record (`all_voted`: the record counts every member;
    `all_members`: its member cells are complete, so they must match the totals)."""
    size, needed = council_size(p.date), majority(p.date)
    if p.vote is not None:
        yes, no, abstain = p.vote
        if p.outcome == "vetoed" and no == 0:
            p.impossible["vote"] = "vetoed, but no vote against"
        elif size and yes + no + abstain > size:
            p.impossible["vote"] = f"more votes than the Council's {size} members"
        elif size and all_voted and yes + no + abstain != size:
            p.impossible["vote"] = f"totals do not add up to the Council's {size} members"
        elif p.outcome == "adopted" and needed and yes < needed and not p.without_vote:
            p.impossible["vote"] = f"adopted with fewer than the {needed} votes needed"
    if p.vote is not None and needed and p.outcome in ("vetoed", "failed"):
        # A veto is a permanent member's no to a draft that had the votes; a draft that had
        # them and no veto would have been adopted.
        if p.outcome == "vetoed" and p.vote[0] < needed:
            p.impossible["outcome"] = f"vetoed, but without the {needed} votes needed"
        elif p.outcome == "failed" and p.vote[0] >= needed:
            p.impossible["outcome"] = f"not adopted for lack of votes, but it had {p.vote[0]}"
    if all_members and p.members and p.vote is not None:
        counted = tuple(sum(v == k for v in p.members.values()) for k in ("Y", "N", "A"))
        if counted != p.vote:
            p.impossible["members"] = (
                f"member votes give {counted[0]}-{counted[1]}-{counted[2]}, totals say "
                f"{p.vote[0]}-{p.vote[1]}-{p.vote[2]}"
            )
    if p.outcome == "vetoed" and p.members and p.vetoed_by == ():
        p.impossible["vetoed_by"] = "vetoed, but no permanent member voted against"


def vetoers(members: Mapping[str, str]) -> tuple[str, ...]:
    return tuple(sorted(s for s, v in members.items() if v == "N" and is_permanent_member(s)))


def _agree(
    partials: list[Partial], attr: str, provenance: dict, disputes: dict, norm: Any = None
) -> Any:
    """The value all partials that state `attr` agree on, else None (and a dispute)."""
    said = [(p, getattr(p, attr)) for p in partials]
    said = [(p, v) for p, v in said if v is not None and v != ""]
    bad = {p.label: p.impossible[attr] for p, _ in said if attr in p.impossible}
    if bad:
        disputes[attr] = {p.label: v for p, v in said} | {"impossible": "; ".join(bad.values())}
        return None
    if not said:
        return None
    values = {(norm(v) if norm else v) for _, v in said}
    if len(values) > 1:
        disputes[attr] = {p.label: (norm(v) if norm else v) for p, v in said}
        return None
    provenance[attr] = tuple(dict.fromkeys(p.source for p, _ in said))
    return said[0][1]


def merge(key: str, partials: list[Partial], links: Any, unchecked: Iterable[str] = ()) -> Decision:
    """One Decision from every source's record of it (see the module docstring)."""
    provenance: dict[str, tuple[str, ...]] = {}
    disputes: dict[str, dict[str, Any]] = {}
    outcome = _agree(partials, "outcome", provenance, disputes)
    if outcome is None:  # "vetoed" against "failed": not adopted, but how is not known
        outcome = "failed"
    number = _agree(partials, "number", provenance, disputes)
    draft = _agree(partials, "draft", provenance, disputes)
    day = _agree(partials, "date", provenance, disputes)
    vote = _agree(partials, "vote", provenance, disputes)
    vetoed = _agree(partials, "vetoed_by", provenance, disputes, norm=lambda v: tuple(sorted(v)))
    meeting = _agree(partials, "meeting", provenance, disputes)
    without = _agree(partials, "without_vote", provenance, disputes)
    if "without_vote" in disputes and vote is not None:  # one source says there was no tally
        disputes["vote"] = {p.label: p.vote for p in partials if p.vote is not None}
        disputes["vote"]["impossible"] = "one source records no vote at all"
        provenance.pop("vote", None)
        vote = None
    members: dict[str, str] = {}
    member_sources: dict[str, tuple[str, ...]] = {}
    # A roll is only as good as the totals it comes with: when the records dispute those
    # totals (10-1-4 against 9-1-4), that source's roll decides no member's vote either.
    tally_disputed = set(disputes.get("vote", {})) - {"impossible"}
    if any(p.members and p.label in tally_disputed for p in partials):
        disputes["members"] = {
            "impossible": "the per-member roll comes with totals the records dispute"
        }
    elif not any("members" in p.impossible for p in partials):
        by_state: dict[str, dict[str, str]] = {}
        for p in partials:
            for state, v in p.members.items():
                by_state.setdefault(state, {})[p.label] = v
        for state, said in by_state.items():
            if len(set(said.values())) == 1:
                members[state] = next(iter(said.values()))
                member_sources[state] = tuple(
                    dict.fromkeys(p.source for p in partials if state in p.members)
                )
            else:
                disputes.setdefault("members", {})[state] = said
        if members:
            provenance["members"] = tuple(
                dict.fromkeys(s for v in member_sources.values() for s in v)
            )
    else:
        disputes["members"] = {
            "impossible": "; ".join(
                p.impossible["members"] for p in partials if "members" in p.impossible
            )
        }
    # The votes database's subject when there is one, else the DHL agenda item.
    agenda = next((p.agenda for p in partials if p.agenda), "")
    titled = next((p for p in partials if p.title), None) or next(
        (p for p in partials if p.agenda), None
    )
    title = (titled.title or titled.agenda) if titled else ""
    if titled:
        provenance["title"] = (titled.source,)
    if outcome != "vetoed" or "outcome" in disputes:
        vetoed = None
    sources = tuple(dict.fromkeys(p.record for p in partials))
    return Decision(
        key=key,
        outcome=outcome,
        number=number,
        draft=draft,
        date=day,
        title=title,
        vote=vote,
        members=members,
        vetoed_by=tuple(vetoed or ()),
        meeting=meeting,
        document_url=links.document(key, number, draft, day or _any_date(partials)),
        meeting_url=links.meeting(meeting),
        sources=sources,
        provenance=provenance,
        disputes=disputes,
        without_vote=bool(without),
        agenda=agenda if agenda != title else "",
        unchecked=tuple(unchecked),
    )


def _any_date(partials: list[Partial]) -> date | None:
    return next((p.date for p in partials if p.date), None)
