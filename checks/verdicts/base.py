"""What every rule shares: the services it may ask, the article around a claim, and helpers
that turn records into evidence and verdicts.

A rule is a function `(claim, ctx) -> Verdict`. It may raise `SourceError`; the engine turns
that into "source unavailable", never into a verdict about the claim.
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from checks import countries
from checks.models import Claim, Evidence, Verdict
from checks.patternbook import load_json
from checks.sources.base import Query, Source, SourceRecord

#: How many sentences before a claim's own tell what "the matter" it points back to is.
ANAPHOR_SENTENCES = 3


@functools.cache
def _story_anaphor() -> re.Pattern[str]:
    return re.compile("|".join(load_json("topics.json")["story_anaphors"]), re.IGNORECASE)


@dataclass
class Services:
    """The sources rules may use; any of them may be None (not configured)."""

    records: Any = None  # checks.unrecords.UnRecords
    decisions: Any = None  # checks.decisions.DecisionIndex (merged UN tables + votes database)
    wikipedia: Source | None = None
    wikidata: Source | None = None
    gdelt: Source | None = None
    factcheck: Source | None = None
    undl: Source | None = None


@dataclass
class CheckContext:
    """The article a claim comes from, and a memo so that claims share lookups."""

    text: str
    article_date: date | None
    claims: list[Claim]
    services: Services
    _memo: dict[Any, Any] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def memo(self, key: Any, compute: Callable[[], Any]) -> Any:
        with self._lock:
            if key in self._memo:
                return self._memo[key]
        value = compute()
        with self._lock:
            self._memo.setdefault(key, value)
        return value

    def sentence_span(self, claim: Claim) -> tuple[int, int]:
        return claim.sentence_start, claim.sentence_start + len(claim.sentence)

    def in_sentence(self, claim: Claim, kind: str) -> list[Claim]:
        s, e = self.sentence_span(claim)
        return [c for c in self.claims if c.type == kind and c is not claim and s <= c.start < e]

    def before(self, claim: Claim, kind: str, window: int = 400) -> list[Claim]:
        """Claims of `kind` ending before this one, nearest first, within `window` characters."""
        out = [
            c
            for c in self.claims
            if c.type == kind and c.end <= claim.start and claim.start - c.end <= window
        ]
        return sorted(out, key=lambda c: claim.start - c.end)

    def near_text(self, claim: Claim) -> str:
        """What a claim is about when choosing among a day's decisions: the article's headline
        and lead, the sentence before, and the claim's own sentence (not the whole article,
        whose other topics would make coincidences fit). A sentence that names its subject
        only by pointing back ("the Council discussed the matter") is about the story told
        before it: then the sentences before, up to the paragraph's start, count too."""
        s, e = self.sentence_span(claim)
        start = self.text.rfind(".", 0, max(0, s - 2))
        if _story_anaphor().search(claim.sentence):
            paragraph = self.text.rfind("\n", 0, s)
            for _ in range(ANAPHOR_SENTENCES - 1):
                if start <= paragraph:
                    break
                start = max(self.text.rfind(".", 0, max(0, start - 2)), paragraph)
        return f"{self.text[:300]} {self.text[start + 1 : e]}"

    def search(self, source: Source | None, query: Query) -> list[SourceRecord]:
        if source is None:
            return []
        return self.memo((source.name, query), lambda: source.search(query))


def evidence(record: SourceRecord, excerpt: str = "") -> Evidence:
    return Evidence(
        source=record.source,
        title=record.title,
        url=record.url,
        excerpt=(excerpt or str(record.raw or ""))[:500],
        retrieved_at=record.retrieved_at,
        raw=record.fields,
    )


def make(
    label: str,
    explanation: str,
    rule: str,
    version: str,
    *,
    evidence: list[Evidence] | None = None,
    claimed: str | None = None,
    found: str | None = None,
    reason: str = "",
    decision: dict[str, Any] | None = None,
) -> Verdict:
    return Verdict(
        label=label,
        explanation=explanation,
        evidence=list(evidence or []),
        rule=rule,
        rule_version=version,
        claimed=claimed,
        found=found,
        reason=reason or rule,
        decision=decision,
    )


def long_date(d: date | None) -> str:
    return f"{d.day} {d:%B %Y}" if d else "an unknown date"


def record_vote(d: Any) -> str:
    """A decision's tally in words; when the records disagree on it, what each says (not
    "no recorded vote")."""
    if d.vote:
        return vote_text(d.vote)
    said = (getattr(d, "disputes", None) or {}).get("vote")
    if said:
        each = "; ".join(
            f"{src}: {vote_text(tuple(v)) if isinstance(v, (list, tuple)) else v}"
            for src, v in said.items()
        )
        return f"a tally the records disagree on ({each})"
    return vote_text(None)


def vote_text(vote: tuple[int, int, int] | None) -> str:
    return "-".join(str(n) for n in vote) if vote else "no recorded vote"


# --- topics -----------------------------------------------------------------------------------
STOP = frozenset(
    "the of and in on to a an for by with from situation question concerning including "
    "security council united nations international peace letter dated report reports general "
    "secretary-general secretary meeting maintenance threats caused acts resolution resolutions "
    "draft adopted extension mandate establishment measures concerning against upon under within "
    "between about their other which whose renewal imposed pursuant established regarding "
    "relating related until "
    # function words of four letters or more ("that nation's test" is not about a title's
    # "recommendation that Ban Ki-moon be appointed")
    "that this these those with without into onto from over after before during while where "
    "when what there then than also been were will would shall should have having such "
    # words of the Library's "Letter dated 3 January 1980 from 52 Member States to the
    # President" titles, which any story about a vote shares: never a subject
    "member members state states country countries president permanent representative "
    "representatives addressed complaint republic communication telegram telegrams note "
    "january february march april june july august september october november december "
    # parts of names that tell no subject alone: "Southern Rhodesia" is not "southern Lebanon",
    # and "Democratic Republic of the Congo" not any democratic republic
    "southern northern eastern western central south north east west democratic people's "
    "kingdom islamic federal "
    # bodies many titles name ("the Atomic Energy Commission", "a Commission of Investigation
    # concerning Greek frontier incidents"): the word alone tells no subject
    "commission commissions committee committees".split()
)


def topic_terms(topic: str) -> set[str]:
    """Words that show an article is about a meeting's topic (its own words plus aliases)."""
    low = re.sub(r"(?i)^security council resolution \d+ \(\d{4}\)\s*\[?(on )?", "", topic).lower()
    terms = {w for w in re.findall(r"[a-z][a-z'-]{3,}", low) if w not in STOP}
    for pattern, words in load_json("topics.json")["aliases"].items():
        if re.search(rf"\b(?:{pattern})", low):  # "mali" is no part of "Somalia"
            terms |= set(words)
    # "the India-Pakistan question" is what an "Indian-Pakistani" war is about
    return terms | {adj for state, adj in _adjectives() if re.search(rf"\b{state}\b", low)}


@functools.cache
def _adjectives() -> tuple[tuple[str, str], ...]:
    """(state, adjective) pairs in lower case: "india" and "indian", "syria" and "syrian"."""
    pairs = list(load_json("countries.json")["demonyms"].items())
    # (the adjectives of states with no demonym there, kept for topics alone)
    pairs += [
        (a, s) for a, states in load_json("topics.json")["adjectives"].items() for s in states
    ]
    return tuple(
        (re.escape(state.lower()), adj)
        for adj, state in pairs
        if len(adj) > 3 and "." not in adj and adj != state.lower()
    )


@functools.lru_cache(maxsize=4096)
def _other_states_masked(topic: str, text: str) -> str:
    """The text in lower case without the names of other states that hold a topic's word
    ("South Africa" in a story, for a title on conflict in "Africa"; "South Sudan" for "the
    Sudan"; "Equatorial Guinea" for "Guinea"): a state the title does not name is another
    subject. A formal name of the title's own state ("the Republic of Mali") stays."""
    low, title = text.lower(), topic.lower()
    if not _compound_states().search(low):
        return low
    # (the title's own state under another of its names: "North Korea" for the DPRK)
    own = {countries.canonical(m[0]) for m in _compound_states().finditer(title)}

    def keep(m: re.Match[str]) -> str:
        name, canon = m[0], countries.canonical(m[0])
        if name in title or canon.lower() in title or canon in own:
            return name
        return " " * len(name)

    return _compound_states().sub(keep, low)


@functools.cache
def _compound_states() -> re.Pattern[str]:
    """Every state name of more than one word the countries data knows, longest first."""
    names = [n.removeprefix("the ") for n in countries.known_names()[0]]
    multi = sorted({n for n in names if " " in n or "-" in n}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in multi) + r")\b")


def _term(term: str) -> str:
    """A term as a pattern; a plural also in the singular ("the Comoros": "the Comoro
    Islands", "the Falklands": "the Falkland Islands"), a word also in the plural ("terrorist
    acts": "terrorists", "sanction": "sanctions")."""
    if len(term) > 5 and term.endswith("s") and not term.endswith("ss"):
        return rf"\b{re.escape(term[:-1])}s?\b"
    if len(term) > 3 and term[-1].isalpha():
        return rf"\b{re.escape(term)}(?:s|es)?\b"
    return rf"\b{re.escape(term)}\b"


def topic_fit(topic: str, text: str) -> int:
    """How many of a topic's terms the text uses (0: the text is about something else)."""
    low = _other_states_masked(topic, text)
    return sum(1 for term in topic_terms(topic) if re.search(_term(term), low))


def topic_score(topic: str, text: str) -> float:
    """Like `topic_fit`, but a word of the topic itself ("Iran", "Rwanda") counts twice an
    alias ("sanctions", "nuclear"), which many subjects share."""
    low = _other_states_masked(topic, text)
    own = {w for w in re.findall(r"[a-z][a-z'-]{3,}", topic.lower()) if w not in STOP}
    score = 0.0
    for term in topic_terms(topic):
        if re.search(_term(term), low):
            score += 2.0 if term in own else 1.0
    return score
