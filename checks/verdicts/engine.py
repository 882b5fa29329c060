"""Run the rule for each claim, and enforce the discipline every verdict must follow.

- A source error is never a verdict: the claim gets `source_unavailable` (with a retry).
- No record, no decisive verdict: `supported`, `contradicted` and `partly_supported` need at
  least one piece of evidence whose values were compared; otherwise `unverifiable`.
- Every verdict names the rule and its version.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from checks.errors import SourceError
from checks.models import DECISIVE_LABELS, Claim, Verdict
from checks.verdicts.base import CheckContext, make
from checks.verdicts.dates import check_date
from checks.verdicts.numbers import check_number
from checks.verdicts.people import check_role
from checks.verdicts.quotes import check_quote
from checks.verdicts.resolution import check_resolution
from checks.verdicts.vote import check_vote

log = logging.getLogger(__name__)

Rule = Callable[[Claim, CheckContext], Verdict]

#: One rule per claim type; add a type here and in checks.models.CLAIM_TYPES.
RULES: dict[str, Rule] = {
    "resolution": check_resolution,
    "vote": check_vote,
    "date": check_date,
    "number": check_number,
    "role": check_role,
    "quote": check_quote,
}


def check_claim(claim: Claim, ctx: CheckContext) -> Verdict:
    """The verdict for one claim; never raises."""
    rule = RULES.get(claim.type)
    if rule is None:
        return make(
            "unverifiable", f"No rule checks claims of type {claim.type!r}.", "engine.no_rule", "v1"
        )
    try:
        verdict = rule(claim, ctx)
    except SourceError as exc:
        named = exc.source and str(exc).startswith(exc.source)
        where = f" ({exc.source})" if exc.source and not named else ""
        reason = str(exc) or type(exc).__name__  # messages name the source, the URL is in .url
        verdict = make(
            "source_unavailable",
            f"A source could not be reached{where}: {reason}. "
            "This says nothing about the claim; check again later.",
            f"{claim.type}.source_error",
            "v1",
        )
        verdict.retryable = True
        return verdict
    except Exception as exc:  # a bug in a rule must not take the whole article down
        log.exception("rule for %s failed on %r", claim.type, claim.text)
        return make(
            "unverifiable",
            f"The {claim.type} rule failed ({type(exc).__name__}); please report this claim.",
            f"{claim.type}.internal_error",
            "v1",
        )
    return enforce_evidence(verdict)


def enforce_evidence(verdict: Verdict) -> Verdict:
    if verdict.label in DECISIVE_LABELS and not verdict.evidence:
        return make(
            "unverifiable",
            "No record was compared, so no verdict is given. "
            f"(The rule said: {verdict.explanation})",
            verdict.rule,
            verdict.rule_version,
            claimed=verdict.claimed,
            found=verdict.found,
            reason="engine.no_evidence",
            decision=verdict.decision,
        )
    return verdict
