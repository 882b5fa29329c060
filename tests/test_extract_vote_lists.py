"""Members named after a count ("four abstentions, including A and B"; "five abstained - A,
B, C, D and E"; "three abstentions: A, B and C"), with their companions ("China abstained,
along with A and B"), after "decided to abstain", in "A joined B in rejecting it", and a veto
as a possessive noun or the object of praise ("the United States' veto", "praised the U.S.
for vetoing").

Every sentence was written for these tests, each construction in at least two outlets' styles
(wire copy, UN press release, newspaper, non-native English); none is copied from a news
text. The negatives hold the rule that a missing name is better than a wrong one.
"""

from __future__ import annotations

from datetime import date

import pytest

from checks.extract import extract_claims

ON = date(2024, 3, 15)


def vote_values(text: str) -> list[dict]:
    result = extract_claims(text, article_date=ON)
    return [c.value for c in result.claims if c.type == "vote"]


def merged(text: str) -> dict:
    """Every vote claim's lists and counts, side by side (a sentence may hold several)."""
    out: dict = {}
    for value in vote_values(text):
        for key, item in value.items():
            if isinstance(item, list):
                out.setdefault(key, [])
                out[key] += [n for n in item if n not in out[key]]
            elif item not in (None, False):
                out.setdefault(key, item)
    return out


# --- 1. names after a count: "including", a dash, a colon ----------------------------------
@pytest.mark.parametrize(
    ("text", "key", "names", "count_key", "count", "partial"),
    [
        # wire copy: "including" after the count of abstentions
        (
            "The measure passed with 11 votes in favour, none against and four abstentions, "
            "including Brazil, Kenya, Norway and Mexico.",
            "abstaining",
            ["Brazil", "Kenya", "Norway", "Mexico"],
            "abstain",
            4,
            True,
        ),
        # newspaper: no comma before "including"
        (
            "Diplomats said the text was adopted with ten votes for it and five abstentions "
            "including Gabon, Ghana, Japan, Albania and Malta.",
            "abstaining",
            ["Gabon", "Ghana", "Japan", "Albania", "Malta"],
            "abstain",
            5,
            True,
        ),
        # non-native English: the dash after a count of abstainers
        (
            "Ten member states supported the draft while four countries abstained - Mexico, "
            "Ireland, Norway and Niger.",
            "abstaining",
            ["Mexico", "Ireland", "Norway", "Niger"],
            "abstain",
            4,
            False,
        ),
        # UN-style: a colon after "voted against"
        (
            "The Security Council adopted the resolution by 12 votes in favour, while three "
            "members voted against: Algeria, China and the Russian Federation.",
            "against_members",
            ["Algeria", "China", "Russia"],
            "against",
            3,
            False,
        ),
        # newspaper: an en dash after "voted against", closed by another
        (
            "Thirteen members voted in favor of the text and two voted against – Russia and "
            "China – saying it went too far.",
            "against_members",
            ["Russia", "China"],
            "against",
            2,
            False,
        ),
        # wire copy: "including" after a count in favour
        (
            "The draft won 13 votes in favour, including France and Japan, with two abstentions.",
            "in_favour",
            ["France", "Japan"],
            "for",
            13,
            True,
        ),
        # newspaper: "including" just after the dash
        (
            "Ten members voted in favour - including the US and UK - while five abstained.",
            "in_favour",
            ["United States", "United Kingdom"],
            "for",
            10,
            True,
        ),
        # non-native English: a colon, then "including"
        (
            "The text got 12 votes in favor: including France, Japan and Malta.",
            "in_favour",
            ["France", "Japan", "Malta"],
            "for",
            12,
            True,
        ),
        # regional paper: "including" in brackets, a possessive for the member's vote
        (
            "Russia's draft resolution received six votes in favor (including China's), but fell "
            "short of the nine required to pass.",
            "in_favour",
            ["China"],
            "for",
            6,
            True,
        ),
        # wire copy: "including those of"
        (
            "The Russian text got only five votes in favour, including those of China and Bolivia, "
            "while four members voted against.",
            "in_favour",
            ["China", "Bolivia"],
            "for",
            5,
            True,
        ),
    ],
)
def test_names_after_a_count(text, key, names, count_key, count, partial):
    value = merged(text)
    assert value.get(key) == names, value
    assert value.get(count_key) == count, value  # the count stays the count
    assert bool(value.get("partial_list")) is partial, value


@pytest.mark.parametrize(
    "text",
    [
        # wire copy: three sides, each with its dash list
        "Nine countries voted in favour of the resolution - Algeria, China, Ecuador, Guyana, "
        "Mozambique, Russia, Sierra Leone, Slovenia and Switzerland - two opposed - Japan and "
        "Malta - and four abstained - France, Korea, Britain and the United States.",
        # non-native English, long dashes and "voted against" in place of "opposed"
        "9 members voted in favor — Algeria, China, Ecuador, Guyana, Mozambique, Russia, "
        "Sierra Leone, Slovenia and Switzerland — two voted against — Japan and Malta — and "
        "four abstained — France, Korea, Britain and the United States.",
    ],
)
def test_three_dash_lists_go_to_their_sides(text):
    value = merged(text)
    assert value["for"] == 9 and value["against"] == 2 and value["abstain"] == 4, value
    assert value["against_members"] == ["Japan", "Malta"], value
    assert "United States" in value["abstaining"] and "Japan" not in value["abstaining"], value
    assert "Slovenia" in value["in_favour"] and "Malta" not in value["in_favour"], value
    assert not value.get("partial_list"), value


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # "including" followed by no state
        (
            "The text passed with 12 votes in favour and three abstentions, including several "
            "African members.",
            "abstaining",
        ),
        # a name in the list that is no state: the whole list is left alone
        (
            "The draft was adopted with three abstentions, including the Arab Group and India.",
            "abstaining",
        ),
        # a dash that opens a comment, not a list of states
        (
            "The vote was 13 in favour and two against – a blow to Washington, which had "
            "lobbied hard for the text.",
            "against_members",
        ),
        # a dash list of news agencies, not of states
        ("Fourteen members voted in favour - Reuters, AFP and AP reported.", "in_favour"),
        # more names than the count: not this count's list
        (
            "Two members voted against - Russia, China and Iran had campaigned against it.",
            "against_members",
        ),
        # a lone name after a dash where the count is larger starts a new statement
        (
            "Three countries abstained - Britain said it had doubts about the text.",
            "abstaining",
        ),
        # a colon that opens a new statement, not a list
        ("Two voted against: Russia said the text was biased.", "against_members"),
        ("In the end, 11 in favour: Britain called it a good day for the Council.", "in_favour"),
    ],
)
def test_no_names_from_what_is_no_list_of_states(text, key):
    value = merged(text)
    assert not value.get(key), value


# --- 2. companions, "decided to abstain", "joined B in rejecting it" -----------------------
@pytest.mark.parametrize(
    ("text", "names"),
    [
        # wire copy
        (
            "China abstained from Monday's vote, along with Mozambique and Guyana.",
            ["China", "Mozambique", "Guyana"],
        ),
        # newspaper, "together with"
        (
            "India abstained on the resolution together with Brazil and Gabon, diplomats said.",
            ["India", "Brazil", "Gabon"],
        ),
    ],
)
def test_abstained_along_with(text, names):
    assert merged(text).get("abstaining") == names


def test_along_with_no_state_adds_no_name():
    value = merged("China abstained in the vote, along with most African members.")
    assert value.get("abstaining") == ["China"], value


@pytest.mark.parametrize(
    ("text", "key", "names"),
    [
        # wire copy
        (
            "Mozambique, Japan and Ecuador decided to abstain, according to diplomats.",
            "abstaining",
            ["Mozambique", "Japan", "Ecuador"],
        ),
        # non-native English
        (
            "Brazil and India chose to abstain in the vote, a diplomat said.",
            "abstaining",
            ["Brazil", "India"],
        ),
        # newspaper, against
        (
            "Algeria opted to vote against the draft resolution on Tuesday.",
            "against_members",
            ["Algeria"],
        ),
    ],
)
def test_decided_to_abstain_or_vote_against(text, key, names):
    assert sorted(merged(text).get(key, [])) == sorted(names)


@pytest.mark.parametrize(
    "text",
    [
        "India decided not to abstain in the vote on the draft.",
        "Brazil may decide to abstain when the draft is put to a vote.",
    ],
)
def test_no_abstention_when_denied_or_only_possible(text):
    assert not merged(text).get("abstaining")


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # wire copy: the sentence before says what "it" is
        (
            "The Council voted on the draft resolution on Friday. Bolivia joined Russia in "
            "rejecting it.",
            ["Bolivia"],
        ),
        # newspaper: one sentence, "opposing the draft"
        (
            "Nicaragua joined China in opposing the draft, which won 12 votes in the Council.",
            ["Nicaragua"],
        ),
        # non-native English: "voting against"
        ("Algeria joined Russia in voting against the resolution.", ["Algeria"]),
    ],
)
def test_joined_in_rejecting(text, names):
    assert merged(text).get("against_members") == names


def test_joined_and_whom_it_joined_both_read_when_said():
    value = merged(
        "Russia voted against the draft resolution, and Bolivia joined Russia in rejecting it."
    )
    assert sorted(value.get("against_members", [])) == ["Bolivia", "Russia"], value


@pytest.mark.parametrize(
    "text",
    [
        # not a text voted on
        "At the meeting, Bolivia joined Russia in rejecting the accusations of the West.",
        # "it" with no vote anywhere near
        "The minister spoke about the border dispute. Bolivia joined Russia in rejecting it.",
    ],
)
def test_joined_in_rejecting_something_else_is_no_vote(text):
    assert not merged(text).get("against_members")


# --- 3. a veto as a possessive noun, or the object of praise --------------------------------
@pytest.mark.parametrize(
    ("text", "holder"),
    [
        # wire copy, straight apostrophe
        ("The draft fell after the United States' veto last night.", "United States"),
        # newspaper, typographic apostrophe
        ("Arab envoys deplored the United States’ veto of the ceasefire text.", "United States"),
        # wire copy, praise
        ("Israel praised the U.S. for vetoing the resolution.", "United States"),
        # UN-style, thanks
        ("Syria thanked Russia for vetoing the draft in the Council.", "Russia"),
    ],
)
def test_veto_possessive_or_praised(text, holder):
    assert holder in merged(text).get("vetoed_by", [])


@pytest.mark.parametrize(
    "text",
    [
        "Observers regretted the Philippines' decision to stay away.",
        "Diplomats criticised Russia for threatening to veto the text.",
        "Moscow blamed the West for vetoing its proposals.",
        "Israel would praise the U.S. for vetoing any such resolution.",
    ],
)
def test_no_veto_from_other_possessives_or_threats(text):
    value = merged(text)
    assert not value.get("vetoed_by") and not value.get("vetoed"), value


# --- 4. "received N votes against": the count is against, not in favour ------------------------
@pytest.mark.parametrize(
    ("text", "against"),
    [
        # wire copy
        ("The draft received two votes against and 13 in favour.", 2),
        # a regional paper's style, names in brackets
        ("It got four votes against (among them France and Britain).", 4),
    ],
)
def test_votes_received_against_are_not_votes_in_favour(text, against):
    value = merged(text)
    assert value.get("against") == against, value
    assert value.get("for") != against, value


@pytest.mark.parametrize(
    "text",
    [
        # a Jordanian agency's reprint
        "The British draft won 11 favorable votes, but Russia vetoed it.",
        # UN-style summary, British spelling
        "The resolution received 11 favourable votes, with four abstentions.",
    ],
)
def test_favourable_votes_are_votes_in_favour(text):
    assert merged(text).get("for") == 11
