"""Machine-readable reports: the command line's JSON document and a spreadsheet-friendly CSV."""

from __future__ import annotations

import json
from typing import Any

import pandas as pd

from checks.reports.common import ClaimRow, ReportSource, claim_rows, report_time

#: The CSV's columns, in this order (a documented contract for spreadsheets and scripts):
#: `value` is the claim's value as JSON; `evidence_urls` are separated by single spaces;
#: `verdict` is the automatic label (empty when not checked); `status`, `note`, `reviewer`,
#: `reviewed_at` are the human review; `dismissed` is True/False; `origin` is "extractor" or
#: "reviewer".
CSV_COLUMNS: tuple[str, ...] = (
    "claim_id",
    "type",
    "text",
    "sentence",
    "start",
    "end",
    "value",
    "verdict",
    "explanation",
    "evidence_urls",
    "status",
    "note",
    "reviewer",
    "reviewed_at",
    "dismissed",
    "origin",
)
#: Free-text columns that may hold untrusted text; see `to_csv(spreadsheet_safe=...)`.
_TEXT_COLUMNS = ("text", "sentence", "explanation", "note", "reviewer")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _review_dict(row: ClaimRow) -> dict[str, Any]:
    return {
        "status": row.status,
        "note": row.review.note,
        "reviewer": row.review.reviewer,
        "updated_at": row.review.updated_at,
        "dismissed": row.dismissed,
    }


def to_dict(source: ReportSource, *, generated_at: str | None = None) -> dict[str, Any]:
    """The command line's document, with the human review and article metadata added."""
    meta = source.meta
    claims = []
    for row in claim_rows(source):
        item = row.claim.to_dict()
        item["verdict"] = row.verdict.to_dict() if row.verdict else None
        item["review"] = _review_dict(row)
        item["origin"] = row.claim.origin
        claims.append(item)
    return {
        "article": {
            "date": meta.date,
            "characters": len(source.text),
            "title": meta.title,
            "source": meta.source,
            "url": meta.url,
        },
        "claims": claims,
        "generated_at": report_time(source, generated_at),
    }


def to_json(source: ReportSource, *, generated_at: str | None = None, indent: int = 2) -> str:
    return json.dumps(to_dict(source, generated_at=generated_at), ensure_ascii=False, indent=indent)


def to_dataframe(source: ReportSource) -> pd.DataFrame:
    """One row per claim (dismissed included), columns exactly `CSV_COLUMNS`."""
    records = []
    for row in claim_rows(source):
        claim, verdict, review = row.claim, row.verdict, row.review
        records.append(
            {
                "claim_id": claim.id,
                "type": claim.type,
                "text": claim.text,
                "sentence": claim.sentence,
                "start": claim.start,
                "end": claim.end,
                "value": json.dumps(claim.value, ensure_ascii=False, sort_keys=True),
                "verdict": verdict.label if verdict else "",
                "explanation": verdict.explanation if verdict else "",
                "evidence_urls": " ".join(row.evidence_urls),
                "status": row.status,
                "note": review.note,
                "reviewer": review.reviewer,
                "reviewed_at": review.updated_at,
                "dismissed": row.dismissed,
                "origin": claim.origin,
            }
        )
    return pd.DataFrame(records, columns=list(CSV_COLUMNS))


def _defuse(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def to_csv(source: ReportSource, *, spreadsheet_safe: bool = True) -> bytes:
    """UTF-8 CSV with a byte-order mark, so that Excel shows accents and quotes correctly.

    With `spreadsheet_safe`, free text starting with = + - @ gets a leading apostrophe so a
    spreadsheet shows it instead of running it as a formula (CSV injection).
    """
    frame = to_dataframe(source)
    if spreadsheet_safe:
        for column in _TEXT_COLUMNS:
            frame[column] = frame[column].map(_defuse)
    return frame.to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")
