"""What the reports say and how: the JSON report holds the command line's document, summaries
leave dismissed claims out, the PDF reads like a document, the HTML table fits the screen,
no cell or number can turn into a formula or invalid JSON, and sources are named as people
know them, with the credit their licence requires."""

from __future__ import annotations

import io
import json
import re
import shutil
import zlib
from datetime import date
from typing import Any

import pandas as pd
import pytest
from fpdf import FPDF
from fpdf.drawing import color_from_hex_string

import checks.reports.pdf as pdf_module
from checks.cli import _document
from checks.extract import Extraction
from checks.models import ArticleMeta, Claim, Evidence, Review, Verdict
from checks.reports import (
    ReportInput,
    to_claimreview,
    to_csv,
    to_dict,
    to_html,
    to_json,
    to_markdown,
    to_pdf,
)
from checks.reports.common import STATUS_COLOURS, VERDICT_COLOURS, claim_rows, human_time
from checks.reports.pdf import band
from checks.reports.sources_display import VOTES_DB_ATTRIBUTION

# A wire-style and a UN-style paragraph in one article.
TEXT = (
    "NEW YORK, 14 March (Wire) - The Security Council voted 12-0 with 3 abstentions to renew "
    "the panel of experts. In its resolution 2700 (2023), the Council urged all parties to "
    "cooperate; the 15-member body also noted 400 observers."
)
WHEN = "2026-11-29T17:05:00+00:00"
DHL_URL = "https://www.un.org/depts/dhl/resguide/scact2023_table_en.htm"
VOTES_URL = "https://doi.org/10.21410/7E4/Z0KECE"


def _claim(cid: str, fragment: str, ctype: str, value: dict | None = None) -> Claim:
    start = TEXT.index(fragment)
    end = start + len(fragment)
    return Claim(cid, ctype, start, end, fragment, TEXT, value or {})


def _source(**changes: Any) -> ReportInput:
    claims = [
        _claim("c1", "voted 12-0 with 3 abstentions", "vote"),
        _claim("c2", "resolution 2700 (2023)", "resolution"),
        _claim("c3", "15-member", "number"),
        _claim("c4", "400 observers", "number", {"value": 400}),
    ]
    verdicts = {
        "c1": Verdict(
            "contradicted",
            "The record says 13-0-2.",
            [
                Evidence("dhl", "Meetings in 2023", DHL_URL, "13-0-2", "2026-11-01T00:00:00Z"),
                Evidence("votesdb", "S/RES/2700 (2023)", VOTES_URL, "13-0-2", "2026-11-01"),
            ],
        ),
        "c2": Verdict("supported", "Adopted on that date."),
        "c3": Verdict("not_found", "Not a record."),  # dismissed below: not a claim
    }
    marks = {
        "c1": Review("c1", "Verified", "", "ana", "2026-11-29T16:00:00+00:00"),
        "c3": Review("c3", "Unreviewed", "", "ben", "2026-11-29T16:10:00", dismissed=True),
    }
    data: dict[str, Any] = {
        "text": TEXT,
        "meta": ArticleMeta("2023-03-14", "Council renews panel", "Wire", "https://w.test/1"),
        "claims": claims,
        "verdicts": verdicts,
        "marks": marks,
        "dismissed": {"c3"},
        "generated_at": WHEN,
        "model": "en_core_web_sm",
        "warnings": ["text was cut at 200000 characters"],
    }
    data.update(changes)
    return ReportInput(**data)


# -- JSON: a superset of the command line's document --------------------------------------


def _keys_within(small: Any, big: Any, path: str = "") -> None:
    if isinstance(small, dict):
        assert isinstance(big, dict), path
        for key, value in small.items():
            assert key in big, f"{path}.{key} missing from the report"
            _keys_within(value, big[key], f"{path}.{key}")
    elif isinstance(small, list):
        assert isinstance(big, list) and len(small) == len(big), path
        for index, (a, b) in enumerate(zip(small, big, strict=True)):
            _keys_within(a, b, f"{path}[{index}]")
    else:
        assert small == big, f"{path}: {small!r} != {big!r}"


def test_json_report_holds_the_command_line_document() -> None:
    source = _source()
    extraction = Extraction(
        claims=sorted(source.claims, key=lambda c: c.start),
        article_date=date(2023, 3, 14),
        model="en_core_web_sm",
        warnings=list(source.warnings),
    )
    cli = json.loads(json.dumps(_document(TEXT, extraction, source.verdicts)))
    report = json.loads(to_json(source))
    _keys_within(cli, report)  # every key and value the command line prints is in the report
    assert report["warnings"] == ["text was cut at 200000 characters"]
    assert report["article"]["model"] == "en_core_web_sm"


def test_json_report_of_a_source_without_extraction_details() -> None:
    doc = to_dict(_source(model=None, warnings=[]))
    assert doc["warnings"] == [] and doc["article"]["model"] is None


# -- summaries leave dismissed claims out ------------------------------------------------


def test_markdown_summary_counts_exclude_dismissed_claims() -> None:
    text = to_markdown(_source())
    summary = next(line for line in text.splitlines() if "Automatic verdicts" in line)
    assert "Not found" not in summary  # c3's verdict: it was dismissed
    assert "1 dismissed" in summary and summary.startswith("4 claims")
    assert "Contradicted: 1" in summary and "Supported: 1" in summary
    assert "Not checked: 1" in summary  # c4, kept
    assert "Unreviewed: 2" in summary and "Verified: 1" in summary


def test_html_summary_counts_exclude_dismissed_claims() -> None:
    page = to_html(_source())
    summary = re.search(r"<p>4 claims[^<]*</p>", page)
    assert summary and "Not found" not in summary.group(0)
    assert "1 dismissed" in summary.group(0)


# -- PDF ----------------------------------------------------------------------------------


def _pdf_streams(data: bytes) -> str:
    out = []
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            out.append(zlib.decompress(match.group(1)).decode("latin-1"))
        except zlib.error:
            continue
    return "\n".join(out)


@pytest.fixture
def core_font_pdf(monkeypatch: pytest.MonkeyPatch) -> str:
    """The PDF drawn with a core font, whose text stays readable in the content stream."""
    monkeypatch.setattr(pdf_module, "find_unicode_font", lambda: None)
    return _pdf_streams(to_pdf(_source()))


def test_pdf_text_is_ragged_right(core_font_pdf: str, monkeypatch: pytest.MonkeyPatch) -> None:
    spacing = [float(x) for x in re.findall(r"(-?[\d.]+) Tw", core_font_pdf)]
    assert all(x == 0 for x in spacing), spacing  # justified lines stretch the word spacing
    aligns = []
    original = FPDF.multi_cell

    def spy(self: FPDF, *args: Any, **kwargs: Any) -> Any:
        aligns.append(str(kwargs.get("align", "J")))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(FPDF, "multi_cell", spy)
    to_pdf(_source())
    assert aligns and set(aligns) == {"Align.L"}


def test_pdf_shows_human_timestamps(core_font_pdf: str) -> None:
    assert "29 November 2026, 17:05 UTC" in core_font_pdf  # generated
    assert "29 November 2026, 16:00 UTC" in core_font_pdf  # ana's mark
    assert "2026-11-29T" not in core_font_pdf
    assert human_time("2026-11-29T18:05:00+01:00") == "29 November 2026, 17:05 UTC"
    assert human_time("2024-05-02") == "2 May 2024"
    assert human_time("not a time") == "not a time" and human_time("") == ""


def _fill(hex_colour: str) -> str:
    return color_from_hex_string(hex_colour).serialize()


def test_pdf_colour_band_follows_the_reviewer(core_font_pdf: str) -> None:
    rows = {r.claim.id: r for r in claim_rows(_source())}
    # c1: the records contradict it, the reviewer verified it: the band is the reviewer's.
    heading, fill = band(rows["c1"])
    assert fill == STATUS_COLOURS["Verified"].background == VERDICT_COLOURS["supported"].background
    assert "reviewer: Verified" in heading and "automatic: Contradicted" in heading
    assert _fill(fill) in core_font_pdf
    assert _fill(VERDICT_COLOURS["contradicted"].background) not in core_font_pdf
    # c2: no mark yet, so the automatic verdict's colour.
    assert band(rows["c2"])[1] == VERDICT_COLOURS["supported"].background


# -- HTML fits a 1280 px screen ------------------------------------------------------------


def _long_source() -> ReportInput:
    url = "https://example.org/" + "very-long-path-segment" * 20
    source = _source()
    source.verdicts["c2"] = Verdict(
        "supported", "x" * 600, [Evidence("undl", url, url, "", "2026-11-01T00:00:00Z")]
    )
    source.marks["c2"] = Review("c2", "Verified", "N" * 400, "reviewer-" * 10, WHEN)
    source.text = f"{TEXT} {'9' * 400} {url}"  # unbroken tokens in the article too
    return source


def test_html_table_wraps_long_cells() -> None:
    page = to_html(_long_source())
    css = page[page.index("<style>") : page.index("</style>")]
    assert "table-layout:fixed" in css
    cell_rule = re.search(r"th,td\{[^}]*\}", css)
    assert cell_rule and "overflow-wrap:anywhere" in cell_rule.group(0)
    assert "white-space:nowrap" not in css
    assert page.count("<col ") == 10


@pytest.mark.skipif(not shutil.which("chromium"), reason="no Chromium on this machine")
def test_html_report_fits_1280_pixels_in_chromium(tmp_path: Any) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    page_file = tmp_path / "report.html"
    page_file.write_text(to_html(_long_source()), encoding="utf-8")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium"), headless=True)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(page_file.as_uri())
            width = page.evaluate("document.documentElement.scrollWidth")
            table = page.evaluate("document.querySelector('table').scrollWidth")
        finally:
            browser.close()
    assert width <= 1280 and table <= 1280


# -- hostile values: formulas and numbers JSON cannot hold ---------------------------------

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def test_no_csv_cell_can_start_a_formula() -> None:
    source = _source()
    source.verdicts["c2"] = Verdict(
        "supported",
        "+1 on record",
        [
            Evidence("x", "t", '=HYPERLINK("http://evil")', "", ""),
            Evidence("x", "t", "@SUM(1)", "", ""),
        ],
    )
    source.marks["c2"] = Review("c2", "Verified", "\tnote", "-ana", "\r2026")
    frame = pd.read_csv(io.BytesIO(to_csv(source)), keep_default_na=False, dtype=str)
    cells = [str(v) for v in frame.to_numpy().ravel()]
    assert not [c for c in cells if c.startswith(_FORMULA_STARTS)]
    row = frame.set_index("claim_id").loc["c2"]
    assert row["evidence_urls"].startswith("'=HYPERLINK")
    assert row["explanation"] == "'+1 on record" and row["reviewer"] == "'-ana"


def _strict(text: str) -> Any:
    def refuse(name: str) -> None:
        raise AssertionError(f"invalid JSON constant {name}")

    return json.loads(text, parse_constant=refuse)


def test_numbers_json_cannot_hold_never_make_invalid_json() -> None:
    huge = float("1" + "0" * 400)  # a 400-digit number read as a float is infinite
    claims = _source().claims
    claims[3] = _claim(
        "c4", "400 observers", "number", {"value": huge, "nan": float("nan"), "big": 10**5000}
    )
    source = _source(claims=claims)
    doc = _strict(to_json(source))
    value = next(c for c in doc["claims"] if c["id"] == "c4")["value"]
    assert value == {"value": None, "nan": None, "big": None}
    frame = pd.read_csv(io.BytesIO(to_csv(source)), keep_default_na=False)
    cell = frame.set_index("claim_id").loc["c4", "value"]
    assert _strict(cell) == {"big": None, "nan": None, "value": None}
    _strict(to_claimreview(source))


# -- sources by their names, with credit -------------------------------------------------


def test_reports_name_sources_as_people_know_them() -> None:
    md, page = to_markdown(_source()), to_html(_source())
    for text in (md, page):
        assert "UN Dag Hammarskjöld Library" in text
        assert "UNSC votes database (Sciences Po)" in text
        assert "(dhl)" not in text and "(votesdb)" not in text
    doc = to_dict(_source())
    names = {e["source"]: e["source_name"] for e in doc["claims"][0]["verdict"]["evidence"]}
    assert names == {
        "dhl": "UN Dag Hammarskjöld Library",
        "votesdb": "UNSC votes database (Sciences Po)",
    }


def test_votes_database_facts_carry_its_attribution(core_font_pdf: str) -> None:
    assert "CC BY 4.0" in VOTES_DB_ATTRIBUTION and "10.21410/7E4/Z0KECE" in VOTES_DB_ATTRIBUTION
    assert "B. Martin, Sciences Po" in VOTES_DB_ATTRIBUTION
    assert VOTES_DB_ATTRIBUTION in to_markdown(_source())
    assert "UNSC votes since 1946 Database" in to_html(_source())
    assert "doi:10.21410/7E4/Z0KECE" in core_font_pdf
    sources = {s["id"]: s for s in to_dict(_source())["sources"]}
    assert sources["votesdb"]["attribution"] == VOTES_DB_ATTRIBUTION
    assert sources["dhl"]["attribution"] == ""
    # No votes database evidence: no credit line is printed.
    source = _source()
    source.verdicts["c1"].evidence.pop()
    assert "Sciences Po" not in to_markdown(source)
