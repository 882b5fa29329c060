"""Undated stories: the vote found from what the story's other claims say of it (leave-one-out,
`checks.anchor`), days without a year checked against it, and the limits that keep such a link
from ever calling a claim false.

Sentences are written for these tests in several outlets' styles (wire copy, a regional
paper in non-native English, a UN-style summary); the decisions are built here.
"""

from __future__ import annotations

from datetime import date

import pytest

from checks.extract import extract_claims
from checks.pipeline import check_claims
from checks.verdicts.base import Services
from tests.test_linking import CW, FakeIndex, decision, members

E10_2010 = ("Austria", "Bosnia and Herzegovina", "Gabon", "Japan", "Mexico", "Nigeria", "Uganda")
IRAN_2010 = decision(
    "S/RES/1929(2010)",
    "adopted",
    date(2010, 6, 9),  # a Wednesday
    "Non-proliferation: measures against the Islamic Republic of Iran",
    vote=(12, 2, 1),
    members=members(
        yes=("China", "France", "Russia", "United Kingdom", "United States", *E10_2010),
        no=("Brazil", "Türkiye"),
        abstain=("Lebanon",),
    ),
    number=1929,
)
IRAN_2006 = decision(
    "S/RES/1737(2006)",
    "adopted",
    date(2006, 12, 23),
    "Non-proliferation: measures against the Islamic Republic of Iran",
    vote=(15, 0, 0),
    number=1737,
)


def verdicts(text: str, decisions: list):
    claims = extract_claims(text).claims  # no date given, none in the text
    got = check_claims(text, claims, None, services=Services(decisions=FakeIndex(decisions)))
    return [(c, got[c.id]) for c in claims]


def of(pairs, kind: str, words: str):
    return next(v for c, v in pairs if c.type == kind and words in c.text)


@pytest.mark.parametrize(
    "text",
    [
        # wire style
        "The UN Security Council on Wednesday imposed new sanctions on Iran. The council voted "
        "12-2 to adopt the measures. Turkey and Brazil voted against, while Lebanon abstained.",
        # regional paper, non-native English
        "UN Security Council on Wednesday adopted sanctions resolution against Iran with 12-2 "
        "vote. Brazil and Turkey have voted against the resolution and Lebanon abstained.",
    ],
)
def test_an_undated_story_finds_its_vote_from_its_other_claims(text):
    pairs = verdicts(text, [IRAN_2010, IRAN_2006])
    tally = of(pairs, "vote", "12-2")
    assert (tally.label, tally.reason) == ("supported", "vote.counts_match"), tally.explanation
    assert tally.decision["decision"]["key"] == "S/RES/1929(2010)"
    wednesday = of(pairs, "date", "Wednesday")
    assert (wednesday.label, wednesday.reason) == ("supported", "date.fits_linked_decision")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # wire style
        ("The Security Council on Wednesday voted 13-2 to impose new sanctions on Iran. "
         "Turkey and Brazil voted against, while Lebanon abstained.", "13-2"),
        # regional paper, non-native English
        ("UN Security Council on Wednesday adopted Iran sanctions with 11 votes in favour. Brazil and "
         "Turkey have voted against and Lebanon abstained.", "11 votes"),
    ],
)  # fmt: skip
def test_a_wrong_tally_in_an_undated_story_is_never_called_false(text, words):
    tally = of(verdicts(text, [IRAN_2010, IRAN_2006]), "vote", words)
    assert tally.label == "unverifiable", tally.explanation
    assert tally.reason == "vote.link_ambiguous"


@pytest.mark.parametrize(
    "text",
    [
        # wire style
        "The Security Council on Monday voted 12-2 to impose new sanctions on Iran. Turkey "
        "and Brazil voted against, while Lebanon abstained.",
        # regional paper
        "UN Security Council on Monday adopted sanctions against Iran with 12-2 vote. Brazil "
        "and Turkey have voted against the resolution and Lebanon abstained.",
    ],
)
def test_a_weekday_that_does_not_fit_the_found_vote_is_not_called_false(text):
    monday = of(verdicts(text, [IRAN_2010, IRAN_2006]), "date", "Monday")
    assert (monday.label, monday.reason) == ("unverifiable", "date.link_other_day")


@pytest.mark.parametrize(
    "text",
    [
        # only one vote claim: nothing else in the story pins the vote down (wire, newspaper)
        "The Security Council voted 12-2 on Wednesday to impose new sanctions on Iran.",
        "Iran was hit with a fourth round of UN sanctions on Wednesday in a 12-2 vote.",
    ],
)
def test_the_claim_under_test_never_finds_its_own_vote(text):
    tally = of(verdicts(text, [IRAN_2010, IRAN_2006]), "vote", "12-2")
    assert tally.label == "unverifiable" and tally.reason == "vote.no_link", tally.explanation


@pytest.mark.parametrize(
    "text",
    [
        # wire style
        "The Security Council voted 12-2 on Wednesday to impose sanctions on Iran. Turkey and "
        "Brazil voted against. A rival text got only 4 votes in favour.",
        # newspaper style
        "The Council voted 12-2 on Wednesday to impose sanctions on Iran, with Turkey and "
        "Brazil against. An alternative draft won just 4 votes in favour.",
    ],
)
def test_a_story_of_two_votes_pins_down_neither(text):
    tally = of(verdicts(text, [IRAN_2010, IRAN_2006]), "vote", "12-2")
    assert tally.label == "unverifiable", tally.explanation


@pytest.mark.parametrize(
    "text",
    [
        # dated story; resolution 2118 is named nearby but its roll has none of the three states
        "The draft, based on resolution 2118 on chemical weapons in Syria, was put to a vote "
        "on Tuesday. Egypt, Ethiopia and Kazakhstan abstained.",
        "Egypt, Ethiopia and Kazakhstan abstained on Tuesday's text on chemical weapons in "
        "Syria, which built on resolution 2118.",
    ],
)
def test_states_named_as_abstaining_that_did_not_sit_rule_a_decision_out(text):
    cw_2013 = decision(
        "S/RES/2118(2013)", "adopted", date(2013, 9, 27),
        "The situation in the Middle East (Syria): chemical weapons",
        vote=(15, 0, 0), members=members(yes=("Argentina", "Australia", "Azerbaijan")),
        number=2118,
    )  # fmt: skip
    claims = extract_claims(text, article_date=date(2018, 5, 2)).claims
    got = check_claims(text, claims, date(2018, 5, 2),
                       services=Services(decisions=FakeIndex([cw_2013, CW])))  # fmt: skip
    vote = next(got[c.id] for c in claims if c.type == "vote")
    assert vote.label == "unverifiable" and vote.reason == "vote.no_link", vote.explanation


E10_2023 = ("Albania", "Brazil", "Ecuador", "Gabon", "Ghana", "Japan", "Malta", "Mozambique",
            "Switzerland", "United Arab Emirates")  # fmt: skip
SAHEL_2017 = decision(
    "S/RES/2374(2017)", "adopted", date(2017, 9, 5), "sanctions in Mali", vote=(15, 0, 0),
    members=members(yes=("China", "France", "Russia", "United Kingdom", "United States", "Japan")),
    number=2374,
)  # fmt: skip
MALI_A = decision(
    "S/2023/638", "vetoed", date(2023, 8, 30), "The situation in Mali", vote=(13, 1, 1),
    members=members(yes=tuple(n for n in (*E10_2023, "France", "United Kingdom", "United States")),
                    no=("Russia",), abstain=("China",)),
    vetoed_by=("Russia",),
)  # fmt: skip
MALI_B = decision(
    "S/2023/639", "failed", date(2023, 8, 30), "The situation in Mali", vote=(1, 1, 13),
    members=members(yes=("Russia",), no=("Japan",),
                    abstain=tuple(n for n in (*E10_2023, "China", "France", "United Kingdom",
                                              "United States") if n != "Japan")),
)  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        # regional outlet
        "Russia on Wednesday, August 30, 2023, vetoed the proposal to extend UN sanctions on Mali. "
        "Moscow's own draft was then put to the vote. Japan voted no, and 13 other members "
        "abstained. The sanctions were imposed via resolution 2374 of 5 September 2017.",
        # wire style
        "Russia vetoed a renewal of the Mali sanctions on Wednesday, Aug. 30, 2023, in the Security "
        "Council. On the rival Russian text, Japan voted no and 13 other members abstained. "
        "The regime dates from resolution 2374 of 5 September 2017.",
    ],
)
def test_an_undated_story_s_own_day_beats_a_resolution_it_cites_from_years_before(text):
    pairs = verdicts(text, [SAHEL_2017, MALI_A, MALI_B])
    vote = of(pairs, "vote", "Japan")
    assert vote.label == "supported", vote.explanation
    assert vote.decision["decision"]["key"] == "S/2023/639"


RHODESIA = decision(
    "S/9696", "vetoed", date(1970, 3, 17), "Question concerning the situation in Southern Rhodesia",
    vote=(9, 2, 4),
    members=members(yes=("USSR", "China", "Nepal", "Zambia", "Burundi", "Sierra Leone", "Syria",
                         "Poland", "Nicaragua"),
                    no=("United Kingdom", "United States"),
                    abstain=("France", "Colombia", "Finland", "Spain")),
    vetoed_by=("United Kingdom", "United States"),
)  # fmt: skip
FALKLANDS = decision(
    "S/15156", "vetoed", date(1982, 6, 4), "Question concerning the situation in the region of "
    "the Falkland Islands (Islas Malvinas) and Southern Rhodesia", vote=(9, 2, 4),
    members=members(no=("United Kingdom", "United States")),
    vetoed_by=("United Kingdom", "United States"),
)  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        # 1970 newspaper style, with an editor's bracketed date
        "The United States last night [March 17] cast its first veto, on a resolution on "
        "Southern Rhodesia. The resolution received nine affirmative votes with two against "
        "and four abstentions, and was supported by Russia and China.",
        # wire style
        "The United States on March 17 vetoed a resolution on Southern Rhodesia. The text had "
        "won nine votes, with two against and four abstentions; Zambia and Nepal backed it.",
    ],
)
def test_a_day_without_a_year_narrows_the_vote_of_an_undated_story(text):
    pairs = verdicts(text, [RHODESIA, FALKLANDS])
    tally = of(pairs, "vote", "nine")
    # two vetoes by the US with a 9-2-4 tally; only one was on 17 March
    assert tally.label == "supported", tally.explanation
    assert tally.decision["decision"]["key"] == "S/9696"
    march = of(pairs, "date", "March 17")
    assert (march.label, march.reason) == ("supported", "date.fits_linked_decision")


def _sa_veto(key: str, day: date, title: str):
    return decision(key, "vetoed", day, title, vote=(12, 2, 1),
                    members=members(no=("United Kingdom", "United States"), abstain=("France",)),
                    vetoed_by=("United Kingdom", "United States"))  # fmt: skip


JULY_1985 = _sa_veto("S/17354/Rev.1", date(1985, 7, 26), "The question of South Africa: sanctions")
NOVEMBER_1985 = _sa_veto("S/17633", date(1985, 11, 15), "The situation in Namibia and South Africa")


@pytest.mark.parametrize(
    "text",
    [
        # a UN review's style: another day, of a plan put to the Council, in a later paragraph
        "The United Kingdom and the United States on 15 November vetoed a text calling for "
        "sanctions against South Africa. The vote was 12 in favour to 2 against, with 1 "
        "abstention (France).\nOn 20 October, Commonwealth leaders had put forward a plan, "
        "which the Council rejected.",
        # wire style
        "Britain and the United States on Nov. 15 vetoed a draft imposing sanctions on South "
        "Africa. The draft got 12 votes to 2, with France abstaining.\nA rival plan tabled on "
        "Oct. 20 was rejected by the council.",
    ],
)
def test_the_day_in_a_vetos_own_sentence_narrows_its_vote_not_another_paragraphs(text):
    pairs = verdicts(text, [JULY_1985, NOVEMBER_1985])
    veto = of(pairs, "vote", "vetoed")
    assert veto.label == "supported", veto.explanation
    assert veto.decision["decision"]["key"] == "S/17633"
    assert all(
        (v.decision or {}).get("decision", {}).get("key") != "S/17354/Rev.1" for _c, v in pairs
    )


@pytest.mark.parametrize(
    "headline",
    [
        # a UN review's headline style
        "Text calling for sanctions against South Africa vetoed in Security Council\n",
        # a newspaper's headline style
        "Sanctions resolution on South Africa vetoed in UN Council\n",
    ],
)
def test_an_undated_story_fitting_votes_of_several_days_links_none_by_subject_alone(headline):
    text = (headline + "The United Kingdom and the United States vetoed the text. The vote "
            "was 12 in favour to 2 against, with 1 abstention (France).")  # fmt: skip
    pairs = verdicts(text, [JULY_1985, NOVEMBER_1985])
    top = next(v for c, v in pairs if c.type == "vote" and c.start < len(headline))
    # no one of the two is chosen by the subject's words; "vetoed" holds for both, so the
    # headline is borne out whichever the story tells of
    assert top.reason == "vote.every_tied_agrees", top.explanation
    assert "S/17354/Rev.1" in top.explanation and "S/17633" in top.explanation


def _sahara(key: str, day: date, algeria: str, number: int):
    title = "The situation concerning Western Sahara: extension of the mandate of MINURSO"
    return decision(key, "adopted", day, title, vote=(11, 0, 3), number=number,
                    members={"Algeria": algeria, "Russia": "A"})  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        # wire style
        "The Security Council on Friday extended the Western Sahara mission by a vote of 11-0 "
        "with three abstentions. Algeria did not take part in the vote.",
        # a regional site's style
        "UN Security Council renewed MINURSO mandate in Western Sahara with 11 votes in favour "
        "and three abstentions. Algeria was absent from the vote.",
    ],
)
def test_a_member_said_not_to_vote_narrows_the_vote_of_an_undated_story(text):
    pairs = verdicts(text, [_sahara("S/RES/2797(2025)", date(2025, 10, 31), "NV", 2797),
                            _sahara("S/RES/2703(2023)", date(2023, 10, 30), "N", 2703)])  # fmt: skip
    tally = of(pairs, "vote", "11")
    assert tally.label == "supported", tally.explanation
    assert tally.decision["decision"]["key"] == "S/RES/2797(2025)"


@pytest.mark.parametrize(
    "text",
    [
        # a regional site's style
        "The Western Sahara mission was renewed for a year with 12 votes in favour. Russia and "
        "Mozambique abstained.",
        # wire style
        "The council voted 12-0 to renew the MINURSO mission in Western Sahara. Mozambique and "
        "Russia abstained.",
    ],
)
def test_votes_of_several_days_each_leaving_a_part_open_decide_nothing(text):
    title = "The situation concerning Western Sahara: extension of the mandate of MINURSO"
    now = decision("S/RES/2756(2024)", "adopted", date(2024, 10, 31), title, vote=(12, 0, 2),
                   number=2756, members={"Russia": "A", "Mozambique": "A"})  # fmt: skip
    before = decision("S/RES/2414(2018)", "adopted", date(2018, 4, 27), title, vote=(12, 0, 3),
                      number=2414, members={"Russia": "A", "China": "A"})  # fmt: skip
    pairs = verdicts(text, [now, before])
    named = of(pairs, "vote", "abstained")
    assert named.label not in {"supported", "partly_supported", "contradicted"}, named.explanation


# --- an undated veto that fits two records: the weekday each bears out ------------------------
DPRK_2022 = decision(
    "S/2022/431", "vetoed", date(2022, 5, 26),  # a Thursday
    "Non-proliferation - Democratic People's Republic of Korea", vote=(13, 2, 0),
    members=members(no=("China", "Russia")), vetoed_by=("China", "Russia"),
)  # fmt: skip
DPRK_2024 = decision(
    "S/2024/255", "vetoed", date(2024, 3, 28),  # a Thursday
    "Non-proliferation/Democratic People's Republic of Korea", vote=(13, 1, 1),
    members=members(no=("Russia",), abstain=("China",)), vetoed_by=("Russia",),
)  # fmt: skip
DPRK_2023 = decision(
    "S/2023/999", "vetoed", date(2023, 6, 14),  # a Wednesday (a record made up for the test)
    "Non-proliferation/Democratic People's Republic of Korea", vote=(13, 1, 1),
    members=members(no=("Russia",), abstain=("China",)), vetoed_by=("Russia",),
)  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        # a legal news site's style
        "Russia vetoed on Thursday a UN Security Council resolution to extend the mandate of a "
        "panel of experts monitoring North Korea. The Panel was established in 2006.",
        # wire style
        "On Thursday Russia vetoed a Security Council draft that would have renewed the panel "
        "monitoring sanctions on North Korea. The panel has worked since 2009.",
    ],
)
def test_an_undated_veto_fitting_two_records_is_borne_out_by_both(text):
    pairs = verdicts(text, [DPRK_2022, DPRK_2024])
    veto = of(pairs, "vote", "vetoed")
    # Russia vetoed both (China too in 2022: a note, not a doubt)
    assert (veto.label, veto.reason) == ("supported", "vote.every_tied_agrees"), veto.explanation
    thursday = of(pairs, "date", "Thursday")
    assert (thursday.label, thursday.reason) == ("supported", "date.fits_every_tied_decision")


def test_a_weekday_only_some_of_the_tied_records_fall_on_is_not_supported():
    text = (
        "Russia vetoed on Thursday a UN Security Council resolution to extend the mandate of a "
        "panel of experts monitoring North Korea. The Panel was established in 2006."
    )
    pairs = verdicts(text, [DPRK_2022, DPRK_2023, DPRK_2024])
    assert of(pairs, "date", "Thursday").label == "unverifiable"
