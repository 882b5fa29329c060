"""A Markdown report, readable as plain text and safe to render (untrusted text is escaped)."""

from __future__ import annotations

import re

from checks.reports.common import (
    ClaimRow,
    ReportSource,
    Summary,
    claim_rows,
    one_line,
    report_time,
    safe_link,
    summarise,
    verdict_colour,
)
from checks.reports.sources_display import attributions, source_attribution, source_name

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
        source = f" ({md_escape(source_name(evidence.source))})" if evidence.source else ""
        lines.append(f"  - Evidence: {md_link(evidence.url, evidence.title)}{source}")
        credit = source_attribution(evidence.source)
        if credit:
            lines.append(f"    - Source: {md_escape(credit)}")
    who = f" by {md_escape(review.reviewer)}" if review.reviewer else ""
    when = f", {md_escape(review.updated_at)}" if review.updated_at else ""
    lines.append(f"- **Reviewer status:** {md_escape(row.status)}{who}{when}")
    if review.note:
        lines.append(f"- **Note:** {md_escape(review.note)}")
    if row.dismissed:
        lines.append("- **Dismissed** by the reviewer (not a claim).")
    lines.append("")
    return lines


def summary_line(summary: Summary) -> str:
    """e.g. "6 claims, 1 dismissed (not counted below). Automatic verdicts: ... ." """
    dismissed = f", {summary.dismissed} dismissed (not counted below)" if summary.dismissed else ""
    verdicts = ", ".join(f"{k}: {v}" for k, v in summary.verdicts.items()) or "none"
    statuses = ", ".join(f"{md_escape(k)}: {v}" for k, v in summary.statuses.items()) or "none"
    return (
        f"{summary.total} claims{dismissed}. Automatic verdicts: {verdicts}. "
        f"Reviewer statuses: {statuses}."
    )


def to_markdown(source: ReportSource, *, generated_at: str | None = None) -> str:
    """Metadata, a summary, then one section per claim with verdict, evidence links and review."""
    meta, rows = source.meta, claim_rows(source)
    title = meta.title or getattr(source, "name", "") or "Fact-check report"
    lines = [
        f"# {md_escape(title)}",
        "",
        f"- **Source:** {md_escape(meta.source) or 'unknown'}",
        f"- **Published:** {md_escape(meta.date or 'unknown')}",
        f"- **URL:** {md_link(meta.url) if meta.url else 'none'}",
        f"- **Characters:** {len(source.text)}",
        f"- **Report generated:** {md_escape(report_time(source, generated_at))}",
        "",
        summary_line(summarise(rows)),
        "",
        "## Claims",
        "",
    ]
    for row in rows:
        lines.extend(_claim_section(row))
    cited = (e.source for r in rows for e in (r.verdict.evidence if r.verdict else []))
    credits = attributions(cited)
    if credits:
        lines.extend(["## Sources", ""])
        lines.extend(f"- {md_escape(name)}: {md_escape(credit)}" for name, credit in credits)
    return "\n".join(lines).rstrip() + "\n"
