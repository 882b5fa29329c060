"""What every claim finder shares: the parsed article, its sentences and small readers."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from spacy.tokens import Doc, Span

from checks.models import Claim
from checks.patternbook import Pattern, load_json, pattern

MAX_DIGITS = 18  # longer digit strings are not quantities anyone states
LOWER_WORD = re.compile(r"\b[a-z]{2,}\b")


@dataclass
class Found:
    """A claim before ids are assigned; `priority` breaks ties between overlapping finds."""

    type: str
    start: int
    end: int
    value: dict
    priority: int = 0
    sentence_bounds: tuple[int, int] | None = None
    shares_numbers: bool = False  # a duration ("111 days after") is also a number claim


@dataclass
class ArticleContext:
    text: str
    doc: Doc
    article_date: date | None
    statistical: bool = True
    inferred_date: Any = None  # doctime.DocTime when the text gave no date of its own
    sentence_starts: list[int] = field(default_factory=list)
    sentence_ends: list[int] = field(default_factory=list)
    _window_memo: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    _ents: list[Span] = field(default_factory=list)
    _ent_starts: list[int] = field(default_factory=list)
    # (start, end) of each dateline opening a paragraph ("UNITED NATIONS (AP) — "): the
    # story's sentence begins at `end`, and no claim starts inside one
    datelines: list[tuple[int, int]] = field(default_factory=list)
    # what a finder works out once per article and reads many times (e.g. the people named)
    memo: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._ents = list(self.doc.ents)
        self._ent_starts = [e.start_char for e in self._ents]
        # spaCy may end a sentence mid-line on a heading; keep its own boundaries.
        bounds = [(sent.start_char, sent.end_char) for sent in self.doc.sents]
        self.datelines = dateline_leads(self.text)
        for lead in self.datelines:
            bounds = _split_at_dateline(bounds, lead)
        for start, end in bounds:
            self.sentence_starts.append(start)
            self.sentence_ends.append(end)

    def after_dateline(self, start: int, end: int) -> int:
        """`start`, or where the story begins when [start, end) starts inside a dateline and
        runs on into the story ("NATIONS (AP) - Russia vetoed" becomes "Russia vetoed")."""
        for lead_start, lead_end in self.datelines:
            if lead_start <= start < lead_end < end:
                return lead_end
        return start

    def dateline_bounds(self, start: int, end: int) -> tuple[int, int] | None:
        """For a claim inside a dateline (its date: "UNITED NATIONS, March 21 --"), the
        dateline with the story's first sentence: the dateline dates and places that
        sentence, so the date is read with what it frames."""
        for lead_start, lead_end in self.datelines:
            if lead_start <= start and end <= lead_end:
                return lead_start, self.sentence_bounds(lead_end, lead_end + 1)[1]
        return None

    # --- sentences -----------------------------------------------------------------------
    def sentence_index(self, offset: int) -> int:
        i = bisect.bisect_right(self.sentence_starts, offset) - 1
        return max(0, i)

    def sentence_bounds(self, start: int, end: int) -> tuple[int, int]:
        """The sentence(s) covering [start, end): a claim may span two sentences."""
        if not self.sentence_starts:
            return 0, len(self.text)
        first = self.sentence_index(start)
        last = self.sentence_index(max(start, end - 1))
        return self.sentence_starts[first], self.sentence_ends[last]

    def sentence_text(self, start: int, end: int) -> str:
        s, e = self.sentence_bounds(start, end)
        return self.text[s:e]

    def sentences(self) -> Iterator[tuple[int, int]]:
        yield from zip(self.sentence_starts, self.sentence_ends, strict=True)

    # --- matching ------------------------------------------------------------------------
    def finditer(self, pattern: Pattern) -> Iterator[re.Match[str]]:
        """Matches of a pattern whose sentence satisfies its `requires` condition, searched
        only in the runs of sentences that contain the pattern's trigger word."""
        windows = self._windows(pattern.trigger) if pattern.trigger else [(0, len(self.text))]
        for start, end in windows:
            for match in pattern.regex.finditer(self.text, start, end):
                if pattern.requires is not None:
                    s, e = self.sentence_bounds(match.start(), match.end())
                    if not pattern.requires.search(self.text[s:e]):
                        continue
                yield match

    def _windows(self, trigger: re.Pattern[str]) -> list[tuple[int, int]]:
        """Runs of adjacent sentences containing `trigger` (memoised per trigger)."""
        if trigger.pattern in self._window_memo:
            return self._window_memo[trigger.pattern]
        windows: list[tuple[int, int]] = []
        for s, e in self.sentences():
            if not trigger.search(self.text, s, e):
                continue
            if windows and windows[-1][1] >= s - 2:
                windows[-1] = (windows[-1][0], e)
            else:
                windows.append((s, e))
        self._window_memo[trigger.pattern] = windows
        return windows

    def entities_in(self, start: int, end: int, labels: set[str] | None = None) -> list[Span]:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return []
        first = bisect.bisect_left(self._ent_starts, span.start_char)
        last = bisect.bisect_right(self._ent_starts, span.end_char)
        return [
            ent
            for ent in self._ents[first:last]
            if ent.end_char <= span.end_char and (labels is None or ent.label_ in labels)
        ]

    def entity_at(self, start: int, end: int) -> Span | None:
        i = bisect.bisect_right(self._ent_starts, start) - 1
        if i >= 0 and self._ents[i].end_char >= end:
            return self._ents[i]
        return None


def dateline_leads(text: str) -> list[tuple[int, int]]:
    """(start, end) of each dateline that opens a paragraph of running text ("UNITED NATIONS,
    NEW YORK — Angered by ...", "MOSCOW (Reuters) - Russia ..."). Not a month heading of a
    chronology ("SEPT. 25 - The Council ..."), nor an all-capitals headline with a dash: the
    rest of the line must read as a sentence."""
    if "-" not in text and "\u2013" not in text and "\u2014" not in text and "/" not in text:
        return []
    months = load_json("lexicon.json")["months"]
    out: list[tuple[int, int]] = []
    for m in pattern("date_dateline", "DATELINE_LEAD").regex.finditer(text):
        first = m["place"].split()[0].strip(".,").lower()
        if first in months:
            continue
        line_end = text.find("\n", m.end())
        rest = text[m.end() : line_end if line_end >= 0 else len(text)]
        if len(LOWER_WORD.findall(rest)) < 3:
            continue
        out.append((m.start("place"), m.end()))
    return out


def _split_at_dateline(
    bounds: list[tuple[int, int]], lead: tuple[int, int]
) -> list[tuple[int, int]]:
    """Sentence bounds with the dateline `lead` a sentence of its own, before the story's."""
    start, end = lead
    out: list[tuple[int, int]] = []
    for a, b in bounds:
        if b <= start or a >= end:
            out.append((a, b))
            continue
        if a < start:
            out.append((a, start))
        if not out or out[-1] != (start, end):
            out.append((start, end))
        if b > end:
            out.append((end, b))
    return out


def number_value(word: str) -> int | float | None:
    """'11' -> 11, 'eleven' -> 11, 'none' -> 0, '3,000' -> 3000, '12.5' -> 12.5."""
    words = load_json("lexicon.json")["number_words"]
    token = word.strip().lower().replace("\u2019", "'")
    if token in words:
        return words[token]
    cleaned = token.replace(",", "")
    if len(cleaned) > MAX_DIGITS:
        return None  # a code or garbage, never a figure (and int() refuses 4,300+ digits)
    if re.fullmatch(r"\d+", cleaned):
        return int(cleaned)
    if re.fullmatch(r"\d+\.\d+", cleaned):
        return float(cleaned)
    parts = re.split(r"[-\s]+", token)
    if len(parts) == 2 and all(p in words for p in parts):
        return words[parts[0]] + words[parts[1]]
    return None


def council_size(on: date | None) -> int:
    """15 members since the 1965 Charter amendment took effect (1 January 1966), 11 before."""
    if on is not None and on.year < 1966:
        return 11
    return 15


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def to_claims(ctx: ArticleContext, found: list[Found]) -> list[Claim]:
    """Assign ids in reading order and attach each claim's sentence (never a dateline's)."""
    for f in found:
        f.start = ctx.after_dateline(f.start, f.end)
    found.sort(key=lambda f: (f.start, -f.end, f.type))
    claims = []
    for i, f in enumerate(found, 1):
        framed = ctx.dateline_bounds(f.start, f.end)
        s, e = framed or f.sentence_bounds or ctx.sentence_bounds(f.start, f.end)
        if framed is None:
            s = ctx.after_dateline(s, e)
        s, e = min(s, f.start), max(e, f.end)
        root, heads, governor = _anchor(ctx, f.start, f.end)
        claims.append(
            Claim(
                id=f"c{i}",
                type=f.type,
                start=f.start,
                end=f.end,
                text=ctx.text[f.start : f.end],
                sentence=ctx.text[s:e].strip(),
                value=f.value,
                sentence_start=s,
                root=root,
                heads=heads,
                governor=governor,
            )
        )
    return claims


def _anchor(ctx: ArticleContext, start: int, end: int) -> tuple[int, tuple[int, ...], str]:
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None or not ctx.statistical:
        return -1, (), ""
    root = span.root
    heads = tuple(t.i for t in list(root.ancestors)[:4])
    verb = next((t for t in [root, *root.ancestors] if t.pos_ in {"VERB", "AUX"}), None)
    governor = f"{verb.i}:{verb.lower_}" if verb is not None else ""
    return root.i, heads, governor


def drop_contained(found: list[Found]) -> list[Found]:
    """Within one type, keep the longest of overlapping finds (ties: higher priority)."""
    by_type: dict[str, list[Found]] = {}
    for f in found:
        by_type.setdefault(f.type, []).append(f)
    kept: list[Found] = []
    for items in by_type.values():
        items.sort(key=lambda f: (-(f.priority), -(f.end - f.start), f.start))
        # The chosen finds never overlap: kept sorted by start, a new find need only be
        # compared with its neighbours (a text with thousands of dates stays fast).
        starts: list[int] = []
        chosen: list[Found] = []
        for f in items:
            i = bisect.bisect_left(starts, f.start)
            near = chosen[max(0, i - 1) : i + 1]
            if not any(overlaps((f.start, f.end), (c.start, c.end)) for c in near):
                starts.insert(i, f.start)
                chosen.insert(i, f)
        kept.extend(chosen)
    return kept
