"""Rules for resolution numbers and draft symbols: the decision exists, its year and subject
fit, and (when the sentence says what it did) the act is checked against its official title.

"Supported" means every checkable part was compared; an act the title does not name ("created
the mission") leaves the verdict at partly_supported, saying what was not checked.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from checks.decision_text import decision_evidence, describe, label, subject
from checks.linking import named_decision
from checks.models import Claim, Verdict
from checks.patternbook import load_json
from checks.verdicts.base import CheckContext, long_date, make, record_vote, topic_fit

RULE, VERSION = "resolution.exists_year_topic", "v2"


@cache
def _acts() -> dict[str, tuple[re.Pattern[str], re.Pattern[str]]]:
    data = load_json("actions.json")["acts"]
    return {
        k: (re.compile(v["sentence"], re.I), re.compile(v["title"], re.I)) for k, v in data.items()
    }


def acts_claimed(claim: Claim) -> list[str]:
    """What the sentence says the resolution did, read in its own clause: before the mention
    back to the last clause boundary ("endorsed by the Council in resolution 2231"), after it
    up to the next one ("resolution 1718, which created the committee"). Another subject's act
    ("the US attempt to extend an embargo that expires under resolution 2231") is not its act."""
    offset = claim.start - claim.sentence_start
    before = BOUNDARY.split(claim.sentence[max(0, offset - 100) : offset])[-1]
    rest = LEAD.sub("", claim.sentence[offset + len(claim.text) :][:100])
    after = BOUNDARY.split(rest)[0]
    clause = f"{before} {after}"
    return [act for act, (said, _title) in _acts().items() if said.search(clause)]


#: Clause boundaries, and what may lead a relative clause about the resolution.
BOUNDARY = re.compile(
    r"[;,.:]|\b(?:that|which|who|while|but|and|after|when|as)\b|\b[Rr]esolutions?\b"
)
LEAD = re.compile(r"^\s*(?:\(\d{4}\))?\s*,?\s*(?:which|that)?\s*")


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


def _unresolved(claim: Claim, ctx: CheckContext, what: str) -> Verdict | None:
    """Before saying 'not in the records': the records that would list it may be missing."""
    value = claim.value
    if value.get("draft"):
        return make(
            "unverifiable",
            f"The records list no failed draft {what}; if it was adopted, it is listed under "
            "its resolution number. Open the document to check.",
            RULE,
            VERSION,
            claimed=what,
            reason="resolution.draft_not_listed",
        )
    records = ctx.services.records
    missing = records.missing_years(value["number"], value.get("year")) if records else []
    if missing:
        years = ", ".join(str(y) for y in missing)
        return make(
            "unverifiable",
            f"The records that would list {what} are not available here (no table was found "
            f"for {years}); it may be among them. Check again later.",
            RULE,
            VERSION,
            claimed=what,
            reason="resolution.not_reached",
        )
    return None


def check_resolution(claim: Claim, ctx: CheckContext) -> Verdict:
    value = claim.value
    if value.get("organ") == "GA":
        return make(
            "unverifiable",
            "This is a General Assembly resolution; the workbench checks "
            "Security Council records only.",
            RULE,
            VERSION,
            reason="resolution.other_body",
        )
    if not value.get("number") and not value.get("draft"):
        return make(
            "unverifiable",
            f"{value.get('symbol')} is a Council document, not a "
            "resolution or draft; open it to check what the article says of it.",
            RULE,
            VERSION,
            reason="resolution.not_a_decision",
        )
    what = value.get("symbol") or f"resolution {value.get('number')}"
    d = named_decision(ctx, claim)
    if d is None:
        return _unresolved(claim, ctx, what) or make(
            "not_found",
            f"The Council's records list no {what}. Check the number (or the records may not "
            "yet cover it).",
            RULE,
            VERSION,
            claimed=what,
            reason="resolution.not_found",
        )
    return _compare(claim, ctx, d, what)


def _compare(claim: Claim, ctx: CheckContext, d: Any, what: str) -> Verdict:
    ev = decision_evidence(
        d, f"{d.key}: {d.outcome}, {long_date(d.date)}, {record_vote(d)} - {subject(d)}"
    )
    found = f"{d.key}, {d.outcome} on {long_date(d.date)} ({subject(d)})"
    chosen = {
        "decision": describe(d),
        "why": f"named by the claim ({claim.text})",
        "confidence": 0.95,
    }
    common = {"evidence": ev, "claimed": what, "found": found, "decision": chosen}
    value = claim.value
    if value.get("draft"):
        return make(
            "supported",
            f"Draft {d.key} was put to the vote on {long_date(d.date)} ({d.outcome}, "
            f"{record_vote(d)}).",
            RULE,
            VERSION,
            reason="resolution.draft_on_record",
            **common,
        )
    year = value.get("year")
    if year and d.date and d.date.year != year:
        return make(
            "contradicted",
            f"The article says {what}; the record of resolution {d.number} says it was adopted "
            f"in {d.date.year} ({long_date(d.date)}), not {year}.",
            RULE,
            VERSION,
            reason="resolution.year_differs",
            **common,
        )
    if topic_fit(subject(d), ctx.text) == 0:
        return _off_topic(claim, ctx, d, common)
    acts = acts_claimed(claim)
    _, title_acts = zip(*[_acts()[a] for a in acts], strict=True) if acts else ((), ())
    confirmed = [a for a, t in zip(acts, title_acts, strict=True) if t.search(subject(d))]
    unchecked = [a for a in acts if a not in confirmed]
    year = d.date.year if d.date else "?"
    base = (
        f"Resolution {d.number} ({year}) was adopted on {long_date(d.date)} "
        f'({record_vote(d)}), on "{subject(d)}", which fits the article'
    )
    if unchecked:
        return make(
            "partly_supported",
            f"{base}. What the article says it did ({', '.join(unchecked)}) is not in its "
            "official title, so it was not checked: read the resolution's text.",
            RULE,
            VERSION,
            reason="resolution.action_unchecked",
            **common,
        )
    also = (
        f"; its title confirms what the article says it did ({', '.join(confirmed)})"
        if confirmed
        else ""
    )
    return make(
        "supported",
        f"{base}{also}.",
        RULE,
        VERSION,
        reason="resolution.action_in_title" if confirmed else "resolution.exists_fits",
        **common,
    )


def _off_topic(claim: Claim, ctx: CheckContext, d: Any, common: dict) -> Verdict:
    better = _typo_candidate(claim, ctx, d.number)
    if better is not None:
        return make(
            "contradicted",
            f'Resolution {d.number} is about "{subject(d)}", not what the article discusses. It '
            f"is likely a typo for {better.number}, adopted on {long_date(better.date)} on "
            f'"{subject(better)}".',
            RULE,
            VERSION,
            reason="resolution.likely_typo",
            **{
                **common,
                "evidence": common["evidence"] + decision_evidence(better),
                "found": f"{label(d)}: {subject(d)}; {label(better)}: {subject(better)}",
            },
        )
    return make(
        "partly_supported",
        f"Resolution {d.number} exists (adopted {long_date(d.date)}), but its subject, "
        f'"{subject(d)}", does not obviously match the article: check that the right number is '
        "cited.",
        RULE,
        VERSION,
        reason="resolution.topic_unclear",
        **common,
    )


def _typo_candidate(claim: Claim, ctx: CheckContext, number: int):
    """A resolution one slip away whose topic fits the article (only numbers it cites)."""
    cited = {c.value.get("number"): c for c in ctx.claims if c.type == "resolution"}
    for n in sorted(_near_misses(number), key=lambda n: abs(n - number)):
        if n not in cited:
            continue  # only numbers the article itself uses: a guess otherwise
        d = named_decision(ctx, cited[n])
        if d is not None and topic_fit(subject(d), ctx.text) > 0:
            return d
    return None
