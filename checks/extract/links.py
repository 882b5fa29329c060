"""What each claim belongs to: the resolution and dates of its sentence, the time it speaks of,
the outcome words and the body it is about. Computed once, after extraction, and stored on the
claim (`Claim.links`), so that rules read it instead of re-reading the article.

Only the claims themselves are read (their sentences, offsets and parse anchors), never the
spaCy document: claims reloaded from the review store get the same links.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from datetime import date
from functools import cache
from typing import Any

from checks.attach import attached
from checks.extract.drafts import clause_bounds, clauses, sponsors_of
from checks.extract.tense import without_descriptions
from checks.extract.voters import voting_body
from checks.models import Claim
from checks.patternbook import load_json

#: Which body a sentence is about; the Security Council unless another is named without it.
_SC = re.compile(r"(?i)\b(security\s+council|UNSC|council)\b")
_BODIES = (
    ("GA", re.compile(r"(?i)\b(general\s+assembly|UNGA)\b")),
    ("HRC", re.compile(r"(?i)\bhuman\s+rights\s+council\b")),
    (
        "other",
        re.compile(
            r"(?i)\b((european|economic\s+and\s+social|trusteeship|national\s+security|governing)"
            r"\s+council|council\s+of\s+(europe|the\s+european\s+union|ministers))\b"
        ),
    ),
)
_POSSESSIVE = re.compile(r"['’]s?\b")
#: "adopted on 18 December 2015", "resolution 2254 of 18 December": a date a preposition governs
#: is part of a sentence, never the text's dateline.
_GOVERNED = re.compile(r"(?i)\b(on|of|since|from|dated|until|by|before|after|in)\s*$")
_EXPLICIT_SC = re.compile(r"(?i)\b(security\s+council|UNSC)\b")


@cache
def outcome_words() -> dict[str, re.Pattern[str]]:
    """The word lists of checks/patterns/outcomes.json, compiled once."""
    data = load_json("outcomes.json")
    return {k: re.compile("|".join(v), re.I) for k, v in data.items() if k != "about"}


def outcome_of(sentence: str) -> str | None:
    """ "failed" (lacked the votes), "vetoed", "not_adopted" or "adopted" from the words; None
    when it says none, or both a failure and an adoption (two decisions in one sentence). A
    veto cast outweighs adoption words ("no decision could be adopted, owing to the vetoes")."""
    words = outcome_words()
    if words["failed"].search(sentence):
        return "failed"
    # "passed ... with the United States abstaining rather than using its veto": no veto cast
    sentence = words["not_a_veto"].sub(" ", sentence)
    if words["vetoed"].search(sentence):
        return "vetoed"
    failed = bool(words["not_adopted"].search(sentence))
    # "failure to adopt", "was not adopted": the adoption words inside are not an adoption.
    adopted = bool(words["adopted"].search(words["not_adopted"].sub(" ", sentence)))
    if failed and not adopted:
        return "not_adopted"
    if adopted and not failed:
        return "adopted"
    return None


def clause_outcome(sentence: str, at: int) -> str | None:
    """The outcome words of the clause at offset `at`; when it has none, those the other
    clauses agree on. "The US draft was vetoed by Russia, while the Russian text failed to get
    nine votes" tells two outcomes, one per clause: each claim reads its own. A clause telling
    another vote before or after ("..., put forward after it vetoed a rival") is that vote's
    alone: the rest of the sentence neither reads nor inherits its words."""
    events = list(outcome_words()["other_event"].finditer(sentence))
    own = other_event_at(events, at)
    if own is not None:
        return outcome_of(own[0])
    for m in events:  # blanked, so the offsets of the rest stay
        sentence = sentence[: m.start()] + " " * (m.end() - m.start()) + sentence[m.end() :]
    parts = clauses(sentence)
    if len(parts) <= 1:
        return outcome_of(sentence)
    lo, hi = clause_bounds(sentence, at)
    own = outcome_of(sentence[lo:hi])
    if own is not None:
        return own
    others = {outcome_of(sentence[a:b]) for a, b in parts} - {None}
    return others.pop() if len(others) == 1 else None


def other_event_at(events: list[re.Match[str]], at: int) -> re.Match[str] | None:
    """The clause telling another vote ("after it vetoed a rival") that holds offset `at`."""
    return next((m for m in events if m.start() <= at < m.end()), None)


#: Any body named, the other councils tried before a bare "council" at the same place.
_MENTION = re.compile(
    "|".join(
        f"(?P<{code}>{pattern.pattern.removeprefix('(?i)')})"
        for code, pattern in (*_BODIES, ("SC", _SC))
    ),
    re.I,
)


def body_of(sentence: str) -> str | None:
    if _EXPLICIT_SC.search(sentence):
        return "SC"
    for code, pattern in _BODIES:
        if pattern.search(sentence):
            return code
    return "SC" if _SC.search(sentence) else None


def tense_of(sentence: str) -> str:
    words = outcome_words()
    # "voted ... to adopt resolution 1070, by which it decided that States shall deny ...":
    # a clause describing the text tells no plan
    if words["future"].search(without_descriptions(sentence)):
        return "future"
    if words["habitual"].search(sentence):
        return "habitual"
    return "past"


def _own_words_habitual(claim: Claim, at: int) -> bool:
    """The claim's words and the few after it, to the next comma, tell of other times than the
    sentence's day: a habit ("which has vetoed previous bids") or many votes counted together
    ("23 vetoes"); not a clause further on ("abstaining rather than using its veto, as it has often
    done in the past" is about the day's vote)."""
    rest = re.split(r"[,;.]", claim.sentence[at + len(claim.text) :], maxsplit=1)[0]
    rest = " ".join(rest.split()[:3])
    if outcome_words()["habitual"].search(f"{claim.text} {rest}"):
        return True
    # "23 vetoes", "the 23 draft resolutions ... that were vetoed", "51 Soviet vetoes": a
    # count of many votes, not one decision (unless the claim gives one vote's tally: "has
    # vetoed three resolutions, the latest supported by 13 members")
    if any(claim.value.get(side) is not None for side in ("for", "against", "abstain")):
        return False
    before = re.split(r"[;.]", claim.sentence[max(0, at - 80) : at])[-1]
    return bool(_MANY_VOTES.search(f"{before} {claim.text} {rest}"))


#: Three or more vetoes, drafts or resolutions counted together.
_MANY_VOTES = re.compile(
    r"(?i)\b(?:[3-9]|\d{2,}|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|"
    r"\w+ty(?:-\w+)?|dozens\s+of|hundreds\s+of|several|many|numerous|multiple|successive)\s+"
    r"(?:[\w.'’-]+\s+){0,4}?(?:vetoe?s|drafts|draft\s+resolutions|resolutions)\b"
)


def _distance(a: Claim, b: Claim) -> int:
    return max(0, b.start - a.end, a.start - b.end)


#: Words that make a date a deadline or an end, not the day something was decided, nor the
#: time the rest of the sentence speaks of.
DEADLINE = re.compile(
    r"(?i)\b(until|till|through|by|no\s+later\s+than|deadline\s+of|expir\w*(\s+on)?|"
    r"end(s|ed|ing)?\s+on|runs?\s+to|valid\s+to|up\s+to)\s*(the\s+(end|close)\s+of\s+)?(the\s+)?$"
)
#: A sentence that opens with "By (the end of) ..." tells what was done by then.
_OPENING_BY = re.compile(r"(?i)\s*by\s+(the\s+(end|close)\s+of\s+)?(the\s+)?")


def is_deadline(claim: Claim) -> bool:
    """ "until 30 June", "no later than 1 March", "expires on ...", "until the end of this
    month" (but "By 27 June, the Council had voted" opens a sentence about what was done by
    then)."""
    offset = claim.start - claim.sentence_start
    before = claim.sentence[max(0, offset - 40) : offset]
    if _OPENING_BY.fullmatch(claim.sentence[:offset]):
        return False
    if put_off_to(claim):
        return False  # "the vote was pushed back until Friday": the day it was then held
    return bool(DEADLINE.search(before))


#: "before August 23", "ahead of the 1 March deadline": a day that bounds another time.
BEFORE = re.compile(r"(?i)\b(before|prior\s+to|ahead\s+of)\s*(the\s+)?$")


def bounds_another_time(claim: Claim) -> bool:
    """A deadline, or a day something was to happen before: it says when another act was due,
    not when the story's own events took place."""
    offset = claim.start - claim.sentence_start
    return is_deadline(claim) or bool(BEFORE.search(claim.sentence[max(0, offset - 30) : offset]))


def put_off_to(claim: Claim) -> bool:
    """The date is the day something was put off to ("a delay until Monday morning")."""
    offset = claim.start - claim.sentence_start
    return bool(POSTPONED.search(claim.sentence[max(0, offset - 60) : offset]))


#: A vote put off to a day: "was pushed back each day until Friday", "a delay until Monday".
POSTPONED = re.compile(
    r"(?i)\b(postpon\w*|delay\w*|deferr?\w*|put\s+off|pushed\s+back|push\s+back|"
    r"reschedul\w*)\b[^.;]{0,40}?\buntil\s+(the\s+)?$"
)


def _time(claim: Claim, dates: list[Claim], resolution: Claim | None, on: date | None) -> dict:
    """The time the sentence speaks of: a date in it, the year of the resolution it belongs
    to, else the article's date (with the tense saying before or after)."""
    own = [claim] if claim.type == "date" else []
    for d in own + [d for d in dates if not is_deadline(d)]:
        value = d.value
        if value.get("date"):
            return {
                "date": value["date"],
                "precision": value.get("precision") or "day",
                "basis": "date in sentence",
                "claim": d.id,
            }
    if resolution is not None and resolution.value.get("year"):
        return {
            "date": str(resolution.value["year"]),
            "precision": "year",
            "basis": "decision year",
            "claim": resolution.id,
        }
    if on is not None:
        return {"date": on.isoformat(), "precision": "day", "basis": "article date"}
    return {}


#: Words before a date that make it the name of an earlier act, not a day of the story.
NAMING_DATE = re.compile(
    r"(?i)\b(?:decisions?|resolutions?|letters?|reports?|statements?|notes?|agreements?)\b"
    r"[^.;:()]{0,50}?\bof\s+(?:the\s+)?$|\bdated\s+$"
)
#: How many claims of a kind on each side of a claim are considered (nearest first): a sentence
#: with thousands of claims (a pasted table) costs linear time, not quadratic.
NEAR = 8


class _Claims:
    """The claims indexed once by offset, and each sentence's words read once."""

    def __init__(self, claims: list[Claim], text: str | None = None) -> None:
        # where the text names a body, in order: a sentence naming none speaks of the last one
        mentions = [(m.start(), m.lastgroup) for m in _MENTION.finditer(text or "")]
        self.text = text or ""
        self.mention_at = [at for at, _ in mentions]
        self.mention_body = [body for _, body in mentions]
        self.by_kind: dict[str, list[Claim]] = {}
        for c in sorted(claims, key=lambda c: c.start):
            self.by_kind.setdefault(c.type, []).append(c)
        self.starts = {k: [c.start for c in v] for k, v in self.by_kind.items()}
        self.dates_by_end = sorted(self.by_kind.get("date", []), key=lambda c: c.end)
        self.date_ends = [c.end for c in self.dates_by_end]
        self._sentences: dict[tuple[int, int], tuple[str, str | None]] = {}
        self._clauses: dict[tuple[int, int, int], str | None] = {}

    def within(self, kind: str, claim: Claim, lo: int, hi: int) -> list[Claim]:
        """Claims of `kind` starting in [lo, hi), at most NEAR on each side of `claim`."""
        starts = self.starts.get(kind, [])
        first, last = bisect_left(starts, lo), bisect_left(starts, hi)
        here = bisect_left(starts, claim.start, first, last)
        picked = (
            self.by_kind[kind][max(first, here - NEAR) : min(last, here + NEAR + 1)]
            if starts
            else []
        )
        return [c for c in picked if c is not claim]

    def dates_before(self, claim: Claim, window: int = 600) -> list[Claim]:
        """Date claims ending before the claim's sentence, within `window`, nearest first; not
        a date that names an earlier act ("the decision of the Security Council of 1st August",
        "a letter dated 3 May"), which tells no day of the story."""
        end = bisect_right(self.date_ends, claim.sentence_start)
        lo = bisect_left(self.date_ends, claim.start - window, 0, end)
        picked = [
            c
            for c in self.dates_by_end[max(lo, end - NEAR) : end]
            if not NAMING_DATE.search(self.text[max(0, c.start - 80) : c.start])
        ]
        return sorted(picked, key=lambda c: claim.start - c.end)

    def words(self, claim: Claim) -> tuple[str, str | None]:
        """The sentence's tense and body, read once per sentence (keyed by where it is, so a
        very long sentence is not hashed again for every claim in it)."""
        key = (claim.sentence_start, len(claim.sentence))
        if key not in self._sentences:
            sentence = claim.sentence
            self._sentences[key] = (tense_of(sentence), body_of(sentence))
        return self._sentences[key]

    def discourse_body(self, claim: Claim) -> str | None:
        """The body the text last named before the claim's sentence ("The Security Council met
        ... Malik returned on January 13 to vote on the Soviet resolution"); None without text."""
        here = bisect_left(self.mention_at, claim.sentence_start)
        return self.mention_body[here - 1] if here else None

    def outcome(self, claim: Claim) -> str | None:
        """The outcome words of the claim's clause, read once per clause."""
        at = claim.start - claim.sentence_start
        lo, _hi = clause_bounds(claim.sentence, at)
        other = other_event_at(list(outcome_words()["other_event"].finditer(claim.sentence)), at)
        key = (claim.sentence_start, len(claim.sentence), lo, other and other.start())
        if key not in self._clauses:
            self._clauses[key] = clause_outcome(claim.sentence, at)
        return self._clauses[key]


#: A line of an infobox or a fact table: "- Date: 14 October", "Date: | 20 July |", "| Adopted |
#: 20 July 2015 |", or a short label line as an encyclopedia page renders it ("Code S/RES/502
#: (Document)"): short, and not ending a sentence.
_FIELD_LINE = re.compile(
    r"[ \t]*[-*•|]?[ \t]*[A-Z][\w ]{0,30}?[ \t]*[:=|][^\n]*|[^\n]{1,80}(?<![.!?\"”])"
)
#: The field a date of such a line fills, when it is the day (or year) of the decision.
_DATE_FIELD = re.compile(
    r"(?i)^[ \t]*[-*•|]?[ \t]*(date|year|adopted|date\s+adopted)[ \t]*[:=|]?[ \t]*\|?[ \t]*$"
)


#: How many lines on each side of a field line are read for its box (an infobox has ~20).
BOX_LINES = 40


def _infobox_resolution(claim: Claim, table: _Claims) -> Claim | None:
    """An infobox's "Date:" (or "Year:") line dates the one resolution its other lines name
    ("Code: S/RES/1718"), as a Wikipedia article's infobox does, and its voting lines ("10
    voted for / 1 voted against") are that resolution's vote; None when the block names none,
    or several."""
    text = table.text
    line_start = text.rfind("\n", 0, claim.start) + 1
    line_end = text.find("\n", claim.end)
    line_end = len(text) if line_end < 0 else line_end
    if claim.type == "vote":  # the box's "Voting summary" lines: each one a field line
        lines = text[line_start:line_end].split("\n")
        if not text or not all(_FIELD_LINE.fullmatch(line) for line in lines):
            return None
    elif not text or not _DATE_FIELD.match(text[line_start : claim.start]):
        return None
    lo = hi = line_start
    for _ in range(BOX_LINES):  # the block: the field lines around this one (a box is short)
        if lo <= 0:
            break
        prev = text.rfind("\n", 0, lo - 1) + 1
        if not _FIELD_LINE.fullmatch(text[prev : lo - 1]):
            break
        lo = prev
    for _ in range(BOX_LINES):
        if hi >= len(text):
            break
        nxt = text.find("\n", hi)
        nxt = len(text) if nxt < 0 else nxt
        if not _FIELD_LINE.fullmatch(text[hi:nxt]):
            break
        hi = nxt + 1
    named = [c for c in table.within("resolution", claim, lo, hi) if not c.value.get("draft")]
    numbers = {c.value.get("number") for c in named}
    return named[0] if len(numbers) == 1 and None not in numbers else None


def links_for(
    claim: Claim, claims: list[Claim] | _Claims, article_date: date | None
) -> dict[str, Any]:
    table = claims if isinstance(claims, _Claims) else _Claims(list(claims))
    s_start, s_end = claim.sentence_start, claim.sentence_start + len(claim.sentence)
    resolutions = table.within("resolution", claim, s_start, s_end)
    inside = table.within("resolution", claim, claim.start, claim.end)
    attached_to = [c for c in resolutions if attached(claim, c)]
    chosen = (inside or sorted(attached_to, key=lambda c: _distance(claim, c)) or [None])[0]
    if chosen is None and claim.type in ("date", "vote"):
        chosen = _infobox_resolution(claim, table)
    dates = sorted(table.within("date", claim, s_start, s_end), key=lambda c: _distance(claim, c))
    tense, body = table.words(claim)
    at = claim.start - claim.sentence_start
    return {
        "resolution": chosen.id if chosen is not None else None,
        "resolutions": [c.id for c in sorted(resolutions, key=lambda c: _distance(claim, c))],
        "dates": [c.id for c in dates],
        "attached_dates": [c.id for c in dates if attached(claim, c)],
        "dates_before": [c.id for c in table.dates_before(claim)],
        "time": _time(claim, dates, chosen, article_date),
        "tense": tense,
        "outcome": table.outcome(claim),
        "body": body,
        # the body of the sentences before, for a sentence that names none
        "discourse_body": body or table.discourse_body(claim),
        # "last week's attack": a time that names a noun, not when the sentence's act was done
        "possessive": claim.type == "date"
        and bool(_POSSESSIVE.match(claim.sentence, claim.end - claim.sentence_start)),
        "in_prose": claim.type == "date" and bool(_GOVERNED.search(claim.sentence[:at])),
        # "which has vetoed previous bids": the claim's own words (to the next comma) tell
        # of other times than the sentence's day
        "own_habitual": claim.type == "vote" and _own_words_habitual(claim, at),
        # "the members that supported the proposal": the draft of the sentences before
        "refers_back": claim.type == "vote"
        and bool(outcome_words()["refers_back"].search(claim.sentence)),
        # "the second Russian draft won six votes": the words, not the count, say which draft
        "which_of_several": claim.type == "vote"
        and bool(outcome_words()["which_of_several"].search(claim.sentence)),
        # "abstained on Algeria's proposed amendments": a vote on amendments, not on the text
        "amendment": claim.type == "vote"
        and bool(outcome_words()["amendment"].search(claim.sentence)),
        # "voted 10 to 1 to include the item on its agenda": a vote on procedure, not a draft
        "procedural": claim.type == "vote"
        and bool(outcome_words()["procedural"].search(claim.sentence)),
        # "The Lebanese cabinet unanimously approved ...": another body voted, not the Council
        "voter": voting_body(claim) if claim.type == "vote" else None,
        # whose draft the claim's clause speaks of: its sponsors voted for it
        "sponsors": list(sponsors_of(claim.sentence, at, at + len(claim.text)))
        if claim.type == "vote"
        else [],
    }


def ensure_links(
    claims: Iterable[Claim], article_date: date | None, text: str | None = None
) -> None:
    """Fill `links` on the claims that have none (extraction fills them; claims reloaded from
    the store, or added by a reviewer, may not have them)."""
    claims = list(claims)
    if any(not c.links for c in claims):
        table = _Claims(claims, text)
        for claim in claims:
            if not claim.links:
                claim.links = links_for(claim, table, article_date)


def add_links(
    claims: list[Claim], article_date: date | None, text: str | None = None
) -> list[Claim]:
    """The extraction step: every claim's links, computed once."""
    table = _Claims(claims, text)
    for claim in claims:
        claim.links = links_for(claim, table, article_date)
    return claims
