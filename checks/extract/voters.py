"""Which body other than the Security Council a vote claim's clause says voted ("The Lebanese
cabinet unanimously approved the resolution"): read once at extraction into the claim's links
(`links["voter"]`), so the vote rule never re-reads the sentence. Words are data:
`checks/patterns/vote_bodies.json`."""

from __future__ import annotations

import functools
import re

from checks.models import Claim
from checks.patternbook import load_json


@functools.cache
def _bodies() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """A body as the subject of a vote verb, a body as its agent, a Council mention, a break."""
    data = load_json("vote_bodies.json")

    def words(names: list[str]) -> str:
        names = sorted(names, key=len, reverse=True)
        return "(?:" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names) + ")"

    body, verb = words(data["bodies"]), words(data["verbs"])
    # "Lawmakers said 13 members voted": a speech verb or a voter noun ends the subject's reach
    stop = words(data["gap_stops"] + load_json("lexicon.json")["speech_verbs"])
    gap = rf"(?:\s+(?!{stop}\b)[\w'’-]+){{0,{int(data['gap_words'])}}}?"
    subject = re.compile(rf"(?i)\b(?P<body>{body})\b{gap}\s+{verb}\b")
    agent = re.compile(
        rf"(?i)\b{verb}(?:\s+[\w-]+){{0,3}}?\s+by\s+(?:(?:the|its)\s+|(?-i:[A-Z])[\w'’-]*\s+){{0,4}}"
        rf"(?P<body>{body})\b"
    )
    council = re.compile(rf"(?i){data['council']}")
    breaks = re.compile("|".join(data["clause_breaks"]), re.I)
    return subject, agent, council, breaks


def _clause(sentence: str, at: int, breaks: re.Pattern[str]) -> str:
    """The clause of `sentence` holding offset `at`."""
    start, end = 0, len(sentence)
    for m in breaks.finditer(sentence):
        if m.end() <= at:
            start = m.end()
        elif m.start() > at:
            end = m.start()
            break
    return sentence[start:end]


def voting_body(claim: Claim) -> str | None:
    """The body other than the Council that the claim's clause says voted, or None. A clause
    that names the Council is read as a Council vote ("The Security Council adopted it 15-0, a
    day after the Israeli cabinet approved it": the tally's clause is the Council's)."""
    subject, agent, council, breaks = _bodies()
    clause = _clause(claim.sentence, max(0, claim.start - claim.sentence_start), breaks)
    acts = [m for p in (subject, agent) for m in p.finditer(clause)]
    if not acts:
        return None
    rest = clause
    for m in acts:  # "the Federation Council voted": that council is the body, not the UN's
        rest = rest.replace(m.group("body"), " ")
    if council.search(rest):
        return None
    return re.sub(r"\s+", " ", acts[0].group("body"))
