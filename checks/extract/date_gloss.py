"""An editor's date gloss after a relative day: "last night [March 17]", "yesterday (Tuesday,
5 June)", "on Friday [June 5]".

Archive reprints and wire copy add the day in brackets so that the relative word still makes
sense out of its paper. A reader takes the two as one statement, so they become one date claim
whose value is the gloss's day (with its year, or the year the extractor gives any day written
without one). Only a bracket that comes right after the relative word and holds nothing but a
date or a weekday counts: "(AP)", "(local time)", "(file photo)" are not glosses.

When the article's date (not one guessed from the text) resolves the relative word to another
day ("yesterday [March 17]" in a story of 20 March), the gloss is kept, since it is the editor's
correction, and the value says `gloss_differs: True` with the day the relative word gave
(`relative_date`), rather than a day made up from either.
"""

from __future__ import annotations

import functools
from dataclasses import replace
from datetime import date

from checks.extract.context import Found
from checks.patternbook import Pattern, load_json, patterns


@functools.lru_cache(maxsize=1)
def gloss_pattern() -> Pattern:
    return next(p for p in patterns("date") if p.options.get("gloss"))


def glossable(label: str) -> bool:
    """Whether a date read by the pattern `label` may carry a gloss ("yesterday", "on Friday")."""
    return label in gloss_pattern().options["after"]


def _body_kind(body: str, after: str) -> str | None:
    """'day' when the bracket holds exactly one written day ("March 17", "Tuesday, 5 June"),
    'weekday' when it holds a bare weekday after a word such as "yesterday", else None."""
    options = gloss_pattern().options
    by_label = {p.label: p for p in patterns("date")}
    if any(by_label[label].regex.fullmatch(body) for label in options["body"]):
        return "day"
    if after in options["weekday_body_after"] and body.strip().lower() in _weekdays():
        return "weekday"
    return None


def _weekdays() -> dict[str, int]:
    return load_json("lexicon.json")["weekdays"]


def merge(text: str, found: list[Found], relatives: list[tuple[Found, str]]) -> list[Found]:
    """`found` with each glossed relative day and its gloss read as one claim.
    `relatives`: the relative days found, with the label of the pattern that read each."""
    regex = gloss_pattern().regex
    by_span = {(f.start, f.end): f for f in found if f.type == "date"}
    merged: list[Found] = []
    for rel, label in relatives:
        m = regex.match(text, rel.end)
        if m is None:
            continue
        group = "sq" if m.group("sq") is not None else "par"
        kind = _body_kind(m.group(group), label)
        inner = by_span.get(m.span(group))
        if kind is None or inner is None or inner.value.get("precision") != "day":
            continue
        body = m.group(group)
        value = (
            _day_value(rel.value, inner.value) if kind == "day" else _weekday_value(rel.value, body)
        )
        value |= {"expression": text[rel.start : m.end()], "gloss": body}
        merged.append(replace(rel, end=m.end(), value=value))
    if not merged:
        return found
    kept = [
        f
        for f in found
        if f.type != "date" or not any(g.start <= f.start and f.end <= g.end for g in merged)
    ]
    return kept + merged


def _day_value(rel: dict, gloss: dict) -> dict:
    """The gloss's day, with what the relative word adds: its weekday ("on Friday [June 5]")
    and whether the day it resolves to is another one."""
    value = dict(gloss)
    said = _gloss_day(gloss)
    if said is not None:  # the day stated, read by the verdicts whatever the year
        value |= {"month": said[0], "day": said[1]}
    weekday = rel.get("weekday")
    if weekday and "weekday" not in value:
        value["weekday"] = weekday
        if value.get("date"):
            fits = date.fromisoformat(value["date"]).weekday() == _weekdays()[weekday.lower()]
            # a match confirms an inferred year, as in "Friday, June 5"; a mismatch is the two
            # statements disagreeing, noted below, not a wrong calendar to be called false
            if fits:
                value["weekday_matches"] = True
            elif not value.get("base_inferred"):  # (a guessed year may be what is off)
                value["gloss_differs"] = True
    if rel.get("date") and not rel.get("base_inferred") and said is not None:
        resolved = date.fromisoformat(rel["date"])
        if (resolved.month, resolved.day) != said or (
            value.get("date") and value["date"] != rel["date"]
        ):
            value["gloss_differs"] = True
            value["relative_date"] = rel["date"]
    return value


def _weekday_value(rel: dict, weekday: str) -> dict:
    """ "yesterday (Tuesday)": the relative word's day, checked against the weekday given.
    When they disagree the weekday is kept and no day is made up."""
    value = dict(rel) | {"weekday": weekday.strip().title()}
    if not rel.get("date"):
        return value
    resolved = date.fromisoformat(rel["date"])
    if resolved.weekday() == _weekdays()[weekday.strip().lower()]:
        return value | {"weekday_matches": True}
    value |= {"date": None, "unresolved": True}
    if rel.get("base_inferred"):  # the text's guessed date is what disagrees
        return value
    return value | {"gloss_differs": True, "relative_date": rel["date"]}


def _gloss_day(value: dict) -> tuple[int, int] | None:
    if value.get("month") and value.get("day"):
        return int(value["month"]), int(value["day"])
    if value.get("date") and value.get("precision") == "day":
        d = date.fromisoformat(value["date"])
        return d.month, d.day
    return None
