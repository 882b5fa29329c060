"""Turn whatever the user pasted or uploaded into plain article text, or a clear refusal.

Every refusal is an `InputError` whose message is meant for the journalist; every
recoverable oddity (bad bytes, HTML, another language) becomes a warning next to the result.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from checks.errors import InputError

HTML_HINT = re.compile(r"<\s*(html|body|p|div|br|span|article|h[1-6]|a\s|!doctype)\b", re.I)
#: Common English function words; a text where almost none occur is probably not English.
ENGLISH_MARKERS = frozenset(
    "the of and to in a is that for on was with as by it said at from has have be were are "
    "this which not an its their will his her".split()
)


@dataclass
class ArticleText:
    """The text to extract from, what the user should be told about it, and what the file
    itself says about the article (an HTML page's title and publication date, a Word file's
    title): empty when it says nothing."""

    text: str
    warnings: list[str] = field(default_factory=list)
    title: str = ""
    date: date | None = None
    metadata: dict[str, str] = field(default_factory=dict)


# -- HTML --------------------------------------------------------------------------------------

#: Elements whose content is never article text (menus, forms, scripts, embedded media).
DROPPED_TAGS = (
    "script style noscript template head nav aside form button select svg iframe object "
    "embed canvas"
).split()
BLOCK_TAGS = frozenset(
    "p div li ul ol dl dt dd h1 h2 h3 h4 h5 h6 blockquote tr td th table section article "
    "header footer main figure figcaption pre address hr".split()
)
#: libxml2 stops descending at 256 levels (no real page comes close); beyond it text is lost.
MAX_HTML_DEPTH = 255
_META_TITLE = ("og:title", "twitter:title", "dc.title", "headline")
_META_DATE = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publication_date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "parsely-pub-date",
    "sailthru.date",
    "original-publish-date",
)
_ISO_DAY = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})")


def _parse_html(markup: str) -> Any:
    """The page as an lxml tree (C parser: no recursion, depth capped), or a refusal."""
    import lxml.html
    from lxml import etree

    data = markup.encode("utf-8", errors="replace")
    parser = lxml.html.HTMLParser(
        remove_comments=True, remove_pis=True, no_network=True, encoding="utf-8"
    )
    try:
        root = lxml.html.document_fromstring(data, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"This HTML could not be read ({exc}).") from None
    if any("depth" in str(e.message).lower() for e in parser.error_log):
        raise InputError(
            f"This HTML is nested more than {MAX_HTML_DEPTH} levels deep, which no news page "
            "is; it cannot be read safely. Paste the article's text instead."
        )
    return root


def _visible_text(root: Any) -> str:
    """Text of the tree, one block per line, walked without recursion."""
    from lxml import etree

    pieces: list[str] = []
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in BLOCK_TAGS or tag == "br":
                pieces.append("\n")
            if tag and el.text:
                pieces.append(el.text)
        else:
            if tag in BLOCK_TAGS:
                pieces.append("\n")
            if el.tail and el is not root:
                pieces.append(el.tail)
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in "".join(pieces).splitlines()]
    return "\n".join(line for line in lines if line)


def _article_root(root: Any) -> Any:
    """The page's one <article> (or <main>) when it has exactly one, else its body: the site's
    header, menus and footer are not the article."""
    for tag in ("article", "main"):
        found = root.findall(f".//{tag}")
        if len(found) == 1:
            return found[0]
    body = root.find("body")
    return body if body is not None else root


def html_metadata(root: Any) -> dict[str, str]:
    """Title, publication date (ISO day), site name and URL the page declares about itself:
    <meta> (Open Graph, article:, Dublin Core, itemprop), JSON-LD, <time datetime>, <title>."""
    meta: dict[str, str] = {}
    props: dict[str, str] = {}
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        content = (el.get("content") or "").strip()
        if key and content and key not in props:
            props[key] = content
    for key in _META_TITLE:
        if props.get(key):
            meta["title"] = props[key]
            break
    else:
        title = root.find(".//title")
        if title is not None and (title.text or "").strip():
            meta["title"] = " ".join(title.text.split())
    ld = _json_ld(root)
    for key in _META_DATE:
        day = _iso_day(props.get(key, ""))
        if day:
            meta["date"], meta["date_from"] = day, f"meta {key}"
            break
    else:
        if _iso_day(str(ld.get("datePublished", ""))):
            meta["date"], meta["date_from"] = _iso_day(str(ld["datePublished"])), "JSON-LD"
        else:
            for el in root.iter("time"):
                day = _iso_day(el.get("datetime") or "")
                if day:
                    meta["date"], meta["date_from"] = day, "<time datetime>"
                    break
    if "title" not in meta and isinstance(ld.get("headline"), str):
        meta["title"] = ld["headline"].strip()
    if props.get("og:site_name"):
        meta["site_name"] = props["og:site_name"]
    canonical = root.find(".//link[@rel='canonical']")
    url = props.get("og:url") or (canonical.get("href", "") if canonical is not None else "")
    if url.startswith(("http://", "https://")):
        meta["url"] = url
    return {k: v[:500] for k, v in meta.items()}


def _iso_day(value: str) -> str:
    m = _ISO_DAY.search(value)
    if not m:
        return ""
    try:
        return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return ""


def _json_ld(root: Any) -> dict[str, Any]:
    """The first JSON-LD object that carries a publication date or headline (news articles)."""
    for script in root.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower() or not script.text:
            continue
        try:
            data = json.loads(script.text[:1_000_000])
        except (ValueError, RecursionError):
            continue
        stack = [data]
        for _ in range(1000):
            if not stack:
                break
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item[:50]))
            elif isinstance(item, dict):
                if "datePublished" in item or "headline" in item:
                    return item
                if isinstance(item.get("@graph"), list):
                    stack.extend(reversed(item["@graph"][:50]))
    return {}


def read_html(markup: str) -> tuple[str, dict[str, str]]:
    """Visible article text of an HTML page or fragment, and the page's own metadata."""
    root = _parse_html(markup)
    meta = html_metadata(root)
    for el in list(root.iter(*DROPPED_TAGS)):
        if el.getparent() is not None:
            el.drop_tree()
    return _visible_text(_article_root(root)), meta


def html_to_text(markup: str) -> str:
    """Visible text of an HTML page, one block per line; scripts, styles and menus dropped."""
    return read_html(markup)[0]


# -- bytes -------------------------------------------------------------------------------------

_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def sniff_utf16(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' for BOM-less UTF-16 text (every other byte zero), else None."""
    sample = data[:4096]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def decode_bytes(data: bytes) -> tuple[str, list[str]]:
    """Decode uploaded bytes: a BOM (UTF-8, UTF-16, UTF-32) or BOM-less UTF-16 is honoured,
    else UTF-8, replacing invalid sequences with a warning."""
    encoding = next((enc for bom, enc in _BOMS if data.startswith(bom)), None)
    encoding = encoding or sniff_utf16(data)
    if encoding and encoding != "utf-8-sig":
        bom = next((b for b, e in _BOMS if e == encoding and data.startswith(b)), b"")
        text = data[len(bom) :].decode(encoding, errors="replace")
        if _control_share(text[:4096]) > 0.05:  # zero bytes in the right places, but no text
            raise InputError(NOT_TEXT)
        return text, _replaced_warning(text, encoding.upper())
    if looks_binary(data):
        raise InputError(NOT_TEXT)
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        text = data.decode("utf-8", errors="replace")
        return text, _replaced_warning(text, "UTF-8")


def _replaced_warning(text: str, encoding: str) -> list[str]:
    bad = text.count("\ufffd")
    if not bad:
        return []
    return [
        f"The text was not valid {encoding}: {bad} unreadable byte(s) were replaced with "
        "'\ufffd'. Check names and figures near them."
    ]


NOT_TEXT = (
    "This file is not text (it looks like a binary file). Paste the article's text, or "
    "upload a .txt, .md, .html or .docx file."
)


def _control_share(text: str) -> float:
    """The share of control characters other than tab, line and page breaks."""
    if not text:
        return 0.0
    return sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f") / len(text)


def looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    return _control_share(sample.decode("latin-1")) > 0.05


# -- Word --------------------------------------------------------------------------------------

#: A Word file's parts, unpacked, may not exceed these (a real article is well under 5 MB
#: unpacked; a "zip bomb" of a few KB can unpack to gigabytes and hang the reader).
DOCX_MAX_UNPACKED = 64 * 1024 * 1024
DOCX_MAX_XML_PART = 16 * 1024 * 1024
DOCX_MAX_PARTS = 2000
DOCX_MAX_RATIO = 200  # unpacked / packed for any one large part; text XML packs ~10:1


def check_docx_zip(data: bytes) -> None:
    """Refuse a .docx whose zip would unpack beyond the limits, before anything unpacks it.
    (Reads only the zip directory; `zipfile` never yields more than a member's declared size.)"""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise InputError(f"This .docx file could not be read ({type(exc).__name__}).") from None
    with archive:
        members = archive.infolist()
        if len(members) > DOCX_MAX_PARTS:
            raise InputError(f"This .docx file has {len(members):,} parts; it cannot be a letter.")
        total = sum(m.file_size for m in members)
        for m in members:
            big = m.file_size > 1024 * 1024
            bomb = big and m.file_size > DOCX_MAX_RATIO * max(1, m.compress_size)
            if bomb or (m.filename.endswith(".xml") and m.file_size > DOCX_MAX_XML_PART):
                total = max(total, DOCX_MAX_UNPACKED + 1)
        if total > DOCX_MAX_UNPACKED:
            raise InputError(
                "This .docx file unpacks to far more than an article "
                f"(over {DOCX_MAX_UNPACKED // 2**20} MB): it was not opened. Save the article "
                "as plain text and upload that."
            )
        for m in members:
            if m.filename.endswith((".xml", ".rels")):
                with archive.open(m) as part:
                    head = part.read(DOCX_MAX_XML_PART)
                if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                    raise InputError(
                        "This .docx file contains XML declarations Word never writes; it was "
                        "not opened."
                    )


def read_docx(data: bytes) -> tuple[str, dict[str, str]]:
    """Paragraph text of a Word document, and its title property."""
    try:
        import docx
    except ImportError as exc:  # pragma: no cover - python-docx is in requirements
        raise InputError(
            "Reading .docx needs python-docx: pip install -r requirements.txt"
        ) from exc
    check_docx_zip(data)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many types for a damaged file
        raise InputError(f"This .docx file could not be read ({type(exc).__name__}).") from exc
    meta: dict[str, str] = {}
    with contextlib.suppress(Exception):
        if document.core_properties.title:
            meta["title"] = document.core_properties.title.strip()[:500]
    text = "\n".join(p.text for p in document.paragraphs if p.text.strip())
    return text, meta


def prepare_text(raw: str | bytes, *, max_chars: int = 200_000, filename: str = "") -> ArticleText:
    """Validate and normalise an article; raise InputError with a message for the user.

    An HTML page's own title and publication date (its metadata, never a line of the page's
    header) and a Word file's title come back in `title`, `date` and `metadata`.
    """
    warnings: list[str] = []
    meta: dict[str, str] = {}
    lower_name = filename.lower()
    if isinstance(raw, bytes):
        if lower_name.endswith(".docx"):
            text, meta = read_docx(raw)
        else:
            text, warnings = decode_bytes(raw)
    else:
        text = raw
    if "\x00" in text:
        raise InputError("The text contains NUL bytes: it looks like a binary file, not text.")
    if lower_name.endswith((".html", ".htm")) or HTML_HINT.search(text[:5000]):
        text, meta = read_html(text)
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
    day = date.fromisoformat(meta["date"]) if meta.get("date") else None
    return ArticleText(
        text=text, warnings=warnings, title=meta.get("title", ""), date=day, metadata=meta
    )


def is_probably_english(text: str) -> bool:
    """A cheap check on function words: enough to warn, never to refuse."""
    words = re.findall(r"[^\W\d_]+", text[:20_000].lower())
    if len(words) < 8:
        return True  # too short to judge; do not nag
    hits = sum(1 for w in words if w in ENGLISH_MARKERS)
    return hits / len(words) >= 0.08
