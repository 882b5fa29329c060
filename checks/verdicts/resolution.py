"""Rules for resolution numbers and draft symbols."""

from __future__ import annotations

from checks.models import Claim, Verdict
from checks.verdicts.base import CheckContext, evidence, long_date, make, topic_fit, vote_text
from checks.verdicts.targets import resolution_record

RULE, VERSION = "resolution.exists_year_topic", "v1"


def _near_misses(number: int) -> set[int]:
    """Numbers one slip away: a transposed pair of digits or one digit off."""
    digits = str(number)
    out = set()
    for i in range(len(digits) - 1):
        swapped = digits[:i] + digits[i + 1] + digits[i] + digits[i + 2 :]
        out.add(int(swapped))
    out |= {number - 1, number + 1}
    out.discard(number)
    return out


def check_resolution(claim: Claim, ctx: CheckContext) -> Verdict:
    value = claim.value
    if value.get("organ") == "GA":
        return make(
            "unverifiable",
            "This is a General Assembly resolution; the workbench checks "
            "Security Council records only.",
            RULE,
            VERSION,
        )
    if not value.get("number") and not value.get("draft"):
        return make(
            "unverifiable",
            f"{value.get('symbol')} is a Council document, not a "
            "resolution or draft; open it to check what the article says of it.",
            RULE,
            VERSION,
        )
    rec = resolution_record(ctx, claim)
    label = value.get("symbol") or f"resolution {value.get('number')}"
    if rec is None and value.get("draft"):
        # The tables list failed drafts by symbol; an adopted draft appears as its resolution.
        return make(
            "unverifiable",
            f"The Dag Hammarskjöld Library tables list no failed draft {label}; if it was "
            "adopted, it is listed under its resolution number. Open the document to check.",
            RULE,
            VERSION,
            claimed=label,
        )
    if rec is None and ctx.services.records is not None:
        missing = ctx.services.records.missing_years(value["number"], value.get("year"))
        if missing:
            years = ", ".join(str(y) for y in missing)
            return make(
                "unverifiable",
                f"The records that would list {label} are not available here (no table "
                f"was found for {years}); it may be among them. Check again later.",
                RULE,
                VERSION,
                claimed=label,
            )
    if rec is None:
        return make(
            "not_found",
            f"The Dag Hammarskjöld Library tables list no {label}. Check the "
            "number (or the records may not yet cover it).",
            RULE,
            VERSION,
            claimed=label,
        )
    ev = [
        evidence(
            rec.record,
            f"{rec.symbol}: {rec.status}, {long_date(rec.date)}, "
            f"{vote_text(rec.vote)}, {rec.meeting_record or ''} - {rec.topic}",
        )
    ]
    found = f"{rec.symbol}, {rec.status} on {long_date(rec.date)} ({rec.topic})"
    if value.get("draft"):
        return make(
            "supported",
            f"Draft {rec.symbol} was put to the vote on "
            f"{long_date(rec.date)} ({rec.status}, {vote_text(rec.vote)}).",
            RULE,
            VERSION,
            evidence=ev,
            claimed=label,
            found=found,
        )
    year = value.get("year")
    if year and rec.year != year:
        return make(
            "contradicted",
            f"The article says {label}; the record of resolution "
            f"{rec.number} says it was adopted in {rec.year} ({long_date(rec.date)}), "
            f"not {year}.",
            RULE,
            VERSION,
            evidence=ev,
            claimed=label,
            found=found,
        )
    fit = topic_fit(rec.topic, ctx.text)
    if fit == 0:
        better = _typo_candidate(claim, ctx, rec.number)
        if better is not None:
            ev.append(evidence(better.record, f"{better.symbol}: {better.topic}"))
            return make(
                "contradicted",
                f'Resolution {rec.number} ({rec.year}) is about "{rec.topic}", not what the '
                f"article discusses. It is likely a typo for {better.number}, adopted on "
                f'{long_date(better.date)} on "{better.topic}".',
                RULE,
                VERSION,
                evidence=ev,
                claimed=label,
                found=f"{rec.symbol}: {rec.topic}; {better.symbol}: {better.topic}",
            )
        return make(
            "partly_supported",
            f"Resolution {rec.number} exists (adopted "
            f'{long_date(rec.date)}), but its topic, "{rec.topic}", does not obviously '
            "match the article: check that the right number is cited.",
            RULE,
            VERSION,
            evidence=ev,
            claimed=label,
            found=found,
        )
    return make(
        "supported",
        f"Resolution {rec.number} ({rec.year}) was adopted on "
        f'{long_date(rec.date)} ({vote_text(rec.vote)}) on "{rec.topic}", which fits '
        "the article.",
        RULE,
        VERSION,
        evidence=ev,
        claimed=label,
        found=found,
    )


def _typo_candidate(claim: Claim, ctx: CheckContext, number: int):
    """A resolution one slip away whose topic fits the article (preferring one it cites)."""
    cited = {c.value.get("number") for c in ctx.claims if c.type == "resolution"}
    candidates = sorted(_near_misses(number), key=lambda n: (n not in cited, abs(n - number)))
    for n in candidates:
        if n not in cited:
            continue  # only numbers the article itself uses: a guess otherwise
        rec = ctx.memo(("res", n, None), lambda n=n: ctx.services.records.resolution(n))
        if rec is not None and topic_fit(rec.topic, ctx.text) > 0:
            return rec
    return None
