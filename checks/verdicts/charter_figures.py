"""The Charter's figures (the Council's size, the votes a decision needs) and how a figure is
compared with the one in force at the time its sentence speaks of: "the 11-member Council" of a
sentence about 1960 is right, and "the 15-member Council" in a sentence about 1946 describes the
Council as the writer knows it (a note, not an error). Shared by the number rules and the
Charter rules.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from checks.extract.context import council_size
from checks.models import Claim, Evidence, Verdict
from checks.verdicts.base import CheckContext, make

RULE, VERSION = "number.council_rules_records_calendar", "v2"
#: Units that count the Council's members ("15-member", "15-nation", "15-country").
MEMBER_UNITS = frozenset({"member", "nation", "country", "state"})
COUNCIL = re.compile(r"(?i)\b(security\s+council|council|unsc|body)\b")
#: Other bodies news calls "council": their sizes and voting rules are not the Charter's.
OTHER_COUNCILS = re.compile(
    r"(?i)\b((human\s+rights|european|economic\s+and\s+social|trusteeship|atlantic|gulf\s+"
    r"cooperation|national\s+security|governing|arctic|nordic|city|town|municipal|privy|"
    r"legislative|state|regional|executive|security\s+and\s+defen[cs]e)\s+council|council\s+of\s+"
    r"(europe|the\s+european\s+union|the\s+eu|ministers|state)|general\s+assembly)\b"
)


def about_the_security_council(sentence: str) -> bool:
    return bool(COUNCIL.search(sentence)) and not OTHER_COUNCILS.search(sentence)


@functools.lru_cache(maxsize=1)
def charter() -> dict:
    return json.loads((Path(__file__).parents[1] / "data" / "charter.json").read_text("utf-8"))


def charter_evidence(key: str) -> Evidence:
    data = charter()
    return Evidence(
        source="un-charter",
        title=data["title"],
        url=data["url"],
        excerpt=data[key]["quote"],
        retrieved_at="",
    )


def unit_word(unit: str) -> str:
    """ "nations", "countries", "countrys" -> "nation", "country": the unit as one word."""
    low = unit.lower().strip()
    if low.endswith("ies"):
        return low[:-3] + "y"
    return low[:-1] if low.endswith("s") and not low.endswith("ss") else low


def sentence_day(claim: Claim, article_date: date | None) -> date | None:
    """The first day of the time the claim's sentence speaks of (links made at extraction),
    else the article's date. A year or month is enough: the Charter figures changed on
    1 January 1966."""
    link = (getattr(claim, "links", None) or {}).get("time") or {}
    text = str(link.get("date") or "")
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", text)
    if not m:
        return article_date
    try:
        return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return article_date


def figure_verdict(label: str, reason: str, text: str, **kw: Any) -> Verdict:
    verdict = make(label, text, RULE, VERSION, **kw)
    verdict.reason = reason
    return verdict


def compare_figure(
    label_ok: bool, claimed: str, truth: str, why: str, ev: list[Evidence], reason: str
) -> Verdict:
    if label_ok:
        return figure_verdict(
            "supported",
            f"{reason}_match",
            f"The article says {claimed}; {why}",
            evidence=ev,
            claimed=claimed,
            found=truth,
        )
    return figure_verdict(
        "contradicted",
        f"{reason}_mismatch",
        f"The article says {claimed}, but {why}",
        evidence=ev,
        claimed=claimed,
        found=truth,
    )


def charter_figure(
    value: Any,
    claimed: str,
    then: date | None,
    now: date | None,
    figure: Callable[[date | None], int],
    why: Callable[[int], str],
    found: Callable[[int], str],
    ev: list[Evidence],
    reason: str,
    story_times: tuple[date, ...] = (),
) -> Verdict:
    """Compare a Charter figure with the one in force at the sentence's time; a figure right
    only at the article's date is the writer's present-day description: a note, not an error.
    `story_times`: the years the story states, when the sentence's time is only the article's
    date; a figure right in one of them may be of that time ("the required 7 votes" in a 1994
    history of 1961), so it is no error."""
    if then is None and now is None and value in {figure(era) for era in CHARTER_ERAS}:
        # an undated text: "the eleven members" was right before 1966, "fifteen" since
        return figure_verdict(
            "unverifiable",
            f"{reason}_time_unknown",
            f"The article says {claimed}, which held in one era of the Charter but not in "
            f"another ({'; '.join(why(figure(era)).rstrip('.') for era in CHARTER_ERAS)}). "
            "The text gives no date to tell which time it speaks of.",
            evidence=ev,
            claimed=claimed,
        )
    at_then = figure(then)
    of_story = sorted(t for t in story_times if figure(t) == value)
    if value != at_then and of_story:
        return figure_verdict(
            "unverifiable",
            f"{reason}_time_unknown",
            f"The article says {claimed}. The sentence gives no time of its own; at the "
            f"article's date {why(at_then).rstrip('.')}, but the story also speaks of "
            f"{of_story[0].year}, when {why(value)} It may speak of that time.",
            evidence=ev,
            claimed=claimed,
        )
    if value == at_then or now is None or value != figure(now):
        return compare_figure(value == at_then, claimed, found(at_then), why(at_then), ev, reason)
    year = then.year if then else "that time"
    return figure_verdict(
        "partly_supported",
        f"{reason}_at_writing_only",
        f"The article says {claimed}, which holds when it was written, but the sentence speaks "
        f"of {year}, when {why(at_then)}",
        evidence=ev,
        claimed=claimed,
        found=found(at_then),
    )


#: One day in each era of the Charter's figures (the Council grew from 11 to 15 in 1966).
CHARTER_ERAS = (date(1950, 1, 1), date(2000, 1, 1))


def size_why(size: int) -> str:
    since = "since 1966" if size == 15 else "before 1966"
    return f"the Security Council has had {size} members {since} (UN Charter, Article 23)."


def votes_needed(on: date | None) -> int:
    return 9 if council_size(on) == 15 else 7


def votes_why(needed: int) -> str:
    when = "" if needed == 9 else " before 1966"
    return f"a Council decision needs {needed} affirmative votes{when} (UN Charter, Article 27(3))."


def story_times(claim: Claim, ctx: CheckContext) -> tuple[date, ...]:
    """The years the story states (as days), when the claim's sentence has no time of its own
    (its time is the article's date): the sentence may speak of any of them."""
    basis = ((claim.links or {}).get("time") or {}).get("basis")
    if basis not in (None, "article date"):
        return ()
    years = {
        int(c.value["date"][:4])
        for c in ctx.claims
        if c.type == "date" and c.value.get("date") and not c.value.get("relative")
    }
    return tuple(date(y, 1, 1) for y in sorted(years))


def era_of_text(ctx: CheckContext) -> date | None:
    """For an undated text: a day in the Charter era (before 1966 or after) that every year
    its own dates give falls in, or None when they span both or there are none."""
    years = {
        int(c.value["date"][:4])
        for c in ctx.claims
        if c.type == "date" and c.value.get("date") and not c.value.get("relative")
    }
    if years and (max(years) < 1966 or min(years) >= 1966):
        return date(max(years), 1, 1)
    return None
