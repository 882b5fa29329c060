"""Vote tallies in every form news uses, assembled from parts found by the vote patterns.

A tally is often spread over a sentence or two ("two of the 15 members voted for it. Two voted
against and 11 abstained"), so each pattern yields a *part* (a count, a list of countries, a
veto, "unanimous") and neighbouring parts are merged into one claim.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from itertools import islice

from checks import countries
from checks.extract import vote_grammar
from checks.extract.clauses import clause_head
from checks.extract.context import ArticleContext, Found, council_size
from checks.extract.links import outcome_words
from checks.extract.vote_readers import COUNT_KEYS, LIST_KEYS, READERS, Part
from checks.patternbook import Pattern, expand, macros, patterns

PART_REACH = 2000  # no pattern or parse reading spans more characters than this
ASSEMBLY = re.compile(r"\b(General\s+Assembly|UNGA|Assembly)\b")
COUNCIL = re.compile(r"\b(Security\s+Council|UNSC|the\s+Council)\b")


@functools.cache
def _context_regex(template: str) -> re.Pattern[str]:
    return re.compile(expand(template, macros()))


def _context_denies(ctx: ArticleContext, p: Pattern, m: re.Match[str]) -> bool:
    """A pattern's `not_after` (a regex the sentence's words before the match must not end
    with: "avoided a third American veto") or `not_before` (one the words after it must not
    begin with: "voted against the reimposition of sanctions", "opposed the resolution during
    debate, but chose to abstain") says these words are no vote on the text."""
    s, e = ctx.sentence_bounds(m.start(), m.end())
    after, before = p.options.get("not_after"), p.options.get("not_before")
    if after and _context_regex(after).search(ctx.text[s : m.start()]):
        return True
    return bool(before and _context_regex(before).search(ctx.text[m.end() : max(e, m.end())]))


def _parts(ctx: ArticleContext) -> list[Part]:
    parts: list[Part] = []
    for p in patterns("vote"):
        reader = READERS[p.options["reader"]]
        for m in ctx.finditer(p):
            if _context_denies(ctx, p, m):
                continue
            g = {k: v for k, v in m.groupdict().items() if v is not None}
            part = Part(m.start(), m.end())
            if reader(ctx, p, m, g, part):
                parts.append(part)
    return parts + [_from_grammar(a) for a in vote_grammar.find_parts(ctx)]


def _from_grammar(act: vote_grammar.ActorPart) -> Part:
    """A part from the parse: a count, members, or 'all the others' on one side."""
    part = Part(act.start, act.end, partial=act.partial)
    if act.side == "veto":
        part.vetoed_by = list(act.members)
        part.vetoed = True
    elif act.side == "absent":
        part.absent = list(act.members)
    else:
        if act.members:
            part.lists = {LIST_KEYS[act.side]: list(act.members)}
        if act.count is not None:
            part.counts = {act.side: act.count}
        if act.rest:
            part.rest = act.side
    return part


def _side_figure(part: Part) -> bool:
    """A figure for one side of a tally: a count, states named on a side (counted from the
    names), or "all the others". Absences and vetoes are not sides of a tally."""
    return bool(part.counts) or part.rest is not None or any(part.lists.values())


def _separate_clause(group: list[Part], part: Part, ctx: ArticleContext) -> bool:
    """ "Turkey voted against, while Lebanon abstained"; "nine voted in favour, while Malta
    was absent": two assertions a reader checks apart, so two claims. A tally told clause by
    clause stays one claim ("12 in favour, two against and one abstained", "won 12 votes,
    while Russia and China abstained"): both give a side's figure and one states a number.
    Overlapping parts stay together too (one claim's words cannot be cut in two)."""
    stated = bool(part.counts) or any(p.counts for p in group)
    if stated and _side_figure(part) and any(_side_figure(p) for p in group):
        return False
    if part.start < max(p.end for p in group):
        return False
    here = clause_head(ctx, part.start, part.end)
    there = clause_head(ctx, group[-1].start, group[-1].end)
    return here is not None and there is not None and here != there


def _compatible(group: list[Part], part: Part, ctx: ArticleContext) -> bool:
    """Merge a part into a group when it adds new facts about the same vote nearby."""
    last = group[-1]
    same_sentence = ctx.sentence_index(part.start) == ctx.sentence_index(last.end - 1)
    next_sentence = ctx.sentence_index(part.start) == ctx.sentence_index(last.end - 1) + 1
    if any(p.complete for p in group) and part.complete:
        return False
    # "Russia vetoed the text, while a rival draft failed to get the nine votes needed": a
    # shortfall is said of a draft that was put to the vote and lost, not of a neighbour's vote.
    if part.below or any(p.below for p in group):
        return False
    keys = {k for p in group for k in p.counts}
    if keys & set(part.counts):
        return False
    if same_sentence:
        return not _separate_clause(group, part, ctx)
    # The parser may cut a sentence short ("14 members voted yes | and Russia abstained."):
    # parts with no full stop, semicolon or line break between them are one statement.
    gap = ctx.text[last.end : part.start]
    if 0 <= len(gap) < 150 and not re.search(r"[.!?;\n]", gap):
        return not _separate_clause(group, part, ctx)
    # Counts split over two sentences ("Two voted for. Two against and 11 abstained").
    return next_sentence and bool(part.counts) and bool(keys) and part.start - last.end < 300


def _coordinated(name: str, span: str) -> bool:
    """ "Bolivia joined Russia and China to veto", "Russia, China and Bolivia vetoed": the text
    joins the name to the vetoers. A name only set before them with a comma ("angered by its
    ties with Taiwan, China vetoed") ends another phrase; it is no vetoer, and calling it one
    would make the Charter rule contradict a true report."""
    words = r"(?:and|&|joined|along\s+with|together\s+with|as\s+well\s+as)"
    n = re.escape(name).replace(r"\ ", r"\s+")
    return bool(re.search(rf"(?i)\b{n}\b,?\s+{words}\b|\b{words}\s+(?:the\s+)?{n}\b", span))


def _in_assembly(ctx: ArticleContext, offset: int) -> bool:
    """A General Assembly vote (its membership is not the Council's 15), by the sentence."""
    sentence = ctx.sentence_text(offset, offset + 1)
    return bool(ASSEMBLY.search(sentence)) and not COUNCIL.search(sentence)


def _value(group: list[Part], ctx: ArticleContext) -> dict:
    value: dict = {k: None for k in COUNT_KEYS}
    value.update(unanimous=False, vetoed_by=[], in_favour=[], against_members=[], abstaining=[])
    stated: set[str] = set()  # counts the text gives as numbers (not derived from names)
    rest: str | None = None
    absent: list[str] = []
    for part in group:
        for k, n in part.counts.items():
            value[k] = n
            stated.add(k)
        for k, names in part.lists.items():
            value[k] += [n for n in names if n not in value[k]]
        value["vetoed_by"] += [n for n in part.vetoed_by if n not in value["vetoed_by"]]
        absent += [n for n in part.absent if n not in absent]
        value["unanimous"] = value["unanimous"] or part.unanimous
        rest = rest or part.rest
        for k, n in part.below.items():
            value[f"{k}_below"] = n
            value["failed"] = True
        if part.partial:
            value["partial_list"] = True
        if part.without_vote:
            value["without_vote"] = True
        if part.only:
            value["only"] = True
    # Only a permanent member holds a veto. "Bolivia joined Russia and China to veto" says
    # Bolivia vetoed: kept apart as what the text asserts (a rule can then contradict it),
    # never rewritten as a vote against, which would make a false assertion read true. A
    # name we cannot place ("a Western veto") is left out rather than guessed.
    holders = [n for n in value["vetoed_by"] if countries.is_permanent_member(n)]
    span = ctx.text[group[0].start : group[-1].end]
    elected = [
        n
        for n in value["vetoed_by"]
        if n not in holders and countries.is_known(n) and _coordinated(n, span)
    ]
    value["vetoed_by"] = holders
    if len(holders) == 1 and outcome_words()["vetoed_alone"].search(
        ctx.sentence_text(group[0].start, group[-1].end)
    ):
        value["vetoed_alone"] = True  # "Russia alone vetoed": a record with other vetoers differs
    if elected:
        value["vetoed_by_elected"] = elected
    if absent:
        value["absent"] = absent
    if (value.get("only", False)) and value["for"] is None:
        value["for"] = len(value["in_favour"])
        value["inferred"] = [*value.get("inferred", []), "for"]
    if value["unanimous"]:
        named_dissent = value["abstaining"] or value["against_members"]
        if value["against"] is None and not value["against_members"]:
            value["against"] = 0
        if value["abstain"] is None and not named_dissent:
            value["abstain"] = 0
        if value["for"] is None and not named_dissent and not _in_assembly(ctx, group[0].start):
            value["for"] = council_size(ctx.article_date)
            value["inferred"] = ["for"]
    if rest and value[rest] is None:
        # "All other members voted in favour": safe only when every other side is a stated number.
        sides = [k for k in COUNT_KEYS if k != rest]
        if all(k in stated for k in sides) and not _in_assembly(ctx, group[0].start):
            size = council_size(ctx.article_date)
            value[rest] = size - sum(value[k] for k in sides) - len(absent)
            value["inferred"] = [*value.get("inferred", []), rest]
    counted = {p.counted for p in group if p.counted}
    for key, list_key in LIST_KEYS.items():
        partial = value.get("partial_list") and key not in stated
        if value[key] is None and value[list_key] and key != "for" and not partial:
            # Counted from the names, not stated: marked, so no rule compares it as a count
            # (unless the words state it: "the lone dissenter").
            value[key] = len(value[list_key])
            if key not in counted:
                value["inferred"] = [*value.get("inferred", []), key]
    if any(p.vetoed for p in group):
        value["vetoed"] = True  # even when no holder of a veto is named ("the text was vetoed")
    return value


def _recent(kept: list[Part], start: int) -> Iterator[Part]:
    """Kept parts (sorted by start) that may contain a part starting at `start`: no part is
    longer than PART_REACH characters, so the search is bounded (linear on long texts)."""
    for k in reversed(kept):
        if k.start < start - PART_REACH:
            return
        yield k


@functools.cache
def _ordinal_veto() -> re.Pattern[str]:
    return re.compile(rf"\b{macros()['ORDINAL']}\s+veto")


def _misreads_a_tally(kept: list[Part], part: Part) -> bool:
    """A count that starts inside a tally and runs past it reads one of the tally's numbers
    with the words after it: in "voted 12-2 in favour of the text", "2 in favour" is not a
    second count of votes for, "12-2" is the whole tally."""
    if not part.counts:
        return False
    return any(  # the tally is among the last parts kept (they are sorted by start)
        k.start < part.start < k.end < part.end
        and len(k.counts) >= 2
        and any(k.counts.get(x, n) != n for x, n in part.counts.items())
        for k in islice(_recent(kept, part.start), 3)
    )


def _absorb(outer: Part, inner: Part) -> None:
    """Names, vetoes and flags of a nested part that the outer part does not have."""
    for key, names in inner.lists.items():
        have = outer.lists.setdefault(key, [])
        have += [n for n in names if n not in have]
    outer.vetoed_by += [n for n in inner.vetoed_by if n not in outer.vetoed_by]
    outer.vetoed = outer.vetoed or inner.vetoed
    outer.absent += [n for n in inner.absent if n not in outer.absent]
    outer.unanimous = outer.unanimous or inner.unanimous
    outer.partial = outer.partial or inner.partial
    outer.rest = outer.rest or inner.rest


def find(ctx: ArticleContext) -> list[Found]:
    parts = sorted(_parts(ctx), key=lambda p: (p.start, -p.end))
    # A part nested in another (e.g. "2 in favour" inside a list-with-names match, or the
    # parse and a pattern reading the same words) adds only the facts the outer one lacks.
    kept: list[Part] = []
    for part in parts:
        outer = next(
            (
                k
                for k in _recent(kept, part.start)
                if k.start <= part.start and part.end <= k.end and set(part.counts) <= set(k.counts)
            ),
            None,
        )
        if outer is None and _misreads_a_tally(kept, part):
            continue
        if outer is None:
            kept.append(part)
        else:
            _absorb(outer, part)
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
        value = _value(group, ctx)
        if not any(v is not None and v is not False and v != [] for v in value.values()):
            continue  # nothing left to say (e.g. "a Western veto": no state named)
        # "the nine votes needed" is also a number (the threshold) for the number finder.
        shortfall = any(p.below for p in group)
        # "cast its fourth veto" is also a number (Britain's fourth veto) for the number finder.
        ordinal = bool(_ordinal_veto().search(ctx.text, start, end))
        found.append(
            Found("vote", start, end, value, priority=1, shares_numbers=shortfall or ordinal)
        )
    return found
