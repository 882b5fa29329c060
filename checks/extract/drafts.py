"""Whose draft a claim's clause speaks of, and where a sentence's clauses end.

News often tells two drafts voted the same day in one story, or one sentence: "The US draft
received 12 votes but was vetoed by Russia, while the Russian text won only six". A draft's
sponsor votes for it and never vetoes it, so naming the sponsor tells the two apart where the
records (which do not say who drafted what) cannot. The patterns are data
(`checks/patterns/sponsors.json`); this module only reads sentences, never the spaCy document,
so that claims reloaded from the store get the same links.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from checks import countries
from checks.patternbook import expand, load_json


@dataclass(frozen=True)
class Mention:
    """A draft named in a sentence (offsets within it), with the states said to own it."""

    start: int
    end: int
    owners: tuple[str, ...]  # canonical names; empty when the text does not say


def _alternation(names: list[str]) -> str:
    names = sorted({n for n in names if n}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names) + ")"


@cache
def _compiled() -> tuple[list[re.Pattern[str]], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    data = load_json("sponsors.json")
    names, demonyms = countries.known_names()
    table = dict(data["macros"])
    table["STATE"] = rf"(?<![\w.]){_alternation(names + demonyms)}(?!\w)"
    table["DEMONYM"] = rf"(?<![\w.]){_alternation(demonyms)}(?!\w)"
    sponsored = [re.compile(expand(t, table), re.I) for t in data["sponsored"]]
    mention = re.compile("|".join(expand(t, table) for t in data["mentions"]), re.I)
    breaks = re.compile("|".join(data["clause_breaks"]), re.I)
    state = re.compile(table["STATE"], re.I)
    return sponsored, mention, breaks, state


def clauses(sentence: str) -> list[tuple[int, int]]:
    """Every clause of the sentence, as (start, end) offsets (the breaks between them are in
    none)."""
    _s, _m, breaks, _st = _compiled()
    out, start = [], 0
    for m in breaks.finditer(sentence):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(sentence)))
    return [(a, b) for a, b in out if b > a]


def clause_bounds(sentence: str, at: int) -> tuple[int, int]:
    """The clause of `sentence` holding offset `at` (a break's offset goes with the clause
    after it)."""
    parts = clauses(sentence)
    return next(((a, b) for a, b in parts if at < b), parts[-1] if parts else (0, 0))


def _owners(text: str) -> tuple[str, ...]:
    _s, _m, _b, state = _compiled()
    found = []
    for m in state.finditer(text):
        if m[0][:1].isupper():  # "us" the pronoun is not the United States
            canon = countries.canonical(m[0])
            if canon not in found:
                found.append(canon)
    return tuple(found)


@lru_cache(maxsize=256)
def mentions(sentence: str) -> tuple[Mention, ...]:
    """Every draft the sentence names, in order; one named with its sponsors carries them.
    Overlapping readings are merged: each says its states voted for the draft."""
    sponsored, mention, _b, _st = _compiled()
    if not mention.search(sentence):
        return ()
    spans: list[Mention] = []
    for pattern in sponsored:
        for m in pattern.finditer(sentence):
            owners = _owners(m["owners"])
            if owners:
                spans.append(Mention(m.start(), m.end(), owners))
    for m in mention.finditer(sentence):
        if not any(s.start <= m.start() < s.end for s in spans):
            spans.append(Mention(m.start(), m.end(), ()))
    spans.sort(key=lambda s: s.start)
    merged: list[Mention] = []
    for s in spans:
        if merged and s.start < merged[-1].end:
            last = merged[-1]
            owners = last.owners + tuple(o for o in s.owners if o not in last.owners)
            merged[-1] = Mention(last.start, max(last.end, s.end), owners)
        else:
            merged.append(s)
    return tuple(merged)


def sponsors_of(sentence: str, start: int, end: int) -> tuple[str, ...]:
    """The states whose draft the clause of a claim (at `start`..`end` in the sentence) speaks
    of: the draft named last before the claim in its clause, else the first after it; none
    when the clause names no draft, or names one without saying whose."""
    lo, hi = clause_bounds(sentence, start)
    here = [m for m in mentions(sentence) if m.start >= lo and m.end <= hi]
    before = [m for m in here if m.start <= start]
    after = [m for m in here if m.start >= end]
    chosen = before[-1] if before else (after[0] if after else None)
    return chosen.owners if chosen is not None else ()
