"""Other checkable figures: "the 15-member Council", "nine 'yes' votes", "36 years", "12.5%",
"$5.2 billion". A number needs a unit to be a claim; times of day, phone numbers, references
to paragraphs and pages, and parts of symbols, votes, dates and resolutions are not claims."""

from __future__ import annotations

import math
import re
from typing import Any

from checks import countries
from checks.extract.context import ArticleContext, Found, number_value, overlaps
from checks.patternbook import load_json, patterns

QUALIFIERS = re.compile(
    r"(?i)\b(more\s+than|over|at\s+least|nearly|almost|about|around|some|up\s+to|fewer\s+than|"
    r"less\s+than|roughly|approximately)\s+$"
)
MEASURES = frozenset(
    "years days weeks months hours votes members pages paragraphs seats percent missions "
    "resolutions drafts abstentions troops people times".split()
)
SCALE_ABBREV = {"bn": 1e9, "mn": 1e6, "m": 1e6, "k": 1e3}
ORDINAL_IDIOMS = frozenset({"time", "times", "step", "round", "half"})
# Hyphenated units that count whole things: a fraction of them is a misread separator
WHOLE_UNITS = frozenset("member nation country seat state strong page paragraph article".split())
ADJECTIVE_UNITS = frozenset({"strong"})
# Entity labels of names: an ordinal inside one is part of the name, not a count
NAME_LABELS = frozenset(
    "ORG LAW EVENT LOC GPE FAC WORK_OF_ART PRODUCT NORP PERSON LANGUAGE".split()
)
LARGEST = 1e15  # beyond this a "number" is a code or garbage, never a checkable figure


def _plural(unit: str) -> str:
    unit = unit.lower()
    keep = unit.endswith("s") or unit in {"%", "percent"}
    return unit if keep or unit in load_json("lexicon.json")["plural_units"] else unit + "s"


def _hyphen_figure(g: dict[str, str | None], lex: dict) -> int | float | None:
    """The figure of "a 1,049-strong force", "a 1.5-million-strong army", "a 2.5-mile zone".
    A fraction of whole things ("a 1.049-strong force", where the dot may be a European
    thousands separator) is no figure anyone can read for sure: None."""
    n = number_value(g["n"] or "")
    if n is None:
        return None
    if g.get("scale"):
        return n * lex["scale_words"][g["scale"].lower()]
    if not float(n).is_integer() and (g["unit"] or "").lower() in WHOLE_UNITS:
        return None
    return n


def _hyphen_value(n: float, g: dict[str, str | None], ctx: ArticleContext, m) -> dict | None:
    unit = (g["unit"] or "").lower()
    # "strong" says how many, it is no unit to count: "a 1,049-strong force" is 1049 strong
    return _value(n, unit if unit in ADJECTIVE_UNITS else _plural(unit), ctx, m.start())


def _qualifier(ctx: ArticleContext, start: int) -> str | None:
    m = QUALIFIERS.search(ctx.text[max(0, start - 20) : start])
    return re.sub(r"\s+", " ", m[1].lower()) if m else None


def _value(n: float, unit: str, ctx: ArticleContext, start: int, **extra) -> dict | None:
    """The claim's value, or None for a figure beyond any checkable size (a 400-digit string
    would become infinity, which JSON cannot carry)."""
    if not math.isfinite(n) or abs(n) > LARGEST:
        return None
    value = {"value": int(n) if float(n).is_integer() else n, "unit": unit}
    qualifier = _qualifier(ctx, start)
    if qualifier:
        value["qualifier"] = qualifier
    value.update(extra)
    return value


def find(ctx: ArticleContext, taken: list[tuple[int, int]]) -> list[Found]:
    """Numbers outside the spans already `taken` by votes, dates and resolutions."""
    lex = load_json("lexicon.json")
    excluded = [*taken, *ctx.memo.get("dateline", [])]
    found: list[Found] = []
    for p in patterns("number"):
        if p.options.get("exclude"):
            excluded += [(m.start(), m.end()) for m in ctx.finditer(p)]
    for p in patterns("number"):
        if p.options.get("exclude"):
            continue
        for m in ctx.finditer(p):
            if any(overlaps((m.start(), m.end()), span) for span in excluded):
                continue
            g = m.groupdict()
            if p.label == "NUM_HYPHEN_UNIT":
                n = _hyphen_figure(g, lex)
                if n is not None:
                    found.append(
                        Found("number", m.start(), m.end(), _hyphen_value(n, g, ctx, m), 1)
                    )
            elif p.label == "NUM_PERCENT":
                n = float(g["n"].replace(",", "."))
                found.append(
                    Found("number", m.start(), m.end(), _value(n, "percent", ctx, m.start()), 1)
                )
            elif p.label == "NUM_MONEY":
                n = float(g["n"].replace(",", ""))
                scale = (g.get("scale") or "").lower()
                n *= lex["scale_words"].get(scale) or SCALE_ABBREV.get(scale, 1)
                currency = g["cur"].strip().upper().replace("US$", "USD").replace("$", "USD")
                currency = {"€": "EUR", "£": "GBP", "¥": "JPY"}.get(currency, currency)
                found.append(
                    Found("number", m.start(), m.end(), _value(n, currency, ctx, m.start()), 1)
                )
            elif p.label == "NUM_SCALE":
                n = round(
                    float(g["n"].replace(",", ".")) * lex["scale_words"][g["scale"].lower()], 2
                )
                end, unit = m.end("scale"), ""
                if g.get("unit") and _is_noun(ctx, m.start("unit")):
                    end, unit = m.end("unit"), _plural(g["unit"])
                found.append(Found("number", m.start(), end, _value(n, unit, ctx, m.start()), 1))
            elif p.label == "NUM_HALF_SCALE":
                n = 0.5 * lex["scale_words"][g["scale"].lower()]
                unit = _plural(g["unit"]) if g.get("unit") else ""
                found.append(
                    Found("number", m.start(), m.end(), _value(n, unit, ctx, m.start()), 1)
                )
    excluded += [(f.start, f.end) for f in found]
    found += _token_numbers(ctx, _Taken(len(ctx.text), excluded), lex)
    return [f for f in found if f.value is not None]


class _Taken:
    """Characters already claimed, as a mask: each test costs the span's length, not the
    number of claims so far (a text of thousands of figures stays linear)."""

    def __init__(self, size: int, spans: list[tuple[int, int]]) -> None:
        self.mask = bytearray(size + 1)
        for span in spans:
            self.append(span)

    def append(self, span: tuple[int, int]) -> None:
        self.mask[span[0] : span[1]] = b"\x01" * max(0, span[1] - span[0])

    def hits(self, start: int, end: int) -> bool:
        return any(self.mask[start:end])


def _token_numbers(ctx: ArticleContext, excluded: _Taken, lex: dict) -> list[Found]:
    """Cardinals and ordinals modifying a noun, read from the dependency parse."""
    found: list[Found] = []
    skip_heads = set(lex["number_excluded_heads"])
    ordinals = lex["ordinal_words"]
    doc = ctx.doc
    for tok in doc:
        low = tok.lower_
        is_ordinal = low in ordinals
        if not (tok.like_num or is_ordinal) or tok.is_punct:
            continue
        if excluded.hits(tok.idx, tok.idx + len(tok)):
            continue
        if re.fullmatch(r"(?:1[89]|20)\d\d", tok.text):
            continue  # a year: the date finder's business
        if low in {"one", "a", "an"} and not is_ordinal:
            continue  # "one of them", "one day": rarely a checkable figure
        if is_ordinal and _names_something(ctx, tok, lex):
            continue  # "the Fourth Geneva Convention", "the Second World War": a name
        n = ordinals.get(low) if is_ordinal else number_value(tok.text)
        if n is None:
            continue
        head = _unit_token(tok)
        if head is None or head.like_num or (not is_ordinal and head.lower_ in skip_heads):
            continue
        event = _ordinal_event(head, lex) if is_ordinal else None
        if is_ordinal and event is None and (n < 2 or head.lower_ in ORDINAL_IDIOMS):
            continue  # "for the first time", "a second step": figures of speech, not counts
        if not is_ordinal and n <= 2 and _plural(head.text) not in MEASURES:
            continue  # "our two states", "both sides": not a figure anyone checks
        if not is_ordinal and tok.dep_ not in {"nummod", "quantmod"}:
            continue
        if excluded.hits(head.idx, head.idx + len(head)):
            continue  # "150 last year": the noun belongs to a date, not to the number
        end_tok = event[1] if event else head if head.i > tok.i else tok
        start, end = tok.idx, end_tok.idx + len(end_tok)
        if event and end - start > 60:
            end = head.idx + len(head)  # "the fifth time ...": the clause stays in the value
        if end - start > 60 or excluded.hits(start, end):
            start, end = tok.idx, tok.idx + len(tok)
        extra = {"ordinal": True} if is_ordinal else {}
        unit = head.text.lower() if is_ordinal else _plural(head.text)
        if event:
            unit = event[0]
            extra.update(event[2])
        found.append(Found("number", start, end, _value(n, unit, ctx, start, **extra), 0))
        excluded.append((start, end))
    return found


def _names_something(ctx: ArticleContext, tok, lex: dict) -> bool:
    """Is a capitalised ordinal part of a proper name ("the Fourth Geneva Convention", "the
    First Committee", "the Third Reich")? Such a name counts nothing anyone checks. It is, when
    the entity recogniser puts it inside a name, or when a capitalised word that is no counted
    event follows it (a headline's "Fourth Veto" stays a count)."""
    if not tok.text[:1].isupper():
        return False
    ent = ctx.entity_at(tok.idx, tok.idx + len(tok.text))
    if ent is not None and ent.label_ in NAME_LABELS:
        return True
    if tok.i + 1 >= len(tok.doc):
        return False
    nxt = tok.doc[tok.i + 1]
    counted = set(lex["ordinal_event_nouns"]) | set(lex["ordinal_series_nouns"])
    return nxt.text[:1].isupper() and nxt.is_alpha and nxt.lower_ not in counted


def _ordinal_event(head, lex: dict) -> tuple[str, Any, dict] | None:
    """A counted event: "a fourth round of sanctions" (unit "round of sanctions"), "Britain's
    first veto" (whose: the possessor), "the fifth time Russia has used its veto" (the clause
    says what is counted). Returns (unit, last token of the claim, extra value fields) or None
    when the ordinal is not about a countable event ("for the first time")."""
    low = head.lower_
    if low not in lex["ordinal_event_nouns"] and low not in lex["ordinal_series_nouns"]:
        return None
    kids = list(head.children)
    if low in {"time", "times"}:
        clause = next((c for c in kids if c.dep_ in {"relcl", "acl"} and c.i > head.i), None)
        if clause is None:
            return None
        last = max(clause.subtree, key=lambda t: t.i)
        words = head.doc[clause.left_edge.i : last.i + 1]
        return "time", last, {"event": words.text}
    if low in lex["ordinal_series_nouns"]:
        of = next((c for c in kids if c.lower_ == "of" and c.i == head.i + 1), None)
        obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        if obj is None or obj.i - head.i > 4:
            return None
        return f"{low} of {head.doc[of.i + 1 : obj.i + 1].text.lower()}", obj, {}
    owner = next((c for c in kids if c.dep_ == "poss"), None)
    if owner is None:
        return None
    extra = {}
    if owner.pos_ == "PROPN":
        name = head.doc[owner.left_edge.i : owner.i + 1].text
        extra["of"] = countries.canonical(name)
    return low, head, extra


def _is_noun(ctx: ArticleContext, offset: int) -> bool:
    span = ctx.doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span is not None and span[0].pos_ in {"NOUN", "PROPN"}


def _unit_token(tok):
    """The noun a number counts: its syntactic head when that is a noun after it."""
    head = tok.head
    if (
        head is not tok
        and head.pos_ in {"NOUN", "PROPN"}
        and head.i > tok.i
        and head.i - tok.i <= 5
    ):
        return head
    if tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].pos_ == "NOUN":
        return tok.doc[tok.i + 1]
    return None
