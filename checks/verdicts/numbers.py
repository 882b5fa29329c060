"""Rules for figures: the Council's own rules (Charter facts), counts derivable from the
records ("the third resolution this year on North Korea"), and calendar arithmetic.

A Charter figure is compared with the rules in force at the time the sentence speaks of
(`claim.links["time"]`) and at the article's date: "the 11-member Council" of a sentence about
1960 is right, and "the 15-member Council" in a sentence about 1946 describes the Council as the
writer knows it (a note, not an error). Each rule answers one question and sets a reason code.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from checks.extract.context import council_size
from checks.models import Claim, Evidence, Verdict
from checks.verdicts.base import CheckContext, evidence, long_date, topic_fit
from checks.verdicts.charter_figures import (  # (re-exported: other rules import them here)
    MEMBER_UNITS,
    OTHER_COUNCILS,
    about_the_security_council,
    charter_evidence,
    charter_figure,
    compare_figure,
    era_of_text,
    figure_verdict,
    sentence_day,
    size_why,
    story_times,
    unit_word,
    votes_needed,
    votes_why,
)


def check_number(claim: Claim, ctx: CheckContext) -> Verdict:
    value, unit = claim.value.get("value"), claim.value.get("unit", "")
    sentence = claim.sentence
    claimed = f"{value} {unit}".strip()
    if claim.value.get("qualifier"):
        claimed = f"{claim.value['qualifier']} {claimed}"
    on = sentence_day(claim, ctx.article_date)  # when the sentence speaks of
    for rule in (
        _council_size,
        _affirmative_votes,
        _permanent_members,
        _ordinal_resolution,
        _days_to_us_election,
    ):
        verdict = rule(claim, ctx, value, unit, sentence, on, claimed)
        if verdict is not None:
            return verdict
    return figure_verdict(
        "unverifiable",
        "number.no_rule",
        f'No rule or record in reach checks "{claim.text}"; verify '
        "the figure against its original source.",
        claimed=claimed,
    )


#: Words that make a count a part of the Council: "the other four", "the remaining 14".
SUBSET_BEFORE = re.compile(r"(?i)\b(other|remaining|rest\s+of\s+the|all\s+but|except)\s*$")
#: Before a count of permanent members that is all of them ("the Council's four", "it has
#: four"), not "the two permanent members" pointing back to two named before.
PERMANENT_WHOLE_BEFORE = re.compile(
    r"(?i)\b(its|their|council['’]s|body['’]s|has|have|had|are|were)\s+$"
)
#: After a count of members, a verb of voting makes them voters, not the Council's size:
#: "nine members of the Security Council opposed the resolution".
VOTERS_AFTER = re.compile(
    r"(?i)^[^,.;:]{0,60}?\b(vot(e|es|ed|ing)|oppos(e|es|ed|ing)|support(s|ed|ing)?|back(s|ed|ing)?|"
    r"abstain(s|ed|ing)?|reject(s|ed|ing)?|endors(e|es|ed|ing)|approv(e|es|ed|ing)|"
    r"adopt(s|ed|ing)?|pass(es|ed|ing)?|favou?r(ed)?|in\s+favou?r)\b"
)
#: "five countries, including the UK and France, ...": some members, named by example.
NAMED_AFTER = re.compile(
    r"^\s*[,(–—-]?\s*(?:[Ii]ncluding|[Aa]mong\s+them|[Ss]uch\s+as|led\s+by)\s+(?:the\s+)?[A-Z]"
)
#: "nine of the council's 15 votes", "nine out of 15 votes": the count after "of" is all of them.
OF_ALL_VOTES = re.compile(
    r"(?i)\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
    r"(?:of|out\s+of)\s+(?:the\s+)?(?:(?:UN\s+|U\.N\.\s+)?(?:security\s+)?council['’]s\s+|its\s+)?$"
)
#: Before a count of members, a word of support or voting governs it, so it counts voters:
#: "winning the support of 13 council members", "approved by 12 members".
VOTERS_BEFORE = re.compile(
    r"(?i)\b(?:(?:support|backing|votes?|approval|endorsement|opposition|abstentions?)\s+of|"
    r"(?:backed|supported|opposed|approved|endorsed|rejected|adopted|passed)\s+by)"
    r"\s+(?:(?:the|all|all\s+the|only|just|some|at\s+least|a\s+mere|a\s+total\s+of)\s+)?$"
)
#: "... members of the Security Council" after a count, and what makes it all of them.
OF_THE_COUNCIL = re.compile(
    r"(?i)^\s*of\s+the\s+(?:UN\s+|U\.N\.\s+|United\s+Nations\s+)?(?:Security\s+)?Council\b"
)
THE_WHOLE = re.compile(r"(?i)\b(the|all|all\s+the|its)\s+$")
#: What may stand between a size and its unit: "15 Council members", "15 member states".
SIZE_WORDS = frozenset({"council", "security", "member", "un", "u.n."})


def counts_a_part(claim: Claim) -> bool:
    """True when the figure counts some members, not the Council: "the other four permanent
    members", "the 10 elected members" (a word other than the unit qualifies it)."""
    before = claim.sentence[: max(0, claim.start - claim.sentence_start)]
    if SUBSET_BEFORE.search(before):
        return True
    middle = re.split(r"[\s-]+", claim.text.strip())[1:-1]  # between the figure and its unit
    return any(w.lower() not in SIZE_WORDS and unit_word(w) not in MEMBER_UNITS for w in middle)


#: Bodies a count of members may be the size of: "increased the Commission to five members",
#: "a five-member panel", "a committee of three members".
OTHER_BODY = re.compile(
    r"(?i)\b(commission|committee|sub-?committee|panel|group|mission|tribunal|court|board|"
    r"team|delegation|bureau|secretariat)s?\b"
)
#: The Council as an actor, not in a resolution's name ("Security Council Resolution 39").
_COUNCIL_WORD = re.compile(r"(?i)\bcouncil\b(?!\s+(?:resolution|res\.))")


def counts_another_body(before: str, rest: str) -> bool:
    """The count is another body's size: a body named after the last mention of the Council
    ("the Council increased the size of the Commission ... to five members"), or right after
    the figure ("a five-member panel")."""
    ends = [m.end() for m in _COUNCIL_WORD.finditer(before)]
    tail = before[ends[-1] :] if ends else before
    return bool(OTHER_BODY.search(tail)) or bool(OTHER_BODY.match(rest.lstrip()))


def _council_size(claim, ctx, value, unit, sentence, on, claimed):
    """ "The 15-member Council", "the 15-nation body": the Council's size at that time."""
    if unit_word(unit) not in MEMBER_UNITS or "permanent" in sentence.lower():
        return None
    if counts_a_part(claim):
        return None
    if not about_the_security_council(sentence) or not isinstance(value, int):
        return None
    if value not in range(5, 30):
        return None
    if re.search(r"(?i)\b(of the|out of)\s+(\d+|fifteen|eleven)\b", claim.text):
        return None
    rest = claim.sentence[claim.end - claim.sentence_start :]
    before = claim.sentence[: claim.start - claim.sentence_start]
    adjective = re.search(r"-\s*(member|nation|country|state)", claim.text)
    # "nine members of the Council opposed it", "eleven members of the Council": some of them;
    # "the 15-member body voted", "11 of the 15 members voted" are still its size
    of_council, the_whole = bool(OF_THE_COUNCIL.match(rest)), bool(THE_WHOLE.search(before))
    some = VOTERS_AFTER.match(rest) or of_council or NAMED_AFTER.match(rest)
    if some and not adjective and not the_whole:
        return None
    if VOTERS_BEFORE.search(before) and not adjective and not (of_council and the_whole):
        # "the support of 13 council members": those who voted, not the seats (but "adopted
        # by the fifteen members of the Security Council" names all of them)
        return None
    if counts_another_body(before, rest):
        return None
    if on is None and ctx.article_date is None:
        era = era_of_text(ctx)
        if era is not None and value == council_size(era):
            on = era  # supported by the era of the text's own dates (a mismatch stays unknown)
    return charter_figure(
        value,
        claimed,
        on,
        ctx.article_date,
        council_size,
        size_why,
        lambda n: f"{n} members",
        [charter_evidence("members")],
        "number.council_size",
        story_times(claim, ctx),
    )


#: Words that make a number of votes the number a decision needs ("the nine votes needed").
NEEDED = re.compile(r"(?i)\b(requir\w*|need\w*|minimum|necessary|at\s+least|enough|to\s+pass)\b")
#: Votes that are not for the text: "two negative votes", "votes against".
NOT_IN_FAVOUR = re.compile(
    r"(?i)\b(negative|against|no|abstentions?|opposing|dissenting|veto\w*)\b"
)


def _councils(claim: Claim) -> bool:
    """The sentence is the Security Council's: it names the Council, or names no body in a
    story that last named it (a General Assembly vote told the sentence before is not)."""
    links = claim.links or {}  # (the discourse body is the sentence's own when it names one)
    return links.get("discourse_body", links.get("body")) in (None, "SC")


def _affirmative_votes(claim, ctx, value, unit, sentence, on, claimed):
    """ "Adoption needs nine votes": the Charter's threshold; not a count of votes cast
    ("because of two negative votes"), which only the record of the vote can check."""
    if unit != "votes" or OTHER_COUNCILS.search(sentence) or not _councils(claim):
        return None
    if not isinstance(value, int) or value > council_size(on):
        return None  # "at least 100 votes": another body's count
    at = claim.start - claim.sentence_start
    around = sentence[max(0, at - 40) : at + len(claim.text) + 30]
    if not NEEDED.search(around) or NOT_IN_FAVOUR.search(claim.text):
        return None
    if OF_ALL_VOTES.search(sentence[:at]):
        return None  # "needed nine of the council's 15 votes": 15 is all the votes there are
    return charter_figure(
        value,
        claimed,
        on,
        ctx.article_date,
        votes_needed,
        votes_why,
        lambda n: f"{n} votes",
        [charter_evidence("affirmative_votes")],
        "number.votes_required",
        story_times(claim, ctx),
    )


def _permanent_members(claim, ctx, value, unit, sentence, on, claimed):
    if unit != "members" or not re.search(r"(?i)\bpermanent\b", claim.text):
        return None
    before = claim.sentence[: max(0, claim.start - claim.sentence_start)]
    if value != 5 and SUBSET_BEFORE.search(before):
        return None  # "the other four permanent members": four besides one already named
    if value != 5 and not PERMANENT_WHOLE_BEFORE.search(before):
        return None  # "vetoed by two permanent members": some of them, not how many there are
    if OTHER_COUNCILS.search(sentence):
        return None
    return compare_figure(
        value == 5,
        claimed,
        "5 permanent members",
        "the Council has five permanent members (UN Charter, Article 23).",
        [charter_evidence("permanent")],
        "number.permanent_members",
    )


def _ordinal_resolution(claim, ctx, value, unit, sentence, on, claimed):
    """ "X is the third resolution this year on Y": count the year's resolutions on Y."""
    if not claim.value.get("ordinal") or unit not in {"resolution", "resolutions"}:
        return None
    named = [c for c in ctx.in_sentence(claim, "resolution") if c.value.get("number")]
    records = ctx.services.records
    if (
        not named
        or records is None
        or not re.search(r"(?i)\b(this|that|the same)\s+year\b", sentence)
    ):
        return None
    target = ctx.memo(
        ("res", named[0].value["number"], None),
        lambda: records.resolution(named[0].value["number"]),
    )
    if target is None or target.date is None:
        return None
    data = records.dhl.year_data(target.year)
    if data is None:
        return None
    topic_words = sentence
    same_topic = sorted(
        (m.date, o.resolution, m.topic)
        for m, _page in data.meetings
        if m.date and m.date <= target.date
        for o in m.outcomes
        if o.resolution
        and topic_fit(m.topic, topic_words) > 0
        and topic_fit(m.topic, target.topic) > 0
    )
    position = len(same_topic)
    listed = ", ".join(f"{n} ({long_date(d)})" for d, n, _ in same_topic)
    why = (
        f"the records list {position} resolution(s) in {target.year} up to {target.symbol} on "
        f"this topic: {listed}."
    )
    ev = [evidence(target.record, f"{target.symbol}: {target.topic}")]
    found = f"number {position} in {target.year}"
    return compare_figure(position == value, claimed, found, why, ev, "number.ordinal_count")


def us_election_day(year: int) -> date:
    """The Tuesday after the first Monday in November (3 U.S.C. §1)."""
    first = date(year, 11, 1)
    first_monday = first + timedelta(days=(0 - first.weekday()) % 7)
    return first_monday + timedelta(days=1)


def _days_to_us_election(claim, ctx, value, unit, sentence, on, claimed):
    """ "With 60 days left until the US presidential election": counted from the day the
    sentence speaks of (a day it names, else the article's date)."""
    link = (getattr(claim, "links", None) or {}).get("time") or {}
    on = on if link.get("precision") == "day" else ctx.article_date
    if unit != "days" or on is None:
        return None
    if not re.search(
        r"(?i)\b(US|U\.S\.|American|United States)\s+presidential\s+election", sentence
    ):
        return None
    if not re.search(r"(?i)\b(left|until|before|to go|remain)", sentence):
        return None
    year = on.year + (4 - on.year % 4) % 4
    election = us_election_day(year)
    days = (election - on).days
    ev = [
        Evidence(
            source="calendar",
            title="3 U.S.C. §1: the Tuesday after the first Monday in November",
            url="https://www.law.cornell.edu/uscode/text/3/1",
            excerpt=f"Election day {year}: {long_date(election)}; {days} days after "
            f"{long_date(on)}.",
            retrieved_at="",
        )
    ]
    both_ends = f" ({days + 1} counting both ends)" if value != days else ""
    why = (
        f"the {year} US presidential election was on {long_date(election)}, {days} days after "
        f"{long_date(on)}{both_ends}."
    )
    return compare_figure(
        value in {days, days + 1}, claimed, f"{days} days", why, ev, "number.days_to_election"
    )
