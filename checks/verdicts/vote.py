"""Rules for vote tallies: counts, "unanimous", vetoes and who voted how, compared with the
decision the linking step chose (`checks.linking`).

Small steps, one question each: which decision (link), what the record lets us compare
(counts, unanimity, veto, members), and whether a mismatch may be called a contradiction (the
link did not lean on the value under test, and no other decision in reach matches the claim).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from checks import countries
from checks.errors import SourceError
from checks.extract.context import council_size
from checks.linking import Link, decision_evidence, decisive_link, label, link_decision
from checks.models import Claim, Evidence, Verdict
from checks.sources.base import Query
from checks.verdicts.base import CheckContext, evidence, long_date, make, vote_text
from checks.verdicts.charter import check_elected_veto
from checks.verdicts.numbers import OTHER_COUNCILS

RULE, VERSION = "vote.compare_record", "v2"
KEYS = (("for", 0, "in favour"), ("against", 1, "against"), ("abstain", 2, "abstentions"))
MEMBER_KEYS = (
    ("in_favour", "Y", "in favour"),
    ("against_members", "N", "against"),
    ("abstaining", "A", "abstaining"),
    ("absent", "NV", "absent or not voting"),
)
#: The count each list of names belongs to.
COUNT_OF = {"in_favour": "for", "against_members": "against", "abstaining": "abstain"}


def claimed_text(value: dict) -> str:
    parts = [f"{value[k]} {word}" for k, _, word in KEYS if value.get(k) is not None]
    if value.get("unanimous"):
        parts.insert(0, "unanimous")
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
    counts = [claim.value.get(k) for k in ("for", "against", "abstain")]
    if any(isinstance(n, int) and n > council_size(on) for n in counts):
        return f"A count above {council_size(on)} cannot be a Security Council vote"
    return None


@dataclass
class Comparison:
    """What was compared with one decision's record, what differed, and what could not be."""

    checked: list[str] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (reason code, words)
    unchecked: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def matches(self) -> bool:
        return bool(self.checked) and not self.problems


# --- the steps ---------------------------------------------------------------------------------
def compare_counts(value: dict, d: Any, out: Comparison) -> None:
    said = [
        k for k, _, _ in KEYS if value.get(k) is not None and k not in value.get("inferred", [])
    ]
    if not said:
        return
    if d.vote is None:
        why = "the records disagree on it" if "vote" in (d.disputes or {}) else "none is recorded"
        if d.without_vote:
            why = "it was adopted without a vote"
        out.unchecked.append(f"the counts ({why})")
        return
    out.checked.append("the counts")
    for key, i, word in KEYS:
        if key in said and value[key] != d.vote[i]:
            out.problems.append(
                ("vote.counts_differ", f"{value[key]} {word} (record: {d.vote[i]})")
            )


def compare_shortfall(value: dict, d: Any, out: Comparison) -> None:
    """ "Failed to garner the nine votes needed": fewer votes in favour than the number said."""
    needed = value.get("for_below")
    if not isinstance(needed, int):
        return
    if d.vote is None:
        out.unchecked.append("the shortfall (no tally is recorded)")
        return
    out.checked.append("the shortfall")
    if d.outcome == "adopted" or d.vote[0] >= needed:
        out.problems.append(
            ("vote.not_short", f"fewer than {needed} in favour (record: {d.vote[0]}, {d.outcome})")
        )


def compare_unanimity(value: dict, d: Any, out: Comparison) -> None:
    if not value.get("unanimous"):
        return
    if d.without_vote:
        out.unchecked.append("unanimity (adopted without a vote)")
        return
    if d.vote is None:
        out.unchecked.append("unanimity (no agreed count on record)")
        return
    out.checked.append("unanimity")
    if d.vote[1] or d.vote[2] or d.vote[0] < council_size(d.date):
        out.problems.append(
            ("vote.not_unanimous", f"unanimous, but the record is {vote_text(d.vote)}")
        )


def _vetoers(d: Any) -> set[str]:
    recorded = {countries.canonical(c) for c in d.vetoed_by}
    if not recorded and d.members:
        recorded = {
            n for n, v in d.members.items() if v == "N" and countries.is_permanent_member(n)
        }
    return recorded


def compare_veto(value: dict, d: Any, out: Comparison) -> None:
    """A veto is a permanent member's negative vote on a draft that had the votes to pass.
    "The draft was vetoed" (no holder named) is compared on the outcome alone."""
    if not value.get("vetoed_by") and not value.get("vetoed"):
        return
    if "outcome" in (d.disputes or {}):
        # The sources disagree on whether it was vetoed at all: decide nothing on it.
        out.unchecked.append("the veto (the records disagree on the outcome)")
        return
    out.checked.append("the veto")
    if d.outcome != "vetoed":
        needed = 9 if council_size(d.date) == 15 else 7
        if d.vote and d.vote[0] < needed:
            words = (f"not vetoed: the draft failed for lack of votes ({d.vote[0]} in favour, "
                     f"{needed} needed)")  # fmt: skip
        else:
            words = f"the record does not show a veto ({d.outcome})"
        out.problems.append(("vote.not_vetoed", words))
        return
    recorded = _vetoers(d)
    said = {countries.canonical(c) for c in value.get("vetoed_by") or []}
    if said and recorded and said != recorded:
        out.problems.append(
            (
                "vote.veto_differs",
                f"vetoed by {', '.join(sorted(said))} (record: {', '.join(sorted(recorded))})",
            )
        )


def compare_members(value: dict, members: dict[str, str], out: Comparison) -> None:
    """Each member the claim names, against the per-member record. A partial list ("eleven,
    including A, B and C") is checked name by name, never by its length."""
    by_vote: dict[str, set[str]] = {"Y": set(), "N": set(), "A": set(), "NV": set()}
    for name, vote in members.items():
        if vote in by_vote:
            by_vote[vote].add(name)
    out.checked.append("who voted how")
    for key, code, word in MEMBER_KEYS:
        said = {_on_roll(members, countries.canonical(n)) for n in value.get(key) or []}
        unknown = {n for n in said if n not in members}
        if unknown:
            out.unchecked.append(f"{', '.join(sorted(unknown))} (not on the Council's roll here)")
        wrong = said - unknown - by_vote[code]
        if wrong:
            out.problems.append(
                (
                    "vote.member_differs",
                    f"{', '.join(sorted(wrong))} not recorded as {word} "
                    f"(record: {', '.join(sorted(by_vote[code])) or 'none'})",
                )
            )
        count = value.get(COUNT_OF.get(key, ""))
        if COUNT_OF.get(key) in value.get("inferred", []):
            count = None
        complete = not value.get("partial_list") and count is not None and said
        if complete and 2 * len(said) < count:
            pass  # "nine votes ... supported by Russia and China": examples, checked by name
        elif complete and len(said) < count:
            # "Six countries - A, B, C, D, A and E": fewer distinct names than the count.
            out.unchecked.append(f"the list {word} (it names {len(said)} of {count})")
        elif complete and len(said) == count and by_vote[code] - said:
            out.problems.append(
                (
                    "vote.member_differs",
                    f"the list {word} leaves out {', '.join(sorted(by_vote[code] - said))} "
                    f"(record: {', '.join(sorted(by_vote[code]))})",
                )
            )
        exclusive = value.get("only") and key == "in_favour" and not value.get("partial_list")
        if exclusive and said and by_vote[code] - said:
            out.problems.append(
                (
                    "vote.member_differs",
                    f"not only {', '.join(sorted(said))}: the record also has "
                    f"{', '.join(sorted(by_vote[code] - said))} in favour",
                )
            )


def _on_roll(members: dict[str, str], canon: str) -> str:
    """The name the roll of the day gives a member's seat ("Russia" sat as the "USSR")."""
    return next((n for n in countries.seat_names(canon) if n in members), canon)


def _named_members(value: dict) -> bool:
    return any(value.get(k) for k, _c, _w in MEMBER_KEYS)


def member_votes(ctx: CheckContext, d: Any) -> tuple[dict[str, str] | None, list[Evidence], str]:
    """Who voted how: the decision's own record, else the UN Digital Library's voting record."""
    if d.members:
        return dict(d.members), [], ""
    source = ctx.services.undl
    if source is None:
        return None, [], ""
    if d.number:
        query = Query(kind="resolution", value=str(d.number), year=d.date.year if d.date else None)
    else:
        query = Query(kind="draft", value=d.draft or d.key)
    try:
        records = ctx.search(source, query)
    except SourceError as exc:
        return None, [], f" (The per-member record could not be reached: {exc}.)"
    for record in records:
        votes = record.fields.get("votes")
        if record.fields.get("record_type") == "voting" and votes:
            members = {countries.canonical(n.title()): v for n, v in votes.items()}
            listed = ", ".join(f"{n} {v or 'non-voting'}" for n, v in sorted(members.items()))
            return members, [evidence(record, "Per-member votes: " + listed)], ""
    return None, [], " (No per-member record was found for it.)"


def compare(value: dict, d: Any, ctx: CheckContext | None) -> tuple[Comparison, str]:
    """Every checkable part of the claim against decision `d`."""
    out = Comparison()
    compare_unanimity(value, d, out)
    compare_counts(value, d, out)
    compare_shortfall(value, d, out)
    compare_veto(value, d, out)
    note = ""
    if _named_members(value):
        members = dict(d.members) if d.members else None
        if members is None and ctx is not None:
            members, ev, note = member_votes(ctx, d)
            out.evidence += ev
        if members:
            compare_members(value, members, out)
        else:
            out.unchecked.append("which members voted how")
    return out, note


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
    by_charter = check_elected_veto(claim, claimed, RULE, VERSION)
    if by_charter is not None:
        return by_charter
    link = link_decision(ctx, claim)
    if link.decision is None:
        return _no_link(link, claimed)
    d = link.decision
    result, note = compare(stated(claim), d, ctx)
    if "outcome" in link.leaned_on and "the shortfall" in result.checked:
        # the outcome words chose the failed draft: its shortfall proves nothing more
        result.checked.remove("the shortfall")
        result.unchecked.append("the shortfall (the outcome words chose this decision)")
        result.problems = [p for p in result.problems if p[0] != "vote.not_short"]
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
            f"checked.{note} {chosen}",
            RULE,
            VERSION,
            reason="vote.partly_checked",
            **common,
        )
    return make(
        "supported",
        f"The article says {claimed}; the record of {label(d)} says {vote_text(d.vote)}. "
        f"Checked: {', '.join(result.checked)}. {chosen}",
        RULE,
        VERSION,
        reason="vote.members_match" if "who voted how" in result.checked else "vote.counts_match",
        **common,
    )


def stated(claim: Claim) -> dict:
    """The claim's value with counts the text does not state marked as inferred: "France
    voted against it" names one member; it does not say one vote was cast against."""
    value = dict(claim.value)
    # Only permanent members veto: "Bolivia joined the veto" means Bolivia voted no.
    vetoers = value.get("vetoed_by") or []
    joined = [n for n in vetoers if not countries.is_permanent_member(n)]
    if joined:
        value["vetoed_by"] = [n for n in vetoers if n not in joined]
        value["against_members"] = [*(value.get("against_members") or []), *joined]
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
    line = f"{d.key} ({long_date(d.date)}): {d.outcome}, {vote_text(d.vote)}"
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
    leaned = bool(link.leaned_on) and bool(
        codes & {"vote.member_differs", "vote.veto_differs", "vote.not_vetoed"}
    )
    others = [
        c.decision
        for c in link.candidates
        if c.decision.key != d.key and compare(stated(claim), c.decision, None)[0].matches
    ]
    if others or leaned or not decisive_link(link) or getattr(d, "unchecked", ()):
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
            f"counts ({vote_text(d.vote)}), but not on the members: {wrong}. {chosen}",
            RULE,
            VERSION,
            reason="vote.members_differ_counts_match",
            **common,
        )
    return make(
        "contradicted",
        f"The article says {common['claimed']}; the record of {label(d)} says "
        f"{vote_text(d.vote)}. Mismatch: {wrong}. {chosen}",
        RULE,
        VERSION,
        reason=result.problems[0][0],
        **common,
    )
