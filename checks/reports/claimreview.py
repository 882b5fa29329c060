"""schema.org ClaimReview JSON-LD: how fact-checks are published for search engines.

Only claims a person has judged are published; automatic verdicts never are.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from typing import Any

from checks.reports.common import UNREVIEWED, ReportSource, claim_rows

#: Numeric rating per human status (5 best, 1 worst); statuses not listed get only their words
#: (`alternateName`), which is what search engines show anyway.
RATING_VALUES: dict[str, int] = {"Verified": 5, "Misleading": 2, "False": 1}
BEST_RATING, WORST_RATING = 5, 1
#: Statuses that are working states, not findings, and so are never published.
UNPUBLISHED_STATUSES: frozenset[str] = frozenset({UNREVIEWED, "Needs work"})


def claim_reviews(
    source: ReportSource,
    *,
    ratings: Mapping[str, int] | None = None,
    unpublished: Collection[str] = UNPUBLISHED_STATUSES,
) -> list[dict[str, Any]]:
    """One ClaimReview per claim a reviewer judged (not dismissed, status not `unpublished`)."""
    meta, ratings = source.meta, RATING_VALUES if ratings is None else ratings
    appearance: dict[str, Any] = {"@type": "NewsArticle", "url": meta.url, "headline": meta.title}
    if meta.date:
        appearance["datePublished"] = meta.date
    item: dict[str, Any] = {"@type": "Claim", "appearance": appearance}
    if meta.source:
        item["author"] = {"@type": "Organization", "name": meta.source}
    if meta.date:
        item["datePublished"] = meta.date
    out = []
    for row in claim_rows(source):
        if row.dismissed or row.status in unpublished or row.status == UNREVIEWED:
            continue
        rating: dict[str, Any] = {"@type": "Rating", "alternateName": row.status}
        if row.status in ratings:
            rating.update(
                ratingValue=ratings[row.status], bestRating=BEST_RATING, worstRating=WORST_RATING
            )
        out.append(
            {
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "claimReviewed": row.claim.sentence or row.claim.text,
                "reviewRating": rating,
                "itemReviewed": item,
                "author": {"@type": "Person", "name": row.review.reviewer},
                "datePublished": row.review.updated_at[:10],
                "url": meta.url or "",
            }
        )
    return out


def to_claimreview(
    source: ReportSource,
    *,
    ratings: Mapping[str, int] | None = None,
    unpublished: Collection[str] = UNPUBLISHED_STATUSES,
) -> str:
    """The JSON-LD list as text, safe to paste inside `<script type="application/ld+json">`."""
    text = json.dumps(
        claim_reviews(source, ratings=ratings, unpublished=unpublished),
        ensure_ascii=False,
        indent=2,
    )
    # "</script>" in a claim must not end the script element; \u003c is the same JSON string.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
