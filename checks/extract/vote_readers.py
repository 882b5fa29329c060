"""The readers of the vote patterns: each turns one match of `checks/patterns/vote.jsonl` into a
*part* of a tally (a count, a list of states on a side, a veto, "unanimous"). The pattern names
its reader (`"reader": "members"`), so code never branches on a pattern's name;
`checks.extract.votes` merges neighbouring parts into claims.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from checks import countries
from checks.extract.context import ArticleContext, number_value
from checks.extract.vote_acts import MODAL
from checks.patternbook import Pattern, load_json

COUNT_KEYS = ("for", "against", "abstain")
LIST_KEYS = {"for": "in_favour", "against": "against_members", "abstain": "abstaining"}


@dataclass
class Part:
    start: int
    end: int
    counts: dict[str, int] = field(default_factory=dict)
    lists: dict[str, list[str]] = field(default_factory=dict)
    vetoed_by: list[str] = field(default_factory=list)
    vetoed: bool = False  # a veto was cast (its holders may be unnamed)
    absent: list[str] = field(default_factory=list)
    unanimous: bool = False
    only: bool = False
    without_vote: bool = False  # "adopted without a vote": no tally was taken
    complete: bool = False  # a full tally such as 13-0-2 stands alone
    partial: bool = False  # "13 members, including India": the names are some of the count
    rest: str | None = None  # "all other members voted in favour": the side of the rest
    below: dict[str, int] = field(default_factory=dict)  # "failed to get the nine votes"
    counted: str | None = None  # "the sole member to vote against": the list states its count


def side_of(word: str) -> str | None:
    """'in favour' -> 'for', 'Abstention' -> 'abstain', 'No' -> 'against' (lexicon words)."""
    words = load_json("lexicon.json")["vote_side_words"]
    return words.get(re.sub(r"\s+", " ", word.strip().lower()))


def _states(ctx: ArticleContext, text: str, start: int, *, trusted: bool = False) -> list[str]:
    """Names in a matched list that are states (names, aliases and demonyms the countries data
    knows, or any name where the pattern itself guarantees a list of members, as in
    "abstentions (A, B)"). A place spaCy finds that is no state ("Kurdistan Region - The United
    Nations Security Council" after a dateline) is never a member."""
    out: list[str] = []
    for canon, _offset in _state_names(ctx, text, start, trusted=trusted):
        if canon not in out:
            out.append(canon)
    return out


def _state_names(
    ctx: ArticleContext, text: str, start: int, *, trusted: bool = False
) -> list[tuple[str, int]]:
    """(canonical name, offset in the article) of each state in a matched list."""
    out: list[tuple[str, int]] = []
    for name in countries.split_names(text):
        offset = ctx.text.find(name, start)
        if countries.is_known(name) or (trusted and name[:1].isupper()):
            out.append((countries.canonical(name), offset))
    return out


def _on_the_verbs_line(names: str, at: int, *, before: bool) -> tuple[str, int]:
    """The names on the line of the words that say the vote (a line break ends a sentence:
    "...; Mission to Cease Operations\n\nRussia used its veto power" names only Russia):
    the last line of names set before the verb, the first line of names after it."""
    if "\n" not in names:
        return names, at
    if before:
        cut = names.rindex("\n") + 1
        return names[cut:], at + cut
    return names[: names.index("\n")], at


def _a_place(ctx: ArticleContext, start: int, end: int) -> bool:
    """spaCy reads the words as a place or a people ("Western"), though not one state."""
    ent = ctx.entity_at(start, end)
    return ent is not None and ent.label_ in {"GPE", "NORP"}


def _subject_state(ctx: ArticleContext, start: int) -> str | None:
    """The state that is the subject of a clause ending at `start` ("Washington received")."""
    s, _ = ctx.sentence_bounds(start, start)
    for ent in reversed(ctx.entities_in(s, start, {"GPE", "NORP"})):
        if countries.is_known(ent.text):
            return countries.canonical(ent.text)
    return None


# --- readers: each pattern of vote.jsonl names the reader that turns its match into a part --
Groups = dict[str, str]


def _read_tally(ctx: ArticleContext, p: Pattern, m: re.Match[str], g: Groups, part: Part) -> bool:
    """13-0-2; 14 votes to none: a whole tally."""
    for key in COUNT_KEYS:
        if key in g:
            n = number_value(g[key])
            if n is None:
                return False
            part.counts[key] = int(n)
    part.complete = True
    return True


def _read_count(ctx: ArticleContext, p: Pattern, m: re.Match[str], g: Groups, part: Part) -> bool:
    """One count on the pattern's side ("13 in favour", "won 12 votes", "none against")."""
    key = p.options["side"]
    if "value" in p.options:
        part.counts = {key: int(p.options["value"])}
        return True
    raw = g.get(key) or g.get(f"{key}2") or g.get("n")
    n = number_value(raw.split()[0]) if raw else None
    if n is None:
        return False
    part.counts = {key: int(n)}
    return True


def _read_shortfall(
    ctx: ArticleContext, p: Pattern, m: re.Match[str], g: Groups, part: Part
) -> bool:
    """ "failed to garner the necessary nine votes": fewer than n on the side, no count."""
    n = number_value(g["n"])
    if n is None:
        return False
    part.below = {p.options["side"]: int(n)}
    return True


def _read_field(ctx: ArticleContext, p: Pattern, m: re.Match[str], g: Groups, part: Part) -> bool:
    """An infobox or table line: "For: 15", "Abstention: 0"; the side is the line's label."""
    key = side_of(g["side"])
    if key is None:
        return False
    part.counts = {key: int(g["n"])}
    return True


def _read_side_list(
    ctx: ArticleContext, p: Pattern, m: re.Match[str], g: Groups, part: Part
) -> bool:
    """ "2 abstentions (China, Russian Federation)": names after a side word."""
    key = side_of(g["side"]) or "abstain"
    states = _states(ctx, g["who"], m.start("who"), trusted=bool(p.options.get("trusted")))
    if not states:
        return False
    part.lists = {LIST_KEYS[key]: states}
    return True


_VETO_WORD = re.compile(r"(?i)\bveto")


def _hypothetical_veto(ctx: ArticleContext, m: re.Match[str]) -> bool:
    """The veto verb has a modal auxiliary ("It would certainly have been vetoed by the U.S."):
    the pattern's fixed look-behinds miss a modal with an adverb between."""
    word = _VETO_WORD.search(m.group(0))
    if word is None:
        return False
    at = m.start() + word.start()
    span = ctx.doc.char_span(at, m.start() + word.end(), alignment_mode="expand")
    if span is None or not len(span):
        return False
    verb = span[0]
    return any(c.dep_ == "aux" and c.lower_ in MODAL for c in verb.children)


def _read_members(ctx: ArticleContext, p: Pattern, m: re.Match[str], g: Groups, part: Part) -> bool:
    """Named states on the pattern's side: voted for/against, abstained, vetoed."""
    who = "who" if "who" in g else "who2"
    names, names_at = _on_the_verbs_line(g[who], m.start(who), before=m.start(who) == m.start())
    names, names_at = _without_a_prepositions_object(ctx, names, names_at)
    if names_at != m.start(who) and m.start(who) == m.start():
        part.start = names_at
    states = _states(ctx, names, names_at)
    side = p.options["side"]
    if side == "veto" and _hypothetical_veto(ctx, m):
        return False
    if not states and side == "veto" and _a_place(ctx, m.start(who), m.end(who)):
        part.vetoed = True  # "a Western veto": a veto was cast, by no state we can name
        return True
    if not states:
        return False
    if p.options.get("with_subject"):
        subject = _subject_state(ctx, m.start())
        if subject and subject not in states:
            states.append(subject)
    if side == "veto":
        part.vetoed_by = states
        part.vetoed = True
    else:
        part.lists = {LIST_KEYS[side]: states}
        if p.options.get("counted"):
            part.counted = side  # "Russia was the sole member to vote against": one, stated
    part.only = bool(p.options.get("only"))
    start_at = p.options.get("start_at")
    if start_at == "who":
        # from the first state named ("in the Security Council, and the United States voted
        # against" starts at "the United States")
        offsets = [o for _c, o in _state_names(ctx, names, names_at) if o >= 0]
        part.start = min(offsets, default=names_at)
    elif start_at == "subject":
        s, _ = ctx.sentence_bounds(m.start(), m.end())
        ents = ctx.entities_in(s, m.start(), {"GPE"})
        part.start = ents[-1].start_char if ents else m.start()
    return True


#: A preposition right before a list: its first name is that preposition's object.
_PREPOSITION_BEFORE = re.compile(
    r"(?i)\b(?:on|against|in|over|to|for|from|upon|into|about)\s+(?:the\s+)?$"
)


def _without_a_prepositions_object(ctx: ArticleContext, names: str, at: int) -> tuple[str, int]:
    """ "imposes a no-fly zone on Libya, India abstains": Libya is what the zone is imposed
    on, not a member abstaining; the list starts after it. ("With the U.K., the U.S.S.R. and
    Poland abstaining" names them all: "with" leads the list itself.)"""
    if "," not in names or not _PREPOSITION_BEFORE.search(ctx.text[max(0, at - 14) : at]):
        return names, at
    cut = names.index(",") + 1
    cut += len(names[cut:]) - len(names[cut:].lstrip())
    return names[cut:], at + cut


_POSSESSIVE_END = re.compile(r"['’]s$")


def _only_states(ctx: ArticleContext, g: Groups, m: re.Match[str]) -> list[str]:
    """The states of the matched list ("who"), once each; none unless every name is a state
    (else the words are not this vote's list: a wrong member is worse than none)."""
    who = _POSSESSIVE_END.sub("", g["who"])  # "(including China's)": China's vote
    found = _state_names(ctx, who, m.start("who"))
    if not found or len(found) != len(countries.split_names(who)):
        return []
    return list(dict.fromkeys(canon for canon, _offset in found))


def _read_count_list(
    ctx: ArticleContext, p: Pattern, m: re.Match[str], g: Groups, part: Part
) -> bool:
    """ "four abstentions, including Britain and Peru"; "five abstained - A, B, C, D and E":
    a count and, after a dash or colon, the states that make it up or, after "including",
    some of them. Every name must be a state, and no more of them than the count, else the
    words after the dash are not this vote's list (a wrong member is worse than none)."""
    n, states = number_value(g["n"]), _only_states(ctx, g, m)
    if n is None or not states:
        return False
    including = "inc" in g or "inc2" in g
    if len(states) > n or (not including and len(states) < 2 and n != 1):
        return False
    # The count itself is read by the count patterns ("four abstentions"); this part adds
    # only the names, so it merges with the tally the count belongs to.
    part.lists = {LIST_KEYS[p.options["side"]]: states}
    part.partial = including
    return True


def _read_enclosed_list(
    ctx: ArticleContext, p: Pattern, m: re.Match[str], g: Groups, part: Part
) -> bool:
    """ "three - Russia, China and South Africa - were against": a count, the states that make
    it up between dashes, then the side. Every name must be a state, as many as the count."""
    side, n, states = side_of(g["side"]), number_value(g["n"]), _only_states(ctx, g, m)
    if side is None or n is None or len(states) != n:
        return False
    part.counts = {side: n}
    part.lists = {LIST_KEYS[side]: states}
    return True


def _read_unanimous(
    ctx: ArticleContext, p: Pattern, m: re.Match[str], g: Groups, part: Part
) -> bool:
    part.unanimous = True
    return True


def _read_without(ctx: ArticleContext, p: Pattern, m: re.Match[str], g: Groups, part: Part) -> bool:
    part.without_vote = True
    return True


READERS: dict[str, Callable[[ArticleContext, Pattern, re.Match[str], Groups, Part], bool]] = {
    "tally": _read_tally,
    "count": _read_count,
    "field": _read_field,
    "shortfall": _read_shortfall,
    "side_list": _read_side_list,
    "members": _read_members,
    "count_list": _read_count_list,
    "enclosed_list": _read_enclosed_list,
    "unanimous": _read_unanimous,
    "without_vote": _read_without,
}
