"""Two drafts voted the same day: whose draft a clause speaks of, and the outcome of each clause.

A draft's sponsor votes for it and never vetoes it, so "the Russian text won four votes" is
about the draft Russia voted for, not the one it vetoed an hour earlier. The records do not say
who drafted what; the text does. Sentences are written here in several outlets' styles (wire,
UN press release, newspaper); decisions are built here (no network, no saved tables).
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from checks.extract.drafts import mentions
from checks.extract.links import clause_outcome, outcome_of
from tests.test_linking import decision, members, one, run

DAY = date(2019, 9, 19)
E10_2019 = ("Belgium", "Côte d'Ivoire", "Dominican Republic", "Equatorial Guinea", "Germany",
            "Indonesia", "Kuwait", "Peru", "Poland", "South Africa")  # fmt: skip
# The Western draft, vetoed by Russia and China (12-2-1).
WESTERN = decision(
    "S/2019/756",
    "vetoed",
    DAY,
    "The situation in the Middle East (Syria): ceasefire in Idlib",
    vote=(12, 2, 1),
    members=members(
        yes=(
            "France",
            "United Kingdom",
            "United States",
            *(n for n in E10_2019 if n != "Equatorial Guinea"),
        ),
        no=("China", "Russia"),
        abstain=("Equatorial Guinea",),
    ),
    vetoed_by=("China", "Russia"),
)
# Russia's rival draft, the same day, which lacked the votes (2-9-4).
RIVAL = decision(
    "S/2019/757",
    "failed",
    DAY,
    "The situation in the Middle East (Syria): ceasefire in Idlib",
    vote=(2, 9, 4),
    members=members(
        yes=("China", "Russia"),
        no=(
            "France",
            "United Kingdom",
            "United States",
            "Belgium",
            "Germany",
            "Kuwait",
            "Peru",
            "Poland",
            "Dominican Republic",
        ),
        abstain=("Côte d'Ivoire", "Equatorial Guinea", "Indonesia", "South Africa"),
    ),
)
NEXT_DAY = DAY + timedelta(days=1)


@pytest.mark.parametrize(
    ("sentence", "owners"),
    [
        # wire style
        ("A Russian-drafted resolution on Idlib failed to win the nine votes needed.", [("Russia",)]),
        ("The U.S.-sponsored text drew 12 votes.", [("United States",)]),
        # UN press release style: sponsors after the noun, several of them
        ("The draft resolution submitted by Belgium, Germany and Kuwait received 12 votes.",
         [("Belgium", "Germany", "Kuwait")]),
        ("a text put forward by France and the UAE", [("France", "United Arab Emirates")]),
        # newspaper style: possessive, capital for the state
        ("Moscow's rival draft drew just two votes in favour.", [("Russia",)]),
        ("Britain's draft text and the Russian proposal were both put to a vote.",
         [("United Kingdom",), ("Russia",)]),
        # a draft named without its owner, or a draft ABOUT a state, has no sponsor
        ("He told us the text was weak.", [()]),
        ("The Syria resolution was vetoed by Russia and China.", [()]),
        ("The draft was vetoed by Russia on Thursday.", [()]),
        ("Resolution 2401 was adopted by 15 votes.", [()]),
    ],
)  # fmt: skip
def test_whose_draft_a_sentence_names(sentence, owners):
    assert [m.owners for m in mentions(sentence)] == owners


@pytest.mark.parametrize(
    "text",
    [
        # wire style
        "The Russian text received only two votes in favour, so a veto was not needed to "
        "defeat it, diplomats said on Thursday at the Security Council meeting on Idlib in Syria.",
        # newspaper style
        "In the Security Council on Thursday, Moscow's rival draft on the Syrian province of "
        "Idlib drew just two votes in favour, and no veto was needed to block it.",
    ],
)
def test_the_sponsors_draft_is_the_one_it_voted_for(text):
    _c, verdict = one(run(text, NEXT_DAY, [WESTERN, RIVAL], "vote"))
    assert verdict.label == "supported", verdict.explanation
    assert verdict.decision["decision"]["key"] == "S/2019/757"


@pytest.mark.parametrize(
    "text",
    [
        "The Russian text received only three votes in favour, so a veto was not needed to "
        "defeat it, diplomats said on Thursday at the Security Council meeting on Idlib in Syria.",
        "In the Security Council on Thursday, Moscow's rival draft on the Syrian province of "
        "Idlib drew just five votes in favour, and no veto was needed to block it.",
    ],
)
def test_a_link_that_needed_the_sponsor_never_contradicts(text):
    """Without the sponsor both drafts of the day tie; words naming it could be misread."""
    _c, verdict = one(run(text, NEXT_DAY, [WESTERN, RIVAL], "vote"))
    assert verdict.label == "unverifiable", verdict.explanation
    assert verdict.reason == "vote.link_ambiguous"


@pytest.mark.parametrize(
    "text",
    [
        # wire style: both drafts in one sentence, split by "while"
        "On Thursday the Security Council's Western draft on Idlib in Syria won 12 votes but was "
        "vetoed by Russia and China, while the Russian draft did not get the nine votes needed, "
        "with only two votes in favour.",
        # press release style: split by a semicolon
        "The Council on Thursday voted on two texts on Idlib, Syria: a draft by Belgium, Germany "
        "and Kuwait won 12 votes in favour but was vetoed by China and Russia; a Russian draft "
        "failed to obtain the required nine votes, receiving 2 votes in favour.",
    ],
)
def test_each_clause_is_linked_to_its_own_draft(text):
    pairs = run(text, NEXT_DAY, [WESTERN, RIVAL], "vote")
    keys = {}
    for claim, verdict in pairs:
        assert verdict.label == "supported", (claim.text, verdict.explanation)
        keys[verdict.decision["decision"]["key"]] = claim.text
    assert set(keys) == {"S/2019/756", "S/2019/757"}, keys


@pytest.mark.parametrize(
    ("sentence", "at", "outcome"),
    [
        # wire and newspaper styles: one outcome per clause
        ("The US text was vetoed by Russia, while the Russian draft did not have the minimum "
         "nine votes.", 5, "vetoed"),
        ("The US text was vetoed by Russia, while the Russian draft did not have the minimum "
         "nine votes.", 60, "failed"),
        ("Britain's draft won 13 votes; Moscow's text could not muster the required nine votes.",
         40, "failed"),
        # a clause without outcome words takes the one the other clauses agree on
        ("The vote was 13-2, while Russia and China cast vetoes.", 5, "vetoed"),
    ],
)  # fmt: skip
def test_each_clause_reads_its_own_outcome(sentence, at, outcome):
    assert clause_outcome(sentence, at) == outcome


@pytest.mark.parametrize(
    ("sentence", "outcome"),
    [
        # a veto not needed is no veto (wire and newspaper styles)
        ("The Russian text won only four votes, so a veto was not needed to block it.",
         "not_adopted"),
        ("Moscow's draft drew three votes and was defeated; no veto was necessary.",
         "not_adopted"),
        ("A veto was needed to block it, and Russia cast it.", "vetoed"),
        # lacking the nine votes, said several ways
        ("The draft did not have the minimum nine votes in favour.", "failed"),
        ("The text couldn't get the nine votes required to pass.", "failed"),
    ],
)  # fmt: skip
def test_outcome_words_for_a_draft_that_needed_no_veto(sentence, outcome):
    assert outcome_of(sentence) == outcome
