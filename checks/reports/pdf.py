"""A printable PDF report (fpdf2).

With a Unicode TrueType font (DejaVu Sans, found on most Linux systems or given by path) every
script the font covers is printed as is; without one the text is transliterated to Latin-1
(smart quotes and dashes to ASCII, anything else to "?"), so no article can crash the export.
"""

from __future__ import annotations

import contextlib
import importlib.util
import unicodedata
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import Align, XPos, YPos

from checks.reports.common import (
    ClaimRow,
    ReportSource,
    claim_rows,
    human_time,
    one_line,
    report_time,
    safe_link,
    summarise,
    verdict_colour,
)
from checks.reports.sources_display import attributions, source_attribution, source_name

#: Where DejaVu Sans usually lives (Debian/Ubuntu, Fedora, Arch, macOS/Windows user installs).
FONT_DIRS: tuple[str, ...] = (
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/dejavu",
    "/usr/share/fonts/dejavu-sans-fonts",
    "/usr/share/fonts/TTF",
    "/usr/local/share/fonts",
    "~/.local/share/fonts",
    "~/Library/Fonts",
    "/Library/Fonts",
    "C:/Windows/Fonts",
)
_ASCII = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": ",",
        "\u201b": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2032": "'",
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "--",
        "\u2212": "-",
        "\u2026": "...",
        "\u2022": "*",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u200b": "",
        "\ufeff": "",
    }
)
_LINE = 5.0


def find_unicode_font() -> tuple[Path, Path | None] | None:
    """(regular, bold or None) of DejaVu Sans, or None when no copy is installed."""
    dirs = [Path(d).expanduser() for d in FONT_DIRS]
    spec = importlib.util.find_spec("matplotlib")  # matplotlib ships DejaVu Sans
    if spec and spec.submodule_search_locations:
        dirs += [Path(p) / "mpl-data" / "fonts" / "ttf" for p in spec.submodule_search_locations]
    for directory in dirs:
        regular = directory / "DejaVuSans.ttf"
        if regular.is_file():
            bold = directory / "DejaVuSans-Bold.ttf"
            return regular, bold if bold.is_file() else None
    return None


def to_latin1(text: str) -> str:
    """Text the PDF core fonts can print: typographic marks to ASCII, accents kept if Latin-1,
    else stripped ("ő" to "o"), anything else "?"."""
    out = []
    for char in text.translate(_ASCII):
        if ord(char) < 256:
            out.append(char)
            continue
        base = unicodedata.normalize("NFKD", char).encode("latin-1", "ignore").decode("latin-1")
        out.append(base if base.strip() else "?")
    return "".join(out)


class _Writer:
    """Thin wrapper that picks the font and cleans every string before fpdf2 sees it."""

    def __init__(self, font: tuple[Path, Path | None] | None) -> None:
        self.pdf = FPDF(format="A4")
        self.pdf.set_margins(15, 15, 15)
        self.pdf.set_auto_page_break(auto=True, margin=15)
        self.clean: Callable[[str], str]
        if font is None:
            self.family, self.clean = "Helvetica", to_latin1
        else:
            regular, bold = font
            self.pdf.add_font("DejaVu", "", str(regular))
            self.pdf.add_font("DejaVu", "B", str(bold or regular))
            self.family, self.clean = "DejaVu", lambda s: s.replace("\u200b", "")
        self.pdf.add_page()

    def font(self, size: float = 10, bold: bool = False) -> None:
        self.pdf.set_font(self.family, "B" if bold else "", size)

    def para(self, text: str, size: float = 10, bold: bool = False, fill: str = "") -> None:
        self.font(size, bold)
        if fill:
            self.pdf.set_fill_color(fill)
        height, text = _LINE * size / 10, self.clean(text)
        # Ragged right: justified text opens wide gaps in lines holding a long URL or number.
        self.pdf.multi_cell(
            0, height, text, fill=bool(fill), align=Align.L, new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )

    def field(self, name: str, value: str) -> None:
        if value:
            self.para(f"{name}: {one_line(value)}")

    def link(self, prefix: str, text: str, url: str) -> None:
        self.font(10)
        self.pdf.write(_LINE, self.clean(prefix))
        target = safe_link(url)
        if target:
            self.pdf.set_text_color(0, 80, 160)
            self.pdf.write(_LINE, self.clean(one_line(text)), link=target)
            self.pdf.set_text_color(0, 0, 0)
        else:
            self.pdf.write(_LINE, self.clean(one_line(text)))
        self.pdf.ln(_LINE)


def band(row: ClaimRow) -> tuple[str, str]:
    """(heading, fill colour) of a claim: the colour follows the person's mark once there is
    one, else the automatic verdict; the words name both."""
    automatic = verdict_colour(row.verdict.label if row.verdict else None).label
    flag = "  [dismissed]" if row.dismissed else ""
    judged = f"reviewer: {row.status} · automatic: {automatic}" if row.reviewed else automatic
    heading = f"{row.claim.id} · {row.claim.type} · {judged}{flag}"
    return heading, row.colour.background


def _claim(writer: _Writer, row: ClaimRow) -> None:
    claim, verdict, review = row.claim, row.verdict, row.review
    colour = verdict_colour(verdict.label if verdict else None)
    heading, fill = band(row)
    writer.pdf.ln(2)
    writer.para(heading, 11, True, fill)
    writer.field("Claim", claim.text)
    if claim.sentence != claim.text:
        writer.field("Sentence", claim.sentence)
    writer.field("Where", f"characters {claim.start}-{claim.end}, origin: {claim.origin}")
    writer.field("Automatic verdict", f"{colour.label}. {verdict.explanation if verdict else ''}")
    for evidence in verdict.evidence if verdict else []:
        name = source_name(evidence.source)
        writer.link(f"Evidence ({name}): ", evidence.title or evidence.url, evidence.url)
        if evidence.title and evidence.url:
            writer.para(f"    {evidence.url}", 8)
        if source_attribution(evidence.source):
            writer.para(f"    Source: {source_attribution(evidence.source)}", 8)
    who = f" by {review.reviewer}" if review.reviewer else ""
    when = f" on {human_time(review.updated_at)}" if review.updated_at else ""
    writer.field("Reviewer status", f"{row.status}{who}{when}")
    writer.field("Note", review.note)


def to_pdf(
    source: ReportSource,
    *,
    generated_at: str | None = None,
    font_path: str | Path | None = None,
    include_text: bool = True,
) -> bytes:
    """The report as PDF bytes; `font_path` overrides the search for a Unicode font."""
    font = find_unicode_font() if font_path is None else (Path(font_path), None)
    writer = _Writer(font)
    meta, rows, when = source.meta, claim_rows(source), report_time(source, generated_at)
    title = meta.title or getattr(source, "name", "") or "Fact-check report"
    writer.pdf.set_title(title)
    writer.pdf.set_creator("fact-checking workbench")
    with contextlib.suppress(ValueError):  # a free-form timestamp only loses the PDF's date
        writer.pdf.set_creation_date(datetime.fromisoformat(when))
    writer.para(title, 16, True)
    writer.field("Source", meta.source or "unknown")
    writer.field("Published", human_time(meta.date or "") or "unknown")
    if meta.url:
        writer.link("URL: ", meta.url, meta.url)
    writer.field("Report generated", human_time(when))
    reviewed = sum(1 for r in rows if r.reviewed)
    dismissed = summarise(rows).dismissed
    extra = f", {dismissed} dismissed" if dismissed else ""
    writer.para(f"{len(rows)} claims, {reviewed} reviewed by a person{extra}.")
    for row in rows:
        _claim(writer, row)
    cited = (e.source for r in rows for e in (r.verdict.evidence if r.verdict else []))
    credits = attributions(cited)
    if credits:
        writer.pdf.ln(2)
        writer.para("Sources", 11, True)
        for name, credit in credits:
            writer.para(f"{name}: {credit}", 9)
    if include_text and source.text:
        writer.pdf.add_page()
        writer.para("Article text", 13, True)
        writer.para(source.text, 9)
    return bytes(writer.pdf.output())
