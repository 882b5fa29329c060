"""Reports of a review: Markdown, HTML, PDF, CSV, JSON and schema.org ClaimReview.

Every builder is a pure function of a `ReviewBundle`-like object (text, meta, claims, verdicts,
marks, dismissed; optional generated_at and name), so the UI, the command line and tests share
them. Each report carries the article's metadata, every claim with its automatic verdict, the
human status, note, reviewer and evidence links, and when it was generated.
"""

from __future__ import annotations

from checks.reports.claimreview import (
    RATING_VALUES,
    claim_reviews,
    claimreview_findings,
    to_claimreview,
)
from checks.reports.claimreview_schema import Finding, validate_claimreview
from checks.reports.common import (
    UNCHECKED_COLOUR,
    VERDICT_COLOURS,
    ClaimRow,
    ReportInput,
    ReportSource,
    VerdictColour,
    claim_rows,
    dumps_json,
    human_time,
    verdict_colour,
)
from checks.reports.data import CSV_COLUMNS, to_csv, to_dataframe, to_dict, to_json
from checks.reports.html import highlight_html, to_html
from checks.reports.markdown import to_markdown
from checks.reports.pdf import to_pdf
from checks.reports.sources_display import SOURCES_DISPLAY, source_attribution, source_name

__all__ = [
    "CSV_COLUMNS",
    "RATING_VALUES",
    "SOURCES_DISPLAY",
    "UNCHECKED_COLOUR",
    "VERDICT_COLOURS",
    "ClaimRow",
    "Finding",
    "ReportInput",
    "ReportSource",
    "VerdictColour",
    "claim_reviews",
    "claim_rows",
    "claimreview_findings",
    "dumps_json",
    "highlight_html",
    "human_time",
    "source_attribution",
    "source_name",
    "to_claimreview",
    "to_csv",
    "to_dataframe",
    "to_dict",
    "to_html",
    "to_json",
    "to_markdown",
    "to_pdf",
    "validate_claimreview",
    "verdict_colour",
]
