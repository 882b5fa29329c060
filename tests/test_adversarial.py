"""Hostile inputs never take the workbench down: each ends, within its time and memory budget,
in a result or a plain message, never a hang or a traceback.

The corpus is generated here (no committed blobs). File inputs go through `prepare_text` in a
forked child with an address-space limit (1 GB above what the test process already maps) and
a 10 s timeout; texts go through the guard's worker processes (memory-limited, 2 s budget),
the way the app and the command line run them.
"""

from __future__ import annotations

import functools
import io
import json
import multiprocessing as mp
import random
import resource
import subprocess
import sys
import traceback
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from checks.errors import InputError
from checks.guard import ExtractorPool

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 10.0
BUDGET = 2.0
MEMORY = 1024 * 1024 * 1024


# -- the corpus --------------------------------------------------------------------------------


def _docx(paragraph: str = "Resolution 2231 was adopted.") -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@functools.lru_cache(maxsize=1)
def docx_bomb() -> bytes:
    """A few hundred KB that unpack to 300 MB of XML."""
    src = zipfile.ZipFile(io.BytesIO(_docx()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            data = src.read(info)
            if info.filename != "word/document.xml":
                z.writestr(info, data)
                continue
            head, tail = data.split(b"</w:body>")
            with z.open(info.filename, "w", force_zip64=True) as part:
                part.write(head)
                for _ in range(300):
                    part.write(b"<w:p/>" * (2**20 // 6))
                part.write(b"</w:body>" + tail)
    return out.getvalue()


FILES: dict[str, Callable[[], tuple[bytes | str, str]]] = {
    "docx zip bomb": lambda: (docx_bomb(), "bomb.docx"),
    "docx that is not a zip": lambda: (b"PK\x03\x04" + bytes(range(256)) * 40, "x.docx"),
    "html nested 100,000 deep": lambda: ("<div>" * 100_000 + "x" + "</div>" * 100_000, "a.html"),
    "html of 1 MB of empty tags": lambda: ("<p><b></b></p>" * 75_000, "a.html"),
    "html with a 2 MB attribute": lambda: (f"<p title='{'x' * 2_000_000}'>Text</p>", "a.html"),
    "html with deep JSON-LD": lambda: (
        "<script type='application/ld+json'>" + "[" * 100_000 + "</script><p>The Council.</p>",
        "a.html",
    ),
    "utf-16 text": lambda: ("The Council voted on Monday. " * 100).encode("utf-16"),
    "binary junk": lambda: (random.Random(1).randbytes(50_000), ""),
    "one 5 MB line": lambda: (b"a" * 5_000_000, "a.txt"),
    "NUL in text": lambda: ("The Council\x00 voted.", ""),
}
#: Inputs that must be refused outright (not merely survived), with words of the message.
REFUSED = {
    "docx zip bomb": "unpacks to far more",
    "html nested 100,000 deep": "nested more than",
    "binary junk": "not text",
    "NUL in text": "NUL",
}


def _texts() -> dict[str, str]:
    return {
        "initials (A. ) 20,000 chars": "A. " * 6_667,
        "a sentence listing 40,000 numbers": "They counted "
        + ", ".join(str(i % 97) for i in range(40_000))
        + ".",
        "5,000 x 'by a vote of 13 in favour to'": "It passed "
        + "by a vote of 13 in favour to " * 5_000
        + "2.",
        "a number with 5,000 digits": "The fund reached " + "9" * 5_000 + " dollars on Monday.",
        "'13-' repeated": "13-" * 3_000,
        "'July 20, ' repeated": "July 20, " * 2_000,
    }


# -- file inputs: a forked child with a memory limit and a timeout -----------------------------


def _vm_bytes() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmSize:"):
            return int(line.split()[1]) * 1024
    return 0


def _prepare_in_child(conn, raw, filename: str, limit: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    from checks.textio import prepare_text

    try:
        article = prepare_text(raw, filename=filename)
        conn.send(("ok", len(article.text)))
    except InputError as exc:
        conn.send(("refused", str(exc)))
    except BaseException:
        conn.send(("traceback", traceback.format_exc()))


@pytest.mark.parametrize("name", list(FILES))
def test_hostile_files_end_in_a_result_or_a_message(name: str) -> None:
    made = FILES[name]()
    raw, filename = made if isinstance(made, tuple) else (made, "")
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe()
    proc = ctx.Process(target=_prepare_in_child, args=(child, raw, filename, _vm_bytes() + MEMORY))
    proc.start()
    try:
        assert parent.poll(TIMEOUT), f"{name}: no answer within {TIMEOUT:g} s (a hang)"
        kind, detail = parent.recv()
    finally:
        proc.kill()
        proc.join()
    assert kind != "traceback", detail
    if name in REFUSED:
        assert kind == "refused" and REFUSED[name] in detail, detail
    if kind == "refused":
        assert len(detail) > 20 and "Traceback" not in detail
    else:
        assert detail > 0


# -- texts: the guard's worker, as the app and the command line run them -----------------------


@pytest.fixture(scope="module")
def pool():
    # Two workers: while a stuck one is replaced (the model loads again), the other serves.
    with ExtractorPool(workers=2, memory_mb=1536) as p:
        yield p


@pytest.mark.parametrize("name", list(_texts()))
def test_hostile_texts_end_within_the_budget(pool: ExtractorPool, name: str) -> None:
    text = _texts()[name]
    guarded = pool.extract(text, date(2020, 10, 18), seconds=BUDGET)
    assert guarded.seconds < TIMEOUT + 60  # budget, plus loading a fresh model at worst
    for claim in guarded.claims:
        assert text[claim.start : claim.end] == claim.text
    if not guarded.complete:
        assert guarded.message.startswith(("This text took too long", "This text needed too"))
    assert not any("failed (" in w for w in guarded.extraction.warnings), guarded.extraction


# -- the command line: strict JSON, no traceback, a message when cut short ---------------------


def _cli(*args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "checks", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


def test_cli_strict_json_and_a_message_when_over_budget() -> None:
    text = "The fund reached " + "9" * 5_000 + " dollars.\n\n" + "1" * 30_000
    run = _cli(
        "extract", "-", "--format", "json", "--date", "2020-10-18", "--budget", "2", stdin=text
    )
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    doc = json.loads(run.stdout, parse_constant=lambda c: pytest.fail(f"non-standard JSON {c}"))
    if doc["article"].get("complete") is False:
        assert "took too long" in run.stderr
    assert all(text[c["start"] : c["end"]] == c["text"] for c in doc["claims"])
