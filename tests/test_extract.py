"""Claim extraction, sentence by sentence. Every sentence here was written for these tests
(none is copied from the dev set), so the patterns are held to news language in general."""

from __future__ import annotations

from datetime import date

import pytest

from checks.extract import extract_claims, find_dateline

ARTICLE_DATE = date(2023, 3, 15)  # a Wednesday


def claims_of(text: str, kind: str | None = None, on: date | None = ARTICLE_DATE):
    result = extract_claims(text, article_date=on)
    for claim in result.claims:
        assert text[claim.start : claim.end] == claim.text  # offsets are into the text as read
        assert claim.text in claim.sentence or claim.sentence in text
    return [c for c in result.claims if kind is None or c.type == kind]


def only(text: str, kind: str):
    found = claims_of(text, kind)
    assert len(found) == 1, [(c.text, c.value) for c in found]
    return found[0]


# --- resolutions --------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "number", "year", "symbol"),
    [
        ("The Council adopted resolution 2678 (2023) on Monday.", 2678, 2023, "S/RES/2678 (2023)"),
        ("It was endorsed in the form of Resolution 1540.", 1540, None, "S/RES/1540"),
        ("The text, S/RES/2231(2015), ends the sanctions.", 2231, 2015, "S/RES/2231 (2015)"),
        ("Under UNSCR 1325 women must be consulted.", 1325, None, "S/RES/1325"),
        ("The UN Security Council Resolution 242 of 1967 is cited.", 242, 1967, "S/RES/242 (1967)"),
        ("Ministers discussed Security Council resolution no. 598.", 598, None, "S/RES/598"),
    ],
)
def test_resolution_forms(sentence, number, year, symbol):
    claim = only(sentence, "resolution")
    assert claim.value["number"] == number
    assert claim.value["year"] == year
    assert claim.value["symbol"] == symbol
    assert claim.value["draft"] is False


def test_a_list_of_resolutions_gives_one_claim_each():
    found = claims_of(
        "Sanctions under resolutions 1718, 1874 and 2094 (2013) remain.", "resolution"
    )
    assert [c.value["number"] for c in found] == [1718, 1874, 2094]
    assert found[2].value["year"] == 2013
    assert found[0].text.startswith("resolutions")


def test_draft_symbol_is_a_draft_claim():
    claim = only("The draft, S/2019/756, was vetoed by two permanent members.", "resolution")
    assert claim.value == {"number": None, "symbol": "S/2019/756", "draft": True, "kind": "draft"}


def test_letter_symbol_is_a_document_not_a_draft():
    claim = only("In a letter (document S/2021/104) the mission asked for help.", "resolution")
    assert claim.value["draft"] is False and claim.value["kind"] == "document"


def test_general_assembly_resolution_is_marked_as_such():
    claim = only("The General Assembly resolution 377 was invoked again.", "resolution")
    assert claim.value["organ"] == "GA"
    assert claim.value["symbol"] is None


# --- votes --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "It passed by a vote of 12 in favour to none against, with 3 abstentions (Brazil, India, Gabon).",
            {"for": 12, "against": 0, "abstain": 3, "abstaining": ["Brazil", "India", "Gabon"]},
        ),
        # a US archive's note and a UN press release: a parenthesized list led by "the"
        (
            "The vote was 10 in favor, 2 against (the German Democratic Republic and the Soviet "
            "Union), and 2 abstentions (Bangladesh and Mexico).",
            {
                "for": 10,
                "against": 2,
                "abstain": 2,
                "against_members": ["German Democratic Republic", "USSR"],
                "abstaining": ["Bangladesh", "Mexico"],
            },
        ),
        (
            "It was adopted by 13 votes to none, with 2 abstentions (the United Kingdom, the "
            "United States).",
            {
                "for": 13,
                "against": 0,
                "abstain": 2,
                "abstaining": ["United Kingdom", "United States"],
            },
        ),
        (
            "The resolution was approved 13-0-2 after a long debate.",
            {"for": 13, "against": 0, "abstain": 2},
        ),
        ("The measure passed 14–1 in the council vote.", {"for": 14, "against": 1}),
        (
            "Delegates rejected the text: 4 against, 3 in favour, eight abstentions.",
            {"for": 3, "against": 4, "abstain": 8},
        ),
        (
            "It was adopted by 14 votes to none, with the United Kingdom abstaining.",
            {"for": 14, "against": 0, "abstain": 1, "abstaining": ["United Kingdom"]},
        ),
        (
            "Ten of the 15 members voted in favour, while two members voted against.",
            {"for": 10, "against": 2},
        ),
        (
            "The vote received twelve votes in favour and three abstentions.",
            {"for": 12, "abstain": 3},
        ),
    ],
)
def test_vote_tallies(sentence, expected):
    claim = only(sentence, "vote")
    for key, want in expected.items():
        assert claim.value[key] == want, (key, claim.value)


def test_a_tally_split_over_two_sentences_is_one_claim():
    text = (
        "Only three of the 15 council members voted for the text. Five members voted against it "
        "and seven others abstained."
    )
    claim = only(text, "vote")
    assert (claim.value["for"], claim.value["against"], claim.value["abstain"]) == (3, 5, 7)


def test_unanimous_means_every_member_in_favour():
    claim = only("The Council unanimously adopted the text on Friday.", "vote")
    assert claim.value["unanimous"] is True
    assert (claim.value["for"], claim.value["against"], claim.value["abstain"]) == (15, 0, 0)


def test_unanimous_with_an_abstention_keeps_both_statements():
    claim = only("It passed in a unanimous vote, with France abstaining.", "vote")
    assert claim.value["unanimous"] is True
    assert claim.value["abstaining"] == ["France"]
    assert claim.value["for"] is None  # not 15: the text itself says one member abstained


def test_unanimous_before_1966_means_eleven():
    claims = claims_of("The Council unanimously adopted it.", "vote", on=date(1960, 5, 1))
    assert claims[0].value["for"] == 11


@pytest.mark.parametrize(
    ("sentence", "vetoed_by"),
    [
        ("The draft was vetoed by Russia and China on Tuesday.", ["Russia", "China"]),
        ("Washington vetoed the draft resolution.", ["United States"]),
        ("The Russian Federation cast its veto, blocking the text.", ["Russia"]),
    ],
)
def test_vetoes(sentence, vetoed_by):
    claim = only(sentence, "vote")
    assert claim.value["vetoed_by"] == vetoed_by


def test_declining_a_veto_is_not_a_veto():
    found = claims_of("The United States abstained rather than using its veto.", "vote")
    assert all(not c.value["vetoed_by"] for c in found)
    assert found and found[0].value["abstaining"] == ["United States"]


def test_support_only_from_names_both_sides_of_the_vote():
    claim = only("Paris received support only from Malta for its proposal.", "vote")
    assert set(claim.value["in_favour"]) == {"Malta", "France"}
    assert claim.value["for"] == 2


def test_member_count_is_a_number_not_a_vote():
    text = "The 15-member Council met behind closed doors."
    assert claims_of(text, "vote") == []
    number = only(text, "number")
    assert number.value == {"value": 15, "unit": "members"}


# --- dates --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "want_date", "precision", "relative"),
    [
        ("The text was adopted on 20 July 2015 in New York.", "2015-07-20", "day", False),
        ("It was adopted on July 20, 2015, in New York.", "2015-07-20", "day", False),
        ("Talks resumed on January 9.", "2023-01-09", "day", True),
        ("Officials met on 2nd Feb, 2023 in Geneva.", "2023-02-02", "day", False),
        ("The mission was created in May 2018.", "2018-05", "month", False),
        ("The measure is set to expire in October.", "2023-10", "month", True),
        ("The 2015 agreement was signed in Vienna.", "2015", "year", False),
        ("The envoy spoke on Sunday.", "2023-03-12", "day", True),
        ("The vote will take place on Friday.", "2023-03-17", "day", True),
        ("The minister resigned yesterday.", "2023-03-14", "day", True),
        ("The court ruled today.", "2023-03-15", "day", True),
        ("The country left the treaty three years ago.", "2020", "year", True),
        ("The talks collapsed last month.", "2023-02", "month", True),
        ("The report was released on 2023-03-01.", "2023-03-01", "day", False),
    ],
)
def test_dates(sentence, want_date, precision, relative):
    claim = only(sentence, "date")
    assert claim.value["date"] == want_date
    assert claim.value["precision"] == precision
    assert claim.value["relative"] is relative


def test_past_event_after_the_article_date_belongs_to_last_year():
    claim = only("The ceasefire was agreed on 30 November.", "date")
    assert claim.value["date"] == "2022-11-30"


def test_said_on_a_weekday_that_something_will_happen_is_a_past_weekday():
    claim = only("The ambassador said on Thursday that his country will respond.", "date")
    assert claim.value["date"] == "2023-03-09"


def test_weekday_beside_a_date_is_one_claim_recording_both():
    claim = only("The Council met on Thursday, 9 March, to vote.", "date")
    assert claim.value["date"] == "2023-03-09"
    assert claim.value["weekday"] == "Thursday"
    assert claim.value["weekday_matches"] is True


def test_wrong_weekday_beside_a_date_is_recorded():
    claim = only("The Council met on Monday, 9 March, to vote.", "date")
    assert claim.value["weekday_matches"] is False


def test_days_later_counts_from_the_last_date_given():
    text = "The draft was tabled on 3 March. Two days later, it was withdrawn."
    later = [c for c in claims_of(text, "date") if "later" in c.text]
    assert later[0].value["date"] == "2023-03-05"


def test_one_day_after_an_event_dates_the_earlier_event():
    text = "The vote was held on 10 March. It came one day after the talks collapsed."
    after = next(c for c in claims_of(text, "date") if "after" in c.text)
    assert after.value["date"] == "2023-03-09"


def test_first_time_in_years_is_a_date_and_a_number():
    text = "It was the first time in more than 20 years that the Council acted."
    date_claim = only(text, "date")
    assert date_claim.value["date"] == "2003" and date_claim.value["qualifier"] == "before"
    assert only(text, "number").value["value"] == 20


def test_relative_dates_without_an_article_date_are_left_unresolved():
    result = extract_claims("The envoy spoke on Sunday.", article_date=None)
    claim = next(c for c in result.claims if c.type == "date")
    assert claim.value["date"] is None
    assert any("No article date" in w for w in result.warnings)


def test_dateline_fills_the_article_date():
    text = "GENEVA, 4 April 2021 (News) - The envoy spoke on Friday."
    assert find_dateline(text) == date(2021, 4, 4)
    result = extract_claims(text, article_date=None)
    friday = next(c for c in result.claims if c.value.get("weekday") == "Friday")
    assert friday.value["date"] == "2021-04-02"


def test_year_inside_a_resolution_symbol_is_not_a_separate_date():
    assert claims_of("Resolution 2118 (2013) demands it.", "date") == []


# --- numbers ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("The 15-nation body met again.", 15, "nations"),
        ("The proposal fell short of the nine ‘yes’ votes it needed.", 9, "votes"),
        ("The conflict has lasted 12 years.", 12, "years"),
        ("Unemployment rose to 12.5% in the region.", 12.5, "percent"),
        ("Donors pledged $2.5 billion for the appeal.", 2_500_000_000, "USD"),
        ("The UN runs 12 peacekeeping missions.", 12, "missions"),
        ("The war has claimed more than half a million lives.", 500_000, "lives"),
    ],
)
def test_numbers(sentence, value, unit):
    claim = only(sentence, "number")
    assert claim.value["value"] == value
    assert claim.value["unit"] == unit


@pytest.mark.parametrize(
    "sentence",
    [
        "The meeting began at 10:30 a.m. local time.",
        "Call the mission on +1 212 963 1234 for details.",
        "See paragraph 4 of the annex and page 12 of the report.",
        "The draft S/2022/720 failed.",
        "The resolution passed 13-0-2.",
        "The talks ended on 20 July 2015.",
    ],
)
def test_digits_that_are_not_number_claims(sentence):
    assert claims_of(sentence, "number") == []


def test_qualifier_is_kept():
    claim = only("The Council has adopted more than 2,700 resolutions.", "number")
    assert claim.value == {"value": 2700, "unit": "resolutions", "qualifier": "more than"}


# --- quotes and roles ---------------------------------------------------------------------
def test_quote_with_speaker_after_and_outlet():
    text = (
        "“We will keep working with our partners on every file,” Foreign Minister Anna Berg "
        "said on Monday, Reuters reported."
    )
    claim = only(text, "quote")
    assert claim.value["speaker"] == "Anna Berg"
    assert claim.value["via"] == "Reuters"
    assert claim.value["quote"].startswith("We will keep working")
    assert claim.text.endswith("Reuters reported")


def test_quote_with_speaker_before():
    text = 'The envoy Peter Hale told reporters: "The ceasefire must hold for at least a month."'
    claim = only(text, "quote")
    assert claim.value["speaker"] == "Peter Hale"


def test_quoted_as_saying_names_outlet_and_speaker():
    text = "“The talks were useful and will continue next week,” the agency quoted Hale as saying."
    claim = only(text, "quote")
    assert claim.value["speaker"] == "Hale"
    assert claim.value["via"] == "the agency"


def test_scare_quotes_are_not_quotations():
    assert claims_of("He called it the “toughest ever” package.", "quote") == []


@pytest.mark.parametrize(
    ("sentence", "person", "role", "of"),
    [
        ("US President Joe Biden spoke first.", "Joe Biden", "President", "United States"),
        (
            "Russian Deputy Foreign Minister Sergei Vershinin arrived.",
            "Sergei Vershinin",
            "Deputy Foreign Minister",
            "Russia",
        ),
        ("German Chancellor Olaf Scholz disagreed.", "Olaf Scholz", "Chancellor", "Germany"),
    ],
)
def test_roles(sentence, person, role, of):
    claim = only(sentence, "role")
    assert claim.value["person"] == person
    assert claim.value["role"] == role
    assert claim.value["of"] == of


def test_role_in_apposition():
    claim = only("Linda Thomas-Greenfield, the US ambassador to the UN, said no.", "role")
    assert claim.value["person"] == "Linda Thomas-Greenfield"
    assert "ambassador" in claim.value["role"].lower()


def test_states_that_drafted_a_text():
    claim = only("The text was drafted by Norway and Ireland.", "role")
    assert claim.value["members"] == ["Norway", "Ireland"]
    assert claim.value["role"] == "drafter"


def test_ids_follow_reading_order():
    found = claims_of("On 3 March 2021 the Council adopted resolution 2565 (2021) unanimously.")
    assert [c.id for c in found] == [f"c{i}" for i in range(1, len(found) + 1)]
    assert [c.start for c in found] == sorted(c.start for c in found)


def test_speaker_after_said_may_carry_abbreviations():
    text = '"This is a shameful day," said German U.N. Ambassador Christoph Heusgen, adding more.'
    claim = only(text, "quote")
    assert claim.value["speaker"] == "Christoph Heusgen"


@pytest.mark.parametrize(
    "sentence",
    [
        "The Assembly adopted resolution 2758 (XXVI) on China's seat.",
        "Under General Assembly resolution 194, refugees may return.",
    ],
)
def test_assembly_resolutions_are_marked(sentence):
    claim = only(sentence, "resolution")
    assert claim.value["organ"] == "GA"


def test_every_pattern_file_compiles():
    from checks.patternbook import patterns

    for kind in ("resolution", "vote", "date", "number", "quote", "role"):
        assert patterns(kind), kind


@pytest.mark.parametrize(
    ("sentence", "kind", "key", "want"),
    [
        ("The Security Council's 2231 resolution endorsed the deal.", "resolution", "number", 2231),
        ("The council backed the text by 13 votes, with two abstentions.", "vote", "for", 13),
    ],
)
def test_number_before_the_word_resolution_and_backed_by_votes(sentence, kind, key, want):
    assert only(sentence, kind).value[key] == want


def test_a_year_before_the_word_resolution_stays_a_year():
    assert claims_of("The Council's 2015 resolution on Syria was cited.", "resolution") == []


def test_single_quoted_quotation_keeps_apostrophes_and_skips_scare_quotes():
    text = "‘Iran’s position on this is clear and will not change,’ the ambassador Ali Rezai said."
    claim = only(text, "quote")
    assert claim.value["quote"].startswith("Iran’s position")
    assert claim.value["speaker"] == "Ali Rezai"
    assert only(text, "role").value["role"] == "ambassador"
    assert claims_of("He said the ‘yes’ votes were not enough.", "quote") == []
