"""Who the text says vetoed or stood alone. An elected member is a "vetoer" only when the text joins it to the vetoers: a state named in
a phrase before the vetoing subject ("angered by its ties with Taiwan, China vetoed") is not,
and reading it so would make the Charter rule call a true report false. Found on a 1997
newspaper report nobody tuned for; sentences written here in two outlets' styles."""

from __future__ import annotations

from datetime import date

import pytest

from checks.extract import extract_claims


def vetoes(text: str) -> list[dict]:
    claims = extract_claims(text, article_date=date(1997, 1, 11)).claims
    return [c.value for c in claims if c.type == "vote" and c.value.get("vetoed")]


@pytest.mark.parametrize(
    "text",
    [
        # wire style
        "Angered by Guatemala's diplomatic relations with Taiwan, China on Friday vetoed a plan "
        "to send peace monitors.",
        # newspaper style
        "Citing Skopje's recognition of Taiwan, China vetoed the renewal of the mission.",
    ],
)
def test_a_state_in_a_phrase_before_the_vetoer_is_no_vetoer(text):
    (value,) = vetoes(text)
    assert value["vetoed_by"] == ["China"]
    assert not value.get("vetoed_by_elected")


@pytest.mark.parametrize(
    "text",
    [
        "Bolivia joined Russia and China to veto the draft on Syria.",
        "Russia, China and Bolivia vetoed the draft on Syria.",
    ],
)
def test_an_elected_member_joined_to_the_vetoers_is_kept_as_said(text):
    (value,) = vetoes(text)
    assert value["vetoed_by_elected"] == ["Bolivia"]


@pytest.mark.parametrize(
    "text",
    [
        # wire style
        "Russia was the sole member to vote against, in a move the minister called cynical.",
        # newspaper style
        "The United States was the lone dissenter on the council.",
    ],
)
def test_a_lone_dissenter_states_the_count(text):
    """ "The sole member to vote against" says one vote against: a record of two is a
    mismatch, so the count is stated, not inferred from the list of names."""
    claims = extract_claims(text, article_date=date(2024, 11, 19)).claims
    (value,) = [c.value for c in claims if c.type == "vote"]
    assert value["against"] == 1
    assert "against" not in value.get("inferred", [])


@pytest.mark.parametrize(
    ("text", "vetoers"),
    [
        # an Indian daily's archive column
        ("The United States joined Britain in vetoing the resolution on the Falklands.",
         ["United States", "United Kingdom"]),
        # wire style
        ("France joined the United States and Britain in vetoing the draft on Namibia.",
         ["France", "United States", "United Kingdom"]),
    ],
)  # fmt: skip
def test_joining_another_member_in_vetoing_names_both_vetoers(text, vetoers):
    (value,) = vetoes(text)
    assert value["vetoed_by"] == vetoers
