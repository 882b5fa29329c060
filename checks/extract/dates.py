"""Absolute and relative dates, resolved against the article's date.

Common forms ("20 July 2015", "August 14", "May 2018", "on Sunday", "two days later") are read
from the pattern groups directly, which is exact and fast; `dateparser` reads what the
patterns name but cannot split (it is the fallback, not the first resort).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from checks.extract.context import ArticleContext, Found, number_value
from checks.patternbook import load_json, patterns

UNIT_DAYS = {"day": 1, "week": 7}


def _lex() -> dict:
    return load_json("lexicon.json")


def _month(name: str) -> int:
    return _lex()["months"][name.lower().rstrip(".")]


FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "going"})
FUTURE_VERBS = frozenset({"expected", "scheduled", "set", "due", "planned", "slated", "poised"})


def _tense_at(ctx: ArticleContext, offset: int) -> str | None:
    """'future' or 'past' from the verb a date attaches to ("said on Saturday that X will"
    is past: the date belongs to "said"), or None when the parse does not say."""
    span = ctx.doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None or not ctx.statistical:
        return None
    tok = span[0]
    for _ in range(4):
        if tok.pos_ in {"VERB", "AUX"}:
            break
        if tok.head is tok:
            return None
        tok = tok.head
    else:
        return None
    chain = [tok, *tok.ancestors][:3]
    for verb in chain:
        kids = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
        if kids & FUTURE_AUX or verb.lower_ in FUTURE_VERBS:
            return "future"
        if verb.tag_ == "VBD" or kids & {"has", "have", "had", "did", "was", "were"}:
            return "past"
        if verb.tag_ in {"VBZ", "VBP"} and verb.lower_ not in {"is", "are", "am", "'s"}:
            return None
    return None


def _future(ctx: ArticleContext, offset: int, sentence: str) -> bool:
    tense = _tense_at(ctx, offset)
    return tense == "future" if tense else _is_future(sentence)


def _is_future(sentence: str) -> bool:
    low = sentence.lower()
    return any(re.search(rf"\b{re.escape(cue)}\b", low) for cue in _lex()["future_cues"])


def _infer_year(month: int, day: int, ref: date | None, future: bool) -> int | None:
    """The year of a date written without one: the article's, unless that puts a past event
    more than a month after the article (then it was last year)."""
    if ref is None:
        return None
    year = ref.year
    try:
        candidate = date(year, month, min(day, calendar.monthrange(year, month)[1]))
    except ValueError:
        return year
    if candidate - ref > timedelta(days=31) and not future:
        return year - 1
    if ref - candidate > timedelta(days=300) and future:
        return year + 1
    return year


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
    if label == "DATE_YEAR":
        return _value(m[0], date(int(g["y"]), 1, 1), "year", False)
    month = _month(g["m"])
    if precision == "month":
        year = int(g["y"]) if g.get("y") else (ctx.article_date.year if ctx.article_date else None)
        d = date(year, month, 1) if year else None
        return _value(m[0], d, "month", not g.get("y"))
    day = int(re.match(r"\d+", g["d"])[0])
    future = _future(ctx, m.start(), sentence)
    year = int(g["y"]) if g.get("y") else _infer_year(month, day, ctx.article_date, future)
    if year is None:
        return _value(m[0], None, "day", True, month=month, day=day)
    try:
        d = date(year, month, day)
    except ValueError:
        return None
    extra = {}
    if g.get("wd"):
        weekday = _lex()["weekdays"][g["wd"].lower()]
        extra = {"weekday": g["wd"], "weekday_matches": d.weekday() == weekday}
    return _value(m[0], d, "day", not g.get("y"), **extra)


def _relative(m: re.Match[str], ctx: ArticleContext, label: str, anchor: date | None) -> dict:
    g = m.groupdict()
    ref = ctx.article_date
    sentence = ctx.sentence_text(m.start(), m.end())
    expr = m[0]
    base = {"base": ref.isoformat() if ref else None}
    if ref is None and label != "DATE_OFFSET":
        return _value(expr, None, "day", True, unresolved=True)
    if label == "DATE_WEEKDAY":
        weekday = _lex()["weekdays"][g["wd"].lower()]
        d = _weekday_date(weekday, ref, _future(ctx, m.start(), sentence))
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
    n = number_value(g["n"]) or 1
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
    direction = g["dir"].lower()
    sign = 1 if direction in {"later", "afterwards", "before"} else -1
    # "A came one day after B": B is the day before A. "one day before B": B is the day after.
    d, precision = _shift(start, sign * int(n), g["unit"])
    return _value(expr, d, precision, True, base=start.isoformat(), anchor=bool(anchor))


def find(ctx: ArticleContext) -> list[Found]:
    found: list[Found] = []
    for p in patterns("date"):
        precision = p.options.get("precision", "day")
        relative = p.options.get("relative", False)
        if p.label == "DATE_OFFSET":
            continue  # needs the other dates as anchors: done below
        for m in ctx.finditer(p):
            if relative:
                value = _relative(m, ctx, p.label, None)
            else:
                value = _absolute(m, ctx, p.label, precision)
            if value is not None:
                start = m.start()
                if p.label == "DATE_M":
                    start = m.start("m")
                duration = p.label in {"DATE_AGO", "DATE_SINCE_SPAN"}
                found.append(Found("date", start, m.end(), value, 0, shares_numbers=duration))
    offset_pattern = next(p for p in patterns("date") if p.label == "DATE_OFFSET")
    for m in ctx.finditer(offset_pattern):
        anchor = _anchor_before(found, m.start())
        value = _relative(m, ctx, "DATE_OFFSET", anchor)
        found.append(Found("date", m.start(), m.end(), value, shares_numbers=True))
    found.extend(_fallback(ctx, found))
    return found


def _fallback(ctx: ArticleContext, found: list[Found]) -> list[Found]:
    """Dates spaCy recognises that no pattern read ("mid-2019", "the end of March"), read by
    dateparser. Durations ("36 years") and vague words ("recent days") are skipped."""
    extra: list[Found] = []
    for ent in ctx.doc.ents:
        if ent.label_ != "DATE" or not re.search(r"\d|[A-Z]", ent.text):
            continue
        if any(f.start < ent.end_char and ent.start_char < f.end for f in found):
            continue
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


def _anchor_before(found: list[Found], offset: int) -> date | None:
    """The latest day-precision date stated before `offset`: what "a day later" counts from."""
    best: Found | None = None
    for f in found:
        usable = f.end <= offset and f.value.get("precision") == "day" and f.value.get("date")
        if usable and (best is None or f.end > best.end):
            best = f
    return date.fromisoformat(best.value["date"]) if best else None


def find_dateline(text: str) -> date | None:
    """A full date near the top of an article (its dateline), to pre-fill the article date."""
    head = text[:600]
    for label in ("DATE_ISO", "DATE_WD_DMY", "DATE_WD_MDY", "DATE_DMY", "DATE_MDY"):
        p = next(x for x in patterns("date") if x.label == label)
        for m in p.regex.finditer(head):
            g = m.groupdict()
            if not g.get("y"):
                continue
            try:
                if label == "DATE_ISO":
                    return date(int(g["y"]), int(g["mo"]), int(g["d"]))
                return date(int(g["y"]), _month(g["m"]), int(re.match(r"\d+", g["d"])[0]))
            except ValueError:
                continue
    return None
