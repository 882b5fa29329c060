"""Votes said in ordinary language: who voted how, read from the grammar of the sentence.

Every sentence here was written for these tests, each construction in at least two styles
(wire copy, UN press release, newspaper, non-native English); none is copied from the dev set.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
import spacy
from spacy.matcher import DependencyMatcher

from checks import countries
from checks.extract import extract_claims, vote_grammar, votes
from checks.extract.context import ArticleContext
from checks.nlp import load_pipeline
from checks.patternbook import PATTERN_DIR, patterns

ON = date(2023, 3, 15)


def vote_claims(text: str, on: date | None = ON):
    result = extract_claims(text, article_date=on)
    for claim in result.claims:
        assert text[claim.start : claim.end] == claim.text
    return [c for c in result.claims if c.type == "vote"]


def one_vote(text: str, on: date | None = ON) -> dict:
    found = vote_claims(text, on)
    assert len(found) == 1, [(c.text, c.value) for c in found]
    return found[0].value


def holds(value: dict, want: dict) -> None:
    for key, expected in want.items():
        got = value.get(key)
        if isinstance(expected, list):
            assert sorted(got or []) == sorted(expected), (key, value)
        else:
            assert got == expected, (key, value)


# --- counts with the members named -----------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "want"),
    [
        # newspaper, dashes around the list
        (
            "Four countries – Russia, China, Algeria and Mozambique – voted against the text.",
            {"against": 4, "against_members": ["Russia", "China", "Algeria", "Mozambique"]},
        ),
        # wire, em dashes and "no"
        (
            "Two members—Brazil and Ghana—voted in favor of the amendment, while the rest "
            "abstained.",
            {"for": 2, "in_favour": ["Brazil", "Ghana"]},
        ),
        # history magazine, two clauses in one sentence
        (
            "Five nations, France, Norway, Cuba, Egypt and Iran, voted for the proposal, and "
            "two, Japan and Kenya, voted against it.",
            {"for": 5, "in_favour": ["France", "Norway", "Cuba", "Egypt", "Iran"]},
        ),
    ],
)
def test_count_with_members_set_off(text, want):
    found = vote_claims(text)
    assert found, text
    assert any(
        all(
            c.value.get(k) == v or sorted(c.value.get(k) or []) == sorted(v)
            for k, v in want.items()
        )
        for c in found
    ), [c.value for c in found]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # UN press release
        (
            "The Council adopted the text with 13 members, including Japan, voting in its "
            "favour and two abstaining.",
            {"for": 13, "in_favour": ["Japan"], "partial_list": True},
        ),
        # newspaper
        (
            "Eleven countries including Brazil, India and Germany abstained in the vote.",
            {"abstain": 11, "abstaining": ["Brazil", "India", "Germany"], "partial_list": True},
        ),
        # non-native English
        (
            "In the voting, nine states including Kenya and Ghana were voting against the draft.",
            {"against": 9, "against_members": ["Kenya", "Ghana"], "partial_list": True},
        ),
    ],
)
def test_a_count_with_some_members_keeps_the_count(text, want):
    holds(one_vote(text), want)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("In the end, 12 out of 15 members supported the draft.", 12),  # non-native
        ("The resolution was backed by 13 of the 15 council members.", 13),  # wire
        ("It was supported by 14 of the Security Council's 15 members, diplomats said.", 14),
    ],
)
def test_part_of_the_council_is_the_count_not_the_total(text, count):
    value = one_vote(text)
    assert value["for"] == count


def test_all_other_members_derived_only_when_every_other_side_is_stated():
    text = "Two members voted against and three abstained, and all other members voted in favour."
    value = one_vote(text)
    assert (value["for"], value["against"], value["abstain"]) == (10, 2, 3)
    assert "for" in value["inferred"]
    # Unknown how many abstained: the rest cannot be counted.
    text = "China abstained, while all other countries of the council voted in favour."
    value = one_vote(text)
    assert value["for"] is None and value["abstaining"] == ["China"]


@pytest.mark.parametrize(
    "text",
    [
        "All other members of the council, including Japan and Malta, voted in favour.",
        "The remaining countries of the Security Council, including Japan and Malta, voted "
        "for the draft.",
    ],
)
def test_names_after_including_belong_to_the_voters_not_the_council(text):
    value = one_vote(text)
    assert value["in_favour"] == ["Japan", "Malta"] and value["partial_list"] is True
    assert value["for"] is None  # how many "others" there were is not said


def test_rest_is_counted_when_the_other_sides_are_numbers():
    text = (
        "Two members voted against and one abstained; all other members of the Council, "
        "including France, voted in favour."
    )
    value = one_vote(text)
    assert (value["for"], value["against"], value["abstain"]) == (12, 2, 1)
    assert value["in_favour"] == ["France"]


@pytest.mark.parametrize(
    "text",
    [
        "Egypt and India were absent during the vote on the resolution.",  # wire
        "The delegations of Cuba and Ecuador were absent when the vote was taken.",  # UN style
    ],
)
def test_absent_members_are_not_voters(text):
    found = vote_claims(text)
    absent = {n for c in found for n in c.value.get("absent", [])}
    assert absent and absent <= {"Egypt", "India", "Cuba", "Ecuador"}
    assert all(c.value["for"] is None for c in found)


@pytest.mark.parametrize(
    ("text", "key", "names"),
    [
        (
            "The Security Council members that supported the proposal are: Malta, Japan, "
            "Guyana and Slovenia.",
            "in_favour",
            ["Malta", "Japan", "Guyana", "Slovenia"],
        ),
        ("Those voting against were Russia and Belarus.", "against_members", ["Russia"]),
        ("The countries that abstained were Brazil and Kenya.", "abstaining", ["Brazil", "Kenya"]),
    ],
)
def test_copular_lists_of_voters(text, key, names):
    value = one_vote(text)
    assert set(names) <= set(value[key])


@pytest.mark.parametrize(
    ("text", "key", "names"),
    [
        (
            "Voting against were Russia and Belarus, while China abstained.",
            "against_members",
            ["Russia", "Belarus"],
        ),  # wire
        ("Abstaining were Brazil, India and Kenya.", "abstaining", ["Brazil", "India", "Kenya"]),
        (
            "Voting in favour were Japan and Malta; the others abstained.",
            "in_favour",
            ["Japan", "Malta"],
        ),  # UN meeting coverage
    ],
)
def test_inverted_lists_of_voters(text, key, names):
    found = vote_claims(text)
    assert any(set(names) <= set(c.value[key]) for c in found), [c.value for c in found]


@pytest.mark.parametrize(
    ("text", "key", "names"),
    [
        ("India, which abstained, said the text was unbalanced.", "abstaining", ["India"]),
        (
            "Russia and China, which both voted against the draft, called it a pretext.",
            "against_members",
            ["Russia", "China"],
        ),
        ("Ghana, who voted in favour, welcomed the outcome.", "in_favour", ["Ghana"]),
    ],
)
def test_a_relative_clause_names_the_voter(text, key, names):
    assert one_vote(text)[key] == names


@pytest.mark.parametrize(
    ("text", "key", "names"),
    [
        (
            "The resolution passed 12 votes to none, with three abstentions: Russia, China and "
            "Pakistan.",
            "abstaining",
            ["Russia", "China", "Pakistan"],
        ),
        (
            "Votes against: Russia, Belarus and Nicaragua.",
            "against_members",
            ["Russia", "Belarus", "Nicaragua"],
        ),
    ],
)
def test_names_after_a_colon(text, key, names):
    assert one_vote(text)[key] == names


@pytest.mark.parametrize(
    ("text", "key", "names"),
    [
        (
            "Russia and China were the only two countries to vote against the resolution.",
            "against_members",
            ["Russia", "China"],
        ),
        (
            "Russia, China and Algeria were the three members that voted against.",
            "against_members",
            ["Russia", "China", "Algeria"],
        ),
        (
            "India and Brazil were the two members that abstained.",
            "abstaining",
            ["India", "Brazil"],
        ),
    ],
)
def test_voters_named_as_the_ones_who_voted(text, key, names):
    assert one_vote(text)[key] == names


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("The measure won approval from 13 of the 15 members.", 13),
        ("The draft received the support of 11 of the council's 15 members.", 11),
    ],
)
def test_support_from_part_of_the_council(text, count):
    assert one_vote(text)["for"] == count


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Russia cast the sole veto.", "Russia"),
        ("The US cast the lone veto on Friday.", "United States"),
    ],
)
def test_the_sole_veto(text, who):
    assert one_vote(text)["vetoed_by"] == [who]


# --- vetoes --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "vetoed_by"),
    [
        # weekly magazine: apposition between subject and verb
        (
            "Britain and France, the two oldest allies of Washington, vetoed the U.S. proposal.",
            ["United Kingdom", "France"],
        ),
        # UN peacekeeping history page: a noun with "of"
        (
            "The Council could not act owing to the vetoes of France and the United Kingdom.",
            ["France", "United Kingdom"],
        ),
        # blog, emphatic auxiliary
        ("The Soviet Union actually did veto the resolution in 1950.", ["USSR"]),
        # wire: "joined" -- only permanent members veto; the third state voted against
        (
            "Venezuela joined China and Russia to veto the draft on Thursday.",
            ["China", "Russia"],
        ),
    ],
)
def test_vetoes_as_verbs_and_nouns(text, vetoed_by):
    found = vote_claims(text)
    assert any(sorted(c.value["vetoed_by"]) == sorted(vetoed_by) for c in found), [
        c.value for c in found
    ]


@pytest.mark.parametrize(
    ("text", "holders", "elected"),
    [
        # wire
        (
            "Bolivia joined the United States and France to veto the text.",
            ["France", "United States"],
            ["Bolivia"],
        ),
        # non-native English
        (
            "The draft was vetoed by Russia, China and Mozambique on Friday.",
            ["Russia", "China"],
            ["Mozambique"],
        ),
    ],
)
def test_an_elected_member_said_to_veto_is_kept_as_said_not_turned_into_a_no(
    text, holders, elected
):
    """Only a permanent member can veto: a text saying an elected member vetoed asserts
    something false, so the claim keeps it apart (for a rule to contradict), and does not
    quietly rewrite it as a vote against, which would read true."""
    value = one_vote(text)
    assert sorted(value["vetoed_by"]) == sorted(holders)
    assert value["vetoed_by_elected"] == elected
    assert value["against_members"] == []


def test_only_permanent_vetoes_have_no_elected_field():
    value = one_vote("China and Russia vetoed the draft resolution on Tuesday.")
    assert "vetoed_by_elected" not in value


@pytest.mark.parametrize(
    "text",
    [
        "The text was blocked by a Western veto.",
        "The council vetoed to adoption of the resolution proposed by Russia.",  # non-native
    ],
)
def test_a_veto_by_no_named_state_is_a_veto_without_holders(text):
    value = one_vote(text)
    assert value["vetoed"] is True and value["vetoed_by"] == []
    assert value["against_members"] == [] and value["against"] is None


@pytest.mark.parametrize(
    "text",
    [
        "Russia did not veto the resolution, choosing to abstain instead.",
        "Diplomats said China would veto any such resolution.",
        "The threat of a veto by Moscow hung over the talks.",
        "Washington has threatened to veto the draft.",
    ],
)
def test_vetoes_denied_threatened_or_hypothetical_are_not_vetoes(text):
    assert all(not c.value.get("vetoed_by") for c in vote_claims(text))


def test_an_ordinal_of_events_is_not_a_count_of_votes():
    for text in (
        "It was the fifth time Russia has used its veto on Syria.",
        "This is the third time this year that the United States has vetoed a draft.",
    ):
        for claim in vote_claims(text):
            assert all(claim.value[k] is None for k in ("for", "against", "abstain")), text


# --- failures and tables ------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "The Russian text failed to garner the necessary nine votes.",  # wire
        "The draft resolution did not have the minimum nine votes in favour.",  # non-native
        "A rival draft fell short of the nine votes needed for adoption.",  # newspaper
    ],
)
def test_shortfall_is_a_failed_vote_with_no_count(text):
    value = one_vote(text)
    assert value["failed"] is True and value["for_below"] == 9
    assert value["for"] is None


@pytest.mark.parametrize(
    ("text", "tally"),
    [
        ("Infobox\n- Meeting: 5,551\n- For: 15\n- Abstention: 0\n- Against: 0\n", (15, 0, 0)),
        ("Vote\nIn favour: 13\nAgainst: 0\nAbstentions: 2\n", (13, 0, 2)),
        ("| Yes | 12 |\n| No | 2 |\n| Abstain | 1 |\n", (12, 2, 1)),
    ],
)
def test_table_and_infobox_lines(text, tally):
    found = vote_claims(text, on=None)
    assert any((c.value["for"], c.value["against"], c.value["abstain"]) == tally for c in found), [
        c.value for c in found
    ]
    assert not any("5,551" in c.text or c.value.get("for") == 5551 for c in found)


# --- the patterns are data, readable and safe ----------------------------------------------------
def test_every_vote_pattern_names_a_reader_that_exists():
    for p in patterns("vote"):
        assert p.options["reader"] in votes.READERS, p.label
        if p.options["reader"] in {"count", "members"}:
            assert p.options["side"] in {"for", "against", "abstain", "veto"}, p.label
    for p in vote_grammar.dep_patterns():
        assert p.reader in vote_grammar.READERS, p.label
        assert p.options["side"] in {"for", "against", "abstain", "veto", "absent"}, p.label
        assert any(n["RIGHT_ID"] == "act" for n in p.pattern), p.label


def test_dependency_patterns_are_valid_dependency_matcher_patterns():
    """Our reader of them handles a subset of the notation; spaCy must accept every one."""
    nlp = load_pipeline().nlp
    matcher = DependencyMatcher(nlp.vocab)
    lines = (PATTERN_DIR / "vote_dep.jsonl").read_text(encoding="utf-8").splitlines()
    for line in filter(None, lines):
        spec = json.loads(line)
        matcher.add(spec["label"], [spec["pattern"]])
        for node in spec["pattern"][1:]:
            assert node["REL_OP"] in vote_grammar.RELATIONS
        for node in spec["pattern"]:
            assert set(node["RIGHT_ATTRS"]) <= set(vote_grammar.ATTRS)
    doc = nlp("Britain and France vetoed the proposal.")
    ours = [
        (p.label, sorted(t.i for t in tokens.values()))
        for p in vote_grammar.dep_patterns()
        for tok in doc
        for tokens in vote_grammar.match(p, tok)
    ]
    theirs = [(nlp.vocab.strings[m], sorted(ids)) for m, ids in matcher(doc)]
    assert sorted(ours) == sorted(theirs) and ours


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("A. " * 6700, True),  # 20,000 characters of one-letter sentences
        ("Six countries – " + "Cuba, " * 3000 + "and Egypt – voted against.", True),
        # 5,000 repetitions: the regular patterns alone (the parse of 145,000 characters of
        # this would only measure spaCy; the parse reader skips over-long sentences anyway)
        ("by a vote of 13 in favour to " * 5000, False),
    ],
    ids=["initials", "long-list", "repeated-tally"],
)
def test_pathological_text_takes_linear_work(text, parsed, monkeypatch):
    """Every pattern is linear on such input (bounded repetitions, no nested open-ended
    quantifiers): the finder runs to the end, and merging looks at a bounded number of
    earlier parts for each part (those within PART_REACH characters), not at all of them."""
    pipeline = load_pipeline()
    nlp = pipeline.nlp if parsed else spacy.blank("en")
    if not parsed:
        nlp.add_pipe("sentencizer")
    ctx = ArticleContext(text, nlp(text), None, statistical=parsed)
    looked = 0
    original = votes._recent

    def counting(kept, start):
        nonlocal looked
        for k in original(kept, start):
            looked += 1
            yield k

    monkeypatch.setattr(votes, "_recent", counting)
    found = votes.find(ctx)
    parts = len(votes._parts(ctx))
    assert looked <= 100 * max(parts, 1), (looked, parts)
    assert all(f.end - f.start <= votes.PART_REACH for f in found)


# --- member-state names -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("the Russian Federation", "Russia"),
        ("U.S.", "United States"),
        ("United Kingdom of Great Britain and Northern Ireland", "United Kingdom"),  # ISO, library
        ("Britain", "United Kingdom"),  # the news's own, data
        ("Korea, Republic of", "South Korea"),  # ISO inverted form, library
        ("Swiss Confederation", "Switzerland"),
        ("Socialist Republic of Viet Nam", "Viet Nam"),
        ("Nationalist China", "China"),  # China's seat until 1971
        ("the Soviet Union", "USSR"),
        ("Turkey", "Türkiye"),
    ],
)
def test_state_names_resolve_to_one_canonical_name(name, canonical):
    assert countries.canonical(name) == canonical
    assert countries.is_known(name)


def test_permanent_members_and_unknown_names():
    assert all(
        countries.is_permanent_member(n)
        for n in ("French Republic", "the People's Republic of China", "USSR", "Washington")
    )
    assert not countries.is_permanent_member("Bolivia")
    assert not countries.is_known("Atlantis") and countries.canonical("the Atlantis") == "Atlantis"
    assert countries.from_demonym("Russian") == "Russia"
    assert countries.split_names("Russia, China and the United States") == [
        "Russia",
        "China",
        "the United States",
    ]


# --- a count made from named members is marked as such ----------------------------------------
@pytest.mark.parametrize(
    ("text", "key"),
    [
        # wire style
        ("Russia and China voted against the draft on Tuesday.", "against"),
        # UN press release style
        ("The draft received 13 votes in favour, with Russia and China abstaining.", "abstain"),
    ],
)
def test_a_count_taken_from_a_list_of_names_is_marked_inferred(text, key):
    (claim,) = [c for c in extract_claims(text, article_date=date(2024, 1, 1)).claims
                if c.type == "vote"]  # fmt: skip
    assert claim.value[key] == 2
    assert key in claim.value.get("inferred", [])


def test_a_stated_count_is_not_marked_inferred():
    text = "Two members, Russia and China, voted against the draft on Tuesday."
    (claim,) = [c for c in extract_claims(text, article_date=date(2024, 1, 1)).claims
                if c.type == "vote"]  # fmt: skip
    assert claim.value["against"] == 2
    assert "against" not in claim.value.get("inferred", [])


@pytest.mark.parametrize("name", ["West Germany", "Federal Republic of Germany", "FRG", "Germany"])
def test_every_name_of_the_federal_republic_is_one_council_seat(name):
    """The UN records list the FRG's votes under "GERMANY, FEDERAL REPUBLIC OF"; news of the
    time says "West Germany": both must meet on one name for per-member checks."""
    import json
    from pathlib import Path

    import checks

    columns = json.loads(
        (Path(checks.__file__).parent / "data" / "votesdb_members.json").read_text()
    )
    record_name = countries.canonical(columns["columns"]["GERMANY, FEDERAL REPUBLIC OF"])
    assert countries.canonical(name) == record_name == "Germany"


# --- one claim per clause: separate assertions are checked separately --------------------------
@pytest.mark.parametrize(
    ("text", "claims"),
    [
        # UN press style: the count, then an absent member
        (
            "The Council adopted resolution 2799 (2025) by 13 votes in favour, while Guyana was "
            "absent.",
            [("13 votes in favour", {"for": 13}), ("Guyana was absent", {"absent": ["Guyana"]})],
        ),
        # wire: a count, then a veto in a "but" clause
        (
            "The text got 11 votes in favour, but the United States vetoed it.",
            [
                ("got 11 votes in favour", {"for": 11}),
                ("the United States vetoed", {"vetoed_by": ["United States"]}),
            ],
        ),
        # newspaper, the subordinate clause first; the veto clause is false on its face
        (
            "While ten members supported the draft, Malta joined France and Russia to veto it.",
            [
                ("ten members supported the draft", {"for": 10, "vetoed_by": []}),
                (
                    "Malta joined France and Russia to veto",
                    {
                        "for": None,
                        "vetoed_by": ["France", "Russia"],
                        "vetoed_by_elected": ["Malta"],
                    },
                ),
            ],
        ),
        # headline: two clauses joined by "and", neither with a count
        (
            "Malta and Ghana were absent at the vote, and Russia vetoed the text.",
            [
                ("Malta and Ghana were absent", {"absent": ["Malta", "Ghana"], "vetoed_by": []}),
                ("Russia vetoed", {"vetoed_by": ["Russia"]}),
            ],
        ),
        # wire, no counts at all: who vetoed and who abstained are two facts
        (
            "The United States vetoed the draft, and Japan abstained.",
            [
                ("The United States vetoed", {"vetoed_by": ["United States"], "abstaining": []}),
                ("Japan abstained", {"abstaining": ["Japan"], "vetoed_by": []}),
            ],
        ),
    ],
)
def test_separate_finite_clauses_are_separate_claims(text, claims):
    found = vote_claims(text)
    assert [c.text for c in found] == [t for t, _ in claims], [(c.text, c.value) for c in found]
    for claim, (_, want) in zip(found, claims, strict=True):
        holds(claim.value, want)


def test_every_split_claim_is_its_exact_text_and_only_its_own_names():
    text = "Officials said Turkey and Brazil voted against, while Lebanon abstained on the text."
    found = vote_claims(text)  # checks text == article[start:end]
    assert [c.text for c in found] == ["Turkey and Brazil voted against", "Lebanon abstained"]
    assert found[0].value["abstaining"] == [] and found[1].value["against_members"] == []


@pytest.mark.parametrize(
    ("text", "tally"),
    [
        # wire: one count per clause completes one tally
        ("Twelve members voted in favour, two against and one abstained.", (12, 2, 1)),
        ("Nine members voted for, four voted against, and the remaining two abstained.", (9, 4, 2)),
        # a stated count and states named on the other side, clause by clause
        ("Eleven members backed the text while Russia and China voted against it.", (11, 2, None)),
        (
            "In the voting, 10 countries were supporting the draft, but Ecuador and Japan have "
            "abstained.",
            (10, None, 2),
        ),
        # "with X abstaining" is no finite clause: the abstentions are counted from the names
        ("The Council adopted the text 13-0, with Russia and China abstaining.", (13, 0, 2)),
        ("The resolution passed 14-0-1, with the United States abstaining.", (14, 0, 1)),
        # UN press
        (
            "The Council adopted the text by 13 votes to none, with 2 abstentions (China, "
            "Russian Federation).",
            (13, 0, 2),
        ),
        # counts over two sentences
        ("Two of the 15 members voted for it. Two voted against and 11 abstained.", (2, 2, 11)),
        # the rest of the Council completes a tally too
        (
            "Two members voted against and three abstained, and all other members voted in favour.",
            (10, 2, 3),
        ),
    ],
)
def test_counts_in_several_clauses_stay_one_tally(text, tally):
    value = one_vote(text)
    assert (value["for"], value["against"], value["abstain"]) == tally


@pytest.mark.parametrize(
    "text",
    [
        # wire
        "The Council backed the text in a unanimous vote that passed with Japan abstaining.",
        # non-native English
        "The resolution was adopted in a unanimous vote which was held with Brazil abstaining.",
    ],
)
def test_a_relative_clause_on_the_vote_is_the_same_statement(text):
    value = one_vote(text)
    assert value["unanimous"] is True and value["abstain"] == 1 and len(value["abstaining"]) == 1


@pytest.mark.parametrize(
    ("text", "tally"),
    [
        # wire style: the side word after a tally belongs to the whole tally
        ("The Security Council voted 12-2 in favour of the sanctions, with Lebanon abstaining.",
         (12, 2, 1)),
        # newspaper style
        ("Council members voted 14-1 for the draft on Thursday.", (14, 1, None)),
        ("The resolution passed 13-0 in favor, with two abstentions.", (13, 0, 2)),
    ],
)  # fmt: skip
def test_a_side_word_after_a_tally_does_not_make_a_second_count(text, tally):
    vote = next(c for c in extract_claims(text).claims if c.type == "vote")
    assert (vote.value["for"], vote.value["against"], vote.value["abstain"]) == tally


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        # headline style: a list match that ran back over the previous clause starts at the
        # first state it names, and each clause is its own claim
        ("Britain and Japan stayed away from the vote in the Security Council, and the United "
         "States voted against the text.", "the United States voted against"),
        ("Malta was absent from the meeting of the Council, and Russia voted against.",
         "Russia voted against"),
    ],
)  # fmt: skip
def test_a_clause_after_a_comma_and_is_its_own_claim(text, starts):
    texts = [c.text for c in extract_claims(text).claims if c.type == "vote"]
    assert starts in texts, texts


@pytest.mark.parametrize(
    ("text", "vetoed_by"),
    [
        # 1970s newspaper style: a time word, an editor's bracketed date, an ordinal veto
        ("The United States last night [March 17] cast its first veto in the Council.",
         ["United States"]),
        # wire style
        ("Russia on Tuesday cast its 17th veto on Syria.", ["Russia"]),
        ("Britain yesterday used its fourth veto on the question.", ["United Kingdom"]),
    ],
)  # fmt: skip
def test_an_ordinal_veto_after_a_time_word_is_a_veto(text, vetoed_by):
    claims = extract_claims(text).claims
    vote = next(c for c in claims if c.type == "vote")
    assert vote.value["vetoed_by"] == vetoed_by
    if "fourth" in text:  # the ordinal is still a number claim (Britain's fourth veto)
        assert any(c.type == "number" and c.text == "fourth veto" for c in claims)
