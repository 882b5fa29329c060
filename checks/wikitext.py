"""Lenient helpers for the bits of wikitext and plain text the Wikipedia adapter reads.

Infobox values are written by hand on thousands of pages, so parsing must tolerate
`<ref>` footnotes, nested `{{templates}}`, `[[links]]`, thousands commas, "None" and empty
values, and dates split between `date = 20 July` and `year = 2015`. Everything here is pure.
"""

from __future__ import annotations

import re
from datetime import date

MONTHS: dict[str, int] = {
    name: i
    for i, name in enumerate(
        (
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ),
        start=1,
    )
}
MONTHS.update({name[:3]: i for name, i in list(MONTHS.items())})
MONTHS["sept"] = 9

_MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_DMY = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH_RE})(?:,?\s+(\d{{4}}))?\b", re.IGNORECASE)
_MDY = re.compile(rf"\b({_MONTH_RE})\s+(\d{{1,2}})(?:,\s*|\s+)(\d{{4}})\b", re.IGNORECASE)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")

_NONE_WORDS = {"none", "nil", "no", "zero", "-", "–", "—", "n/a"}
#: Templates whose first positional argument is the text to keep.
_WRAPPERS = {"nowrap", "small", "nobr", "lang", "abbr", "sort", "nts", "formatnum"}
_DATE_TEMPLATES = {"start date", "start-date", "date", "dts", "birth date", "end date"}


def _norm_name(name: str) -> str:
    return re.sub(r"[\s_]+", " ", name).strip().lower()


def _match_braces(text: str, start: int) -> int:
    """Index just past the `}}` closing the `{{` at `start`, or len(text) if unclosed."""
    depth = 0
    i = start
    while i < len(text) - 1:
        pair = text[i : i + 2]
        if pair == "{{":
            depth += 1
            i += 2
            continue
        if pair == "}}":
            depth -= 1
            i += 2
            if depth == 0:
                return i
            continue
        i += 1
    return len(text)


_OPENERS = {"{{": "}}", "[[": "]]"}


def _split_top_level(body: str) -> list[str]:
    """Split template arguments on `|` that are not inside {{ }}, [[ ]] or <ref>…</ref>."""
    parts: list[str] = []
    depth = {"}}": 0, "]]": 0}  # open brackets, by the closer that ends them
    in_ref = False
    buf: list[str] = []
    i = 0
    while i < len(body):
        two = body[i : i + 2]
        if body.startswith("<ref", i) and not body.startswith("<references", i):
            close = body.find(">", i)
            if close != -1 and body[close - 1] != "/":
                in_ref = True
        elif body.startswith("</ref>", i):
            in_ref = False
        if two in _OPENERS or depth.get(two):
            if two in _OPENERS:
                depth[_OPENERS[two]] += 1
            else:
                depth[two] -= 1
            buf.append(two)
            i += 2
            continue
        if body[i] == "|" and not (any(depth.values()) or in_ref):
            parts.append("".join(buf))
            buf = []
        else:
            buf.append(body[i])
        i += 1
    parts.append("".join(buf))
    return parts


def find_template(wikitext: str, name: str) -> dict[str, str] | None:
    """Raw named parameters of the first `{{name …}}` (name matched case-insensitively, `_` or
    spaces alike); keys lower-cased with spaces as `_`. None when the page has no such template."""
    wanted = _norm_name(name)
    for m in re.finditer(r"\{\{", wikitext):
        head = re.match(r"\{\{\s*([^|{}]+?)\s*(?:\||\}\})", wikitext[m.start() :])
        if not head or _norm_name(head.group(1)) != wanted:
            continue
        end = _match_braces(wikitext, m.start())
        body = wikitext[m.start() + 2 : end - 2 if wikitext[end - 2 : end] == "}}" else end]
        params: dict[str, str] = {}
        for part in _split_top_level(body)[1:]:
            if "=" not in part:
                continue
            key, value = part.split("=", 1)
            params[_norm_name(key).replace(" ", "_")] = value.strip()
        return params
    return None


def _render_template(inner: str) -> str:
    """Text a template contributes to a value: wrapper content, an ISO date, or nothing."""
    parts = _split_top_level(inner)
    tname = _norm_name(parts[0]) if parts else ""
    args = [p.strip() for p in parts[1:] if "=" not in p]
    if tname in _WRAPPERS and args:
        return args[-1] if tname in {"sort", "lang"} else args[0]
    if tname in _DATE_TEMPLATES:
        nums = [a for a in args if a.isdigit()]
        if len(nums) >= 3:
            return f"{int(nums[0]):04d}-{int(nums[1]):02d}-{int(nums[2]):02d}"
    return ""


def clean_value(raw: str) -> str:
    """Plain text of an infobox value: refs, comments, templates, links and markup removed."""
    text = re.sub(r"<!--.*?(?:-->|$)", "", raw, flags=re.DOTALL)
    text = re.sub(r"<ref[^>/]*/>", "", text, flags=re.IGNORECASE)
    text = re.sub(r"<ref[^>]*>.*?(?:</ref>|$)", "", text, flags=re.IGNORECASE | re.DOTALL)
    for _ in range(10):  # innermost templates first
        new = re.sub(r"\{\{([^{}]*)\}\}", lambda m: _render_template(m.group(1)), text)
        if new == text:
            break
        text = new
    text = re.sub(r"\[\[(?:[^|\]]*\|)?([^\]]*)\]\]", r"\1", text)
    text = re.sub(r"\[https?://\S+\s+([^\]]*)\]", r"\1", text)
    text = re.sub(r"<br\s*/?>", " ", text, flags=re.IGNORECASE)
    text = re.sub(r"<[^>]+>", "", text)
    text = text.replace("'''", "").replace("''", "").replace("&nbsp;", " ")
    return re.sub(r"\s+", " ", text).strip()


def parse_count(value: str | None) -> int | None:
    """A vote count: "14", "7,488", "None", "0" or empty (-> 0). None only if unreadable."""
    if value is None:
        return None
    text = clean_value(value)
    if text == "" or text.lower() in _NONE_WORDS:
        return 0
    m = re.match(r"^(\d{1,3}(?:,\d{3})+|\d+)\b", text)
    return int(m.group(1).replace(",", "")) if m else None


def _ymd(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_date(text: str | None, year: int | str | None = None) -> str | None:
    """ISO date from "20 July 2015", "July 20, 2015", "2015-07-20" or "20 July" plus `year`."""
    if not text:
        return None
    text = clean_value(text)
    if m := _ISO.search(text):
        return _ymd(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    fallback = int(year) if year not in (None, "") and str(year).strip().isdigit() else None
    if m := _MDY.search(text):
        month = MONTHS[m.group(1).lower().rstrip(".")]
        return _ymd(int(m.group(3)), month, int(m.group(2)))
    if m := _DMY.search(text):
        month = MONTHS[m.group(2).lower().rstrip(".")]
        y = int(m.group(3)) if m.group(3) else fallback
        return _ymd(y, month, int(m.group(1))) if y else None
    return None


def find_dates(text: str, limit: int = 50) -> list[dict[str, str]]:
    """Full dates written in plain text, with the sentence around each, in reading order."""
    found: list[tuple[int, dict[str, str]]] = []
    seen: set[int] = set()
    for pattern in (_DMY, _MDY, _ISO):
        for m in pattern.finditer(text):
            if m.start() in seen:
                continue
            if pattern is _DMY and not m.group(3):
                continue
            iso = parse_date(m.group(0))
            if not iso:
                continue
            seen.add(m.start())
            left = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start()))
            right_candidates = [
                i for i in (text.find(". ", m.end()), text.find("\n", m.end())) if i != -1
            ]
            right = min(right_candidates) + 1 if right_candidates else len(text)
            sentence = text[left + 1 : right].strip()
            found.append((m.start(), {"date": iso, "text": m.group(0), "sentence": sentence}))
    found.sort(key=lambda item: item[0])
    return [item for _, item in found[:limit]]
