"""Settings, built once at the edge (CLI or app) from environment variables or Streamlit secrets.

Nothing deeper in `checks/` reads `os.environ`: functions take a `Settings` so that tests and
air-gapped users can point every source at another server.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from checks.errors import ConfigError

#: Default base URL (or URL prefix) of every public source; override with CHECKS_<NAME>_URL.
DEFAULT_SOURCE_URLS: dict[str, str] = {
    "dhl": "https://www.un.org/depts/dhl/resguide/",
    "undl": "https://digitallibrary.un.org/",
    "wikipedia": "https://en.wikipedia.org/w/api.php",
    "wikidata": "https://www.wikidata.org/w/api.php",
    "gdelt": "https://api.gdeltproject.org/api/v2/doc/doc",
    "factcheck": "https://factchecktools.googleapis.com/v1alpha1/claims:search",
}

#: How long a cached answer stays fresh, per source, in seconds. Past years of UN records never
#: change, so they are kept long; news searches go stale quickly.
DEFAULT_CACHE_SECONDS: dict[str, int] = {
    "dhl": 30 * 24 * 3600,
    "undl": 30 * 24 * 3600,
    "wikipedia": 7 * 24 * 3600,
    "wikidata": 7 * 24 * 3600,
    "gdelt": 24 * 3600,
    "factcheck": 24 * 3600,
}

DEFAULT_REVIEW_STATUSES: tuple[str, ...] = (
    "Unreviewed",
    "Verified",
    "False",
    "Misleading",
    "Unverifiable",
    "Needs work",
)

DATA_DIR = Path(os.path.expanduser("~")) / ".cache" / "checks"


@dataclass(frozen=True)
class Settings:
    """Everything configurable; defaults are sensible for one journalist on a laptop."""

    contact: str = "factcheck-workbench-user@example.invalid"
    connect_timeout: float = 5.0
    read_timeout: float = 20.0
    retries: int = 3
    backoff: float = 0.5
    max_per_host: int = 4
    offline: bool = False
    cache_path: str = str(DATA_DIR / "http_cache.sqlite")
    store_url: str = f"sqlite:///{DATA_DIR / 'reviews.sqlite'}"
    max_chars: int = 200_000
    factcheck_api_key: str = ""
    review_statuses: tuple[str, ...] = DEFAULT_REVIEW_STATUSES
    source_urls: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_SOURCE_URLS))
    cache_seconds: Mapping[str, int] = field(default_factory=lambda: dict(DEFAULT_CACHE_SECONDS))
    spacy_model: str = ""  # empty: the best English model installed
    # Where the fact checks are published: the ClaimReview `url` of a review is this base URL
    # with "?review=ID" (or with "{review}" replaced); empty leaves `url` out.
    publisher_url: str = ""
    publisher_name: str = ""  # the ClaimReview `author` (an Organization) when set

    @property
    def user_agent(self) -> str:
        # Wikimedia asks for a descriptive agent with a way to reach the operator.
        return f"checks-workbench/0.1 (fact-checking workbench; contact: {self.contact})"

    def url(self, source: str) -> str:
        try:
            return self.source_urls[source]
        except KeyError:
            known = ", ".join(sorted(self.source_urls))
            raise ConfigError(f"No URL configured for source {source!r}; known: {known}") from None

    def with_(self, **changes: Any) -> Settings:
        return replace(self, **changes)

    @classmethod
    def from_mapping(cls, env: Mapping[str, Any]) -> Settings:
        """Read `CHECKS_*` keys (environment or a flat secrets table); unknown keys are ignored."""

        def get(name: str) -> Any:
            value = env.get(f"CHECKS_{name}")
            return None if value is None or value == "" else value

        changes: dict[str, Any] = {}
        for name, kind in (
            ("CONTACT", str),
            ("CONNECT_TIMEOUT", float),
            ("READ_TIMEOUT", float),
            ("RETRIES", int),
            ("BACKOFF", float),
            ("MAX_PER_HOST", int),
            ("CACHE_PATH", str),
            ("STORE_URL", str),
            ("MAX_CHARS", int),
            ("FACTCHECK_API_KEY", str),
            ("SPACY_MODEL", str),
            ("PUBLISHER_URL", str),
            ("PUBLISHER_NAME", str),
        ):
            raw = get(name)
            if raw is None:
                continue
            try:
                changes[name.lower()] = kind(raw)
            except (TypeError, ValueError):
                raise ConfigError(f"CHECKS_{name}={raw!r} is not a valid {kind.__name__}") from None
        offline = get("OFFLINE")
        if offline is not None:
            changes["offline"] = str(offline).strip().lower() in {"1", "true", "yes", "on"}
        statuses = get("REVIEW_STATUSES")
        if statuses:
            items = statuses if isinstance(statuses, list | tuple) else str(statuses).split(",")
            changes["review_statuses"] = tuple(s.strip() for s in items if str(s).strip())
        urls = dict(DEFAULT_SOURCE_URLS)
        for source in DEFAULT_SOURCE_URLS:
            override = get(f"{source.upper()}_URL")
            if override:
                urls[source] = str(override)
        changes["source_urls"] = urls
        return cls(**changes)

    @classmethod
    def from_env(cls) -> Settings:
        return cls.from_mapping(os.environ)
