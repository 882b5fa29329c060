"""Machine-readable reports: the command line's JSON document and a spreadsheet-friendly CSV."""

from __future__ import annotations

from typing import Any

import pandas as pd

from checks.reports.common import ClaimRow, ReportSource, claim_rows, dumps_json, report_time
from checks.reports.sources_display import source_display

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
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _review_dict(row: ClaimRow) -> dict[str, Any]:
    return {
        "status": row.status,
        "note": row.review.note,
        "reviewer": row.review.reviewer,
        "updated_at": row.review.updated_at,
        "dismissed": row.dismissed,
    }


def _verdict_dict(row: ClaimRow) -> dict[str, Any] | None:
    if row.verdict is None:
        return None
    data = row.verdict.to_dict()
    for item in data["evidence"]:
        item["source_name"] = source_display(item["source"]).name
    return data


def _sources(rows: list[ClaimRow]) -> list[dict[str, str]]:
    """Every source the verdicts cite, once, with its display name and required credit."""
    seen: dict[str, dict[str, str]] = {}
    for row in rows:
        for evidence in row.verdict.evidence if row.verdict else []:
            if evidence.source not in seen:
                shown = source_display(evidence.source)
                seen[evidence.source] = {
                    "id": evidence.source,
                    "name": shown.name,
                    "url": shown.url,
                    "attribution": shown.attribution,
                }
    return list(seen.values())


def extraction_details(source: ReportSource) -> tuple[str | None, list[str]]:
    """(model, warnings) of the extraction when the source kept them (a `ReportInput` from the
    command line does; a stored review has them only if the store saved them)."""
    meta = source.meta
    model = getattr(source, "model", None) or getattr(meta, "model", None) or None
    warnings = getattr(source, "warnings", None) or getattr(meta, "warnings", None) or []
    return model, [str(w) for w in warnings]


def to_dict(source: ReportSource, *, generated_at: str | None = None) -> dict[str, Any]:
    """The command line's document (`article` with `date`, `characters` and `model`;
    `warnings`; `claims`), with the article's metadata, each claim's human review and origin,
    the sources cited and the report's time added: a superset of `python -m checks check`."""
    meta, rows = source.meta, claim_rows(source)
    model, warnings = extraction_details(source)
    claims = []
    for row in rows:
        item = row.claim.to_dict()
        item["verdict"] = _verdict_dict(row)
        item["review"] = _review_dict(row)
        item["origin"] = row.claim.origin
        claims.append(item)
    return {
        "article": {
            "date": meta.date,
            "characters": len(source.text),
            "model": model,
            "title": meta.title,
            "source": meta.source,
            "url": meta.url,
        },
        "warnings": warnings,
        "claims": claims,
        "sources": _sources(rows),
        "generated_at": report_time(source, generated_at),
    }


def to_json(source: ReportSource, *, generated_at: str | None = None, indent: int = 2) -> str:
    """The JSON report; never NaN or Infinity (a value JSON cannot hold becomes null)."""
    return dumps_json(to_dict(source, generated_at=generated_at), indent=indent)


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
                "value": dumps_json(claim.value, sort_keys=True),
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

    With `spreadsheet_safe`, every text cell starting with = + - @, a tab or a carriage return
    (evidence links and values included) gets a leading apostrophe so a spreadsheet shows it
    instead of running it as a formula (CSV injection).
    """
    frame = to_dataframe(source)
    if spreadsheet_safe:
        for column in frame.columns:
            frame[column] = frame[column].map(_defuse)
    return frame.to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")
