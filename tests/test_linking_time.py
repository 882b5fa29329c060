"""Which time a sentence's act belongs to, and which sentences date a decision at all.

Found on news texts nobody tuned for: "vetoed a draft on last week's attack" was read as a
sentence about last week; "inspectors will return on 18 November following the Council's
vote yesterday" as a plan; "Jordan on Tuesday circulated a draft" as the day of a decision;
a resolution to "censure Israel" did not fit the records' topic "The situation in the occupied
Arab territories". Sentences are written here in several outlets' styles; decisions are built
here (no network).
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from checks.verdicts.base import topic_score
from tests.test_linking import COUNCIL_2017, decision, one, roll, run

ARTICLE = date(2017, 4, 13)
ATTACK_VETO = decision(
    "S/2017/315",
    "vetoed",
    ARTICLE - timedelta(days=1),
    "The situation in the Middle East (Syria): chemical weapons attack in Khan Shaykhun",
    vote=(10, 2, 3),
    members=roll(
        COUNCIL_2017, no=("Russia", "Bolivia"), abstain=("China", "Ethiopia", "Kazakhstan")
    ),
    vetoed_by=("Russia",),
)


@pytest.mark.parametrize(
    "text",
    [
        # wire style
        "Russia has vetoed a Western-backed draft Security Council resolution on last week's "
        "suspected chemical weapons attack in Syria.",
        # newspaper style
        "Moscow vetoed the Security Council text condemning last month's gas attack on the "
        "Syrian town, its ninth veto on Syria.",
    ],
)
def test_a_coarse_time_naming_a_noun_does_not_date_the_veto(text):
    _c, verdict = one(run(text, ARTICLE, [ATTACK_VETO], "vote"))
    assert verdict.label == "supported", verdict.explanation
    assert verdict.decision["decision"]["key"] == "S/2017/315"


IRAQ_DAY = date(2002, 11, 8)
IRAQ = decision(
    "S/RES/1441(2002)",
    "adopted",
    IRAQ_DAY,
    "The situation between Iraq and Kuwait: enhanced inspection regime",
    vote=(15, 0, 0),
    number=1441,
)


@pytest.mark.parametrize(
    "text",
    [
        # broadsheet style
        "Weapons inspectors are set to return to Iraq on November 18th following the unanimous "
        "backing by the UN Security Council yesterday for a resolution on Iraq.",
        # wire style
        "The inspectors will fly to Baghdad later this month, after the Security Council voted "
        "15-0 on Friday for the resolution on Iraq.",
    ],
)
def test_a_future_sentence_that_states_a_past_day_tells_of_that_day(text):
    _c, verdict = one(run(text, IRAQ_DAY + timedelta(days=1), [IRAQ], "vote"))
    assert verdict.label == "supported", verdict.explanation
    assert verdict.decision["decision"]["key"] == "S/RES/1441(2002)"


def test_a_plan_stays_a_plan():
    text = "The Security Council will vote 15-0 on Friday for a resolution on Iraq, envoys said."
    _c, verdict = one(run(text, IRAQ_DAY - timedelta(days=1), [IRAQ], "vote"))
    assert verdict.label == "unverifiable", verdict.explanation


STATEHOOD = decision(
    "S/2014/916",
    "failed",
    date(2014, 12, 30),
    "The situation in the Middle East, including the Palestinian question",
    vote=(8, 2, 5),
)


@pytest.mark.parametrize(
    "text",
    [
        # wire style
        "Jordan on Tuesday circulated to the Security Council a draft resolution on Palestinian "
        "statehood.",
        # newspaper style
        "France on Tuesday submitted its draft on the Palestinian question to the Security "
        "Council, diplomats said.",
    ],
)
def test_the_day_a_draft_was_tabled_is_not_dated_by_a_decision(text):
    pairs = run(text, date(2014, 12, 31), [STATEHOOD], "date")
    _c, verdict = one(pairs)
    assert verdict.label != "supported", verdict.explanation
    assert verdict.reason == "date.not_a_decision"


def test_a_vote_on_a_tabled_draft_is_still_dated():
    text = "The Security Council on Tuesday voted on the draft on Palestinian statehood submitted by Jordan."
    _c, verdict = one(run(text, date(2014, 12, 31), [STATEHOOD], "date"))
    assert verdict.label == "supported", verdict.explanation


@pytest.mark.parametrize(
    ("topic", "text"),
    [
        # newspaper and wire styles of the Council's "occupied territories" items
        ("The situation in the occupied Arab territories",
         "The United States vetoed a resolution to censure Israel for its response to the "
         "uprising in the West Bank and Gaza Strip."),
        ("The Palestine question",
         "Washington cast its veto against the text on Israeli settlements in the West Bank."),
        ("The Egyptian question", "Britain and France vetoed the draft on the Suez Canal."),
        # a plural name in the title, the singular in the news (wire and newspaper styles)
        ("The question of the Comoros",
         "France vetoed a resolution on the island of Mayotte in the Comoro Islands tonight."),
        ("Letter dated 1 April 1982 concerning the Falklands",
         "The Council demanded that Argentina withdraw from the Falkland Islands."),
        # a state's adjective for the state in the title (Q&A site and wire styles)
        ("An emergency special session of the General Assembly on the situation in Hungary",
         "Why didn't the Council intervene in the Hungarian Revolution of 1956?"),
        ("The situation in Myanmar",
         "China vetoed the draft on the Burmese junta's treatment of dissidents."),
    ],
)  # fmt: skip
def test_the_records_older_topic_names_fit_the_news_words(topic, text):
    assert topic_score(topic, text) > 0


@pytest.mark.parametrize(
    ("topic", "text"),
    [
        # a compass word of one place's name is not another place (encyclopedic, wire styles)
        ("The question of Southern Rhodesia",
         "The resolution called for Israel to withdraw its forces from southern Lebanon."),
        ("The situation in South Sudan",
         "Fighting spread across the south of the country, Yemeni officials said."),
        ("The Democratic Republic of the Congo",
         "The Democratic Party's leaders said the vote in the Council was a setback."),
    ],
)  # fmt: skip
def test_a_names_compass_or_form_of_state_word_is_no_subject(topic, text):
    assert topic_score(topic, text) == 0


@pytest.mark.parametrize(
    "text",
    [
        # wire style: weekday and day, no year
        "The Security Council met on Monday, 9 March, to vote on the Iraq text.",
        # newspaper style
        "On Tuesday, March 10, the council adopted the resolution on Iraq.",
    ],
)
def test_a_weekday_that_does_not_fit_a_guessed_year_is_not_a_contradiction(text):
    """9 and 10 March 2023 were a Thursday and a Friday; the text may mean another year."""
    pairs = run(text, date(2023, 3, 11), [IRAQ], "date")
    _c, verdict = one(pairs)
    assert verdict.label == "unverifiable", verdict.explanation
    assert verdict.reason == "date.weekday_other_year"


def test_a_weekday_that_does_not_fit_a_written_year_is_contradicted():
    text = "The Security Council met on Monday, 9 March 2023, to vote on the Iraq text."
    _c, verdict = one(run(text, date(2023, 3, 11), [IRAQ], "date"))
    assert verdict.label == "contradicted", verdict.explanation


@pytest.mark.parametrize(
    "text",
    [
        # wire style
        "Ambassador Nikki Haley said the mandate of the panel runs until 24 April 2019.",
        # newspaper style
        "The mission will stay until March 31, 2025, Foreign Minister Sergei Lavrov told "
        "reporters.",
    ],
)
def test_a_deadline_is_not_the_time_the_sentence_speaks_of(text):
    from checks.extract import extract_claims

    on = date(2018, 3, 22)
    (role,) = [c for c in extract_claims(text, article_date=on).claims if c.type == "role"]
    assert role.links["time"]["basis"] == "article date"
    assert role.links["time"]["date"] == on.isoformat()


@pytest.mark.parametrize(
    "sentence",
    [
        # UN press-release style: the resolution's content in a clause describing it
        "The Council voted 13 in favour to none against, with 2 abstentions, to adopt "
        "resolution 1070 (1996), by which it decided that all States shall deny permission to "
        "the aircraft to take off.",
        # wire style: what the vetoed draft would have done
        "The draft, which would have extended the panel's mandate for a year, was vetoed by "
        "Russia on Thursday.",
    ],
)
def test_a_clause_describing_the_text_does_not_make_the_vote_a_plan(sentence):
    from checks.extract import extract_claims

    votes = [c for c in extract_claims(sentence, article_date=date(1996, 8, 20)).claims
             if c.type == "vote"]  # fmt: skip
    assert votes and all(c.links["tense"] == "past" for c in votes), [
        (c.text, c.links["tense"]) for c in votes
    ]
