"""Council draft symbols named without the word "draft" right before them, the tense of a
sentence whose relative clause describes the text ("which would have imposed sanctions"), and a
tally told as "voted ... to adopt resolution N".

Every sentence was written for these tests in the styles of several outlets (UN Chronicle or
Yearbook, wire copy, a newspaper, a diplomatic telegram, a documents edition); none is copied
from the dev set or the probe texts.
"""

from __future__ import annotations

from datetime import date

import pytest

from checks.extract import extract_claims
from checks.extract.tense import without_descriptions


def resolutions(text: str, on: date | None = None) -> list:
    return [c for c in extract_claims(text, article_date=on).claims if c.type == "resolution"]


def drafts(text: str) -> list[str]:
    return [c.value["symbol"] for c in resolutions(text) if c.value.get("draft")]


# --- 1. a symbol that names the text put to the vote -------------------------------------------
@pytest.mark.parametrize(
    ("text", "symbol"),
    [
        # UN Chronicle: the symbol in parentheses after "the text"
        (
            "Explaining his negative vote on the text (S/14941), the representative of the "
            "United States said it went beyond the Council's mandate.",
            "S/14941",
        ),
        # newspaper: after "proposal"
        (
            "The proposal (S/10489) won nine votes but fell to a British veto, diplomats said.",
            "S/10489",
        ),
        # Yearbook: "the resolution (Security Council document S/...)"
        (
            "The Soviet Union voted against the resolution (Security Council document S/4523), "
            "which therefore was not adopted.",
            "S/4523",
        ),
        # telegram: "DRAFT RES (S/...)"
        (
            "USDEL VOTED AGAINST NON-ALIGNED DRAFT RES (S/12310) ON NAMIBIA AFTER LONG DEBATE.",
            "S/12310",
        ),
        # Yearbook: "the draft resolution contained in document S/..."
        (
            "The draft resolution contained in document S/5245 was not adopted, owing to the "
            "negative vote of a permanent member.",
            "S/5245",
        ),
        # documents edition: a citation in parentheses after the sentence about the vote
        (
            "The Soviet representative cast the only negative vote, and the proposal failed. "
            "(U.N. doc. S/3671)",
            "S/3671",
        ),
        # wire: "document S/YYYY/NNN" of a vote ("document" alone names no letter)
        (
            "Ten members voted for document S/2023/792, which two permanent members vetoed.",
            "S/2023/792",
        ),
        # newspaper: a revision
        (
            "The revised text (S/14832/Rev.1) drew 13 votes in favour on Wednesday.",
            "S/14832/Rev.1",
        ),
    ],
)
def test_symbol_named_as_the_text_voted_on_is_a_draft(text: str, symbol: str) -> None:
    assert drafts(text) == [symbol]
    (claim,) = [c for c in resolutions(text) if c.value["symbol"] == symbol]
    assert claim.value["number"] is None and claim.value["kind"] == "draft"
    assert claim.text == symbol


@pytest.mark.parametrize(
    "text",
    [
        # newspaper: a letter named just before the symbol, though a draft comes earlier
        "The draft was tabled only after Ukraine's letter (S/2014/136) reached members "
        "before the vote.",
        # wire: a report, though the sentence speaks of a vote
        "Before the vote the Council received a report on the mission (S/2023/111).",
    ],
)
def test_symbol_of_a_letter_or_report_is_no_draft(text: str) -> None:
    assert drafts(text) == []
    assert [c.value["kind"] for c in resolutions(text)] == ["document"]


@pytest.mark.parametrize(
    "text",
    [
        # documents edition: a letter cited by its document symbol
        "Pakistan's letter to the President of the Council (U.N. doc. S/3779) asked for an "
        "early vote.",
        # Yearbook: a report cited as a document, in a sentence about a vote
        "Before voting, the Council had before it a report of the Commission (document S/3800).",
        # resolution's preamble: letters named by their symbols
        "Taking note of the letters of the Permanent Representative of Lebanon (S/12600 and "
        "S/12606), the Council voted.",
        # a document named in a sentence that speaks of no vote
        "Document S/1201 lists the members of the commission.",
    ],
)
def test_older_symbol_of_a_letter_report_or_paper_is_not_read(text: str) -> None:
    assert resolutions(text) == []


def test_meeting_records_and_resolution_symbols_read_as_before() -> None:
    claims = resolutions(
        "The vote is recorded in S/PV.1382; the Council adopted S/RES/242 (1967) that day."
    )
    assert [(c.value["symbol"], c.value["number"], c.value["draft"]) for c in claims] == [
        ("S/RES/242 (1967)", 242, False)
    ]


def test_named_symbol_is_the_draft_of_the_tally_in_its_sentence() -> None:
    text = "The proposal (S/10489) received nine votes in favour, one against and five abstentions."
    claims = extract_claims(text).claims
    (draft,) = [c for c in claims if c.type == "resolution"]
    (vote,) = [c for c in claims if c.type == "vote"]
    assert draft.value["symbol"] == "S/10489" and draft.value["draft"]
    assert vote.links["resolution"] == draft.id


# --- 2. the tense of the clause, not of a clause describing the text --------------------------
@pytest.mark.parametrize(
    ("text", "on", "day"),
    [
        # UN Chronicle: "a draft resolution by which the Council would have ..."
        (
            "France and the United Kingdom on 12 November vetoed a draft resolution by which the "
            "Council would have imposed an arms embargo on the territory.",
            date(1990, 2, 1),
            date(1989, 11, 12),
        ),
        # newspaper: a draft "that would have ..."
        (
            "Britain and the United States on 9 April blocked a resolution that would have "
            "ordered mandatory sanctions against the regime.",
            date(1987, 1, 20),
            date(1986, 4, 9),
        ),
    ],
)
def test_would_have_in_a_clause_about_the_text_leaves_the_veto_past(
    text: str, on: date, day: date
) -> None:
    (claim,) = [c for c in extract_claims(text, article_date=on).claims if c.type == "date"]
    assert claim.value["date"] == day.isoformat()


@pytest.mark.parametrize(
    ("text", "on", "day"),
    [
        # wire: a plan in the main clause, a description after it
        (
            "The Council will vote on 3 March on a draft which would extend the mission.",
            date(2024, 1, 10),
            date(2024, 3, 3),
        ),
        # newspaper: the date stands in the relative clause that holds the plan
        (
            "Diplomats circulated a draft, which is expected to be put to a vote on 4 February, "
            "calling for a ceasefire.",
            date(2023, 12, 20),
            date(2024, 2, 4),
        ),
        # telegram-like wire: "would vote" in the main clause
        (
            "Members would vote on 2 January on the text, which calls for new elections.",
            date(2021, 12, 20),
            date(2022, 1, 2),
        ),
    ],
)
def test_real_plans_stay_ahead(text: str, on: date, day: date) -> None:
    found = [c for c in extract_claims(text, article_date=on).claims if c.type == "date"]
    assert [c.value["date"] for c in found] == [day.isoformat()]


@pytest.mark.parametrize(
    ("sentence", "left"),
    [
        # UN press release: "by which it decided that ... shall"
        (
            "The Council voted 12 to none, with 3 abstentions, to adopt resolution 2100 by "
            "which it decided that all States shall freeze the funds.",
            "shall",
        ),
        # newspaper: ", which would have ..."
        ("The text, which would have imposed sanctions, was vetoed by Moscow.", "would"),
        # wire: "that would have"
        ("China blocked a draft that would have extended the mission.", "would"),
        # agency reprint (RT via Armenpress) and wire: "a draft that will see / will keep"
        (
            "The Council has unanimously adopted a Russia-tabled draft that will see a "
            "technical extension of sanctions.",
            "will",
        ),
        ("Members passed a text that will keep the panel working for a year.", "will"),
    ],
)
def test_clauses_describing_the_text_leave_no_tense_cue(sentence: str, left: str) -> None:
    assert left in sentence
    assert left not in without_descriptions(sentence)


def test_a_plan_in_the_main_clause_keeps_its_cue() -> None:
    sentence = "The Council will vote on Friday on a text which would extend the mission."
    assert "will vote" in without_descriptions(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Britain circulated a draft that will be put to a vote on Friday.",
        "Members agreed on a text that will be adopted unanimously on Friday.",
    ],
)
def test_a_clause_telling_a_vote_still_to_come_keeps_its_cue(sentence: str) -> None:
    assert "will" in without_descriptions(sentence)


# --- 3. "voted ... to adopt resolution N": the tally is that resolution's ---------------------
@pytest.mark.parametrize(
    ("text", "number"),
    [
        # UN press release
        (
            "The Council voted 12 in favour to none against with 3 abstentions (Egypt, India and "
            "Pakistan) to adopt resolution 2100 (2013).",
            2100,
        ),
        # wire copy
        ("The Security Council voted 14-0 on Monday, adopting resolution 2231.", 2231),
    ],
)
def test_tally_of_a_vote_to_adopt_a_resolution_belongs_to_it(text: str, number: int) -> None:
    claims = extract_claims(text).claims
    (res,) = [c for c in claims if c.type == "resolution"]
    (vote,) = [c for c in claims if c.type == "vote"]
    assert res.value["number"] == number
    assert vote.links["resolution"] == res.id


@pytest.mark.parametrize(
    "text",
    [
        # wire: a tally of one decision, then another decision told by its own finite verb
        "The Council rejected the Russian draft 4-2 and then adopted resolution 2722.",
        # newspaper: the adoption came after the vote told ("before adopting")
        "The Council voted 13-2 on the amendment before adopting resolution 2401.",
    ],
)
def test_tally_of_another_decision_is_not_attached(text: str) -> None:
    claims = extract_claims(text).claims
    votes = [c for c in claims if c.type == "vote" and any(ch.isdigit() for ch in c.text)]
    assert votes and all(v.links["resolution"] is None for v in votes)


# --- a date written against a draft's symbol is the paper's date ------------------------------
@pytest.mark.parametrize(
    "text",
    [
        # documents edition: the citation gives the paper's date (the vote came days later)
        "For the text of the proposal (United Nations Security Council Document S/1048, "
        "October 22, 1948), see the volume cited above; the vote was held later.",
        # Yearbook: "draft resolution S/... of <date>"
        "The Council then voted on draft resolution S/2019/756 of 17 September, which was "
        "not adopted.",
    ],
)
def test_date_of_a_drafts_paper_is_not_the_day_of_its_vote(text: str) -> None:
    claims = extract_claims(text).claims
    (draft,) = [c for c in claims if c.type == "resolution"]
    (day,) = [c for c in claims if c.type == "date"]
    assert draft.value["draft"]
    assert day.links["resolution"] is None


@pytest.mark.parametrize(
    "text",
    [
        # wire: the date hangs on the verb of the veto
        "On 25 October the Soviet Union vetoed draft S/1048 on Berlin.",
        # newspaper: the date after the verb's object
        "Moscow vetoed the proposal (S/3787) on 20 February, diplomats said.",
    ],
)
def test_date_of_the_veto_of_a_named_draft_is_its_day(text: str) -> None:
    claims = extract_claims(text).claims
    (draft,) = [c for c in claims if c.type == "resolution"]
    (day,) = [c for c in claims if c.type == "date"]
    assert day.links["resolution"] == draft.id
