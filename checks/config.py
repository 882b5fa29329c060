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
    # The Sciences Po votes database: the full URL of the CSV, pinned to a commit.
    "votesdb": "https://raw.githubusercontent.com/AtelierCartographie/bd-unsc/"
    "a7e64be044f60e33fb46e8d6dc228720be9ec9a2/src/lib/data/"
    "Clean%20BD%20pour%20export%20%E2%80%93%20UNSC%20votes%201946-2025.csv",
    # Not fetched: the prefix of links to UN documents ("S/RES/2231(2015)", "S/PV.7488").
    "docs": "https://docs.un.org/en/",
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
    "votesdb": 90 * 24 * 3600,  # a file pinned to one commit: it never changes
}

#: Largest answer read from each source, in bytes (decompressed); anything larger is cut off,
#: reported as the source's error and never cached. Unlisted sources (the votes CSV, ...) get
#: DEFAULT_MAX_BODY. Override with CHECKS_<SOURCE>_MAX_MB.
DEFAULT_MAX_BODY = 20 * 1024 * 1024
DEFAULT_MAX_BODIES: dict[str, int] = {
    "dhl": 20 * 1024 * 1024,
    "undl": 20 * 1024 * 1024,
    "wikipedia": 5 * 1024 * 1024,
    "wikidata": 5 * 1024 * 1024,
    "gdelt": 5 * 1024 * 1024,
    "factcheck": 2 * 1024 * 1024,
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
    cache_url: str = ""  # empty: the SQLite file above; redis://host:6379/0 to share one cache
    teams: str = ""  # with sign-in: "team: domain, address; team: ..." (checks.auth)
    store_url: str = f"sqlite:///{DATA_DIR / 'reviews.sqlite'}"
    max_chars: int = 200_000
    factcheck_api_key: str = ""
    review_statuses: tuple[str, ...] = DEFAULT_REVIEW_STATUSES
    source_urls: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_SOURCE_URLS))
    cache_seconds: Mapping[str, int] = field(default_factory=lambda: dict(DEFAULT_CACHE_SECONDS))
    spacy_model: str = ""  # empty: the best English model installed
    request_deadline: float = 60.0  # one request, retries and body included
    article_deadline: float = 180.0  # all lookups of one article
    max_bodies: Mapping[str, int] = field(default_factory=lambda: dict(DEFAULT_MAX_BODIES))
    redirect_hosts: tuple[str, ...] = ()  # hosts a source may redirect to besides its own
    extract_seconds: float = 60.0  # extraction budget per article (checks.guard)
    extract_workers: int = 1  # extraction worker processes shared by all sessions
    extract_memory_mb: int = 0  # address-space limit of a worker; 0 = none
    # Where the fact checks are published: the ClaimReview `url` of a review is this base URL
    # with "?review=ID" (or with "{review}" replaced); empty leaves `url` out.
    publisher_url: str = ""
    publisher_name: str = ""  # the ClaimReview `author` (an Organization) when set

    @property
    def user_agent(self) -> str:
        # Wikimedia asks for a descriptive agent with a way to reach the operator.
        return f"checks-workbench/0.1 (fact-checking workbench; contact: {self.contact})"

    def body_cap(self, source: str) -> int:
        return int(self.max_bodies.get(source, DEFAULT_MAX_BODY))

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
            ("CACHE_URL", str),
            ("TEAMS", str),
            ("STORE_URL", str),
            ("MAX_CHARS", int),
            ("FACTCHECK_API_KEY", str),
            ("SPACY_MODEL", str),
            ("REQUEST_DEADLINE", float),
            ("ARTICLE_DEADLINE", float),
            ("EXTRACT_SECONDS", float),
            ("EXTRACT_WORKERS", int),
            ("EXTRACT_MEMORY_MB", int),
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
        bodies = dict(DEFAULT_MAX_BODIES)
        for source in {*DEFAULT_SOURCE_URLS, *DEFAULT_MAX_BODIES}:
            raw_mb = get(f"{source.upper()}_MAX_MB")
            if raw_mb is not None:
                try:
                    bodies[source] = int(float(raw_mb) * 1024 * 1024)
                except ValueError:
                    raise ConfigError(
                        f"CHECKS_{source.upper()}_MAX_MB={raw_mb!r} is not a number"
                    ) from None
        changes["max_bodies"] = bodies
        hosts = get("REDIRECT_HOSTS")
        if hosts:
            items = hosts if isinstance(hosts, list | tuple) else str(hosts).split(",")
            changes["redirect_hosts"] = tuple(h.strip().lower() for h in items if str(h).strip())
        return cls(**changes)

    @classmethod
    def from_env(cls) -> Settings:
        return cls.from_mapping(os.environ)
