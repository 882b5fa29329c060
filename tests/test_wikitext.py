"""Wikitext helpers: infobox parameters and values read through mwparserfromhell.

The strings are written in the ways editors write infobox values on English Wikipedia:
footnotes holding templates with their own `|`, nested wrappers, piped links, comments,
entities, line breaks and unclosed markup.
"""

from __future__ import annotations

from checks.wikitext import clean_value, find_dates, find_template, parse_count, parse_date

INFOBOX = "Infobox UN resolution"


def test_pipes_inside_footnotes_links_and_templates_do_not_split_parameters() -> None:
    text = (
        "Intro.\n{{Infobox UN resolution\n| number = 2334\n"
        "| for = 14<ref name=v>{{cite web|url=https://example.org/a|title=Vote|date=2016}}</ref>\n"
        "| subject = [[Israeli settlement|Israeli settlements]]\n"
        "| meeting = {{nowrap|7,853}}\n| abstention = 1 <!-- United States -->\n}}\nBody."
    )
    params = find_template(text, INFOBOX)
    assert params is not None
    assert set(params) == {"number", "for", "subject", "meeting", "abstention"}
    assert parse_count(params["for"]) == 14
    assert clean_value(params["subject"]) == "Israeli settlements"
    assert parse_count(params["meeting"]) == 7853
    assert parse_count(params["abstention"]) == 1


def test_template_found_when_nested_or_named_loosely() -> None:
    nested = "{{Multiple issues|{{Infobox_UN_Resolution|number=1|year=1946}}}}"
    assert find_template(nested, INFOBOX) == {"number": "1", "year": "1946"}
    spaced = "{{  infobox un   resolution\n|Present Not Voting = 0}}"
    assert find_template(spaced, INFOBOX) == {"present_not_voting": "0"}
    assert find_template("{{Infobox country|name=X}}", INFOBOX) is None


def test_values_keep_only_what_a_reader_sees() -> None:
    assert clean_value("Adopted<br/>unanimously") == "Adopted unanimously"
    assert clean_value("'''15'''&nbsp;votes") == "15 votes"
    assert clean_value("[https://undocs.org/S/RES/2231(2015) S/RES/2231]") == "S/RES/2231"
    assert clean_value("{{lang|fr|Conseil de sécurité}}") == "Conseil de sécurité"
    assert clean_value("{{small|{{nowrap|7401}}}}") == "7401"
    assert clean_value("{{dts|2016|12|23}}") == "2016-12-23"
    assert clean_value("{{flagicon|USA}} abstained") == "abstained"  # unknown template: dropped


def test_unclosed_markup_does_not_leak_into_values() -> None:
    assert clean_value("13<ref>An unclosed footnote {{cite") == "13"
    assert clean_value("2 <!-- an unclosed comment") == "2"


def test_dates_and_counts_from_cleaned_values() -> None:
    assert parse_date("{{start date|2015|7|20}}") == "2015-07-20"
    assert parse_date("20 July<ref>x</ref>", year=2015) == "2015-07-20"
    assert parse_date("[[December 23]], [[2016]]") == "2016-12-23"
    assert parse_count("''None''") == 0 and parse_count("n/a") == 0
    found = find_dates("The deal was reached on 14 July 2015. It took effect on October 18, 2015.")
    assert [d["date"] for d in found] == ["2015-07-14", "2015-10-18"]
