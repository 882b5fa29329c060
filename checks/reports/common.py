"""What every report shares: the input shape, the verdict palette, one row per claim.

Reports are pure functions of a review (no database, no network), so the command line can build
them from a fresh check and the UI from a stored `ReviewBundle` alike.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Protocol
from urllib.parse import urlsplit

from checks.models import ArticleMeta, Claim, Review, Verdict

UNREVIEWED = "Unreviewed"


@dataclass(frozen=True)
class VerdictColour:
    """How a verdict looks: a light `background` for highlights, a strong `colour` for badges,
    a border style and a `label`, so that colour is never the only cue."""

    background: str
    colour: str
    border: str
    label: str


#: Okabe-Ito palette (safe for the common colour-vision deficiencies); each label also differs
#: in border style and always comes with its words.
VERDICT_COLOURS: dict[str, VerdictColour] = {
    "supported": VerdictColour("#cce3f0", "#0072b2", "solid", "Supported"),
    "contradicted": VerdictColour("#f7d5bf", "#d55e00", "double", "Contradicted"),
    "partly_supported": VerdictColour("#fbf6c0", "#9e8a00", "dashed", "Partly supported"),
    "not_found": VerdictColour("#f2dce8", "#cc79a7", "dotted", "Not found"),
    "unverifiable": VerdictColour("#e6e6e6", "#666666", "dotted", "Unverifiable"),
    "source_unavailable": VerdictColour("#eeeeee", "#888888", "dashed", "Source unavailable"),
}
#: For a claim that has no verdict yet (extracted only, or added by a reviewer).
UNCHECKED_COLOUR = VerdictColour("#f3f3f3", "#999999", "solid", "Not checked")
#: When claim spans overlap, the piece covered by several shows the most alarming verdict.
SEVERITY: tuple[str, ...] = (
    "contradicted",
    "partly_supported",
    "not_found",
    "source_unavailable",
    "unverifiable",
    "supported",
)


def verdict_colour(label: str | None) -> VerdictColour:
    return VERDICT_COLOURS.get(label or "", UNCHECKED_COLOUR)


class ReportSource(Protocol):
    """Anything shaped like a stored review (`checks.store.ReviewBundle` is one)."""

    text: str
    meta: ArticleMeta
    claims: Sequence[Claim]
    verdicts: Mapping[str, Verdict]
    marks: Mapping[str, Review]
    dismissed: Collection[str]


@dataclass
class ReportInput:
    """A review not (yet) stored, e.g. straight from the command line."""

    text: str
    meta: ArticleMeta
    claims: list[Claim]
    verdicts: dict[str, Verdict] = field(default_factory=dict)
    marks: dict[str, Review] = field(default_factory=dict)
    dismissed: set[str] = field(default_factory=set)
    generated_at: str | None = None
    name: str = ""


@dataclass(frozen=True)
class ClaimRow:
    """One claim with everything said about it, automatic and human."""

    claim: Claim
    verdict: Verdict | None
    review: Review
    dismissed: bool

    @property
    def status(self) -> str:
        return self.review.status or UNREVIEWED

    @property
    def reviewed(self) -> bool:
        return self.status != UNREVIEWED and not self.dismissed

    @property
    def evidence_urls(self) -> list[str]:
        return [e.url for e in (self.verdict.evidence if self.verdict else []) if e.url]


def claim_rows(source: ReportSource) -> list[ClaimRow]:
    """Claims in reading order (then by id), dismissed ones included and flagged."""
    rows = []
    for claim in sorted(source.claims, key=lambda c: (c.start, c.end, c.id)):
        review = source.marks.get(claim.id) or Review(claim_id=claim.id)
        dismissed = claim.id in source.dismissed or review.dismissed
        rows.append(ClaimRow(claim, source.verdicts.get(claim.id), review, dismissed))
    return rows


def report_time(source: object, explicit: str | None = None) -> str:
    """The report's timestamp: given, else the source's, else now (UTC, ISO 8601)."""
    value = explicit or getattr(source, "generated_at", None)
    return value or datetime.now(UTC).isoformat(timespec="seconds")


def safe_link(url: str) -> str | None:
    """The URL if it is plain http(s); untrusted `javascript:` or `data:` links are not links."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def one_line(text: str) -> str:
    return " ".join(text.split())
