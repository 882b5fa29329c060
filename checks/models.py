"""Domain records shared by extraction, sources, verdicts, the review store and reports.

Plain dataclasses so that every layer can be tested without Streamlit or the network, and so
that the JSON document of the command line is a direct dump of these objects.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

ClaimType = Literal["resolution", "vote", "date", "number", "quote", "role"]
CLAIM_TYPES: tuple[str, ...] = ("resolution", "vote", "date", "number", "quote", "role")

VerdictLabel = Literal[
    "supported",
    "contradicted",
    "partly_supported",
    "not_found",
    "unverifiable",
    "source_unavailable",
]
VERDICT_LABELS: tuple[str, ...] = (
    "supported",
    "contradicted",
    "partly_supported",
    "not_found",
    "unverifiable",
    "source_unavailable",
)
#: Labels that settle a claim; each needs at least one compared record as evidence.
DECISIVE_LABELS: frozenset[str] = frozenset({"supported", "contradicted", "partly_supported"})


@dataclass
class Claim:
    """One checkable statement, located by character offsets into the article as read."""

    id: str
    type: str
    start: int
    end: int
    text: str
    sentence: str
    value: dict[str, Any] = field(default_factory=dict)
    sentence_start: int = 0
    origin: str = "extractor"  # "extractor" or "reviewer" (added by hand)
    # Where the claim hangs in the sentence's parse, so rules can tell whether a date belongs
    # to the resolution beside it: the root token, its ancestors, and the verb governing it.
    root: int = field(default=-1, compare=False, repr=False)
    heads: tuple[int, ...] = field(default=(), compare=False, repr=False)
    governor: str = field(default="", compare=False, repr=False)
    # What the claim belongs to, computed once at extraction (checks/extract/links.py) so that
    # rules never re-parse the article: "resolution", "dates", "time", "tense", "outcome", "body"...
    # (schema in notes/decisions_interface.md).
    links: dict[str, Any] = field(default_factory=dict, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "sentence": self.sentence,
            "value": self.value,
            "links": self.links,
        }


@dataclass(frozen=True)
class Evidence:
    """A record a verdict relied on; `raw` keeps the payload excerpt for audit, not for JSON."""

    source: str
    title: str
    url: str
    excerpt: str
    retrieved_at: str  # ISO 8601, UTC
    raw: Any = field(default=None, compare=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "title": self.title,
            "url": self.url,
            "excerpt": self.excerpt,
            "retrieved_at": self.retrieved_at,
        }


@dataclass
class Verdict:
    """What the records say about one claim, why, and which rule (and version) decided."""

    label: str
    explanation: str
    evidence: list[Evidence] = field(default_factory=list)
    rule: str = ""
    rule_version: str = ""
    claimed: str | None = None  # the article's value, in words
    found: str | None = None  # the record's value, in words
    retryable: bool = False  # True when a source could not be reached
    # A stable code for why (e.g. "vote.counts_match", "vote.link_ambiguous"): tests and tools
    # read this, not the explanation's wording.
    reason: str = ""
    # The decision a vote/resolution/date claim was linked to, and the runner-up when it was
    # close: {"decision": {...}, "runner_up": {...}, "confidence": float, "why": [...]}.
    decision: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "explanation": self.explanation,
            "evidence": [e.to_dict() for e in self.evidence],
            "rule": self.rule,
            "rule_version": self.rule_version,
            "claimed": self.claimed,
            "found": self.found,
            "reason": self.reason,
            "decision": self.decision,
        }


@dataclass
class Review:
    """A reviewer's mark on one claim; persisted the moment it changes."""

    claim_id: str
    status: str = "Unreviewed"
    note: str = ""
    reviewer: str = ""
    updated_at: str = ""
    dismissed: bool = False


@dataclass
class ArticleMeta:
    """What the reviewer knows about the article itself."""

    date: str | None = None  # YYYY-MM-DD, used to resolve relative dates
    title: str = ""
    source: str = ""
    url: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
