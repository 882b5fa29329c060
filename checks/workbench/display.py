"""How the workbench shows things: escaped labels and HTML, history lines, report files.

Untrusted text (articles, notes, evidence) only reaches the page through these escapes.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from checks.config import Settings
from checks.models import VERDICT_LABELS, Claim
from checks.reports import (
    claimreview_findings,
    to_claimreview,
    to_csv,
    to_html,
    to_json,
    to_markdown,
    to_pdf,
    verdict_colour,
)
from checks.reports.common import ReportSource
from checks.reports.markdown import md_escape
from checks.store import UNREVIEWED, ReviewBundle, ReviewSummary
from checks.workbench.core import BADGE_COLOURS, UNCHECKED, shorten, verdict_title
from checks.workbench.wording import source_name

#: One plain sentence per verdict, under its badge: what the colour means for the reader.
VERDICT_MEANINGS: dict[str, str] = {
    "supported": "The records agree with the article.",
    "contradicted": "The records say something different from the article.",
    "partly_supported": "The records agree with part of it; see what differs below.",
    "not_found": "Nothing matching was found in the records searched. That is not evidence "
    "that the claim is false.",
    "unverifiable": "The public records used here cannot settle this; check it another way.",
    "source_unavailable": "A source could not be reached. This says nothing about the claim; "
    "check again later.",
    UNCHECKED: "Not checked yet.",
}

# -- display helpers -------------------------------------------------------------------------


def label_escape(text: str) -> str:
    """Literal text for a Streamlit Markdown label: no emphasis, links, images, directives,
    LaTeX or HTML (people's text is shown as text, never rendered)."""
    return md_escape(text).replace("$", "\\$").replace(":", "\\:")


def evidence_source(source_id: str) -> str:
    """The evidence's source by the name people know, escaped for Markdown."""
    return label_escape(source_name(source_id))


def panel_label(claim: Claim, label: str, status: str, dismissed: bool = False) -> str:
    """An expander title: coloured verdict badge, type, the claim, and the review status."""
    badge = f":{BADGE_COLOURS.get(label, 'gray')}-badge[{verdict_title(label)}]"
    who = "" if status == UNREVIEWED else f" · **{label_escape(status)}**"
    gone = " · dismissed" if dismissed else ""
    return f"{badge} `{claim.type}` {label_escape(shorten(claim.text))}{who}{gone}"


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def badge_html(label: str) -> str:
    """A verdict badge in the report's colours (escaped, safe for unsafe_allow_html)."""
    c = verdict_colour(None if label == UNCHECKED else label)
    return (
        f'<span style="background:{c.background};color:#1a1a1a;border:2px {c.border} {c.colour};'
        'padding:0 7px;border-radius:4px;font-weight:600;font-size:0.85rem;white-space:nowrap">'
        f"{_esc(verdict_title(label))}</span>"
    )


def sentence_html(claim: Claim, label: str) -> str:
    """The claim's sentence, escaped, with the claim itself marked in its verdict's colour."""
    sentence = claim.sentence or claim.text
    lo = claim.start - claim.sentence_start
    if not (lo >= 0 and sentence[lo : lo + len(claim.text)] == claim.text):
        lo = sentence.find(claim.text)
    c = verdict_colour(None if label == UNCHECKED else label)
    style = f"background:{c.background};border-bottom:3px {c.border} {c.colour};color:inherit"
    if lo < 0 or not claim.text:
        return _esc(sentence)
    hi = lo + len(claim.text)
    return (
        f'{_esc(sentence[:lo])}<mark style="{style}">{_esc(sentence[lo:hi])}</mark>'
        f"{_esc(sentence[hi:])}"
    )


def legend_html() -> str:
    """One chip per verdict, so the highlight colours can be read without guessing."""
    chips = []
    for label in (*VERDICT_LABELS, UNCHECKED):
        c = verdict_colour(None if label == UNCHECKED else label)
        chips.append(
            f'<span style="background:{c.background};border-bottom:3px {c.border} {c.colour};'
            'padding:0 6px;margin-right:6px;white-space:nowrap">'
            f"{_esc(verdict_title(label))}</span>"
        )
    return " ".join(chips)


def review_option(summary: ReviewSummary, checking: str = "") -> str:
    """How a review is listed in the sidebar: name (as text, never Markdown), progress, id,
    and what its check is doing, e.g. 'checking 5/22'."""
    progress = f"{summary.reviewed_count}/{summary.claim_count} reviewed"
    busy = f" · {checking}" if checking else ""
    return f"{label_escape(shorten(summary.name, 40))} · {progress} · #{summary.id}{busy}"


def meta_line(review_id: int, meta_date: str | None, source: str) -> str:
    """'Review #3 · published 2020-10-18 · Press TV' (plain text: show it with `text_html`)."""
    bits = [f"Review #{review_id}"]
    if meta_date:
        bits.append(f"published {meta_date}")
    if source:
        bits.append(source)
    return " · ".join(bits)


def text_html(text: str, tag: str = "span", style: str = "") -> str:
    """People's text as HTML text: escaped, so no Markdown, link, image or tag in it is ever
    rendered (Markdown escapes still let bare URLs become links)."""
    styled = f' style="{_esc(style)}"' if style else ""
    return f"<{tag}{styled}>{_esc(text)}</{tag}>"


def parse_review_id(value: object) -> int | None:
    """The ?review= query parameter as an id; anything else (typo, junk) is ignored."""
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return number if number > 0 else None


# -- history ---------------------------------------------------------------------------------

_FIELD_NAMES = {
    "status": "status",
    "note": "note",
    "dismissed": "dismissed",
    "verdict": "verdict",
    "claim": "added claim",
    "review": "created review",
    "name": "renamed",
    "title": "title",
    "source": "outlet",
    "url": "URL",
    "date": "publication date",
}


def history_frame(bundle: ReviewBundle, claim_id: str | None = None) -> pd.DataFrame:
    """Who changed what and when, newest first (optionally for one claim); the claim column
    shows the claim's words, not its internal id."""
    words = {c.id: shorten(c.text, 60) for c in bundle.claims}
    rows = [
        {
            "when (UTC)": str(h["at"])[:19].replace("T", " "),
            "who": h["who"] or "—",
            "claim": words.get(h["claim_id"], h["claim_id"] or ""),
            "change": _FIELD_NAMES.get(h["field"], h["field"])
            + (" (not saved: conflict)" if h.get("outcome") == "conflict" else ""),
            "from": h["old_value"] if h["old_value"] is not None else "",
            "to": h["new_value"] if h["new_value"] is not None else "",
        }
        for h in reversed(bundle.history)
        if claim_id is None or h["claim_id"] == claim_id
    ]
    return pd.DataFrame(rows, columns=["when (UTC)", "who", "claim", "change", "from", "to"])


def last_change(bundle: ReviewBundle, claim_id: str) -> str:
    """One line on the claim's latest human change, e.g. 'Verified by Ann, 2020-10-18 12:03 UTC'
    (plain text: show it with `text_html`)."""
    for h in reversed(bundle.history):
        if (
            h["claim_id"] == claim_id
            and h["field"] in ("status", "note", "dismissed", "claim")
            and h.get("outcome", "saved") == "saved"
        ):
            when = str(h["at"])[:16].replace("T", " ")
            what = {
                "status": f"status set to {h['new_value']}",
                "note": "note edited",
                "dismissed": "dismissed" if h["new_value"] == "true" else "restored",
                "claim": "added",
            }[h["field"]]
            who = h["who"] or "anonymous"
            return f"Last change: {what} by {who}, {when} UTC"
    return ""


# -- reports ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportFile:
    """One download: button label, file name, MIME type, and how to build its bytes."""

    label: str
    file_name: str
    mime: str
    build: Callable[[], bytes]


def slug(text: str, limit: int = 48) -> str:
    words = re.findall(r"[a-z0-9]+", text.lower())
    out = "-".join(words)[:limit].strip("-")
    return out or "review"


def report_basename(bundle: ReviewBundle) -> str:
    """e.g. 'factcheck-3-russia-says-it-will-continue-military' (id keeps names unique)."""
    return f"factcheck-{bundle.id}-{slug(bundle.meta.title or bundle.name)}"


def _utf8(text: str) -> bytes:
    return text.encode("utf-8")


def report_files(
    bundle: ReviewBundle,
    load: Callable[[], ReportSource] | None = None,
    settings: Settings | None = None,
) -> list[ReportFile]:
    """The six reports; `load` re-reads the review at download time, so marks made after the
    page was drawn are in the file (defaults to this bundle). ClaimReview names the publisher
    from the settings (CHECKS_PUBLISHER_URL, CHECKS_PUBLISHER_NAME)."""
    get = load or (lambda: bundle)
    publisher = publisher_of(settings)
    base = report_basename(bundle)
    return [
        ReportFile("Markdown", f"{base}.md", "text/markdown", lambda: _utf8(to_markdown(get()))),
        ReportFile("HTML", f"{base}.html", "text/html", lambda: _utf8(to_html(get()))),
        ReportFile("PDF", f"{base}.pdf", "application/pdf", lambda: to_pdf(get())),
        ReportFile("CSV", f"{base}.csv", "text/csv", lambda: to_csv(get())),
        ReportFile("JSON", f"{base}.json", "application/json", lambda: _utf8(to_json(get()))),
        ReportFile(
            "ClaimReview",
            f"{base}.claimreview.jsonld",
            "application/ld+json",
            lambda: _utf8(to_claimreview(get(), **publisher)),
        ),
    ]


def publisher_of(settings: Settings | None) -> dict[str, str]:
    """The ClaimReview publisher arguments (empty strings without settings)."""
    if settings is None:
        return {"publisher_url": "", "publisher_name": ""}
    return {"publisher_url": settings.publisher_url, "publisher_name": settings.publisher_name}


def claimreview_notes(bundle: ReviewBundle, settings: Settings | None) -> list[str]:
    """What search engines would object to in the ClaimReview file, each problem once
    (e.g. no review page URL until CHECKS_PUBLISHER_URL is set)."""
    found = claimreview_findings(bundle, **publisher_of(settings))
    return list(dict.fromkeys(f.message for items in found.values() for f in items))
