"""Pure, lenient parsers of the Dag Hammarskjöld Library (DHL) Security Council pages.

The yearly "Meetings conducted by the Security Council in YYYY" tables are hand-edited HTML:
rows without `</tr>`, unclosed `</td`, `<th rowspan>` meetings spanning several agenda rows,
dates without a year ("20 July", "22/23 November", "15 Sep."), 4, 5 or 7 columns. We repair the
few broken end tags, let lxml build the rows, map columns by their header, expand rowspans, and
read the outcome cell with regular expressions. No I/O here: input is the page text.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

import lxml.html

_MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MONTHS = {m[:3].lower(): i for i, m in enumerate(_MONTH_NAMES, start=1)}

#: Spellings used on the DHL pages -> one name per permanent member.
COUNTRY_NAMES: tuple[tuple[str, str], ...] = (
    (r"United\s+States(?:\s+of\s+America)?|USA|U\.S\.A\.|\bUS\b", "United States"),
    (r"Russian\s+Federation|Russia", "Russian Federation"),
    (r"USSR|Soviet\s+Union|U\.S\.S\.R\.", "USSR"),
    (r"United\s+Kingdom|\bUK\b|U\.K\.", "United Kingdom"),
    (r"France", "France"),
    (r"China", "China"),
)
_COUNTRY_RE = re.compile("|".join(f"(?P<c{i}>{p})" for i, (p, _) in enumerate(COUNTRY_NAMES)))

_RES_RE = re.compile(r"S/RES/(\d+)\s*\((\d{4})\)")
_VOTE_RE = re.compile(r"(?<![\d/.])(\d{1,2})\s*-\s*(\d{1,2})\s*-\s*(\d{1,2})(?![\d/])")
_DRAFT_SYM = r"S/(?:PV\.\d+|\d{4}/\d+|\d+)(?:/(?:Rev|Add|Corr)\.\d+)*"
_DRAFT_START = re.compile(r"(?:Power\s+Four\s+)?draft\s+resolutions?", re.I)
_BARE_DRAFT = re.compile(rf"(?<![\w/]){_DRAFT_SYM}(?=\s*\)?\s*(?:was\s+)?(?:not\s+adopted|vetoed))")
_DRAFT_SYM_RE = re.compile(_DRAFT_SYM)
_STATEMENT_RE = re.compile(r"S/PRST/\d{4}/\d+|S/\d+\s*\(PRST\)")
_PV_RE = re.compile(r"S/PV\.(\d+)(?:\s*\(?\s*(Resumption)\s*(\d+|I)?\s*\)?)?", re.I)
_DATE_RE = re.compile(
    r"(\d{1,2})(?:\s*(?:[/+-]|and)\s*\d{1,2})?\s+([A-Za-z]{3,})\.?(?:\s+(\d{2,4}))?"
)
_BROKEN_END = re.compile(r"</(td|th|tr)\s*(?=<)", re.I)
_STRAY_BR = re.compile(r"</br\s*>", re.I)


class DhlFormatError(ValueError):
    """The page is not a DHL table (an error or maintenance page served with HTTP 200)."""


@dataclass
class Outcome:
    """One decision at a meeting: an adopted resolution or a failed/vetoed draft."""

    symbol: str | None  # "S/RES/2231 (2015)" for resolutions
    resolution: int | None
    draft_symbol: str | None  # "S/2020/797" for drafts that failed
    status: str  # "adopted" | "not adopted" | "vetoed" | "without vote" | "adopted by consensus"
    vote: tuple[int, int, int] | None  # in favour, against, abstentions
    unanimous: bool
    vetoed_by: list[str] = field(default_factory=list)
    text: str = ""


@dataclass
class Meeting:
    """One row (or rowspan group) of a yearly table."""

    record: str | None  # "S/PV.7488", None for 2020 VTC rows
    date: date | None
    date_text: str
    press_release: str | None
    topic: str
    outcomes: list[Outcome]
    year: int
    statements: list[str] = field(default_factory=list)  # presidential statements
    outcome_text: str = ""

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["date"] = self.date.isoformat() if self.date else None
        for o in d["outcomes"]:
            o["vote"] = list(o["vote"]) if o["vote"] else None
        return d


@dataclass
class Veto:
    """One row of the DHL veto list."""

    date: date | None
    date_text: str
    draft: str | None
    meeting_record: str | None
    agenda: str
    vetoed_by: list[str]

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["date"] = self.date.isoformat() if self.date else None
        return d


def normalise_countries(text: str) -> list[str]:
    """Permanent members named in `text`, in order, without repeats."""
    found: list[str] = []
    for m in _COUNTRY_RE.finditer(text):
        name = COUNTRY_NAMES[int(m.lastgroup[1:])][1]  # type: ignore[index]
        if name not in found:
            found.append(name)
    return found


def parse_day(text: str, year: int | None) -> date | None:
    """'20 July', '22/23 November' (first day), '15 Sep.', '26 May 2022' -> date."""
    m = _DATE_RE.search(text or "")
    if not m:
        return None
    month = MONTHS.get(m.group(2)[:3].lower())
    y = int(m.group(3)) if m.group(3) else year
    if y is not None and y < 100:  # "30 January 86" on the veto list
        y += 1900
    if not month or not y:
        return None
    try:
        return date(y, month, int(m.group(1)))
    except ValueError:
        return None


def _norm(text: str) -> str:
    return " ".join(text.split())


def _cell_text(cell: Any) -> str:
    lines = (_norm(line) for line in cell.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def _rows(html: str) -> list[list[Any]]:
    """Rows as lists of cell elements, after repairing broken end tags."""
    html = html.lstrip("\ufeff").replace("ï»¿", "")
    html = _BROKEN_END.sub(lambda m: f"</{m.group(1)}>", html)
    # "France</br>UK": lxml drops the stray end tag and glues the names ("FranceUK").
    html = _STRAY_BR.sub("<br>", html)
    doc = lxml.html.document_fromstring(html)
    for br in doc.iter("br"):
        br.tail = "\n" + (br.tail or "")
    return [tr.xpath("./td|./th") for tr in doc.iter("tr")]


def _record(text: str) -> str | None:
    m = _PV_RE.search(text)
    if not m:
        return None
    rec = f"S/PV.{m.group(1)}"
    if m.group(2):
        n = m.group(3)
        rec += f" (Resumption {1 if n in (None, 'I') else n})"
    return rec


def _vote(text: str) -> tuple[int, int, int] | None:
    m = _VOTE_RE.search(text)
    return (int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


def _segments(text: str) -> list[str]:
    """Split an outcome cell into one piece per resolution or draft."""
    starts = {m.start() for m in _RES_RE.finditer(text)}
    starts |= {m.start() for m in _DRAFT_START.finditer(text)}
    for m in _BARE_DRAFT.finditer(text):
        before = [s for s in starts if s < m.start()]
        prev = max(before) if before else None
        # A symbol right after "Draft resolution" belongs to that piece.
        if prev is not None and _DRAFT_START.fullmatch(text[prev : m.start()].strip(" (\n")):
            continue
        starts.add(m.start())
    cuts = sorted(starts)
    if not cuts:
        return []
    return [text[a:b].strip() for a, b in zip(cuts, [*cuts[1:], len(text)], strict=True)]


def parse_outcomes(text: str) -> list[Outcome]:
    """Resolutions and failed drafts in one "Outcome / Vote" cell."""
    out: list[Outcome] = []
    for seg in _segments(text):
        flat = _norm(seg)
        vote = _vote(flat)
        low = flat.lower()
        res = _RES_RE.match(flat)
        if res:
            if "without" in low and "vote" in low:
                status = "without vote"
            elif "consensus" in low:
                status = "adopted by consensus"
            else:
                status = "adopted"
            unanimous = "unanimous" in low or bool(vote and vote[0] > 0 and vote[1:] == (0, 0))
            out.append(
                Outcome(
                    symbol=f"S/RES/{int(res.group(1))} ({res.group(2)})",
                    resolution=int(res.group(1)),
                    draft_symbol=None,
                    status=status,
                    vote=vote,
                    unanimous=unanimous,
                    text=flat,
                )
            )
            continue
        sym = _DRAFT_SYM_RE.search(flat)
        if not sym or not ("not adopted" in low or "vetoed" in low):
            continue
        vetoed = "vetoed" in low
        by = normalise_countries(flat[low.index("vetoed") :]) if vetoed else []
        out.append(
            Outcome(
                symbol=None,
                resolution=None,
                draft_symbol=sym.group(0),
                status="vetoed" if vetoed else "not adopted",
                vote=vote,
                unanimous=False,
                vetoed_by=by,
                text=flat,
            )
        )
    return out


_ROLES = (
    ("record", ("meeting",)),
    ("date", ("date",)),
    ("press", ("press",)),
    ("topic", ("topic", "agenda")),
    ("outcome", ("council", "outcome / vote")),
)


def _header_roles(cells: list[Any]) -> dict[int, str] | None:
    texts = [_norm(c.text_content()).lower() for c in cells]
    if "date" not in texts:
        return None
    roles: dict[int, str] = {}
    for i, t in enumerate(texts):
        for role, keys in _ROLES:
            if any(k in t for k in keys) and role not in roles.values():
                roles[i] = role
                break
    return roles


def _year_from_title(html: str) -> int | None:
    m = re.search(r"Security Council\s+in\s+(\d{4})", html)
    return int(m.group(1)) if m else None


def parse_year_page(html: str, year: int | None = None) -> list[Meeting]:
    """Every meeting of a yearly table (also the 7-column 2020 VTC page); order as on the page.

    `year` should come from the URL: the saved 2020 VTC page's title says 2021. Raises
    DhlFormatError when the page has no meetings table at all.
    """
    if "</table" not in html[-3000:].lower():
        # Every real page closes its table at the end; a page that does not was cut off in
        # transit, and half a year of meetings must not pass for the whole year.
        raise DhlFormatError("the page ends before its table does (truncated download)")
    year = year or _year_from_title(html) or 0
    meetings: list[Meeting] = []
    roles: dict[int, str] | None = None
    ncols = 0
    carry: dict[int, list[Any]] = {}  # column -> [cell, rows still to cover]
    for cells in _rows(html):
        if roles is None or all(c.tag == "th" for c in cells):
            found = _header_roles(cells) if cells else None
            if found:
                roles, ncols, carry = found, len(cells), {}
            continue
        if not cells:
            continue
        grid: list[Any] = []
        carried: set[int] = set()
        it = iter(cells)
        for col in range(ncols):
            if col in carry and carry[col][1] > 0:
                grid.append(carry[col][0])
                carry[col][1] -= 1
                carried.add(col)
            else:
                grid.append(next(it, None))
        for col, cell in enumerate(grid):
            if cell is not None and col not in carried:
                span = (
                    int(cell.get("rowspan", "1") or 1) if cell.get("rowspan", "").isdigit() else 1
                )
                if span > 1:
                    carry[col] = [cell, span - 1]
        by_role = {
            role: (_cell_text(grid[i]) if grid[i] is not None else "") for i, role in roles.items()
        }
        rec_col = next((i for i, r in roles.items() if r == "record"), None)
        outcome = by_role.get("outcome", "")
        topic = by_role.get("topic", "")
        date_text = _norm(by_role.get("date", ""))
        record = _record(by_role.get("record", ""))
        continued = rec_col is not None and rec_col in carried
        if meetings and (continued or (not record and not date_text)):
            m = meetings[-1]  # another agenda item of the same meeting
            m.topic = "; ".join(t for t in (m.topic, _norm(topic)) if t)
            m.outcomes.extend(parse_outcomes(outcome))
            m.statements.extend(_norm(s) for s in _STATEMENT_RE.findall(outcome))
            m.outcome_text = "\n".join(t for t in (m.outcome_text, outcome) if t)
            continue
        if not record and not date_text:
            continue
        press = re.search(r"SC/\d+", by_role.get("press", ""))
        meetings.append(
            Meeting(
                record=record,
                date=parse_day(date_text, year),
                date_text=date_text,
                press_release=press.group(0) if press else None,
                topic=_norm(topic),
                outcomes=parse_outcomes(outcome),
                year=year,
                statements=[_norm(s) for s in _STATEMENT_RE.findall(outcome)],
                outcome_text=outcome,
            )
        )
    if roles is None:
        raise DhlFormatError("no 'Meetings conducted by the Security Council' table header found")
    return meetings


def parse_veto_page(html: str) -> list[Veto]:
    """Rows of the DHL veto list (Date, Draft, Written Record, Agenda Item, Member).

    Raises DhlFormatError when the page holds no veto rows at all.
    """
    vetoes: list[Veto] = []
    for cells in _rows(html):
        if len(cells) < 5 or any(c.tag == "th" for c in cells):
            continue
        texts = [_cell_text(c) for c in cells[:5]]
        when = parse_day(texts[0], None)
        if when is None:
            continue
        draft = _DRAFT_SYM_RE.search(texts[1])
        rec = _PV_RE.search(texts[2]) or _DRAFT_SYM_RE.search(texts[2])
        vetoes.append(
            Veto(
                date=when,
                date_text=_norm(texts[0]),
                draft=draft.group(0) if draft else None,
                meeting_record=rec.group(0) if rec else None,
                agenda=_norm(texts[3]),
                vetoed_by=normalise_countries(texts[4]),
            )
        )
    if not vetoes:
        raise DhlFormatError("no rows of the DHL veto list found")
    return vetoes
