"""GDELT DOC 2.0 article search: did anyone else report this quotation, and when?

GDELT answers JSON when all is well and a short text or HTML page when it is not (rate
limit, bad query), sometimes with raw control characters inside the JSON; both are handled
here. `seendate` is when GDELT saw the article, not when it was published.
"""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta
from typing import Any

from checks.errors import SourceError, SourceParseError, SourceRateLimited
from checks.sources.base import Query, Source, SourceRecord, endpoint_missing

MAX_RECORDS = 250
DEFAULT_RECORDS = 75
DEFAULT_WINDOW_DAYS = 3
RATE_LIMIT_MARKERS = ("limit requests", "rate limit", "too many requests")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# fmt: off
STOPWORDS = frozenset({
    "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "has", "have",
    "he", "her", "his", "i", "in", "is", "it", "its", "not", "of", "on", "or", "our", "said",
    "she", "that", "the", "their", "they", "this", "to", "was", "we", "were", "which", "who",
    "will", "with", "would",
})
# fmt: on


def _words(text: str) -> list[str]:
    return re.findall(r"[\w][\w'’-]*", text)


def _score(word: str) -> float:
    w = word.lower()
    if w in STOPWORDS:
        return 0.0
    bonus = 1.0 if word[:1].isupper() or any(ch.isdigit() for ch in word) else 0.0
    return 1.0 + min(len(w), 12) / 6 + bonus


def key_phrase(text: str, min_words: int = 6, max_words: int = 10) -> str:
    """The most distinctive run of 6-10 words of a quotation (whole text if short enough).

    GDELT matches quoted phrases exactly and dislikes long ones; a run rich in long and
    capitalised words, inside one clause, not starting or ending with a stopword, finds the
    same quotation.
    """
    words = _words(text)
    if len(words) <= max_words:
        return " ".join(words)
    size = max(min_words, min(max_words, 8))
    clauses = [_words(c) for c in re.split(r"[.;:!?\"“”()\[\]]+", text)]
    runs = [c for c in clauses if len(c) >= min_words] or [words]
    best, best_score = words[:size], -1.0
    for run in runs:
        n = min(size, len(run))
        for i in range(len(run) - n + 1):
            window = run[i : i + n]
            score = sum(_score(w) for w in window) + (n - size)
            if window[0].lower() in STOPWORDS:
                score -= 2
            if window[-1].lower() in STOPWORDS:
                score -= 2
            if score > best_score:
                best, best_score = window, score
    return " ".join(best)


def build_params(query: Query) -> dict[str, str]:
    """DOC API parameters: quoted phrase, English sources, a window around the article date."""
    extra = dict(query.params)
    phrase = key_phrase(query.value)
    records = min(MAX_RECORDS, max(1, int(extra.get("maxrecords", DEFAULT_RECORDS))))
    params = {
        "query": f'"{phrase}" sourcelang:English',
        "mode": "artlist",
        "format": "json",
        "maxrecords": str(records),
        "sort": extra.get("sort", "HybridRel"),
    }
    if query.on is not None:  # a date range, never together with a timespan
        days = int(extra.get("window_days", DEFAULT_WINDOW_DAYS))
        start = query.on - timedelta(days=days)
        end = query.on + timedelta(days=1)
        params["startdatetime"] = start.strftime("%Y%m%d") + "000000"
        params["enddatetime"] = end.strftime("%Y%m%d") + "235959"
    elif "timespan" in extra:
        params["timespan"] = extra["timespan"]
    return params


def load_json(text: str, url: str = "") -> Any:
    """JSON, repairing stray control characters the way public GDELT clients do."""
    try:
        return json.loads(text)
    except ValueError:
        pass
    try:
        return json.loads(_CONTROL.sub(" ", text), strict=False)
    except ValueError as exc:
        raise SourceParseError(f"GDELT JSON unreadable: {exc}", source="gdelt", url=url) from None


def classify_text(text: str, content_type: str, url: str = "") -> None:
    """Raise for a non-JSON answer: rate-limit text -> SourceRateLimited, else parse error."""
    lowered = text.lower()
    if any(marker in lowered for marker in RATE_LIMIT_MARKERS):
        raise SourceRateLimited(
            "GDELT asks for one request every 5 seconds", source="gdelt", url=url, retry_after=5.0
        )
    snippet = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text)).strip()[:200]
    raise SourceParseError(
        f"GDELT answered {content_type or 'non-JSON'}: {snippet}", source="gdelt", url=url
    )


def seen_iso(value: str | None) -> str | None:
    """`20230918T031500Z` -> `2023-09-18T03:15:00Z`."""
    if not value:
        return None
    try:
        return datetime.strptime(value, "%Y%m%dT%H%M%SZ").strftime("%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        return value


def parse_artlist(payload: Any, url: str = "") -> list[dict[str, Any]]:
    """Articles of an `artlist` answer; `{}` (no matches) gives []."""
    if not isinstance(payload, dict):
        raise SourceParseError("GDELT answer is not a JSON object", source="gdelt", url=url)
    articles = payload.get("articles", [])
    if not isinstance(articles, list):
        raise SourceParseError("GDELT 'articles' is not a list", source="gdelt", url=url)
    out = []
    for a in articles:
        if not isinstance(a, dict) or not a.get("url"):
            continue
        out.append(
            {
                "url": a["url"],
                "title": (a.get("title") or "").strip(),
                "domain": a.get("domain"),
                "language": a.get("language"),
                "sourcecountry": a.get("sourcecountry"),
                "seendate": seen_iso(a.get("seendate")),
            }
        )
    return out


def parse_response(text: str, content_type: str = "", url: str = "") -> list[dict[str, Any]]:
    """Articles from a raw answer body, or the right SourceError."""
    stripped = text.strip()
    is_json_type = "json" in content_type.lower() or not content_type
    if not stripped:
        return []
    if not is_json_type or stripped[0] not in "{[":
        classify_text(stripped, content_type, url)
    return parse_artlist(load_json(stripped, url), url)


class GdeltSource(Source):
    """News articles quoting a phrase, from the GDELT DOC 2.0 API."""

    name = "gdelt"
    title = "GDELT DOC 2.0 (news articles)"
    licence = (
        "GDELT data is free for any use with attribution and a link to https://www.gdeltproject.org/"
        " (GDELT terms of use); linked articles belong to their publishers."
    )
    kinds = ("text",)

    def search(self, query: Query) -> list[SourceRecord]:
        if query.kind != "text" or len(_words(query.value)) < 2:
            return []
        params = build_params(query)
        resp = self.http.get(self.base_url, source=self.name, params=params, expect="text")
        if resp.status == 404:  # an API never 404s for 'no result': a wrong URL
            raise endpoint_missing(self.name, resp.url)
        headers = {k.lower(): v for k, v in (resp.headers or {}).items()}
        try:
            articles = parse_response(resp.text, headers.get("content-type", ""), resp.url)
        except SourceError:
            self.http.forget(resp.url)
            raise
        phrase = params["query"]
        return [
            SourceRecord(
                source=self.name,
                title=a["title"] or a["url"],
                url=a["url"],
                retrieved_at=resp.retrieved_at,
                fields={**a, "query": phrase, "on": query.on.isoformat() if query.on else None},
                raw=a,
                from_cache=bool(getattr(resp, "from_cache", False)),
            )
            for a in articles
        ]

    def probe_url(self) -> str:
        return (
            f"{self.base_url}?query=%22security%20council%22&mode=artlist&format=json&maxrecords=1"
        )
