"""Turn whatever the user pasted or uploaded into plain article text, or a clear refusal.

Every refusal is an `InputError` whose message is meant for the journalist; every
recoverable oddity (bad bytes, HTML, another language) becomes a warning next to the result.
"""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass, field

from checks.errors import InputError

HTML_HINT = re.compile(r"<\s*(html|body|p|div|br|span|article|h[1-6]|a\s|!doctype)\b", re.I)
#: Common English function words; a text where almost none occur is probably not English.
ENGLISH_MARKERS = frozenset(
    "the of and to in a is that for on was with as by it said at from has have be were are "
    "this which not an its their will his her".split()
)


@dataclass
class ArticleText:
    """The text to extract from, and what the user should be told about it."""

    text: str
    warnings: list[str] = field(default_factory=list)


def html_to_text(markup: str) -> str:
    """Visible text of an HTML page, one block per line; scripts and styles dropped."""
    from bs4 import BeautifulSoup  # imported lazily: only pasted HTML pays for it

    soup = BeautifulSoup(markup, "lxml")
    for tag in soup(["script", "style", "noscript", "template", "head"]):
        tag.decompose()
    for br in soup.find_all("br"):
        br.replace_with("\n")
    blocks = "p div li h1 h2 h3 h4 h5 h6 blockquote tr section article header footer".split()
    for tag in soup.find_all(blocks):
        tag.insert_before("\n")
        tag.insert_after("\n")
    text = soup.get_text()
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.splitlines()]
    return "\n".join(line for line in lines if line)


def decode_bytes(data: bytes) -> tuple[str, list[str]]:
    """Decode uploaded bytes as UTF-8 (with BOM), replacing invalid sequences with a warning."""
    if looks_binary(data):
        raise InputError(
            "This file is not text (it looks like a binary file). Paste the article's text, or "
            "upload a .txt, .md, .html or .docx file."
        )
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        text = data.decode("utf-8", errors="replace")
        bad = text.count("\ufffd")
        return text, [
            f"The text was not valid UTF-8: {bad} unreadable byte(s) were replaced with "
            "'\ufffd'. Check names and figures near them."
        ]


def looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 13, 12))
    return control / len(sample) > 0.05


def docx_to_text(data: bytes) -> str:
    """Paragraph text of a Word document."""
    try:
        import docx
    except ImportError as exc:  # pragma: no cover - python-docx is in requirements
        raise InputError(
            "Reading .docx needs python-docx: pip install -r requirements.txt"
        ) from exc
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many types for a damaged file
        raise InputError(f"This .docx file could not be read ({type(exc).__name__}).") from exc
    return "\n".join(p.text for p in document.paragraphs if p.text.strip())


def prepare_text(raw: str | bytes, *, max_chars: int = 200_000, filename: str = "") -> ArticleText:
    """Validate and normalise an article; raise InputError with a message for the user."""
    warnings: list[str] = []
    lower_name = filename.lower()
    if isinstance(raw, bytes):
        if lower_name.endswith(".docx"):
            text = docx_to_text(raw)
        else:
            text, warnings = decode_bytes(raw)
    else:
        text = raw
    if "\x00" in text:
        raise InputError("The text contains NUL bytes: it looks like a binary file, not text.")
    if lower_name.endswith((".html", ".htm")) or HTML_HINT.search(text[:5000]):
        text = html_to_text(text)
        warnings.append("The input was HTML; it was converted to plain text before extraction.")
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError("The article is empty. Paste the text of a news article to check.")
    if len(text) > max_chars:
        raise InputError(
            f"The article is {len(text):,} characters long; the limit is {max_chars:,}. "
            "Split it, or raise the limit with CHECKS_MAX_CHARS."
        )
    if not is_probably_english(text):
        warnings.append(
            "This text does not look like English. Extraction is tuned for English news: "
            "claims may be missed or misread."
        )
    return ArticleText(text=text, warnings=warnings)


def is_probably_english(text: str) -> bool:
    """A cheap check on function words: enough to warn, never to refuse."""
    words = re.findall(r"[^\W\d_]+", text[:20_000].lower())
    if len(words) < 8:
        return True  # too short to judge; do not nag
    hits = sum(1 for w in words if w in ENGLISH_MARKERS)
    return hits / len(words) >= 0.08
