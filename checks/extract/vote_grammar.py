"""Votes read from the dependency parse: who voted how, whatever words stand between them.

News rarely writes a tally in one phrase. "Six countries – the United States, ..., Egypt –
voted against", "Britain and France, the two allies of the U.S., vetoed the proposal",
"adopted with 13 members, including India, voting in its favour". The patterns in
`checks/patterns/vote_dep.jsonl` (in spaCy's `DependencyMatcher` notation) find the act (a
verb, adjective or noun) and the node(s) named `actor…` that did it; each pattern names its
`reader` and the `side` it means. The reader turns the actor's phrase into a count, a list of
states (names joined by "and", set off by dashes, or after "including"), or "all other".
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Token

from checks import countries
from checks.extract import depmatch
from checks.extract.context import ArticleContext, number_value
from checks.extract.depmatch import ATTRS, RELATIONS  # noqa: F401 (the notation, for tests)
from checks.extract.vote_acts import acted_on, any_holder, blocked, names_a_text, not_done
from checks.patternbook import PATTERN_DIR, load_json

# How an actor's phrase continues to more members: "A and B", "six countries – A, B –",
# "13 members, including India".
FOLLOW = {"conj", "appos"}
INCLUDING = {"including", "like", "notably", "among"}
REST_WORDS = {"others", "rest", "remainder"}
# "China abstained, along with Ethiopia": the act's companions did it too.
COMPANION_WORDS = {"along", "together"}
# A preposition (with its object) that names a side: "two against", "nine in favour".
SIDE_PREPS = {"against": "against", "in favour": "for", "in favor": "for"}
REST_MODIFIERS = {"other", "remaining"}
MAX_TOKENS = 200  # longer "sentences" are tables or scrapes, and the parse of them is noise


@dataclass
class DepPattern:
    label: str
    reader: str
    options: dict[str, Any]
    pattern: list[dict[str, Any]]


@dataclass
class ActorPart:
    """What one matched act says: a side ("for", "against", "abstain", "veto", "absent"),
    a count, members, whether the members are only some of the count, or 'all the others'."""

    side: str
    start: int
    end: int
    count: int | None = None
    members: list[str] = field(default_factory=list)
    partial: bool = False
    rest: bool = False


@functools.lru_cache(maxsize=1)
def dep_patterns() -> tuple[DepPattern, ...]:
    """The patterns of vote_dep.jsonl, in file order."""
    out: list[DepPattern] = []
    path = PATTERN_DIR / "vote_dep.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        spec = json.loads(line)
        options = {k: v for k, v in spec.items() if k not in {"label", "reader", "pattern"}}
        out.append(DepPattern(spec["label"], spec["reader"], options, spec["pattern"]))
    return tuple(out)


def match(pattern: DepPattern, anchor: Token) -> Iterator[dict[str, Token]]:
    """Every way the pattern binds with `anchor` (an act word) as its first node; if none,
    with the actor as the subject of the verb the act's verb is joined to."""
    found = False
    for tokens in depmatch.match(pattern.pattern, anchor):
        found = True
        yield tokens
    if not found:
        yield from match_shared_subject(pattern, anchor)


def match_shared_subject(pattern: DepPattern, anchor: Token) -> Iterator[dict[str, Token]]:
    """Matches where the actor is the subject of the verb the act's verb is joined to:
    "China and Brazil opposed the resolution, but chose to abstain" (conjoined verbs share
    their subject; the parser hangs it on the first). Only when the joined verb has no
    subject of its own."""
    nodes = pattern.pattern
    actor = next(
        (
            n
            for n in nodes[1:]
            if n["RIGHT_ID"].startswith("actor")
            and n["REL_OP"] == ">"
            and "nsubj" in _deps(n.get("RIGHT_ATTRS", {}).get("DEP"))
        ),
        None,
    )
    if actor is None or len([n for n in nodes if n["RIGHT_ID"].startswith("actor")]) != 1:
        return
    if any(n.get("LEFT_ID") == actor["RIGHT_ID"] for n in nodes):
        return  # the actor has nodes of its own (a count): shared subjects are named members

    verb = actor["LEFT_ID"]
    variant = [n for n in nodes if n is not actor] + [
        {"LEFT_ID": verb, "REL_OP": "<", "RIGHT_ID": "_joined_to", "RIGHT_ATTRS": {}},
        {**actor, "LEFT_ID": "_joined_to"},
    ]
    for tokens in depmatch.match(variant, anchor):
        own, head, who = tokens[verb], tokens["_joined_to"], tokens[actor["RIGHT_ID"]]
        if own.dep_ != "conj" or any(c.dep_.startswith("nsubj") for c in own.children):
            continue
        if not any(c.dep_ == "cc" and head.i < c.i < own.i for c in head.children):
            continue  # joined by "and"/"but", not a run-on line the parser strung together
        if who.like_num or any(c.dep_ == "nummod" for c in who.children):
            continue  # named members only: a count is read where the text states it
        del tokens["_joined_to"]
        yield tokens


def _deps(want: Any) -> set[str]:
    if isinstance(want, dict):
        return set(want.get("IN", []))
    return {want} if isinstance(want, str) else set()


def _joined_at(ctx: ArticleContext, offset: int) -> tuple[str, int, int] | None:
    """The state whose name has "and" in it ("Trinidad and Tobago") covering `offset`: the
    parser makes its two halves two conjuncts, but they are one member."""
    spans = ctx.memo.get("joined_state_names")
    if spans is None:
        spans = ctx.memo["joined_state_names"] = countries.joined_names(ctx.text)
    for start, end, canon in spans:
        if start <= offset < end:
            return canon, start, end
    return None


def _name(ctx: ArticleContext, tok: Token) -> tuple[str, int, int] | None:
    """The state a token names (its entity, or the token with its compounds), if any. Only
    states the countries data knows: a place spaCy finds that is none ("Kurdistan Region - The
    United Nations Security Council" after a dateline) names no member."""
    joined = _joined_at(ctx, tok.idx)
    if joined is not None:
        return joined
    ent = ctx.entity_at(tok.idx, tok.idx + len(tok.text))
    if ent is not None and ent.label_ in {"GPE", "NORP"}:
        text, start, end = ent.text, ent.start_char, ent.end_char
        if countries.is_known(text):
            return countries.canonical(text), start, end
        demonym = countries.from_demonym(text)
        if demonym:
            return demonym, start, end
    words = [c for c in tok.lefts if c.dep_ == "compound"] + [tok]
    text = " ".join(w.text for w in words)
    for candidate in (text, tok.text):
        if countries.is_known(candidate):
            return countries.canonical(candidate), words[0].idx, tok.idx + len(tok.text)
    return None


def read_actor(ctx: ArticleContext, actor: Token) -> tuple[ActorPart, list[Token]] | None:
    """Count, members and 'rest' of an actor phrase; None when it names no voter."""
    part = ActorPart(side="", start=actor.idx, end=actor.idx + len(actor.text))
    seen: list[Token] = []
    visited: set[int] = set()
    beside: list[float | int | None] = []  # numbers set beside the names ("A, B — two")
    stack = [actor]
    while stack:
        tok = stack.pop()
        if tok.i in visited:
            continue
        visited.add(tok.i)
        seen.append(tok)
        if tok is not actor and tok.dep_ == "appos" and tok.like_num:
            beside.append(number_value(tok.text))
        named = _name(ctx, tok)
        if named is not None:
            if named[0] not in part.members:
                part.members.append(named[0])
            part.start, part.end = min(part.start, named[1]), max(part.end, named[2])
        for child in tok.children:
            if child.dep_ in FOLLOW:
                stack.append(child)
            elif child.dep_ == "prep" and child.lower_ in INCLUDING:
                part.partial = True
                stack.extend(c for c in child.children if c.dep_ == "pobj")
            elif child.dep_ == "prep" and child.lower_ == "of" and tok is actor:
                # "all other members of the council, including China": the parser hangs
                # "including" on "council", but the names are the actor's.
                for pobj in (c for c in child.children if c.dep_ == "pobj"):
                    for inc in pobj.children:
                        if inc.dep_ == "prep" and inc.lower_ in INCLUDING:
                            part.partial = True
                            stack.extend(c for c in inc.children if c.dep_ == "pobj")
    if any(n is not None and len(part.members) > n for n in beside):
        # "9 voted in favor — A, B, …, I — two voted against": the parser may join a list to
        # the next count; more names than the count beside them are not that count's members.
        return None
    value = number_value(actor.text) if actor.like_num or actor.pos_ == "NUM" else None
    if value is None and actor.lower_ in load_json("lexicon.json")["voter_nouns"]:
        for child in actor.children:
            if child.dep_ == "nummod":
                value = number_value(child.text)
                part.start = min(part.start, child.idx)
                break
    if isinstance(value, int) and 0 < value <= 200:
        part.count = value
    modifiers = {c.lower_ for c in actor.children}
    if part.count is None and (actor.lower_ in REST_WORDS or modifiers & REST_MODIFIERS):
        part.rest = not part.members or part.partial
    if part.count is None and not part.rest:
        part.partial = False
    if part.count is None and not part.members and not part.rest:
        return None
    return part, seen


def _own_side(tok: Token) -> str | None:
    """The side a phrase states itself ("two against", "three in favour"), if any: such a
    phrase is a count of its own, whatever verb the parser hangs it on."""
    for child in tok.children:
        if child.dep_ != "prep":
            continue
        words = [child.lower_, *(c.lower_ for c in child.children if c.dep_ == "pobj")]
        side = SIDE_PREPS.get(" ".join(words[:2])) or SIDE_PREPS.get(child.lower_)
        if side is not None:
            return side
    return None


def read_act(ctx: ArticleContext, pattern: DepPattern, tokens: dict[str, Token]) -> list[ActorPart]:
    """Reader 'actor': each node named actor… did the act on the pattern's side."""
    act = tokens["act"]
    if blocked(act, pattern.options) or not_done(ctx, act, tokens):
        return []
    texts = pattern.options.get("acted_on")
    if texts and not any(names_a_text(t, set(texts)) for t in acted_on(act)):
        return []  # "bombardments by the government, backed by Russia": no text was backed
    out: list[ActorPart] = []
    for name, tok in tokens.items():
        if not name.startswith("actor"):
            continue
        if tok.tag_ in {"WDT", "WP"} and act.dep_ == "relcl":
            tok = act.head  # "India, which abstained, said": the relative pronoun's antecedent
        if any(c.dep_ == "acl" and c.tag_ == "VBG" and c != act for c in tok.children):
            # "with 14 members voting in favour and the US abstaining": the parser may make
            # "members" the subject of "abstaining" too; a participle already says what they did.
            continue
        if _own_side(tok) not in {None, pattern.options["side"]}:
            # "Two against and 11 abstained": the parser may make "Two" the subject of
            # "abstained"; a phrase that says its own side ("two against") is not this act's.
            continue
        read = read_actor(ctx, tok)
        if read is None and (
            pattern.options["side"] != "veto"
            or pattern.options.get("named_only")
            or any_holder(tok)
        ):
            continue  # "blamed the West for vetoing": no veto said unless its holder is named
        if read is not None and read[0].members:
            _add_companions(ctx, act, read[0])
        # "The text was vetoed", "the council vetoed": a veto, though no holder is named.
        part = read[0] if read is not None else ActorPart("", tok.idx, tok.idx + len(tok.text))
        part.side = pattern.options["side"]
        ends = [t.idx + len(t.text) for t in tokens.values()]
        part.start = min([part.start, *(t.idx for t in tokens.values())])
        part.end = max([part.end, *ends])
        out.append(part)
    return out


def _add_companions(ctx: ArticleContext, act: Token, part: ActorPart) -> None:
    """ "China abstained from the vote, along with Ethiopia and Kazakhstan": states the act
    names as its companions did it too. Only states are taken ("along with most African
    members" adds none), and only when the actor itself is named."""
    withs: list[Token] = []
    for prep in (c for c in act.children if c.dep_ == "prep"):
        if prep.lower_ in COMPANION_WORDS:  # "along" heads "with"
            withs += [c for c in prep.children if c.dep_ == "prep" and c.lower_ == "with"]
        elif prep.lower_ == "with" and any(c.lower_ in COMPANION_WORDS for c in prep.children):
            withs.append(prep)  # "with" heads "together"
    for pobj in (c for w in withs for c in w.children if c.dep_ == "pobj"):
        read = read_actor(ctx, pobj)
        if read is None or read[0].count is not None or read[0].rest:
            continue
        part.members += [m for m in read[0].members if m not in part.members]
        part.end = max(part.end, read[0].end)


READERS: dict[str, Callable[[ArticleContext, DepPattern, dict[str, Token]], list[ActorPart]]] = {
    "actor": read_act,
}


@functools.lru_cache(maxsize=1)
def _by_anchor() -> dict[str, tuple[DepPattern, ...]]:
    """Patterns by the words their first node may be (every first node names its words)."""
    table: dict[str, list[DepPattern]] = {}
    for p in dep_patterns():
        lower = p.pattern[0]["RIGHT_ATTRS"]["LOWER"]
        for word in lower["IN"] if isinstance(lower, dict) else [lower]:
            table.setdefault(word, []).append(p)
    return {w: tuple(ps) for w, ps in table.items()}


def find_parts(ctx: ArticleContext) -> list[ActorPart]:
    """Every act the vote dependency patterns find, read by the reader each pattern names.
    Sentences longer than MAX_TOKENS (a run-on 'sentence' of a table or a scrape) are left to
    the regular patterns: their parse is noise, and work stays linear."""
    doc: Doc = ctx.doc
    if not ctx.statistical or not doc.has_annotation("DEP"):
        return []
    anchors = _by_anchor()
    parts: list[ActorPart] = []
    seen: set[tuple[str, int, int, str]] = set()
    before: set[str] = set()  # the words of the sentence before (for requires_words_near)
    for sent in doc.sents:  # each sentence's length and words read once, not per token
        words = {t.lower_ for t in sent}
        if len(sent) <= MAX_TOKENS:
            for tok in sent:
                _read_anchor(ctx, tok, anchors.get(tok.lower_, ()), (words, before), parts, seen)
        before = words
    return parts


def _read_anchor(
    ctx: ArticleContext,
    tok: Token,
    patterns: tuple[DepPattern, ...],
    words: tuple[set[str], set[str]],
    parts: list[ActorPart],
    seen: set[tuple[str, int, int, str]],
) -> None:
    """The parts every pattern anchored on `tok` finds (those whose sentence has its words;
    `requires_words_near` may be met by the sentence before: "Bolivia joined Russia in
    rejecting it" follows the sentence that says what "it" is)."""
    here, before = words
    for pattern in patterns:
        requires = pattern.options.get("requires_words")
        if requires and not here & set(requires):
            continue
        near = pattern.options.get("requires_words_near")
        if near and not (here | before) & set(near):
            continue
        for tokens in match(pattern, tok):
            for part in READERS[pattern.reader](ctx, pattern, tokens):
                key = (part.side, part.start, part.end, ",".join(part.members))
                if key not in seen:
                    seen.add(key)
                    parts.append(part)
