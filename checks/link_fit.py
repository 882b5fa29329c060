"""How what a sentence says of a vote fits a candidate decision: its outcome words, the members
it says voted a way, and whose draft it names. Scores only: `checks.linking` adds them to a
candidate's rank and records which it leaned on, so rules never contradict a claim on the
words that chose its decision.
"""

from __future__ import annotations

from typing import Any

from checks import countries
from checks.anchor import vote_on_roll

#: Outcome words of the sentence (first) against the record's outcome.
OUTCOME_FIT = {
    ("failed", "failed"): 3.0,
    ("failed", "vetoed"): -2.0,
    ("failed", "adopted"): -4.0,
    ("vetoed", "vetoed"): 3.0,
    ("vetoed", "failed"): -2.0,
    ("vetoed", "adopted"): -4.0,
    ("not_adopted", "vetoed"): 3.0,
    ("not_adopted", "failed"): 3.0,
    ("not_adopted", "adopted"): -4.0,
    ("adopted", "adopted"): 2.0,
    ("adopted", "vetoed"): -4.0,
    ("adopted", "failed"): -4.0,
}


def members_fit(value: dict, d: Any) -> float | None:
    """Members the claim says voted a way, against the record (when it has per-member votes).
    None when the record has a roll and none of the states named sat on it: that cannot be
    the vote the claim describes."""
    if not d.members and not d.vetoed_by:
        return 0.0
    score = 0.0
    said = [(n, "N") for n in value.get("vetoed_by") or []]
    for key, code in (("in_favour", "Y"), ("against_members", "N"), ("abstaining", "A")):
        said += [(n, code) for n in value.get(key) or []]
    said = [(n, code) for n, code in said if countries.is_known(n)]
    on_roll = 0
    for name, code in said:
        canon = countries.canonical(name)
        if d.members:
            got = vote_on_roll(d.members, canon)
            if canon not in d.members and not countries.is_member_state(canon):
                got = None  # "the USSR's veto" is no vote of the Russian Federation (1992 on)
            if got is not None:
                on_roll += 1
                score += 0.5 if got == code else -0.5
        elif code == "N" and d.vetoed_by:
            seats = {countries.seat(countries.canonical(v)) for v in d.vetoed_by}
            score += 0.5 if countries.seat(canon) in seats else -0.5
    if d.members and said and not on_roll:
        return None
    return score


#: How the vote of a state named as a draft's sponsor fits the draft: a sponsor votes for its
#: own text, and never against it (a permanent member never vetoes its own draft).
SPONSOR_FIT = {"Y": 1.0, "A": -1.0, "NV": -1.0, "N": -4.0}


def sponsor_fit(sponsors: list[str], d: Any) -> float:
    """How well the states named as the draft's sponsors ("the Russian text", "a draft
    proposed by France and the UAE") fit the record's roll; 0 without a roll or a sponsor on
    it. Ranks only: the words could be misread, so a link that needed them never contradicts
    (see `Link.leaned_on`)."""
    if not sponsors or not d.members:
        return 0.0
    votes = [vote_on_roll(d.members, countries.canonical(name)) for name in sponsors]
    return sum(SPONSOR_FIT.get(v, 0.0) for v in votes if v is not None)


def distinctive_match(claim: Any, d: Any) -> bool:
    """A tally that few votes share ("11 in favour, with Russia and Bolivia against and China
    and Kazakhstan abstaining": a split count, or three members named against, abstaining or
    vetoing), which the record matches in every count and member it gives:
    the text's vote, even when the record's subject ("Middle East", a bare letter's title)
    fits none of the story's words. Unanimity or a lone count is shared by many votes, so it
    never counts. Ranks only, never sure: a record that matches can support, not refute."""
    said, counts = _said(claim)
    # (members named as voting for it are no sign: every member voted for a unanimous text)
    named = sum(len(said.get(k) or []) for k in NAMED_KEYS)
    split = len(counts) >= 2 and any(counts.get(k) for k in ("against", "abstain"))
    if said.get("unanimous") or not (split or named >= 3):
        return False
    return _record_matches(said, d)


NAMED_KEYS = ("against_members", "abstaining", "vetoed_by")


def _said(claim: Any) -> tuple[dict, dict]:
    """The claim's value as the vote rule compares it, and the counts the text states (not
    inferred from a list of names)."""
    from checks.verdicts.vote import stated  # (rules import linking: imported when called)

    said = stated(claim)
    inferred = set(said.get("inferred") or [])
    counts = {k: said[k] for k in ("for", "against", "abstain")
              if said.get(k) is not None and k not in inferred}  # fmt: skip
    return said, counts


def _record_matches(said: dict, d: Any) -> bool:
    from checks.verdicts.vote_compare import compare  # (imported when called, as above)

    return compare(said, d, None)[0].matches


def count_match(claim: Any, d: Any) -> bool:
    """The record has every count the sentence states and agrees on every member it names:
    among decisions of one day that fit the sentence equally well ("Russia's draft received
    six votes", when two Russian drafts failed that day; "China and Kazakhstan abstained", of
    the vetoed draft and not the resolution adopted unanimously that day), the one the words
    belong to. A lone count is no sign across days or subjects (see `distinctive_match`);
    within one day's tie it is."""
    said, counts = _said(claim)
    named = any(said.get(k) for k in (*NAMED_KEYS, "in_favour"))
    return bool(counts or named) and _record_matches(said, d)


def tally_chosen(claim: Any, tied: list) -> list:
    """The tied candidates whose record matches the tally the sentence gives: a distinctive
    one among any candidates; any stated count among drafts of one day, unless the sentence's
    words already tell which draft it means ("the second draft")."""
    if claim.type != "vote":
        return []
    full = [c for c in tied if distinctive_match(claim, c.decision)]
    one_day = len({c.decision.date for c in tied}) == 1
    if len(full) != 1 and one_day and not claim.links.get("which_of_several"):
        full = [c for c in tied if count_match(claim, c.decision)]
    return full
