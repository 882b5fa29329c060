"""The command line: `python -m checks extract|check|sources ...`.

Every failure the user can cause ends with a one-line message and a non-zero exit, never a
traceback: 2 for bad input or usage, 3 for configuration, 4 for sources that cannot be reached.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path
from typing import Any

from checks.config import Settings
from checks.errors import CheckError, ConfigError, InputError, SourceError
from checks.reports.common import dumps_json
from checks.textio import ArticleText, prepare_text


def _read_article(path: str, settings: Settings) -> ArticleText:
    if path == "-":
        raw: bytes | str = sys.stdin.buffer.read()
        name = ""
    else:
        p = Path(path)
        if not p.is_file():
            raise InputError(f"No such file: {path}")
        raw, name = p.read_bytes(), p.name
    return prepare_text(raw, max_chars=settings.max_chars, filename=name)


def _extract(article: ArticleText, args: argparse.Namespace, settings: Settings):
    """Claims of the article, in a worker process within the time budget (`--budget`, default
    CHECKS_EXTRACT_SECONDS); a budget of 0 extracts in this process with no limit."""
    given = _parse_date(args.date)
    day, source = given, "user"
    if given is None and article.date is not None:  # an HTML page's own publication date
        day, source = article.date, "metadata"
    budget = settings.extract_seconds if args.budget is None else args.budget
    if budget <= 0:
        from checks.guard import extract_in_parts
        from checks.nlp import load_pipeline

        guarded = extract_in_parts(
            article.text,
            article_date=day,
            pipeline=load_pipeline(settings.spacy_model),
            article_date_source=source,
        )
    else:
        from checks.guard import extract_with_budget

        guarded = extract_with_budget(
            article.text,
            day,
            model=settings.spacy_model,
            seconds=budget,
            memory_mb=settings.extract_memory_mb,
            article_date_source=source,
        )
    extraction = guarded.extraction
    if source == "metadata" and extraction.article_date == article.date:
        where = article.metadata.get("date_from", "metadata")
        extraction.warnings.insert(
            0, f"Article date taken from the page's {where}: {article.date.isoformat()}."
        )
    extraction.warnings[:0] = article.warnings
    return extraction, guarded.complete


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"--date must be YYYY-MM-DD, got {value!r}") from None


def _document(text: str, extraction, verdicts: dict[str, Any] | None = None) -> dict:
    claims = []
    for claim in extraction.claims:
        item = claim.to_dict()
        if verdicts is not None and claim.id in verdicts:
            item["verdict"] = verdicts[claim.id].to_dict()
        claims.append(item)
    article_date = extraction.article_date.isoformat() if extraction.article_date else None
    article = {"date": article_date, "characters": len(text), "model": extraction.model}
    if extraction.inferred_date is not None:
        article["inferred_date"] = extraction.inferred_date  # with its evidence
    return {
        "article": article,
        "warnings": extraction.warnings,
        "claims": claims,
    }


def _table(doc: dict) -> str:
    rows = [("id", "type", "where", "text", "value", "verdict")]
    for c in doc["claims"]:
        value = dumps_json({k: v for k, v in c["value"].items() if v not in (None, [], False)})
        verdict = (c.get("verdict") or {}).get("label", "")
        text = c["text"].replace("\n", " ")
        rows.append(
            (c["id"], c["type"], f"{c['start']}-{c['end']}", text[:60], value[:70], verdict)
        )
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(rows[0]))]
    lines = [
        "  ".join(str(v).ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() for r in rows
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    head = f"article date: {doc['article']['date'] or 'unknown'}, {len(doc['claims'])} claims"
    return "\n".join([head, *lines])


def cmd_extract(args: argparse.Namespace, settings: Settings) -> int:
    article = _read_article(args.file, settings)
    extraction, complete = _extract(article, args, settings)
    doc = _document(article.text, extraction)
    if not complete:
        doc["article"]["complete"] = False
    _emit(doc, args.format)
    return 0


def cmd_check(args: argparse.Namespace, settings: Settings) -> int:
    from checks.http import deadline
    from checks.pipeline import check_claims

    if args.offline:
        settings = settings.with_(offline=True)
    article = _read_article(args.file, settings)
    extraction, complete = _extract(article, args, settings)
    with deadline(settings.article_deadline):
        verdicts = check_claims(
            article.text, extraction.claims, extraction.article_date, settings=settings
        )
    doc = _document(article.text, extraction, verdicts)
    if not complete:
        doc["article"]["complete"] = False
    _emit(doc, args.format)
    return 0


def cmd_sources(args: argparse.Namespace, settings: Settings) -> int:
    from checks import sourcesctl

    if args.action == "status":
        rows = sourcesctl.status(settings)
        print(
            json.dumps(rows, indent=2, default=str)
            if args.format == "json"
            else _status_table(rows)
        )
        return 0
    first, _, last = args.years.partition("-")
    try:
        years = range(int(first), int(last or first) + 1)
    except ValueError:
        raise InputError(f"--years must look like 1946-2026, got {args.years!r}") from None

    def progress(done: int, total: int, what: str) -> None:
        print(f"[{done}/{total}] {what}", file=sys.stderr)

    summary = sourcesctl.sync(settings, years, progress=progress)
    print(json.dumps(summary, indent=2, default=str))
    return 0 if not summary.get("failed") else 4


def _status_table(rows: list[dict]) -> str:
    """Sources, one line each, then the cache: what `sources status` prints for a person."""
    lines = []
    for row in rows:
        if row.get("kind") == "cache":
            age = row.get("age_seconds")
            age_text = f", oldest entry {age // 3600} h old" if isinstance(age, int) else ""
            lines.append(
                f"HTTP cache: {row.get('path')} ({row.get('entries', 0)} entries, "
                f"{(row.get('size_bytes') or 0) / 1e6:.1f} MB{age_text})"
            )
            continue
        error = row.get("error") or ""
        if row.get("reachable"):
            state = "reachable"
        elif error.startswith("not enabled"):
            state = f"off: {error.removeprefix('not enabled ').strip('()')}"
        else:
            state = f"UNREACHABLE ({error})"
        lines.append(f"{row['name']:<10} {state:<40} {row.get('url')}")
        if row.get("licence"):
            lines.append(f"{'':<10} licence: {row['licence']}")
    return "\n".join(lines)


def _emit(doc: dict, fmt: str) -> None:
    for warning in doc.get("warnings", []):
        print(f"warning: {warning}", file=sys.stderr)
    if fmt == "json":
        # Strict JSON: no NaN/Infinity, and no integer too long to print (a 5,000-digit number)
        sys.stdout.write(dumps_json(doc, indent=2) + "\n")
    else:
        print(_table(doc))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m checks", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for name, helptext in (
        ("extract", "list the checkable claims of an article"),
        ("check", "extract claims and check each against public records"),
    ):
        p = sub.add_parser(name, help=helptext)
        p.add_argument("file", help="article text file, or - for standard input")
        p.add_argument("--date", help="the article's publication date, YYYY-MM-DD")
        p.add_argument("--format", choices=["json", "table"], default="table")
        if name == "check":
            p.add_argument("--offline", action="store_true", help="answer from the cache only")
        p.add_argument(
            "--budget",
            type=float,
            default=None,
            help="seconds extraction may take (default CHECKS_EXTRACT_SECONDS; 0: no limit)",
        )
    s = sub.add_parser("sources", help="public sources: status, or sync the UN tables")
    s.add_argument("action", choices=["status", "sync"])
    s.add_argument("--years", default="1946-2026", help="years to sync, e.g. 1946-2026")
    s.add_argument("--format", choices=["json", "table"], default="table")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = Settings.from_env()
        handler = {"extract": cmd_extract, "check": cmd_check, "sources": cmd_sources}
        return handler[args.command](args, settings)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except ConfigError as exc:
        print(f"configuration error: {exc}", file=sys.stderr)
        return 3
    except SourceError as exc:
        print(f"source unavailable: {exc}", file=sys.stderr)
        return 4
    except CheckError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug: say so plainly, keep the traceback for CHECKS_DEBUG=1
        if os.environ.get("CHECKS_DEBUG"):
            raise
        print(
            f"internal error: {type(exc).__name__}: {exc} (set CHECKS_DEBUG=1 for details)",
            file=sys.stderr,
        )
        return 1
