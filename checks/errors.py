"""The project's own error types: nothing from `requests` or spaCy leaks past these."""

from __future__ import annotations


class CheckError(Exception):
    """Base of every error the workbench raises on purpose."""


class InputError(CheckError):
    """The pasted or uploaded text cannot be processed; the message is for the user."""


class ConfigError(CheckError):
    """A setting is missing or wrong; the message says how to fix it."""


class SourceError(CheckError):
    """A public source could not give an answer. Never a verdict about the claim."""

    def __init__(self, message: str, *, source: str = "", url: str = "") -> None:
        super().__init__(message)
        self.source = source
        self.url = url


class SourceTimeout(SourceError):
    """The source did not answer in time."""


class SourceUnavailable(SourceError):
    """Connection refused, DNS failure, 5xx after retries, or offline with nothing cached."""


class SourceRateLimited(SourceError):
    """HTTP 429 after retries; `retry_after` is in seconds when the server said."""

    def __init__(
        self, message: str, *, source: str = "", url: str = "", retry_after: float | None = None
    ) -> None:
        super().__init__(message, source=source, url=url)
        self.retry_after = retry_after


class SourceParseError(SourceError):
    """The source answered, but not in the format we know (truncated, HTML for JSON, ...)."""
