"""Reports: escaping of untrusted text, overlapping highlights, and each format's contract."""

from __future__ import annotations

import io
import json
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

import checks.reports.pdf as pdf_module
from checks.models import VERDICT_LABELS, ArticleMeta, Claim, Evidence, Review, Verdict
from checks.reports import (
    CSV_COLUMNS,
    VERDICT_COLOURS,
    ReportInput,
    highlight_html,
    to_claimreview,
    to_csv,
    to_html,
    to_json,
    to_markdown,
    to_pdf,
)
from checks.reports.pdf import to_latin1
from checks.store import ReviewStore

TEXT = (
    "On “Friday” the Council voted 2-2 with 11 abstentions on draft S/2020/797, said "
    "<script>alert('x')</script> Василий Небензя (代表) — the envoy."
)
WHEN = "2024-05-03T12:00:00+00:00"
RES_URL = "https://undocs.org/S/RES/2231(2015)"


def _claim(cid: str, fragment: str, ctype: str = "number", origin: str = "extractor") -> Claim:
    start = TEXT.index(fragment)
    end = start + len(fragment)
    return Claim(cid, ctype, start, end, fragment, TEXT, {"n": cid}, origin=origin)


def _source(**changes: object) -> ReportInput:
    claims = [
        _claim("c1", "voted 2-2 with 11 abstentions", "vote"),
        _claim("c2", "2-2", "number"),  # inside c1
        _claim("c3", "11 abstentions on draft S/2020/797", "resolution"),  # overlaps c1's end
        _claim("c4", "<script>alert('x')</script>", "quote"),
        _claim("r1", "Василий Небензя", "role", origin="reviewer"),
        _claim("c5", "the envoy", "role"),
    ]
    evidence = [
        Evidence("dhl", "Resolution 2231", RES_URL, "…", "2024-01-01T00:00:00Z"),
        Evidence("x", "bad link", "javascript:alert(1)", "", "2024-01-01T00:00:00Z"),
    ]
    verdicts = {
        "c1": Verdict("contradicted", "Record: 2 for, 2 against, 11 abstaining <b>.", evidence),
        "c2": Verdict("supported", "Matches."),
        "c3": Verdict("partly_supported", "Draft exists."),
        "c4": Verdict("unverifiable", "<img src=x onerror=alert(1)>"),
    }
    marks = {
        "c1": Review("c1", "False", "Note <script>steal()</script>", "ana", "2024-05-02T09:00:00"),
        "c2": Review("c2", "Verified", "", "ben", "2024-05-02T10:00:00+00:00"),
        "c3": Review("c3", "Needs work", "", "ben", "2024-05-02T11:00:00+00:00"),
        "c4": Review("c4", "Misleading", '=HYPERLINK("http://evil")', "ana", "2024-05-02"),
        "c5": Review("c5", "Verified", "", "ana", "2024-05-02T12:00:00+00:00", dismissed=True),
    }
    meta = ArticleMeta("2020-10-18", "Council <vote>", "Wire “Agency”", "https://news.test/a")
    data = {
        "text": TEXT,
        "meta": meta,
        "claims": claims,
        "verdicts": verdicts,
        "marks": marks,
        "dismissed": {"c5"},
        "generated_at": WHEN,
    }
    data.update(changes)
    return ReportInput(**data)  # type: ignore[arg-type]


class _Marks(HTMLParser):
    """Collects text, checks nesting, and records every <mark>'s claims and every href."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text, self.depth, self.max_depth = [], 0, 0
        self.marked: list[tuple[str, str]] = []
        self.hrefs: list[str] = []
        self._claims = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "script":
            raise AssertionError("a <script> element made it into the HTML")
        if tag == "a":
            self.hrefs.append(attributes.get("href") or "")
        if tag == "mark":
            self.depth += 1
            self.max_depth = max(self.max_depth, self.depth)
            self._claims = attributes.get("data-claims") or ""
            assert attributes.get("title")

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self.depth:
            self.marked.append((self._claims, data))


def test_highlight_escapes_and_handles_overlaps() -> None:
    source = _source()
    out = highlight_html(TEXT, source.claims, source.verdicts, marks=source.marks)
    parser = _Marks()
    parser.feed(out)
    parser.close()
    assert "".join(parser.text) == TEXT  # nothing lost, nothing doubled
    assert parser.max_depth == 1 and parser.depth == 0  # never nested, always closed
    assert ("c1 c2", "2-2") in parser.marked
    assert ("c1 c3", "11 abstentions") in parser.marked
    assert ("c3", " on draft S/2020/797") in parser.marked
    assert "&lt;script&gt;" in out and "<script>" not in out
    # The piece under a contradicted and a supported claim shows the contradicted colour.
    piece = out[out.index('data-claims="c1 c2"') :].split(">", 1)[0]
    assert VERDICT_COLOURS["contradicted"].background in piece


def test_highlight_clips_bad_spans_and_skips_dismissed() -> None:
    claims = [Claim("a", "number", -5, 3, "", ""), Claim("b", "number", 50, 9999, "", "")]
    claims.append(Claim("c", "number", 10, 10, "", ""))
    out = highlight_html("short text", claims, {}, dismissed={"b"})
    assert out == (
        '<mark class="claim" data-claims="a" title="Number claim: Not checked" '
        'style="background:#f3f3f3;border-bottom:3px solid #999999">sho</mark>rt text'
    )


def test_html_report_escapes_every_untrusted_field() -> None:
    page = to_html(_source())
    parser = _Marks()
    parser.feed(page)  # raises on any <script> element
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page
    assert "Content-Security-Policy" in page
    assert "Note &lt;script&gt;steal()&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page and "<img" not in page
    assert "Council &lt;vote&gt;" in page and "<vote>" not in page
    assert RES_URL in parser.hrefs and "https://news.test/a" in parser.hrefs
    assert not any(h.startswith("javascript") for h in parser.hrefs)
    for words in ("Contradicted", "False", "ana", WHEN, "Wire “Agency”", "2020-10-18"):
        assert words in page
    assert 'class="dismissed"' in page


def test_verdict_colours_cover_every_label() -> None:
    assert set(VERDICT_COLOURS) == set(VERDICT_LABELS)
    backgrounds = [c.background for c in VERDICT_COLOURS.values()]
    assert len(set(backgrounds)) == len(backgrounds)
    assert all(c.label for c in VERDICT_COLOURS.values())


def test_markdown_has_metadata_evidence_links_and_escapes() -> None:
    text = to_markdown(_source())
    assert text.startswith("# Council \\<vote\\>\n")
    assert f"[Resolution 2231](<{RES_URL}>)" in text
    assert "](<javascript" not in text
    assert "Note \\<script\\>steal()\\</script\\>" in text
    assert "False by ana" in text and WHEN in text and "2020-10-18" in text
    assert "### r1 · role · Not checked" in text
    assert "**Dismissed**" in text


CSV_HEADER = (
    "claim_id,type,text,sentence,start,end,value,verdict,explanation,evidence_urls,"
    "status,note,reviewer,reviewed_at,dismissed,origin"
)


def test_csv_columns_order_and_round_trip() -> None:
    data = to_csv(_source(), spreadsheet_safe=False)
    assert data.startswith(b"\xef\xbb\xbf" + CSV_HEADER.encode())
    frame = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", keep_default_na=False)
    assert tuple(frame.columns) == CSV_COLUMNS
    rows = {r["claim_id"]: r for r in frame.to_dict("records")}
    assert set(rows) == {"c1", "c2", "c3", "c4", "c5", "r1"}
    c1 = rows["c1"]
    assert TEXT[c1["start"] : c1["end"]] == c1["text"] == "voted 2-2 with 11 abstentions"
    assert json.loads(c1["value"]) == {"n": "c1"}
    assert c1["evidence_urls"].split(" ") == [RES_URL, "javascript:alert(1)"]
    assert (c1["verdict"], c1["status"], c1["reviewer"]) == ("contradicted", "False", "ana")
    assert rows["c5"]["dismissed"] is True and rows["c1"]["dismissed"] is False
    assert rows["r1"]["origin"] == "reviewer" and rows["r1"]["verdict"] == ""
    assert rows["r1"]["sentence"] == TEXT  # smart quotes, Cyrillic and CJK survive
    assert rows["c4"]["note"] == '=HYPERLINK("http://evil")'


def test_csv_defuses_formulas_by_default() -> None:
    frame = pd.read_csv(io.BytesIO(to_csv(_source())), keep_default_na=False)
    note = frame.set_index("claim_id").loc["c4", "note"]
    assert note == '\'=HYPERLINK("http://evil")'


def test_json_follows_the_command_line_contract() -> None:
    doc = json.loads(to_json(_source()))
    assert set(doc) == {"article", "warnings", "claims", "sources", "generated_at"}
    assert doc["warnings"] == []
    assert doc["article"] == {
        "date": "2020-10-18",
        "characters": len(TEXT),
        "model": None,
        "title": "Council <vote>",
        "source": "Wire “Agency”",
        "url": "https://news.test/a",
    }
    assert doc["generated_at"] == WHEN
    by_id = {c["id"]: c for c in doc["claims"]}
    for claim in doc["claims"]:
        assert {"id", "type", "start", "end", "text", "sentence", "value"} <= set(claim)
        assert {"verdict", "review", "origin"} <= set(claim)
        assert TEXT[claim["start"] : claim["end"]] == claim["text"]
        assert set(claim["review"]) == {"status", "note", "reviewer", "updated_at", "dismissed"}
    verdict = by_id["c1"]["verdict"]
    assert verdict["label"] == "contradicted" and verdict["evidence"][0]["url"] == RES_URL
    assert {"source", "title", "url", "excerpt", "retrieved_at"} <= set(verdict["evidence"][0])
    assert by_id["r1"]["verdict"] is None and by_id["r1"]["origin"] == "reviewer"
    assert by_id["r1"]["review"]["status"] == "Unreviewed"
    assert by_id["c5"]["review"]["dismissed"] is True
    assert by_id["c1"]["review"]["note"] == "Note <script>steal()</script>"


def test_claimreview_only_for_reviewed_claims() -> None:
    text = to_claimreview(_source(id=12), publisher_url="https://checks.example.org/review")
    assert "<" not in text  # safe inside <script type="application/ld+json">
    reviews = json.loads(text)
    # c3 "Needs work" is a working state, c5 is dismissed, r1 is unreviewed.
    claimed = [r["claimReviewed"] for r in reviews]
    assert claimed == [
        "\u2026“Friday” the Council voted 2-2 with 11 abstentions on draft S/2020/797,\u2026",
        "\u2026the Council voted 2-2 with 11 abstentions\u2026",
        "\u2026draft S/2020/797, said <script>alert('x')</script> Василий Небензя (代表)\u2026",
    ]
    ratings = [r["reviewRating"] for r in reviews]
    assert [(x["alternateName"], x["ratingValue"]) for x in ratings] == [
        ("False", 1),
        ("Verified", 5),
        ("Misleading", 2),
    ]
    first = reviews[0]
    assert first["@context"] == "https://schema.org" and first["@type"] == "ClaimReview"
    assert first["reviewRating"]["@type"] == "Rating"
    assert (first["reviewRating"]["bestRating"], first["reviewRating"]["worstRating"]) == (5, 1)
    assert first["author"] == {"@type": "Person", "name": "ana"}
    assert first["datePublished"] == "2024-05-02"
    assert first["url"] == "https://checks.example.org/review?review=12"
    item = first["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"] == {"@type": "Organization", "name": "Wire “Agency”"}
    assert item["appearance"] == {
        "@type": "NewsArticle",
        "url": "https://news.test/a",
        "headline": "Council <vote>",
        "datePublished": "2020-10-18",
    }


def test_claimreview_uses_claim_text_without_sentence() -> None:
    claim = Claim("c1", "number", 0, 2, "On", "")
    source = _source(claims=[claim], marks={"c1": Review("c1", "Verified", "", "ana", "2024")})
    assert json.loads(to_claimreview(source))[0]["claimReviewed"] == "On"


def test_pdf_with_unicode_font() -> None:
    data = to_pdf(_source())
    assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")
    if pdf_module.find_unicode_font() is not None:
        assert b"DejaVu" in data


def test_pdf_without_unicode_font_transliterates(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_module, "find_unicode_font", lambda: None)
    long_url = "https://example.org/" + "x" * 400
    source = _source()
    evidence = [Evidence("a", "", long_url, "", "")]
    source.verdicts["c2"] = Verdict("supported", "ok “quoted” … — ✓ 😀", evidence)
    data = to_pdf(source)
    assert data.startswith(b"%PDF") and b"DejaVu" not in data
    smart = "\u201cSmart\u201d \u2018quotes\u2019 \u2013 dash \u2014 \u2026 caf\u00e9"
    assert to_latin1(smart) == "\"Smart\" 'quotes' - dash -- ... caf\u00e9"
    assert to_latin1("Ωmega Őrs 代") == "?mega Ors ?"


def test_pdf_with_a_given_font_path(monkeypatch: pytest.MonkeyPatch) -> None:
    found = pdf_module.find_unicode_font()
    monkeypatch.setattr(pdf_module, "find_unicode_font", lambda: None)  # the path must win
    if found is None:  # no Unicode font on this machine: a missing file is a clear error
        with pytest.raises(FileNotFoundError):
            to_pdf(_source(), font_path="/nonexistent/DejaVuSans.ttf")
        return
    data = to_pdf(_source(), font_path=found[0])
    assert data.startswith(b"%PDF") and b"DejaVu" in data


def test_reports_accept_a_stored_bundle(tmp_path: Path) -> None:
    source = _source()
    store = ReviewStore(f"sqlite:///{tmp_path / 'r.sqlite'}")
    rid = store.create_review(source.text, source.meta, source.claims, source.verdicts)
    store.set_mark(rid, "c1", status="False", note="checked", reviewer="ana")
    bundle = store.load(rid)
    doc = json.loads(to_json(bundle, generated_at=WHEN))
    assert [c["id"] for c in doc["claims"]][:3] == ["c1", "c2", "c3"]
    assert doc["claims"][0]["review"]["status"] == "False"
    assert len(json.loads(to_claimreview(bundle))) == 1
    assert "checked" in to_markdown(bundle) and "checked" in to_html(bundle)
    assert to_pdf(bundle).startswith(b"%PDF") and to_csv(bundle).count(b"\r\n") == 7
