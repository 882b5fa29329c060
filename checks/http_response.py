"""What a GET hands back, with credentials redacted, and when a body is no usable answer."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from checks.errors import SourceError, SourceParseError, SourceRateLimited, SourceUnavailable

Expect = Literal["json", "text", "xml"]
#: Query parameters that carry credentials: kept out of cache keys, cache files and URLs shown.
SECRET_PARAMS = ("key", "api_key", "apikey", "access_token", "token")


def redact(url: str) -> str:
    """`url` with credential parameters (`key=...`) replaced, for anything shown or stored."""
    parts = urlsplit(url)
    if not parts.query:
        return url
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    if not any(k.lower() in SECRET_PARAMS for k, _ in pairs):
        return url
    query = urlencode([(k, "REDACTED" if k.lower() in SECRET_PARAMS else v) for k, v in pairs])
    return urlunsplit(parts._replace(query=query))


@dataclass(frozen=True)
class Response:
    """What `HttpClient.get` returns (implements `checks.sources.base.HttpResponse`).

    `url` is where the payload really came from (the final URL after redirects within the
    source's own host, credentials redacted): show it as evidence. `requested_url` is what
    was asked for.
    """

    url: str
    status: int
    text: str
    content: bytes = field(repr=False)
    headers: dict[str, str]
    retrieved_at: str  # ISO 8601 UTC: when the payload really came from the network
    from_cache: bool
    source: str = ""
    requested_url: str = ""

    def json(self) -> Any:
        try:
            return json.loads(self.text)
        except ValueError as exc:
            raise SourceParseError(
                f"{self.source or 'source'} sent a body that is not JSON: {exc}",
                source=self.source,
                url=self.url,
            ) from None


def iso_utc(when: datetime | None) -> str:
    """`when` (now if None, naive read as UTC) as ISO 8601 UTC with a Z."""
    when = when or datetime.now(UTC)
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def decode_body(raw: Any, content: bytes) -> str:
    """Text of the body; without a declared charset try UTF-8 (un.org pages are UTF-8)."""
    ctype = str(raw.headers.get("Content-Type", "")).lower()
    if "charset=" not in ctype:
        try:
            return content.decode("utf-8")
        except UnicodeDecodeError:
            pass
    return raw.text


def check_status(resp: Response, source: str) -> None:
    """Raise the SourceError a failing status means; 404 is an answer ('no such record')."""
    status = resp.status
    if status < 400 or status == 404:
        return
    if status == 429:
        after = resp.headers.get("Retry-After")
        try:
            seconds = float(after) if after is not None else None
        except ValueError:
            seconds = None
        raise SourceRateLimited(
            f"{source}: rate limited (HTTP 429)",
            source=source,
            url=resp.url,
            retry_after=seconds,
        )
    if status >= 500:
        raise SourceUnavailable(
            f"{source}: server error HTTP {status}", source=source, url=resp.url
        )
    raise SourceError(f"{source}: HTTP {status}", source=source, url=resp.url)


def check_format(resp: Response, expect: Expect) -> None:
    """Raise SourceParseError when a 200 is not the format asked for (an HTML error page)."""
    ctype = resp.headers.get("Content-Type", resp.headers.get("content-type", "")).lower()
    if "text/html" in ctype:
        raise SourceParseError(
            f"{resp.source}: expected {expect}, got an HTML page",
            source=resp.source,
            url=resp.url,
        )
    if expect == "json":
        resp.json()
    elif expect == "xml":
        from lxml import etree

        try:
            etree.fromstring(resp.content)
        except etree.XMLSyntaxError as exc:
            raise SourceParseError(
                f"{resp.source}: malformed XML: {exc}", source=resp.source, url=resp.url
            ) from None
