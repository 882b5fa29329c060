"""People's titles in apposition, possessive, title-first and country-first forms, for
delegates, envoys, ambassadors, representatives, observers, commanders and heads of government.

Sentences are written for these tests in the styles of wire copy, UN press releases, old
newsmagazines, newspapers and non-native English outlets; none is copied from the dev set."""

from __future__ import annotations

from datetime import date

import pytest

from checks.extract import extract_claims
from checks.extract.role_parse import specs

ON = date(2023, 3, 15)


def role_of(text: str, person: str) -> dict:
    result = extract_claims(text, article_date=ON)
    for claim in result.claims:
        assert text[claim.start : claim.end] == claim.text
    hits = [c.value for c in result.claims if c.type == "role" and c.value["person"] == person]
    assert hits, [(c.type, c.text, c.value) for c in result.claims]
    return hits[0]


@pytest.mark.parametrize(
    ("sentence", "person", "role", "of"),
    [
        # name in apposition after a long title (UN press release; non-native English site)
        (
            "The Permanent Representative of China to the UN, Zhang Jun, said the text was "
            "unbalanced.",
            "Zhang Jun",
            "Permanent Representative to the UN",
            "China",
        ),
        (
            "Speaking after the vote, the Permanent Representative of the United Kingdom to "
            "the United Nations, Barbara Woodward, called the veto regrettable.",
            "Barbara Woodward",
            "Permanent Representative to the United Nations",
            "United Kingdom",
        ),
        # no closing comma after the name (non-native English site; UN-style summary)
        (
            "The Permanent Representative of China to the UN, Zhang Jun expressed regret over "
            "the result.",
            "Zhang Jun",
            "Permanent Representative to the UN",
            "China",
        ),
        (
            "The Deputy Permanent Representative of Ukraine, Khrystyna Hayovyshyn said the "
            "occupation must end.",
            "Khrystyna Hayovyshyn",
            "Deputy Permanent Representative",
            "Ukraine",
        ),
        # the parser hangs the name on the title's "to" phrase (wire; Asian daily)
        (
            "Chinese Ambassador to the United Nations Fu Cong accused Washington of hypocrisy.",
            "Fu Cong",
            "Ambassador to the United Nations",
            "China",
        ),
        (
            "Meanwhile, UK Ambassador to the United Nations Barbara Woodward said the draft was "
            "the least the Council could do.",
            "Barbara Woodward",
            "Ambassador to the United Nations",
            "United Kingdom",
        ),
        # country first, title, then the name with no comma (wire; regional daily)
        (
            "French Ambassador to the United Nations Nicolas de Riviere said Paris would vote "
            "in favour.",
            "Nicolas de Riviere",
            "Ambassador to the United Nations",
            "France",
        ),
        (
            "Russian representative Dmitry Polyanskiy blocked the draft on Friday.",
            "Dmitry Polyanskiy",
            "representative",
            "Russia",
        ),
        # old newsmagazine style: nationality, title, honorific, full name
        ("Soviet Delegate Andrei Vyshinsky rose to reply.", "Andrei Vyshinsky", "Delegate", "USSR"),
        (
            "British Delegate Sir Gladwyn Jebb answered him point by point.",
            "Gladwyn Jebb",
            "Delegate",
            "United Kingdom",
        ),
        (
            "U.S. Delegate Henry Cabot Lodge Jr. asked for an emergency session.",
            "Henry Cabot Lodge Jr.",
            "Delegate",
            "United States",
        ),
        # commanders (wire; newspaper)
        (
            "Canadian General Lewis MacKenzie commanded the troops in Sarajevo.",
            "Lewis MacKenzie",
            "General",
            "Canada",
        ),
        (
            "Indian General Satish Nambiar led the force in its first year.",
            "Satish Nambiar",
            "General",
            "India",
        ),
        # title in apposition after the name (history page; newspaper)
        (
            "Jacob Malik, the Soviet representative to the United Nations, walked out again.",
            "Jacob Malik",
            "representative to the United Nations",
            "USSR",
        ),
        (
            "Mr. Ahmed Ali, the Pakistani delegate, disagreed with the draft.",
            "Ahmed Ali",
            "delegate",
            "Pakistan",
        ),
        # possessive (wire)
        (
            "Israel's ambassador Gilad Erdan tore up a copy of the Charter.",
            "Gilad Erdan",
            "ambassador",
            "Israel",
        ),
        # observers and heads of government
        (
            "The Permanent Observer of Palestine to the United Nations, Riyad Mansour, urged "
            "members to act.",
            "Riyad Mansour",
            "Permanent Observer to the United Nations",
            "Palestine",
        ),
        (
            "Ethiopian Prime Minister Abiy Ahmed met the envoy in Addis Ababa.",
            "Abiy Ahmed",
            "Prime Minister",
            "Ethiopia",
        ),
    ],
)
def test_title_forms(sentence, person, role, of):
    value = role_of(sentence, person)
    assert value["role"] == role
    assert value["of"] == of


@pytest.mark.parametrize(
    "sentence",
    [
        "The General Assembly met in emergency session.",
        "The delegate from the observer mission left early.",
        "The ambassador to Russia said nothing new.",
        "Council President Vanessa Frazier opened the meeting.",
    ],
)
def test_no_person_is_made_of_a_body_or_a_bare_title(sentence):
    result = extract_claims(sentence, article_date=ON)
    people = {c.value["person"] for c in result.claims if c.type == "role"}
    assert not people & {"Assembly", "General Assembly", "mission", "observer mission", "Russia"}


def test_role_patterns_are_data_in_spacys_dependency_format():
    from spacy.lang.en import English
    from spacy.matcher import DependencyMatcher

    matcher = DependencyMatcher(English().vocab)
    for spec in specs():
        matcher.add(spec["label"], [spec["pattern"]])  # spaCy accepts every pattern
        assert spec["reader"] in {"title_then_name", "name_then_title"}
    assert len(matcher) == len(specs()) >= 3
