"""Which finite clause a piece of a sentence stands in, from the spaCy parse.

A sentence may report separate assertions in separate clauses ("Turkey voted against, while
Lebanon abstained"); a fact-checker judges each apart, so the vote finder asks whether two
parts head the same clause.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from checks.extract import vote_grammar
from checks.extract.context import ArticleContext

# A clause of its own: a verb heading the sentence or a clause joined to it, with its own subject
# and a finite form ("while Lebanon abstained"), not "with Russia abstaining". A relative clause
# is not one: it describes a noun of its clause ("a unanimous vote that passed with the US
# abstaining" is one statement about one vote).
CLAUSE_DEPS = {"ROOT", "advcl", "conj", "ccomp", "parataxis"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "expl"}
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}


def _is_clause(tok: Token) -> bool:
    """A finite clause's head: "voted" in "while Lebanon abstained", not "abstaining"."""
    if tok.dep_ not in CLAUSE_DEPS or not any(c.dep_ in SUBJECT_DEPS for c in tok.children):
        return False
    return tok.tag_ in FINITE_TAGS or any(
        c.dep_ in {"aux", "auxpass"} and c.tag_ in FINITE_TAGS for c in tok.children
    )


def clause_head(ctx: ArticleContext, start: int, end: int) -> int | None:
    """The token heading the finite clause a part stands in; None when the parse cannot say
    (no statistical parser, or a 'sentence' so long it is a table whose parse is noise)."""
    if not ctx.statistical:
        return None
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span.sent) > vote_grammar.MAX_TOKENS:
        return None
    tok = _content_root(span)
    while not _is_clause(tok) and tok.head.i != tok.i:
        tok = tok.head
    return tok.i


def _depth(tok: Token) -> int:
    depth = 0
    while tok.head.i != tok.i:
        tok, depth = tok.head, depth + 1
    return depth


def _content_root(span: Span) -> Token:
    """The span's highest word, not counting commas and conjunctions: a match that runs over a
    clause boundary ("..., and the United States voted against") is about its verb's clause,
    not the one the comma hangs on."""
    words = [t for t in span if t.dep_ not in {"punct", "cc"}] or list(span)
    return min(words, key=_depth)
