"""The UN records index the verdict engine asks: resolutions, failed drafts, meetings, vetoes.

Built on the DHL tables. To find a resolution's year without fetching 77 pages we keep a small
committed data file, `checks/data/first_resolution_by_year.json` (first resolution number of
each year), generated once from the sample pages with:

    python -m checks.unrecords --build-index ../shared/samples/dhl-sc-meetings-tables

`None` from a lookup means "really not in the records"; an unreachable source raises SourceError.
"""

from __future__ import annotations

import argparse
import json
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from checks.errors import SourceError
from checks.sources.base import SourceRecord
from checks.sources.dhl import DhlSource, Page, meeting_record
from checks.sources.dhl_parse import Meeting, Outcome, parse_year_page

INDEX_PATH = Path(__file__).parent / "data" / "first_resolution_by_year.json"
FIRST_YEAR = 1946


@dataclass(frozen=True)
class ResolutionRecord:
    """What the DHL table says about one adopted resolution."""

    symbol: str  # "S/RES/2231 (2015)"
    number: int
    year: int
    date: date | None
    meeting_record: str | None
    press_release: str | None
    topic: str
    vote: tuple[int, int, int] | None  # in favour, against, abstentions
    unanimous: bool
    status: str  # "adopted", "without vote", "adopted by consensus"
    url: str
    retrieved_at: str
    record: SourceRecord


@dataclass(frozen=True)
class DraftRecord:
    """A draft resolution that failed: not adopted, or vetoed (and by whom)."""

    symbol: str  # "S/2020/797"
    year: int
    date: date | None
    meeting_record: str | None
    topic: str
    vote: tuple[int, int, int] | None
    status: str  # "not adopted" | "vetoed"
    vetoed_by: tuple[str, ...]
    url: str
    retrieved_at: str
    record: SourceRecord


@cache
def load_index(path: Path = INDEX_PATH) -> dict[str, Any]:
    """The committed year index (read lazily, once)."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"first_resolution": {}, "first_draft_number": {}, "last": {}}


def _resolution_record(m: Meeting, o: Outcome, page: Page) -> ResolutionRecord:
    return ResolutionRecord(
        symbol=o.symbol or f"S/RES/{o.resolution} ({m.year})",
        number=o.resolution or 0,
        year=m.year,
        date=m.date,
        meeting_record=m.record,
        press_release=m.press_release,
        topic=m.topic,
        vote=o.vote,
        unanimous=o.unanimous,
        status=o.status,
        url=page.url,
        retrieved_at=page.retrieved_at,
        record=meeting_record(m, page),
    )


def _draft_record(m: Meeting, o: Outcome, page: Page) -> DraftRecord:
    return DraftRecord(
        symbol=o.draft_symbol or "",
        year=m.year,
        date=m.date,
        meeting_record=m.record,
        topic=m.topic,
        vote=o.vote,
        status=o.status,
        vetoed_by=tuple(o.vetoed_by),
        url=page.url,
        retrieved_at=page.retrieved_at,
        record=meeting_record(m, page),
    )


def _around(year: int, lo: int, hi: int, spread: int = 2) -> list[int]:
    """year, year-1, year+1, year-2, ... clipped to [lo, hi]."""
    out = [year]
    for d in range(1, spread + 1):
        out += [year - d, year + d]
    return [y for y in dict.fromkeys(out) if lo <= y <= hi]


def _hint_first(years: list[int], hint: int | None) -> list[int]:
    """The years to search, the article's own year for it (when it gives one) first."""
    return [hint, *(y for y in years if y != hint)] if hint else years


class UnRecords:
    """Lookups over the DHL tables; each year's page is fetched and parsed once."""

    def __init__(self, dhl: DhlSource, index: dict[str, Any] | None = None) -> None:
        self.dhl = dhl
        self.index = index if index is not None else load_index()

    # -- year guessing -------------------------------------------------------------------
    def _last_year(self) -> int:
        return date.today().year

    def _guess_year(self, number: int, table: str) -> tuple[int, bool]:
        """(the year `number` most likely belongs to, whether that is past the data file);
        beyond the file, extrapolated at the recent rate and not clipped to today."""
        firsts = {int(y): n for y, n in self.index.get(table, {}).items()}
        last_known = max(firsts)
        guess = max((y for y, n in firsts.items() if n <= number), default=FIRST_YEAR)
        if guess < last_known:
            return guess, False
        span = [y for y in sorted(firsts) if y >= last_known - 5]
        rate = max(1.0, (firsts[span[-1]] - firsts[span[0]]) / max(1, len(span) - 1))
        return last_known + int((number - firsts[last_known]) // rate), True

    def _years_for_number(self, number: int, table: str) -> list[int]:
        if not self.index.get(table):
            return list(range(self._last_year(), FIRST_YEAR - 1, -1))
        guess, beyond = self._guess_year(number, table)
        if beyond:
            last_known = max(int(y) for y in self.index[table])
            guess = min(guess, self._last_year())
            return _around(guess, last_known, self._last_year(), spread=3)
        return _around(guess, FIRST_YEAR, self._last_year())

    def _search_years(self, years: list[int], find: Any) -> Any:
        errors: list[SourceError] = []
        for year in years:
            try:
                data = self.dhl.year_data(year)
            except SourceError as exc:
                errors.append(exc)
                continue
            if data is None:
                continue
            hit = find(data)
            if hit is not None:
                return hit
        if errors:  # could not look everywhere: not the same as "not in the records"
            raise errors[0]
        return None

    # -- public lookups ------------------------------------------------------------------
    def resolution(self, number: int, year_hint: int | None = None) -> ResolutionRecord | None:
        """The adopted resolution `number`, or None if the tables do not list it."""
        years = _hint_first(self._years_for_number(number, "first_resolution"), year_hint)

        def find(data: Any) -> ResolutionRecord | None:
            hit = data.resolutions.get(number)
            return _resolution_record(*hit) if hit else None

        return self._search_years(years, find)

    def missing_years(self, number: int, year_hint: int | None = None) -> list[int]:
        """The likeliest years for resolution `number` whose tables could not be found (a 404:
        not yet published, or absent from a mirror). Asked after `resolution()` returned
        None, so the pages are already cached."""
        if self.index.get("first_resolution"):
            guess, _ = self._guess_year(number, "first_resolution")
            if guess > self._last_year() + 1:
                return []  # a number no year up to now could have reached: really not found
        years = _hint_first(self._years_for_number(number, "first_resolution"), year_hint)[:3]
        return [y for y in years if self._incomplete(y, number)]

    def _incomplete(self, year: int, number: int) -> bool:
        """No table for `year`, or a past year's table that stops early (a copy made mid-year)
        below `number`: the number may be in the part we do not have."""
        data = self.dhl.year_data(year)
        if data is None:
            return True
        last_day = max((m.date for m, _page in data.meetings if m.date), default=None)
        stops_early = year < self._last_year() and (last_day is None or last_day.month < 12)
        return stops_early and number > max(data.resolutions, default=0)

    def draft(self, symbol: str, year_hint: int | None = None) -> DraftRecord | None:
        """A failed draft ("S/2020/797", "S/10489"): status, vote, who vetoed."""
        symbol = re.sub(r"\s+", "", symbol)
        m = re.fullmatch(r"S/(\d{4})/\d+.*", symbol)
        if m:
            years = _around(int(m.group(1)), int(m.group(1)), int(m.group(1)))
        else:
            old = re.fullmatch(r"S/(\d+).*", symbol)
            num = int(old.group(1)) if old else 0
            years = self._years_for_number(num, "first_draft_number") if num else []
        years = _hint_first(years, year_hint)

        def find(data: Any) -> DraftRecord | None:
            hit = data.drafts.get(symbol)
            return _draft_record(*hit) if hit else None

        return self._search_years(years, find)

    def meetings_on(self, day: date) -> list[SourceRecord]:
        """Every meeting held on `day` (both 2020 pages included)."""
        data = self.dhl.year_data(day.year)
        if data is None:
            return []
        return [meeting_record(m, p) for m, p in data.by_date.get(day, [])]

    def vetoes(self) -> list[SourceRecord]:
        from checks.sources.base import Query

        return self.dhl.search(Query(kind="vetoes", value=""))


# -- the one-off index builder ----------------------------------------------------------
def build_index(folder: Path) -> dict[str, Any]:
    """First resolution number (and first old-style draft number) per year, from saved pages."""
    first_res: dict[int, int] = {}
    first_draft: dict[int, int] = {}
    last: dict[str, Any] = {}
    for f in sorted(folder.glob("scact[0-9][0-9][0-9][0-9]_table_en.html")):
        year = int(f.name[5:9])
        pages = [f]
        if year == 2020 and (folder / "scact2020_covid_table_en.html").exists():
            pages.append(folder / "scact2020_covid_table_en.html")
        for page in pages:
            for m in parse_year_page(page.read_text(encoding="utf-8", errors="replace"), year):
                for o in m.outcomes:
                    if o.resolution:
                        first_res[year] = min(first_res.get(year, o.resolution), o.resolution)
                        if o.resolution > last.get("number", 0):
                            last = {"year": year, "number": o.resolution}
                            last["date"] = m.date.isoformat() if m.date else None
                    d = re.fullmatch(r"S/(\d+)(?:/(?:Rev|Add|Corr)\.\d+)*", o.draft_symbol or "")
                    if d:  # old-style symbols (before 1994) carry no year
                        n = int(d.group(1))
                        first_draft[year] = min(first_draft.get(year, n), n)
    return {
        "about": "First Security Council resolution number adopted in each year, from the DHL "
        "tables; built by `python -m checks.unrecords --build-index FOLDER`.",
        "first_resolution": {str(y): first_res[y] for y in sorted(first_res)},
        "first_draft_number": {str(y): first_draft[y] for y in sorted(first_draft)},
        "last": last,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Build checks/data/first_resolution_by_year.json")
    parser.add_argument("--build-index", metavar="FOLDER", required=True, type=Path)
    parser.add_argument("--out", type=Path, default=INDEX_PATH)
    args = parser.parse_args(argv)
    index = build_index(args.build_index)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(index, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(index['first_resolution'])} years, last {index['last']}")


if __name__ == "__main__":
    main()
