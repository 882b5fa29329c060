"""Rules for vote tallies: counts, "unanimous", vetoes and who voted how, compared with the
decision the linking step chose (`checks.linking`).

Small steps, one question each: which decision (link), what the record lets us compare
(counts, unanimity, veto, members), and whether a mismatch may be called a contradiction (the
link did not lean on the value under test, and no other decision in reach matches the claim).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from checks.decision_text import decision_evidence, label
from checks.errors import SourceError
from checks.extract.context import council_size
from checks.link_days import candidate_days
from checks.link_fit import members_fit
from checks.link_model import Link, decisive_link
from checks.linking import decisions_on, link_decision
from checks.models import Claim, Verdict
from checks.verdicts.base import CheckContext, long_date, make, record_vote
from checks.verdicts.charter import check_elected_veto
from checks.verdicts.numbers import OTHER_COUNCILS
from checks.verdicts.vote_compare import COUNT_OF, KEYS, MEMBER_KEYS, Comparison, compare

RULE, VERSION = "vote.compare_record", "v2"


def claimed_text(value: dict) -> str:
    """What the text says of the vote, in words; counts it does not state (worked out from
    a list of names) are not put in its mouth."""
    inferred = set(value.get("inferred") or [])
    parts = [
        f"{value[k]} {word}"
        for k, _, word in KEYS
        if value.get(k) is not None and k not in inferred
    ]
    if value.get("unanimous"):
        parts.insert(0, "unanimous")
    if isinstance(value.get("for_below"), int):
        parts.append(f"fewer than {value['for_below']} in favour")
    vetoers = [*(value.get("vetoed_by") or []), *(value.get("vetoed_by_elected") or [])]
    if vetoers:
        parts.append("vetoed by " + ", ".join(vetoers))
    for key, _code, word in MEMBER_KEYS:
        if value.get(key):
            some = "including " if value.get("partial_list") else ""
            parts.append(f"{some}{', '.join(value[key])} {word}")
    return "; ".join(parts) or "a vote"


GENERAL_ASSEMBLY = re.compile(r"(?i)\b(general\s+assembly|UNGA|193-(member|nation))\b")


def other_body(claim: Claim, on: date | None) -> str | None:
    """Why a tally is not a Security Council vote, or None when it may be one."""
    if GENERAL_ASSEMBLY.search(claim.sentence) and not re.search(
        r"(?i)security\s+council", claim.sentence
    ):
        return "The sentence is about the General Assembly"
    other = OTHER_COUNCILS.search(claim.sentence)
    if other and not re.search(r"(?i)security\s+council", claim.sentence):
        return f"The sentence is about the {other.group(0)}"
    voter = claim.links.get("voter")  # read at extraction (checks/extract/voters.py)
    if voter:
        return f"The sentence says the {voter} voted, not the Security Council"
    counts = [claim.value.get(k) for k in ("for", "against", "abstain")]
    if any(isinstance(n, int) and n > council_size(on) for n in counts):
        return f"A count above {council_size(on)} cannot be a Security Council vote"
    return None


# --- the rule ----------------------------------------------------------------------------------
def check_vote(claim: Claim, ctx: CheckContext) -> Verdict:
    claimed = claimed_text(claim.value)
    elsewhere = other_body(claim, ctx.article_date)
    if elsewhere:
        return make(
            "unverifiable",
            f"{elsewhere}; the workbench checks Security Council votes only.",
            RULE,
            VERSION,
            claimed=claimed,
            reason="vote.other_body",
        )
    if claim.links.get("procedural") and not claim.links.get("resolution"):
        return make(
            "unverifiable",
            "The sentence tells of a vote on procedure (an item put on the agenda, an "
            "adjournment), not on a draft: the records of decisions hold no such vote.",
            RULE,
            VERSION,
            claimed=claimed,
            reason="vote.procedural",
        )
    by_charter = check_elected_veto(claim, claimed, RULE, VERSION)
    if by_charter is not None:
        return by_charter
    link = link_decision(ctx, claim)
    if link.decision is None:
        return _every_tied_agrees(claim, ctx, link, claimed) or _no_link(link, claimed)
    d = link.decision
    result, note = _compared(claim, d, link, ctx)
    ev = decision_evidence(d, _record_line(d)) + result.evidence
    found = _record_line(d)
    chosen = f"Decision: {label(d)}, chosen as {link.why}."
    if link.runner_up is not None:
        chosen += f" Runner-up: {label(link.runner_up.decision)}."
    common = {"evidence": ev, "claimed": claimed, "found": found, "decision": link.to_dict()}
    if result.problems:
        return _mismatch(claim, ctx, link, result, chosen, common)
    if not result.checked:
        return make(
            "unverifiable",
            f"Nothing in the claim could be compared with {label(d)}: "
            f"{'; '.join(result.unchecked) or 'no counts or names'}.{note} {chosen}",
            RULE,
            VERSION,
            reason="vote.disputed_record"
            if "vote" in (d.disputes or {})
            else "vote.nothing_checked",
            **common,
        )
    if result.unchecked:
        return make(
            "partly_supported",
            f"The article says {claimed}; the record of {label(d)} agrees on "
            f"{', '.join(result.checked)}, but {'; '.join(result.unchecked)} could not be "
            f"checked.{_noted(result.notes)}{note} {chosen}",
            RULE,
            VERSION,
            reason="vote.partly_checked",
            **common,
        )
    return make(
        "supported",
        f"The article says {claimed}; the record of {label(d)} says {record_vote(d)}. "
        f"Checked: {', '.join(result.checked)}.{_noted(result.notes)} {chosen}",
        RULE,
        VERSION,
        reason="vote.members_match" if "who voted how" in result.checked else "vote.counts_match",
        **common,
    )


def _compared(claim: Claim, d: Any, link: Link, ctx: CheckContext) -> tuple[Comparison, str]:
    result, note = compare(stated(claim), d, ctx)
    if "outcome" in link.leaned_on and "the shortfall" in result.checked:
        # the outcome words chose the failed draft: its shortfall proves nothing more
        result.checked.remove("the shortfall")
        result.unchecked.append("the shortfall (the outcome words chose this decision)")
        result.problems = [p for p in result.problems if p[0] != "vote.not_short"]
    return result, note


def _every_tied_agrees(claim: Claim, ctx: CheckContext, link: Link, claimed: str) -> Verdict | None:
    """Two decisions fit the sentence equally well ("the Russian draft failed", when Russia
    put two drafts to the vote that day and both failed): the claim is borne out if the record
    of each agrees with everything compared; otherwise None (the tie stays undecided)."""
    if not link.tied:
        return None
    results = [(c.decision, _compared(claim, c.decision, link, ctx)[0]) for c in link.tied]
    if any(r.problems or not r.checked for _d, r in results):
        return None
    checked = [w for w in results[0][1].checked if all(w in r.checked for _d, r in results)]
    unchecked = list(dict.fromkeys(w for _d, r in results for w in r.unchecked))
    if not checked:
        return None
    if unchecked and len({d.date for d, _r in results}) > 1:
        return None  # votes of several days, each leaving a part open: too loose to weigh
    names = " and ".join(label(d) for d, _r in results)
    notes = [f"{label(d)}: {n}" for d, r in results for n in r.notes]
    ev = [e for d, r in results for e in decision_evidence(d, _record_line(d)) + r.evidence]
    body = (
        f"The article says {claimed}. Two or more decisions fit the sentence equally well "
        f"({names}), and the record of each agrees on {', '.join(checked)}"
    )
    common = {
        "evidence": ev,
        "claimed": claimed,
        "found": "; ".join(_record_line(d) for d, _r in results),
        "decision": link.to_dict(),
    }
    if unchecked:
        return make(
            "partly_supported",
            f"{body}; {'; '.join(unchecked)} could not be checked.",
            RULE,
            VERSION,
            reason="vote.partly_checked",
            **common,
        )
    return make(
        "supported", f"{body}.{_noted(notes)}", RULE, VERSION, reason="vote.every_tied_agrees",
        **common,
    )  # fmt: skip


def _noted(notes: list[str]) -> str:
    """What the record adds beyond the claim, for the explanation (" Note: ...")."""
    return f" Note: {'; '.join(notes)}." if notes else ""


def stated(claim: Claim) -> dict:
    """The claim's value with counts the text does not state marked as inferred: "France
    voted against it" names one member; it does not say one vote was cast against."""
    value = dict(claim.value)  # (an elected member named as vetoing was decided by the Charter)
    if NUMERAL.search(claim.text):
        return value
    inferred = list(value.get("inferred", []))
    for names, count in COUNT_OF.items():
        if value.get(count) is not None and value.get(count) == len(value.get(names) or []):
            inferred.append(count)
    value["inferred"] = inferred
    return value


NUMERAL = re.compile(
    r"(?i)\d|\b(none|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|unanimous\w*|all)\b"
)


def _record_line(d: Any) -> str:
    line = f"{d.key} ({long_date(d.date)}): {d.outcome}, {record_vote(d)}"
    if d.vetoed_by:
        line += f", vetoed by {', '.join(d.vetoed_by)}"
    return line


def _no_link(link: Link, claimed: str) -> Verdict:
    codes = {
        "link.ambiguous": "vote.link_ambiguous",
        "link.not_reached": "vote.not_reached",
        "link.other_time": "vote.other_time",
    }
    return make(
        "unverifiable",
        f"Could not tell which Council vote this is about. {link.note} "
        "Cite the resolution or draft symbol to check it.",
        RULE,
        VERSION,
        claimed=claimed,
        reason=codes.get(link.reason, "vote.no_link"),
        decision=link.to_dict() if link.runner_up else None,
    )


def _mismatch(
    claim: Claim, ctx: CheckContext, link: Link, result: Comparison, chosen: str, common: dict
) -> Verdict:
    """A contradiction only when the link is sure, did not lean on what differs, and no other
    decision in reach matches the claim; otherwise say which decision the text may mean."""
    d = link.decision
    wrong = "; ".join(words for _code, words in result.problems)
    codes = {code for code, _w in result.problems}
    # a link that needed the sponsor's name (words that could be misread) never contradicts
    leaned = "sponsor" in link.leaned_on or (
        bool(link.leaned_on)
        and bool(
            codes
            & {"vote.member_differs", "vote.veto_differs", "vote.not_vetoed", "vote.not_on_council"}
        )
    )
    # a tally whose counts and most named members both differ from the record ("passed by
    # seven votes with the U.K., the U.S.S.R., Poland and Colombia abstaining", against an
    # 11-0-0 decision): more likely another vote than a claim wrong in every part
    another_vote = (
        not link.named and "vote.counts_differ" in codes and (members_fit(claim.value, d) or 0) < 0
    )
    others = [
        c.decision
        for c in link.candidates
        if c.decision.key != d.key and compare(stated(claim), c.decision, None)[0].matches
    ]
    others = others or ([] if link.named else _matching_on_the_days(claim, ctx, d))
    if others or leaned or another_vote or not decisive_link(link) or getattr(d, "unchecked", ()):
        maybe = f" The text may mean {label(others[0])}, whose record matches." if others else ""
        return make(
            "unverifiable",
            f"The article says {common['claimed']}; {label(d)} differs ({wrong}), but the "
            f"link is not sure enough to call the article wrong.{maybe} {chosen}",
            RULE,
            VERSION,
            reason="vote.link_ambiguous",
            **common,
        )
    if codes == {"vote.member_differs"} and "the counts" in result.checked:
        # The tally is right and only what it says of some members is not ("12 supported it,
        # while Britain and Switzerland were absent", when both abstained): part of the claim
        # holds, so the claim is not called false as a whole; the wrong part is named.
        return make(
            "partly_supported",
            f"The article says {common['claimed']}; the record of {label(d)} agrees on the "
            f"counts ({record_vote(d)}), but not on the members: {wrong}. {chosen}",
            RULE,
            VERSION,
            reason="vote.members_differ_counts_match",
            **common,
        )
    return make(
        "contradicted",
        f"The article says {common['claimed']}; the record of {label(d)} says "
        f"{record_vote(d)}. Mismatch: {wrong}. {chosen}",
        RULE,
        VERSION,
        reason=result.problems[0][0],
        **common,
    )


def _matching_on_the_days(claim: Claim, ctx: CheckContext, chosen: Any) -> list[Any]:
    """Decisions of the days in reach whose record matches the claim in full, whatever their
    subject: a vetoed draft filed under its agenda item alone ("The situation in the Middle
    East") fits no story's words, yet may be the vote the sentence tells of. While one matches,
    the claim is not called false."""
    said = stated(claim)
    given = [k for k in (*COUNT_OF.values(), *COUNT_OF) if said.get(k) not in (None, [])]
    if not set(given) - set(said.get("inferred") or []):
        return []  # "the Council vetoed it" fits any veto of those days: it shows nothing
    days = {day for day, _where in candidate_days(ctx, claim)[0]} | {chosen.date} - {None}
    try:
        return [d for day in sorted(days) for d in decisions_on(ctx, day)
                if d.key != chosen.key and compare(said, d, None)[0].matches]  # fmt: skip
    except SourceError:
        return []
