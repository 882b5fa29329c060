"""What `checks sources status` and `checks sources sync` do (the CLI wires the arguments).

`sync` fills the HTTP cache with every DHL year table, the veto list and the votes database, so
that UN claims can later be checked with CHECKS_OFFLINE=1 (on a train, or in an air-gapped
newsroom).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from datetime import UTC, date, datetime
from typing import Any

from checks.config import Settings
from checks.errors import ConfigError, SourceError
from checks.http import HttpClient
from checks.sources import SOURCES
from checks.sources.base import Source
from checks.sources.dhl import DhlSource
from checks.sources.votesdb import VotesDbSource

Progress = Callable[[int, int, str], None]

#: Every adapter `status` reports on: the registry plus the votes database (a whole file read
#: by the decisions index, not a query adapter the registry's users ask).
REGISTRY: dict[str, type[Source]] = {**SOURCES, VotesDbSource.name: VotesDbSource}


def make_source(name: str, http: HttpClient, settings: Settings) -> Source:
    """Instantiate a registered adapter with its configured URL (and API key if it takes one)."""
    cls = REGISTRY[name]
    kwargs: dict[str, Any] = {}
    if "api_key" in inspect.signature(cls.__init__).parameters:
        kwargs["api_key"] = getattr(settings, f"{name}_api_key", "")
    return cls(http, settings.url(name), **kwargs)  # type: ignore[call-arg]


def _age_seconds(iso: str | None) -> int | None:
    if not iso:
        return None
    when = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    return int((datetime.now(UTC) - when).total_seconds())


def status(settings: Settings) -> list[dict[str, Any]]:
    """One row per source (reachable or not, and why), then one row for the HTTP cache."""
    rows: list[dict[str, Any]] = []
    with HttpClient(settings) as http:
        for name in REGISTRY:
            row: dict[str, Any] = {
                "kind": "source",
                "name": name,
                "url": settings.source_urls.get(name, ""),
            }
            try:
                src = make_source(name, http, settings)
                row["title"] = getattr(src, "title", name)
                row["licence"] = getattr(src, "licence", "")
                probe = src.probe_url()
                if getattr(src, "enabled", True) is False:
                    ok, error = False, "not enabled (no API key configured; it is optional)"
                else:
                    ok, error = http.probe(probe, source=name)
            except (SourceError, ConfigError, TypeError, ValueError) as exc:
                probe, ok, error = "", False, str(exc)
            row.update(probe_url=probe, reachable=ok, error=error)
            rows.append(row)
        info = http.cache_info()
    rows.append(
        {"kind": "cache", "name": "http-cache", **info, "age_seconds": _age_seconds(info["oldest"])}
    )
    return rows


def sync(
    settings: Settings,
    years: range | None = None,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Fetch every DHL year table (both 2020 pages), the veto list and the votes database
    into the cache."""
    if settings.offline:
        raise ConfigError("`sources sync` needs the network: unset CHECKS_OFFLINE")
    years = years if years is not None else range(1946, date.today().year + 1)
    result: dict[str, Any] = {"years": [], "missing": [], "failed": {}, "meetings": 0}
    total = len(years) + 2
    done = 0
    with HttpClient(settings) as http:
        dhl = DhlSource(http, settings.url("dhl"))
        with ThreadPoolExecutor(max_workers=max(1, settings.max_per_host)) as pool:
            futures = {pool.submit(dhl.year_data, y): y for y in years}
            for fut in as_completed(futures):
                year = futures[fut]
                try:
                    data = fut.result()
                except SourceError as exc:
                    result["failed"][year] = str(exc)
                else:
                    if data is None:
                        result["missing"].append(year)
                    else:
                        result["years"].append(year)
                        result["meetings"] += len(data.meetings)
                done += 1
                if progress:
                    progress(done, total, str(year))
        try:
            vetoes, _page = dhl.veto_list()
            result["vetoes"] = len(vetoes)
        except SourceError as exc:
            result["vetoes"] = 0
            result["failed"]["vetoes"] = str(exc)
        if progress:
            progress(total - 1, total, "vetoes")
        try:
            result["votesdb"] = len(VotesDbSource(http, settings.url("votesdb")).payload().rows)
        except (SourceError, ConfigError) as exc:
            result["votesdb"] = 0
            result["failed"]["votesdb"] = str(exc)
        if progress:
            progress(total, total, "votesdb")
        result["years"].sort()
        result["missing"].sort()
        result["cache"] = http.cache_info()
    return result
