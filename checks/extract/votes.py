"""Vote tallies in every form news uses, assembled from parts found by the vote patterns.

A tally is often spread over a sentence or two ("two of the 15 members voted for it. Two voted
against and 11 abstained"), so each pattern yields a *part* (a count, a list of countries, a
veto, "unanimous") and neighbouring parts are merged into one claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from checks import countries
from checks.extract.context import ArticleContext, Found, council_size, number_value
from checks.patternbook import patterns

COUNT_KEYS = ("for", "against", "abstain")
LIST_KEYS = {"for": "in_favour", "against": "against_members", "abstain": "abstaining"}
SIDE_OF = {"in favour": "for", "in favor": "for", "against": "against"}
# Patterns that give one count, and which count ("won 12 votes" is a count in favour).
COUNT_OF = {
    "VOTE_RECEIVED": "for",
    "VOTE_SUPPORT_OF": "for",
    "VOTE_FOR_BACKED": "for",
    "VOTE_BY_VOTES": "for",
}
ASSEMBLY = re.compile(r"\b(General\s+Assembly|UNGA|Assembly)\b")
COUNCIL = re.compile(r"\b(Security\s+Council|UNSC|the\s+Council)\b")
VETO_LABELS = {
    "VOTE_VETOED_BY",
    "VOTE_WHO_VETOED",
    "VOTE_DEMONYM_VETO",
    "VOTE_BLOCKED_BY",
    "VOTE_WHO_BLOCKED",
}
AGAINST_LABELS = {"VOTE_WHO_AGAINST", "VOTE_LONE_AGAINST", "VOTE_WHO_AGAINST_BARE"}


@dataclass
class Part:
    start: int
    end: int
    counts: dict[str, int] = field(default_factory=dict)
    lists: dict[str, list[str]] = field(default_factory=dict)
    vetoed_by: list[str] = field(default_factory=list)
    unanimous: bool = False
    only: bool = False
    without_vote: bool = False  # "adopted without a vote": no tally was taken
    complete: bool = False  # a full tally such as 13-0-2 stands alone


def _states(ctx: ArticleContext, text: str, start: int, *, trusted: bool = False) -> list[str]:
    """Names in a matched list that are states (known names, spaCy GPE/NORP, or any name
    where the pattern itself guarantees a list of members, as in "abstentions (A, B)")."""
    out: list[str] = []
    for name in countries.split_names(text):
        offset = ctx.text.find(name, start)
        ent = ctx.entity_at(offset, offset + len(name)) if offset >= 0 else None
        is_state = countries.is_known(name) or (ent is not None and ent.label_ in {"GPE", "NORP"})
        if is_state or (trusted and name[:1].isupper()):
            canon = countries.canonical(name)
            if canon not in out:
                out.append(canon)
    return out


def _subject_state(ctx: ArticleContext, start: int) -> str | None:
    """The state that is the subject of a clause ending at `start` ("Washington received")."""
    s, _ = ctx.sentence_bounds(start, start)
    for ent in reversed(ctx.entities_in(s, start, {"GPE", "NORP"})):
        return countries.canonical(ent.text)
    return None


def _parts(ctx: ArticleContext) -> list[Part]:
    parts: list[Part] = []
    for p in patterns("vote"):
        for m in ctx.finditer(p):
            g = {k: v for k, v in m.groupdict().items() if v is not None}
            part = Part(m.start(), m.end())
            label = p.label
            if label == "VOTE_TALLY":
                part.counts = {"for": int(g["for"]), "against": int(g["against"])}
                if "abstain" in g:
                    part.counts["abstain"] = int(g["abstain"])
                part.complete = True
            elif label == "VOTE_TO":
                part.counts = {"for": number_value(g["for"]), "against": number_value(g["against"])}
                part.complete = True
            elif label in COUNT_OF or label.startswith(
                ("VOTE_FOR", "VOTE_AGAINST", "VOTE_ABSTAIN")
            ):
                key = COUNT_OF.get(label) or (
                    "for" if "FOR" in label else "against" if "AGAINST" in label else "abstain"
                )
                raw = g.get(key) or g.get(f"{key}2")
                n = number_value(raw.split()[0]) if raw else None
                if n is None:
                    continue
                part.counts = {key: int(n)}
            elif label == "VOTE_LIST_AFTER":
                side = g["side"].lower()
                key = SIDE_OF.get(side, "abstain")
                states = _states(ctx, g["who"], m.start("who"), trusted=True)
                if not states:
                    continue
                part.lists = {LIST_KEYS[key]: states}
            elif label in {"VOTE_WHO_ABSTAINING", "VOTE_WHO_ABSTAINED"}:
                states = _states(ctx, g["who"], m.start("who"))
                if not states:
                    continue
                part.lists = {"abstaining": states}
                part.start = m.start("who")
            elif label in AGAINST_LABELS or label == "VOTE_WHO_FOR":
                states = _states(ctx, g["who"], m.start("who"))
                if not states:
                    continue
                part.lists = {"against_members" if "AGAINST" in label else "in_favour": states}
                part.start = m.start("who")
            elif label == "VOTE_NONE_AGAINST":
                part.counts = {"against": 0}
            elif label == "VOTE_WITHOUT":
                part.without_vote = True
            elif label == "VOTE_UNANIMOUS":
                part.unanimous = True
            elif label in VETO_LABELS:
                who = "who" if "who" in g else "who2"
                states = _states(ctx, g[who], m.start(who))
                if not states:
                    continue
                part.vetoed_by = states
            elif label in {"VOTE_ONLY_SUPPORT", "VOTE_ONLY_WHO_FOR"}:
                states = _states(ctx, g["who"], m.start("who"))
                if not states:
                    continue
                subject = _subject_state(ctx, m.start()) if label == "VOTE_ONLY_SUPPORT" else None
                if subject and subject not in states:
                    states.append(subject)
                part.lists = {"in_favour": states}
                part.only = True
                if label == "VOTE_ONLY_SUPPORT":
                    s, _ = ctx.sentence_bounds(m.start(), m.end())
                    ents = ctx.entities_in(s, m.start(), {"GPE"})
                    part.start = ents[-1].start_char if ents else m.start()
            parts.append(part)
    return parts


def _compatible(group: list[Part], part: Part, ctx: ArticleContext) -> bool:
    """Merge a part into a group when it adds new facts about the same vote nearby."""
    last = group[-1]
    same_sentence = ctx.sentence_index(part.start) == ctx.sentence_index(last.end - 1)
    next_sentence = ctx.sentence_index(part.start) == ctx.sentence_index(last.end - 1) + 1
    if any(p.complete for p in group) and part.complete:
        return False
    keys = {k for p in group for k in p.counts}
    if keys & set(part.counts):
        return False
    if same_sentence:
        return True
    # The parser may cut a sentence short ("14 members voted yes | and Russia abstained."):
    # parts with no full stop, semicolon or line break between them are one statement.
    gap = ctx.text[last.end : part.start]
    if 0 <= len(gap) < 150 and not re.search(r"[.!?;\n]", gap):
        return True
    # Counts split over two sentences ("Two voted for. Two against and 11 abstained").
    return next_sentence and bool(part.counts) and bool(keys) and part.start - last.end < 300


def _in_assembly(ctx: ArticleContext, offset: int) -> bool:
    """A General Assembly vote (its membership is not the Council's 15), by the sentence."""
    sentence = ctx.sentence_text(offset, offset + 1)
    return bool(ASSEMBLY.search(sentence)) and not COUNCIL.search(sentence)


def _value(group: list[Part], ctx: ArticleContext) -> dict:
    value: dict = {k: None for k in COUNT_KEYS}
    value.update(unanimous=False, vetoed_by=[], in_favour=[], against_members=[], abstaining=[])
    for part in group:
        for k, n in part.counts.items():
            value[k] = n
        for k, names in part.lists.items():
            value[k] += [n for n in names if n not in value[k]]
        value["vetoed_by"] += [n for n in part.vetoed_by if n not in value["vetoed_by"]]
        value["unanimous"] = value["unanimous"] or part.unanimous
        if part.without_vote:
            value["without_vote"] = True
        if part.only:
            value["only"] = True
    if (value.get("only", False)) and value["for"] is None:
        value["for"] = len(value["in_favour"])
    if value["unanimous"]:
        named_dissent = value["abstaining"] or value["against_members"]
        if value["against"] is None and not value["against_members"]:
            value["against"] = 0
        if value["abstain"] is None and not named_dissent:
            value["abstain"] = 0
        if value["for"] is None and not named_dissent and not _in_assembly(ctx, group[0].start):
            value["for"] = council_size(ctx.article_date)
            value["inferred"] = ["for"]
    for key, list_key in LIST_KEYS.items():
        if value[key] is None and value[list_key] and key != "for":
            value[key] = len(value[list_key])
    if value["vetoed_by"]:
        value["vetoed"] = True
    return value


def find(ctx: ArticleContext) -> list[Found]:
    parts = sorted(_parts(ctx), key=lambda p: (p.start, -p.end))
    # Drop parts nested in a longer part (e.g. "2 in favour" inside a list-with-names match).
    kept: list[Part] = []
    for part in parts:
        if any(
            k.start <= part.start
            and part.end <= k.end
            and (k.end - k.start) > (part.end - part.start)
            and set(part.counts) <= set(k.counts)
            for k in kept
        ):
            continue
        kept.append(part)
    groups: list[list[Part]] = []
    for part in kept:
        if groups and _compatible(groups[-1], part, ctx):
            groups[-1].append(part)
        else:
            groups.append([part])
    found: list[Found] = []
    for group in groups:
        start = min(p.start for p in group)
        end = max(p.end for p in group)
        found.append(Found("vote", start, end, _value(group, ctx), priority=1))
    return found
