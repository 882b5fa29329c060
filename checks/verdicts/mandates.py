"""End dates of mandates ("extended the mandate of UNDOF until 30 June 2026"), compared with
the end date the resolution's official title states.

Since 2011 most renewals say their end date in the title the votes database keeps ("extension
of the mandate of the UN Mission in South Sudan (UNMISS) until 30 April 2026"). A date after
"until" in a sentence that names that resolution and speaks of extending or renewing is then
checkable. A match supports it; a mismatch is only noted, never called false: a resolution
often sets several end dates (sanctions and a panel's mandate, a report due "by" a day) and
its title, cut at 150 characters, may name only one.
"""

from __future__ import annotations

import functools
import re
from datetime import date

from checks.decision_text import decision_evidence, label
from checks.linking import link_decision, named_decision
from checks.models import Claim, Verdict
from checks.patternbook import load_json, macros
from checks.verdicts.base import CheckContext, long_date, make

RULE, VERSION = "date.event_on_record", "v1"
EXTENSION = re.compile(r"(?i)\b(extend\w*|extension|renew\w*|prolong\w*|mandate)\b")


@functools.cache
def _until_in_title() -> re.Pattern[str]:
    return re.compile(rf"\buntil\s+(\d{{1,2}})\s+({macros()['MONTH']})\s+(\d{{4}})\b")


def title_end_dates(title: str) -> list[date]:
    """The complete end dates a title states ("until 15 Nov. 2026"); a date cut short by the
    database's 150-character limit ("until 31 Oct. 20[...]") is not read."""
    months = load_json("lexicon.json")["months"]
    out = []
    for day, month, year in _until_in_title().findall(title):
        try:
            out.append(date(int(year), months[month.rstrip(".").lower()], int(day)))
        except (KeyError, ValueError):
            continue
    return out


def check_mandate_end(claim: Claim, ctx: CheckContext, day: date, shown: str) -> Verdict | None:
    """A deadline compared with the end date in the title of the resolution its sentence names;
    None when the sentence names none, or its title states no end date."""
    if not EXTENSION.search(claim.sentence):
        return None
    for d in _sentence_decisions(claim, ctx):
        ends = title_end_dates(d.title) if d.outcome == "adopted" else []
        if not ends:
            continue
        ev = decision_evidence(d, f"{d.key}: {d.title}")
        common = {"evidence": ev, "claimed": shown, "found": ", ".join(map(long_date, ends))}
        if day in ends:
            return make(
                "supported",
                f"The article gives {long_date(day)} as an end date; the title of {label(d)} "
                f'says "until {long_date(day)}" ("{d.title}").',
                RULE,
                VERSION,
                reason="date.mandate_end_matches",
                **common,
            )
        return make(
            "unverifiable",
            f"Resolved to {shown}; the title of {label(d)} gives "
            f"{', '.join(map(long_date, ends))} as an end date, which may be another of its "
            "deadlines.",
            RULE,
            VERSION,
            reason="date.deadline",
            **common,
        )
    return None


def _sentence_decisions(claim: Claim, ctx: CheckContext) -> list:
    """The decisions the sentence names, then those its vote claims are linked to ("Russia
    and Mozambique abstained on Thursday as the Council extended the mandate until ...")."""
    named = [named_decision(ctx, res) for res in ctx.in_sentence(claim, "resolution")]
    linked = [link_decision(ctx, vote).decision for vote in ctx.in_sentence(claim, "vote")]
    out: list = []
    for d in [*named, *linked]:
        if d is not None and all(d.key != o.key for o in out):
            out.append(d)
    return out
