"""Google Fact Check Tools `claims:search`: has a fact-checker already reviewed this claim?

Optional: it needs an API key (`CHECKS_FACTCHECK_API_KEY`). Without one the adapter is
disabled and answers [] without any request, so nothing else depends on it. The key is sent
as a query parameter and never copied into records.
"""

from __future__ import annotations

from typing import Any

from checks.errors import SourceError, SourceParseError
from checks.sources.base import Query, Source, SourceRecord, endpoint_missing
from checks.sources.gdelt import key_phrase

MAX_QUERY_CHARS = 200


def parse_claims(payload: Any, url: str = "") -> list[dict[str, Any]]:
    """One dict per claim review; `{}` (no matches) gives []."""
    if not isinstance(payload, dict):
        raise SourceParseError(
            "Fact Check answer is not a JSON object", source="factcheck", url=url
        )
    claims = payload.get("claims", [])
    if not isinstance(claims, list):
        raise SourceParseError("Fact Check 'claims' is not a list", source="factcheck", url=url)
    out = []
    for claim in claims:
        if not isinstance(claim, dict):
            continue
        for review in claim.get("claimReview") or []:
            if not isinstance(review, dict) or not review.get("url"):
                continue
            publisher = review.get("publisher") or {}
            out.append(
                {
                    "claim_text": claim.get("text"),
                    "claimant": claim.get("claimant"),
                    "claim_date": claim.get("claimDate"),
                    "publisher": publisher.get("name") or publisher.get("site"),
                    "publisher_site": publisher.get("site"),
                    "review_url": review["url"],
                    "review_title": review.get("title"),
                    "review_date": review.get("reviewDate"),
                    "rating": review.get("textualRating"),
                    "language": review.get("languageCode"),
                    "_raw": {
                        "claim": {k: v for k, v in claim.items() if k != "claimReview"},
                        "review": review,
                    },
                }
            )
    return out


class FactCheckSource(Source):
    """Published fact-checks (ClaimReview) matching a claim's text."""

    name = "factcheck"
    title = "Google Fact Check Tools"
    licence = (
        "Google APIs Terms of Service (https://developers.google.com/terms); reviews belong to "
        "their publishers. Needs an API key."
    )
    kinds = ("text",)

    def __init__(self, http: Any, base_url: str, api_key: str = "") -> None:
        super().__init__(http, base_url)
        self.api_key = api_key or ""

    @property
    def enabled(self) -> bool:
        return bool(self.api_key)

    def search(self, query: Query) -> list[SourceRecord]:
        if not self.enabled or query.kind != "text" or not query.value.strip():
            return []
        extra = dict(query.params)
        text = query.value.strip()
        if len(text) > MAX_QUERY_CHARS:
            text = key_phrase(text)
        params = {
            "query": text,
            "languageCode": extra.get("languageCode", "en"),
            "pageSize": extra.get("pageSize", "10"),
            "key": self.api_key,
        }
        if "maxAgeDays" in extra:
            params["maxAgeDays"] = extra["maxAgeDays"]
        try:
            resp = self.http.get(self.base_url, source=self.name, params=params, expect="json")
            if resp.status == 404:  # an API never 404s for 'no result': a wrong URL
                raise endpoint_missing(self.name, resp.url)
            payload = resp.json()  # a SourceParseError when the body is not JSON
        except SourceError as exc:  # keep the key out of messages and URLs shown to users
            exc.url = self.base_url
            exc.args = tuple(str(a).replace(self.api_key, "<key>") for a in exc.args)
            raise
        records = []
        for item in parse_claims(payload, self.base_url):
            raw = item.pop("_raw")
            records.append(
                SourceRecord(
                    source=self.name,
                    title=item["review_title"] or item["claim_text"] or item["review_url"],
                    url=item["review_url"],
                    retrieved_at=resp.retrieved_at,
                    fields=item,
                    raw=raw,
                    from_cache=bool(getattr(resp, "from_cache", False)),
                )
            )
        return records

    def probe_url(self) -> str:
        return self.base_url
