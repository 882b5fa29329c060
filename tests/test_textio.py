"""Input preparation: what the user pasted becomes text, or a clear refusal."""

from __future__ import annotations

import io

import pytest

from checks.errors import InputError
from checks.textio import html_to_text, is_probably_english, prepare_text


def test_plain_text_passes_through_normalised():
    article = prepare_text("Line one.\r\nLine two.")
    assert article.text == "Line one.\nLine two." and article.warnings == []


@pytest.mark.parametrize("raw", ["", "   ", "\n\n\t", b"", b"  \n"])
def test_empty_is_refused(raw):
    with pytest.raises(InputError, match="empty"):
        prepare_text(raw)


def test_limit_is_configurable_and_named():
    with pytest.raises(InputError, match="limit is 10"):
        prepare_text("x" * 11, max_chars=10)


def test_binary_is_refused():
    with pytest.raises(InputError, match="not text"):
        prepare_text(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))


def test_html_scripts_are_dropped_and_blocks_kept():
    text = html_to_text(
        "<html><head><title>t</title></head><body><h1>Head</h1><p>One <b>two</b></p>"
        "<script>alert(1)</script><p>Three</p></body></html>"
    )
    assert text == "Head\nOne two\nThree"


def test_docx_paragraphs_are_read():
    import docx

    document = docx.Document()
    document.add_paragraph("Resolution 2231 was adopted on 20 July 2015.")
    document.add_paragraph("It endorsed the nuclear deal.")
    buffer = io.BytesIO()
    document.save(buffer)
    article = prepare_text(buffer.getvalue(), filename="story.docx")
    assert (
        article.text
        == "Resolution 2231 was adopted on 20 July 2015.\nIt endorsed the nuclear deal."
    )


def test_broken_docx_is_refused():
    with pytest.raises(InputError, match="could not be read"):
        prepare_text(b"PK\x03\x04 not really a zip", filename="story.docx")


def test_language_check():
    assert is_probably_english(
        "The Council adopted the resolution on Monday and the vote was clear."
    )
    assert not is_probably_english(
        "Der Sicherheitsrat hat gestern eine Resolution verabschiedet, sagte ein Sprecher."
    )


# -- hostile and odd files (ISSUE 10) ---------------------------------------------------------


def _docx_bytes(*paragraphs: str) -> bytes:
    import docx

    document = docx.Document()
    for p in paragraphs:
        document.add_paragraph(p)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _with_part(data: bytes, name: str, writer) -> bytes:
    """A copy of a .docx with part `name` rewritten by `writer(stream, original_bytes)`."""
    import zipfile

    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            if info.filename == name:
                with z.open(name, "w", force_zip64=True) as stream:
                    writer(stream, src.read(info))
            else:
                z.writestr(info, src.read(info))
    return out.getvalue()


def test_docx_zip_bomb_is_refused_before_unpacking():
    def pad(stream, xml):
        head, tail = xml.split(b"</w:body>")
        stream.write(head)
        for _ in range(100):  # 100 MB of spaces: a few hundred KB packed
            stream.write(b" " * 2**20)
        stream.write(b"</w:body>" + tail)

    bomb = _with_part(_docx_bytes("Resolution 2231."), "word/document.xml", pad)
    assert len(bomb) < 1_000_000
    with pytest.raises(InputError, match="unpacks to far more than an article"):
        prepare_text(bomb, filename="bomb.docx")


def test_docx_with_entity_declarations_is_refused():
    def entities(stream, xml):
        decl = b'<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
        stream.write(xml.replace(b"?>", b"?>" + decl, 1))

    laughs = _with_part(_docx_bytes("Text."), "word/document.xml", entities)
    with pytest.raises(InputError, match="XML declarations"):
        prepare_text(laughs, filename="laughs.docx")


def test_deeply_nested_html_is_refused_quickly():
    deep = "<div>" * 100_000 + "Resolution 2231" + "</div>" * 100_000
    with pytest.raises(InputError, match="nested more than"):
        prepare_text(deep, filename="deep.html")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig"])
def test_utf16_and_boms_are_decoded_not_refused(encoding):
    text = "The Security Council adopted resolution 2231 on 20 July 2015."
    assert prepare_text(text.encode(encoding)).text == text


@pytest.mark.parametrize(
    "junk",
    [
        b"\x00\x01" * 100,  # every other byte zero, like UTF-16, but control characters
        b"\xff\xfe" + b"\x02\x00\x03\x00" * 200,  # a UTF-16 byte-order mark before junk
    ],
)
def test_binary_junk_shaped_like_utf16_is_refused(junk):
    with pytest.raises(InputError, match="not text"):
        prepare_text(junk)


def test_html_metadata_gives_title_and_date_not_the_page_header():
    page = """<!doctype html><html><head><title>World | The Daily Example</title>
    <meta property="og:title" content="Council extends the mission in Mali">
    <meta property="article:published_time" content="2021-06-29T18:40:00+00:00">
    <meta property="og:site_name" content="The Daily Example"></head>
    <body><header><nav><a href="/">Home</a><a href="/world">World</a></nav>
    <p>Monday, 3 January 2022</p></header>
    <article><h1>Council extends the mission in Mali</h1>
    <p>NEW YORK, June 29 (Wire) - The Security Council voted on Tuesday.</p></article>
    <footer>Contact us</footer></body></html>"""
    article = prepare_text(page.encode(), filename="story.html")
    assert article.title == "Council extends the mission in Mali"
    assert str(article.date) == "2021-06-29"
    assert article.metadata["site_name"] == "The Daily Example"
    assert "Monday, 3 January 2022" not in article.text and "Home" not in article.text
    assert article.text.startswith("Council extends the mission in Mali\nNEW YORK, June 29")


def test_html_json_ld_and_time_element_dates():
    ld = """<html><head><script type="application/ld+json">
    {"@context": "https://schema.org", "@graph": [{"@type": "WebPage"},
     {"@type": "NewsArticle", "headline": "Veto blocks draft", "datePublished": "2022-02-25"}]}
    </script></head><body><p>The draft was vetoed by Russia.</p></body></html>"""
    article = prepare_text(ld, filename="a.html")
    assert (article.title, str(article.date)) == ("Veto blocks draft", "2022-02-25")
    timed = "<p><time datetime='2015-07-20T10:00'>20 July</time> The Council voted.</p>"
    assert str(prepare_text(timed).date) == "2015-07-20"
    assert prepare_text("<p>No metadata here at all, the Council said.</p>").date is None


def test_docx_title_property_is_read():
    import docx

    document = docx.Document()
    document.core_properties.title = "Arms embargo ends"
    document.add_paragraph("Iran said the embargo ended on Sunday.")
    buffer = io.BytesIO()
    document.save(buffer)
    assert prepare_text(buffer.getvalue(), filename="s.docx").title == "Arms embargo ends"
