"""A decision index over the Dag Hammarskjöld Library tables alone, for when the merged index
(`checks.decisions`) is not available: the same questions (`resolution`, `draft`, `on`,
`between`, `covered`), answered with the same kind of decision records, so the linking step and
the rules do not care which one they were given. It knows no per-member votes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from checks.sources.base import SourceRecord


@dataclass(frozen=True)
class RecordSource:
    source: str
    title: str
    url: str
    retrieved_at: str
    excerpt: str
    attribution: str = ""


@dataclass(frozen=True)
class RecordDecision:
    """One Council decision as the DHL tables give it (the fields of checks.decisions.Decision)."""

    key: str
    outcome: str  # "adopted" | "vetoed" | "failed"
    number: int | None
    draft: str | None
    date: date | None
    title: str
    vote: tuple[int, int, int] | None
    members: Mapping[str, str] = field(default_factory=dict)
    vetoed_by: tuple[str, ...] = ()
    meeting: str | None = None
    document_url: str | None = None
    meeting_url: str | None = None
    sources: tuple[Any, ...] = ()
    provenance: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    disputes: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    without_vote: bool = False

    @property
    def unanimous(self) -> bool | None:
        if self.vote is None:
            return None
        return self.vote[1] == 0 and self.vote[2] == 0


def _outcome(status: str) -> str:
    if status == "vetoed":
        return "vetoed"
    if status == "not adopted":
        return "failed"
    return "adopted"


def _source(record: SourceRecord, excerpt: str) -> RecordSource:
    return RecordSource(record.source, record.title, record.url, record.retrieved_at, excerpt)


def from_outcome(o: Mapping[str, Any], fields: Mapping[str, Any], record: SourceRecord, day):
    vote = tuple(o["vote"]) if o.get("vote") else None
    status = o.get("status", "")
    symbol = o.get("symbol") or o.get("draft_symbol") or ""
    return RecordDecision(
        key=symbol,
        outcome=_outcome(status),
        number=o.get("resolution"),
        draft=o.get("draft_symbol"),
        date=day,
        title=fields.get("topic", ""),
        vote=vote,  # type: ignore[arg-type]
        vetoed_by=tuple(o.get("vetoed_by") or ()),
        meeting=fields.get("record"),
        sources=(_source(record, f"{symbol}: {status}, {fields.get('topic', '')}"),),
        without_vote=status in {"without vote", "adopted by consensus"},
    )


class RecordsIndex:
    """The DecisionIndex questions over `checks.unrecords.UnRecords`."""

    def __init__(self, records: Any) -> None:
        self.records = records

    def _wrap(self, rec: Any) -> RecordDecision | None:
        if rec is None:
            return None
        is_res = hasattr(rec, "number")
        return RecordDecision(
            key=rec.symbol,
            outcome=_outcome(rec.status),
            number=rec.number if is_res else None,
            draft=None if is_res else rec.symbol,
            date=rec.date,
            title=rec.topic,
            vote=rec.vote,
            vetoed_by=tuple(getattr(rec, "vetoed_by", ()) or ()),
            meeting=rec.meeting_record,
            sources=(_source(rec.record, f"{rec.symbol}: {rec.status}, {rec.topic}"),),
            without_vote=rec.status in {"without vote", "adopted by consensus"},
        )

    def resolution(self, number: int, year_hint: int | None = None) -> RecordDecision | None:
        return self._wrap(self.records.resolution(number, year_hint))

    def draft(self, symbol: str) -> RecordDecision | None:
        return self._wrap(self.records.draft(symbol))

    def on(self, day: date) -> list[RecordDecision]:
        out = []
        for rec in self.records.meetings_on(day):
            for o in rec.fields.get("outcomes", []):
                if o.get("symbol") or o.get("draft_symbol"):
                    out.append(from_outcome(o, rec.fields, rec, day))
        return out

    def between(self, first: date, last: date) -> list[RecordDecision]:
        out: list[RecordDecision] = []
        day = first
        while day <= last:
            out += self.on(day)
            day += timedelta(days=1)
        return out

    def covered(self, day: date) -> bool:
        data = self.records.dhl.year_data(day.year)
        if data is None:
            return False
        last = max((m.date for m, _page in data.meetings if m.date), default=None)
        return last is not None and day <= last

    def coverage_note(self, day: date) -> str:
        return f"the UN library's tables available here do not reach {day.isoformat()}"
