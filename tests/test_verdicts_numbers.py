"""Number rule: Charter figures at the time the sentence speaks of, with reason codes.

No source is asked: the Charter facts ship with the package (checks/data/charter.json) and the
calendar is arithmetic. Sentences are written for these tests in wire, UN-press and newspaper
styles ("the 15-nation Security Council", "the 15-member body", "the 15-country council").
"""

from __future__ import annotations

from datetime import date

import pytest

from checks.extract import extract_claims
from checks.extract.links import ensure_links
from checks.models import Claim, Verdict
from checks.verdicts.base import CheckContext, Services
from checks.verdicts.numbers import check_number, sentence_day, unit_word


def number_verdict(text: str, on: str, *, linked: bool = True) -> tuple[Claim, Verdict]:
    day = date.fromisoformat(on)
    claims = extract_claims(text, article_date=day).claims
    ensure_links(claims, day)  # computed at extraction; done again here to be explicit
    if not linked:
        for c in claims:
            c.links = {}
    numbers = [c for c in claims if c.type == "number"]
    assert len(numbers) == 1, [c.text for c in numbers]
    ctx = CheckContext(text=text, article_date=day, claims=claims, services=Services())
    return numbers[0], check_number(numbers[0], ctx)


@pytest.mark.parametrize(
    ("text", "on", "label", "reason"),
    [
        # the Council's size, however the outlet counts its members
        (
            "Diplomats said the 15-nation Security Council would vote on the text on Friday.",
            "2020-06-01",
            "supported",
            "number.council_size_match",
        ),
        (
            "The 15-member body adopted resolution 2532 (2020) without a vote.",
            "2020-07-02",
            "supported",
            "number.council_size_match",
        ),
        (
            "The 15-country council remains split over the draft.",
            "2020-06-01",
            "supported",
            "number.council_size_match",
        ),
        (
            "The 11-nation Security Council met behind closed doors.",
            "2020-06-01",
            "contradicted",
            "number.council_size_mismatch",
        ),
        # the sentence's own time, not only the article's date
        (
            "In 1960 the 11-nation Council was deadlocked over the Congo.",
            "2020-06-01",
            "supported",
            "number.council_size_match",
        ),
        (
            "In 1946 the 15-member Council met in London.",
            "2021-01-17",
            "partly_supported",
            "number.council_size_at_writing_only",
        ),
        (
            "The text needed seven votes to pass the Council in 1964.",
            "2020-06-01",
            "supported",
            "number.votes_required_match",
        ),
        (
            "The text needed nine votes to pass the Council in 1964.",
            "2020-06-01",
            "partly_supported",
            "number.votes_required_at_writing_only",
        ),
        (
            "Adoption requires at least seven affirmative votes in the Security Council.",
            "2020-08-15",
            "contradicted",
            "number.votes_required_mismatch",
        ),
        # a count of some members is not the Council's size
        (
            "All the other four permanent members of the Council have cast vetoes before.",
            "1970-03-18",
            "unverifiable",
            "number.no_rule",
        ),
        (
            "The Council's 10 elected members issued a joint statement on Gaza.",
            "2024-03-22",
            "unverifiable",
            "number.no_rule",
        ),
        (
            "The other 14 Council members issued a joint statement.",
            "2024-03-22",
            "unverifiable",
            "number.no_rule",
        ),
        (
            "Diplomats said the Security Council's four permanent members had agreed.",
            "2024-03-22",
            "contradicted",
            "number.permanent_members_mismatch",
        ),
        # votes cast and some permanent members are counts of a vote, not Charter figures
        (
            "The draft is not adopted, because of the two negative votes cast against it.",
            "1973-05-23",
            "unverifiable",
            "number.no_rule",
        ),
        (
            "The resolution could not pass: Britain and America cast two negative votes.",
            "1973-05-23",
            "unverifiable",
            "number.no_rule",
        ),
        (
            "The measure was blocked by two permanent members, Britain and the United States.",
            "1973-05-23",
            "unverifiable",
            "number.no_rule",
        ),
        (
            "Two permanent members, Britain and France, blocked the text.",
            "1956-10-31",
            "unverifiable",
            "number.no_rule",
        ),
        # "the two permanent members" points back to two named before (news site and wire)
        (
            "Russia and China vetoed the referral. The two permanent members ignored the "
            "appeals of the other members.",
            "2014-05-23",
            "unverifiable",
            "number.no_rule",
        ),
        (
            "Moscow and Beijing cast vetoes, and the two permanent members said the text was "
            "unbalanced.",
            "2019-12-21",
            "unverifiable",
            "number.no_rule",
        ),
        # ... while a count of all of them is checked (newspaper style)
        (
            "The Security Council's four permanent members hold a veto.",
            "2019-12-21",
            "contradicted",
            "number.permanent_members_mismatch",
        ),
        # a count of members that voted is not the Council's size (regional and wire styles)
        (
            "Eleven members of the Security Council, including France, have endorsed the appeal.",
            "2025-09-19",
            "unverifiable",
            "number.no_rule",
        ),
        (
            "Ten members of the Security Council supported the ceasefire appeal on Friday.",
            "2024-04-19",
            "unverifiable",
            "number.no_rule",
        ),
        # ... while the Council's size told with a vote, or all its members, stays a size
        (
            "In August 1972, 11 of the 14 members of the UN Security Council voted to "
            "recommend membership.",
            "1972-08-30",
            "contradicted",
            "number.council_size_mismatch",
        ),
        (
            "The 14 members of the Security Council met behind closed doors on Friday.",
            "2024-04-19",
            "contradicted",
            "number.council_size_mismatch",
        ),
        (
            "The 14-member Security Council voted on the draft on Friday.",
            "2024-04-19",
            "contradicted",
            "number.council_size_mismatch",
        ),
        # another body's vote, told the sentence before (newspaper and wire styles)
        (
            "The General Assembly denounced the invasion on Friday. With the nonaligned "
            "nations' backing, the measure would normally have carried at least 100 votes.",
            "1989-12-30",
            "unverifiable",
            "number.no_rule",
        ),
        (
            "The General Assembly took up the text again on Monday. Its sponsors said they "
            "needed at least nine votes from the Western group.",
            "2023-10-30",
            "unverifiable",
            "number.no_rule",
        ),
        # other councils and figures no rule checks
        (
            "The 47-nation Human Rights Council opened its session in Geneva.",
            "2024-09-06",
            "unverifiable",
            "number.no_rule",
        ),
        (
            "The agency employs 300 staff in the region.",
            "2024-09-06",
            "unverifiable",
            "number.no_rule",
        ),
        (
            "With 70 days left until the US presidential election, the campaign intensified.",
            "2024-09-06",
            "contradicted",
            "number.days_to_election_mismatch",
        ),
    ],
)
def test_number_rule_reasons(text: str, on: str, label: str, reason: str) -> None:
    _claim, verdict = number_verdict(text, on)
    assert (verdict.label, verdict.reason) == (label, reason), verdict.explanation
    if label != "unverifiable":
        assert verdict.evidence and verdict.evidence[0].source in {"un-charter", "calendar"}


def test_without_links_the_article_date_is_the_time() -> None:
    claim, verdict = number_verdict(
        "The 11-member Council met on Monday.", "1960-10-19", linked=False
    )
    assert claim.links == {} and sentence_day(claim, date(1960, 10, 19)) == date(1960, 10, 19)
    assert verdict.reason == "number.council_size_match"


def test_units_are_read_as_one_word() -> None:
    assert [unit_word(u) for u in ("nations", "countries", "countrys", "members", "state")] == [
        "nation",
        "country",
        "country",
        "member",
        "state",
    ]


def undated_number_verdict(text: str) -> Verdict:
    claims = extract_claims(text).claims
    numbers = [c for c in claims if c.type == "number"]
    assert len(numbers) == 1, [c.text for c in numbers]
    ctx = CheckContext(text=text, article_date=None, claims=claims, services=Services())
    return check_number(numbers[0], ctx)


@pytest.mark.parametrize(
    ("text", "label", "reason"),
    [
        # a 1940s magazine's style: right then, though wrong today
        ("Each of the Security Council's eleven members will be represented at the session.",
         "unverifiable", "number.council_size_time_unknown"),
        # wire style of the same era
        ("The eleven-nation Security Council voted to send observers to the border.",
         "unverifiable", "number.council_size_time_unknown"),
        # today's figure, in a text with no date, is not checked against one era either
        ("The 15-member Security Council will meet behind closed doors.",
         "unverifiable", "number.council_size_time_unknown"),
        # a size the Council never had is wrong whenever the text was written
        ("The 12-member Security Council voted to send observers to the border.",
         "contradicted", "number.council_size_mismatch"),
    ],
)  # fmt: skip
def test_an_undated_texts_council_size_is_checked_against_every_era(text, label, reason):
    verdict = undated_number_verdict(text)
    assert (verdict.label, verdict.reason) == (label, reason), verdict.explanation


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # a 1940s wire style: every date the text gives is before 1966
        ("On 25 June 1950 the eleven-nation Security Council voted to call for a cease-fire.",
         "supported"),
        # a modern newspaper's style: every date is after 1966
        ("The 15-member Security Council voted on 18 September 2025 on the Gaza draft.",
         "supported"),
        # a size that fits the other era is left open, never called false
        ("Fighting broke out in Korea on 25 June 1950. Diplomats say the 15-member Security "
         "Council rarely acts so fast.", "unverifiable"),
    ],
)  # fmt: skip
def test_an_undated_texts_own_dates_tell_the_era_of_a_size_only_to_support(text, label):
    assert undated_number_verdict(text).label == label


@pytest.mark.parametrize(
    "text",
    [
        # a reference site's style: the Council acts on another body's size
        "By resolution 47, the Security Council increased the size of the Commission established "
        "by United Nations Security Council Resolution 39 to five members.",
        # wire style: the figure names a panel's size
        "The Security Council on Friday set up a five-member panel to look into the attack.",
        # UN press-release style
        "The Council decided that the committee shall consist of eleven members of the Council.",
    ],
)
def test_a_count_of_another_bodys_members_is_not_the_councils_size(text):
    _c, verdict = number_verdict(text, "1948-04-22")
    assert verdict.reason is None or not verdict.reason.startswith("number.council_size"), (
        verdict.reason,
        verdict.explanation,
    )


@pytest.mark.parametrize(
    "text",
    [
        # a government history's editorial note, published decades later
        "Between July 2 and 7, 1961, the Security Council debated Kuwait. The UAR draft did not "
        "obtain the required 7 affirmative votes.",
        # a newspaper's "today in history" column
        "On this day in 1962, the Security Council met on the Congo. The Soviet text fell short "
        "of the seven votes needed to pass.",
    ],
)
def test_a_charter_figure_of_the_storys_own_past_is_no_error(text):
    # written after 1966 about an earlier vote: the sentence states no time of its own, and
    # seven votes were what a decision needed in the year the story speaks of
    _claim, verdict = number_verdict(text, "1994-01-01")
    assert (verdict.label, verdict.reason) == ("unverifiable", "number.votes_required_time_unknown")


@pytest.mark.parametrize(
    "text",
    [
        # a South African weekly's headline, present tense
        "Nine nations adopt Security Council ban on arms to South Africa.",
        # wire headline
        "Eleven members back Security Council call for ceasefire.",
    ],
)
def test_a_count_of_members_that_adopt_or_back_a_text_counts_voters_not_seats(text):
    _claim, verdict = number_verdict(text, "2018-08-07")
    assert verdict.label == "unverifiable", verdict.explanation
