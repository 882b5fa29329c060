"""Which way a date without a year or a weekday points: the tense of the verb it belongs to.

"said on Saturday that X will" is past (the date belongs to "said"); "should be put to a vote on
Tuesday" is ahead; "the peace plan signed Dec. 29" is done. Read from the parse where there is
one, else from cue words of the sentence (`lexicon.json`'s future_cues).
"""

from __future__ import annotations

import functools
import re

from checks.extract.context import ArticleContext
from checks.patternbook import load_json

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "going"})
#: "should be put to a vote on Tuesday": a duty ahead ("should have" looks back).
DUTY_AUX = frozenset({"should", "must"})
FUTURE_VERBS = frozenset({"expected", "scheduled", "set", "due", "planned", "slated", "poised"})


def tense_at(ctx: ArticleContext, offset: int) -> str | None:
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
    # "had expected the Council to vote on Tuesday", "had been scheduled for Tuesday": a plan
    # told in the past perfect was made before the story's day, and its day is past too
    planned_before = any(
        v.lower_ in FUTURE_VERBS and any(c.lower_ == "had" for c in v.children) for v in chain
    )
    if planned_before:
        return "past"
    for verb in chain:
        if any(c.tag_ == "TO" and c.dep_ == "aux" for c in verb.children):
            return "future"  # "voted to extend the mission until Dec. 31": an aim, ahead
        kids = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
        if kids & FUTURE_AUX or verb.lower_ in FUTURE_VERBS:
            return "future"
        if kids & DUTY_AUX and not kids & {"have", "'ve"}:
            return "future"  # "the draft, which should be put to a vote on Tuesday"
        if verb.tag_ == "VBD" or kids & {"has", "have", "had", "did", "was", "were"}:
            return "past"
        if verb.tag_ == "VBN" and verb.dep_ == "acl" and not kids:
            return "past"  # "the peace plan signed Dec. 29": a done act naming its noun
        if kids & {"does", "do"} or (
            verb.tag_ in {"VBZ", "VBP"} and verb.lower_ not in {"is", "are", "am", "'s"}
        ):
            return None  # a present-tense clause ("if it does not withdraw by Jan. 15")
    return None


def when(ctx: ArticleContext, offset: int, sentence: str) -> str | None:
    """'future', 'past', or None when neither the parse nor a cue word says. The cue words are
    read outside the clauses that describe a noun ("the draft, which would have imposed
    sanctions, was vetoed on 15 November"): they tell what the text says, not when it was done."""
    tense = tense_at(ctx, offset)
    if tense:
        return tense
    return "future" if _is_future(_outside_descriptions(ctx, offset, sentence)) else None


#: Without a parse: clauses describing a text ("by which it decided that all States shall deny",
#: ", which would have extended the mandate,", "that would have imposed sanctions", "a draft
#: that will see a technical extension"; not "a text that will be put to a vote on Friday",
#: whose vote is still to come).
DESCRIBED = re.compile(
    r"(?i)\b(?:by|under|through)\s+which\b[^;.]*"
    r"|,\s*which\b[^,;.]*"
    r"|\b(?:which|that)\s+would\s+have\b[^,;.]*"
    r"|(?<=[a-z]\s)(?:which|that)\s+will\b"
    r"(?![^,;.]*\b(?:vot\w*|adopt\w*|pass\w*|veto\w*|approv\w*|unanimous\w*)\b)[^,;.]*"
)


def without_descriptions(sentence: str) -> str:
    """The sentence without clauses describing a text (no parse needed), for a reader of the
    sentence's tense: "voted ... to adopt resolution 1070 by which it decided that all States
    shall deny ..." tells of a past vote, not a plan."""
    return DESCRIBED.sub(" ", sentence)


def _outside_descriptions(ctx: ArticleContext, offset: int, sentence: str) -> str:
    """`sentence` without the relative clauses that describe a noun, unless the date at
    `offset` stands in one ("a draft which will be put to a vote on Friday" keeps its cue)."""
    s, e = ctx.sentence_bounds(offset, offset + 1)
    if ctx.text[s:e] != sentence:
        return sentence  # not the sentence of this offset: read it whole, as before
    cuts: list[tuple[int, int]] = []
    span = ctx.doc.char_span(s, e, alignment_mode="expand") if ctx.statistical else None
    if span is not None:
        for tok in span:
            if tok.dep_ == "relcl":
                sub = list(tok.subtree)
                cuts.append((sub[0].idx, sub[-1].idx + len(sub[-1])))
    else:
        cuts = [(s + m.start(), s + m.end()) for m in DESCRIBED.finditer(sentence)]
    kept, at = [], s
    for a, b in sorted(cuts):
        if a <= offset < b or a < at:
            continue  # the date's own clause, or one inside a clause already cut
        kept.append(ctx.text[at:a])
        at = b
    kept.append(ctx.text[at:e])
    return " ".join(kept)


def future(ctx: ArticleContext, offset: int, sentence: str) -> bool:
    return when(ctx, offset, sentence) == "future"


@functools.lru_cache(maxsize=1)
def _future_cues() -> re.Pattern[str]:
    cues = sorted(load_json("lexicon.json")["future_cues"], key=len, reverse=True)
    return re.compile(r"(?i)\b(?:" + "|".join(re.escape(c) for c in cues) + r")\b")


@functools.lru_cache(maxsize=512)
def _is_future(sentence: str) -> bool:
    """One search per sentence (cached): a long sentence full of dates stays linear."""
    return _future_cues().search(sentence) is not None
