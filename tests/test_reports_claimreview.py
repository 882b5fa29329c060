"""ClaimReview: the fact check's own URL, the claim itself, the reviewer's rating, no empty
fields, and every document checked against the fields Google documents."""

from __future__ import annotations

import json

import pytest

from checks.config import Settings
from checks.models import ArticleMeta, Claim, Evidence, Review, Verdict
from checks.reports import ReportInput, claim_reviews, to_claimreview
from checks.reports.claimreview import claimreview_findings, review_page
from checks.reports.claimreview_schema import errors, validate_claimreview

# Two outlets' styles: a wire report and a UN press release, each with one long sentence.
WIRE = (
    "UNITED NATIONS (Wire) - The Security Council on Thursday adopted a resolution extending "
    "the mission in South Sudan by a vote of 13 in favour with two abstentions, diplomats "
    "said after a closed-door session that ran late into the evening."
)
UN_PRESS = (
    "Acting under Chapter VII of the Charter, the Council unanimously adopted resolution 2719 "
    "(2023), by which it decided that African Union-led peace support operations may be "
    "financed from assessed contributions on a case-by-case basis."
)
PAGE = "https://factcheck.example.org/checks"


def _claim(text: str, fragment: str, cid: str, ctype: str = "vote") -> Claim:
    start = text.index(fragment)
    return Claim(cid, ctype, start, start + len(fragment), fragment, text, {})


def _source(
    text: str = WIRE,
    fragment: str = "by a vote of 13 in favour with two abstentions",
    *,
    status: str = "False",
    verdict: str = "supported",
    meta: ArticleMeta | None = None,
    reviewer: str = "ana",
    updated: str = "2026-11-29T17:05:00+00:00",
    review_id: int | None = 41,
) -> ReportInput:
    claim = _claim(text, fragment, "c1")
    return ReportInput(
        text=text,
        meta=meta
        or ArticleMeta("2026-11-27", "Council extends mission", "Wire", "https://w.test/a"),
        claims=[claim],
        verdicts={"c1": Verdict(verdict, "Compared with the record.")},
        marks={"c1": Review("c1", status, "", reviewer, updated)},
        id=review_id,
    )


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def test_url_is_the_review_page_not_the_article() -> None:
    doc = claim_reviews(_source(), publisher_url=PAGE)[0]
    assert doc["url"] == f"{PAGE}?review=41"
    assert doc["itemReviewed"]["appearance"]["url"] == "https://w.test/a"
    assert review_page(f"{PAGE}?lang=en", 41) == f"{PAGE}?lang=en&review=41"
    assert review_page("https://fc.example.org/r/{review}.html", 7) == (
        "https://fc.example.org/r/7.html"
    )
    assert review_page("javascript:alert(1)", 7) is None


def test_unknown_fields_are_left_out_never_empty() -> None:
    bare = ArticleMeta(None, "", "", "")
    doc = claim_reviews(_source(meta=bare, reviewer="", review_id=None), publisher_url=PAGE)[0]
    assert "" not in [s.strip() for s in _strings(doc)]
    assert "url" not in doc  # no review id: the page is unknown
    assert "itemReviewed" not in doc and "author" not in doc
    assert [f.path for f in errors(doc)] == ["url"]
    # Hostile metadata: a script link, a date that is no date, a blank reviewer.
    odd = ArticleMeta("last Friday", "  ", "Agency", "javascript:alert(1)")
    doc = claim_reviews(_source(meta=odd, reviewer="   ", updated="soon"), publisher_url=PAGE)[0]
    assert "" not in [s.strip() for s in _strings(doc)]
    assert doc["itemReviewed"] == {
        "@type": "Claim",
        "author": {"@type": "Organization", "name": "Agency"},
    }
    assert "datePublished" not in doc and errors(doc) == []


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        (WIRE, "by a vote of 13 in favour with two abstentions"),
        (UN_PRESS, "unanimously adopted resolution 2719"),
    ],
)
def test_claim_reviewed_is_the_claim_with_a_little_context(text: str, fragment: str) -> None:
    claimed = claim_reviews(_source(text, fragment), publisher_url=PAGE)[0]["claimReviewed"]
    assert fragment in claimed and claimed != text
    assert len(claimed) <= 75 and claimed.startswith("\u2026") and claimed.endswith("\u2026")
    words = claimed.strip("\u2026").split()
    assert 0 < len(words) - len(fragment.split()) <= 6  # at most three words either side
    assert claimed.strip("\u2026") in " ".join(text.split())  # context is contiguous


@pytest.mark.parametrize(
    ("status", "verdict", "words", "value"),
    [
        ("Verified", "contradicted", "Verified", 5),
        ("False", "supported", "False", 1),
        ("Misleading", "supported", "Misleading", 2),
        ("Unverifiable", "contradicted", "Unverifiable", None),
    ],
)
def test_rating_follows_the_reviewer_not_the_automatic_verdict(
    status: str, verdict: str, words: str, value: int | None
) -> None:
    rating = claim_reviews(_source(status=status, verdict=verdict))[0]["reviewRating"]
    assert rating["alternateName"] == words
    assert rating.get("ratingValue") == value
    if value is not None:
        assert (rating["bestRating"], rating["worstRating"]) == (5, 1)


def test_every_built_document_is_valid() -> None:
    sources = [
        _source(),
        _source(UN_PRESS, "unanimously adopted resolution 2719", status="Verified"),
        _source(status="Unverifiable", meta=ArticleMeta(None, "", "", "")),
    ]
    for source in sources:
        for doc in json.loads(to_claimreview(source, publisher_url=PAGE, publisher_name="FC")):
            assert errors(doc) == [], doc
            assert doc["author"] == {"@type": "Organization", "name": "FC", "url": PAGE}
    findings = claimreview_findings(_source(review_id=None))
    assert [(f.level, f.path) for f in findings["c1"] if f.level == "error"] == [("error", "url")]


def _valid() -> dict:
    return claim_reviews(_source(), publisher_url=PAGE)[0]


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda d: d.pop("claimReviewed"), "claimReviewed"),
        (lambda d: d.pop("url"), "url"),
        (lambda d: d.update(url="/relative"), "url"),
        (lambda d: d.pop("reviewRating"), "reviewRating"),
        (lambda d: d["reviewRating"].pop("bestRating"), "reviewRating"),
        (lambda d: d["reviewRating"].update(ratingValue=9), "reviewRating.ratingValue"),
        (lambda d: d["itemReviewed"]["appearance"].update(headline=""), "itemReviewed.appearance"),
        (lambda d: d["itemReviewed"]["appearance"].update(url=""), "itemReviewed.appearance.url"),
        (lambda d: d.update(datePublished="Nov 2026"), "datePublished"),
        (lambda d: d.update(author={"@type": "Person", "name": ""}), "author.name"),
        (lambda d: d.update({"@type": "Review"}), "@type"),
    ],
)
def test_validator_catches_broken_documents(change, path: str) -> None:
    doc = _valid()
    assert errors(doc) == []
    change(doc)
    assert any(f.path.startswith(path) for f in errors(doc)), validate_claimreview(doc)


def test_validator_warns_on_missing_recommended_fields() -> None:
    doc = _valid()
    for key in ("author", "datePublished", "itemReviewed"):
        doc.pop(key)
    assert errors(doc) == []
    assert {f.path for f in validate_claimreview(doc)} == {
        "author",
        "datePublished",
        "itemReviewed",
    }


def test_reviews_of_a_dismissed_or_unreviewed_claim_are_not_published() -> None:
    source = _source()
    source.marks["c1"].dismissed = True
    assert claim_reviews(source) == []
    assert claim_reviews(_source(status="Unreviewed")) == []
    assert claim_reviews(_source(status="Needs work")) == []
    assert claim_reviews(_source(status="   ")) == []  # a blank status is no rating


def test_publisher_settings_come_from_the_environment() -> None:
    settings = Settings.from_mapping(
        {"CHECKS_PUBLISHER_URL": PAGE, "CHECKS_PUBLISHER_NAME": "Fact Desk"}
    )
    assert (settings.publisher_url, settings.publisher_name) == (PAGE, "Fact Desk")
    assert Settings.from_mapping({}).publisher_url == ""


def test_evidence_does_not_change_the_published_rating() -> None:
    source = _source(status="False", verdict="supported")
    source.verdicts["c1"].evidence.append(
        Evidence("dhl", "Meetings 2026", "https://www.un.org/x", "", "2026-11-29T00:00:00Z")
    )
    assert claim_reviews(source)[0]["reviewRating"]["alternateName"] == "False"
