"""Rules for people's titles (Wikidata positions held) and quotations (news archives)."""

from __future__ import annotations

import re

from checks.models import Claim, Verdict
from checks.sources.base import Query
from checks.verdicts.base import CheckContext, evidence, make

ROLE_RULE, ROLE_VERSION = "role.wikidata_positions", "v1"
QUOTE_RULE, QUOTE_VERSION = "quote.found_in_source", "v1"
SYNONYMS = {
    "foreign": {"foreign", "affairs"},
    "spokeswoman": {"spokesperson", "spokeswoman", "spokesman", "press", "information"},
    "spokesman": {"spokesperson", "spokeswoman", "spokesman", "press", "information"},
    "ambassador": {"ambassador", "permanent", "representative", "envoy"},
    "president": {"president"},
    "minister": {"minister", "secretary"},
}
FILLER = {"of", "the", "to", "for", "and", "a", "an", "s", "’s", "'s", "former", "then", "new"}


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.lower()) if w not in FILLER}


RANK_WORDS = frozenset({"deputy", "vice", "assistant", "acting", "under", "first"})


def role_matches(claimed_role: str, position: str) -> bool:
    """Every key word of the claimed title is in the position's label (allowing synonyms),
    and both agree on rank: a deputy minister is not a minister."""
    want, have = _words(claimed_role), _words(position)
    if (want & RANK_WORDS) != (have & RANK_WORDS):
        return False
    core = want - RANK_WORDS
    if not core:
        return False
    return all(w in have or SYNONYMS.get(w, set()) & have for w in core)


def check_role(claim: Claim, ctx: CheckContext) -> Verdict:
    value = claim.value
    person, role = value.get("person") or "", value.get("role") or ""
    claimed = f"{person}: {role}" + (f" ({value['of']})" if value.get("of") else "")
    if value.get("members") or value.get("role") == "President of the Security Council":
        return make(
            "unverifiable",
            "Who sponsored or drafted a text, or held the presidency, is "
            "in the draft document and the Council's programme of work; open them to "
            "check.",
            ROLE_RULE,
            ROLE_VERSION,
            claimed=claimed,
        )
    source = ctx.services.wikidata
    if source is None:
        return make(
            "unverifiable", "Wikidata is not configured.", ROLE_RULE, ROLE_VERSION, claimed=claimed
        )
    records = ctx.search(source, Query(kind="person", value=person, on=ctx.article_date))
    if not records:
        return make(
            "not_found",
            f'Wikidata has no positions for "{person}" (or no such person): check another source.',
            ROLE_RULE,
            ROLE_VERSION,
            claimed=claimed,
        )
    matching = [r for r in records if role_matches(role, r.fields.get("position") or "")]
    if not matching:
        held = "; ".join(sorted({r.fields.get("position") or "" for r in records})[:6])
        return make(
            "unverifiable",
            f"Wikidata lists positions of {person} ({held}) but none "
            f'matches "{role}"; Wikidata may be incomplete.',
            ROLE_RULE,
            ROLE_VERSION,
            evidence=[evidence(records[0])],
            claimed=claimed,
            found=held,
        )
    current = [r for r in matching if r.fields.get("current_on_date") is True]
    best = (current or matching)[0]
    f = best.fields
    span = f"{f.get('start') or '?'} to {f.get('end') or 'present'}"
    ev = [evidence(best, f"{f.get('person')}: {f.get('position')} ({span})")]
    found = f"{f.get('position')} ({span})"
    on = ctx.article_date.isoformat() if ctx.article_date else "the article's date"
    if re.search(r"(?i)\bformer\b", role) and f.get("current_on_date") is False:
        return make(
            "supported",
            f'Wikidata: {person} held "{f.get("position")}" ({span}), so "former" fits {on}.',
            ROLE_RULE,
            ROLE_VERSION,
            evidence=ev,
            claimed=claimed,
            found=found,
        )
    if current:
        return make(
            "supported",
            f'Wikidata: {person} held "{f.get("position")}" from {span}, which covers {on}.',
            ROLE_RULE,
            ROLE_VERSION,
            evidence=ev,
            claimed=claimed,
            found=found,
        )
    if f.get("current_on_date") is False:
        return make(
            "contradicted",
            f'Wikidata: {person} held "{f.get("position")}" from '
            f"{span}, which does not cover {on}.",
            ROLE_RULE,
            ROLE_VERSION,
            evidence=ev,
            claimed=claimed,
            found=found,
        )
    return make(
        "partly_supported",
        f'Wikidata: {person} held "{f.get("position")}" '
        f"({span}); the dates do not settle whether this held on {on}.",
        ROLE_RULE,
        ROLE_VERSION,
        evidence=ev,
        claimed=claimed,
        found=found,
    )


def check_quote(claim: Claim, ctx: CheckContext) -> Verdict:
    value = claim.value
    quote = value.get("quote") or ""
    speaker = value.get("speaker") or "an unnamed speaker"
    claimed = f"{speaker}: “{quote[:120]}{'…' if len(quote) > 120 else ''}”"
    if value.get("via"):
        claimed += f" (via {value['via']})"
    candidates = []
    for source in (ctx.services.gdelt, ctx.services.factcheck):
        if source is not None:
            candidates += ctx.search(source, Query(kind="text", value=quote, on=ctx.article_date))
    ev = [
        evidence(r, r.fields.get("title") or r.fields.get("review_title") or "")
        for r in candidates[:8]
    ]
    if not candidates:
        return make(
            "unverifiable",
            f"No news or fact-check archive in reach carries this "
            f"quotation of {speaker}; find the original ({value.get('via') or 'the outlet'}).",
            QUOTE_RULE,
            QUOTE_VERSION,
            claimed=claimed,
        )
    return make(
        "unverifiable",
        f"{len(candidates)} report(s) may carry this quotation of "
        f"{speaker}; the archives give titles and links, not the text, so open them to "
        "confirm the wording.",
        QUOTE_RULE,
        QUOTE_VERSION,
        evidence=ev,
        claimed=claimed,
    )
