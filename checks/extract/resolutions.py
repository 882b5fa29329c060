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
#: Words naming a symbol as something other than a text put to the vote ("in a letter
#: (S/2014/136)", "the report S/2023/111"); "document" and "doc." name no kind.
DOCUMENT_CUE = re.compile(
    r"(?i)\b(letters?|reports?|note\s+verbale|statements?|communications?|memorandum|"
    r"telegrams?|cables?|records?|minutes|annex)\b"
)
#: A sentence about a decision, where a bare symbol names the text voted on.
VOTE_CUE = re.compile(r"(?i)\b(vot|adopt|veto|draft)")
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


def _named_as_document(window: str) -> bool:
    """The words just before a symbol call it a letter or report, nearer than any "draft"."""
    letters = [m.end() for m in DOCUMENT_CUE.finditer(window)]
    drafts = [m.end() for m in DRAFT_CUE.finditer(window)]
    return bool(letters) and (not drafts or letters[-1] > drafts[-1])


def _about_a_vote(ctx: ArticleContext, start: int, end: int) -> bool:
    """The symbol's sentence speaks of a vote; a citation in parentheses after a sentence
    ("... vetoed the resolution. (U.N. doc. S/3792)") belongs to the sentence before it."""
    opened = ctx.text.rfind("(", max(0, start - 40), start)
    if opened > 0 and ")" not in ctx.text[opened:start]:
        start = opened - 1
    return bool(VOTE_CUE.search(ctx.sentence_text(start, end)))


def _symbol_value(ctx: ArticleContext, m: re.Match[str], label: str) -> dict | None:
    """A Council document symbol as a draft when the words name it as the text voted on
    ("draft S/10489", "the text (S/17633)", "U.N. doc. S/3792" of a vote), else as a document
    (S/YYYY/NNN only: an older bare number is not read at all)."""
    symbol_start = m.start() + m.group(0).rfind("S/")
    symbol = re.sub(r"\s+", "", ctx.text[symbol_start : m.end()])  # "S/18016/ Rev.1"
    window = ctx.text[max(0, symbol_start - 60) : symbol_start]
    if label == "RES_OLD_DRAFT":
        is_draft = True
    elif label == "RES_OLD_NAMED":
        # "document S/1048": any Council paper; a draft only in a sentence about a vote and
        # when no "letter"/"report" before it names it otherwise.
        as_document = re.match(r"(?i)(?:document|doc\.)", ctx.text[m.start() : symbol_start])
        if as_document and (
            _named_as_document(window) or not _about_a_vote(ctx, symbol_start, m.end())
        ):
            return None
        is_draft = True  # "the text (S/17633)": the noun names it
    elif _named_as_document(window):
        is_draft = False
    else:
        # A bare S/YYYY/NNN in a sentence about a vote is almost always the draft.
        is_draft = bool(DRAFT_CUE.search(window)) or _about_a_vote(ctx, symbol_start, m.end())
    kind = "draft" if is_draft else "document"
    return {"number": None, "symbol": symbol, "draft": is_draft, "kind": kind}


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
            elif label in {"RES_DRAFT_SYMBOL", "RES_OLD_DRAFT", "RES_OLD_NAMED"}:
                value = _symbol_value(ctx, m, label)
                if value is not None:
                    start = m.start() + m.group(0).rfind("S/")
                    found.append(Found("resolution", start, m.end(), value, 3))
    return found
