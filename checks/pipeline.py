"""From claims to verdicts, concurrently, with each source asked once per need.

Order of operations:
1. Build the services (HTTP client with cache and retries, one adapter per source) once per
   process, from `Settings`.
2. Warm the UN tables the claims will need (the years of the dates and resolution numbers),
   in parallel: each year's page is fetched once however many claims use it.
3. Run each claim's rule in a thread pool; report each verdict as it is ready (`on_verdict`),
   so a UI can fill in panels while the rest are still being checked.
4. Check the claims against each other (tallies that exceed the Council, "only X supported
   it" beside another count), and report every verdict that step changes through
   `on_verdict` again: the store and the panel must hold the final verdict.
"""

from __future__ import annotations

import contextlib
import contextvars
import json
import threading
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import asdict
from datetime import date

from checks.config import Settings
from checks.decisions import build_decision_index
from checks.errors import SourceError
from checks.extract.links import ensure_links
from checks.http import HttpClient, deadline
from checks.models import Claim, Verdict
from checks.sourcesctl import make_source
from checks.unrecords import UnRecords
from checks.verdicts import CheckContext, Services, check_claim
from checks.verdicts.cross import check_article

MAX_WORKERS = 8


_SERVICES: dict[str, Services] = {}
_SERVICES_LOCK = threading.Lock()


def build_services(settings: Settings) -> Services:
    """One client and one set of adapters per distinct settings (cached per process)."""
    key = json.dumps(asdict(settings), sort_keys=True, default=str)
    with _SERVICES_LOCK:
        if key not in _SERVICES:
            _SERVICES[key] = _new_services(settings)
        return _SERVICES[key]


def _new_services(settings: Settings) -> Services:
    http = HttpClient(settings)
    dhl = make_source("dhl", http, settings)
    services = Services(records=UnRecords(dhl))
    services.decisions = build_decision_index(http, settings, dhl=dhl)
    for name in ("wikipedia", "wikidata", "gdelt", "factcheck", "undl"):
        setattr(services, name, make_source(name, http, settings))
    return services


def _years_needed(claims: Iterable[Claim], article_date: date | None) -> set[int]:
    years = {article_date.year} if article_date else set()
    for c in claims:
        if c.type == "date" and c.value.get("precision") == "day" and c.value.get("date"):
            years.add(int(c.value["date"][:4]))
        if c.type == "resolution" and c.value.get("year"):
            years.add(int(c.value["year"]))
    return years


def warm(services: Services, years: set[int]) -> None:
    """Fetch the year tables in parallel; errors surface later, per claim."""
    if services.records is None or not years:
        return

    def fetch(year: int) -> None:
        # A failure here is reported later by the claim that needs this year.
        with contextlib.suppress(SourceError):
            services.records.dhl.year_data(year)

    with ThreadPoolExecutor(max_workers=min(MAX_WORKERS, len(years))) as pool:
        # Each task runs in a copy of this context, so the article's deadline reaches it.
        tasks = [pool.submit(contextvars.copy_context().run, fetch, y) for y in sorted(years)]
        for task in tasks:
            task.result()


def check_claims(
    text: str,
    claims: list[Claim],
    article_date: date | None,
    *,
    settings: Settings | None = None,
    services: Services | None = None,
    on_verdict: Callable[[Claim, Verdict], None] | None = None,
    only: set[str] | None = None,
    previous: Mapping[str, Verdict] | None = None,
) -> dict[str, Verdict]:
    """Verdicts by claim id; `only` limits the run to some claim ids (e.g. "check again").

    Each claim's own verdict is reported through `on_verdict` as soon as it is ready; then the
    claims are checked against each other, and every verdict that step changes is reported
    again, so the store and the panel hold the final word. With `only`, pass the verdicts of
    the other claims as `previous`: the cross-claim step needs them (a re-checked tally may
    disagree with a count elsewhere), and the verdicts it changes are reported too."""
    settings = settings or Settings.from_env()
    services = services or build_services(settings)
    with deadline(settings.article_deadline):
        return _check(text, claims, article_date, services, on_verdict, only, previous)


def _check(
    text: str,
    claims: list[Claim],
    article_date: date | None,
    services: Services,
    on_verdict: Callable[[Claim, Verdict], None] | None,
    only: set[str] | None,
    previous: Mapping[str, Verdict] | None,
) -> dict[str, Verdict]:
    ensure_links(claims, article_date, text)
    ctx = CheckContext(text=text, article_date=article_date, claims=claims, services=services)
    todo = [c for c in claims if only is None or c.id in only]
    warm(services, _years_needed(todo, article_date))
    verdicts: dict[str, Verdict] = {}
    with ThreadPoolExecutor(max_workers=MAX_WORKERS) as pool:
        futures = {
            pool.submit(contextvars.copy_context().run, check_claim, c, ctx): c for c in todo
        }
        for future in as_completed(futures):
            claim = futures[future]
            verdicts[claim.id] = future.result()
            if on_verdict is not None:
                on_verdict(claim, verdicts[claim.id])
    known = {k: v for k, v in (previous or {}).items() if only is not None and k not in only}
    known.update(verdicts)
    crossed = check_article(claims, known, article_date)
    by_id = {c.id: c for c in claims}
    for claim_id, verdict in crossed.items():
        if verdict is known.get(claim_id):
            continue
        if claim_id in by_id:
            verdicts[claim_id] = verdict
            if on_verdict is not None:
                on_verdict(by_id[claim_id], verdict)
    return verdicts
