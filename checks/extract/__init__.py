"""Split an article into checkable claims, each typed, located and read.

Order of operations:
1. Run the spaCy pipeline once (sentences, entities, parse).
2. Resolutions, votes and dates are found from the pattern files; numbers come after them,
   so that digits inside a tally, a date or a symbol are never claimed twice.
3. Quotes and roles use the entities (speakers, people).
4. Overlapping finds of one type keep the longest; ids follow reading order.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from checks.extract import dates, links, numbers, quotes, resolutions, roles, votes
from checks.extract.context import ArticleContext, Found, drop_contained, to_claims
from checks.models import Claim
from checks.nlp import Pipeline, load_pipeline

__all__ = ["Extraction", "extract_claims", "find_dateline"]

log = logging.getLogger(__name__)

find_dateline = dates.find_dateline


@dataclass
class Extraction:
    claims: list[Claim]
    article_date: date | None
    model: str
    warnings: list[str] = field(default_factory=list)
    # No date given or found: when the text seems written, with its evidence (doctime.DocTime)
    inferred_date: dict | None = None


def extract_claims(
    text: str,
    *,
    article_date: date | None = None,
    pipeline: Pipeline | None = None,
    article_date_source: str = "user",
) -> Extraction:
    """Every claim of `text`; relative dates resolve against `article_date` (or the dateline,
    or the time the text's own dates point to). A date the user gave wins; one the UI took
    from file metadata (`article_date_source="metadata"`) yields to a dateline in the text."""
    pipeline = pipeline or load_pipeline()
    warnings: list[str] = [pipeline.warning] if pipeline.warning else []
    if article_date is not None and article_date_source == "metadata":
        line = dates.find_dateline(text, strict=True)
        if line is not None and line != article_date:
            warnings.append(
                f"Article date taken from its dateline ({line.isoformat()}), not from the "
                f"file's date ({article_date.isoformat()})."
            )
            article_date = line
    if article_date is None:
        # Only a real dateline: the first date of a history page is no publication date
        # (without one, the text's own dates say when it was written, see doctime).
        article_date = dates.find_dateline(text, strict=True)
        if article_date is not None:
            warnings.append(f"Article date taken from its dateline: {article_date.isoformat()}.")
    doc = pipeline.nlp(text)
    ctx = ArticleContext(text, doc, article_date, statistical=pipeline.statistical)

    def safely(kind: str, finder: Callable[..., list[Found]], *args: Any) -> list[Found]:
        # A bug in one finder costs that kind of claim, with a warning, not the article.
        try:
            return finder(ctx, *args)
        except Exception as exc:
            log.exception("%s finder failed", kind)
            warnings.append(
                f"The {kind} finder failed ({type(exc).__name__}); {kind} claims "
                "may be missing. Please report this article."
            )
            return []

    found = (
        safely("resolution", resolutions.find)
        + safely("vote", votes.find)
        + safely("date", dates.find)
    )
    found = drop_contained(found)
    found = _drop_dates_inside_symbols(found)
    inferred = ctx.inferred_date.as_dict() if ctx.inferred_date is not None else None
    if article_date is None:
        warnings.append(
            ctx.inferred_date.warning()
            if ctx.inferred_date is not None
            else "No article date given and none found in the text: relative dates such as "
            "'on Sunday' are left unresolved. Pass --date YYYY-MM-DD."
        )
    taken = [(f.start, f.end) for f in found if not f.shares_numbers]
    found += safely("number", numbers.find, taken)
    found += safely("quote", quotes.find) + safely("role", roles.find)
    found = drop_contained(found)
    claims = links.add_links(to_claims(ctx, found), article_date, text)  # what each belongs to
    return Extraction(claims, article_date, pipeline.model, warnings, inferred)


def _drop_dates_inside_symbols(found):
    """ "resolution 2231 (2015)": the year belongs to the symbol, not a separate date claim."""
    symbols = [(f.start, f.end) for f in found if f.type == "resolution"]
    return [
        f
        for f in found
        if not (
            f.type == "date"
            and f.value.get("precision") == "year"
            and any(s <= f.start and f.end <= e for s, e in symbols)
        )
    ]
