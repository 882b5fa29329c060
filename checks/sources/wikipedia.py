"""English Wikipedia through the MediaWiki Action API: how Wikipedia states a resolution's facts.

Wikipedia is not the record; the infobox is fetched so a reviewer can see where an article's
numbers may have come from, and plain-text extracts help date events. Requests use
`formatversion=2` and `redirects=1` (titles and capitalisation drift).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlparse

from checks.errors import SourceError, SourceParseError, SourceRateLimited, SourceUnavailable
from checks.sources.base import Query, Source, SourceRecord
from checks.wikitext import clean_value, find_dates, find_template, parse_count, parse_date

INFOBOX = "Infobox UN resolution"
RESOLUTION_TITLE = "United Nations Security Council Resolution {n}"
MAX_EXTRACT = 100_000


@dataclass(frozen=True)
class PageText:
    """One page's current wikitext as the API returned it."""

    title: str
    pageid: int | None
    revid: int | None
    timestamp: str | None
    wikitext: str
    redirected_from: str | None = None


def check_api_error(payload: Any, url: str = "") -> bool:
    """Raise for an `{"error": …}` body (sent with HTTP 200); True when it means "no such page"."""
    if not isinstance(payload, dict):
        raise SourceParseError("MediaWiki answer is not a JSON object", source="wikipedia", url=url)
    error = payload.get("error")
    if not error:
        return False
    code = str(error.get("code", "")) if isinstance(error, dict) else str(error)
    info = str(error.get("info", "")) if isinstance(error, dict) else ""
    if code in {"missingtitle", "invalidtitle", "nosuchpageid", "nosuchrevid"}:
        return True
    message = f"MediaWiki API error {code}: {info}".strip()
    if code in {"ratelimited", "maxlag"}:
        raise SourceRateLimited(message, source="wikipedia", url=url)
    if code in {"readonly", "internal_api_error"} or code.startswith("internal_api_error"):
        raise SourceUnavailable(message, source="wikipedia", url=url)
    raise SourceError(message, source="wikipedia", url=url)


def _pages(payload: dict[str, Any], url: str) -> list[dict[str, Any]]:
    query = payload.get("query")
    if query is None:
        return []
    pages = query.get("pages", []) if isinstance(query, dict) else None
    if isinstance(pages, dict):  # formatversion=1, tolerated
        pages = list(pages.values())
    if not isinstance(pages, list):
        raise SourceParseError("MediaWiki answer has no page list", source="wikipedia", url=url)
    return [p for p in pages if isinstance(p, dict)]


def _redirected_from(payload: dict[str, Any], title: str) -> str | None:
    for item in (payload.get("query") or {}).get("redirects", []) or []:
        if isinstance(item, dict) and item.get("to") == title:
            return str(item.get("from"))
    return None


def parse_revisions(payload: Any, url: str = "") -> PageText | None:
    """The page of a `prop=revisions&rvslots=main` answer; None for a missing page."""
    if check_api_error(payload, url):
        return None
    pages = _pages(payload, url)
    if not pages:
        return None
    page = pages[0]
    if "missing" in page or "invalid" in page:
        return None
    try:
        rev = page["revisions"][0]
        main = rev["slots"]["main"] if "slots" in rev else rev
        text = main["content"] if "content" in main else main["*"]
    except (KeyError, IndexError, TypeError):
        raise SourceParseError(
            "MediaWiki page has no revision content", source="wikipedia", url=url
        ) from None
    title = str(page.get("title", ""))
    return PageText(
        title=title,
        pageid=page.get("pageid"),
        revid=rev.get("revid"),
        timestamp=rev.get("timestamp"),
        wikitext=str(text),
        redirected_from=_redirected_from(payload, title),
    )


def _param(params: dict[str, str], *names: str) -> str | None:
    for name in names:
        if name in params:
            return params[name]
    return None


def parse_infobox(wikitext: str) -> dict[str, Any] | None:
    """Fields of `{{Infobox UN resolution}}`, read leniently; None when the page has none.

    Counts: "None", "0" or an empty value read as 0 (the template renders them "None");
    a parameter left out entirely reads as None (unknown).
    """
    params = find_template(wikitext, INFOBOX)
    if params is None:
        return None
    year_text = clean_value(params.get("year", ""))
    year = int(year_text) if year_text[:4].isdigit() and len(year_text) == 4 else None
    date_raw = params.get("date")
    counts = {
        "votes_for": parse_count(_param(params, "for", "votes_for")),
        "votes_against": parse_count(_param(params, "against", "votes_against")),
        "abstentions": parse_count(_param(params, "abstention", "abstentions", "abstain")),
        "absent": parse_count(_param(params, "absent")),
        "present_not_voting": parse_count(
            _param(params, "presentnotvoting", "present_not_voting", "present")
        ),
    }
    number = parse_count(params.get("number"))
    meeting = parse_count(params.get("meeting"))
    vote = None
    if None not in (counts["votes_for"], counts["votes_against"], counts["abstentions"]):
        vote = f"{counts['votes_for']}-{counts['votes_against']}-{counts['abstentions']}"
    date_iso = parse_date(date_raw, year)
    if year is None and date_iso:
        year = int(date_iso[:4])
    return {
        "number": number or None,
        "organ": clean_value(params.get("organ", "")) or None,
        "date": date_iso,
        "date_text": clean_value(date_raw or "") or None,
        "year": year,
        "meeting": meeting or None,
        "code": clean_value(params.get("code", "")) or None,
        "document": clean_value(params.get("document", "")) or None,
        "subject": clean_value(params.get("subject", "")) or None,
        **counts,
        "vote": vote,
        "result": clean_value(params.get("result", "")) or None,
        "params": {k: clean_value(v) for k, v in params.items()},
    }


def parse_extracts(payload: Any, url: str = "") -> list[dict[str, Any]]:
    """Pages of a `prop=extracts` answer (optionally from `generator=search`), in rank order."""
    if check_api_error(payload, url):
        return []
    out = []
    for page in _pages(payload, url):
        if "missing" in page or "invalid" in page:
            continue
        title = page.get("title")
        if not isinstance(title, str):
            raise SourceParseError("MediaWiki page without a title", source="wikipedia", url=url)
        extract = str(page.get("extract") or "")[:MAX_EXTRACT]
        out.append(
            {
                "title": title,
                "pageid": page.get("pageid"),
                "rank": page.get("index"),
                "extract": extract,
                "dates": find_dates(extract),
                "redirected_from": _redirected_from(payload, title),
            }
        )
    out.sort(key=lambda p: (p["rank"] is None, p["rank"] or 0))
    return out


def page_url(base_url: str, title: str) -> str:
    """A link a person can open: /wiki/Title on a real Wikipedia, index.php?title= elsewhere."""
    host = urlparse(base_url).hostname or ""
    slug = quote(title.replace(" ", "_"), safe=":/()_,-.'!")
    if host.endswith(".wikipedia.org"):
        return f"https://{host}/wiki/{slug}"
    index = re.sub(r"api\.php$", "index.php", base_url)
    return f"{index}?title={slug}"


class WikipediaSource(Source):
    """Infobox fields, page extracts and full-text search on English Wikipedia."""

    name = "wikipedia"
    title = "Wikipedia (MediaWiki Action API)"
    licence = "Text CC BY-SA 4.0; cite the article and revision. Wikimedia API etiquette applies."
    kinds = ("infobox", "page", "search")

    def _get(self, params: dict[str, str]) -> tuple[Any, Any]:
        base = {"format": "json", "formatversion": "2", "redirects": "1"}
        return self.get_api_json({**base, **params}, check=check_api_error)

    def _record(self, title: str, resp: Any, fields: dict[str, Any], raw: Any) -> SourceRecord:
        return SourceRecord(
            source=self.name,
            title=title,
            url=page_url(self.base_url, title),
            retrieved_at=resp.retrieved_at,
            fields=fields,
            raw=raw,
            from_cache=bool(getattr(resp, "from_cache", False)),
        )

    def search(self, query: Query) -> list[SourceRecord]:
        if query.kind not in self.kinds or not query.value.strip():
            return []
        if query.kind == "infobox":
            return self._infobox(query.value.strip())
        if query.kind == "page":
            return self._pages({"titles": query.value.strip()}, exintro=False)
        limit = dict(query.params).get("limit", "5")
        return self._pages(
            {
                "generator": "search",
                "gsrsearch": query.value.strip()[:300],
                "gsrlimit": limit,
                "gsrnamespace": "0",
            },
            exintro=True,
        )

    def _infobox(self, value: str) -> list[SourceRecord]:
        title = RESOLUTION_TITLE.format(n=int(value)) if value.isdigit() else value
        payload, resp = self._get(
            {
                "action": "query",
                "prop": "revisions",
                "rvprop": "content|ids|timestamp",
                "rvslots": "main",
                "titles": title,
            }
        )
        if payload is None:
            return []
        page = parse_revisions(payload, resp.url)
        if page is None:
            return []
        fields = parse_infobox(page.wikitext)
        if fields is None:
            return []
        fields.update(page_title=page.title, revid=page.revid, redirected_from=page.redirected_from)
        start = re.search(r"\{\{\s*infobox[ _]+un[ _]+resolution", page.wikitext, re.IGNORECASE)
        excerpt = page.wikitext[start.start() : start.start() + 2000] if start else ""
        raw = {"title": page.title, "revid": page.revid, "infobox": excerpt}
        return [self._record(page.title, resp, fields, raw)]

    def _pages(self, params: dict[str, str], *, exintro: bool) -> list[SourceRecord]:
        request = {"action": "query", "prop": "extracts", "explaintext": "1", **params}
        if exintro:
            request.update(exintro="1", exlimit="20")
        payload, resp = self._get(request)
        if payload is None:
            return []
        records = []
        for page in parse_extracts(payload, resp.url):
            raw = {"title": page["title"], "extract": page["extract"][:2000]}
            records.append(self._record(page["title"], resp, page, raw))
        return records

    def probe_url(self) -> str:
        return f"{self.base_url}?action=query&meta=siteinfo&format=json"
