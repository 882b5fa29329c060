"""checks.guard: extraction in parts (offsets exact) and in a worker process with a budget."""

from __future__ import annotations

import itertools
import time
from datetime import date

import pytest

from checks.extract import extract_claims
from checks.guard import ExtractorPool, PartResult, extract_in_parts, merge_parts, split_parts
from checks.models import Claim

PARAGRAPHS = [
    "UNITED NATIONS, July 20 (Wire) - The Security Council on Monday unanimously adopted "
    "resolution 2231, endorsing the nuclear deal reached in Vienna on 14 July 2015.",
    "The 15-member Council voted 15-0 for the text, which the United States drafted.",
    "“This is an important step,” Ambassador Samantha Power told reporters after the vote.",
    "In 2010 the Council had imposed sanctions in resolution 1929 by a vote of 12 in favour to "
    "2 against, with 1 abstention.",
    "Russia and China vetoed a draft on Syria (S/2019/756) on 20 December 2019, three years ago.",
]
ARTICLE = "\n\n".join(PARAGRAPHS * 3)


def test_split_parts_cover_the_text_and_cut_at_paragraphs():
    spans = split_parts(ARTICLE, 600)
    assert len(spans) > 2
    assert spans[0][0] == 0 and spans[-1][1] == len(ARTICLE)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(spans))
    assert all(end - start <= 600 for start, end in spans)
    assert all(ARTICLE[end - 2 : end] == "\n\n" for _, end in spans[:-1])


def test_split_parts_without_breaks_still_bounded():
    text = "word " * 5000
    spans = split_parts(text, 1000)
    assert "".join(text[a:b] for a, b in spans) == text
    assert all(b - a <= 1000 for a, b in spans)
    assert split_parts("x" * 2500, 1000) == [(0, 1000), (1000, 2000), (2000, 2500)]


def test_parts_find_what_the_whole_text_finds_with_exact_offsets():
    day = date(2015, 7, 20)
    whole = extract_claims(ARTICLE, article_date=day)
    parts = extract_in_parts(ARTICLE, article_date=day, max_chars=700)
    assert parts.complete and parts.parts > 2
    assert [(c.type, c.start, c.end) for c in parts.claims] == [
        (c.type, c.start, c.end) for c in whole.claims
    ]
    assert [c.id for c in parts.claims] == [f"c{i}" for i in range(1, len(parts.claims) + 1)]
    for claim in parts.claims:
        assert ARTICLE[claim.start : claim.end] == claim.text
        assert ARTICLE[claim.sentence_start :].lstrip().startswith(claim.sentence[:20])
    # parse positions are article-wide: the same token indices as one whole parse
    same = sum(
        a.root == b.root for a, b in zip(parts.claims, whole.claims, strict=True) if a.root >= 0
    )
    assert same >= 0.9 * sum(1 for c in whole.claims if c.root >= 0)


def test_merge_renames_ids_and_links():
    def claim(cid: str, start: int, links: dict) -> Claim:
        return Claim(cid, "date", start, start + 4, "2015", "In 2015.", links=links)

    first = PartResult(0, [claim("c1", 3, {}), claim("c2", 10, {"dates": ["c1"]})])
    second = PartResult(1, [claim("c1", 50, {"resolution": "c2"}), claim("c2", 60, {})])
    merged = merge_parts([second, first])
    assert [c.id for c in merged] == ["c1", "c2", "c3", "c4"]
    assert merged[1].links == {"dates": ["c1"]}
    assert merged[2].links == {"resolution": "c4"}  # the second part's own c2


def slow_after_first_part(text, *, article_date, pipeline, max_chars, article_date_source):
    """A reader that finds one part and then hangs the way a runaway regex does (no yield)."""
    from checks.guard import iter_parts

    for part, used, total in iter_parts(
        text, article_date=article_date, pipeline=pipeline, max_chars=max_chars
    ):
        yield part, used, total
        if "HANG" in text:
            while True:
                pass


@pytest.fixture(scope="module")
def pool():
    with ExtractorPool(
        workers=1, max_chars=400, runner="tests.test_guard:slow_after_first_part"
    ) as p:
        yield p


def test_worker_extracts_like_the_library(pool):
    text = "\n\n".join(PARAGRAPHS[:2])
    guarded = pool.extract(text, date(2015, 7, 20), seconds=60)
    local = extract_claims(text, article_date=date(2015, 7, 20))
    assert guarded.complete and guarded.message == ""
    assert [(c.type, c.start, c.end, c.value) for c in guarded.claims] == [
        (c.type, c.start, c.end, c.value) for c in local.claims
    ]


def test_over_budget_returns_what_was_found_and_a_message(pool):
    text = PARAGRAPHS[0] + "\n\n" + "HANG " * 200
    started = time.monotonic()
    guarded = pool.extract(text, date(2015, 7, 20), seconds=2)
    assert time.monotonic() - started < 60  # the wait for a fresh model load included
    assert not guarded.complete
    assert guarded.parts_done == 1 and guarded.parts >= 2
    assert "took too long" in guarded.message
    assert f"1 of {guarded.parts} parts" in guarded.message
    assert any(c.type == "resolution" and c.text == "resolution 2231" for c in guarded.claims)
    assert guarded.message in guarded.extraction.warnings
    # the stuck worker was replaced: the next text is read normally
    after = pool.extract(PARAGRAPHS[1], date(2015, 7, 20), seconds=60)
    assert after.complete and any(c.type == "vote" for c in after.claims)


def test_a_worker_never_runs_the_parents_main_script(tmp_path, monkeypatch):
    """Under Streamlit `__main__` is the page script; a spawned worker must not re-run it."""
    import sys
    import types

    from checks.guard import ExtractorPool

    marker = tmp_path / "ran"
    script = tmp_path / "page.py"
    script.write_text(f"open({str(marker)!r}, 'w').write('ran')\n", encoding="utf-8")
    page = types.ModuleType("__main__")
    page.__file__ = str(script)
    page.__spec__ = None
    monkeypatch.setitem(sys.modules, "__main__", page)
    workers = ExtractorPool(workers=1)
    try:
        guarded = workers.extract(
            "The Council adopted resolution 2231 on 20 July 2015.", None, seconds=60
        )
    finally:
        workers.close()
    assert guarded.complete, guarded.message
    assert not marker.exists()
    assert sys.modules["__main__"].__file__ == str(script)  # put back as it was
