"""An offline check of ClaimReview JSON-LD against the fields Google Search documents.

From "Fact check (ClaimReview) structured data" (developers.google.com/search/docs/appearance/
structured-data/factcheck): `ClaimReview` requires `claimReviewed` (a short summary of the claim,
best under 75 characters), `reviewRating` and `url` (the page hosting the fact check); it
recommends `author` (Organization or Person, with a `name`), `datePublished` and `itemReviewed`.
`itemReviewed` is a `Claim` whose `author`, `datePublished` and `appearance` (a URL or a
CreativeWork) are recommended. `reviewRating` is a `Rating`: its `alternateName` (the words
shown, e.g. "False") is what search results show; a numeric rating needs `ratingValue` with
`bestRating` and `worstRating`, and the value must lie between them.

Errors break a rule (a required field missing, an empty string, a value of the wrong kind);
warnings are recommended fields left out. The report builder and the tests both use this.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit

#: schema.org types accepted where a CreativeWork is expected (the ones a newsroom would use).
CREATIVE_WORKS = frozenset(
    {"CreativeWork", "Article", "NewsArticle", "ReportageNewsArticle", "WebPage", "BlogPosting"}
)
AUTHOR_TYPES = frozenset({"Organization", "NewsMediaOrganization", "Person"})
#: Google's advice for claimReviewed, so that it does not wrap on a phone.
CLAIM_REVIEWED_ADVISED_LENGTH = 75


@dataclass(frozen=True)
class Finding:
    """One problem: `level` is "error" or "warning"; `path` names the field, e.g.
    "itemReviewed.appearance.url"."""

    level: str
    path: str
    message: str


def is_http_url(value: Any) -> bool:
    if not isinstance(value, str) or value != value.strip() or not value:
        return False
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def is_iso_date(value: Any) -> bool:
    """A full ISO 8601 date or date-time (a bare year is too vague to publish)."""
    if not isinstance(value, str):
        return False
    try:
        if len(value) == 10:
            date.fromisoformat(value)
        else:
            datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


class _Checker:
    def __init__(self) -> None:
        self.findings: list[Finding] = []

    def error(self, path: str, message: str) -> None:
        self.findings.append(Finding("error", path, message))

    def warn(self, path: str, message: str) -> None:
        self.findings.append(Finding("warning", path, message))

    def empty_strings(self, value: Any, path: str) -> None:
        """No field anywhere may be an empty or blank string: leave unknown fields out."""
        if isinstance(value, str):
            if not value.strip():
                self.error(path, "empty text; leave the field out when it is unknown")
        elif isinstance(value, Mapping):
            for key, item in value.items():
                self.empty_strings(item, f"{path}.{key}" if path else str(key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                self.empty_strings(item, f"{path}[{index}]")

    def typed(self, value: Any, path: str, types: frozenset[str], required: bool) -> bool:
        if value is None:
            (self.error if required else self.warn)(path, "missing")
            return False
        if not isinstance(value, Mapping):
            self.error(path, "must be an object")
            return False
        if value.get("@type") not in types:
            self.error(f"{path}.@type", f"must be one of {sorted(types)}")
            return False
        return True

    def author(self, value: Any, path: str) -> None:
        if self.typed(value, path, AUTHOR_TYPES, required=False):
            name = value.get("name")
            if not isinstance(name, str) or not name.strip():
                self.error(f"{path}.name", "an author needs a name")
            if "url" in value and not is_http_url(value["url"]):
                self.error(f"{path}.url", "must be an http(s) URL")

    def date(self, value: Any, path: str) -> None:
        if value is None:
            self.warn(path, "missing")
        elif not is_iso_date(value):
            self.error(path, "must be an ISO 8601 date")

    def rating(self, value: Any) -> None:
        if not self.typed(value, "reviewRating", frozenset({"Rating"}), required=True):
            return
        words = value.get("alternateName")
        numbers = [value.get(k) for k in ("ratingValue", "bestRating", "worstRating")]
        if words is None and any(n is None for n in numbers):
            self.error(
                "reviewRating",
                "needs alternateName, or ratingValue with bestRating and worstRating",
            )
        if words is not None and not isinstance(words, str):
            self.error("reviewRating.alternateName", "must be text")
        elif words is None:
            self.warn("reviewRating.alternateName", "missing; search results show only words")
        given = [n for n in numbers if n is not None]
        if given and len(given) < 3:
            self.error("reviewRating", "ratingValue, bestRating and worstRating go together")
        if any(isinstance(n, bool) or not isinstance(n, int | float) for n in given):
            self.error("reviewRating", "ratingValue, bestRating and worstRating must be numbers")
        elif len(given) == 3:
            rating, best, worst = numbers
            if not worst <= rating <= best:
                self.error(
                    "reviewRating.ratingValue", "must lie between worstRating and bestRating"
                )

    def item(self, value: Any) -> None:
        if not self.typed(value, "itemReviewed", frozenset({"Claim"}), required=False):
            return
        self.author(value.get("author"), "itemReviewed.author")
        self.date(value.get("datePublished"), "itemReviewed.datePublished")
        appearance = value.get("appearance")
        if isinstance(appearance, str):
            if not is_http_url(appearance):
                self.error("itemReviewed.appearance", "must be an http(s) URL")
        elif self.typed(appearance, "itemReviewed.appearance", CREATIVE_WORKS, required=False):
            if "url" in appearance and not is_http_url(appearance["url"]):
                self.error("itemReviewed.appearance.url", "must be an http(s) URL")
            if "url" not in appearance and "headline" not in appearance:
                self.error("itemReviewed.appearance", "needs a url or a headline")
            if "datePublished" in appearance:
                self.date(appearance["datePublished"], "itemReviewed.appearance.datePublished")


def validate_claimreview(doc: Any) -> list[Finding]:
    """Every problem of one ClaimReview object (empty list: valid, nothing recommended missing)."""
    check = _Checker()
    if not isinstance(doc, Mapping):
        check.error("", "a ClaimReview must be an object")
        return check.findings
    check.empty_strings(doc, "")
    if doc.get("@context") not in ("https://schema.org", "http://schema.org"):
        check.error("@context", "must be https://schema.org")
    if doc.get("@type") != "ClaimReview":
        check.error("@type", "must be ClaimReview")
    claimed = doc.get("claimReviewed")
    if not isinstance(claimed, str):
        check.error("claimReviewed", "missing (required)")
    elif len(claimed) > CLAIM_REVIEWED_ADVISED_LENGTH:
        check.warn("claimReviewed", f"longer than {CLAIM_REVIEWED_ADVISED_LENGTH} characters")
    check.rating(doc.get("reviewRating"))
    if "url" not in doc:
        check.error("url", "missing (required): the page of the fact check; set its base URL")
    elif not is_http_url(doc["url"]):
        check.error("url", "must be an http(s) URL")
    check.author(doc.get("author"), "author")
    check.date(doc.get("datePublished"), "datePublished")
    check.item(doc.get("itemReviewed"))
    return check.findings


def errors(doc: Any) -> list[Finding]:
    return [f for f in validate_claimreview(doc) if f.level == "error"]
