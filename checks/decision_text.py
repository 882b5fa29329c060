"""A Council decision in words and links: what it is about, its label in explanations, the
dict a panel shows, and its evidence (its own documents first, then every record behind it
with the source's credit line)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from checks.models import Evidence


def describe(d: Any) -> dict[str, Any]:
    return {
        "key": d.key,
        "outcome": d.outcome,
        "date": d.date.isoformat() if d.date else None,
        "title": subject(d),
        "vote": list(d.vote) if d.vote else None,
    }


def subject(d: Any) -> str:
    """What a decision is about, in words: its title (without a leading "on") and, when the
    title came from the votes database, the UN library's agenda item too."""
    title = re.sub(r"^on\s+", "", d.title or "")
    agenda = getattr(d, "agenda", "")
    return f"{title} ({agenda})" if agenda and agenda.lower() not in title.lower() else title


def label(d: Any) -> str:
    when = f"{d.date.day} {d.date:%B %Y}" if d.date else "an unknown date"
    disputed = (getattr(d, "disputes", None) or {}).get("date")
    if d.date is None and disputed:
        # the records disagree on the day: show both, decide on neither
        when = "date disputed: " + " or ".join(
            f"{f'{v.day} {v:%B %Y}' if isinstance(v, date) else v} ({k})"
            for k, v in disputed.items()
        )
    return f"{d.key} ({d.outcome}, {when})"


def decision_evidence(d: Any, excerpt: str = "") -> list[Evidence]:
    """The decision's own documents first (the resolution or draft, its meeting record: what a
    reader opens to confirm), then every record behind it, with the source's credit line. The
    documents are links, not fetched: they carry no retrieval time."""
    out = []
    label = "resolution" if getattr(d, "number", None) else "draft"
    for url, title in (
        (getattr(d, "document_url", None), f"{d.key}: the {label} itself"),
        (getattr(d, "meeting_url", None), f"{getattr(d, 'meeting', '') or ''}: meeting record"),
    ):
        if url:
            out.append(Evidence("un-documents", title, url, d.title[:500], ""))
    for s in d.sources:
        text = excerpt or s.excerpt
        if getattr(s, "attribution", ""):
            text = f"{text} ({s.attribution})"
        out.append(Evidence(s.source, s.title, s.url, text[:500], s.retrieved_at))
    return out
