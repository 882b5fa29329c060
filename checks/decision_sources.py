"""Each source's records of Council decisions as `Partial`s, grouped by decision key.

The votes database is indexed whole (once per payload per process: the cost `bench/votesdb.py`
measures); a DHL year table is indexed when a question first needs that year. Used only by
`checks.decisions`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from checks.countries import canonical
from checks.decision_model import DecisionSource, Partial, check_partial, council_size, vetoers
from checks.sources.dhl import meeting_title
from checks.sources.dhl_parse import Meeting, Outcome
from checks.sources.votesdb import ATTRIBUTION, VoteRow, VotesPayload, clean_symbol

Key = tuple[str, Any]  # ("res", 2231) | ("draft", "S/2020/797")


@dataclass(frozen=True)
class DocLinks:
    """Links to UN documents under a configured prefix (CHECKS_DOCS_URL, docs.un.org/en/)."""

    base: str

    def document(
        self, key: str, number: int | None, draft: str | None, day: date | None
    ) -> str | None:
        if number is not None and key.startswith("S/RES/"):
            return self.base + key
        if draft and not draft.startswith("S/PV."):
            return self.base + draft
        return None

    def meeting(self, meeting: str | None) -> str | None:
        if not meeting:
            return None
        # "S/PV.7488 (Resumption 1)" is the document "S/PV.7488(Resumption1)"
        return self.base + meeting.replace(" ", "")


# -- one source's records as partials -----------------------------------------------------
def _dhl_partials(m: Meeting, o: Outcome, page: Any) -> tuple[Key, Partial] | None:
    record = DecisionSource(
        source="dhl",
        title=f"UN Dag Hammarskjöld Library: meetings of the Security Council in {m.year} "
        f"({meeting_title(m)})",
        url=page.url,
        retrieved_at=page.retrieved_at,
        excerpt=o.text or m.outcome_text,
    )
    without = o.status in ("without vote", "adopted by consensus")
    p = Partial(
        source="dhl",
        label="dhl",
        record=record,
        date=m.date,
        agenda=m.topic,
        vote=None if without else o.vote,
        meeting=(m.record or "").split(" (")[0] or None,
        without_vote=True if without else (False if o.vote else None),
    )
    if o.resolution is not None:
        p.outcome, p.number = "adopted", o.resolution
        key: Key = ("res", o.resolution)
    elif o.draft_symbol:
        p.draft = clean_symbol(o.draft_symbol) or o.draft_symbol
        p.outcome = "vetoed" if o.status == "vetoed" else "failed"
        if o.vetoed_by:
            p.vetoed_by = tuple(sorted(canonical(c) for c in o.vetoed_by))
        key = ("draft", p.draft)
    else:
        return None
    check_partial(p)
    return key, p


def _vdb_partial(row: VoteRow, payload: VotesPayload, label: str) -> Partial:
    record = DecisionSource(
        source="votesdb",
        title=f"UNSC votes since 1946 Database (Sciences Po), vote {row.row_id}: "
        f"{row.raw_symbol or 'no symbol'}",
        url=payload.url,
        retrieved_at=payload.retrieved_at,
        excerpt=row.excerpt,
        attribution=ATTRIBUTION,
    )
    without = row.without_vote
    p = Partial(
        source="votesdb",
        label=label,
        record=record,
        outcome=row.outcome,
        number=row.number if row.outcome == "adopted" else None,
        draft=row.symbol if row.outcome != "adopted" and row.symbol else None,
        date=row.date,
        title=row.title,
        vote=None if without else row.vote,
        members={} if without else dict(row.members),
        meeting=row.symbol if row.symbol.startswith("S/PV.") else None,
        without_vote=True if without else (False if row.vote else None),
    )
    if p.draft and p.draft.startswith("S/PV."):
        p.draft = None
    if row.outcome == "vetoed" and row.members and not row.unknown_members:
        p.vetoed_by = vetoers(row.members)
    size = council_size(row.date)
    counted = None if row.vote is None or row.non_voting is None else sum(row.vote) + row.non_voting
    if not without and size and row.total is not None and row.total != size:
        p.impossible["vote"] = f"counts {row.total} members; the Council had {size}"
    elif not without and row.total is not None and counted is not None and counted != row.total:
        p.impossible["vote"] = f"votes add up to {counted}, the total says {row.total}"
    check_partial(p, all_voted=row.non_voting == 0, all_members=not row.unknown_members)
    return p


@dataclass
class VdbIndex:
    """The votes database grouped by decision (built once per payload per process); a
    decision's partials (excerpt, checks) are built when a question first needs them."""

    payload: VotesPayload
    rows: dict[Key, list[tuple[VoteRow, str]]]  # key -> (row, dispute label)
    days: list[date]  # sorted
    keys_by_day: dict[date, list[Key]]
    first: date
    last: date
    max_number: int
    _parts: dict[Key, list[Partial]] = field(default_factory=dict, repr=False)

    def parts(self, key: Key) -> list[Partial]:
        hit = self._parts.get(key)
        if hit is None:
            hit = [_vdb_partial(r, self.payload, label) for r, label in self.rows.get(key, ())]
            self._parts[key] = hit
        return list(hit)


def index_votes(payload: VotesPayload) -> VdbIndex:
    rows = sorted(payload.rows, key=lambda r: r.row_id)
    counts: dict[str, int] = defaultdict(int)
    for r in rows:
        if r.outcome != "adopted":
            counts[r.symbol] += 1
    by_key: dict[Key, list[tuple[VoteRow, str]]] = defaultdict(list)
    keys_by_day: dict[date, list[Key]] = defaultdict(list)
    seen: dict[str, int] = defaultdict(int)
    for r in rows:
        if r.outcome == "adopted" and r.number is not None:
            key: Key = ("res", r.number)
        elif r.symbol and not (r.symbol.startswith("S/PV.") and counts[r.symbol] > 1):
            key = ("draft", r.symbol)  # several rows of one draft: votes on its parts
        else:  # several drafts without symbols at one meeting, or an oral amendment
            seen[r.symbol] += 1
            where = r.symbol or f"oral amendment {r.date}"
            key = ("draft", f"{where}#{seen[r.symbol]}")
        label = "votesdb" if counts.get(r.symbol, 1) <= 1 else f"votesdb vote {r.row_id}"
        by_key[key].append((r, label))
        if r.date and key not in keys_by_day[r.date]:
            keys_by_day[r.date].append(key)
    dated = sorted(keys_by_day)
    top = max((r.number for r in rows if r.number is not None), default=0)
    return VdbIndex(payload, dict(by_key), dated, dict(keys_by_day), dated[0], dated[-1], top)


@dataclass
class DhlYear:
    by_key: dict[Key, list[Partial]]
    keys_by_day: dict[date, list[Key]]
    first: date | None
    last: date | None


def index_year(data: Any) -> DhlYear:
    by_key: dict[Key, list[Partial]] = defaultdict(list)
    keys_by_day: dict[date, list[Key]] = defaultdict(list)
    for m, page in data.meetings:
        for o in m.outcomes:
            got = _dhl_partials(m, o, page)
            if got is None:
                continue
            key, p = got
            # A number printed twice on a page (a typo for another) keeps both rows here;
            # the index picks the one the votes database dates (else the earliest).
            by_key[key].append(p)
            if m.date and key not in keys_by_day[m.date]:
                keys_by_day[m.date].append(key)
    days = [m.date for m, _ in data.meetings if m.date]
    return DhlYear(
        dict(by_key), dict(keys_by_day), min(days, default=None), max(days, default=None)
    )
