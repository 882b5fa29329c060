"""The command line's contract (../shared/eval/README.md) and its refusals: every bad input
ends in one clear line and a non-zero exit, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
ARTICLE = (
    "GENEVA, 4 April 2021 - The Security Council on Friday adopted resolution 2571 (2021) "
    "unanimously. “The text sends a clear signal to everyone,” Ambassador Jane Doe said, "
    "Reuters reported.\n"
)


def run(*args: str, stdin: bytes | None = None, env: dict | None = None):
    import os

    full_env = {**os.environ, "CHECKS_CACHE_PATH": "/nonexistent/never-used.sqlite", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "checks", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        env=full_env,
        timeout=120,
    )


def test_extract_json_follows_the_contract(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = run("extract", str(path), "--date", "2021-04-04", "--format", "json")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["article"] == {
        "date": "2021-04-04",
        "characters": len(ARTICLE),
        "model": doc["article"]["model"],
    }
    types = {c["type"] for c in doc["claims"]}
    assert {"resolution", "vote", "date", "quote"} <= types
    for claim in doc["claims"]:
        assert set(claim) >= {"id", "type", "start", "end", "text", "sentence", "value"}
        assert ARTICLE[claim["start"] : claim["end"]] == claim["text"]
    friday = next(c for c in doc["claims"] if c["value"].get("weekday") == "Friday")
    assert friday["value"]["date"] == "2021-04-02"


def test_stdin_and_table_format():
    result = run(
        "extract", "-", "--date", "2021-04-04", "--format", "table", stdin=ARTICLE.encode()
    )
    assert result.returncode == 0
    out = result.stdout.decode()
    assert "resolution" in out and "S/RES/2571 (2021)" in out
    assert out.splitlines()[0].startswith("article date: 2021-04-04")


@pytest.mark.parametrize(
    ("stdin", "args", "message"),
    [
        (b"", (), "empty"),
        (b"   \n\t ", (), "empty"),
        (b"\x00\x01\x02binary" * 100, (), "not text"),
        (b"a" * 50, ("--date", "18/10/2020"), "--date must be YYYY-MM-DD"),
    ],
)
def test_bad_input_is_refused_clearly(stdin, args, message):
    result = run("extract", "-", *args, stdin=stdin)
    assert result.returncode == 2
    err = result.stderr.decode()
    assert message in err
    assert "Traceback" not in err


def test_too_long_names_the_limit():
    result = run("extract", "-", stdin=b"word " * 100, env={"CHECKS_MAX_CHARS": "100"})
    assert result.returncode == 2
    assert "the limit is 100" in result.stderr.decode()


def test_missing_file():
    result = run("extract", "no/such/file.txt")
    assert result.returncode == 2 and "No such file" in result.stderr.decode()


def test_invalid_utf8_is_decoded_with_a_warning():
    result = run(
        "extract",
        "-",
        "--format",
        "json",
        stdin=b"Resolution 2231 was adopted in 2015. " + b"\xff\xfe",
    )
    assert result.returncode == 0
    assert "not valid UTF-8" in result.stderr.decode()
    assert json.loads(result.stdout)["claims"]


def test_html_is_turned_into_text():
    html = b"<html><body><p>The Council adopted resolution 2231 on 20 July 2015.</p><script>x()</script></body></html>"
    result = run("extract", "-", "--format", "json", stdin=html)
    doc = json.loads(result.stdout)
    assert "converted to plain text" in result.stderr.decode()
    assert any(c["type"] == "resolution" for c in doc["claims"])
    assert all("<" not in c["text"] for c in doc["claims"])


def test_other_language_gets_a_warning():
    text = "Le Conseil de sécurité a adopté la résolution 2231 le 20 juillet 2015 à l'unanimité des membres présents.".encode()
    result = run("extract", "-", stdin=text)
    assert result.returncode == 0
    assert "does not look like English" in result.stderr.decode()


def test_check_offline_with_an_empty_cache_says_source_unavailable(tmp_path):
    path = tmp_path / "a.txt"
    # No act ("endorsed", "created") in the sentence: the act would need the title to confirm it.
    path.write_text(
        "The Council adopted resolution 2231 (2015) on the Iran nuclear programme.",
        encoding="utf-8",
    )
    env = {"CHECKS_CACHE_PATH": str(tmp_path / "cache.sqlite")}
    result = run(
        "check", str(path), "--date", "2015-07-21", "--format", "json", "--offline", env=env
    )
    assert result.returncode == 0, result.stderr
    claim = json.loads(result.stdout)["claims"][0]
    assert claim["verdict"]["label"] == "source_unavailable"


@pytest.mark.needs_shared
def test_sources_status_and_sync_against_the_fake_server(tmp_path, fake_server):
    env = {**fake_server.settings_env(), "CHECKS_CACHE_PATH": str(tmp_path / "cache.sqlite")}
    status = run("sources", "status", env=env)
    assert status.returncode == 0, status.stderr
    out = status.stdout.decode()
    assert "dhl" in out and "reachable" in out and "HTTP cache:" in out
    sync = run("sources", "sync", "--years", "2015-2016", env=env)
    assert sync.returncode == 0, sync.stderr
    summary = json.loads(sync.stdout)
    assert summary["meetings"] > 400 and summary["vetoes"] > 200
    path = tmp_path / "a.txt"
    # No act ("endorsed", "created") in the sentence: the act would need the title to confirm it.
    path.write_text(
        "The Council adopted resolution 2231 (2015) on the Iran nuclear programme.",
        encoding="utf-8",
    )
    fake_server.stop()  # offline: answered from what sync cached, with no server at all
    checked = run(
        "check",
        str(path),
        "--date",
        "2015-07-21",
        "--format",
        "json",
        "--offline",
        env={**env, "CHECKS_OFFLINE": "1"},
    )
    assert checked.returncode == 0, checked.stderr
    (resolution,) = [c for c in json.loads(checked.stdout)["claims"] if c["type"] == "resolution"]
    assert resolution["verdict"]["label"] == "supported"
