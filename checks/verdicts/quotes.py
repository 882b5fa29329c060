"""The rule for quotations: news and fact-check archives give candidate reports (titles and
links), never the text, so a quotation is never decided automatically; the verdict names the
archives searched, or says what the claim lacks when it cannot be searched."""

from __future__ import annotations

from typing import Any

from checks.models import Claim, Verdict
from checks.sources.base import Query
from checks.verdicts.base import CheckContext, evidence, make

QUOTE_RULE, QUOTE_VERSION = "quote.found_in_source", "v2"


def _quote_verdict(reason: str, text: str, **kw: Any) -> Verdict:
    verdict = make("unverifiable", text, QUOTE_RULE, QUOTE_VERSION, **kw)
    verdict.reason = reason
    return verdict


def check_quote(claim: Claim, ctx: CheckContext) -> Verdict:
    value = claim.value
    quote = (value.get("quote") or "").strip()
    speaker = (value.get("speaker") or "").strip()
    shown = f"“{quote[:120]}{'…' if len(quote) > 120 else ''}”" if quote else "(no quotation)"
    claimed = f"{speaker or '(no speaker)'}: {shown}"
    if value.get("via"):
        claimed += f" (via {value['via']})"
    missing = [
        what for what, have in (("the quoted words", quote), ("the speaker", speaker)) if not have
    ]
    if missing:
        return _quote_verdict(
            "quote.incomplete",
            f"This quotation claim is missing {' and '.join(missing)}, so no archive was "
            "searched; add them to check it.",
            claimed=claimed,
        )
    sources = [s for s in (ctx.services.gdelt, ctx.services.factcheck) if s is not None]
    if not sources:
        return _quote_verdict(
            "quote.no_archive",
            "No news or fact-check archive is configured, so nothing was searched.",
            claimed=claimed,
        )
    searched = ", ".join(getattr(s, "title", s.name) for s in sources)
    candidates = []
    for source in sources:
        candidates += ctx.search(source, Query(kind="text", value=quote, on=ctx.article_date))
    if not candidates:
        return _quote_verdict(
            "quote.not_in_archives",
            f"Searched {searched}: none carries this quotation of {speaker}; find the original "
            f"({value.get('via') or 'the outlet'}).",
            claimed=claimed,
        )
    ev = [
        evidence(r, r.fields.get("title") or r.fields.get("review_title") or "")
        for r in candidates[:8]
    ]
    return _quote_verdict(
        "quote.reports_found",
        f"Searched {searched}: {len(candidates)} report(s) may carry this quotation of {speaker}; "
        "the archives give titles and links, not the text, so open them to confirm the wording.",
        evidence=ev,
        claimed=claimed,
    )
