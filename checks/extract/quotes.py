"""Direct quotations with who said them and the outlet that carried them.

"“...,” Deputy Foreign Minister Sergei Ryabkov said on Sunday, TASS reported." gives the
quote, speaker "Sergei Ryabkov" and via "TASS". Short scare quotes ("toughest ever") are
not quotations of a person and are skipped.
"""

from __future__ import annotations

import re

from checks.extract.context import ArticleContext, Found
from checks.patternbook import pattern

MIN_WORDS = 4
# The attribution ends at a full stop, but not at the stop of "U.S." or "Mr." inside it.
SENTENCE_STOP = re.compile(r"(?<!\b[A-Z])(?<!\bMrs)(?<!\b(?:Mr|Ms|Dr|St))[.!?](?:\s|$)|[“\"]")
PRONOUN_OR_DESCRIPTION = re.compile(
    r"(?i)^(he|she|they|it|the\s+.*\b(official|minister|spokes\w+|diplomat|envoy|ambassador|"
    r"president|leader|source|statement|ministry))\b"
)


def _clean(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip(" ,.;:")
    return re.sub(r"^(?i:the)\s+(?=[A-Z])", "", name)


def _person_in(ctx: ArticleContext, start: int, end: int) -> str | None:
    ents = ctx.entities_in(start, end, {"PERSON"})
    return ents[-1].text if ents else None


def _last_person_before(ctx: ArticleContext, offset: int) -> str | None:
    people = [e for e in ctx.doc.ents if e.label_ == "PERSON" and e.end_char <= offset]
    return people[-1].text if people else None


def _speaker(ctx: ArticleContext, who: str, who_start: int) -> tuple[str, str | None]:
    """(speaker as written or the person named in it, the person a description refers to)."""
    who_end = who_start + len(who)
    person = _person_in(ctx, who_start, who_end)
    if person:
        return person, None
    cleaned = _clean(who)
    if PRONOUN_OR_DESCRIPTION.match(cleaned):
        return cleaned, _last_person_before(ctx, who_start)
    orgs = ctx.entities_in(who_start, who_end, {"ORG", "GPE", "NORP"})
    if orgs:
        return _clean(ctx.text[orgs[0].start_char : who_end]) or orgs[0].text, None
    return cleaned, None


def _attribution_after(ctx: ArticleContext, qe: int) -> tuple[dict, int]:
    """Speaker and outlet in the words after the closing mark, up to the sentence's end."""
    stop = SENTENCE_STOP.search(ctx.text[qe : qe + 300])
    tail_end = qe + (stop.start() if stop else min(300, len(ctx.text) - qe))
    tail = ctx.text[qe:tail_end]
    info: dict = {}
    end = qe
    quoted_as = pattern("quote", "ATTRIB_QUOTED_AS").regex.search(tail)
    if quoted_as:
        info["speaker"], _ = _speaker(ctx, quoted_as["who"], qe + quoted_as.start("who"))
        info["via"] = _clean(quoted_as["via"])
        return info, qe + quoted_as.end()
    for label in ("ATTRIB_AFTER", "ATTRIB_AFTER_INVERTED"):
        m = pattern("quote", label).regex.search(tail)
        if m and len(m["who"].split()) <= 12:
            info["speaker"], ref = _speaker(ctx, m["who"], qe + m.start("who"))
            if ref:
                info["speaker_refers_to"] = ref
            end = qe + m.end()
            break
    via = pattern("quote", "ATTRIB_VIA").regex.search(tail)
    if via:
        name = via["via"] or via["via2"] or via["via3"]
        if name and _clean(name) != info.get("speaker"):
            info["via"] = _clean(name)
            end = max(end, qe + via.end())
    if info:
        end = max(end, tail_end)
    return info, end


def _attribution_before(ctx: ArticleContext, qs: int) -> tuple[dict, int]:
    s, _ = ctx.sentence_bounds(qs, qs + 1)
    head = ctx.text[s:qs]
    m = pattern("quote", "ATTRIB_BEFORE").regex.search(head)
    if not m:
        return {}, qs
    speaker, ref = _speaker(ctx, m["who"], s + m.start("who"))
    info = {"speaker": speaker}
    if ref:
        info["speaker_refers_to"] = ref
    return info, s + m.start("who")


def find(ctx: ArticleContext) -> list[Found]:
    found: list[Found] = []
    seen: list[tuple[int, int]] = []
    for label in ("QUOTE_DOUBLE", "QUOTE_SINGLE", "QUOTE_UNOPENED"):
        for m in pattern("quote", label).regex.finditer(ctx.text):
            quote = m.groupdict().get("q") or m.groupdict().get("q2") or ""
            qs, qe = m.start(), m.end()
            if label == "QUOTE_UNOPENED":
                qs = m.start("q") + (len(quote) - len(quote.lstrip()))
            if len(quote.split()) < MIN_WORDS or any(a < qe and qs < b for a, b in seen):
                continue
            info, end = _attribution_after(ctx, qe)
            start = qs
            if "speaker" not in info:
                before, start = _attribution_before(ctx, qs)
                info.update(before)
                if not before:
                    start = qs
            value = {
                "speaker": info.get("speaker"),
                "quote": quote.strip().rstrip(",").strip(),
                "via": info.get("via"),
            }
            if info.get("speaker_refers_to"):
                value["speaker_refers_to"] = info["speaker_refers_to"]
            seen.append((qs, qe))
            found.append(Found("quote", start, max(end, qe), value, priority=1))
    return found
