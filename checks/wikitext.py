"""Lenient helpers for the bits of wikitext and plain text the Wikipedia adapter reads.

Infobox values are written by hand on thousands of pages, so parsing must tolerate
`<ref>` footnotes, nested `{{templates}}`, `[[links]]`, thousands commas, "None" and empty
values, and dates split between `date = 20 July` and `year = 2015`. The wikitext itself is
parsed by mwparserfromhell (a maintained MediaWiki parser) rather than by hand-written bracket
counting; this module only decides what text each node contributes. Everything here is pure.
"""

from __future__ import annotations

import re
from datetime import date

import mwparserfromhell
from mwparserfromhell.nodes import (
    Argument,
    Comment,
    ExternalLink,
    HTMLEntity,
    Tag,
    Template,
    Text,
    Wikilink,
)
from mwparserfromhell.wikicode import Wikicode

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
#: Tags whose content is never part of the value shown (footnotes and the like).
_HIDDEN_TAGS = {"ref", "references"}


def _norm_name(name: str) -> str:
    return re.sub(r"[\s_]+", " ", name).strip().lower()


def _parse(text: str) -> Wikicode:
    return mwparserfromhell.parse(text, skip_style_tags=False)


def find_template(wikitext: str, name: str) -> dict[str, str] | None:
    """Raw named parameters of the first `{{name …}}` (name matched case-insensitively, `_` or
    spaces alike); keys lower-cased with spaces as `_`. None when the page has no such template."""
    wanted = _norm_name(name)
    for template in _parse(wikitext).ifilter_templates(recursive=True):
        if _norm_name(str(template.name)) != wanted:
            continue
        params: dict[str, str] = {}
        for param in template.params:
            if not param.showkey:
                continue
            key = _norm_name(str(param.name)).replace(" ", "_")
            params[key] = str(param.value).strip()
        return params
    return None


def _render_template(template: Template) -> str:
    """Text a template contributes to a value: wrapper content, an ISO date, or nothing."""
    tname = _norm_name(str(template.name))
    args = [_plain(p.value).strip() for p in template.params if not p.showkey]
    if tname in _WRAPPERS and args:
        return args[-1] if tname in {"sort", "lang"} else args[0]
    if tname in _DATE_TEMPLATES:
        nums = [a for a in args if a.isdigit()]
        if len(nums) >= 3:
            return f"{int(nums[0]):04d}-{int(nums[1]):02d}-{int(nums[2]):02d}"
    return ""


def _plain(code: Wikicode) -> str:
    """The reader-visible text of parsed wikitext, node by node."""
    out: list[str] = []
    for node in code.nodes:
        if isinstance(node, Text):
            out.append(str(node))
        elif isinstance(node, Comment):
            continue
        elif isinstance(node, Template):
            out.append(_render_template(node))
        elif isinstance(node, Wikilink):
            out.append(_plain(node.text) if node.text is not None else str(node.title))
        elif isinstance(node, ExternalLink):
            if node.brackets:
                out.append(_plain(node.title) if node.title is not None else "")
            else:
                out.append(str(node.url))
        elif isinstance(node, Tag):
            tag = str(node.tag).strip().lower()
            if tag in _HIDDEN_TAGS:
                continue
            if tag == "br":
                out.append(" ")
            elif node.contents is not None:
                block = tag in {"p", "div", "li", "td", "th"}
                out.append(f" {_plain(node.contents)} " if block else _plain(node.contents))
        elif isinstance(node, HTMLEntity):
            out.append(node.normalize())
        elif isinstance(node, Argument):
            out.append(_plain(node.default) if node.default is not None else "")
        else:
            out.append(str(node))
    return "".join(out)


def clean_value(raw: str) -> str:
    """Plain text of an infobox value: refs, comments, templates, links and markup removed."""
    text = _plain(_parse(raw))
    # What the parser leaves as text because it never closes: an unclosed footnote or tag.
    text = re.sub(r"<ref[^>]*>.*$", "", text, flags=re.IGNORECASE | re.DOTALL)
    text = re.sub(r"<!--.*$", "", text, flags=re.DOTALL)
    text = re.sub(r"</?[a-zA-Z][^>]*>", "", text)
    text = text.replace("'''", "").replace("''", "")
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
