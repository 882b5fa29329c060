"""Where linking looks decisions up: the index behind the check (one lookup per day and per
symbol, memoized on the check), the decision a resolution claim names, and the day's lone
veto that stands for a sentence whose record's subject fits no words. Kept apart from the
ranking in `checks.linking`, which imports it.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Any

from checks import countries
from checks.link_days import RARE_OUTCOMES, WINDOW
from checks.models import Claim

if TYPE_CHECKING:  # the rules import linking: no import of the rules' package at load
    from checks.verdicts.base import CheckContext


def index(ctx: CheckContext):
    return ctx.services.decisions


def decisions_on(ctx: CheckContext, day: date) -> list[Any]:
    """Every decision of `day`, looked up once per check (SourceError when no record answers)."""
    return ctx.memo(("decisions on", day), lambda: index(ctx).on(day))


# --- named decisions ---------------------------------------------------------------------------
def named_decision(ctx: CheckContext, res: Claim) -> Any:
    """The decision a resolution claim names (None when the index lacks it)."""
    idx = index(ctx)
    if idx is None or res.value.get("organ") == "GA":
        return None
    v = res.value
    if v.get("number"):
        return ctx.memo(("decision", v["number"]), lambda: idx.resolution(v["number"]))
    if v.get("symbol") and v.get("draft"):
        return ctx.memo(("decision", v["symbol"]), lambda: _draft(idx, v["symbol"]))
    return None


def _draft(idx: Any, symbol: str) -> Any:
    """The draft, or the same draft under its revised symbol: "S/18016" was put to the vote
    as S/18016/Rev.1, and a text may cite either."""
    found = idx.draft(symbol)
    if found is not None:
        return found
    base = re.sub(r"(?i)/Rev\.\d+$", "", symbol)
    return idx.draft(base) if base != symbol else idx.draft(f"{symbol}/Rev.1")


def the_day_s_only(
    ctx: CheckContext, claim: Claim, day: date, where: str, d: Any, window_decisions: list[Any]
) -> bool:
    """A veto (or failed vote) the sentence tells of on a day it or the sentence before states,
    when the records hold no other of that outcome that day: its recorded subject may be a
    bare letter's title ("Letter dated 22 May 1958 from ...") that fits no story's words, yet
    the day and the outcome words point to it alone. Never sure: it supports, never refutes."""
    wanted = RARE_OUTCOMES.get(claim.links.get("outcome") or "")
    if claim.type != "vote" or not wanted or d.outcome not in wanted:
        return False  # (a date claim's day is what is tested: it may not choose the decision)
    if where in {"date in sentence", "date before"}:
        return sum(1 for x in decisions_on(ctx, day) if x.outcome in wanted) == 1
    # "It comes after Russia vetoed a rival resolution", in a dated story that states no day:
    # the week's only veto, when the members it names cast it
    vetoers = [countries.seat(countries.canonical(v)) for v in claim.value.get("vetoed_by") or []]
    cast = {countries.seat(countries.canonical(v)) for v in d.vetoed_by or ()}
    if where not in WINDOW or not vetoers or not set(vetoers) <= cast:
        return False
    return sum(1 for x in window_decisions if x.outcome in wanted) == 1


def is_amendment(d: Any) -> bool:
    """An amendment put to the vote on its own (the votes database keeps oral amendments)."""
    return "amendment" in d.key.lower() or (d.number is None and "amendment" in d.title.lower())
