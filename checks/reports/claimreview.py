"""schema.org ClaimReview JSON-LD: how fact-checks are published for search engines.

Only claims a person has judged are published, and the rating is the person's status, never
the automatic verdict. Unknown fields are left out (never ""), and every document is checked
with `checks.reports.claimreview_schema` before it is returned.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from typing import Any
from urllib.parse import quote

from checks.reports.claimreview_schema import Finding, errors, is_iso_date, validate_claimreview
from checks.reports.common import (
    UNREVIEWED,
    ClaimRow,
    ReportSource,
    claim_rows,
    dumps_json,
    one_line,
    safe_link,
)

#: Numeric rating per human status (5 best, 1 worst); statuses not listed get only their words
#: (`alternateName`), which is what search engines show anyway.
RATING_VALUES: dict[str, int] = {"Verified": 5, "Misleading": 2, "False": 1}
BEST_RATING, WORST_RATING = 5, 1
#: Statuses that are working states, not findings, and so are never published.
UNPUBLISHED_STATUSES: frozenset[str] = frozenset({UNREVIEWED, "Needs work"})
#: Words of context kept on each side of a short claim in `claimReviewed`.
CONTEXT_WORDS = 3
CLAIM_REVIEWED_LIMIT = 75


def claim_reviewed(row: ClaimRow, *, words: int = CONTEXT_WORDS) -> str:
    """The claim itself, with at most `words` words of its sentence either side (fewer when the
    whole would pass 75 characters), marked with "…" where the sentence goes on."""
    claim = row.claim
    text, sentence = one_line(claim.text), claim.sentence or ""
    at = claim.start - claim.sentence_start
    if not (claim.text and at >= 0 and sentence[at : at + len(claim.text)] == claim.text):
        at = sentence.find(claim.text) if claim.text else -1
    if at < 0 or not text:
        return text or one_line(sentence)
    end = at + len(claim.text)
    # Word edges either side, nearest first: the window grows one whole word at a time.
    lefts = [m.start() for m in re.finditer(r"\S+", sentence[:at])][::-1]
    rights = [end + m.end() for m in re.finditer(r"\S+", sentence[end:])]

    def shown(first: int, last: int) -> str:
        head = "\u2026" if sentence[:first].strip() else ""
        tail = "\u2026" if sentence[last:].strip() else ""
        return head + one_line(sentence[first:last]) + tail

    first, last = at, end
    grow = {"right": len(rights) > 0, "left": len(lefts) > 0}
    for step in range(words):
        for side in ("right", "left"):
            if not grow[side] or step >= len(rights if side == "right" else lefts):
                continue
            trial = (first, rights[step]) if side == "right" else (lefts[step], last)
            if len(shown(*trial)) > CLAIM_REVIEWED_LIMIT:
                grow[side] = False  # context stays next to the claim: stop this side
                continue
            first, last = trial
    return shown(first, last)


def review_page(publisher_url: str, review_id: object) -> str | None:
    """The fact check's own page: `publisher_url` with the review's id, either in place of
    "{review}" or as "?review=ID"; None when either is unknown (then `url` is left out)."""
    base = safe_link(publisher_url or "")
    if base is None or review_id in (None, ""):
        return None
    ident = quote(str(review_id), safe="")
    if "{review}" in base:
        return base.replace("{review}", ident)
    return f"{base}{'&' if '?' in base else '?'}review={ident}"


def _item(source: ReportSource) -> dict[str, Any]:
    meta = source.meta
    appearance: dict[str, Any] = {"@type": "NewsArticle"}
    url, headline = safe_link(meta.url or ""), one_line(meta.title or "")
    if url:
        appearance["url"] = url
    if headline:
        appearance["headline"] = headline
    if is_iso_date(meta.date):
        appearance["datePublished"] = meta.date
    item: dict[str, Any] = {"@type": "Claim"}
    if one_line(meta.source or ""):
        item["author"] = {"@type": "Organization", "name": one_line(meta.source)}
    if is_iso_date(meta.date):
        item["datePublished"] = meta.date
    if len(appearance) > 1:
        item["appearance"] = appearance
    return item


def _author(row: ClaimRow, publisher_name: str, publisher_url: str) -> dict[str, Any] | None:
    if one_line(publisher_name):
        author: dict[str, Any] = {"@type": "Organization", "name": one_line(publisher_name)}
        home = safe_link(publisher_url or "")
        if home:
            author["url"] = home
        return author
    if one_line(row.review.reviewer):
        return {"@type": "Person", "name": one_line(row.review.reviewer)}
    return None


def _build(
    source: ReportSource,
    publisher_url: str,
    publisher_name: str,
    ratings: Mapping[str, int] | None,
    unpublished: Collection[str],
) -> list[tuple[str, dict[str, Any]]]:
    ratings = RATING_VALUES if ratings is None else ratings
    page = review_page(publisher_url, getattr(source, "id", None))
    item = _item(source)
    out = []
    for row in claim_rows(source):
        if row.dismissed or row.status in unpublished or row.status == UNREVIEWED:
            continue
        claimed = claim_reviewed(row)
        if not claimed or not one_line(row.status):
            continue
        rating: dict[str, Any] = {"@type": "Rating", "alternateName": one_line(row.status)}
        if row.status in ratings:
            rating.update(
                ratingValue=ratings[row.status], bestRating=BEST_RATING, worstRating=WORST_RATING
            )
        doc: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "claimReviewed": claimed,
            "reviewRating": rating,
        }
        if page:
            doc["url"] = page
        author = _author(row, publisher_name, publisher_url)
        if author:
            doc["author"] = author
        if is_iso_date(row.review.updated_at[:10]):
            doc["datePublished"] = row.review.updated_at[:10]
        if len(item) > 1:
            doc["itemReviewed"] = item
        broken = [f for f in errors(doc) if f.path != "url"]
        if broken:
            raise ValueError(f"ClaimReview for {row.claim.id} is invalid: {broken}")
        out.append((row.claim.id, doc))
    return out


def claim_reviews(
    source: ReportSource,
    *,
    publisher_url: str = "",
    publisher_name: str = "",
    ratings: Mapping[str, int] | None = None,
    unpublished: Collection[str] = UNPUBLISHED_STATUSES,
) -> list[dict[str, Any]]:
    """One ClaimReview per claim a reviewer judged (not dismissed, status not `unpublished`).

    `publisher_url` is the base URL of the fact-check pages (CHECKS_PUBLISHER_URL); without it,
    or without a stored review id, `url` is left out and `claimreview_findings` says so.
    Raises ValueError if a document breaks the schema in any other way (a bug, not bad input).
    """
    built = _build(source, publisher_url, publisher_name, ratings, unpublished)
    return [doc for _, doc in built]


def claimreview_findings(
    source: ReportSource, *, publisher_url: str = "", publisher_name: str = ""
) -> dict[str, list[Finding]]:
    """What search engines would object to, per claim id (e.g. `url` missing until
    CHECKS_PUBLISHER_URL is set); for the UI to show next to the download."""
    built = _build(source, publisher_url, publisher_name, None, UNPUBLISHED_STATUSES)
    return {cid: validate_claimreview(doc) for cid, doc in built}


def to_claimreview(
    source: ReportSource,
    *,
    publisher_url: str = "",
    publisher_name: str = "",
    ratings: Mapping[str, int] | None = None,
    unpublished: Collection[str] = UNPUBLISHED_STATUSES,
) -> str:
    """The JSON-LD list as text, safe to paste inside `<script type="application/ld+json">`."""
    docs = claim_reviews(
        source,
        publisher_url=publisher_url,
        publisher_name=publisher_name,
        ratings=ratings,
        unpublished=unpublished,
    )
    text = dumps_json(docs, indent=2)
    # "</script>" in a claim must not end the script element; \u003c is the same JSON string.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
