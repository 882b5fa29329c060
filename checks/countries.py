"""Country names as news writes them, mapped to one canonical name per state.

Votes and vetoes name countries in many ways ("Washington", "the U.S.", "Russian Federation");
rules compare canonical names only.
"""

from __future__ import annotations

import functools
import re

from checks.patternbook import load_json


@functools.lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str], frozenset[str]]:
    data = load_json("countries.json")
    return data["aliases"], data["demonyms"], frozenset(data["permanent_members"])


def _key(name: str) -> str:
    name = re.sub(r"\s+", " ", name.replace("’", "'")).strip().strip(",.;:").lower()
    return re.sub(r"^the ", "", name)


def canonical(name: str) -> str:
    """The canonical name of a state, or the cleaned input when unknown."""
    aliases, demonyms, _ = _tables()
    key = _key(name)
    if key in aliases:
        return aliases[key]
    if ("the " + key) in aliases:
        return aliases["the " + key]
    if key in demonyms:
        return demonyms[key]
    cleaned = re.sub(r"^(?i:the)\s+", "", name.strip().strip(",.;:"))
    return cleaned


def is_known(name: str) -> bool:
    aliases, demonyms, _ = _tables()
    key = _key(name)
    return key in aliases or key in demonyms


def from_demonym(word: str) -> str | None:
    _, demonyms, _ = _tables()
    return demonyms.get(_key(word))


def is_permanent_member(name: str) -> bool:
    _, _, permanent = _tables()
    return canonical(name) in permanent or canonical(name) == "USSR"


def split_names(text: str) -> list[str]:
    """'Russia, China and the United States' -> ['Russia', 'China', 'the United States']."""
    parts = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*", text.strip())
    return [p.strip() for p in parts if p.strip()]
