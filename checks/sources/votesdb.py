"""Adapter for the "UNSC votes since 1946 Database" (B. Martin, Sciences Po, CC BY 4.0).

One CSV row per Council vote, 1946 to the end of 2025, with the symbol, outcome, date, title,
totals and each member's vote. It continues where the DHL sample tables stop (mid-2022) and is
the only source here with every member's vote for every decision. The file is fetched whole
through the shared HTTP client (cached for months: it is a pinned commit), read with pandas
and turned into `VoteRow`s once per payload per process.

Quirks handled (see ../shared/samples/unsc-votes-sciencespo/PROVENANCE.md): a quoted field with
a newline, stray whitespace and notes in symbols ("S/10805/Rev.1 (as amended)", "S/4733/Rev. 1"),
titles whose resolution number is wrong (the number comes from `Resolution number` only),
`?` cells (unknown: left out), and repeated symbols for early multi-vote rows (kept as rows).
"""

from __future__ import annotations

import functools
import io
import json
import re
import threading
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, ClassVar

from checks.countries import canonical
from checks.errors import SourceError, SourceParseError
from checks.sources.base import Query, Source, SourceRecord

NAME = "votesdb"
CITATION = (
    '"UNSC votes since 1946 Database", Benoît Martin, 2026, data.sciencespo, V1, '
    "doi:10.21410/7E4/Z0KECE (Atelier de cartographie de Sciences Po / GRAM)"
)
ATTRIBUTION = CITATION + ", CC BY 4.0"  # shown with every fact taken from it
MEMBERS_PATH = Path(__file__).parents[1] / "data" / "votesdb_members.json"
FIRST_MEMBER_COLUMN = 14  # the first 14 columns describe the vote; then one per state
REQUIRED = (
    "Vote in the DB",
    "UN classification",
    "Vote outcome",
    "Resolution number",
    "Date",
    "Official full title",
    "Yes",
    "No",
    "Abstentions",
    "Non-Voting",
    "Total",
)
OUTCOMES = {"adopted": "adopted", "vetoed": "vetoed", "lack of maj.": "failed"}
VOTES = frozenset({"Y", "N", "A", "NV"})
_SYMBOL_RE = re.compile(
    r"S\s*/\s*(?:RES\s*/\s*\d+\s*\(\s*\d{4}\s*\)|PV\.\s*\d+|\d{4}\s*/\s*\d+|\d+)"
    r"(?:\s*/\s*(?:Rev|Add|Corr)\.\s*\d+)*",
    re.I,
)
_TITLE_PREFIX = re.compile(r"^Security Council resolution \d+\s*\(\d{4}\)\s*\[?\s*", re.I)


class VotesDbFormatError(ValueError):
    """The payload is not the votes database (an error page, or cut off in transit)."""


@dataclass(frozen=True)
class VoteRow:
    """One vote of the database, cleaned; `members` maps canonical names to Y/N/A/NV."""

    row_id: int
    symbol: str  # cleaned: "S/RES/2231(2015)", "S/2020/797", "S/PV.23", "" (oral amendment)
    raw_symbol: str
    outcome: str  # "adopted" | "vetoed" | "failed"
    number: int | None
    date: date | None
    title: str  # subject, without the (sometimes wrong) "Security Council resolution N" prefix
    yes: int | None
    no: int | None
    abstain: int | None
    non_voting: int | None
    total: int | None
    members: dict[str, str] = field(hash=False)
    unknown_members: tuple[str, ...] = ()  # states whose cell is "?"
    cells: tuple[tuple[str, str], ...] = field(default=(), hash=False, repr=False)

    @property
    def excerpt(self) -> str:
        """The row's descriptive cells as text, for audit (built only when shown)."""
        return "; ".join(f"{k}: {' '.join(v.split())}" for k, v in self.cells if v)

    @property
    def vote(self) -> tuple[int, int, int] | None:
        if self.yes is None or self.no is None or self.abstain is None:
            return None
        return (self.yes, self.no, self.abstain)

    @property
    def without_vote(self) -> bool:
        """Adopted with no tally (every member 'non-voting', 0-0-0): admissions, ICJ dates."""
        return (
            self.outcome == "adopted"
            and self.vote == (0, 0, 0)
            and bool(self.non_voting)
            and self.non_voting == self.total
        )


def clean_symbol(raw: str) -> str:
    """'S/4733/Rev. 1' -> 'S/4733/Rev.1'; 'S/10805/Rev.1 (as amended)' -> 'S/10805/Rev.1';
    'S/471 and S/471/Add.1' -> 'S/471'; 'Oral amendment' -> ''."""
    m = _SYMBOL_RE.search(raw or "")
    return (
        re.sub(r"\s+", "", m.group(0))
        .upper()
        .replace("REV.", "Rev.")
        .replace("ADD.", "Add.")
        .replace("CORR.", "Corr.")
        if m
        else ""
    )


@functools.lru_cache(maxsize=1)
def _member_table() -> dict[str, Any]:
    return json.loads(MEMBERS_PATH.read_text(encoding="utf-8"))["columns"]


@functools.lru_cache(maxsize=512)
def _column_names(column: str) -> tuple[tuple[date | None, str], ...]:
    """(last day, canonical name) periods of one column, resolved once per column."""
    entry = _member_table().get(column.strip())
    if entry is None:
        return ((None, canonical(column.strip().title() if column.isupper() else column)),)
    if isinstance(entry, str):
        return ((None, canonical(entry)),)
    return tuple(
        (date.fromisoformat(p["until"]) if p.get("until") else None, canonical(p["name"]))
        for p in entry
    )


def member_name(column: str, day: date | None) -> str:
    """Canonical state name of a database column on `day` ("RUSSIAN FEDERATION/USSR" is the
    USSR until 23 December 1991, Russia after)."""
    periods = _column_names(column)
    for until, name in periods:
        if until is None or (day is not None and day <= until):
            return name
    return periods[-1][1]


def _int(text: str) -> int | None:
    text = (text or "").strip()
    return int(text) if text.isdigit() else None


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat((text or "").strip())
    except ValueError:
        return None


def parse_votes_csv(content: bytes) -> list[VoteRow]:
    """Every row of the CSV; raises VotesDbFormatError on anything but the whole database."""
    import pandas as pd

    try:
        df = pd.read_csv(
            io.BytesIO(content),
            dtype=object,  # plain str cells: pandas' Arrow strings are slow to iterate
            na_filter=False,  # an empty cell is "" (the state was not a member)
            encoding="utf-8",
        )
    except (ValueError, pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise VotesDbFormatError(f"not a readable CSV ({type(exc).__name__})") from None
    missing = [c for c in REQUIRED if c not in df.columns]
    if missing:
        raise VotesDbFormatError(f"columns missing: {', '.join(missing)}")
    columns = list(df.columns)
    head, states = columns[:FIRST_MEMBER_COLUMN], columns[FIRST_MEMBER_COLUMN:]
    described = df[head].fillna("")  # a short (cut-off) last row has no cells at all
    ids = [_int(v) for v in described["Vote in the DB"]]
    if not ids or None in ids or sorted(ids) != list(range(1, len(ids) + 1)):  # type: ignore[type-var]
        # Rows are numbered 1..N with the newest first: a file cut off in transit loses
        # the oldest rows, and half the Council's history must not pass for all of it.
        raise VotesDbFormatError("rows are not numbered 1..N (truncated or edited download)")
    # Only the ~15 filled member cells of each row (of 136 columns) are kept.
    cells = [
        [(states[j], v) for j, v in enumerate(row) if v and isinstance(v, str)]
        for row in df[states].to_numpy().tolist()
    ]
    rows: list[VoteRow] = []
    for pos, (rid, values) in enumerate(
        zip(ids, described.itertuples(index=False, name=None), strict=True)
    ):
        cell = dict(zip(head, values, strict=True))
        day = _day(cell["Date"])
        members: dict[str, str] = {}
        unknown: list[str] = []
        for col, raw in cells[pos]:
            value = raw.strip().upper()
            if not value:
                continue
            name = member_name(col, day)
            if value in VOTES:
                members[name] = value
            elif value == "?":
                unknown.append(name)
        title = " ".join(cell["Official full title"].split())
        subject = re.sub(r"^on\s+", "", _TITLE_PREFIX.sub("", title).rstrip("]").strip())
        raw_symbol = " ".join(cell["UN classification"].split())
        rows.append(
            VoteRow(
                row_id=rid or 0,
                symbol=clean_symbol(raw_symbol),
                raw_symbol=raw_symbol,
                outcome=OUTCOMES.get(cell["Vote outcome"].strip().lower(), "failed"),
                number=_int(cell["Resolution number"]),
                date=day,
                title=subject or title,
                yes=_int(cell["Yes"]),
                no=_int(cell["No"]),
                abstain=_int(cell["Abstentions"]),
                non_voting=_int(cell["Non-Voting"]),
                total=_int(cell["Total"]),
                members=members,
                unknown_members=tuple(unknown),
                cells=tuple(cell.items()),
            )
        )
    return rows


@dataclass(frozen=True)
class VotesPayload:
    """The parsed database and where/when it was fetched (for evidence)."""

    rows: tuple[VoteRow, ...]
    url: str
    retrieved_at: str
    from_cache: bool


_MEMO: dict[tuple[str, str, int], tuple[VoteRow, ...]] = {}
_MEMO_LOCK = threading.Lock()


class VotesDbSource(Source):
    """The whole database from one URL (CHECKS_VOTESDB_URL is the CSV's full URL).

    Answers Query(kind="resolution", value="2231"), Query(kind="draft", value="S/2020/797")
    and Query(kind="date", value="2024-03-28")."""

    name: ClassVar[str] = NAME
    title: ClassVar[str] = "UNSC votes since 1946 Database (Sciences Po)"
    licence: ClassVar[str] = (
        "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/), attribution required: "
        + CITATION
    )
    attribution: ClassVar[str] = ATTRIBUTION
    kinds: ClassVar[tuple[str, ...]] = ("resolution", "draft", "date")

    def payload(self) -> VotesPayload:
        """Fetch (cached) and parse (once per payload per process) the database."""
        resp = self.http.get(self.base_url, source=self.name, expect="text")
        if resp.status != 200:  # a pinned file that is missing is a misconfigured URL
            raise SourceError(
                f"{self.name}: HTTP {resp.status}; check CHECKS_VOTESDB_URL",
                source=self.name,
                url=resp.url,
            )
        key = (resp.url, resp.retrieved_at, len(resp.content))
        with _MEMO_LOCK:
            rows = _MEMO.get(key)
            if rows is None:
                try:
                    rows = tuple(parse_votes_csv(resp.content))
                except VotesDbFormatError as exc:
                    self.http.forget(resp.url)  # the next try fetches it again
                    raise SourceParseError(
                        f"{self.name}: {exc}", source=self.name, url=resp.url
                    ) from None
                _MEMO.clear()  # one database per process is enough
                _MEMO[key] = rows
        return VotesPayload(rows, resp.url, resp.retrieved_at, resp.from_cache)

    def record(self, row: VoteRow, payload: VotesPayload) -> SourceRecord:
        return SourceRecord(
            source=self.name,
            title=f"{self.title}: vote {row.row_id} ({row.raw_symbol or 'no symbol'})",
            url=payload.url,
            retrieved_at=payload.retrieved_at,
            fields={
                "symbol": row.symbol,
                "outcome": row.outcome,
                "number": row.number,
                "date": row.date.isoformat() if row.date else None,
                "vote": list(row.vote) if row.vote else None,
                "members": dict(row.members),
                "attribution": ATTRIBUTION,
            },
            raw=row.excerpt,
            from_cache=payload.from_cache,
        )

    def search(self, query: Query) -> list[SourceRecord]:
        payload = self.payload()
        value = query.value.strip()
        if query.kind == "resolution" and value.isdigit():
            hits = [r for r in payload.rows if r.number == int(value)]
        elif query.kind == "draft":
            hits = [r for r in payload.rows if r.symbol and r.symbol == clean_symbol(value)]
        elif query.kind == "date":
            day = _day(value)
            hits = [r for r in payload.rows if day and r.date == day]
        else:
            return []
        return [self.record(r, payload) for r in hits]
