"""A Markdown report, readable as plain text and safe to render (untrusted text is escaped)."""

from __future__ import annotations

import re
from collections import Counter

from checks.reports.common import (
    ClaimRow,
    ReportSource,
    claim_rows,
    one_line,
    report_time,
    safe_link,
    verdict_colour,
)

# Characters that would start emphasis, links, raw HTML, tables or headings in CommonMark.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")


def md_escape(text: str) -> str:
    """One line of literal text: Markdown syntax and HTML tags are shown, never interpreted."""
    return _SPECIAL.sub(r"\\\1", one_line(text))


def md_link(url: str, title: str = "") -> str:
    target = safe_link(url)
    if target is None:  # no link (a calendar fact) or an unsafe one: plain text, never a link
        return md_escape(url or title)
    target = target.replace(" ", "%20").replace("<", "%3C").replace(">", "%3E")
    return f"[{md_escape(title or url)}](<{target}>)"


def _claim_section(row: ClaimRow) -> list[str]:
    claim, verdict, review = row.claim, row.verdict, row.review
    words = verdict_colour(verdict.label if verdict else None).label
    lines = [f"### {md_escape(claim.id)} · {md_escape(claim.type)} · {words}", ""]
    lines.append(f"> {md_escape(claim.text)}")
    lines.append("")
    if claim.sentence and claim.sentence != claim.text:
        lines.append(f"- **Sentence:** {md_escape(claim.sentence)}")
    lines.append(f"- **Where:** characters {claim.start} to {claim.end}; origin: {claim.origin}")
    explanation = f" — {md_escape(verdict.explanation)}" if verdict and verdict.explanation else ""
    lines.append(f"- **Automatic verdict:** {words}{explanation}")
    for evidence in verdict.evidence if verdict else []:
        source = f" ({md_escape(evidence.source)})" if evidence.source else ""
        lines.append(f"  - Evidence: {md_link(evidence.url, evidence.title)}{source}")
    who = f" by {md_escape(review.reviewer)}" if review.reviewer else ""
    when = f", {md_escape(review.updated_at)}" if review.updated_at else ""
    lines.append(f"- **Reviewer status:** {md_escape(row.status)}{who}{when}")
    if review.note:
        lines.append(f"- **Note:** {md_escape(review.note)}")
    if row.dismissed:
        lines.append("- **Dismissed** by the reviewer (not a claim).")
    lines.append("")
    return lines


def to_markdown(source: ReportSource, *, generated_at: str | None = None) -> str:
    """Metadata, a summary, then one section per claim with verdict, evidence links and review."""
    meta, rows = source.meta, claim_rows(source)
    title = meta.title or getattr(source, "name", "") or "Fact-check report"
    by_verdict = Counter(verdict_colour(r.verdict.label if r.verdict else None).label for r in rows)
    by_status = Counter(r.status for r in rows if not r.dismissed)
    lines = [
        f"# {md_escape(title)}",
        "",
        f"- **Source:** {md_escape(meta.source) or 'unknown'}",
        f"- **Published:** {md_escape(meta.date or 'unknown')}",
        f"- **URL:** {md_link(meta.url) if meta.url else 'none'}",
        f"- **Characters:** {len(source.text)}",
        f"- **Report generated:** {md_escape(report_time(source, generated_at))}",
        "",
        f"{len(rows)} claims. Automatic verdicts: "
        + (", ".join(f"{k}: {v}" for k, v in sorted(by_verdict.items())) or "none")
        + ". Reviewer statuses: "
        + (", ".join(f"{md_escape(k)}: {v}" for k, v in sorted(by_status.items())) or "none")
        + ".",
        "",
        "## Claims",
        "",
    ]
    for row in rows:
        lines.extend(_claim_section(row))
    return "\n".join(lines).rstrip() + "\n"
