"""Resolution numbers and document symbols: "Resolution 2231", "S/RES/2231 (2015)", "UNSCR 2397",
"resolutions 2397 and 2401" (one claim each), draft symbols such as "S/2020/797"."""

from __future__ import annotations

import re

from checks.extract.context import ArticleContext, Found
from checks.patternbook import patterns

GA_CUE = re.compile(r"(?i)\b(general\s+assembly|UNGA|A/RES/|the\s+assembly)\b")
#: Assembly resolutions of 1946-1975 carry their session in Roman numerals: 2758 (XXVI).
GA_SESSION = re.compile(r"\s*(?:\d{1,4}\s*)?\([IVXL]{1,7}\)")
DRAFT_CUE = re.compile(r"(?i)\bdraft\b")
DOCUMENT_CUE = re.compile(r"(?i)\b(letter|report|document|note\s+verbale|statement)\b")
PRIORITY = {
    "RES_SYMBOL": 3,
    "RES_LIST": 2,
    "RES_WORD": 2,
    "RES_UNSCR": 2,
    "RES_ABBREV": 2,
    "RES_NUM_BEFORE": 2,
}


def _organ(ctx: ArticleContext, start: int, organ_text: str | None, end: int = -1) -> str:
    if organ_text and GA_CUE.search(organ_text):
        return "GA"
    if end >= 0 and GA_SESSION.match(ctx.text, end):
        return "GA"
    if organ_text:
        return "SC"
    # "General Assembly resolution 377" without a prefix group: look just before.
    before = ctx.text[max(0, start - 40) : start]
    return "GA" if GA_CUE.search(before) else "SC"


def _resolution(num: int, year: int | None, organ: str) -> dict:
    symbol = f"S/RES/{num} ({year})" if year else f"S/RES/{num}"
    value = {"number": num, "year": year, "symbol": symbol, "draft": False}
    if organ == "GA":
        value.update(symbol=None, organ="GA")
    return value


def find(ctx: ArticleContext) -> list[Found]:
    found: list[Found] = []
    for p in patterns("resolution"):
        for m in ctx.finditer(p):
            label = p.label
            if label == "RES_LIST":
                organ = _organ(ctx, m.start(), m.group("organ"))
                list_start = m.start("list")
                for num_match in re.finditer(r"(\d{1,4})(?:\s*\((\d{4})\))?", m.group("list")):
                    s = list_start + num_match.start()
                    e = list_start + num_match.end()
                    if num_match.start() == 0:
                        s = m.start()  # the first number carries the word "resolutions"
                    year = int(num_match[2]) if num_match[2] else None
                    found.append(
                        Found("resolution", s, e, _resolution(int(num_match[1]), year, organ), 2)
                    )
            elif label in PRIORITY:
                num = m.group("num") or (m.groupdict().get("num2"))
                year_text = m.groupdict().get("year") or m.groupdict().get("year2")
                organ = (
                    "SC"
                    if label in {"RES_SYMBOL", "RES_UNSCR", "RES_NUM_BEFORE"}
                    else _organ(ctx, m.start(), m.groupdict().get("organ"), m.end())
                )
                value = _resolution(int(num), int(year_text) if year_text else None, organ)
                found.append(Found("resolution", m.start(), m.end(), value, PRIORITY[label]))
            elif label in {"RES_GA_SYMBOL", "RES_GA_WORD"}:
                symbol = m.group(0) if label == "RES_GA_SYMBOL" else f"A/RES/{m['ga']}"
                value = {"number": None, "symbol": symbol, "draft": False, "organ": "GA"}
                found.append(Found("resolution", m.start(), m.end(), value, 3))
            elif label in {"RES_DRAFT_SYMBOL", "RES_OLD_DRAFT"}:
                symbol_start = m.start() if label == "RES_DRAFT_SYMBOL" else m.group(0).rfind("S/")
                symbol_start = m.start() + symbol_start if label == "RES_OLD_DRAFT" else m.start()
                symbol = re.sub(r"\s+", "", ctx.text[symbol_start : m.end()])  # "S/18016/ Rev.1"
                window = ctx.text[max(0, m.start() - 60) : m.start()]
                is_draft = label == "RES_OLD_DRAFT" or bool(DRAFT_CUE.search(window))
                kind = "draft" if is_draft else "document"
                if not is_draft and not DOCUMENT_CUE.search(window):
                    # A bare S/YYYY/NNN in a sentence about a vote is almost always the draft.
                    sentence = ctx.sentence_text(m.start(), m.end())
                    is_draft = bool(re.search(r"(?i)\b(vot|adopt|veto|draft)", sentence))
                    kind = "draft" if is_draft else "document"
                value = {"number": None, "symbol": symbol, "draft": is_draft, "kind": kind}
                found.append(Found("resolution", symbol_start, m.end(), value, 3))
    return found
