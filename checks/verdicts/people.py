"""Rules for people's titles (Wikidata positions held); quotations are in quotes.py.

A title is judged at the time its sentence speaks of (`claim.links["time"]`: a date in the
sentence, the decision it belongs to; the article's date only when the sentence gives none),
because "Prime Minister Vladimir Putin visited Iran in 2010" is true of 2010 whoever governs when
the article is read. A title held at another time is a note, never a contradiction: news keeps
old titles, and Wikidata's dates are coarse and incomplete. A title is called wrong only when
the Wikidata item is surely the person named and, for the whole of that time, it records the
same office at another rank (a minister is not at the same time the deputy minister).

Each step answers one question and returns a verdict or None; its reason code is what tests
and tools read (`Verdict.reason`), not the wording of the explanation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from checks import countries
from checks.models import Claim, Verdict
from checks.sources.base import Query, SourceRecord
from checks.sources.wikidata import held_during, parse_span
from checks.verdicts.base import CheckContext, evidence, long_date, make

ROLE_RULE, ROLE_VERSION = "role.wikidata_positions", "v2"
SYNONYMS = {
    "foreign": {"foreign", "affairs"},
    "spokeswoman": {"spokesperson", "spokeswoman", "spokesman", "press", "information"},
    "spokesman": {"spokesperson", "spokeswoman", "spokesman", "press", "information"},
    "ambassador": {"ambassador", "permanent", "representative", "envoy"},
    "president": {"president"},
    "minister": {"minister", "secretary"},
}
FILLER = {"of", "the", "to", "for", "and", "a", "an", "s", "’s", "'s", "former", "then", "new"}
RANK_WORDS = frozenset({"deputy", "vice", "assistant", "acting", "under", "first"})
#: Words that place a title in time rather than name it: "then-", "former", "who was … at the
#: time". "former" is the writer's view (at writing); the others point at the event's time.
FORMER = re.compile(r"(?i)\b(former|ex(?=-))\b")
AT_THE_TIME = re.compile(
    r"(?i)\b(then|at\s+the\s+time|who\s+(was|had\s+been|served\s+as)|back\s+then)\b"
)
FRAMING = re.compile(
    r"(?i)\b(former|ex(?=-)|then|at\s+the\s+time|back\s+then|who\s+(is|was|has\s+been|had\s+"
    r"been|served\s+as|serves\s+as)|now|currently|serving\s+as)\b-?"
)
EARLIEST, LATEST = date(1, 1, 1), date(9999, 12, 31)


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.lower()) if w not in FILLER}


def bare_role(role: str) -> str:
    """The title without the words that place it in time ("then-Prime Minister" -> "Prime
    Minister", "who was foreign minister at the time" -> "foreign minister")."""
    return re.sub(r"\s+", " ", FRAMING.sub(" ", role)).strip(" ,-")


def perspective(role: str) -> str:
    """ "former" (no longer held at writing), "then" (held at the event's time) or "at"."""
    if FORMER.search(role):
        return "former"
    return "then" if AT_THE_TIME.search(role) else "at"


def role_matches(claimed_role: str, position: str, *, rank: bool = True) -> bool:
    """Every key word of the claimed title is in the position's label (allowing synonyms),
    and both agree on rank: a deputy minister is not a minister."""
    want, have = _words(bare_role(claimed_role)), _words(position)
    if rank and (want & RANK_WORDS) != (have & RANK_WORDS):
        return False
    core = want - RANK_WORDS
    if not core:
        return False
    return all(w in have or SYNONYMS.get(w, set()) & have for w in core)


def states_in(text: str) -> set[str]:
    """Canonical names of the states a position's label names ("Prime Minister of Russia",
    "Deputy Chairman of the Government of the Russian Federation" -> {"Russia"})."""
    tokens = re.findall(r"[\w'’.-]+", text)
    found = set()
    for i in range(len(tokens)):
        for n in (3, 2, 1):
            phrase = " ".join(tokens[i : i + n])
            if phrase[:1].isupper() and countries.is_known(phrase):
                found.add(countries.canonical(phrase))
                break
    return found


def same_state(claimed_of: str | None, record: SourceRecord) -> bool:
    """False only when the article names the state ("Russian President") and the position
    names another one; a label naming no state does not conflict."""
    if not claimed_of:
        return True
    f = record.fields
    named = states_in(f"{f.get('position') or ''} {f.get('of') or ''}")
    return not named or countries.canonical(claimed_of) in named


# --- the time a sentence speaks of -------------------------------------------------------------
@dataclass(frozen=True)
class When:
    """The span a claim is judged at; a year or month means "at any point in it"."""

    lo: date
    hi: date
    text: str  # "2010", "12 May 2020", "before 12 May 2020"
    basis: str  # "date in sentence", "decision date", "article date", "before the article"


def time_of(value: str | None, precision: str | None, basis: str) -> When | None:
    """A `When` from a date written "YYYY", "YYYY-MM" or "YYYY-MM-DD" at the given precision."""
    if not value:
        return None
    cut = {"year": 4, "month": 7, "day": 10}.get(precision or "", len(value))
    span = parse_span(value[:cut])
    if span is None:
        return None
    text = long_date(span.lo) if span.lo == span.hi else span.text
    if len(span.text) == 7:
        text = f"{span.lo:%B %Y}"
    return When(span.lo, span.hi, text, basis)


def claim_time(claim: Claim, article_date: date | None) -> When | None:
    """The time the claim's sentence speaks of: the link computed at extraction, else the
    article's date; for "then-"/"at the time" with no date of its own, any time before the
    article (the title must have been held at some point before writing)."""
    link = (getattr(claim, "links", None) or {}).get("time") or {}
    found = time_of(link.get("date"), link.get("precision"), link.get("basis") or "linked date")
    if found is not None and found.basis != "article date":
        return found
    role = claim.value.get("role") or ""
    if perspective(role) == "then":
        hi = article_date or LATEST
        text = f"before {long_date(article_date)}" if article_date else "some earlier time"
        return When(EARLIEST, hi, text, "before the article")
    if found is not None:
        return found
    if article_date is None:
        return None
    return When(article_date, article_date, long_date(article_date), "article date")


# --- judging a person's positions at that time ---------------------------------------------------
@dataclass
class Holding:
    """One Wikidata statement of a matching position, and whether it covers the time."""

    record: SourceRecord
    at_time: bool | None

    @property
    def span(self) -> str:
        f = self.record.fields
        end = f.get("end") or ("?" if f.get("end_unknown") else "no end recorded")
        return f"{f.get('start') or '?'} to {end}"


def _covers(record: SourceRecord, when: When, *, throughout: bool = False) -> bool | None:
    f = record.fields
    return held_during(
        parse_span(f.get("start")),
        parse_span(f.get("end")),
        bool(f.get("end_unknown")),
        when.lo,
        when.hi,
        throughout=throughout,
    )


def _item(records: list[SourceRecord]) -> str:
    who = records[0].fields.get("identity") or {}
    name = records[0].fields.get("person") or "the person"
    item = who.get("item") or records[0].fields.get("person_id") or "?"
    desc = who.get("description") or ""
    desc = f", {desc[:77]}…" if len(desc) > 80 else f", {desc}" if desc else ""
    return f"Wikidata item {item} ({name}{desc})"


def _verdict(label: str, reason: str, text: str, **kw: Any) -> Verdict:
    verdict = make(label, text, ROLE_RULE, ROLE_VERSION, **kw)
    verdict.reason = reason
    return verdict


def _spans(holdings: list[Holding]) -> str:
    return "; ".join(sorted(h.span for h in holdings))


def _ev(holdings: list[Holding]) -> list:
    return [
        evidence(
            h.record,
            f"{h.record.fields.get('person')}: {h.record.fields.get('position')} ({h.span})",
        )
        for h in holdings[:4]
    ]


def _step_former(role, holdings, when, article_date, records, kw) -> Verdict | None:
    """ "Former X": was the title held before the article, and no longer at writing?"""
    if perspective(role) != "former" or article_date is None:
        return None
    at_writing = When(article_date, article_date, long_date(article_date), "article date")
    now = [_covers(h.record, at_writing) for h in holdings]
    before = [_covers(h.record, When(EARLIEST, article_date, "", "")) for h in holdings]
    position = holdings[0].record.fields.get("position")
    if any(n is True for n in now):
        return _verdict(
            "partly_supported",
            "role.former_but_still_held",
            f'{_item(records)} lists "{position}" ({_spans(holdings)}), still held on '
            f'{long_date(article_date)}: the title is right, "former" is not.',
            **kw,
        )
    if all(n is False for n in now) and any(b is True for b in before):
        return _verdict(
            "supported",
            "role.former_fits",
            f'{_item(records)} lists "{position}" ({_spans(holdings)}), ended before '
            f'{long_date(article_date)}, so "former" fits.',
            **kw,
        )
    return None


def _step_held_at_time(role, holdings, when, article_date, records, kw) -> Verdict | None:
    """Was a matching position held at (some point of) the sentence's time?"""
    held = [h for h in holdings if h.at_time is True]
    if not held:
        return None
    position = held[0].record.fields.get("position")
    how = {
        "before the article": f"before the article's date ({long_date(article_date)}); the "
        "sentence gives no date of its own",
        "article date": f"which covers the article's date, {when.text}",
    }.get(when.basis, f"which covers {when.text} ({when.basis})")
    return _verdict(
        "supported",
        "role.held_at_time",
        f'{_item(records)}: held "{position}" from {_spans(held)}, {how}.',
        **{**kw, "evidence": _ev(held), "found": f"{position} ({_spans(held)})"},
    )


def _step_held_at_other_time(role, holdings, when, article_date, records, kw) -> Verdict | None:
    """Held, but surely not at that time: a note saying when (an old or anachronistic title)."""
    if not holdings or any(h.at_time is not False for h in holdings):
        return None
    position = holdings[0].record.fields.get("position")
    if when.basis == "article date":
        note = (
            f"not on the article's date ({when.text}); the sentence gives no other date, so the "
            "title may be the one held at the time of the events it tells"
        )
        reason = "role.out_of_date_at_writing"
    else:
        note = f"not in {when.text} ({when.basis})"
        reason = "role.held_at_other_time"
    return _verdict(
        "partly_supported",
        reason,
        f'{_item(records)}: held "{position}" from {_spans(holdings)}, {note}. '
        "A title held at another time is a note, not an error.",
        **kw,
    )


def _step_dates_unsettled(role, holdings, when, article_date, records, kw) -> Verdict | None:
    """Held at some time, but Wikidata's dates cannot say whether at this one."""
    if not holdings:
        return None
    position = holdings[0].record.fields.get("position")
    return _verdict(
        "unverifiable",
        "role.dates_unsettled",
        f'{_item(records)}: held "{position}" ({_spans(holdings)}); these dates do not settle '
        f"whether it was held in {when.text}.",
        **kw,
    )


def _step_time_unknown(role, holdings, when, article_date, records, kw) -> Verdict | None:
    """No date in the sentence and none for the article: held, but when cannot be compared."""
    if when.basis != "no date":
        return None
    position = holdings[0].record.fields.get("position")
    return _verdict(
        "unverifiable",
        "role.time_unknown",
        f'{_item(records)}: held "{position}" from {_spans(holdings)}; neither the sentence nor '
        "the article gives a date, so whether it was held at the time cannot be said.",
        **kw,
    )


def _step_other_rank(role, of, records, when, kw) -> Verdict | None:
    """Never held per Wikidata, while for all of that time the surely-same person held the same
    office at another rank ("Deputy Prime Minister X" while X was Prime Minister)?"""
    who = records[0].fields.get("identity") or {}
    if not who.get("sure") or when.basis == "before the article":
        return None
    other = [
        r
        for r in records
        if role_matches(role, r.fields.get("position") or "", rank=False)
        and same_state(of, r)
        and _covers(r, when, throughout=True) is True
    ]
    if not other:
        return None
    f = other[0].fields
    holding = Holding(other[0], True)
    during = "on" if when.lo == when.hi else "throughout"
    return _verdict(
        "contradicted",
        "role.other_rank_at_time",
        f"{_item(records)} (sure: its label is the name as written and no other person of "
        f'that name was found) lists no "{bare_role(role)}", and {during} {when.text} it '
        f'records "{f.get("position")}" ({holding.span}), the same office at another rank.',
        **{**kw, "evidence": _ev([holding]), "found": f"{f.get('position')} ({holding.span})"},
    )


def judge_role(
    person: str,
    role: str,
    records: list[SourceRecord],
    when: When | None,
    article_date: date | None,
    claimed: str = "",
    of: str | None = None,
) -> Verdict:
    """The verdict on "`person` held `role` (of state `of`) at `when`" from one person's
    Wikidata positions."""
    kw: dict[str, Any] = {"claimed": claimed or f"{person}: {role}"}
    matching = [
        r
        for r in records
        if role_matches(role, r.fields.get("position") or "") and same_state(of, r)
    ]
    if when is None:
        when = When(EARLIEST, LATEST, "an unknown time", "no date")
    if not matching:
        decided = _step_other_rank(role, of, records, when, kw)
        if decided is not None:
            return decided
        held = "; ".join(sorted({r.fields.get("position") or "" for r in records})[:6])
        return _verdict(
            "unverifiable",
            "role.position_not_listed",
            f'{_item(records)} lists positions ({held}) but none matches "{bare_role(role)}"; '
            "Wikidata may be incomplete.",
            **{**kw, "evidence": [evidence(records[0])], "found": held},
        )
    holdings = [Holding(r, _covers(r, when)) for r in matching]
    kw = {**kw, "evidence": _ev(holdings)}
    kw.setdefault("found", f"{matching[0].fields.get('position')} ({_spans(holdings)})")
    for step in (
        _step_former,
        _step_time_unknown,
        _step_held_at_time,
        _step_held_at_other_time,
        _step_dates_unsettled,
    ):
        verdict = step(role, holdings, when, article_date, records, kw)
        if verdict is not None:
            return verdict
    raise AssertionError("the last step always decides")  # pragma: no cover


def _describe(value: dict[str, Any]) -> str:
    claimed = f"{value.get('person') or ''}: {value.get('role') or ''}"
    return claimed + (f" ({value['of']})" if value.get("of") else "")


def check_role(claim: Claim, ctx: CheckContext) -> Verdict:
    value = claim.value
    person, role = value.get("person") or "", value.get("role") or ""
    claimed = _describe(value)
    if value.get("members") or value.get("role") == "President of the Security Council":
        return _verdict(
            "unverifiable",
            "role.council_record",
            "Who sponsored or drafted a text, or held the presidency, is in the draft document "
            "and the Council's programme of work; open them to check.",
            claimed=claimed,
        )
    source = ctx.services.wikidata
    if source is None:
        return _verdict(
            "unverifiable", "role.no_source", "Wikidata is not configured.", claimed=claimed
        )
    # One lookup per person and article, shared by all its claims; the time is applied here.
    records = ctx.search(source, Query(kind="person", value=person, on=ctx.article_date))
    if not records:
        return _verdict(
            "not_found",
            "role.person_not_in_wikidata",
            f'Wikidata has no positions for "{person}" (or no such person): check another source.',
            claimed=claimed,
        )
    when = claim_time(claim, ctx.article_date)
    return judge_role(person, role, records, when, ctx.article_date, claimed, value.get("of"))
