"""Adapter for the Dag Hammarskjöld Library's yearly Security Council meeting tables and veto list.

These pages are the best structured public record of what the Council decided and how it voted
(1946 on). Each year's page is fetched once (HTTP cache + single flight), parsed once per
payload (memo keyed by the response), and indexed by resolution number, draft symbol and date.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any, ClassVar

from checks.errors import SourceError, SourceParseError
from checks.sources.base import HttpResponse, Query, Source, SourceRecord
from checks.sources.dhl_parse import (
    DhlFormatError,
    Meeting,
    Outcome,
    Veto,
    parse_veto_page,
    parse_year_page,
)

COVID_2020_PAGE = "SC_2020-revised.html"
VETO_PAGE = "scact_veto_table_en.htm"


def year_page_name(year: int) -> str:
    """File name of a year's table: .html before 1994 and from 2022, .htm in between."""
    return f"scact{year}_table_en.{'htm' if 1994 <= year <= 2021 else 'html'}"


@dataclass(frozen=True)
class Page:
    """Where and when a parsed payload came from, for evidence."""

    url: str
    retrieved_at: str
    from_cache: bool


@dataclass
class YearData:
    """One year's meetings (both 2020 pages), with the indexes UnRecords needs."""

    year: int
    meetings: list[tuple[Meeting, Page]] = field(default_factory=list)
    resolutions: dict[int, tuple[Meeting, Outcome, Page]] = field(default_factory=dict)
    drafts: dict[str, tuple[Meeting, Outcome, Page]] = field(default_factory=dict)
    by_date: dict[date, list[tuple[Meeting, Page]]] = field(default_factory=dict)

    def add(self, meetings: list[Meeting], page: Page) -> None:
        by_date: dict[date, list[tuple[Meeting, Page]]] = defaultdict(list, self.by_date)
        for m in meetings:
            self.meetings.append((m, page))
            if m.date:
                by_date[m.date].append((m, page))
            for o in m.outcomes:
                if o.resolution is not None:
                    old = self.resolutions.get(o.resolution)
                    # A few numbers appear twice (typos on the page); the page is in reverse
                    # order, so the earliest meeting is the later row and is the one kept.
                    if old is None or (m.date and old[0].date and m.date <= old[0].date):
                        self.resolutions[o.resolution] = (m, o, page)
                elif o.draft_symbol:
                    self.drafts.setdefault(o.draft_symbol, (m, o, page))
        self.by_date = dict(by_date)


def meeting_title(m: Meeting) -> str:
    """'S/PV.7488, 20 July 2015' (or the outcome symbol for 2020's meetings held by letter)."""
    when = f"{m.date.day} {m.date:%B %Y}" if m.date else f"{m.date_text} {m.year}".strip()
    head = m.record or next(
        (o.symbol or o.draft_symbol for o in m.outcomes if o.symbol or o.draft_symbol),
        "Meeting by videoconference",
    )
    return f"{head}, {when}"


def meeting_record(m: Meeting, page: Page) -> SourceRecord:
    return SourceRecord(
        source="dhl",
        title=meeting_title(m),
        url=page.url,
        retrieved_at=page.retrieved_at,
        fields=m.to_dict(),
        raw=m.outcome_text,
        from_cache=page.from_cache,
    )


def veto_record(v: Veto, page: Page) -> SourceRecord:
    when = f"{v.date.day} {v.date:%B %Y}" if v.date else v.date_text
    return SourceRecord(
        source="dhl",
        title=f"Veto of {v.draft or 'draft'}, {when}",
        url=page.url,
        retrieved_at=page.retrieved_at,
        fields=v.to_dict(),
        raw=v,
        from_cache=page.from_cache,
    )


class DhlSource(Source):
    """Answers Query(kind="year", value="2015") and Query(kind="vetoes")."""

    name: ClassVar[str] = "dhl"
    title: ClassVar[str] = "UN Dag Hammarskjöld Library: Security Council meetings and vetoes"
    licence: ClassVar[str] = (
        "United Nations website terms of use (https://www.un.org/en/about-us/terms-of-use)"
    )
    kinds: ClassVar[tuple[str, ...]] = ("year", "vetoes")

    def __init__(self, http: Any, base_url: str) -> None:
        super().__init__(http, base_url if base_url.endswith("/") else base_url + "/")
        self._memo: dict[tuple[str, str, int], Any] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()

    # -- URLs ----------------------------------------------------------------------------
    def year_urls(self, year: int) -> list[str]:
        urls = [self.base_url + year_page_name(year)]
        if year == 2020:
            urls.append(self.base_url + COVID_2020_PAGE)
        return urls

    def veto_url(self) -> str:
        return self.base_url + VETO_PAGE

    def probe_url(self) -> str:
        return self.veto_url()

    # -- fetching and memo ---------------------------------------------------------------
    def _url_lock(self, url: str) -> threading.Lock:
        with self._lock:
            return self._locks.setdefault(url, threading.Lock())

    def _fetch(self, url: str) -> HttpResponse | None:
        resp = self.http.get(url, source=self.name, expect="text")
        if resp.status == 404:
            return None
        if resp.status != 200:
            raise SourceError(f"dhl: HTTP {resp.status}", source=self.name, url=url)
        return resp

    def _parsed(self, url: str, parse: Any) -> tuple[Any, Page] | None:
        """Fetch `url` and parse it once per payload, even under concurrent callers."""
        with self._url_lock(url):
            resp = self._fetch(url)
            if resp is None:
                return None
            page = Page(url=url, retrieved_at=resp.retrieved_at, from_cache=resp.from_cache)
            key = (url, resp.retrieved_at, len(resp.content))
            hit = self._memo.get(key)
            if hit is None:
                try:
                    hit = parse(resp.text)
                except DhlFormatError as exc:
                    self.http.forget(url)  # so that the next try fetches the page again
                    raise SourceParseError(f"dhl: {exc}", source=self.name, url=url) from None
                self._memo[key] = hit
            return hit, page

    def year_data(self, year: int) -> YearData | None:
        """Parsed meetings of `year`; None when the year's page does not exist (404)."""
        with self._url_lock(f"year:{year}"):
            parts = []
            for i, url in enumerate(self.year_urls(year)):
                got = self._parsed(url, lambda text: parse_year_page(text, year))
                if got is None and i == 0:
                    return None
                if got is not None:
                    parts.append(got)
            key = ("year", ",".join(p.retrieved_at for _, p in parts), year)
            data = self._memo.get(key)
            if data is None:
                data = YearData(year)
                for meetings, page in parts:
                    data.add(meetings, page)
                self._memo[key] = data
            return data

    def veto_list(self) -> tuple[list[Veto], Page]:
        got = self._parsed(self.veto_url(), parse_veto_page)
        if got is None:
            raise SourceError("dhl: the veto list page is missing (HTTP 404)", source=self.name)
        return got

    # -- the adapter interface -----------------------------------------------------------
    def search(self, query: Query) -> list[SourceRecord]:
        if query.kind == "year":
            try:
                year = int(query.year or query.value)
            except ValueError:
                return []
            data = self.year_data(year)
            return [meeting_record(m, p) for m, p in data.meetings] if data else []
        if query.kind == "vetoes":
            vetoes, page = self.veto_list()
            return [veto_record(v, page) for v in vetoes]
        return []
