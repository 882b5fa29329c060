"""Dates of events outside the Council's records, looked up in Wikipedia's page extracts.

A date is supported only when a Wikipedia sentence names the same event (it shares several of
the claim sentence's key words, at least one of them a name) and gives the same date at the
claim's precision. A different date is never taken as a contradiction: the sentence may
describe another event, so it is shown to the reviewer instead.
"""

from __future__ import annotations

import re

from checks.models import Claim, Verdict
from checks.sources.base import Query
from checks.verdicts.base import CheckContext, evidence, make

RULE, VERSION = "date.event_in_encyclopedia", "v1"
COMMON = frozenset(
    "a an the of and or to in on at by for from with as is was were be been are has have had it "
    "its this that these those which who whom whose said says told added reported according "
    "statement monday tuesday wednesday thursday friday saturday sunday january february march "
    "april may june july august september october november december today yesterday week month "
    "year years day days ago last next later earlier after before since will would could also "
    "more than about into over under their his her they them he she we our us not no".split()
)
MIN_SHARED = 3


def key_terms(sentence: str, expression: str) -> tuple[list[str], set[str]]:
    """Content words of the sentence without the date itself; names first."""
    text = sentence.replace(expression, " ")
    words = re.findall(r"[A-Za-z][A-Za-z'-]{2,}", text)
    seen: dict[str, bool] = {}
    for w in words:
        low = w.lower().strip("'")
        if low in COMMON or low in seen:
            continue
        seen[low] = w[0].isupper()
    return sorted(seen, key=lambda w: not seen[w])[:8], {w for w, cap in seen.items() if cap}


def check_event_date(claim: Claim, ctx: CheckContext, shown: str) -> Verdict | None:
    """A verdict from Wikipedia, or None when it has nothing on this event."""
    source = ctx.services.wikipedia
    value = claim.value
    if source is None or not value.get("date"):
        return None
    terms, names = key_terms(claim.sentence, value.get("expression") or claim.text)
    if len(terms) < MIN_SHARED or not names:
        return None
    records = ctx.search(source, Query(kind="search", value=" ".join(terms[:6])))
    want = value["date"]
    others: list[str] = []
    for record in records:
        for found in record.fields.get("dates") or []:
            words = {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'-]{2,}", found["sentence"])}
            shared = words & set(terms)
            if len(shared) < MIN_SHARED or not shared & names:
                continue
            if found["date"][: len(want)] == want:
                return _reasoned(
                    "date.event_same_in_encyclopedia",
                    make(
                        "supported",
                        f'The article dates this to {shown}; Wikipedia\'s "{record.title}" says: '
                        f'"{found["sentence"]}"',
                        RULE,
                        VERSION,
                        evidence=[evidence(record, found["sentence"])],
                        claimed=shown,
                        found=found["date"],
                    ),
                )
            others.append(f'{found["date"]} ("{record.title}": {found["sentence"][:120]})')
    if others:
        return _reasoned(
            "date.event_dated_differently_in_encyclopedia",
            make(
                "unverifiable",
                f"Resolved to {shown}. Wikipedia dates a similar event differently: "
                f"{'; '.join(others[:2])}. It may be another event; check.",
                RULE,
                VERSION,
                claimed=shown,
            ),
        )
    return None


def _reasoned(reason: str, verdict: Verdict) -> Verdict:
    verdict.reason = reason
    return verdict
