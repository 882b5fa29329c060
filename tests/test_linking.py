"""Decision linking and the vote, resolution and date rules, against decisions built here and a
tiny in-memory index (the DecisionIndex contract): no network, no saved tables.

Sentences are written for these tests in several outlets' styles (wire copy, UN press
release, newspaper); tests assert reason codes, not the wording of explanations.
"""

from __future__ import annotations

from datetime import date, timedelta
from types import SimpleNamespace

import pytest

from checks.decision_model import Decision, DecisionSource
from checks.decision_sources import DocLinks
from checks.extract import extract_claims
from checks.linking import link_decision
from checks.models import Claim, Verdict
from checks.pipeline import check_claims
from checks.verdicts.base import CheckContext, Services

P5 = ("China", "France", "Russia", "United Kingdom", "United States")
E10_2020 = ("Belgium", "Dominican Republic", "Estonia", "Germany", "Indonesia", "Niger",
            "Saint Vincent and the Grenadines", "South Africa", "Tunisia", "Viet Nam")  # fmt: skip


def source(key: str) -> DecisionSource:
    return DecisionSource("votesdb", f"votes database: {key}", f"http://records.test/{key}",
                        "2026-01-01T00:00:00Z", key, attribution="CC BY 4.0 test credit")  # fmt: skip


def decision(key: str, outcome: str, day: date, title: str, vote=None, members=None, **kw):
    """A real checks.decision_model.Decision, as the index builds them, with the fields a test
    does not name left empty."""
    fields = {"vetoed_by": (), "meeting": None, "document_url": None, "meeting_url": None,
              "provenance": {}, "disputes": {}}  # fmt: skip
    fields.update(kw)
    return Decision(
        key=key,
        outcome=outcome,
        number=fields.pop("number", None),
        draft=None if outcome == "adopted" else key,
        date=day,
        title=title,
        vote=vote,
        members=members or {},
        sources=(source(key),),
        **fields,
    )


def members(yes=(), no=(), abstain=(), absent=()) -> dict[str, str]:
    out = {n: "Y" for n in yes}
    out |= {n: "N" for n in no} | {n: "A" for n in abstain} | {n: "NV" for n in absent}
    return out


#: The Council of 2017, for the tests' Syria votes of that year.
COUNCIL_2017 = (*P5, "Bolivia", "Egypt", "Ethiopia", "Italy", "Japan", "Kazakhstan", "Senegal",
                "Sweden", "Ukraine", "Uruguay")  # fmt: skip


def roll(council, no=(), abstain=(), absent=()) -> dict[str, str]:
    """A full roll: every member not named against, abstaining or absent voted in favour."""
    named = {*no, *abstain, *absent}
    return members([n for n in council if n not in named], no, abstain, absent)


class FakeIndex:
    """The DecisionIndex questions over a list of decisions; every day up to `last` is covered."""

    def __init__(self, decisions: list, last: date = date(2025, 12, 31)) -> None:
        self.decisions = decisions
        self.last = last
        self.links = DocLinks("http://docs.test/")

    def resolution(self, number: int):
        return next((d for d in self.decisions if d.number == number), None)

    def draft(self, symbol: str):
        return next((d for d in self.decisions if d.draft == symbol.replace(" ", "")), None)

    def on(self, day: date) -> list:
        return [d for d in self.decisions if d.date == day]

    def between(self, first: date, last: date) -> list:
        return [d for d in self.decisions if first <= d.date <= last]

    def covered(self, day: date) -> bool:
        return day <= self.last

    def days_where(self, fits) -> list[date]:
        """Each decision stands for its row of the votes database."""
        rows = [
            SimpleNamespace(
                yes=d.vote[0],
                no=d.vote[1],
                abstain=d.vote[2],
                members=d.members,
                date=d.date,
                outcome=d.outcome,
            )
            for d in self.decisions
            if d.vote
        ]
        return sorted({r.date for r in rows if fits(r)})

    def coverage_note(self, day: date) -> str:
        return f"the records here stop at {self.last.isoformat()}"


FRIDAY = date(2020, 8, 14)
IRAN_DRAFT = decision(
    "S/2020/797",
    "failed",
    FRIDAY,
    "Non-proliferation: extension of the arms embargo on the Islamic Republic of Iran",
    vote=(2, 2, 11),
    members=members(
        yes=("United States", "Dominican Republic"),
        no=("China", "Russia"),
        abstain=("France", "United Kingdom", *(n for n in E10_2020 if n != "Dominican Republic")),
    ),
)
IRAN_ADOPTED = decision(
    "S/RES/2999(2020)",
    "adopted",
    FRIDAY,  # the same day and subject as the failed draft: the trap
    "Non-proliferation: the Islamic Republic of Iran, extension of the panel of experts",
    vote=(15, 0, 0),
    number=2999,
)


def run(text: str, on: date, decisions: list, kind: str | None = None):
    extraction = extract_claims(text, article_date=on)
    services = Services(decisions=FakeIndex(decisions))
    verdicts = check_claims(text, extraction.claims, on, services=services)
    return [(c, verdicts[c.id]) for c in extraction.claims if kind is None or c.type == kind]


def one(pairs):
    assert len(pairs) == 1, [(c.text, v.label, v.reason) for c, v in pairs]
    return pairs[0]


# --- a failed draft is not the resolution adopted that day ------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        # wire style
        "The Security Council on Friday rejected a U.S. bid to extend the arms embargo on Iran, "
        "with 2 votes in favour, 2 against and 11 abstentions.",
        # newspaper style
        "Washington's push to prolong the Iran arms embargo failed at the Security Council on "
        "Friday by a 2-2-11 vote.",
    ],
)
def test_a_failed_drafts_tally_is_linked_to_the_failed_draft_not_the_adopted_text(text):
    _c, verdict = one(run(text, FRIDAY + timedelta(days=1), [IRAN_ADOPTED, IRAN_DRAFT], "vote"))
    assert verdict.label == "supported", verdict.explanation
    assert verdict.reason == "vote.counts_match"
    assert verdict.decision["decision"]["key"] == "S/2020/797"


def test_a_failed_drafts_tally_is_never_contradicted_by_the_days_adopted_text():
    text = (
        "The Security Council on Friday rejected a U.S. bid to extend the arms embargo on Iran, "
        "with 2 votes in favour, 2 against and 11 abstentions."
    )
    _c, verdict = one(run(text, FRIDAY + timedelta(days=1), [IRAN_ADOPTED], "vote"))
    assert verdict.label == "unverifiable", verdict.explanation


# --- a record the sources dispute is not compared ---------------------------------------------
def test_a_disputed_tally_is_not_compared():
    vetoed = decision(
        "S/2019/961",
        "vetoed",
        date(2019, 12, 20),
        "The situation in the Middle East (Syria): cross-border humanitarian aid",
        vote=None,
        disputes={"vote": {"dhl": [13, 0, 2], "votesdb": [13, 2, 0]}},
        vetoed_by=("China", "Russia"),
    )
    text = "Russia and China on Friday vetoed the Syria cross-border aid draft, which won 13-2."
    pairs = run(text, date(2019, 12, 21), [vetoed], "vote")
    _c, verdict = one([(c, v) for c, v in pairs if "13-2" in c.text])
    assert verdict.label != "contradicted", verdict.explanation
    assert "the counts" not in " ".join(verdict.explanation.split("Checked:")[1:])


# --- per-member claims ------------------------------------------------------------------------
SUDAN = decision(
    "S/2024/826",
    "vetoed",
    date(2024, 11, 18),
    "Reports of the Secretary-General on the Sudan and South Sudan: protection of civilians",
    vote=(14, 1, 0),
    members=members(
        yes=(
            "China",
            "France",
            "United Kingdom",
            "United States",
            "Algeria",
            "Ecuador",
            "Guyana",
            "Japan",
            "Malta",
            "Mozambique",
            "Republic of Korea",
            "Sierra Leone",
            "Slovenia",
            "Switzerland",
        ),
        no=("Russia",),
    ),
    vetoed_by=("Russia",),
)
CW = decision(
    "S/2017/172",
    "vetoed",
    date(2017, 2, 28),
    "The situation in the Middle East (Syria): chemical weapons sanctions",
    vote=(9, 3, 3),
    members=roll(
        COUNCIL_2017, no=("Russia", "China", "Bolivia"), abstain=("Egypt", "Ethiopia", "Kazakhstan")
    ),
    vetoed_by=("China", "Russia"),
)


@pytest.mark.parametrize(
    ("text", "label", "reason"),
    [
        ("Russia on Monday vetoed the Sudan ceasefire draft.", "supported", "vote.counts_match"),
        ("China on Monday vetoed the Sudan ceasefire draft.", "contradicted", "vote.veto_differs"),
    ],
)
def test_who_vetoed_is_compared_with_the_record(text, label, reason):
    _c, verdict = one(run(text, date(2024, 11, 19), [SUDAN], "vote"))
    assert (verdict.label, verdict.reason) == (label, reason), verdict.explanation


@pytest.mark.parametrize(
    "text",
    [
        "Egypt, Ethiopia and Kazakhstan abstained in Tuesday's vote on Syria chemical weapons "
        "sanctions.",
        "Three members, Egypt, Ethiopia and Kazakhstan, abstained in Tuesday's Security Council "
        "vote on chemical weapons sanctions against Syria.",
    ],
)
def test_named_abstentions_match_the_per_member_record(text):
    _c, verdict = one(run(text, date(2017, 3, 1), [CW], "vote"))
    assert verdict.label == "supported", verdict.explanation
    assert verdict.reason == "vote.members_match"


def test_a_member_said_to_abstain_who_voted_no_is_contradicted():
    text = (
        "Bolivia abstained in Tuesday's Security Council vote on Syria chemical weapons sanctions."
    )
    _c, verdict = one(run(text, date(2017, 3, 1), [CW], "vote"))
    assert (verdict.label, verdict.reason) == ("contradicted", "vote.member_differs")


@pytest.mark.parametrize(
    "text",
    [
        "Eleven countries, including France, Germany and South Africa, abstained in Friday's "
        "Security Council vote on the Iran arms embargo.",
        "The Iran arms embargo text failed on Friday: 11 Council members abstained, among "
        "them France, Germany and South Africa.",
    ],
)
def test_a_count_with_a_partial_list_is_not_read_as_the_lists_length(text):
    pairs = run(text, FRIDAY + timedelta(days=1), [IRAN_DRAFT], "vote")
    for _c, verdict in pairs:
        assert verdict.label != "contradicted", verdict.explanation
    assert any(v.label == "supported" for _c, v in pairs), [v.explanation for _c, v in pairs]


def test_unanimous_against_a_recorded_abstention_is_contradicted():
    adopted = decision(
        "S/RES/2334(2016)",
        "adopted",
        date(2016, 12, 23),
        "The situation in the Middle East, including the Palestinian question: settlements",
        vote=(14, 0, 1),
        number=2334,
    )
    text = (
        "The Security Council on Friday unanimously adopted resolution 2334 on Israeli settlements."
    )
    _c, verdict = one(run(text, date(2016, 12, 24), [adopted], "vote"))
    assert (verdict.label, verdict.reason) == ("contradicted", "vote.not_unanimous")


# --- reporters describe last week's vote --------------------------------------------------------
def test_a_vote_some_days_before_the_article_is_found_in_the_window():
    text = "The Security Council voted 14-1 to demand a ceasefire in Sudan, Russia casting a veto."
    _c, verdict = one(run(text, date(2024, 11, 22), [SUDAN], "vote"))
    assert verdict.label == "supported", verdict.explanation
    assert "days before the article" in verdict.decision["why"]


def test_a_mismatch_is_not_a_contradiction_when_another_decision_in_reach_matches():
    earlier = decision(
        "S/2024/800",
        "vetoed",
        date(2024, 11, 15),
        "Reports of the Secretary-General on the Sudan and South Sudan: humanitarian access",
        vote=(13, 1, 1),
    )
    text = "The Security Council voted 13-1-1 on a Sudan text, with Russia casting a veto."
    _c, verdict = one(run(text, date(2024, 11, 19), [SUDAN, earlier], "vote"))
    assert verdict.label != "contradicted", verdict.explanation


# --- resolutions: what the sentence says it did ---------------------------------------------------
UNMISS = decision(
    "S/RES/1996(2011)",
    "adopted",
    date(2011, 7, 8),
    "establishment of the UN Mission in South Sudan (UNMISS)",
    vote=(15, 0, 0),
    number=1996,
)
PANEL = decision(
    "S/RES/2407(2018)",
    "adopted",
    date(2018, 3, 21),
    "extension of the mandate of the Panel of Experts on the DPRK (North Korea)",
    vote=(15, 0, 0),
    number=2407,
)


@pytest.mark.parametrize(
    ("text", "decisions", "label", "reason"),
    [
        ("Resolution 1996 established the UN mission in South Sudan.", [UNMISS], "supported",
         "resolution.action_in_title"),
        ("The peacekeeping mission in South Sudan, set up under resolution 1996, patrols Juba.",
         [UNMISS], "supported", "resolution.action_in_title"),
        ("Resolution 2407 created the panel of experts on North Korea.", [PANEL],
         "partly_supported", "resolution.action_unchecked"),
        ("The North Korea sanctions panel was established by resolution 2407.", [PANEL],
         "partly_supported", "resolution.action_unchecked"),
        ("Resolution 2407 on North Korea is cited in the report.", [PANEL], "supported",
         "resolution.exists_fits"),
    ],
)  # fmt: skip
def test_a_resolutions_act_is_checked_against_its_title(text, decisions, label, reason):
    _c, verdict = one(run(text, date(2024, 4, 1), decisions, "resolution"))
    assert (verdict.label, verdict.reason) == (label, reason), verdict.explanation


# --- cross-claim results reach the store ------------------------------------------------------------
def test_cross_claim_verdicts_are_reported_through_on_verdict_and_on_check_again():
    text = "The fisheries text passed with 12 votes in favour, 2 against and 3 abstentions."
    extraction = extract_claims(text, article_date=date(2019, 5, 5))
    services = Services(decisions=FakeIndex([]))
    seen: dict[str, list[Verdict]] = {}

    def save(claim: Claim, verdict: Verdict) -> None:
        seen.setdefault(claim.id, []).append(verdict)

    vote = next(c for c in extraction.claims if c.type == "vote")
    first = check_claims(text, extraction.claims, date(2019, 5, 5), services=services,
                         on_verdict=save)  # fmt: skip
    assert first[vote.id].reason == "cross.tally_exceeds_council"
    assert seen[vote.id][-1].label == "contradicted"  # the last word saved is the final one
    seen.clear()
    again = check_claims(text, extraction.claims, date(2019, 5, 5), services=services,
                         on_verdict=save, only={vote.id}, previous=first)  # fmt: skip
    assert again[vote.id].label == "contradicted"
    assert seen[vote.id][-1].reason == "cross.tally_exceeds_council"


# --- links are computed once, at extraction ---------------------------------------------------------
def test_links_name_the_resolution_dates_and_time_of_a_claim():
    text = "On 20 July 2015 the Security Council unanimously adopted resolution 2231 on Iran."
    claims = extract_claims(text, article_date=date(2015, 7, 21)).claims
    vote = next(c for c in claims if c.type == "vote")
    res = next(c for c in claims if c.type == "resolution")
    assert vote.links["resolution"] == res.id
    assert vote.links["time"]["date"] == "2015-07-20"
    assert vote.links["outcome"] == "adopted" and vote.links["body"] == "SC"
    assert "links" in vote.to_dict()


def test_a_link_is_none_when_two_decisions_fit_equally():
    twin = decision("S/2020/798", "failed", FRIDAY, IRAN_DRAFT.title, vote=(2, 2, 11))
    text = "The Security Council on Friday rejected the Iran arms embargo text."
    claims = extract_claims(text, article_date=FRIDAY + timedelta(days=1)).claims
    ctx = CheckContext(text, FRIDAY + timedelta(days=1), claims,
                       Services(decisions=FakeIndex([IRAN_DRAFT, twin])))  # fmt: skip
    date_claim = next(c for c in claims if c.type == "date")
    link = link_decision(ctx, date_claim)
    assert link.decision is None and link.reason == "link.ambiguous"


@pytest.mark.parametrize(
    ("text", "label", "reason"),
    [
        ("Only the United States and the Dominican Republic voted in favour of Friday's Iran "
         "arms embargo text.", "supported", "vote.members_match"),
        ("Only the United States voted in favour of the Iran arms embargo text on Friday.",
         "contradicted", "vote.member_differs"),
    ],
)  # fmt: skip
def test_only_these_voted_in_favour_is_checked_against_every_member(text, label, reason):
    _c, verdict = one(run(text, FRIDAY + timedelta(days=1), [IRAN_DRAFT], "vote"))
    assert (verdict.label, verdict.reason) == (label, reason), verdict.explanation


@pytest.mark.parametrize(
    ("sentence", "value", "label", "reason"),
    [
        # "X joined Russia and China in vetoing": the text says an elected member vetoed,
        # which the Charter rules out (its vote was a vote against)
        ("Bolivia joined Russia and China in vetoing Tuesday's Syria chemical weapons text.",
         {"vetoed_by": ["Russia", "China"], "vetoed_by_elected": ["Bolivia"]},
         "contradicted", "vote.veto_by_elected_member"),
        ("Russia and China vetoed the Syria chemical weapons text on Tuesday, and Bolivia voted "
         "against it.", {"vetoed_by": ["Russia", "China"], "against_members": ["Bolivia"]},
         "supported", "vote.members_match"),
    ],
)  # fmt: skip
def test_an_elected_member_votes_against_but_never_vetoes(sentence, value, label, reason):
    day = date(2017, 3, 1)
    tuesday = Claim("c1", "date", 0, 0, "Tuesday", sentence,
                    {"date": "2017-02-28", "precision": "day"})  # fmt: skip
    vote = Claim("c2", "vote", 1, len(sentence), sentence[1:], sentence, value)
    services = Services(decisions=FakeIndex([CW]))
    verdicts = check_claims(sentence, [tuesday, vote], day, services=services)
    assert (verdicts["c2"].label, verdicts["c2"].reason) == (label, reason), verdicts[
        "c2"
    ].explanation


def test_a_permanent_member_named_as_vetoing_who_did_not_is_contradicted():
    sentence = "France vetoed the Syria chemical weapons text on Tuesday."
    tuesday = Claim("c1", "date", 0, 0, "Tuesday", sentence,
                    {"date": "2017-02-28", "precision": "day"})  # fmt: skip
    vote = Claim("c2", "vote", 0, 14, sentence[:14], sentence, {"vetoed_by": ["France"]})
    services = Services(decisions=FakeIndex([CW]))
    verdicts = check_claims(sentence, [tuesday, vote], date(2017, 3, 1), services=services)
    assert verdicts["c2"].reason == "vote.veto_differs", verdicts["c2"].explanation


ALEPPO_DAY = date(2016, 10, 8)
ALEPPO_VETOED = decision("S/2016/846", "vetoed", ALEPPO_DAY,
                         "The situation in the Middle East (Syria): Aleppo", vote=(11, 2, 2))  # fmt: skip
ALEPPO_FAILED = decision("S/2016/847", "failed", ALEPPO_DAY,
                         "The situation in the Middle East (Syria): Aleppo", vote=(4, 9, 2))  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "A rival Russian text on Aleppo failed to garner the necessary nine votes on Saturday, "
        "with four in favour.",
        "On Saturday the Council's second Syria text, on Aleppo, fell short of the nine votes "
        "required, winning just 4 votes.",
    ],
)
def test_failing_for_lack_of_votes_links_to_the_draft_that_lacked_them(text):
    pairs = run(text, ALEPPO_DAY + timedelta(days=1), [ALEPPO_VETOED, ALEPPO_FAILED], "vote")
    decided = [v for _c, v in pairs if v.decision and v.decision.get("decision")]
    assert decided and all(v.decision["decision"]["key"] == "S/2016/847" for v in decided)


def test_a_resolution_cited_from_years_before_is_not_the_days_vote():
    old = decision("S/RES/2231(2015)", "adopted", date(2015, 7, 20),
                   "Non-proliferation: the Islamic Republic of Iran", vote=(15, 0, 0), number=2231)  # fmt: skip
    text = (
        "Washington won only two votes on Friday for its bid to extend the Iran arms embargo "
        "that expires under resolution 2231."
    )
    pairs = run(text, FRIDAY + timedelta(days=1), [old, IRAN_DRAFT], "vote")
    _c, verdict = one(pairs)
    assert verdict.decision["decision"]["key"] == "S/2020/797", verdict.explanation


@pytest.mark.parametrize(
    "text",
    [
        "The Council on Friday extended the Iran panel's mandate until 14 August 2021.",
        "The panel must report to the Council no later than 14 August 2020.",
    ],
)
def test_a_deadline_is_not_matched_to_the_days_decisions(text):
    pairs = [(c, v) for c, v in run(text, FRIDAY + timedelta(days=1), [IRAN_ADOPTED], "date")
             if "14 August" in c.text]  # fmt: skip
    _c, verdict = one(pairs)
    assert verdict.reason == "date.deadline", verdict.explanation


# --- a disputed outcome decides nothing about a veto -----------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        # wire style
        "The Soviet Union on Tuesday vetoed the Congo draft in the Security Council.",
        # newspaper style
        "Tuesday's Congo resolution was vetoed by the Soviet Union, diplomats said.",
    ],
)
def test_a_veto_claim_is_not_contradicted_when_the_records_disagree_on_the_outcome(text):
    disputed = decision(
        "S/5134",
        "failed",  # one source says vetoed, the other not adopted: the field only needs a value
        date(1962, 6, 19),
        "The Congo question",
        vote=None,
        disputes={"outcome": {"dhl": "vetoed", "votesdb": "failed"}},
    )
    _c, verdict = one(run(text, date(1962, 6, 20), [disputed], "vote"))
    # Linked to the day's draft (the disputed outcome neither rules it out nor decides it) ...
    assert "S/5134" in str(verdict.decision), verdict.explanation
    # ... and nothing is decided on the disputed field.
    assert (verdict.label, verdict.reason) == ("unverifiable", "vote.nothing_checked")


# --- evidence leads to the documents, not to a year table -------------------------------------
def test_evidence_links_the_resolution_and_its_meeting_record_first():
    adopted = decision(
        "S/RES/2231(2015)",
        "adopted",
        date(2015, 7, 20),
        "Non-proliferation: Joint Comprehensive Plan of Action",
        vote=(15, 0, 0),
        number=2231,
        meeting="S/PV.7488",
        document_url="https://docs.test/S/RES/2231(2015)",
        meeting_url="https://docs.test/S/PV.7488",
    )
    text = "The Security Council unanimously adopted resolution 2231 on Monday, 20 July 2015."
    (_c, verdict) = one(run(text, date(2015, 7, 21), [adopted], "resolution"))
    urls = [e.url for e in verdict.evidence]
    assert urls[:2] == ["https://docs.test/S/RES/2231(2015)", "https://docs.test/S/PV.7488"]
    assert "http://records.test/S/RES/2231(2015)" in urls  # the record compared is still shown


# --- the article's deadline reaches the lookups made in worker threads -------------------------
def test_the_article_deadline_reaches_every_lookup_thread():
    from checks import http
    from checks.config import Settings

    seen: list[object] = []

    class Probe(FakeIndex):
        def resolution(self, number: int):
            seen.append(http._ARTICLE_DEADLINE.get())
            return super().resolution(number)

    text = "Resolution 2231 was adopted in 2015."
    extraction = extract_claims(text, article_date=date(2016, 1, 1))
    settings = Settings.from_env()
    services = Services(decisions=Probe([]))
    check_claims(text, extraction.claims, date(2016, 1, 1), settings=settings, services=services)
    assert seen and all(d is not None for d in seen)


# --- a right tally with a wrong word about some members is not false as a whole ----------------
@pytest.mark.parametrize(
    "text",
    [
        # newspaper style: the members' part as a participle phrase of the tally's clause
        "The Iran arms embargo text won just 2 votes in favour on Friday, with France voting "
        "against it.",
        # wire style
        "Only 2 members backed the Iran arms embargo text on Friday, with France voting against.",
    ],
)
def test_right_counts_with_a_wrong_member_are_partly_supported_naming_the_member(text):
    _c, verdict = one(run(text, FRIDAY + timedelta(days=1), [IRAN_DRAFT], "vote"))
    assert (verdict.label, verdict.reason) == (
        "partly_supported",
        "vote.members_differ_counts_match",
    ), verdict.explanation
    assert "France" in verdict.explanation


# --- links cost linear time on a sentence holding thousands of claims -------------------------
def test_links_consider_only_the_nearest_claims_of_a_crowded_sentence():
    from checks.extract.links import NEAR, add_links

    sentence = "The dates were " + ", ".join(["20 July 2015"] * 600) + "."
    claims = [
        Claim(f"c{i}", "date", m, m + 12, "20 July 2015", sentence,
              {"date": "2015-07-20", "precision": "day"})
        for i, m in enumerate(range(15, len(sentence) - 12, 14))
    ]  # fmt: skip
    add_links(claims, date(2015, 7, 21))
    assert max(len(c.links["dates"]) for c in claims) <= 2 * NEAR
    middle = claims[300]
    ids = {c.id: c for c in claims}
    # ... and the nearest are the ones kept
    assert all(abs(ids[i].start - middle.start) <= 14 * NEAR for i in middle.links["dates"])


# --- in an undated text, a weekday given with the day confirms the year -----------------------
MYANMAR = decision(
    "S/2017/777",
    "vetoed",
    date(2017, 9, 14),
    "The situation in Myanmar",
    vote=(13, 1, 1),
    members=members(no=("China",), abstain=("Russia",)),
    vetoed_by=("China",),
)


def undated(text: str, decisions: list):
    extraction = extract_claims(text)  # no date: the text's own time is inferred
    services = Services(decisions=FakeIndex(decisions))
    verdicts = check_claims(text, extraction.claims, None, services=services)
    return [(c, verdicts[c.id]) for c in extraction.claims if c.type == "date"]


@pytest.mark.parametrize(
    "text",
    [
        # wire style
        "The Myanmar crisis deepened in August 2017. China on Thursday, Sept. 14, vetoed the "
        "Security Council draft on Myanmar, diplomats said.",
        # newspaper style, day first
        "Envoys met in Yangon in August 2017. The Security Council draft on Myanmar was vetoed "
        "on Thursday 14 September by China.",
    ],
)
def test_a_weekday_given_with_the_day_confirms_the_inferred_year(text):
    pairs = [(c, v) for c, v in undated(text, [MYANMAR]) if "14" in c.text]
    _c, verdict = one(pairs)
    assert (verdict.label, verdict.reason) == ("supported", "date.decision_on_day"), (
        verdict.explanation
    )


@pytest.mark.parametrize(
    ("day", "label", "reason"),
    [
        # the vote in the sentence is linked to the draft vetoed that day: the day fits
        ("14 September", "supported", {"date.decision_on_day", "date.fits_linked_decision"}),
        # no decision on that day of the story's year: the year is a guess, so the day is not
        # called wrong; at most the story's vote (China's veto, two days before) is named
        ("16 September", "unverifiable", {"date.year_inferred", "date.link_other_day"}),
    ],
)
def test_a_day_whose_year_is_inferred_is_only_ever_supported(day, label, reason):
    text = (
        "Envoys met in Yangon in August 2017. The Security Council draft on Myanmar was vetoed "
        f"on {day} by China."
    )
    pairs = [(c, v) for c, v in undated(text, [MYANMAR]) if c.type == "date" and day in c.text]
    _c, verdict = one(pairs)
    assert verdict.label == label, verdict.explanation
    assert verdict.reason in (reason if isinstance(reason, set) else {reason})


# --- outcome words ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "outcome"),
    [
        # UN press release headline style
        ("Security Council Fails to Adopt Resolution Extending Arms Embargo", "not_adopted"),
        ("Council Announces Failure to Adopt Text on Sanctions Renewal", "not_adopted"),
        # wire style: a shortfall of the votes needed is a failure, not a veto
        ("The text won 4 votes, leaving it far short of the nine votes required for adoption.",
         "failed"),
        ("The Russian draft fell well short of the minimum nine 'yes' votes needed to pass.",
         "failed"),
        # newspaper style: adopted stays adopted
        ("The Council adopted the text after weeks of talks.", "adopted"),
        # a veto not cast is no veto (wire and newspaper styles)
        ("The resolution passed 14-0, with the United States abstaining rather than using its "
         "veto.", "adopted"),
        ("Washington let the text through instead of vetoing it, and it was adopted 14-0.",
         "adopted"),
        ("China threatened to veto the draft, which was adopted anyway.", "adopted"),
        # vetoes cast before, in a relative clause (AFP and Reuters styles)
        ("The Council on Monday demanded a ceasefire in Gaza, with the United States, Israel's "
         "ally which has vetoed previous bids, abstaining.", None),
        ("The resolution was adopted 14-0; Washington, which had vetoed three earlier drafts, "
         "abstained.", "adopted"),
        # a veto avoided is none (newspaper and wire styles)
        ("The U.S. abstention avoided a third American veto of a Gaza resolution, and the text "
         "was adopted.", "adopted"),
        ("By abstaining, Washington averted a veto and let the resolution pass.", "adopted"),
        # a veto cast outweighs adoption words
        ("No decision could be adopted, owing to the vetoes of France and Britain.", "vetoed"),
        # the present perfect of a text not adopted (a state news agency, a wire story)
        ("The Japanese draft resolution has not been adopted by the Security Council.",
         "not_adopted"),
        ("The proposal has not been adopted, diplomats said.", "not_adopted"),
        # a shortfall with "needed" and no "votes" (BBC and wire styles)
        ("The Russian text got three votes, far short of the nine needed to pass.", "failed"),
        ("It fell short of the nine required, with 12 members against.", "failed"),
    ],
)  # fmt: skip
def test_outcome_words_of_a_sentence(sentence, outcome):
    from checks.extract.links import outcome_of

    assert outcome_of(sentence) == outcome


@pytest.mark.parametrize(
    "text",
    [
        # wire style: a habit mentioned beside the day's vote
        "The Security Council on Friday extended the Iran panel of experts in a unanimous vote, "
        "with the United States abstaining rather than using its veto as it has often done in "
        "the past.",
        # newspaper style
        "On Friday, in a unanimous vote with the United States abstaining, the Council "
        "extended Iran's panel of experts, as it has usually done in the past.",
    ],
)
def test_a_sentence_that_states_its_day_is_about_that_day_despite_a_habit(text):
    _c, verdict = one(run(text, FRIDAY, [IRAN_ADOPTED], "vote"))
    # linked to the day's resolution (15-0-0), where the United States did not abstain
    assert verdict.decision and verdict.decision["decision"]["key"] == "S/RES/2999(2020)"
    assert verdict.reason != "vote.other_time", verdict.explanation


@pytest.mark.parametrize(
    "text",
    [
        # UN history page style, and wire style
        "Envoys met in Yangon in August 2017. The Council discussed Myanmar on 14 September, "
        "but no decision could be adopted, owing to the veto of China.",
        "Envoys met in Yangon in August 2017. On 14 September the Council failed to agree on "
        "Myanmar after China vetoed the draft.",
    ],
)
def test_a_day_said_to_have_no_decision_is_never_supported_by_one(text):
    pairs = [(c, v) for c, v in undated(text, [MYANMAR]) if "14 September" in c.text]
    _c, verdict = one(pairs)
    assert verdict.label != "supported", verdict.explanation


GAZA_FAILED = decision(
    "S/2023/772", "failed", date(2023, 10, 16),
    "The situation in the Middle East, including the Palestinian question (Gaza ceasefire)",
    vote=(5, 4, 6), members=members(yes=("Russia", "China"), no=("United States", "France")),
)  # fmt: skip


GAZA_VETOED = decision(
    "S/2023/773", "vetoed", date(2023, 10, 18),
    "The situation in the Middle East, including the Palestinian question (Gaza humanitarian "
    "pauses)", vote=(12, 1, 2), members=members(no=("United States",), abstain=("Russia",)),
    vetoed_by=("United States",),
)  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        # non-native English outlet
        "The Security Council vetoed a Russian resolution calling for a Gaza ceasefire on "
        "October 16 in New York.",
        # wire style
        "On Monday, October 16, the Russian draft on a Gaza ceasefire was vetoed in the Council.",
    ],
)
def test_vetoed_said_of_a_draft_that_failed_on_the_stated_day(text):
    # a draft on the same subject was vetoed two days later, on the article's date: the
    # sentence states its day, so that veto is not what it describes
    pairs = run(text, date(2023, 10, 18), [GAZA_FAILED, GAZA_VETOED])
    day = next(v for c, v in pairs if c.type == "date")
    # the day had the vote: the date is right, whatever word the text uses for its outcome
    assert (day.label, day.reason) == ("supported", "date.decision_on_day"), day.explanation
    vote = next((v for c, v in pairs if c.type == "vote"), None)
    if vote is not None:  # "vetoed" of a draft that failed for lack of votes is not a veto
        assert (vote.label, vote.reason) == ("contradicted", "vote.not_vetoed"), vote.explanation


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # newspaper style: "The last" points back to the Council's resolutions
        ("The Security Council has passed several resolutions on the Iran arms embargo. The "
         "last was adopted on August 14, 2020.", "supported"),
        # wire style: "It" points back to the draft
        ("The Security Council voted on a text extending the Iran panel of experts. It was "
         "unanimously adopted on 14 August 2020.", "supported"),
        # no Council decision that day on the subject: no answer, never "not found"
        ("The Security Council has passed several resolutions on the Iran arms embargo. The "
         "last was adopted on August 12, 2020.", "unverifiable"),
    ],
)  # fmt: skip
def test_a_sentence_continuing_one_about_the_council_is_dated_by_its_decisions(text, label):
    pairs = run(text, date(2020, 9, 1), [IRAN_ADOPTED], "date")
    _c, verdict = one(pairs)
    assert verdict.label == label, verdict.explanation


# --- a count of many vetoes is no one decision -------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        # an advocacy site's summary
        "The United States has cast 45 vetoes in the Security Council. Of those, 23 vetoes "
        "relate to the Iran arms embargo question.",
        # a diplomatic telegram's style
        "The Soviet delegate took note of the 51 Soviet vetoes of the Iran arms embargo drafts.",
        # wire style, a relative clause
        "Iran's embargo was debated on Friday; the 12 draft resolutions on it that were vetoed "
        "by Russia are listed below.",
    ],
)
def test_a_count_of_many_vetoes_is_not_linked_to_one_decision(text):
    vetoed = decision("S/2020/798", "vetoed", FRIDAY, IRAN_DRAFT.title, vote=(13, 2, 0),
                      vetoed_by=("Russia", "China"))  # fmt: skip
    for c, verdict in run(text, FRIDAY + timedelta(days=1), [vetoed, IRAN_DRAFT], "vote"):
        assert verdict.label not in {"supported", "contradicted"}, (c.text, verdict.explanation)
        assert verdict.reason == "vote.other_time", (c.text, verdict.reason)


def test_two_drafts_vetoed_the_same_day_are_still_the_days_votes():
    vetoed = decision("S/2020/798", "vetoed", FRIDAY, IRAN_DRAFT.title, vote=(13, 2, 0),
                      vetoed_by=("Russia", "China"))  # fmt: skip
    text = "On Friday Russia and China vetoed two draft resolutions on the Iran arms embargo."
    pairs = run(text, FRIDAY + timedelta(days=1), [vetoed], "vote")
    assert pairs and all(v.reason != "vote.other_time" for _c, v in pairs)


def test_a_count_of_vetoes_with_one_votes_tally_is_that_vote():
    vetoed = decision("S/2020/798", "vetoed", FRIDAY, IRAN_DRAFT.title, vote=(13, 2, 0),
                      vetoed_by=("Russia", "China"))  # fmt: skip
    text = ("Russia has vetoed three resolutions on the Iran arms embargo, the most recent "
            "supported by 13 council members on Friday.")  # fmt: skip
    pairs = run(text, FRIDAY + timedelta(days=1), [vetoed], "vote")
    assert pairs and all(v.reason != "vote.other_time" for _c, v in pairs)


# --- "the resolution" pointing back paragraphs after it was named ------------------------------
KOSOVO_1199 = decision("S/RES/1199(1998)", "adopted", date(1998, 9, 23),
                       "The situation in Kosovo: demanding a ceasefire", vote=(14, 0, 1),
                       number=1199, members=members(abstain=("China",)))  # fmt: skip
FILLER = (
    " Fighting between Serbian forces and the Kosovo Liberation Army had driven tens of thousands"
    " from their homes that summer, and aid agencies warned of a humanitarian catastrophe as"
    " winter approached. Envoys shuttled between Belgrade and Pristina, and the Contact Group"
    " met repeatedly in London and Bonn to agree on a common line on Kosovo. NATO drew up plans"
    " for air strikes while diplomats argued over whether any use of force needed the Council's"
    " explicit approval, a question that divided the permanent members for months."
)


@pytest.mark.parametrize(
    "closing",
    [
        # a state portal's encyclopedia page
        " The resolution passed 14-0, with China abstaining.",
        # a Q&A site's answer
        " Only China abstained on the resolution, which passed 14-0.",
    ],
)
def test_the_resolution_pointed_back_to_is_the_last_one_named_however_far(closing):
    text = "Resolution 1199 was adopted by the Security Council in 1998 on Kosovo." + FILLER * 2
    pairs = run(text + closing, date(2008, 1, 1), [KOSOVO_1199], "vote")
    assert len(text) > 1000
    _c, verdict = one(pairs)
    assert verdict.label == "supported", verdict.explanation
    assert verdict.decision["decision"]["key"] == "S/RES/1199(1998)"


def test_the_resolution_pointed_back_to_from_afar_never_contradicts():
    text = "Resolution 1199 was adopted by the Security Council in 1998 on Kosovo." + FILLER * 2
    pairs = run(text + " The resolution on Kosovo passed 12-0.", date(1998, 9, 30), [KOSOVO_1199],
                "vote")  # fmt: skip
    _c, verdict = one(pairs)
    assert verdict.label != "contradicted", verdict.explanation


def test_a_tally_the_records_dispute_is_shown_as_disputed_not_as_missing():
    from checks.verdicts.base import record_vote

    disputed = decision("S/2022/431", "vetoed", date(2022, 5, 26), "Non-proliferation/DPRK",
                        disputes={"vote": {"votesdb": (13, 2, 0), "dhl": (13, 0, 2)}})  # fmt: skip
    shown = record_vote(disputed)
    assert "13-2-0" in shown and "13-0-2" in shown and "no recorded vote" not in shown
    assert record_vote(IRAN_DRAFT) == "2-2-11"


# --- "the matter": a sentence that names its subject only by pointing back --------------------
LEAD = (
    "SUMMARY The operations described here were set up in haste, often within days, and their "
    "mandates were shaped by the votes of the permanent members as much as by the needs on the "
    "ground. What follows sets out, for each operation, the events that led to its creation and "
    "the decisions the Council took.\n"
)


@pytest.mark.parametrize(
    "text, on, decisions, key",
    [
        # a UN history's style: the story told over the sentences before, an undated text
        (
            LEAD + "On 15 July 1974, a coup backed by officers from Greece overthrew the "
            "government of Cyprus. Five days later troops landed on the island's north coast. "
            "The Security Council took up the matter on 31 July, but no decision could be "
            "adopted, owing to the veto of the Soviet Union.",
            None,
            [
                decision(
                    "S/11400",
                    "vetoed",
                    date(1974, 7, 30),
                    "The Cyprus question",
                    vote=(13, 1, 1),
                    vetoed_by=("Russia",),
                )
            ],
            "S/11400",
        ),
        # wire style: the subject two sentences back, the vote "on the issue"
        (
            LEAD + "Fighting between Ethiopia and Eritrea spread along their border last month. "
            "Thousands of people have fled west since then, aid agencies said. The Security "
            "Council voted on the issue on Friday, adopting a resolution 14-0 with China "
            "abstaining.",
            date(2000, 5, 20),
            [
                decision(
                    "S/RES/2998(2000)",
                    "adopted",
                    date(2000, 5, 19),
                    "The situation between Eritrea and Ethiopia",
                    vote=(14, 0, 1),
                    number=2998,
                    members={"China": "A"},
                )
            ],
            "S/RES/2998(2000)",
        ),
    ],
)
def test_the_matter_a_sentence_points_back_to_is_told_in_the_sentences_before(
    text, on, decisions, key
):
    _c, verdict = one(run(text, on, decisions, "vote"))
    assert verdict.label == "supported", verdict.explanation
    assert verdict.decision["decision"]["key"] == key


@pytest.mark.parametrize(
    "text",
    [
        # a regional site's style
        "Russia and Mozambique abstained on Thursday on the decision to extend the mandate of "
        "the mission in Western Sahara for another year until October 31, 2025.",
        # UN press-release style
        "By a vote of 12 in favour to none against, with 2 abstentions (Mozambique, Russian "
        "Federation), the Council on Thursday extended the mission's mandate until 31 October "
        "2025.",
    ],
)
def test_an_end_date_in_the_sentence_is_not_the_day_of_the_vote(text):
    thursday = date(2024, 10, 31)
    abstained = {"Mozambique": "A", "Russia": "A"}
    title = "extension of the mandate of the UN Mission for the Referendum in Western Sahara"
    now = decision("S/RES/2756(2024)", "adopted", thursday, title, vote=(12, 0, 2),
                   number=2756, members=abstained)  # fmt: skip
    next_year = decision("S/RES/2797(2025)", "adopted", date(2025, 10, 31), title,
                         vote=(11, 0, 3), number=2797, members=abstained)  # fmt: skip
    _c, verdict = one(run(text, thursday + timedelta(days=1), [now, next_year], "vote"))
    assert verdict.label == "supported", verdict.explanation
    assert verdict.decision["decision"]["key"] == "S/RES/2756(2024)"


@pytest.mark.parametrize(
    "text",
    [
        # a regional site's style
        "Russia also abstained from voting on Algeria's proposed amendments to the Western "
        "Sahara text on Thursday.",
        # wire style
        "On Thursday the council first rejected two amendments put forward by Algeria to the "
        "Western Sahara resolution, with Russia abstaining.",
    ],
)
def test_a_vote_on_amendments_is_not_the_vote_on_the_text(text):
    thursday = date(2024, 10, 31)
    text_vote = decision("S/RES/2756(2024)", "adopted", thursday,
                         "extension of the mandate of the UN Mission for the Referendum in "
                         "Western Sahara", vote=(12, 0, 2), number=2756,
                         members={"Mozambique": "A", "Russia": "A"})  # fmt: skip
    for c, verdict in run(text, thursday + timedelta(days=1), [text_vote], "vote"):
        assert c.links["amendment"], c.text
        assert verdict.label == "unverifiable", (c.text, verdict.explanation)


def test_a_vote_on_an_amendment_is_linked_to_the_amendments_record():
    friday = date(2023, 12, 22)
    oral = decision("oral amendment 2023-12-22#1", "vetoed", friday, "The situation in the "
                    "Middle East, including the Palestinian question", vote=(10, 1, 4),
                    vetoed_by=("United States",))  # fmt: skip
    text = "The United States on Friday vetoed a Russian amendment to the Gaza text."
    _c, verdict = one(run(text, friday + timedelta(days=1), [oral], "vote"))
    assert verdict.label == "supported", verdict.explanation


@pytest.mark.parametrize(
    "text",
    [
        # a state agency's wire style
        "Russia and China voted on Thursday against the resolution on a ceasefire in Idlib. "
        "Twelve countries of the Security Council supported the draft resolution.",
        # a newspaper's style
        "Russia and China vetoed the Idlib ceasefire text on Thursday. Twelve members backed "
        "the draft, while Equatorial Guinea abstained.",
    ],
)
def test_the_draft_a_sentence_points_back_to_is_the_one_the_sentence_before_is_about(text):
    thursday = date(2019, 9, 19)
    title = "The situation in the Middle East (Syria): ceasefire in Idlib"
    vetoed = decision("S/2019/756", "vetoed", thursday, title, vote=(12, 2, 1),
                      members={"Russia": "N", "China": "N", "Equatorial Guinea": "A"},
                      vetoed_by=("Russia", "China"))  # fmt: skip
    rival = decision("S/2019/757", "failed", thursday, title, vote=(2, 9, 4),
                     members={"Russia": "Y", "China": "Y", "Equatorial Guinea": "A"})  # fmt: skip
    pairs = run(text, thursday, [vetoed, rival], "vote")
    twelve = next(v for c, v in pairs if "Twelve" in c.text)
    assert twelve.label == "supported", twelve.explanation
    assert twelve.decision["decision"]["key"] == "S/2019/756"
    assert twelve.label != "contradicted"


def test_a_draft_pointed_back_to_is_never_sure_enough_to_contradict():
    thursday = date(2019, 9, 19)
    title = "The situation in the Middle East (Syria): ceasefire in Idlib"
    vetoed = decision("S/2019/756", "vetoed", thursday, title, vote=(12, 2, 1),
                      members={"Russia": "N", "China": "N"}, vetoed_by=("Russia", "China"))  # fmt: skip
    rival = decision("S/2019/757", "failed", thursday, title, vote=(2, 9, 4),
                     members={"Russia": "Y", "China": "Y"})  # fmt: skip
    text = ("Russia and China vetoed the Idlib ceasefire text on Thursday. Thirteen members "
            "backed the draft.")  # fmt: skip
    pairs = run(text, thursday, [vetoed, rival], "vote")
    thirteen = next(v for c, v in pairs if "Thirteen" in c.text)
    assert thirteen.label != "contradicted", thirteen.explanation


def test_a_decision_whose_day_the_records_dispute_is_labelled_with_both_days():
    from checks.decision_text import label

    d = decision("S/RES/1564(2004)", "adopted", None, "Reports of the Secretary-General on the Sudan",
                 disputes={"date": {"votesdb": date(2004, 9, 17), "dhl": date(2004, 9, 18)}})  # fmt: skip
    shown = label(d)
    assert "17 September 2004 (votesdb)" in shown and "18 September 2004 (dhl)" in shown
    assert "unknown" not in shown
