"""People's titles read from the dependency parse: a title in apposition to a name ("Jacob
Malik, the Soviet representative to the United Nations,"), a name in apposition to a title
("The Permanent Representative of Russia to the UN, Vassily Nebenzia"), or a title modifying
a name ("Soviet Delegate Arkady Sobolev", "Russian representative Vasily Nebenzya").

The constructions are spaCy DependencyMatcher patterns kept as data in
`checks/patterns/role_dep.jsonl`; each names the reader here that turns a match into the
person and title. Word lists are referred to as "@list" and come from `lexicon.json`.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc, Span, Token

from checks.extract import depmatch
from checks.patternbook import PATTERN_DIR, load_json

MAX_TITLE_TOKENS = 14
NAME_SUFFIXES = frozenset({"jr.", "jr", "sr.", "sr"})
CUT_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "conj", "cc", "punct", "appos"})


@functools.lru_cache(maxsize=1)
def specs() -> tuple[dict[str, Any], ...]:
    lex = load_json("lexicon.json")

    def expand(node: Any) -> Any:
        if isinstance(node, str) and node.startswith("@"):
            return list(lex[node[1:]])
        if isinstance(node, dict):
            return {k: expand(v) for k, v in node.items()}
        if isinstance(node, list):
            return [expand(v) for v in node]
        return node

    path = PATTERN_DIR / "role_dep.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple(expand(json.loads(line)) for line in lines if line.strip())


def matches(doc: Doc) -> list[tuple[Span, list[Token]]]:
    """(person, title tokens) for every construction the patterns find."""
    if not doc.has_annotation("DEP"):
        return []
    by_word: dict[str, list[Token]] = {}
    for tok in doc:
        by_word.setdefault(tok.lower_, []).append(tok)
    out = []
    for spec, pattern in _compiled():
        read = READERS[spec["reader"]]
        for nodes in _match(pattern, _anchors(doc, pattern, by_word)):
            found = read(nodes["name"], nodes["title"])
            if found is not None:
                out.append(found)
    return out


@functools.lru_cache(maxsize=1)
def _compiled() -> tuple[tuple[dict, list[dict]], ...]:
    """The patterns with their word lists as sets (membership in a list of 60 words is slow)."""

    def sets(node: Any) -> Any:
        if isinstance(node, dict):
            return {k: frozenset(v) if k in {"IN", "NOT_IN"} else sets(v) for k, v in node.items()}
        if isinstance(node, list):
            return [sets(v) for v in node]
        return node

    return tuple((spec, sets(spec["pattern"])) for spec in specs())


def _anchors(doc: Doc, pattern: list[dict], by_word: dict[str, list[Token]]) -> list[Token]:
    """Where a match can start: a word from the anchor's own list, or the head of a word
    from the list of a node linked right below it; else every token."""
    anchor = pattern[0]
    words = anchor.get("RIGHT_ATTRS", {}).get("LOWER", {})
    if isinstance(words, dict) and "IN" in words:
        return [t for w in words["IN"] for t in by_word.get(w, ())]
    for link in pattern[1:]:
        words = link.get("RIGHT_ATTRS", {}).get("LOWER", {})
        if link["LEFT_ID"] == anchor["RIGHT_ID"] and link["REL_OP"] == ">" and "IN" in words:
            heads = {t.head.i for w in words["IN"] for t in by_word.get(w, ())}
            return [doc[i] for i in sorted(heads)]
    return list(doc)


def _match(pattern: list[dict], anchors: list[Token]) -> list[dict[str, Token]]:
    """Matches of a pattern from each anchor (the shared linear reader, checks.extract.depmatch)."""
    return [nodes for tok in anchors for nodes in depmatch.match(pattern, tok)]


def _name(head: Token) -> Span | None:
    """The name a proper noun heads: its run of proper nouns to the left ("Henry Cabot Lodge"),
    a "Jr." after it, without honorifics ("Sir", "Mr.") or title words."""
    lex = load_json("lexicon.json")
    stop = set(lex["role_nouns"]) | set(lex["role_modifiers"])
    honorifics = set(lex["honorifics"])
    doc = head.doc
    start = head.i
    while start - 1 >= 0 and head.i - start < 4:
        tok = doc[start - 1]
        if tok.head.i not in range(start - 1, head.i + 1) or tok.dep_ not in {"compound", "flat"}:
            break
        if tok.lower_ in stop or tok.lower_ in honorifics or tok.ent_type_ in {"GPE", "NORP"}:
            break
        if tok.pos_ != "PROPN" and not (tok.is_lower and len(tok) <= 3):
            break  # "de", "bin", "al" inside a name
        start -= 1
    if doc[start].is_lower:
        start += 1  # a particle cannot start the name
    end = head.i + 1
    if end < len(doc) and doc[end].lower_ in NAME_SUFFIXES:
        end += 1
    if head.lower_ in stop or (head.ent_type_ in {"GPE", "NORP", "ORG"} and end - start == 1):
        return None
    return doc[start:end]


def _phrase(title: Token, stop_at: int | None, after: int | None) -> list[Token]:
    """The title's words: the title noun with its modifiers and its "of"/"to" phrases, cut
    before clauses, commas and the name itself. Only a window around the title is looked at,
    so the cost per title is bounded whatever the sentence's length."""
    doc = title.doc
    lo = max(title.left_edge.i, title.i - MAX_TITLE_TOKENS)
    hi = min(title.right_edge.i, title.i + MAX_TITLE_TOKENS)
    ids = {
        i
        for i in range(lo, hi + 1)
        if (stop_at is None or i < stop_at)
        and (after is None or i > after)
        and _under(doc[i], title)
    }
    run = [title]
    i = title.i - 1
    while i in ids:
        run.insert(0, doc[i])
        i -= 1
    i = title.i + 1
    while i in ids:
        run.append(doc[i])
        i += 1
    while run and (run[0].dep_ == "det" or run[0].is_punct):
        run.pop(0)
    while run and (run[-1].is_punct or run[-1].dep_ in {"prep", "det", "cc"}):
        run.pop()
    if not run or len(run) > MAX_TITLE_TOKENS or any(t.pos_ in {"VERB", "AUX"} for t in run):
        return []
    return run


def _under(tok: Token, title: Token) -> bool:
    """Is `tok` the title or below it, not inside a clause, a list or an apposition?"""
    child = tok  # (spaCy makes a new Token object on each access: compare positions)
    for _ in range(MAX_TITLE_TOKENS):
        if child.i == title.i:
            return True
        if child.head.i == title.i:
            return child.dep_ not in CUT_DEPS
        if child.head.i == child.i:
            return False
        child = child.head
    return False


def _title_then_name(name_head: Token, title: Token) -> tuple[Span, list[Token]] | None:
    name = _name(name_head)
    if name is None or title.i >= name.start:
        return None
    if name_head.dep_ == "pobj" and len(name) == 1 and name_head.ent_type_ != "PERSON":
        return None  # "Ambassador to Moscow": the place the title names, not a person
    words = _phrase(title, stop_at=name.start, after=None)
    return (name, words) if words else None


def _name_then_title(name_head: Token, title: Token) -> tuple[Span, list[Token]] | None:
    name = _name(name_head)
    if name is None or title.i <= name_head.i:
        return None
    words = _phrase(title, stop_at=None, after=name.end - 1)
    return (name, words) if words else None


READERS: dict[str, Callable[[Token, Token], tuple[Span, list[Token]] | None]] = {
    "title_then_name": _title_then_name,
    "name_then_title": _name_then_title,
}
