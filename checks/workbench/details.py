"""Editing an article's details after a check: title, outlet, URL and publication date.

Title, outlet and URL change nothing in the verdicts. The publication date does: relative dates
("on Sunday") are counted from it, and rules read it (a vote's candidate days, whether a date
is after the article, who held a post at the time). So a new date re-reads the claims, stores
the values that changed, and names the claims to check again; marks and notes are untouched.
"""

from __future__ import annotations

from dataclasses import dataclass

from checks.config import Settings
from checks.models import ArticleMeta
from checks.nlp import Pipeline
from checks.store import ReviewBundle, ReviewStore
from checks.workbench.core import extract_article, meta_date

#: Claim types whose rule reads the publication date (checks/verdicts): a date's day and
#: "after the article" test (date), the candidate days of a decision (vote, resolution), the
#: Council's rules in force (number), who held a post then (role), and the search window of a
#: quotation (quote). A claim of another type is checked again only if its value changed.
DATE_READING_TYPES: frozenset[str] = frozenset(
    {"date", "vote", "resolution", "number", "role", "quote"}
)


@dataclass(frozen=True)
class DetailsChange:
    """What editing the details did: the claims whose value changed, and those to re-check."""

    meta: ArticleMeta
    date_changed: bool
    values: dict[str, dict]
    recheck: frozenset[str]


def plan_details(
    bundle: ReviewBundle,
    meta: ArticleMeta,
    *,
    pipeline: Pipeline | None,
    budget: Settings | None = None,
) -> DetailsChange:
    """Which claims a new date affects: re-read the article with it and compare the values."""
    if meta.date == bundle.meta.date:
        return DetailsChange(meta, False, {}, frozenset())
    fresh = extract_article(bundle.text, meta_date(meta), pipeline=pipeline, budget=budget)
    by_place = {(c.type, c.start, c.end): c for c in fresh}
    values = {}
    for claim in bundle.claims:
        twin = by_place.get((claim.type, claim.start, claim.end))
        if twin is not None and twin.value != claim.value:
            values[claim.id] = twin.value
    recheck = frozenset(
        c.id
        for c in bundle.claims
        if c.id not in bundle.dismissed and (c.id in values or c.type in DATE_READING_TYPES)
    )
    return DetailsChange(meta, True, values, recheck)


def apply_details(
    store: ReviewStore,
    bundle: ReviewBundle,
    meta: ArticleMeta,
    *,
    pipeline: Pipeline | None,
    who: str = "",
    budget: Settings | None = None,
) -> DetailsChange:
    """Save the new details (audited) and the re-read values; the caller re-checks
    `recheck` (verdicts are replaced one by one as they arrive, marks stay)."""
    change = plan_details(bundle, meta, pipeline=pipeline, budget=budget)
    store.update_meta(bundle.id, meta, who=who)
    store.update_claim_values(bundle.id, change.values)
    return change
