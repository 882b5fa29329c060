"""Absolute and relative dates, resolved against the article's date.

Common forms ("20 July 2015", "August 14", "May 2018", "on Sunday", "two days later") are read
from the pattern groups directly, which is exact and fast; `dateparser` reads what the
patterns name but cannot split (it is the fallback, not the first resort).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from checks.extract import date_gloss, doctime, tense
from checks.extract.context import ArticleContext, Found, number_value
from checks.patternbook import load_json, patterns

UNIT_DAYS = {"day": 1, "week": 7}
ANCHORED = frozenset({"DATE_OFFSET", "DATE_FOLLOWING"})
AFTER_GAP = re.compile(r"\s+(?:(?i:the|on)\s+)?")
THIS_NEXT = re.compile(r"(?i)\b(?:this|next|last|coming|every)\s+$")


def _lex() -> dict:
    return load_json("lexicon.json")


def _month(name: str) -> int:
    return _lex()["months"][name.lower().rstrip(".")]


def _infer_year(month: int, day: int, ref: date | None, when: str | None) -> int | None:
    """The year of a date written without one: the article's, unless that puts a past event
    more than a month after the article (then it was last year), or a future one, or one the
    sentence does not place in time, most of a year before it ("withdraw by Jan. 15" in a
    November story is next January)."""
    if ref is None:
        return None
    year = ref.year
    try:
        candidate = date(year, month, min(day, calendar.monthrange(year, month)[1]))
    except ValueError:
        return year
    if candidate - ref > timedelta(days=31) and when != "future":
        return year - 1
    if ref - candidate > timedelta(days=300 if when == "future" else 240) and when != "past":
        return year + 1
    return year


def _year_from_text(month: int, day: int, base: date, precision: str, when: str | None) -> int:
    """The year of "on 11 August" in a text dated only by its own dates. Those dates bound
    the time of writing from below, so a past event after them is still that year; a plan or
    a deadline half a year or more before them is next year's ("withdraw by Jan. 15")."""
    year = base.year
    if precision == "year" or when != "future":
        return year
    try:
        candidate = date(year, month, min(day, calendar.monthrange(year, month)[1]))
    except ValueError:
        return year
    return year + 1 if (base - candidate).days > 180 else year


def _month_year(m: re.Match[str], ctx: ArticleContext, month: int, sentence: str) -> int | None:
    """The year of "in September": "last September" is the one before the article's month,
    "next October" the one after; otherwise the article's year, unless the verb puts a later
    month in the past ("was deployed in September" in a March story) or an earlier one ahead."""
    which = m[0].split()[0].lower()
    ref = ctx.article_date
    if ref is None:
        inferred = ctx.inferred_date
        if inferred is None or (which in {"last", "next", "this"} and not inferred.anchored):
            return None
        if not inferred.anchored:
            return inferred.date.year  # "in October" of a text that speaks of that year
        ref = inferred.date
    if which == "last":
        return ref.year - 1 if month >= ref.month else ref.year
    if which == "next":
        return ref.year + 1 if month <= ref.month else ref.year
    if which == "this":
        return ref.year
    when = tense.tense_at(ctx, m.start("m"))
    if when == "past" and month > ref.month:
        return ref.year - 1
    if when == "future" and month < ref.month:
        return ref.year + 1
    return ref.year


def _numeric_day_month(a: int, b: int, y: int, ref: date | None) -> tuple[int, int] | None:
    """(day, month) of "25/02/2022": day first, as most outlets outside the US write it,
    unless only month first is possible; when both are, the reading nearest the article's
    date that is not after it ("10/05/2019" in a story of 5 October 2019 is that day)."""
    readings = [(d, m) for d, m in ((a, b), (b, a)) if 1 <= m <= 12 and 1 <= d <= 31]
    valid = []
    for d, m in readings:
        try:
            valid.append((date(y, m, d), (d, m)))
        except ValueError:
            continue
    if not valid:
        return None
    if ref is not None and len(valid) == 2 and valid[0][0] != valid[1][0]:
        past = [v for v in valid if v[0] <= ref] or valid
        return min(past, key=lambda v: abs((ref - v[0]).days))[1]
    return valid[0][1]


def _weekday_date(weekday: int, ref: date, future: bool) -> date:
    if future:
        return ref + timedelta(days=(weekday - ref.weekday()) % 7)
    return ref - timedelta(days=(ref.weekday() - weekday) % 7)


def _shift(ref: date, n: int, unit: str) -> tuple[date, str]:
    unit = unit.lower().rstrip("s")
    if unit in UNIT_DAYS:
        return ref + timedelta(days=n * UNIT_DAYS[unit]), "day"
    if unit == "month":
        month_index = ref.year * 12 + ref.month - 1 + n
        year, month = divmod(month_index, 12)
        day = min(ref.day, calendar.monthrange(year, month + 1)[1])
        return date(year, month + 1, day), "month"
    years = n * (10 if unit == "decade" else 1)
    return date(ref.year + years, 1, 1), "year"


def _fmt(d: date, precision: str) -> str:
    if precision == "year":
        return f"{d.year:04d}"
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return d.isoformat()


def _value(expr: str, d: date | None, precision: str, relative: bool, **extra) -> dict:
    value = {
        "date": _fmt(d, precision) if d else None,
        "precision": precision,
        "relative": relative,
        "expression": expr,
    }
    value.update({k: v for k, v in extra.items() if v is not None})
    return value


def _absolute(m: re.Match[str], ctx: ArticleContext, label: str, precision: str) -> dict | None:
    g = m.groupdict()
    sentence = ctx.sentence_text(m.start(), m.end())
    if label == "DATE_ISO":
        try:
            return _value(m[0], date(int(g["y"]), int(g["mo"]), int(g["d"])), "day", False)
        except ValueError:
            return None
    if label == "DATE_NINE_ELEVEN":
        return _value(m[0], date(2001, 9, 11), "day", False)
    if label == "DATE_NUMERIC":
        a, b, y = int(g["a"]), int(g["b"]), int(g["y"])
        read = _numeric_day_month(a, b, y, ctx.article_date)
        if read is None:
            return None
        ambiguous = a != b and a <= 12 and b <= 12
        return _value(m[0], date(y, read[1], read[0]), "day", False, ambiguous=ambiguous or None)
    if label in {"DATE_YEAR", "DATE_PART_YEAR"}:
        part = re.sub(r"\s+", " ", g["part"].lower()) if g.get("part") else None
        return _value(m[0], date(int(g["y"]), 1, 1), "year", False, qualifier=part)
    if label == "DATE_DECADE":
        part = g["part"].lower() if g.get("part") else None
        return {
            "date": f"{g['y']}s",
            "precision": "decade",
            "relative": False,
            "expression": m[0],
        } | ({"qualifier": part} if part else {})
    month = _month(g["m"])
    if precision == "month":
        year = int(g["y"]) if g.get("y") else _month_year(m, ctx, month, sentence)
        d = date(year, month, 1) if year else None
        return _value(m[0], d, "month", not g.get("y"))
    day = int(re.match(r"\d+", g["d"])[0])
    when = None if g.get("y") else tense.when(ctx, m.start(), sentence)
    extra: dict[str, Any] = {}
    if g.get("y"):
        year = int(g["y"])
    elif ctx.article_date is not None:
        before = _looking_back(ctx, m, when)
        if before is not None:  # a story of long ago: the year of the date before it
            year = _year_from_text(month, day, before, "day", when)
            extra = {"base": before.isoformat(), "base_inferred": True}
        else:
            year = _infer_year(month, day, ctx.article_date, when)
    elif ctx.inferred_date is not None:
        before = ctx.inferred_date.reference_before(m.start())
        if before is not None:  # a story told in order: the year of the date before it
            year = _year_from_text(month, day, before, "day", when)
            extra = {"base": before.isoformat(), "base_inferred": True}
        elif ctx.inferred_date.upper is not None:  # the last such day before that end
            upper = ctx.inferred_date.upper
            year = upper.year if (month, day) <= (upper.month, upper.day) else upper.year - 1
            extra = {"base": upper.isoformat(), "base_inferred": True}
        else:
            inferred = ctx.inferred_date
            year = _year_from_text(month, day, inferred.date, inferred.precision, when)
            extra = {"base": inferred.iso(), "base_inferred": True}
    else:
        year = None
    if year is None:
        return _value(m[0], None, "day", True, month=month, day=day)
    try:
        d = date(year, month, day)
    except ValueError:
        return None
    if g.get("wd"):
        weekday = _lex()["weekdays"][g["wd"].lower()]
        extra |= {"weekday": g["wd"], "weekday_matches": d.weekday() == weekday}
    return _value(m[0], d, "day", not g.get("y"), **extra)


def _looking_back(ctx: ArticleContext, m: re.Match[str], when: str | None) -> date | None:
    """For a dated text that tells of a time long before its date: the date that gives "On
    July 18" its year (`doctime.Retrospect`). Only a past event qualifies; "this December 19"
    or "next July 4" name the article's own calendar."""
    retro = ctx.memo.get("retrospect")
    if (
        retro is None
        or when != "past"
        or THIS_NEXT.search(ctx.text[max(0, m.start() - 12) : m.start()])
    ):
        return None
    return retro.base_at(m.start())


def _relative(m: re.Match[str], ctx: ArticleContext, label: str, anchor: date | None) -> dict:
    g = m.groupdict()
    ref = ctx.article_date
    sentence = ctx.sentence_text(m.start(), m.end())
    expr = m[0]
    base: dict[str, Any] = {"base": ref.isoformat() if ref else None}
    if ref is None and ctx.inferred_date is not None and ctx.inferred_date.anchored:
        ref = ctx.inferred_date.date  # the lead's own day, shown as inferred
        base = {"base": ref.isoformat(), "base_inferred": True}
    if ref is None and label != "DATE_OFFSET":
        return _value(expr, None, "day", True, unresolved=True)
    if label == "DATE_WEEKDAY":
        weekday = _lex()["weekdays"][g["wd"].lower()]
        which = (g.get("which") or "").lower().split()
        if which and which[-1] in {"last", "past"}:  # "last Thursday": before the article's day
            d = ref - timedelta(days=(ref.weekday() - weekday - 1) % 7 + 1)
        elif which:  # "next Friday", "this coming Friday": after it
            d = ref + timedelta(days=(weekday - ref.weekday() - 1) % 7 + 1)
        else:
            d = _weekday_date(weekday, ref, tense.future(ctx, m.start(), sentence))
        return _value(expr, d, "day", True, weekday=g["wd"], **base)
    if label == "DATE_REL_DAY":
        rel = g["rel"].lower()
        shift = -1 if rel in {"yesterday", "last night"} else 1 if rel == "tomorrow" else 0
        return _value(expr, ref + timedelta(days=shift), "day", True, **base)
    if label == "DATE_REL_PERIOD":
        which, unit = g["which"].lower().split()[-1], g["unit"].lower()
        step = {"last": -1, "past": -1, "next": 1}.get(which, 0)
        if unit in {"week", "weekend"}:
            return _value(expr, ref + timedelta(days=7 * step), "week", True, **base)
        d, precision = _shift(ref, step, unit)
        return _value(expr, d, precision, True, **base)
    n = number_value(g.get("n") or "one")
    if n is None:
        raise ValueError(f"no count in {expr!r}")  # a digit string too long to be a count
    if label == "DATE_AGO":
        d, precision = _shift(ref, -int(n), g["unit"])
        return _value(expr, d, precision, True, **base)
    if label == "DATE_SINCE_SPAN":
        d, precision = _shift(ref, -int(n), g["unit"])
        qual = (g.get("qual") or "").lower()
        qualifier = "before" if ("than" in qual or "over" in qual) else "about"
        return _value(expr, d, "year", True, qualifier=qualifier, **base)
    # DATE_OFFSET: "two days later" counts from the last date the story gave.
    start = anchor or ref
    if start is None:
        return _value(expr, None, "day", True, unresolved=True)
    if label == "DATE_FOLLOWING":  # "the following day": one unit after the last date given
        unit = (g.get("unit") or g["unit2"]).lower()
        unit = "day" if unit in {"morning", "afternoon", "evening", "night"} else unit
        sign = 1 if (g.get("dir") or g["dir2"]).lower() in {"following", "next"} else -1
        d, precision = _shift(start, sign, unit)
        if unit == "week":
            precision = "week"
        return _value(expr, d, precision, True, base=start.isoformat(), anchor=bool(anchor))
    direction = g["dir"].lower()
    sign = 1 if direction in {"later", "afterwards", "before"} else -1
    # "A came one day after B": B is the day before A. "one day before B": B is the day after.
    d, precision = _shift(start, sign * int(n), g["unit"])
    return _value(expr, d, precision, True, base=start.isoformat(), anchor=bool(anchor))


def _read(m: re.Match[str], compute: Callable[..., dict | None], *args: Any) -> dict | None:
    """A date's value, or an unresolved one when the arithmetic leaves the calendar
    ("5000 years ago", "99999 days later")."""
    try:
        return compute(*args)
    except (ValueError, OverflowError):
        return {
            "date": None,
            "precision": "day",
            "relative": True,
            "expression": m[0],
            "unresolved": True,
        }


def find(ctx: ArticleContext) -> list[Found]:
    """Every date claim. A text without a date of its own is read twice: once for its
    absolute dates, which say when it was written (`doctime`), then with that time as the
    base for dates without a year. The text's own dateline is never a claim."""
    if ctx.article_date is None and ctx.inferred_date is None:
        first = _find(ctx)
        rest = _without_dateline(ctx, first)
        ctx.inferred_date = doctime.infer(ctx, rest, lambda offset: tense.tense_at(ctx, offset))
        if ctx.inferred_date is None:
            return rest
    elif ctx.article_date is not None and "retrospect" not in ctx.memo:
        # A dated text may tell of long ago: its days without a year are read again with
        # the year of the story's date before them, when the text looks back (doctime).
        first = _find(ctx)
        retro = doctime.retrospect(ctx, first, ctx.article_date)
        ctx.memo["retrospect"] = retro
        if retro is None or not any(_yearless_day(f) for f in first):
            return _without_dateline(ctx, first)
    return _without_dateline(ctx, _find(ctx))


def _yearless_day(f: Found) -> bool:
    """A day written without a year and given one by the article's date ("On July 18")."""
    v = f.value
    return (
        f.type == "date"
        and v.get("precision") == "day"
        and bool(v.get("relative"))
        and "base" not in v
        and "parser" not in v
        and bool(v.get("date"))
    )


def _without_dateline(ctx: ArticleContext, found: list[Found]) -> list[Found]:
    line = doctime.dateline_found(ctx.text, found)
    if line is None:
        return found
    ctx.memo["dateline"] = [(line.start, line.end)]  # no number claim is read from it either
    return [f for f in found if not (f.start < line.end and line.start < f.end)]


def _find(ctx: ArticleContext) -> list[Found]:
    found: list[Found] = []
    glossable: list[tuple[Found, str]] = []  # "last night" of "last night [March 17]"
    for p in patterns("date"):
        precision = p.options.get("precision", "day")
        relative = p.options.get("relative", False)
        if p.label in ANCHORED or p.options.get("gloss"):
            continue  # needs the other dates as anchors, or a gloss: done below
        for m in ctx.finditer(p):
            if relative:
                value = _read(m, _relative, m, ctx, p.label, None)
            else:
                value = _read(m, _absolute, m, ctx, p.label, precision)
            if value is not None:
                start = m.start()
                if p.label == "DATE_M":
                    start = m.start("m")
                duration = p.label in {"DATE_AGO", "DATE_SINCE_SPAN"}
                priority = p.options.get("priority", 0)
                found.append(
                    Found("date", start, m.end(), value, priority, shares_numbers=duration)
                )
                if date_gloss.glossable(p.label):
                    glossable.append((found[-1], p.label))
    found = date_gloss.merge(ctx.text, found, glossable)
    for p in patterns("date"):
        if p.label not in ANCHORED:
            continue
        for m in ctx.finditer(p):
            named = _date_named_after(ctx, found, m)
            if named is not None:
                value = _read(m, _counted_from, m, named)
                found.append(Found("date", m.start(), m.end(), value, shares_numbers=True))
                continue
            unit = (m.groupdict().get("unit") or m.groupdict().get("unit2") or "").lower()
            coarse = {"month": ("day", "month"), "year": ("day", "month", "year")}
            anchor = _anchor_before(found, m.start(), coarse.get(unit.rstrip("s"), ("day",)))
            value = _read(m, _relative, m, ctx, p.label, anchor)
            found.append(Found("date", m.start(), m.end(), value, shares_numbers=True))
    found.extend(_fallback(ctx, found))
    return found


def _date_named_after(ctx: ArticleContext, found: list[Found], m: re.Match[str]) -> Found | None:
    """ "two days after 30 August", "a week before the 9 March vote": the date named right
    after the offset is what it counts from (not the last date the story gave)."""
    g = m.groupdict()
    if (g.get("dir") or "").lower() not in {"after", "before"}:
        return None
    for f in found:
        gap = ctx.text[m.end() : f.start]
        if (
            f.start >= m.end()
            and len(gap) <= 6
            and AFTER_GAP.fullmatch(gap)
            and f.value.get("date")
            and f.value.get("precision") in {"day", "month"}
        ):
            return f
    return None


def _counted_from(m: re.Match[str], named: Found) -> dict:
    g = m.groupdict()
    text = named.value["date"]
    base = date.fromisoformat(text + ("-01" if len(text) == 7 else ""))
    sign = 1 if g["dir"].lower() == "after" else -1
    n = number_value(g.get("n") or "one")
    if n is None:
        raise ValueError(f"no count in {m[0]!r}")
    d, precision = _shift(base, sign * int(n), g["unit"])
    return _value(m[0], d, precision, True, base=base.isoformat(), anchor=True)


def _fallback(ctx: ArticleContext, found: list[Found]) -> list[Found]:
    """Dates spaCy recognises that no pattern read ("mid-2019", "the end of March"), read by
    dateparser. Durations ("36 years") and vague words ("recent days") are skipped."""
    extra: list[Found] = []
    for ent in ctx.doc.ents:
        if ent.label_ != "DATE" or not re.search(r"\d|[A-Z]", ent.text):
            continue
        if any(f.start < ent.end_char and ent.start_char < f.end for f in found):
            continue
        if re.fullmatch(r"(?i)(?:the\s+)?\d{1,4}(?:st|nd|rd|th)?", ent.text.strip()):
            continue  # "SCR 1325", "the 1st": a bare number is no date the patterns missed
        if re.search(r"(?i)\b(years?|days?|months?|weeks?|decades?|old|ago|annual)\b", ent.text):
            continue
        value = _parse_with_dateparser(ent.text, ctx.article_date)
        if value is not None:
            extra.append(Found("date", ent.start_char, ent.end_char, value, priority=-1))
    return extra


def _parse_with_dateparser(expr: str, ref: date | None) -> dict | None:
    from datetime import datetime

    from dateparser.date import DateDataParser  # lazy: loading it costs ~0.2 s

    settings = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": False}
    if ref is not None:
        settings["RELATIVE_BASE"] = datetime(ref.year, ref.month, ref.day)
    data = DateDataParser(languages=["en"], settings=settings).get_date_data(expr)
    if data is None or data.date_obj is None:
        return None
    precision = data.period if data.period in {"day", "month", "year"} else "day"
    return _value(expr, data.date_obj.date(), precision, relative=True, parser="dateparser")


def _anchor_before(
    found: list[Found], offset: int, precisions: tuple[str, ...] = ("day",)
) -> date | None:
    """The latest date stated before `offset` at a usable precision: what "a day later" (a
    day) or "the following year" (any date) counts from."""
    best: Found | None = None
    for f in found:
        usable = f.end <= offset and f.value.get("precision") in precisions and f.value.get("date")
        if usable and (best is None or f.end > best.end):
            best = f
    if best is None:
        return None
    text = best.value["date"]
    return date.fromisoformat(text + {4: "-01-01", 7: "-01"}.get(len(text), ""))


def find_dateline(text: str, strict: bool = False) -> date | None:
    """A full date near the top of an article (its dateline), to pre-fill the article date;
    `strict`: only one standing where datelines stand ("NEW YORK, 20 July 2015 —")."""
    head = text[:600]
    for label in ("DATE_ISO", "DATE_WD_DMY", "DATE_WD_MDY", "DATE_DMY", "DATE_MDY", "DATE_NUMERIC"):
        p = next(x for x in patterns("date") if x.label == label)
        for m in p.regex.finditer(head):
            g = m.groupdict()
            if not g.get("y") or (strict and not doctime.is_dateline_at(text, *m.span())):
                continue
            try:
                if label == "DATE_ISO":
                    return date(int(g["y"]), int(g["mo"]), int(g["d"]))
                if label == "DATE_NUMERIC":
                    read = _numeric_day_month(int(g["a"]), int(g["b"]), int(g["y"]), None)
                    if read is None or (int(g["a"]) <= 12 and int(g["b"]) <= 12):
                        continue  # "05/10/2019" alone cannot say which is the month
                    return date(int(g["y"]), read[1], read[0])
                return date(int(g["y"]), _month(g["m"]), int(re.match(r"\d+", g["d"])[0]))
            except ValueError:
                continue
    return None
