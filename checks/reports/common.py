"""What every report shares: the input shape, the verdict palette, one row per claim.

Reports are pure functions of a review (no database, no network), so the command line can build
them from a fresh check and the UI from a stored `ReviewBundle` alike.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, Protocol
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


#: A reviewer's status shown in the colour of the verdict it amounts to; statuses not listed
#: ("Needs work", custom ones) leave the automatic verdict's colour.
STATUS_COLOURS: dict[str, VerdictColour] = {
    "Verified": VERDICT_COLOURS["supported"],
    "False": VERDICT_COLOURS["contradicted"],
    "Misleading": VERDICT_COLOURS["partly_supported"],
    "Unverifiable": VERDICT_COLOURS["unverifiable"],
}


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
    #: What extraction said, as the command line prints it: the spaCy model and warnings.
    model: str | None = None
    warnings: list[str] = field(default_factory=list)
    #: The review's id where it has one (the ClaimReview `url` is built from it).
    id: int | str | None = None


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

    @property
    def colour(self) -> VerdictColour:
        """The person's judgement once there is one, else the automatic verdict."""
        if self.status in STATUS_COLOURS:
            return STATUS_COLOURS[self.status]
        return verdict_colour(self.verdict.label if self.verdict else None)


def claim_rows(source: ReportSource) -> list[ClaimRow]:
    """Claims in reading order (then by id), dismissed ones included and flagged."""
    rows = []
    for claim in sorted(source.claims, key=lambda c: (c.start, c.end, c.id)):
        review = source.marks.get(claim.id) or Review(claim_id=claim.id)
        dismissed = claim.id in source.dismissed or review.dismissed
        rows.append(ClaimRow(claim, source.verdicts.get(claim.id), review, dismissed))
    return rows


@dataclass(frozen=True)
class Summary:
    """Counts for a report's summary line; dismissed claims are counted apart, never in the
    verdict or status tallies (they are not claims)."""

    total: int
    dismissed: int
    verdicts: dict[str, int]
    statuses: dict[str, int]


def summarise(rows: Sequence[ClaimRow]) -> Summary:
    kept = [r for r in rows if not r.dismissed]
    verdicts = Counter(verdict_colour(r.verdict.label if r.verdict else None).label for r in kept)
    statuses = Counter(r.status for r in kept)
    return Summary(
        len(rows),
        len(rows) - len(kept),
        dict(sorted(verdicts.items())),
        dict(sorted(statuses.items())),
    )


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


def human_time(value: str) -> str:
    """An ISO timestamp as people write it: "29 November 2026, 17:05 UTC" (a naive time is
    taken as UTC, which is what the store writes); a bare date as "2 May 2024"; anything
    unparsable is returned as it is."""
    text = (value or "").strip()
    if not text:
        return ""
    try:
        if len(text) == 10:
            day = date.fromisoformat(text)
            return f"{day.day} {day:%B %Y}"
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return text
    moment = moment.astimezone(UTC) if moment.tzinfo else moment
    return f"{moment.day} {moment:%B %Y, %H:%M} UTC"


def _finite(value: Any) -> Any:
    """A copy JSON can hold: NaN/Infinity (e.g. a 400-digit number read as float) and integers
    too long to print become null; unknown objects become their text."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, int):
        try:
            str(value)
        except ValueError:  # over Python's int-to-text digit limit
            return None
        return value
    if isinstance(value, Mapping):
        return {str(k): _finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_finite(v) for v in value]
    return str(value)


def dumps_json(value: Any, **options: Any) -> str:
    """`json.dumps` that never writes invalid JSON (no NaN or Infinity): values JSON cannot
    hold are replaced by null rather than failing the whole report."""
    options.setdefault("ensure_ascii", False)
    try:
        return json.dumps(value, allow_nan=False, **options)
    except (ValueError, TypeError):
        return json.dumps(_finite(value), allow_nan=False, **options)
