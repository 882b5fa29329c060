"""Checks across claims: what an article says in one place must agree with what it says in
another, and with the Council's size. Run after every claim has its own verdict."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from checks.extract.context import council_size
from checks.models import Claim, Verdict
from checks.verdicts.base import make
from checks.verdicts.numbers import charter_evidence
from checks.verdicts.vote import other_body

RULE, VERSION = "cross.article_consistency", "v1"


def _counts(claim: Claim) -> tuple[int | None, int | None, int | None]:
    v = claim.value
    inferred = set(v.get("inferred") or ())
    return tuple(None if k in inferred else v.get(k) for k in ("for", "against", "abstain"))


def check_article(
    claims: list[Claim], verdicts: dict[str, Verdict], article_date: date | None
) -> dict[str, Verdict]:
    """Verdicts with cross-claim findings added (a new dict; the input is not changed)."""
    out = dict(verdicts)
    size = council_size(article_date)
    votes = [
        c for c in claims if c.type == "vote" and c.id in out and not other_body(c, article_date)
    ]
    for claim in votes:
        counts = _counts(claim)
        if None in counts:
            continue
        total = sum(counts)
        if total > size and out[claim.id].rule != RULE:  # (already applied on an earlier run)
            out[claim.id] = make(
                "contradicted",
                f"The tally adds up to {total} votes, but the Council has {size} members. "
                f"{out[claim.id].explanation}",
                RULE,
                VERSION,
                evidence=[*out[claim.id].evidence, charter_evidence("members")],
                claimed=f"{total} votes cast",
                found=f"{size} members",
                reason="cross.tally_exceeds_council",
            )
        elif total < size:
            _note(
                out,
                claim,
                f"The tally adds up to {total}, not the Council's {size} members "
                "(absent or non-voting members?).",
            )
    only = [c for c in votes if c.value.get("only") and c.value.get("for") is not None]
    for a in only:
        for b in votes:
            if b is a or b.value.get("only"):
                continue
            n = _counts(b)[0]
            if n is not None and n != a.value["for"]:
                names = ", ".join(a.value.get("in_favour") or [])
                message = (
                    f'The article is inconsistent: "{a.text}" means {a.value["for"]} in '
                    f'favour ({names}), but "{b.text}" says {n}.'
                )
                _note(out, a, message)
                _note(out, b, message)
    return out


def _note(out: dict[str, Verdict], claim: Claim, message: str) -> None:
    verdict = out[claim.id]
    if message not in verdict.explanation:
        out[claim.id] = replace(verdict, explanation=f"{verdict.explanation} {message}")
