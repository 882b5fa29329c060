"""The one small interface every public-source adapter implements.

Contract:
- `search(query)` takes a `Query` and returns a list of `SourceRecord`s. "Nothing found" is an
  empty list, never an exception.
- The only exceptions an adapter may raise are `checks.errors.SourceError` and its subclasses
  (timeout, unavailable, rate limited, unparseable payload). Nothing from `requests` escapes.
- Parsing is a pure function of the payload (tested on real-format samples); fetching goes
  through the shared `HttpClient` (cache, retries, per-host limits, User-Agent).
- The base URL comes from `Settings.url(name)` (env `CHECKS_<NAME>_URL`), never hard-coded.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, ClassVar, Protocol

from checks.errors import SourceError, SourceUnavailable


@dataclass(frozen=True)
class Query:
    """What a claim asks of a source. `kind` names the question; adapters ignore kinds they
    do not serve by returning []."""

    kind: str  # e.g. "year", "resolution", "draft", "vetoes", "infobox", "person", "text"
    value: str  # the key: "2015", "2231", "S/2020/797", "Sergei Ryabkov", a quotation
    year: int | None = None
    on: date | None = None  # the article's date, for "as of" questions and date windows
    params: tuple[tuple[str, str], ...] = ()  # extra, adapter-specific, hashable


@dataclass(frozen=True)
class SourceRecord:
    """One record found: parsed fields for the rules, the raw payload excerpt for audit."""

    source: str  # adapter name, e.g. "dhl"
    title: str
    url: str  # a link a person can open
    retrieved_at: str  # ISO 8601 UTC; for a cached answer, when it was first fetched
    fields: dict[str, Any] = field(default_factory=dict, hash=False)
    raw: Any = field(default=None, compare=False, repr=False, hash=False)
    from_cache: bool = field(default=False, compare=False)


def endpoint_missing(source: str, url: str) -> SourceUnavailable:
    """An API endpoint that answers 404 is misconfigured, not a search with no results."""
    return SourceUnavailable(
        f"{source}: the API answered 404 Not Found; check CHECKS_{source.upper()}_URL",
        source=source,
        url=url,
    )


class HttpResponse(Protocol):
    """What `checks.http.HttpClient.get` returns: the body and when it was really fetched."""

    url: str
    status: int
    text: str
    content: bytes
    headers: dict[str, str]
    retrieved_at: str
    from_cache: bool

    def json(self) -> Any: ...


class Source(ABC):
    """Base class of every adapter; subclasses register themselves in `checks.sources.SOURCES`."""

    name: ClassVar[str]
    title: ClassVar[str]  # human name, shown in `sources status` and the evidence list
    licence: ClassVar[str]  # terms of use, shown in the README and reports
    kinds: ClassVar[tuple[str, ...]]  # the Query kinds it answers

    def __init__(self, http: Any, base_url: str) -> None:
        self.http = http
        self.base_url = base_url

    @abstractmethod
    def search(self, query: Query) -> list[SourceRecord]:
        """Records answering `query`; [] when none. Raises only SourceError subclasses."""

    def get_api_json(
        self, params: dict[str, str], *, check: Callable[[Any, str], Any] | None = None
    ) -> tuple[Any, Any]:
        """GET this adapter's JSON API. A 404 means a misconfigured URL; an answer that
        `check` finds to be an error (APIs send those with HTTP 200) is dropped from the cache
        so a retry fetches it again, then raised."""
        resp = self.http.get(self.base_url, source=self.name, params=params, expect="json")
        if resp.status == 404:  # an API never 404s for "no result"
            raise endpoint_missing(self.name, resp.url)
        try:
            payload = resp.json()
            if check is not None:
                check(payload, resp.url)
        except SourceError:
            self.http.forget(resp.url)
            raise
        return payload, resp

    def probe_url(self) -> str:
        """A cheap URL to ask when `sources status` checks reachability."""
        return self.base_url
