"""Extraction never fails on odd text: random mixtures of the very phrases the patterns look
for, with extreme article dates. Deterministic (seeded), so a failure is reproducible."""

from __future__ import annotations

import random
from datetime import date

import pytest

from checks.extract import extract_claims
from checks.extract import votes as vote_finder

PIECES = (
    "5000 years ago|99999 days later|0 February|31 February 2021|on 32 March|resolution 0|"
    "S/RES/99999 (2099)|S/0000/0|13-0-2|999-999-999|by a vote of none in favour to none against|"
    'vetoed by|only|unanimously|“|”|"|(|)|, |. |\n|Monday, 31 February|the 1990s|mid-|last|'
    "this week|Ambassador|Deputy Foreign Minister Sergei Ryabkov|said|according to|quoted|as saying|"
    "$|€|%|per cent|billion|half a million|third|resolutions 1, 2 and|UNSCR|A/RES/ES-11/1|"
    "25/02/2022|13/13/2013|2022-02-30|10:30 a.m.|+1 212 963 1234|paragraph 5|Article 41|"
    "the 15-member Council|nine ‘yes’ votes|in more than 36 years|Russia|China|"
    "the United States|abstaining|against|in favour|2 abstentions (|Washington|"
    "Soviet Delegate Arkady Sobolev|The Permanent Representative of China to the UN,|A.|"
    "a fourth round of sanctions|the fifth time|Britain's first veto|NEW YORK, 20 July 2015 —|"
    "until 31 December 2030|no later than|two days after 9 March|on 11 August|" + "9" * 400
).split("|")
DATES = (date(2020, 10, 18), None, date(1, 1, 1), date(9999, 12, 31))


@pytest.mark.parametrize("seed", range(6))
def test_random_mixtures_never_raise_and_offsets_hold(seed):
    rng = random.Random(seed)
    for _ in range(40):
        text = " ".join(rng.choice(PIECES) for _ in range(rng.randint(1, 40)))
        for on in DATES:
            result = extract_claims(text, article_date=on)
            assert not any("finder failed" in w for w in result.warnings), (text, on)
            for claim in result.claims:
                assert text[claim.start : claim.end] == claim.text


def test_dates_beyond_the_calendar_are_left_unresolved():
    result = extract_claims("The empire fell 5000 years ago.", article_date=date(2020, 1, 1))
    claim = next(c for c in result.claims if c.type == "date")
    assert claim.value["date"] is None and claim.value["unresolved"] is True


def test_a_failing_finder_costs_only_its_own_claims(monkeypatch):
    def broken(ctx):
        raise RuntimeError("boom")

    monkeypatch.setattr(vote_finder, "find", broken)
    result = extract_claims("Resolution 2231 passed 15-0-0 on 20 July 2015.", article_date=None)
    assert {c.type for c in result.claims} >= {"resolution", "date"}
    assert not any(c.type == "vote" for c in result.claims)
    assert any("vote finder failed" in w for w in result.warnings)
