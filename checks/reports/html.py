"""A self-contained HTML report, and the highlighted article view the UI reuses.

Article text, claims, notes and evidence all come from outside (pasted articles, public APIs):
every piece is escaped with `html.escape`, links are kept only for http(s) URLs, and the page
carries a Content-Security-Policy that forbids scripts in case anything slipped through.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Collection, Mapping, Sequence

from checks.models import Claim, Review, Verdict
from checks.reports.common import (
    SEVERITY,
    UNCHECKED_COLOUR,
    VERDICT_COLOURS,
    ClaimRow,
    ReportSource,
    claim_rows,
    human_time,
    report_time,
    safe_link,
    summarise,
    verdict_colour,
)
from checks.reports.sources_display import attributions, source_attribution, source_name

_CSS = """
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;
max-width:72rem;margin:2rem auto;padding:0 1rem;overflow-wrap:anywhere}
h1{font-size:1.6rem;margin-bottom:.25rem}h2{font-size:1.2rem;margin-top:2rem}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}
dl.meta dt{font-weight:600}dl.meta dd{margin:0}
.article{white-space:pre-wrap;border:1px solid #ddd;padding:1rem;border-radius:4px}
mark{color:inherit;padding:0}
.legend span{display:inline-block;margin:0 .5rem .3rem 0;padding:0 .4rem}
table{border-collapse:collapse;width:100%;font-size:.9rem;table-layout:fixed}
th,td{border:1px solid #ccc;padding:.3rem .4rem;vertical-align:top;text-align:left;
overflow-wrap:anywhere;word-break:break-word;hyphens:auto}
th{background:#f5f5f5}tr.dismissed td{color:#777;text-decoration:line-through}
.badge{display:inline-block;max-width:100%;padding:0 .35rem;border-radius:3px;font-weight:600}
footer{margin-top:2rem;color:#666;font-size:.85rem}
@media print{body{max-width:none;margin:0}table{font-size:.7rem}}
"""
_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _shorten(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def _style(label: str | None) -> str:
    c = verdict_colour(label)
    return f"background:{c.background};border-bottom:3px {c.border} {c.colour}"


def _link(url: str, text: str | None = None) -> str:
    target = safe_link(url)
    shown = _e(text or url)
    if target is None:
        return shown
    return f'<a href="{_e(target)}" rel="noopener noreferrer">{shown}</a>'


def _mark(
    piece: str,
    covering: Sequence[Claim],
    verdicts: Mapping[str, Verdict],
    marks: Mapping[str, Review],
) -> str:
    labels = [verdicts[c.id].label if c.id in verdicts else None for c in covering]
    known = [x for x in labels if x in VERDICT_COLOURS]
    worst = min(known, key=SEVERITY.index) if known else None
    notes = []
    for claim, label in zip(covering, labels, strict=True):
        words = verdict_colour(label).label
        why = verdicts[claim.id].explanation if claim.id in verdicts else ""
        words += f" - {_shorten(why)}" if why else ""
        status = marks[claim.id].status if claim.id in marks else ""
        extra = f"; reviewer: {status}" if status else ""
        # For a reader: the claim's type and the verdict in words, never an internal id.
        notes.append(f"{claim.type.capitalize()} claim: {words}{extra}")
    ids = " ".join(c.id for c in covering)
    return (
        f'<mark class="claim" data-claims="{_e(ids)}" title="{_e(" | ".join(notes))}" '
        f'style="{_style(worst)}">{piece}</mark>'
    )


def highlight_html(
    text: str,
    claims: Sequence[Claim],
    verdicts: Mapping[str, Verdict],
    *,
    marks: Mapping[str, Review] | None = None,
    dismissed: Collection[str] = (),
) -> str:
    """The escaped article with every claim inside a `<mark>` coloured by its verdict.

    Overlapping spans are cut at every span edge into pieces that never nest: each piece is one
    `<mark>` naming all the claims that cover it, in the colour of the most severe verdict. Spans
    out of range are clipped; dismissed claims are not highlighted. Wrap the result in an element
    with `white-space: pre-wrap` to keep the article's line breaks.
    """
    size = len(text)
    spans = []
    for claim in claims:
        start, end = max(0, min(claim.start, size)), max(0, min(claim.end, size))
        if start < end and claim.id not in dismissed:
            spans.append((start, end, claim))
    edges = sorted({0, size, *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    out = []
    for left, right in itertools.pairwise(edges):
        piece = html.escape(text[left:right], quote=True)
        covering = [c for s, e, c in spans if s <= left and right <= e]
        out.append(_mark(piece, covering, verdicts, marks or {}) if covering else piece)
    return "".join(out)


def _legend() -> str:
    items = [*VERDICT_COLOURS.items(), ("", UNCHECKED_COLOUR)]
    spans = [
        f'<span style="{_style(label or None)}">{_e(colour.label)}</span>'
        for label, colour in items
    ]
    return f'<p class="legend">{"".join(spans)}</p>'


def _badge(label: str | None) -> str:
    c = verdict_colour(label)
    style = f"background:{c.background};border:2px {c.border} {c.colour}"
    return f'<span class="badge" style="{style}">{_e(c.label)}</span>'


def _claim_row_html(row: ClaimRow) -> str:
    claim, verdict, review = row.claim, row.verdict, row.review
    evidence = "<br>".join(
        _link(e.url, e.title or e.url)
        + (f" ({_e(source_name(e.source))})" if e.source else "")
        + (
            f"<br><small>{_e(source_attribution(e.source))}</small>"
            if source_attribution(e.source)
            else ""
        )
        for e in (verdict.evidence if verdict else [])
    )
    added = "<br><small>added by the reviewer</small>" if claim.origin == "reviewer" else ""
    when = ""
    if review.updated_at:
        when = (
            f'<time datetime="{_e(review.updated_at)}">{_e(human_time(review.updated_at))}</time>'
        )
    cells = [
        _e(claim.id) + added,
        _e(claim.type),
        _e(claim.text),
        _badge(verdict.label if verdict else None),
        _e(verdict.explanation if verdict else ""),
        evidence,
        _e(row.status) + ("<br><em>dismissed</em>" if row.dismissed else ""),
        _e(review.note),
        _e(review.reviewer),
        when,
    ]
    css = ' class="dismissed"' if row.dismissed else ""
    return f"<tr{css}>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"


#: Column headings and widths (fixed layout: long cells wrap instead of widening the page).
_HEADERS: tuple[tuple[str, str], ...] = (
    ("Claim", "6%"),
    ("Type", "8%"),
    ("Text", "12%"),
    ("Verdict", "12%"),
    ("Explanation", "15%"),
    ("Evidence", "15%"),
    ("Status", "9%"),
    ("Note", "7%"),
    ("Reviewer", "8%"),
    ("Reviewed", "8%"),
)


def to_html(source: ReportSource, *, generated_at: str | None = None) -> str:
    """A whole page (inline CSS, no scripts, no external files) to save, mail or print."""
    meta, rows = source.meta, claim_rows(source)
    when = report_time(source, generated_at)
    title = meta.title or getattr(source, "name", "") or "Fact-check report"
    details = [("Source", _e(meta.source)), ("Published", _e(meta.date or "unknown"))]
    details += [("URL", _link(meta.url) if meta.url else ""), ("Report generated", _e(when))]
    counts = summarise(rows)
    summary = ", ".join(f"{_e(k)}: {v}" for k, v in counts.verdicts.items())
    statuses = ", ".join(f"{_e(k)}: {v}" for k, v in counts.statuses.items())
    dismissed = f", {counts.dismissed} dismissed (not counted)" if counts.dismissed else ""
    cited = (e.source for r in rows for e in (r.verdict.evidence if r.verdict else []))
    credits = "".join(f"<li>{_e(name)}: {_e(credit)}</li>" for name, credit in attributions(cited))
    article = highlight_html(
        source.text, source.claims, source.verdicts, marks=source.marks, dismissed=source.dismissed
    )
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title><style>{_CSS}</style></head><body>",
        f"<header><h1>{_e(title)}</h1><dl class='meta'>",
        *(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in details),
        "</dl></header>",
        (
            f"<p>{len(rows)} claims{dismissed}. Automatic verdicts: {summary or 'none'}. "
            f"Reviewer statuses: {statuses or 'none'}.</p>"
        ),
        "<h2>Article</h2>",
        _legend(),
        f'<div class="article">{article}</div>',
        "<h2>Claims</h2>",
        '<div class="table"><table><colgroup>',
        *(f'<col style="width:{w}">' for _, w in _HEADERS),
        "</colgroup><thead><tr>",
        *(f"<th>{h}</th>" for h, _ in _HEADERS),
        "</tr></thead><tbody>",
        *(_claim_row_html(r) for r in rows),
        "</tbody></table></div>",
        f"<h2>Sources</h2><ul>{credits}</ul>" if credits else "",
        (
            f"<footer>Generated {_e(when)} by the fact-checking workbench. Automatic verdicts "
            "compare the article with public records; the reviewer's status is the human "
            "judgement.</footer>"
        ),
        "</body></html>",
    ]
    return "\n".join(parts)
