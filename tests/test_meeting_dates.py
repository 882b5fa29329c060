"""Dates a text gives to a Council meeting, to an infobox's resolution, or to a named resolution
without a year. Sentences written here in several outlets' styles (a history site, wire copy,
a UN press release, an encyclopedia's infobox, a newspaper); meetings and decisions built
here (no network, no saved tables).
"""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from checks.extract import extract_claims
from checks.pipeline import check_claims
from checks.sources.base import SourceRecord
from checks.verdicts.base import Services
from tests.test_linking import FakeIndex, decision, one, run


class FakeRecords:
    """The UnRecords question the meeting rule asks: the Library's meetings of a day."""

    def __init__(self, meetings: list[tuple[str, date, str]]) -> None:
        self.meetings = meetings
        self.dhl = SimpleNamespace(year_data=lambda year: None)  # (the pipeline warms it)

    def meetings_on(self, day: date) -> list[SourceRecord]:
        return [
            SourceRecord(
                source="dhl",
                title=f"{record}, {day.day} {day:%B %Y}",
                url=f"http://records.test/scact{day.year}",
                retrieved_at="2026-01-01T00:00:00Z",
                fields={"record": record, "topic": topic, "date": day.isoformat()},
                raw="--",
            )
            for record, on, topic in self.meetings
            if on == day
        ]


CHINA_SEAT = ("S/PV.461", date(1950, 1, 13), "The question of the representation of China")
UKRAINE = ("S/PV.7138", date(2014, 3, 15), "Letter dated 28 February 2014 from Ukraine")
SYRIA = ("S/PV.8221", date(2018, 4, 4), "The situation in the Middle East")
HAITI = ("S/PV.8226", date(2018, 4, 4), "The question concerning Haiti")


def dated(text: str, on: date, meetings: list, decisions: list = ()) -> list:
    extraction = extract_claims(text, article_date=on)
    services = Services(records=FakeRecords(meetings), decisions=FakeIndex(list(decisions)))
    verdicts = check_claims(text, extraction.claims, on, services=services)
    return [(c, verdicts[c.id]) for c in extraction.claims if c.type == "date"]


# --- a dated meeting ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "on", "meetings"),
    [
        # history-site style: the meeting dated by its own name, the Council named before
        (
            "The Soviet delegate stormed out of the Security Council over China's seat. "
            "Several days before the January 13 meeting, he had walked out over the refusal "
            "to unseat the Nationalist Chinese delegation.",
            date(1950, 2, 1),
            [CHINA_SEAT],
        ),
        # wire style: a weekday's emergency meeting
        (
            "Saturday's emergency meeting of the Security Council on Ukraine was called at "
            "Washington's request.",
            date(2014, 3, 16),
            [UKRAINE],
        ),
        # wire style: a meeting of the Council dated after its name
        (
            "Envoys clashed over Ukraine at an emergency meeting of the Security Council on "
            "Saturday.",
            date(2014, 3, 16),
            [UKRAINE],
        ),
        # UN press style: the Council met that day
        (
            "The Security Council met on 4 April 2018 to discuss the chemical attacks in Syria.",
            date(2018, 4, 5),
            [HAITI, SYRIA],
        ),
        # the Council's repertoire and a history blog: two meetings of one day
        (
            "The Council considered the question of Syria at its 8220th and 8221st meetings "
            "on 4 April 2018.",
            date(2018, 4, 30),
            [HAITI, SYRIA],
        ),
        (
            "Envoys traded charges over the Syrian chemical attacks in two Security Council "
            "sessions on 4 April 2018.",
            date(2018, 4, 30),
            [HAITI, SYRIA],
        ),
    ],
)
def test_a_meeting_on_record_that_day_on_the_stories_subject_supports_its_date(text, on, meetings):
    _c, verdict = one(dated(text, on, meetings))
    assert (verdict.label, verdict.reason) == ("supported", "date.meeting_on_record")
    assert verdict.found.startswith(next(m for m in meetings if "Haiti" not in m[2])[0])
    assert any(e.url for e in verdict.evidence)


@pytest.mark.parametrize(
    ("text", "on", "meetings"),
    [
        # the Council met that day, but on another subject
        (
            "The Security Council met on 4 April 2018 to discuss the chemical attacks in Syria.",
            date(2018, 4, 5),
            [HAITI],
        ),
        # no meeting on record that day (consultations are not in the tables): no verdict
        (
            "Saturday's emergency meeting of the Security Council on Ukraine was called at "
            "Washington's request.",
            date(2014, 3, 23),
            [UKRAINE],
        ),
        # a closed-door meeting is not a formal one
        (
            "Diplomats said Saturday's closed-door meeting of the Security Council on Ukraine "
            "was tense.",
            date(2014, 3, 16),
            [UKRAINE],
        ),
        # another body's session
        (
            "The General Assembly's emergency session on Saturday debated Ukraine.",
            date(2014, 3, 16),
            [UKRAINE],
        ),
    ],
)
def test_a_meeting_date_is_not_supported_without_a_fitting_council_meeting_and_never_contradicted(
    text, on, meetings
):
    for _c, verdict in dated(text, on, meetings):
        assert verdict.reason != "date.meeting_on_record", verdict.explanation
        assert verdict.label != "contradicted", verdict.explanation


def test_after_the_tables_a_decision_that_day_stands_for_its_meeting():
    draft = decision(
        "S/2024/255",
        "vetoed",
        date(2024, 3, 28),
        "Non-proliferation/Democratic People's Republic of Korea",
        vote=(13, 1, 1),
        meeting="S/PV.9591",
        meeting_url="http://docs.test/S/PV.9591",
    )
    text = "Thursday's Security Council meeting on North Korea lasted three hours, diplomats said."
    _c, verdict = one(dated(text, date(2024, 3, 29), [], [draft]))
    assert (verdict.label, verdict.reason) == ("supported", "date.meeting_on_record")
    assert "http://docs.test/S/PV.9591" in {e.url for e in verdict.evidence}


# --- an infobox's date is its resolution's -----------------------------------------------------
RES_1718 = decision(
    "S/RES/1718(2006)",
    "adopted",
    date(2006, 10, 14),
    "Non-proliferation/Democratic People's Republic of Korea",
    vote=(15, 0, 0),
    number=1718,
)
RES_2231 = decision(
    "S/RES/2231(2015)",
    "adopted",
    date(2015, 7, 20),
    "Non-proliferation: Joint Comprehensive Plan of Action",
    vote=(15, 0, 0),
    number=2231,
)


@pytest.mark.parametrize(
    ("text", "decisions", "label"),
    [
        # an encyclopedia's infobox, the year in a field of its own
        (
            "= Security Council Resolution 1718 =\n\nInfobox\n- Number: 1718\n- Organ: SC\n"
            "- Date: 14 October\n- Year: 2006\n- Code: S/RES/1718\n- For: 15\n\n"
            "The resolution imposed sanctions on North Korea.",
            [RES_1718],
            "supported",
        ),
        # a fact box under a news story
        (
            "Iran deal endorsed\n\n| Resolution | S/RES/2231 (2015) |\n| Adopted | 20 July 2015 |\n"
            "| Vote | 15-0-0 |\n\nThe Council endorsed the nuclear deal.",
            [RES_2231],
            "supported",
        ),
        # the box's day is not the record's
        (
            "Infobox\n- Number: 2231\n- Date: 14 July\n- Year: 2015\n- Code: S/RES/2231\n\n"
            "The Council endorsed the nuclear deal.",
            [RES_2231],
            "contradicted",
        ),
    ],
)
def test_an_infobox_date_is_compared_with_the_resolution_the_box_names(text, decisions, label):
    pairs = [
        (c, v) for c, v in run(text, None, decisions, "date") if c.value.get("precision") == "day"
    ]
    _c, verdict = one(pairs)
    assert verdict.label == label, verdict.explanation
    assert verdict.reason in {"date.matches_named", "date.differs_named"}


def test_a_box_naming_two_resolutions_dates_neither():
    text = (
        "Infobox\n- Date: 14 October\n- Year: 2006\n- Code: S/RES/1718\n- See also: S/RES/2231\n"
        "\nThe resolution imposed sanctions on North Korea."
    )
    for c, verdict in run(text, None, [RES_1718, RES_2231], "date"):
        assert c.links["resolution"] is None
        assert verdict.label != "contradicted"


# --- a named resolution's day given without a year ------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        # wire style, years after the resolution
        "The embargo was set out in resolution 2231, which the Security Council adopted on "
        "20 July to endorse the nuclear deal.",
        # newspaper style, the day before the resolution's number
        "Under the July 20 resolution 2231, the arms embargo ends in October.",
    ],
)
def test_a_named_resolutions_day_without_a_year_is_compared_on_its_day_and_month(text):
    pairs = run(text, date(2020, 8, 14), [RES_2231], "date")
    _c, verdict = one([(c, v) for c, v in pairs if c.value.get("precision") == "day"])
    assert (verdict.label, verdict.reason) == ("supported", "date.matches_named"), (
        verdict.explanation
    )


def test_a_named_resolutions_other_day_without_a_year_is_contradicted_on_day_and_month():
    text = "Resolution 2231, adopted by the Security Council on 14 July, endorsed the nuclear deal."
    _c, verdict = one(run(text, date(2020, 8, 14), [RES_2231], "date"))
    assert (verdict.label, verdict.reason) == ("contradicted", "date.differs_named")


# --- an infobox as encyclopedia pages render it: "Date 3 April 1982", no colon -----------------
RES_502 = decision(
    "S/RES/502(1982)",
    "adopted",
    date(1982, 4, 3),
    "Letter dated 1 April 1982 from the United Kingdom: Falkland Islands (Malvinas)",
    vote=(10, 1, 4),
    number=502,
)


@pytest.mark.parametrize(
    "head",
    [
        # an encyclopedia page as rendered text
        "UN Security Council\nResolution 502\nDate 3 April 1982\nMeeting no. 2,350\n"
        "Code S/RES/502 (Document)\nSubject Falkland Islands (Malvinas)\nResult Adopted\n",
        # a mirror of it, the title on the line before
        "United Nations Security Council Resolution 502\nDate 3 April 1982\nCode S/RES/502\n"
        "Voting summary\n10 voted for\n",
    ],
)
def test_a_rendered_infobox_date_is_the_resolutions_not_the_texts_dateline(head):
    text = head + "\nThe resolution demanded the withdrawal of Argentine forces from the islands."
    claims = extract_claims(text).claims
    box = [c for c in claims if c.type == "date" and c.start < len(head)]
    assert [c.text for c in box] == ["3 April 1982"]
    _c, verdict = one(
        [(c, v) for c, v in run(text, None, [RES_502], "date") if c.start < len(head)]
    )
    assert (verdict.label, verdict.reason) == ("supported", "date.matches_named")


def test_a_resolution_whose_day_the_records_dispute_leaves_its_date_unjudged():
    disputed = decision(
        "S/RES/338(1973)",
        "adopted",
        None,
        "Cease-fire in the Middle East",
        number=338,
        disputes={"date": {"votesdb": "1973-10-22", "dhl": "1973-10-21"}},
    )
    text = (
        "UN Security Council Resolution 338\nDate 22 October 1973\nMeeting no. 1,747\n"
        "Code S/RES/338\n\nThe resolution called for a ceasefire in the Middle East."
    )
    pairs = [(c, v) for c, v in run(text, None, [disputed], "date") if c.start < 60]
    _c, verdict = one(pairs)
    assert (verdict.label, verdict.reason) == ("unverifiable", "date.disputed_record")


# --- a decision told with "decided" or "fell short" ------------------------------------------
KOSOVO = decision(
    "S/RES/1244(1999)",
    "adopted",
    date(1999, 6, 10),
    "On the situation relating to Kosovo",
    vote=(14, 0, 1),
    number=1244,
)
GAZA_DRAFT = decision(
    "S/2023/772",
    "failed",
    date(2023, 10, 16),
    "The situation in the Middle East, including the Palestinian question: humanitarian "
    "ceasefire in Gaza",
    vote=(5, 4, 6),
)


@pytest.mark.parametrize(
    ("text", "on", "decisions"),
    [
        # UN press release style
        (
            "The Security Council today decided to deploy an international security presence "
            "in Kosovo.",
            date(1999, 6, 10),
            [KOSOVO],
        ),
        # wire style
        (
            "The Security Council decided on Thursday to send a civil presence to Kosovo.",
            date(1999, 6, 11),
            [KOSOVO],
        ),
        # newspaper style: a draft tabled and voted the same night
        (
            "The Security Council took up two rival drafts. Russia's text on Gaza was "
            "presented on Monday night but fell short of the nine votes it needed.",
            date(2023, 10, 17),
            [GAZA_DRAFT],
        ),
    ],
)
def test_a_decision_told_with_decided_or_fell_short_is_dated_by_the_records(text, on, decisions):
    pairs = [(c, v) for c, v in run(text, on, decisions, "date")]
    _c, verdict = one(pairs)
    assert (verdict.label, verdict.reason) == ("supported", "date.decision_on_day"), (
        verdict.explanation
    )


# --- an infobox's voting lines are its resolution's vote ---------------------------------------
RES_120 = decision(
    "S/RES/120(1956)",
    "adopted",
    date(1956, 11, 4),
    "An emergency special session of the General Assembly on the situation in Hungary",
    vote=(10, 1, 0),
    number=120,
)
RES_119 = decision(
    "S/RES/119(1956)",
    "adopted",
    date(1956, 10, 31),
    "An emergency special session of the General Assembly on the situation in Egypt",
    vote=(7, 2, 2),
    number=119,
)


@pytest.mark.parametrize(
    "box",
    [
        # an encyclopedia page as rendered text
        "UN Security Council\nResolution 120\nDate November 4 1956\nMeeting no. 754\n"
        "Code S/RES/120 (Document)\nVoting summary\n10 voted for\n1 voted against\n"
        "None abstained\nResult Adopted\n",
        # a mirror's field list
        "- Number: 120\n- Date: 4 November\n- Year: 1956\n- Code: S/RES/120\n- For: 10\n"
        "- Abstention: 0\n- Against: 1\n- Result: Adopted\n",
    ],
)
def test_an_infobox_tally_is_the_vote_of_the_resolution_the_box_names(box):
    text = box + (
        "\nLike Resolution 119 days before, it called an emergency special session of the "
        "General Assembly, on Hungary and on Egypt."
    )
    pairs = [(c, v) for c, v in run(text, None, [RES_120, RES_119], "vote") if c.start < len(box)]
    _c, verdict = one(pairs)
    assert (verdict.label, verdict.reason) == ("supported", "vote.counts_match"), (
        verdict.explanation
    )
    assert verdict.decision["decision"]["key"] == "S/RES/120(1956)"


# --- the day a vote was put off to ------------------------------------------------------------
GAZA_2720 = decision(
    "S/RES/2720(2023)",
    "adopted",
    date(2023, 12, 22),
    "The situation in the Middle East, including the Palestinian question: humanitarian aid "
    "to Gaza",
    vote=(13, 0, 2),
    number=2720,
)
STORY = "Diplomats at the Security Council haggled for days over the text on aid to Gaza. "


@pytest.mark.parametrize(
    ("sentence", "on"),
    [
        # a defence news site's style
        ("The vote, initially scheduled for Monday, was pushed back each day until Friday.",
         date(2023, 12, 23)),
        # wire style
        ("The vote was due on Wednesday, but its sponsors asked for a delay until Friday "
         "morning.", date(2023, 12, 23)),
    ],
)  # fmt: skip
def test_the_day_a_vote_was_put_off_to_is_dated_by_the_records(sentence, on):
    pairs = [
        (c, v)
        for c, v in run(STORY + sentence, on, [GAZA_2720], "date")
        if c.text.startswith("Friday")
    ]
    _c, verdict = one(pairs)
    assert (verdict.label, verdict.reason) == ("supported", "date.decision_on_day"), (
        verdict.explanation
    )


def test_a_vote_put_off_to_a_day_without_a_decision_is_not_contradicted():
    text = STORY + "The vote was postponed until Thursday, diplomats said."
    for _c, verdict in run(text, date(2023, 12, 23), [GAZA_2720], "date"):
        assert verdict.label not in {"supported", "contradicted"}, verdict.explanation


GAZA_2024 = decision("S/RES/2735(2024)", "adopted", date(2024, 6, 10), "ceasefire in the Gaza Strip",
                     vote=(14, 0, 1), number=2735, members={"Russia": "A"})  # fmt: skip


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # a regional site quoting another, the Council not named in the sentence
        ("According to a think tank, the Gaza ceasefire resolution was approved without "
         "opposition, except one abstention by Russia, on Monday afternoon (June 10).", "June 10"),
        # wire style
        ("The text backing the Gaza truce plan passed 14-0 on Monday, with Russia abstaining.",
         "Monday"),
    ],
)  # fmt: skip
def test_a_date_of_a_vote_the_linking_step_tied_to_a_decision_is_that_decisions_day(text, day):
    pairs = run(text, date(2024, 6, 11), [GAZA_2024])
    got = next(v for c, v in pairs if c.type == "date" and day in c.text)
    assert (got.label, got.reason) == ("supported", "date.decision_on_day"), got.explanation


BERLIN_DRAFT = decision("S/1048", "vetoed", date(1948, 10, 25), "The Berlin question",
                        vote=(9, 2, 0), vetoed_by=("Russia",))  # fmt: skip


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # a diplomatic history's footnote style: the document's own date
        ("For the text of the resolution (Security Council Document S/1048, October 22, "
         "1948), see the collected documents on Berlin.", "October 22, 1948"),
        # a UN yearbook's style
        ("The six-power draft resolution (S/1048) of 22 October 1948 called for an end to the "
         "Berlin blockade.", "22 October 1948"),
    ],
)  # fmt: skip
def test_a_drafts_document_date_is_never_contradicted_by_its_vote_date(text, words):
    from checks.verdicts.dates import _against_named

    claim = next(c for c in extract_claims(text).claims if c.type == "date" and words in c.text)
    verdict = _against_named(claim, BERLIN_DRAFT, date(1948, 10, 22), words)
    assert (verdict.label, verdict.reason) == ("unverifiable", "date.draft_dated_otherwise")
    # the day of the vote itself is still supported
    assert _against_named(claim, BERLIN_DRAFT, date(1948, 10, 25), words).label == "supported"


NAMIBIA_VETO = decision("S/17633", "vetoed", date(1985, 11, 15), "The situation in Namibia",
                        vote=(12, 2, 1), vetoed_by=("United Kingdom", "United States"))  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        # a UN review's style: the symbol given paragraphs away, in other words
        "The United Kingdom and the United States on 15 November 1985 vetoed a text calling "
        "for sanctions against Pretoria.\nThe text (S/17633) had been put forward by the "
        "non-aligned members.",
        # a newspaper's style
        "Britain and the United States vetoed on Nov. 15, 1985 a sanctions plan against "
        "Pretoria. The draft (S/17633) was backed by 12 members.",
    ],
)
def test_a_day_the_story_gives_a_decision_it_names_elsewhere_is_supported(text):
    pairs = run(text, None, [NAMIBIA_VETO], "date")
    got = next(v for c, v in pairs if c.value.get("precision") == "day")
    assert (got.label, got.reason) == ("supported", "date.named_decision_on_day"), got.explanation


def test_a_named_decision_of_another_outcome_does_not_date_the_sentence():
    text = ("The council adopted a text on sanctions against Pretoria on 15 November 1985.\nThe "
            "text (S/17633) had been put forward by the non-aligned members.")  # fmt: skip
    got = next(v for c, v in run(text, None, [NAMIBIA_VETO], "date"))
    assert got.label != "supported", got.explanation
