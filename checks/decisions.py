"""One index of the Council's decisions over the DHL year tables, the veto list and the votes
database (contract: notes/decisions_interface.md).

Why one index: each source alone has gaps (the DHL tables copied here stop mid-2022 and have no
member votes; the votes database has no meeting records and a few wrong titles), and a verdict
must rest on a record every source agrees on. Records are merged per decision (adopted: by
resolution number; failed or vetoed: by draft symbol; else by date and meeting) by
`checks.decision_model.merge`, which keeps disagreements and impossible records as disputes.

Use (helper "linking"): `index = build_decision_index(http, settings)` once per check run, then
`index.resolution(2231)`, `index.draft("S/2020/797")`, `index.on(day)`, `index.between(a, b)`,
`index.covered(day)`, `index.coverage_note(day)`. `None`/[] means really not in the records that
cover the question; `checks.errors.SourceError` is raised only when no source could answer.
When one source was unreachable but another answered, the Decision says so in `unchecked`.
"""

from __future__ import annotations

import threading
import time
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from checks.config import DEFAULT_SOURCE_URLS
from checks.countries import canonical
from checks.decision_model import Decision, DecisionSource, Partial, merge
from checks.decision_sources import DhlYear, DocLinks, Key, VdbIndex, index_votes, index_year
from checks.errors import SourceError, SourceUnavailable
from checks.sources.dhl import DhlSource
from checks.sources.votesdb import VoteRow, VotesDbSource, clean_symbol
from checks.unrecords import UnRecords, load_index

__all__ = ["Decision", "DecisionIndex", "DecisionSource", "build_decision_index"]

_VDB_MEMO: dict[tuple[str, str], VdbIndex] = {}  # one indexed database per process


def _one_dhl_row(parts: list[Partial]) -> list[Partial]:
    """A resolution number the DHL page prints twice (once as a typo for another): keep the
    row the votes database dates, else the earliest meeting (as `DhlSource` does)."""
    dhl = [p for p in parts if p.source == "dhl"]
    if len(dhl) < 2 or any(p.draft for p in dhl):
        return parts
    days = {p.date for p in parts if p.source == "votesdb" and p.date}
    keep = [p for p in dhl if p.date in days] or sorted(dhl, key=lambda p: p.date or date.max)
    return [p for p in parts if p.source != "dhl"] + keep[:1]


def _words(day: date | None) -> str:
    return f"{day.day} {day:%B %Y}" if day else "an unknown date"


@dataclass
class DecisionIndex:
    """Merged view over the DHL year tables + veto list + votes database (see module doc).

    Lazy and thread-safe: each source is fetched once per process through `checks.http`
    (the HTTP cache and the adapters' memos), and a source that failed is asked again only
    after `retry_seconds`."""

    dhl: DhlSource
    votes: VotesDbSource | None
    links: DocLinks
    retry_seconds: float = 60.0
    _lock: threading.RLock = field(default_factory=threading.RLock, repr=False)
    _vdb_error: tuple[SourceError, float] | None = field(default=None, repr=False)
    _years: dict[int, tuple[int, DhlYear]] = field(default_factory=dict, repr=False)
    _vetoes: dict[str, Partial] | None = field(default=None, repr=False)

    # -- sources --------------------------------------------------------------------------
    def _vdb(self) -> VdbIndex:
        """The votes database, indexed; raises SourceError (remembered for a minute)."""
        if self.votes is None:
            raise SourceUnavailable(
                "votesdb: no URL configured (CHECKS_VOTESDB_URL)", source="votesdb"
            )
        with self._lock:
            if self._vdb_error and time.monotonic() - self._vdb_error[1] < self.retry_seconds:
                raise self._vdb_error[0]
            try:
                payload = self.votes.payload()
            except SourceError as exc:
                self._vdb_error = (exc, time.monotonic())
                raise
            self._vdb_error = None
            memo_key = (payload.url, payload.retrieved_at)
            index = _VDB_MEMO.get(memo_key)
            if index is None or index.payload.rows is not payload.rows:
                index = index_votes(payload)
                _VDB_MEMO.clear()
                _VDB_MEMO[memo_key] = index
            return index

    def _try_vdb(self, unchecked: list[str]) -> VdbIndex | None:
        try:
            return self._vdb()
        except SourceError:
            unchecked.append("votesdb")
            return None

    def _year(self, year: int) -> DhlYear | None:
        """One DHL year, as partials; None when the year has no table (404)."""
        data = self.dhl.year_data(year)
        if data is None:
            return None
        with self._lock:
            hit = self._years.get(year)
            if hit is None or hit[0] != id(data):
                hit = (id(data), index_year(data))
                self._years[year] = hit
            return hit[1]

    def _veto_partials(self, draft: str) -> list[Partial]:
        """The DHL veto list's row for `draft`; [] when it is not listed or unreachable."""
        with self._lock:
            if self._vetoes is None:
                try:
                    vetoes, page = self.dhl.veto_list()
                except SourceError:
                    return []
                table: dict[str, Partial] = {}
                for v in vetoes:
                    sym = clean_symbol(v.draft or "")
                    if not sym:
                        continue
                    names = tuple(canonical(c) for c in v.vetoed_by)
                    old = table.get(sym)
                    if old is not None:  # one row per vetoing member on some pages
                        old.vetoed_by = tuple(sorted({*(old.vetoed_by or ()), *names}))
                        continue
                    table[sym] = Partial(
                        source="veto-list",
                        label="veto-list",
                        record=DecisionSource(
                            source="veto-list",
                            title="UN Dag Hammarskjöld Library: Security Council veto list",
                            url=page.url,
                            retrieved_at=page.retrieved_at,
                            excerpt=f"{v.date_text} | {v.draft} | {v.meeting_record} | "
                            f"{v.agenda} | {', '.join(v.vetoed_by)}",
                        ),
                        outcome="vetoed",
                        draft=sym,
                        date=v.date,
                        vetoed_by=tuple(sorted(names)) or None,
                    )
                self._vetoes = table
            hit = self._vetoes.get(draft)
            return [hit] if hit else []

    # -- merging ---------------------------------------------------------------------------
    def _merge(self, key: Key, parts: list[Partial], unchecked: list[str]) -> Decision:
        parts = _one_dhl_row(parts)
        outcome_draft = next((p.draft for p in parts if p.draft), None)
        if outcome_draft and any(p.outcome == "vetoed" for p in parts):
            parts = [*parts, *self._veto_partials(outcome_draft)]
        if key[0] == "res":
            day = next((p.date for p in parts if p.date), None)
            display = f"S/RES/{key[1]}({day.year})" if day else f"S/RES/{key[1]}"
        else:
            display = str(key[1])
        return merge(display, parts, self.links, unchecked=tuple(dict.fromkeys(unchecked)))

    def _tables(
        self, years: Iterable[int], unchecked: list[str], strict: bool
    ) -> dict[int, DhlYear]:
        """The DHL year tables that answer; an unreachable one raises when `strict` (no other
        source covers it), else it is noted in `unchecked` and skipped."""
        tables: dict[int, DhlYear] = {}
        for year in sorted(years):
            try:
                table = self._year(year)
            except SourceError:
                if strict:
                    raise
                unchecked.append("dhl")
                continue
            if table is not None:
                tables[year] = table
        return tables

    def _dhl_parts(
        self, key: Key, years: set[int], unchecked: list[str], strict: bool
    ) -> list[Partial]:
        tables = self._tables(years, unchecked, strict)
        return [p for table in tables.values() for p in table.by_key.get(key, [])]

    # -- lookups ---------------------------------------------------------------------------
    def resolution(self, number: int) -> Decision | None:
        """The adopted resolution `number`, or None when no covering source lists it."""
        return self._lookup(("res", number), lambda rec: rec.resolution(number))

    def draft(self, symbol: str) -> Decision | None:
        """A failed or vetoed draft ("S/2020/797", " s/2020/797 "); for a meeting symbol with
        several votes ("S/PV.206") see `drafts()`."""
        sym = clean_symbol(symbol)
        if not sym or sym.startswith("S/RES/"):
            return None
        found = self.drafts(sym)
        return found[0] if len(found) == 1 else None

    def drafts(self, symbol: str) -> list[Decision]:
        """Every decision recorded under `symbol` (one, or several for an early meeting)."""
        sym = clean_symbol(symbol)
        if not sym:
            return []
        unchecked: list[str] = []
        vdb = self._try_vdb(unchecked)
        if vdb is not None and ("draft", f"{sym}#1") in vdb.rows:
            out, n = [], 1
            while ("draft", f"{sym}#{n}") in vdb.rows:
                key = ("draft", f"{sym}#{n}")
                out.append(self._merge(key, vdb.parts(key), unchecked))
                n += 1
            return out
        hit = self._lookup(("draft", sym), lambda rec: rec.draft(sym))
        return [hit] if hit else []

    def _lookup(self, key: Key, ask_dhl: Any) -> Decision | None:
        unchecked: list[str] = []
        vdb = self._try_vdb(unchecked)
        parts = vdb.parts(key) if vdb else []
        years = {p.date.year for p in parts if p.date}
        if parts:
            parts += self._dhl_parts(key, years, unchecked, strict=False)
        else:  # the database is silent or down: only the DHL tables can answer
            records = UnRecords(self.dhl)
            rec = ask_dhl(records)  # SourceError here: no source could answer
            if rec is None:
                self._check_hole(key, vdb, records)
                return None
            parts = self._dhl_parts(key, {rec.year}, unchecked, strict=True)
            if not parts:
                return None
        return self._merge(key, parts, unchecked)

    def _check_hole(self, key: Key, vdb: VdbIndex | None, records: UnRecords) -> None:
        """A resolution number inside the database's range that it skips (it has no 2760)
        whose DHL year table is missing: nothing covering says it does not exist."""
        if key[0] != "res" or vdb is None or key[1] > vdb.max_number:
            return
        missing = records.missing_years(key[1])
        if missing:
            raise SourceUnavailable(
                f"resolution {key[1]}: the votes database skips it and the UN table for "
                f"{missing[0]} is not available",
                source="dhl",
            )

    def on(self, day: date) -> list[Decision]:
        """Every decision taken on `day`."""
        return self.between(day, day)

    def days_where(self, fits: Callable[[VoteRow], bool]) -> list[date]:
        """Days of the votes in the votes database that `fits` accepts: how an undated story's
        vote is found from what it says (`checks.anchor`). Raises SourceError when the
        database cannot be read; the DHL tables have no per-member votes to search."""
        vdb = self._vdb()
        days = {r.date for rows in vdb.rows.values() for r, _label in rows if r.date and fits(r)}
        return sorted(days)

    def between(self, first: date, last: date) -> list[Decision]:
        """Every decision from `first` to `last`, inclusive, in date order."""
        unchecked: list[str] = []
        vdb = self._try_vdb(unchecked)
        keys: dict[Key, None] = {}
        if vdb is not None:
            lo, hi = bisect_left(vdb.days, first), bisect_right(vdb.days, last)
            for d in vdb.days[lo:hi]:
                keys.update(dict.fromkeys(vdb.keys_by_day[d]))
        # Without the database, or outside its coverage, the DHL tables must answer.
        strict = vdb is None or first < vdb.first or last > vdb.last
        tables = self._tables(range(first.year, last.year + 1), unchecked, strict)
        for table in tables.values():
            for d, ks in table.keys_by_day.items():
                if not first <= d <= last:
                    continue
                for k in ks:  # an early meeting's numbered votes stand for its DHL row
                    if not (vdb and k[0] == "draft" and ("draft", f"{k[1]}#1") in vdb.rows):
                        keys[k] = None
        out = []
        for key in keys:
            parts = vdb.parts(key) if vdb else []
            other_years = {p.date.year for p in parts if p.date} - set(tables)
            for table in tables.values():
                parts += table.by_key.get(key, [])
            parts += self._dhl_parts(key, other_years, unchecked, strict=False)
            decision = self._merge(key, parts, unchecked)
            if decision.date is None or first <= decision.date <= last:  # not a misprinted row
                out.append(decision)
        return sorted(out, key=lambda d: (d.date or first, d.number or 0, d.key))

    # -- coverage ---------------------------------------------------------------------------
    def covered(self, day: date) -> bool:
        """Does any source's data reach `day`? Raises SourceError when it cannot be told."""
        unchecked: list[str] = []
        vdb = self._try_vdb(unchecked)
        if vdb is not None and vdb.first <= day <= vdb.last:
            return True
        table = self._year(day.year)  # SourceError: no source could say
        return bool(table and table.first and table.first <= day <= (table.last or day))

    def coverage_note(self, day: date) -> str:
        """Human words for the reach of each source around `day` (never raises)."""
        parts: list[str] = []
        try:
            table = self._year(day.year)
        except SourceError:
            parts.append("the UN tables could not be reached")
        else:
            if table and table.last:
                parts.append(f"the UN tables for {day.year} stop at {_words(table.last)}")
            else:
                last = load_index().get("last", {}).get("date")
                when = _words(date.fromisoformat(last)) if last else f"before {day.year}"
                parts.append(f"the UN tables stop at {when}")
        try:
            vdb = self._vdb()
        except SourceError:
            parts.append("the votes database could not be reached")
        else:
            parts.append(f"the votes database at {_words(vdb.last)}")
        return " and ".join(parts)


def build_decision_index(
    http: Any, settings: Any, *, dhl: DhlSource | None = None
) -> DecisionIndex:
    """The index over the configured sources (CHECKS_DHL_URL, CHECKS_VOTESDB_URL,
    CHECKS_DOCS_URL). A votes-database URL missing from `settings.source_urls` (tests that
    configure only some sources) leaves that source out, never the public internet. Pass the
    process's `dhl` adapter (e.g. `UnRecords.dhl`) so that each DHL page is parsed once."""
    urls = settings.source_urls
    votes_url = urls.get("votesdb")
    return DecisionIndex(
        dhl=dhl if dhl is not None else DhlSource(http, settings.url("dhl")),
        votes=VotesDbSource(http, votes_url) if votes_url else None,
        links=DocLinks(urls.get("docs") or DEFAULT_SOURCE_URLS["docs"]),
    )
