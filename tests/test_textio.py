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
