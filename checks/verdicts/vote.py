"""Rules for vote tallies: counts, "unanimous", vetoes and who voted how."""

from __future__ import annotations

import re
from datetime import date

from checks import countries
from checks.errors import SourceError
from checks.extract.context import council_size
from checks.models import Claim, Verdict
from checks.sources.base import Query
from checks.verdicts.base import CheckContext, evidence, long_date, make, vote_text
from checks.verdicts.numbers import OTHER_COUNCILS
from checks.verdicts.targets import Target, dated_target, named_target

RULE, VERSION = "vote.compare_record", "v1"
KEYS = (("for", 0, "in favour"), ("against", 1, "against"), ("abstain", 2, "abstentions"))


def claimed_text(value: dict) -> str:
    parts = [f"{value[k]} {word}" for k, _, word in KEYS if value.get(k) is not None]
    if value.get("unanimous"):
        parts.insert(0, "unanimous")
    if value.get("vetoed_by"):
        parts.append("vetoed by " + ", ".join(value["vetoed_by"]))
    for key, word in (
        ("in_favour", "for"),
        ("against_members", "against"),
        ("abstaining", "abstaining"),
    ):
        if value.get(key):
            parts.append(f"{', '.join(value[key])} {word}")
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


def check_vote(claim: Claim, ctx: CheckContext) -> Verdict:
    elsewhere = other_body(claim, ctx.article_date)
    if elsewhere:
        return make(
            "unverifiable",
            f"{elsewhere}; the workbench checks Security Council votes only.",
            RULE,
            VERSION,
            claimed=claimed_text(claim.value),
        )
    target = named_target(ctx, claim, must_attach=True)
    note = ""
    if target is None:
        target, note = dated_target(ctx, claim)
    claimed = claimed_text(claim.value)
    if target is None:
        return make(
            "unverifiable",
            f"Could not tell which Council vote this is about. {note} "
            "Cite the resolution or draft symbol to check it.",
            RULE,
            VERSION,
            claimed=claimed,
        )
    return compare(claim.value, target, ctx, claimed)


def compare(value: dict, target: Target, ctx: CheckContext, claimed: str) -> Verdict:
    ev = [
        evidence(
            target.record,
            f"{target.symbol}: {target.status}, {vote_text(target.vote)}"
            + (f", vetoed by {', '.join(target.vetoed_by)}" if target.vetoed_by else ""),
        )
    ]
    found = f"{target.symbol} ({long_date(target.date)}): {target.status}, {vote_text(target.vote)}"
    if target.vetoed_by:
        found += f", vetoed by {', '.join(target.vetoed_by)}"
    where = f"the UN record of {target.symbol}, {long_date(target.date)}"
    if target.vote is None:
        return make(
            "unverifiable",
            f"{where} gives no vote count ({target.status}).",
            RULE,
            VERSION,
            evidence=ev,
            claimed=claimed,
            found=found,
        )
    wrong: list[str] = []
    checked: list[str] = []
    for key, i, word in KEYS:
        if value.get(key) is not None and key not in value.get("inferred", []):
            checked.append(word)
            if value[key] != target.vote[i]:
                wrong.append(f"{value[key]} {word} (record: {target.vote[i]})")
    if value.get("unanimous"):
        checked.append("unanimity")
        size = council_size(target.date)
        if target.vote[1] or target.vote[2] or target.vote[0] < size:
            wrong.append(f"unanimous, but the record is {vote_text(target.vote)}")
    if value.get("vetoed_by"):
        checked.append("veto")
        wrong += _veto_problems(value["vetoed_by"], target)
    names_unchecked = _named_members(value)
    member_note = ""
    if names_unchecked:
        members, member_record, member_note = _member_votes(ctx, target)
        if members is not None:
            problems = _member_problems(value, members)
            ev.append(
                evidence(
                    member_record,
                    "Per-member votes: "
                    + ", ".join(
                        f"{name} {vote or 'non-voting'}" for name, vote in sorted(members.items())
                    ),
                )
            )
            wrong += problems
            checked.append("who voted how")
            names_unchecked = False
    if value.get("only") and value.get("for") is not None and not wrong:
        checked.append("only these supported it")
    if wrong:
        return make(
            "contradicted",
            f"The article says {claimed}; {where} says "
            f"{vote_text(target.vote)} ({target.status}). Mismatch: {'; '.join(wrong)}. "
            f"Decision chosen as {target.how}.",
            RULE,
            VERSION,
            evidence=ev,
            claimed=claimed,
            found=found,
        )
    if not checked:
        return make(
            "unverifiable",
            "The claim names members but no counts; the per-member "
            f"record is needed to check them. The tally was {vote_text(target.vote)}.",
            RULE,
            VERSION,
            evidence=ev,
            claimed=claimed,
            found=found,
        )
    if names_unchecked:
        return make(
            "partly_supported",
            f"The counts match {where} ({vote_text(target.vote)}), "
            f"but which members voted how is not in this record.{member_note}",
            RULE,
            VERSION,
            evidence=ev,
            claimed=claimed,
            found=found,
        )
    return make(
        "supported",
        f"The article says {claimed}; {where} says {vote_text(target.vote)} "
        f"({target.status}). Checked: {', '.join(checked)}. Decision chosen as "
        f"{target.how}.",
        RULE,
        VERSION,
        evidence=ev,
        claimed=claimed,
        found=found,
    )


def _veto_problems(claimed_by: list[str], target: Target) -> list[str]:
    """A veto is a permanent member's negative vote on a draft that had the votes to pass."""
    size = council_size(target.date)
    needed = 9 if size == 15 else 7
    problems = []
    if target.status != "vetoed":
        if target.vote and target.vote[0] < needed:
            problems.append(
                f"not vetoed: the draft failed for lack of votes ({target.vote[0]} "
                f"in favour, {needed} needed)"
            )
        else:
            problems.append(f"the record does not show a veto (status: {target.status})")
        return problems
    recorded = {countries.canonical(c) for c in target.vetoed_by}
    said = {countries.canonical(c) for c in claimed_by}
    if said != recorded:
        problems.append(
            f"vetoed by {', '.join(sorted(said))} (record: {', '.join(sorted(recorded))})"
        )
    return problems


def _named_members(value: dict) -> bool:
    return any(value.get(k) for k in ("in_favour", "against_members", "abstaining"))


def _member_votes(ctx: CheckContext, target: Target):
    """Who voted how, from the UN Digital Library voting record: (votes, record, note)."""
    source = ctx.services.undl
    if source is None:
        return None, None, ""
    if target.kind == "resolution":
        number, _, year = target.symbol.removeprefix("S/RES/").partition(" (")
        query = Query(kind="resolution", value=number, year=int(year.rstrip(")")) if year else None)
    else:
        query = Query(kind="draft", value=target.symbol)
    try:
        records = ctx.search(source, query)
    except SourceError as exc:
        return None, None, f" (The per-member record could not be reached: {exc}.)"
    for record in records:
        votes = record.fields.get("votes")
        if record.fields.get("record_type") == "voting" and votes:
            return {countries.canonical(n.title()): v for n, v in votes.items()}, record, ""
    return None, None, " (The UN Digital Library has no per-member record for it.)"


def _member_problems(value: dict, members: dict[str, str | None]) -> list[str]:
    by_vote: dict[str, set[str]] = {"Y": set(), "N": set(), "A": set()}
    for name, vote in members.items():
        if vote in by_vote:
            by_vote[vote].add(name)
    problems = []
    for key, code, word in (
        ("in_favour", "Y", "in favour"),
        ("against_members", "N", "against"),
        ("abstaining", "A", "abstaining"),
    ):
        said = {countries.canonical(n) for n in value.get(key) or []}
        if said - by_vote[code]:
            problems.append(
                f"{', '.join(sorted(said - by_vote[code]))} not recorded as {word} "
                f"(record: {', '.join(sorted(by_vote[code])) or 'none'})"
            )
        if key == "in_favour" and value.get("only") and by_vote[code] - said:
            problems.append(
                f"not only {', '.join(sorted(said))}: the record also has "
                f"{', '.join(sorted(by_vote[code] - said))} in favour"
            )
    return problems
