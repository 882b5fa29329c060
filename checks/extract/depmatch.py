"""One small reader of spaCy's `DependencyMatcher` notation, for the vote and role patterns.

Patterns are kept as data in that notation (`vote_dep.jsonl`, `role_dep.jsonl`; tests check that
spaCy's own `DependencyMatcher` accepts them). spaCy's matcher costs time that grows with the
square of a sentence's length; walking each bound token's children (">") or head ("<") from a
few anchor words keeps the cost linear even on a run-on "sentence" of 20,000 characters.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from spacy.tokens import Token

#: The token attributes a node's RIGHT_ATTRS may test.
ATTRS: dict[str, Callable[[Token], Any]] = {
    "LOWER": lambda t: t.lower_,
    "ORTH": lambda t: t.text,
    "POS": lambda t: t.pos_,
    "TAG": lambda t: t.tag_,
    "DEP": lambda t: t.dep_,
    "ENT_TYPE": lambda t: t.ent_type_,
    "IS_TITLE": lambda t: t.is_title,
    "IS_PUNCT": lambda t: t.is_punct,
}
#: The relations a node's REL_OP may name: ">" a child of, "<" the head of.
RELATIONS: dict[str, Callable[[Token], list[Token]]] = {
    ">": lambda t: list(t.children),
    "<": lambda t: [t.head] if t.head is not t else [],
}


def fits(tok: Token, attrs: dict[str, Any]) -> bool:
    """A token against one node's RIGHT_ATTRS (a value, or {"IN": [...]}/{"NOT_IN": [...]})."""
    for name, want in attrs.items():
        have = ATTRS[name](tok)
        if isinstance(want, dict):
            if "IN" in want and have not in want["IN"]:
                return False
            if "NOT_IN" in want and have in want["NOT_IN"]:
                return False
        elif have != want:
            return False
    return True


def match(nodes: list[dict[str, Any]], anchor: Token) -> Iterator[dict[str, Token]]:
    """Every way the pattern's nodes bind to distinct tokens with `anchor` as the first node."""
    if not fits(anchor, nodes[0].get("RIGHT_ATTRS", {})):
        return
    for node in nodes[1:]:
        if node["REL_OP"] not in RELATIONS:
            raise ValueError(f"unsupported REL_OP {node['REL_OP']!r}")

    def bind(i: int, bound: dict[str, Token]) -> Iterator[dict[str, Token]]:
        if i == len(nodes):
            yield dict(bound)
            return
        node = nodes[i]
        for tok in RELATIONS[node["REL_OP"]](bound[node["LEFT_ID"]]):
            if tok not in bound.values() and fits(tok, node.get("RIGHT_ATTRS", {})):
                bound[node["RIGHT_ID"]] = tok
                yield from bind(i + 1, bound)
                del bound[node["RIGHT_ID"]]

    yield from bind(1, {nodes[0]["RIGHT_ID"]: anchor})
