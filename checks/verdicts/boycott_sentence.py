"""What a sentence says about a Council member staying away from the Council: who, and over
what period ("since January 1950": the start; "in mid-1950": a time within it).

The words are data (`checks/patterns/boycott.json`). A reading is given only when the date
belongs to the statement ("had boycotted the Council since January 1950", "In mid-1950, the
Soviet Union was boycotting the Security Council"), the subject is one named state (not "the
USSR and Yugoslavia", not "it"), and the sentence states it as fact (not a threat, a plan, a
question, or the boycott's end). `checks.verdicts.boycott` compares it with the votes.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from checks import countries
from checks.models import Claim
from checks.patternbook import expand, load_json

#: Words that may stand between an inserted phrase and the verb ("..., had since", "..., was").
AUX = r"(?:(?:had|has|have|was|were|is|are|been|also|then|still|already|effectively|itself)\s*)*"


@dataclass(frozen=True)
class Reading:
    """What the sentence says: who stayed away, and whether the date names the start of it
    ("since") or a time within it ("in"), with the period the date covers."""

    member: str  # canonical name
    said: str  # the name as written
    kind: str  # "since" | "in"
    first: date
    last: date
    part: str  # "May to August" for "mid-1950", else ""


def _alternation(names: list[str]) -> str:
    names = sorted({n for n in names if n}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names) + ")"


@cache
def _compiled() -> dict[str, Any]:
    data = load_json("boycott.json")
    names, demonyms = countries.known_names()
    table = dict(data["macros"])
    table["STATE"] = rf"(?<![\w.]){_alternation(names + demonyms)}(?!\w)"
    return {
        "predicates": [re.compile(expand(p, table), re.I) for p in data["predicates"]],
        "nouns": [re.compile(expand(p, table), re.I) for p in data["nouns"]],
        "state": re.compile(table["STATE"], re.I),
        "not_stated": re.compile(data["not_stated"], re.I),
        "stops": re.compile(data["stops"], re.I),
        "since": re.compile(data["since"], re.I),
        "in": re.compile(data["in"], re.I),
        "breaks": re.compile(data["clause_breaks"], re.I),
        "parts": data["parts"],
        "gaps": {k: re.compile(v, re.I) for k, v in data["gaps"].items()},
    }


def _state(name: str) -> str | None:
    """The canonical member a name stands for (a demonym too), or None."""
    canon = countries.from_demonym(name) or countries.canonical(name)
    return canon if countries.is_member_state(canon) or canon == "USSR" else None


def _states(text: str) -> list[re.Match[str]]:
    """State names in `text` that can be a subject: capitalised ("us" is a pronoun), and not a
    possessive of something else ("China's seat"), unless it is the state's own delegation."""
    out = []
    for m in _compiled()["state"].finditer(text):
        if not re.sub(r"(?i)^the\s+", "", m[0])[:1].isupper():
            continue
        after = text[m.end() : m.end() + 40]
        owned = re.match(r"['’]s?\s+(\w+)", after)
        if owned and not re.match(
            r"(?i)(?:delegation|delegates?|representatives?|envoys?|ambassadors?|mission|"
            r"government|diplomats?)$",
            owned[1],
        ):
            continue
        out.append(m)
    return out


@dataclass(frozen=True)
class Named:
    """A state named in the sentence (offsets within it)."""

    text: str
    start: int
    end: int


def _subject(before: str) -> Named | None:
    """The state that is the subject of a verb, from the sentence before the verb: the
    nearest state in the clause's last comma segment, else (an insertion such as ", a
    veto-wielding power," in between) in the segment before the insertion. Coordinated
    subjects ("the USSR and Yugoslavia") give None: one member's record would not check the
    others."""
    cut = max((m.end() for m in _compiled()["breaks"].finditer(before)), default=0)
    clause = before[cut:]
    segments = [(m.start(), m.end()) for m in re.finditer(r"[^,]+", clause)]
    if not segments:
        return None
    index = len(segments) - 1
    tail = clause[segments[-1][0] : segments[-1][1]]
    if not _states(tail):
        # ", which had boycotted": the state just before; ", a veto power, had boycotted":
        # the state before the insertion. Anything else ("..., it boycotted") is not read.
        if re.fullmatch(rf"\s*(?:which|who|that)\s+{AUX}", tail, re.I):
            index -= 1
        elif re.fullmatch(rf"\s*{AUX}", tail, re.I):
            index -= 2
        else:
            return None
    if index >= 0:
        a, b = segments[index]
        found = _states(clause[a:b])
        if not found or re.search(r"(?i)\b(?:it|they|he|she|we)\b", clause[a + found[-1].end() :]):
            return None
        if len(found) > 1 and re.fullmatch(
            r"(?i)\s*(?:and|&|as\s+well\s+as|along\s+with)\s+(?:the\s+)?",
            clause[a + found[-2].end() : a + found[-1].start()],
        ):
            return None
        last = found[-1]
        return Named(last[0], cut + a + last.start(), cut + a + last.end())
    return None


def read_sentence(claim: Claim) -> Reading | None:
    """The member, the kind of period and its bounds, when the date belongs to a statement
    that a Council member stayed away from the Council; else None."""
    value = claim.value
    if value.get("relative") or value.get("precision") not in ("month", "year"):
        return None
    if (claim.links or {}).get("body") not in (None, "SC"):
        return None
    period = _period(value)
    if period is None:
        return None
    pats = _compiled()
    sentence = claim.sentence
    if pats["stops"].search(sentence):
        return None
    at, end = claim.start - claim.sentence_start, claim.end - claim.sentence_start
    prefix = sentence[max(0, at - 30) : at]
    kind = "since" if pats["since"].search(prefix) else "in" if pats["in"].search(prefix) else ""
    if not kind:
        return None
    for stated in _statements(sentence):
        member_at, member_end, verb_at, verb_end, said = stated
        if not _date_belongs(sentence, (at, end), (member_at, member_end), (verb_at, verb_end)):
            continue
        canon = _state(said)
        if canon is None:
            return None
        first, last, part = period
        return Reading(canon, said, kind, first, last, part)
    return None


def _statements(sentence: str) -> list[tuple[int, int, int, int, str]]:
    """(member start, member end, phrase start, phrase end, member as written) of every
    statement in the sentence that a member stayed away from the Council."""
    pats = _compiled()
    out = []
    for rx in pats["nouns"]:
        for m in rx.finditer(sentence):
            out.append((m.start("member"), m.end("member"), m.start(), m.end(), m["member"]))
    for rx in pats["predicates"]:
        for m in rx.finditer(sentence):
            who = _subject(sentence[: m.start()])
            if who is None:
                continue
            between = re.sub(r",[^,]*,", " ", sentence[who.end : m.start()])  # not insertions
            if pats["not_stated"].search(between):
                continue
            out.append((who.start, who.end, m.start(), m.end(), who.text))
    return out


def _date_belongs(
    sentence: str, span: tuple[int, int], member: tuple[int, int], phrase: tuple[int, int]
) -> bool:
    """The date is part of the statement, with nothing but the `gaps` of the data between:
    right after the phrase ("boycotted the Council since January 1950"), between the member
    and the verb ("Moscow, since January 1950, had boycotted"), or opening the clause just
    before the member ("In mid-1950, the Soviet Union was boycotting")."""
    at, end = span
    gaps = _compiled()["gaps"]
    if phrase[1] <= at:
        return bool(gaps["after_phrase"].fullmatch(sentence[phrase[1] : at]))
    if member[1] <= at and end <= phrase[0]:
        return bool(
            gaps["member_to_date"].fullmatch(sentence[member[1] : at])
            and gaps["date_to_phrase"].fullmatch(sentence[end : phrase[0]])
        )
    if end <= member[0]:
        return bool(gaps["date_to_member"].fullmatch(sentence[end : member[0]]))
    return False


def _period(value: dict) -> tuple[date, date, str] | None:
    """The first and last day the date covers; a part of a year by `parts` ("mid")."""
    text = str(value.get("date") or "")
    try:
        if value.get("precision") == "month":
            year, month = int(text[:4]), int(text[5:7])
            return date(year, month, 1), _month_end(year, month), ""
        year = int(text[:4])
    except ValueError:
        return None
    qualifier = value.get("qualifier")
    if not qualifier:
        return date(year, 1, 1), date(year, 12, 31), ""
    months = _compiled()["parts"].get(str(qualifier).lower())
    if months is None:
        return None
    a, b = months
    words = f"{calendar.month_name[a]} to {calendar.month_name[b]}"
    return date(year, a, 1), _month_end(year, b), words


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])
