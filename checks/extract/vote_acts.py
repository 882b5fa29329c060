"""When an act the dependency patterns match is no vote cast: negated ("no veto by a permanent
member"), hypothetical ("would veto"), a stance ("France supports the proposal"), set aside
("rather than vote against"), averted ("avoided a veto"), held by any member (a rule of the
Charter, not an event), or the backing of something other than the text voted on ("the
government, backed by Russia"). Read by `checks.extract.vote_grammar`."""

from __future__ import annotations

import functools
import re
from typing import Any

from spacy.tokens import Token

from checks.extract.context import ArticleContext
from checks.patternbook import load_json, macros

# Words that make an act hypothetical or not an act at all ("would veto", "threat of a veto").
MODAL = {"would", "could", "might", "will", "may", "should", "can", "shall", "'d", "wo"}
#: Determiners that negate the noun they go with ("no veto", "neither abstention").
NO_DET = {"no", "neither"}
#: Determiners of a holder that is any member, not one that acted: "a veto by a permanent
#: member", "the veto of any of the five" (a rule, not an event).
GENERIC_DET = {"a", "an", "any", "each", "every", "either", "no"}
# Auxiliaries of a present progressive ("is backing"); dependencies that start a clause of
# their own, whose words are not the act's ("supports the text when it comes to a vote").
PRESENT_AUX = {"is", "are", "am", "'s", "'re", "'m"}
OWN_CLAUSE_DEPS = {"relcl", "ccomp", "advcl", "parataxis", "conj", "acl", "csubj", "xcomp"}


def blocked(act: Token, options: dict[str, Any]) -> bool:
    """Negated, hypothetical or merely threatened acts are not votes. A noun is negated by its
    determiner "no" ("needs nine votes and no veto by a permanent member", "faced no veto
    from Russia"), a verb by its "not"."""
    negated = any(
        c.dep_ == "neg" or (act.pos_ == "NOUN" and c.dep_ == "det" and c.lower_ in NO_DET)
        for c in act.children
    )
    if negated != bool(options.get("negated", False)):
        return True
    heads = [act, *list(act.ancestors)[:2]]
    if any(c.dep_ == "aux" and c.lower_ in MODAL for h in heads[:2] for c in h.children):
        return True
    if options.get("present_needs_words") and _a_stance(act, set(options["present_needs_words"])):
        return True
    # "avoided a third American veto": the pattern's word "avoid" in any of its forms
    avoid = set(options.get("not_under", []))
    return any(h.lower_ in avoid or any(c.lower_ in avoid for c in h.children) for h in heads)


def _present(act: Token) -> bool:
    """ "supports", "back", "is backing", "does support": the act is said in the present."""
    aux = {c.lower_ for c in act.children if c.dep_ in {"aux", "auxpass"}}
    if act.tag_ in {"VBZ", "VBP"}:
        return True
    if act.tag_ == "VBG":
        return bool(aux & PRESENT_AUX)
    return act.tag_ == "VB" and bool(aux & {"do", "does"})


def _a_stance(act: Token, vote_words: set[str]) -> bool:
    """ "France supports the proposal, its ambassador said": a present "supports" or "backs"
    states a position, not a vote, unless its own clause speaks of the vote ("backs the
    resolution in the vote"; words of a clause hung on it, "when it comes to a vote", do not
    count). "Supported", "backed" and "were supporting" are read as before."""
    if not _present(act):
        return False
    stack, words = [act], set()
    while stack:
        tok = stack.pop()
        words.add(tok.lower_)
        stack.extend(c for c in tok.children if c.dep_ not in OWN_CLAUSE_DEPS)
    return not words & vote_words


def not_done(ctx: ArticleContext, act: Token, tokens: dict[str, Token]) -> bool:
    """Words that say the act was not a vote on the text: "abstained rather than vote against
    it" (an act set aside), a veto noun after "avoided", "averted", "headed off" (no veto was
    cast; `VETOAVERTED` in macros.json), or "voted against the reimposition of sanctions" (a
    vote for or against an action the draft would take or undo, whose side of the draft the
    words do not say; `ACTIONOBJECT`)."""
    s, e = ctx.sentence_bounds(act.idx, act.idx + len(act.text))
    before = ctx.text[s : act.idx]
    if re.search(r"(?i)\b(?:rather\s+than|instead\s+of)\s+$", before):
        return True
    if act.pos_ == "NOUN" and _context("VETOAVERTED").search(before):
        return True  # "avoided a third American veto", "averted a veto by Russia"
    how = [t for name, t in tokens.items() if name in {"how", "favour"}]
    if not how:
        return False
    end = max(t.idx + len(t.text) for t in how)
    return bool(_context("ACTIONOBJECT").search(ctx.text[end : max(e, end)]))


@functools.lru_cache(maxsize=4)
def _context(name: str) -> re.Pattern[str]:
    return re.compile(macros()[name])


def acted_on(act: Token) -> list[Token]:
    """What a participle says was backed: its passive subject ("the draft was backed by"), the
    noun it describes ("a text backed by France", "the draft, which was backed by"), or, for
    a participle joined to or hung on a verb, that verb's subject or object ("received nine
    votes and was supported by", "Backed by Niger, the draft urged", "adopted the text,
    backed by 14 members")."""
    out = [c for c in act.children if c.dep_ in {"nsubjpass", "nsubj"}]
    head = act
    while head.dep_ == "conj" and head.head is not head:
        head = head.head  # "sponsored by A and supported by B": the first participle's noun
        out += [c for c in head.children if c.dep_ in {"nsubjpass", "nsubj"}]
    if head.dep_ in {"acl", "relcl", "appos", "amod"}:
        out.append(head.head)
    elif head.dep_ in {"advcl", "xcomp"}:
        out += [c for c in head.head.children if c.dep_ in {"nsubjpass", "nsubj", "dobj"}]
    return out


def names_a_text(tok: Token, texts: set[str]) -> bool:
    """ "the draft", "the Arab-backed measure", "Resolution 1718", "S/2019/961", "it", or a
    noun phrase hung on one ("a resolution against India at the United Nations, which was
    backed by": the parser may give the relative clause to the last noun; "three resolutions
    ..., the most recent supported by")."""
    for _ in range(4):
        if tok.tag_ in {"WDT", "WP"} and tok.head.dep_ == "relcl":
            tok = tok.head.head  # "which": its antecedent
        words = {tok.lower_, *(c.lower_ for c in tok.children if c.dep_ in {"compound", "nmod"})}
        if words & texts or tok.lower_.startswith("s/"):
            return True
        if tok.pos_ in {"VERB", "AUX"} or tok.dep_ not in {"pobj", "prep", "appos"}:
            return False
        tok = tok.head  # up the noun phrase: "at the United Nations" -> "resolution"
    return False


def any_holder(tok: Token) -> bool:
    """ "a veto by a permanent member", "a veto by any of the five": the holder is whichever
    member might cast one, as a rule of the Charter is told; no veto of a text is said. Only
    a member after "by/of/from" ("a draft was vetoed", "the veto of a draft" name the text)."""
    if tok.dep_ != "pobj":
        return False
    if tok.lower_ in GENERIC_DET:
        return True  # "by any of the five"
    voters = set(load_json("lexicon.json")["voter_nouns"])
    return tok.lower_ in voters and any(
        c.dep_ == "det" and c.lower_ in GENERIC_DET for c in tok.children
    )
