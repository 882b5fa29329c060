"""Cutting a long text into parts and putting the parts' claims back at article offsets."""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from checks.models import Claim

#: Texts longer than this are extracted in parts; ordinary articles (a few thousand characters)
#: are read in one piece, exactly as `extract_claims` reads them.
PART_CHARS = 20_000

_PARA_BREAK = re.compile(r"\n\s*\n")
_LINE_BREAK = re.compile(r"\n")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")
_SPACE = re.compile(r"\s+")


@dataclass
class Guarded:
    """What a budgeted extraction returns: the claims found and whether the text was finished.

    `extraction` is always usable (possibly with fewer claims); `message` is empty when the
    whole text was read and otherwise says, for the journalist, what happened.
    """

    extraction: Any  # checks.extract.Extraction (imported lazily: the parent needs no spaCy)
    complete: bool = True
    message: str = ""
    seconds: float = 0.0
    parts: int = 1
    parts_done: int = 1

    @property
    def claims(self) -> list[Claim]:
        return self.extraction.claims


# -- cutting a text into parts ---------------------------------------------------------------


def split_parts(text: str, max_chars: int = PART_CHARS) -> list[tuple[int, int]]:
    """Spans `(start, end)` covering `text` exactly, each at most `max_chars` long, cut after a
    paragraph break if there is one, else after a line break, a sentence end or a space."""
    if len(text) <= max_chars:
        return [(0, len(text))]
    spans: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > max_chars:
        limit = start + max_chars
        cut = _last_break(text, start, limit)
        spans.append((start, cut))
        start = cut
    spans.append((start, len(text)))
    return spans


def _last_break(text: str, start: int, limit: int) -> int:
    """The best cut in text[start:limit]: late enough that parts are not tiny."""
    floor = start + (limit - start) // 2
    for finder in (_PARA_BREAK, _LINE_BREAK, _SENTENCE_END, _SPACE):
        last = None
        for m in finder.finditer(text, floor, limit):
            last = m
        if last is not None and last.end() > start:
            return last.end()
    return limit


# -- merging the parts' claims ---------------------------------------------------------------


@dataclass
class PartResult:
    """One part's claims, already shifted to article offsets (ids still the part's own)."""

    index: int
    claims: list[Claim]
    warnings: list[str] = field(default_factory=list)
    inferred_date: dict | None = None  # the first part's reading of when the text was written


def shift_claims(claims: list[Claim], offset: int, token_offset: int) -> list[Claim]:
    """Move a part's claims to article offsets (characters and parse tokens)."""
    if not offset and not token_offset:
        return claims
    out = []
    for c in claims:
        governor = c.governor
        if governor and ":" in governor:
            i, word = governor.split(":", 1)
            with contextlib.suppress(ValueError):
                governor = f"{int(i) + token_offset}:{word}"
        out.append(
            replace(
                c,
                start=c.start + offset,
                end=c.end + offset,
                sentence_start=c.sentence_start + offset,
                root=c.root + token_offset if c.root >= 0 else c.root,
                heads=tuple(h + token_offset for h in c.heads),
                governor=governor,
            )
        )
    return out


def merge_parts(parts: list[PartResult]) -> list[Claim]:
    """All parts' claims in reading order with ids c1, c2, ... (links renamed to match)."""
    merged: list[Claim] = []
    for part in sorted(parts, key=lambda p: p.index):
        renames = {c.id: f"c{len(merged) + i}" for i, c in enumerate(part.claims, 1)}
        for c in part.claims:
            merged.append(replace(c, id=renames[c.id], links=_rename(c.links, renames)))
    return merged


def _rename(value: Any, renames: dict[str, str]) -> Any:
    if isinstance(value, str):
        return renames.get(value, value)
    if isinstance(value, list):
        return [_rename(v, renames) for v in value]
    if isinstance(value, tuple):
        return tuple(_rename(v, renames) for v in value)
    if isinstance(value, dict):
        return {k: _rename(v, renames) for k, v in value.items()}
    return value


def dedupe(items: list[str]) -> list[str]:
    """Each warning once, in the order the parts gave them."""
    return list(dict.fromkeys(items))


def build_extraction(parts: list[PartResult], used: date | None, model: str, warnings: list[str]):
    """One Extraction from the parts read so far."""
    from checks.extract import Extraction

    extraction = Extraction(merge_parts(parts), used, model, warnings)
    first = next((p for p in parts if p.index == 0), None)
    if (
        first is not None
        and first.inferred_date is not None
        and hasattr(extraction, "inferred_date")
    ):
        extraction.inferred_date = first.inferred_date
    return extraction


def too_long_message(done: int, total: int, seconds: float) -> str:
    """What the journalist reads when the budget ran out before every part was read."""
    if total > 1 and done:
        return (
            f"This text took too long to read: extraction stopped after {seconds:.0f} s, "
            f"with {done} of {total} parts read. The claims found so far are listed; split the "
            "article or check the rest separately."
        )
    return (
        f"This text took too long to read: extraction was stopped after {seconds:.0f} s and no "
        "claims could be listed. It may contain very long lists or repeated constructions; "
        "remove them, or split the article."
    )
