"""Country names as news writes them, mapped to one canonical name per state.

Votes and vetoes name countries in many ways ("Washington", "the U.S.", "Russian Federation");
rules compare canonical names only. ISO names come from `pycountry`; `countries.json` keeps
what is the Council's own: canonical names, historic and informal names, capitals, demonyms.
"""

from __future__ import annotations

import functools
import re

import pycountry

from checks.patternbook import load_json


@functools.lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str], frozenset[str]]:
    """Aliases from pycountry (ISO 3166 names, official and common names) for every state
    our data knows, then our own data on top: the Council's and the news's own names
    ("USSR", "Nationalist China", "Britain", "Washington"), canonical names and demonyms."""
    data = load_json("countries.json")
    own: dict[str, str] = data["aliases"]
    members = {m.lower(): m for m in data["member_states"]}
    aliases: dict[str, str] = {}
    for record in pycountry.countries:
        names = [getattr(record, a, None) for a in ("name", "official_name", "common_name")]
        names.append(_short_name(record.name))  # "Korea, Republic of": "Korea"
        keys = [_key(n) for n in names if n]
        canon = next((own.get(k) or members.get(k) for k in keys if k in own or k in members), None)
        if canon is not None:
            aliases.update(dict.fromkeys(keys, canon))
    aliases.update({_key(m): m for m in data["member_states"]})
    for key, name in _historic().items():
        aliases.setdefault(key, name)
    aliases.update(own)
    return aliases, data["demonyms"], frozenset(data["permanent_members"])


def _short_name(name: str) -> str | None:
    """The short name in pycountry's inverted names: "Korea, Republic of" -> "Korea", "Zaire,
    Republic of" -> "Zaire", "Czechoslovakia, Czechoslovak Socialist Republic" ->
    "Czechoslovakia"; none when the rest names another state or a part of one ("Korea,
    Democratic People's Republic of", "Taiwan, Province of China", "Virgin Islands, British")."""
    head, comma, rest = name.partition(",")
    rest = rest.strip()
    if not comma or "democratic" in rest.lower():
        return None
    if rest.endswith(" of") or rest.lower().startswith(head.strip().lower()[:6]):
        return head.strip()
    return None


def _historic() -> dict[str, str]:
    """States that sat on the Council under a name no longer in use ("Czechoslovakia",
    "Zaire", "German Democratic Republic"), from pycountry's historic records, each under its
    own name (the votes database keeps it)."""
    out: dict[str, str] = {}
    for record in pycountry.historic_countries:
        name = _short_name(record.name) or record.name
        if "," not in name:
            out[_key(name)] = name
    return out


def _key(name: str) -> str:
    name = re.sub(r"\s+", " ", name.replace("’", "'")).strip().strip(",.;:").lower()
    name = re.sub(r"^the ", "", name)
    # "St. Kitts & Nevis" is "Saint Kitts and Nevis"
    return re.sub(r"^st\.? ", "saint ", name).replace(" & ", " and ")


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


def known_names() -> tuple[list[str], list[str]]:
    """Every name the data knows for a state (lower case), and every demonym: for patterns
    that must find a state anywhere in a sentence."""
    aliases, demonyms, _ = _tables()
    return list(aliases), list(demonyms)


@functools.lru_cache(maxsize=1)
def _member_states() -> frozenset[str]:
    return frozenset(load_json("countries.json")["member_states"])


def is_member_state(name: str) -> bool:
    """A state the countries data lists as a UN member (not a territory, a group or a city)."""
    return canonical(name) in _member_states()


def from_demonym(word: str) -> str | None:
    _, demonyms, _ = _tables()
    return demonyms.get(_key(word))


def is_permanent_member(name: str) -> bool:
    _, _, permanent = _tables()
    return canonical(name) in permanent or canonical(name) == "USSR"


#: One seat under two names: a 1970 story may say "Russia" where the roll says "USSR".
SAME_SEAT = {
    "Russia": ("Russia", "USSR"),
    "USSR": ("USSR", "Russia"),
    # the seats whose names the votes database changes with the time (votesdb_members.json)
    "Sri Lanka": ("Sri Lanka", "Ceylon"),
    "Ceylon": ("Ceylon", "Sri Lanka"),
    "Egypt": ("Egypt", "United Arab Republic"),
    "United Arab Republic": ("United Arab Republic", "Egypt"),
}


def seat_names(canon: str) -> tuple[str, ...]:
    """The names a member's seat may have on a roll of votes, its own first."""
    return SAME_SEAT.get(canon, (canon,))


def seat(canon: str) -> tuple[str, ...]:
    """One key per seat, whatever name the text or the record gives it ("Russia", "USSR")."""
    return tuple(sorted(seat_names(canon)))


@functools.lru_cache(maxsize=1)
def _joined() -> re.Pattern[str]:
    """Every state name that has "and" or "&" in it ("Trinidad and Tobago", "St. Kitts and
    Nevis", "Saint Vincent and the Grenadines"), with "Saint"/"St."/"St" and "and"/"&" read as
    the same words: a list must not be split inside one."""
    aliases, _, _ = _tables()
    forms: set[str] = set()
    for key in aliases:
        if not re.search(r"\s(?:and|&)\s", key):
            continue
        words = re.sub(r"^(?:saint|st\.?)\s+", "", key)
        body = r"\s+".join(
            r"(?:and|&)" if w in {"and", "&"} else re.escape(w) for w in words.split()
        )
        saint = r"(?:saint|st\.?)\s+" if words != key else ""
        forms.add(saint + body)
    alternatives = "|".join(sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?i)(?<![\w-])(?:{alternatives})(?![\w-])")


def joined_names(text: str) -> list[tuple[int, int, str]]:
    """(start, end, canonical name) of each state name with "and" in it in `text`."""
    return [(m.start(), m.end(), canonical(m.group(0))) for m in _joined().finditer(text)]


def split_names(text: str) -> list[str]:
    """'Russia, China and the United States' -> ['Russia', 'China', 'the United States'];
    a state whose name has "and" in it stays whole ('Trinidad and Tobago', 'Bosnia and
    Herzegovina')."""
    text = text.strip()
    kept = {f"\x00{i}\x00": text[s:e] for i, (s, e, _c) in enumerate(joined_names(text))}
    for mark, name in kept.items():
        text = text.replace(name, mark, 1)
    parts = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*", text)
    out = []
    for part in (p.strip() for p in parts):
        for mark, name in kept.items():
            part = part.replace(mark, name)
        if part:
            out.append(part)
    return out
