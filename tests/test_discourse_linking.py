"""What the sentences before tell a sentence about its decision: the body they named, the draft
"the proposal" points back to, and the days next to the one stated; and when two decisions fit
equally, a claim both records bear out. Found on texts nobody tuned for (a history site, an
Israeli news site, wire copy); sentences written here in several outlets' styles, decisions
built here (no network, no saved tables).
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from checks.extract import extract_claims
from checks.verdicts.date_context import NO_DECISION
from tests.test_linking import decision, members, one, roll, run

# --- a sentence naming no body speaks of the one named before ---------------------------------
SEAT_1950 = decision(
    "S/1443",
    "failed",
    date(1950, 1, 13),
    "The question of the representation of China on the Security Council",
    vote=(3, 6, 2),
)
GAZA_2024 = decision(
    "S/RES/2735(2024)",
    "adopted",
    date(2024, 6, 10),
    "The situation in the Middle East, including the Palestinian question: ceasefire in Gaza",
    vote=(14, 0, 1),
    number=2735,
)


@pytest.mark.parametrize(
    ("text", "on", "decisions"),
    [
        # history-site style: the Council named two sentences before
        (
            "The Security Council was deadlocked over China's seat. The Soviet delegate had "
            "walked out in protest. He returned on 13 January 1950 to vote on the Soviet "
            "resolution to unseat the Nationalist Chinese delegate.",
            date(1950, 2, 1),
            [SEAT_1950],
        ),
        # wire style: the Council in the lead, the vote in the next sentence
        (
            "Diplomats at the Security Council haggled for weeks over the Gaza text. On 10 June "
            "2024 they voted 14-0 for a ceasefire in Gaza, with Russia abstaining.",
            date(2024, 6, 11),
            [GAZA_2024],
        ),
    ],
)
def test_a_vote_in_a_sentence_naming_no_body_is_the_councils_named_before(text, on, decisions):
    dated = [(c, v) for c, v in run(text, on, decisions, "date") if "2024" in c.text or
             "1950" in c.text]  # fmt: skip
    _c, verdict = one(dated)
    assert (verdict.label, verdict.reason) == ("supported", "date.decision_on_day")


@pytest.mark.parametrize(
    "text",
    [
        # the body named before is another one
        "The General Assembly was deadlocked over China's seat. The Soviet delegate returned "
        "on 13 January 1950 to vote on the Soviet resolution to unseat the Nationalist delegate.",
        # the Council named before, but the sentence speaks of no vote or text
        "The Security Council was deadlocked over China's seat. The Soviet delegate rejected "
        "the compromise on 13 January 1950, and walked out.",
    ],
)
def test_no_council_act_is_read_into_a_sentence_about_another_body_or_no_vote(text):
    pairs = run(text, date(1950, 2, 1), [SEAT_1950], "date")
    _c, verdict = one([(c, v) for c, v in pairs if "1950" in c.text])
    assert verdict.reason == "date.not_a_decision", verdict.explanation


# --- the days next to the one stated ----------------------------------------------------------
SUEZ = decision(
    "S/3710",
    "vetoed",
    date(1956, 10, 30),
    "Letter from the United States concerning the Palestine question: Israeli forces in Egypt",
    vote=(7, 2, 2),
    vetoed_by=("France", "United Kingdom"),
)
UKRAINE = decision(
    "S/2022/155",
    "vetoed",
    date(2022, 2, 25),
    "Letter from the Permanent Representative of Ukraine: aggression against Ukraine",
    vote=(11, 1, 3),
    vetoed_by=("Russia",),
)


@pytest.mark.parametrize(
    ("text", "on", "decisions", "key"),
    [
        # a UN history's summary, a day late
        (
            "The Security Council discussed the Israeli attack on Egypt on 31 October 1956, but "
            "the draft failed owing to the vetoes of France and the United Kingdom.",
            date(1956, 12, 1),
            [SUEZ],
            "S/3710",
        ),
        # a weekly's recap, dated by the day the news reached it
        (
            "Russia on Saturday, Feb. 26, 2022, vetoed a Security Council resolution on its "
            "invasion of Ukraine, by 11 votes to 1, with 3 abstentions.",
            date(2022, 3, 5),
            [UKRAINE],
            "S/2022/155",
        ),
    ],
)
def test_a_vote_a_day_off_the_stated_day_is_found(text, on, decisions, key):
    _c, verdict = one(run(text, on, decisions, "vote"))
    assert verdict.label == "supported", verdict.explanation
    assert verdict.decision["decision"]["key"] == key


def test_a_vote_a_day_off_the_stated_day_is_never_contradicted():
    text = (
        "Russia on Saturday, Feb. 26, 2022, vetoed a Security Council resolution on its "
        "invasion of Ukraine, by 13 votes to 1, with 1 abstention."
    )
    _c, verdict = one(run(text, date(2022, 3, 5), [UKRAINE], "vote"))
    assert verdict.label == "unverifiable", verdict.explanation


# --- two decisions fit equally: a claim both bear out -----------------------------------------
DAY_2018 = date(2018, 4, 10)
RUSSIAN_A = decision("S/2018/175", "failed", DAY_2018, "The situation in the Middle East: Syria",
                     vote=(6, 7, 2))  # fmt: skip
RUSSIAN_B = decision("S/2018/322", "failed", DAY_2018, "The situation in the Middle East: Syria",
                     vote=(5, 4, 6))  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        # wire style
        "On Tuesday the Security Council rejected Russia's text on Syria, which failed to win "
        "the nine votes needed.",
        # newspaper style
        "The Russian draft on Syria did not have the minimum nine votes in the Security Council "
        "on Tuesday.",
    ],
)
def test_a_claim_every_tied_decision_bears_out_is_supported(text):
    _c, verdict = one(run(text, DAY_2018 + timedelta(days=1), [RUSSIAN_A, RUSSIAN_B], "vote"))
    assert (verdict.label, verdict.reason) == ("supported", "vote.every_tied_agrees")


@pytest.mark.parametrize(
    "text",
    [
        # wire style
        "On Tuesday the Russian draft on Syria won six votes in the Security Council.",
        # a regional paper's style
        "Russia's draft resolution on Syria received six votes in favor on Tuesday, but fell "
        "short of the nine required to pass.",
    ],
)
def test_a_count_only_one_of_the_day_s_tied_drafts_has_chooses_it_never_surely(text):
    # two Russian drafts failed that day; "six votes" is the first one's count
    _c, verdict = one(run(text, DAY_2018, [RUSSIAN_A, RUSSIAN_B], "vote"))
    assert verdict.label == "supported", verdict.explanation
    assert verdict.decision["decision"]["key"] == "S/2018/175"
    assert verdict.decision["runner_up"]["key"] == "S/2018/322"


@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday the second Russian draft on Syria won six votes in the Security Council.",
        "Russia's rival text on Syria received six votes in favor on Tuesday.",
    ],
)
def test_words_that_tell_which_draft_leave_the_count_out_of_the_choice(text):
    # "the second draft" is S/2018/322 by its words, which had five votes: the count must not
    # pick the first draft instead
    _c, verdict = one(run(text, DAY_2018, [RUSSIAN_A, RUSSIAN_B], "vote"))
    assert (verdict.label, verdict.reason) == ("unverifiable", "vote.link_ambiguous")


def test_a_count_does_not_choose_between_tied_drafts_of_different_days():
    # a lone count is shared by many votes: across days it is no sign
    later = decision("S/2018/999", "failed", DAY_2018 + timedelta(days=2),
                     "The situation in the Middle East: Syria", vote=(5, 4, 6))  # fmt: skip
    text = "The Russian draft on Syria won six votes in the Security Council."
    _c, verdict = one(run(text, DAY_2018 + timedelta(days=4), [RUSSIAN_A, later], "vote"))
    assert (verdict.label, verdict.reason) == ("unverifiable", "vote.link_ambiguous")


# --- "the proposal": the draft of the sentences before ----------------------------------------
COUNCIL_2025 = ("China", "France", "Russia", "United Kingdom", "United States", "Algeria",
                "Denmark", "Greece", "Guyana", "Pakistan", "Panama", "Sierra Leone", "Slovenia",
                "Somalia", "South Korea")  # fmt: skip
GAZA_2025 = decision(
    "S/2025/353",
    "vetoed",
    date(2025, 6, 4),
    "The situation in the Middle East, including the Palestinian question",
    vote=(14, 1, 0),
    members=roll(COUNCIL_2025, no=("United States",)),
    vetoed_by=("United States",),
)
#: Last year's elected members named as this year's: a stale list.
STALE = "China, France, Russia, Britain, Algeria, Guyana, Slovenia, Japan, Malta, Ecuador"


@pytest.mark.parametrize(
    "second",
    [
        f"The members that supported the proposal were {STALE}.",
        f"The draft was backed by {STALE}.",
    ],
)
def test_a_list_about_the_proposal_before_is_checked_against_its_roll(second):
    text = (
        "The Security Council voted Wednesday on a Gaza ceasefire text, which the United "
        f"States vetoed. {second}"
    )
    pairs = run(text, date(2025, 6, 4), [GAZA_2025], "vote")
    _c, verdict = one([(c, v) for c, v in pairs if "Malta" in c.text])
    assert (verdict.label, verdict.reason) == ("contradicted", "vote.not_on_council")


def test_a_list_about_another_proposal_is_not_contradicted():
    text = (
        "The Security Council voted Wednesday on a Gaza ceasefire text, which the United "
        f"States vetoed. A similar draft was backed by {STALE}."
    )
    pairs = run(text, date(2025, 6, 4), [GAZA_2025], "vote")
    _c, verdict = one([(c, v) for c, v in pairs if "Malta" in c.text])
    assert verdict.label != "contradicted", verdict.explanation


# --- one seat, two names ----------------------------------------------------------------------
LEVANT_1946 = decision(
    "S/PV.23",
    "vetoed",
    date(1946, 2, 16),
    "The Syrian and Lebanese question: withdrawal of British and French troops",
    vote=(7, 1, 1),
    members=members(no=("USSR",)),
    vetoed_by=("USSR",),
)


@pytest.mark.parametrize(
    "text",
    [
        # a news weekly of the time
        "In February, Russia vetoed the draft on British and French troops in Syria and Lebanon.",
        # a later history
        "On 16 February 1946 Moscow cast the first veto, on the withdrawal of troops from Syria "
        "and Lebanon.",
    ],
)
def test_russia_said_of_the_soviet_seat_is_the_same_vetoer(text):
    _c, verdict = one(run(text, date(1946, 7, 1), [LEVANT_1946], "vote"))
    assert verdict.label == "supported", verdict.explanation
    assert "the veto" in verdict.explanation


# --- "casting a no vote" is a vote cast -------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "denies"),
    [
        ("The United States vetoed the text today, casting a no vote against it.", False),
        ("Washington cast a no vote, the only one in the chamber.", False),
        ("The Council took no vote on the draft on Friday.", True),
        ("No decision was taken at the meeting.", True),
    ],
)
def test_a_no_vote_cast_is_not_a_decision_denied(sentence, denies):
    assert bool(NO_DECISION.search(sentence)) is denies


# --- a function word is no subject --------------------------------------------------------------
SG_2006 = decision(
    "S/RES/1715(2006)",
    "adopted",
    date(2006, 10, 9),
    "recommendation that Ban Ki-moon be appointed Secretary-General for a term of office",
    vote=(15, 0, 0),
    number=1715,
)


@pytest.mark.parametrize(
    "text",
    [
        # wire style
        "The Security Council on 9 October 2006 condemned the test that North Korea announced.",
        # encyclopedia style
        "On October 9, 2006, the Security Council voted to condemn the blast, a step that "
        "Pyongyang called hostile.",
    ],
)
def test_a_decision_sharing_only_a_function_word_with_the_story_is_not_its_subject(text):
    pairs = run(text, date(2006, 10, 20), [SG_2006], "date")
    _c, verdict = one(pairs)
    assert verdict.label != "supported", verdict.explanation


@pytest.mark.parametrize(
    "text",
    [
        # encyclopedia style
        "The Security Council also made its recommendation on the next Secretary-General's "
        "term of office. The resolution came after the nuclear test of 9 October 2006.",
        # wire style
        "Security Council members backed Ban Ki-moon's appointment that week. Their text "
        "answered the North's nuclear test of October 9, 2006.",
    ],
)
def test_a_sentence_voting_in_a_council_story_must_name_the_subject_itself(text):
    """A sentence that names no body is the Council's by the story, not by itself: the day's
    decision must fit the sentence's own words, not only the story's."""
    pairs = run(text, date(2006, 10, 20), [SG_2006], "date")
    _c, verdict = one(pairs)
    assert verdict.label != "supported", verdict.explanation


SYRIA_2017 = decision(
    "S/2017/315",
    "vetoed",
    date(2017, 4, 12),
    "The situation in the Middle East (Syria): chemical weapons attack",
    vote=(10, 2, 3),
    vetoed_by=("Russia",),
)
SANCTIONS_2017 = decision(
    "S/RES/2371(2017)",
    "adopted",
    date(2017, 8, 5),
    "Non-proliferation: Democratic People's Republic of Korea, sanctions",
    vote=(15, 0, 0),
    number=2371,
)


@pytest.mark.parametrize(
    ("text", "on", "decisions", "said"),
    [
        # wire style: the vote dated, its subject in the sentence before
        (
            "Russia vetoed a Security Council draft on the Syrian chemical attack. China "
            "abstained from the April 12 vote, along with two other members.",
            date(2017, 4, 13),
            [SYRIA_2017],
            "April 12",
        ),
        # broadcaster style
        (
            "The Security Council adopted new sanctions on North Korea. It was unclear whether "
            "the draft had been amended before its passage Saturday.",
            date(2017, 8, 6),
            [SANCTIONS_2017],
            "Saturday",
        ),
    ],
)
def test_a_dated_vote_in_a_council_story_needs_no_subject_words(text, on, decisions, said):
    pairs = run(text, on, decisions, "date")
    _c, verdict = one([(c, v) for c, v in pairs if said in c.text])
    assert (verdict.label, verdict.reason) == ("supported", "date.decision_on_day")


# --- a resolution named nearby whose day the records dispute ----------------------------------
CEASEFIRE_1973 = decision(
    "S/RES/338(1973)",
    "adopted",
    None,  # the records disagree on its day (21 or 22 October): no day to rank it by
    "Cease-fire in the Middle East",
    vote=(14, 0, 1),
    number=338,
)
LATER_CEASEFIRE = decision(
    "S/RES/2336(2016)",
    "adopted",
    date(2016, 12, 31),
    "The situation in the Middle East (Syria): ceasefire",
    vote=(15, 0, 0),
    number=2336,
)


@pytest.mark.parametrize(
    "text",
    [
        # encyclopedia infobox
        "UN Security Council Resolution 338, on the ceasefire in the Middle East.\n"
        "Vote: 14 voted for, none against, 1 abstained.",
        # history-site style
        "Resolution 338 called for a ceasefire in the Middle East. The Council passed it 14 "
        "votes to none, with one abstention.",
    ],
)
def test_a_resolution_named_nearby_keeps_other_decisions_from_being_sure(text):
    pairs = run(text, date(2017, 1, 1), [CEASEFIRE_1973, LATER_CEASEFIRE], "vote")
    _c, verdict = one(pairs)
    assert verdict.label != "contradicted", verdict.explanation


# --- a claim whose own words tell of other times ----------------------------------------------
RAMADAN_TEXT = decision(
    "S/RES/2728(2024)",
    "adopted",
    date(2024, 3, 25),
    "The situation in the Middle East, including the Palestinian question: Gaza ceasefire",
    vote=(14, 0, 1),
    number=2728,
)
US_DRAFT = decision(
    "S/2024/239",
    "vetoed",
    date(2024, 3, 22),
    "The situation in the Middle East, including the Palestinian question: Gaza",
    vote=(11, 3, 1),
    vetoed_by=("China", "Russia"),
)


@pytest.mark.parametrize(
    "text",
    [
        # news agency style
        "The Security Council on Monday, March 25, demanded a ceasefire in Gaza, with the "
        "United States, Israel's ally which has vetoed previous bids, abstaining.",
        # newspaper style
        "The Security Council demanded a Gaza ceasefire on Monday, March 25, as Washington, "
        "which has repeatedly vetoed such texts, abstained.",
    ],
)
def test_a_veto_told_as_a_habit_is_not_the_days_decision(text):
    pairs = run(text, date(2024, 3, 26), [RAMADAN_TEXT, US_DRAFT], "vote")
    habit = [(c, v) for c, v in pairs if "veto" in c.text]
    _c, verdict = one(habit)
    assert verdict.label not in {"supported", "contradicted"}, verdict.explanation


# --- a draft and its revision -------------------------------------------------------------------
LIBYA_1986 = decision(
    "S/18016/Rev.1",
    "vetoed",
    date(1986, 4, 21),
    "Letters from Libya and others: the United States air raids on Libya",
    vote=(9, 5, 1),
    vetoed_by=("France", "United Kingdom", "United States"),
)


@pytest.mark.parametrize(
    "text",
    [
        # a UN magazine's style, with a stray space inside the symbol
        "The vote on the draft (S/18016/ Rev.1) on the raids on Libya was 9 to 5, with 1 "
        "abstention.",
        # wire style, citing the draft as first circulated
        "The draft resolution S/18016 on the air raids on Libya won 9 votes to 5, with 1 "
        "abstention.",
    ],
)
def test_a_draft_cited_with_or_without_its_revision_is_the_revised_draft(text):
    """Written twenty years on: only the symbol can find the vote."""
    _c, verdict = one(run(text, date(2006, 4, 22), [LIBYA_1986], "vote"))
    assert verdict.label == "supported", verdict.explanation
    assert verdict.decision["decision"]["key"] == "S/18016/Rev.1"


def test_a_revision_with_a_stray_space_is_read_whole():
    claims = extract_claims("The draft S/18016/ Rev.1 was vetoed.", article_date=date(1986, 5, 1))
    assert [c.value["symbol"] for c in claims.claims if c.type == "resolution"] == ["S/18016/Rev.1"]
