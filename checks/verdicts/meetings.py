"""A dated Council meeting: "the January 13 meeting", "Saturday's emergency meeting", "the
Council met on Sunday". The Library's tables list every formal meeting, with its agenda item,
so a meeting that day on the story's subject supports the date. No meeting found is never a
contradiction: consultations and informal meetings are not in the tables, and a closed-door
or informal meeting is not read at all."""

from __future__ import annotations

import re
from datetime import date

from checks.decision_text import decision_evidence, subject
from checks.linking import decisions_on
from checks.models import Claim, Evidence, Verdict
from checks.verdicts.base import CheckContext, evidence, long_date, make, topic_score

RULE, VERSION = "date.meeting_on_record", "v1"

#: Words that may stand between the date and the meeting; a formal meeting only.
_KIND = (
    r"(?:(?:emergency|urgent|special|open|public|formal|high-level|ministerial|extraordinary|"
    r"(?:UN\s+|U\.N\.\s+)?(?:Security\s+)?Council)\s+){0,2}"
)
#: The date names the meeting: "the January 13 meeting", "Saturday's emergency session".
MEETING_AFTER = re.compile(rf"(?i)^(?:['’]s)?\s+{_KIND}(?:meeting|session|sitting)s?\b")
#: ... or the meeting is dated: "an emergency meeting on Sunday", "the session of 4 April",
#: "a meeting of the Security Council on Friday", "its 987th and 988th meetings on 18 December".
MEETING_BEFORE = re.compile(
    rf"(?i)\b{_KIND}(?:meeting|session|sitting)s?\s+"
    r"(?:of\s+(?:the\s+)?(?:UN\s+|U\.N\.\s+)?(?:UNSC|Security\s+Council|Council)\s+)?"
    r"(?:held\s+|convened\s+)?(?:on\s+|of\s+)?$"
)
#: ... or the Council itself met that day: "the Security Council met on Friday".
COUNCIL_MET = re.compile(
    r"(?i)\bcouncil\b[^.;]{0,40}?\b(?:met|convened|reconvened)\s+(?:again\s+)?(?:on\s+)?$"
)
#: How well the agenda item must fit the story: one word of its own, or two aliases.
MIN_FIT = 2.0


def dates_a_meeting(claim: Claim) -> bool:
    """The date is a Council meeting's own, in a sentence (or story) about the Council."""
    body = claim.links.get("body")
    council = body == "SC" or (body is None and claim.links.get("discourse_body") == "SC")
    if not council:
        return False
    at = claim.start - claim.sentence_start
    before, after = claim.sentence[:at], claim.sentence[at + len(claim.text) :]
    return bool(
        MEETING_AFTER.match(after) or MEETING_BEFORE.search(before) or COUNCIL_MET.search(before)
    )


def _meetings(ctx: CheckContext, day: date) -> list[tuple[str, str, list[Evidence]]]:
    """(record, agenda item, evidence) of every meeting that day: the Library's tables, else
    (after them) the decisions of that day, each of which a meeting took."""
    out: list[tuple[str, str, list[Evidence]]] = []
    records = ctx.services.records
    idx = ctx.services.decisions
    found = ctx.memo(("meetings on", day), lambda: records.meetings_on(day)) if records else []
    for r in found:
        record = str(r.fields.get("record") or r.title.split(",")[0])
        url = idx.links.meeting(r.fields.get("record")) if idx is not None else None
        ev = [evidence(r, f"{r.title}: {r.fields.get('topic', '')}")]
        if url:
            ev.insert(0, Evidence("un-documents", f"{record}: meeting record", url, "", ""))
        out.append((record, str(r.fields.get("topic") or ""), ev))
    if not out and idx is not None:
        for d in decisions_on(ctx, day):
            out.append((d.meeting or f"the meeting on {d.key}", subject(d), decision_evidence(d)))
    return out


def check_meeting_day(claim: Claim, ctx: CheckContext, day: date, shown: str) -> Verdict | None:
    """Supported when the Council met that day on what the story is about; else None (the
    other rules, or no verdict)."""
    if not dates_a_meeting(claim):
        return None
    near = ctx.near_text(claim)
    fitting = []
    for record, topic, ev in _meetings(ctx, day):
        own, fit = topic_score(topic, claim.sentence), topic_score(topic, near)
        if own > 0 or fit >= MIN_FIT:
            fitting.append((own, fit, record, topic, ev))
    if not fitting:
        return None
    fitting.sort(key=lambda m: (-m[0], -m[1]))
    own, fit, record, topic, ev = fitting[0]
    return make(
        "supported",
        f"The article dates a Council meeting to {shown}; the Council's records show meeting "
        f'{record} on {long_date(day)} on "{topic}" (its subject fits the story, score '
        f"{fit:g}). Checked: that the Council met that day on this subject, not what was said.",
        RULE,
        VERSION,
        evidence=ev,
        claimed=shown,
        found=f"{record}: {long_date(day)}",
        reason="date.meeting_on_record",
    )
