"""Words for people: sources by the names people know, messages without settings or URLs.

Verdict explanations and source errors are written once, for the command line and the log too;
some carry a setting name ("check CHECKS_GDELT_URL"), a server URL or a source id ("dhl").
On the page those move to a "Details" box and the source gets its common name: the names are
the reports' (`checks.reports.sources_display`, so a report and the page agree), and the
command-line phrases to rewrite are data, in wording.json.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

from checks.models import Verdict
from checks.reports.sources_display import SOURCES_DISPLAY, source_attribution

_DATA = Path(__file__).with_name("wording.json")


@cache
def _wording() -> dict[str, Any]:
    return json.loads(_DATA.read_text(encoding="utf-8"))


def source_names() -> dict[str, str]:
    """Source id -> the name people know (e.g. "dhl" -> "UN Dag Hammarskjöld Library")."""
    names = {k: v.name for k, v in SOURCES_DISPLAY.items()}
    return {**_wording()["sources"], **names}


def source_credit(source_id: str) -> str:
    """The credit line a source's licence requires wherever its facts are shown ("" if none)."""
    return source_attribution(source_id)


def source_name(source_id: str) -> str:
    """The source's common name; an unknown id is shown as it is."""
    return source_names().get(source_id, source_id)


@dataclass(frozen=True)
class Message:
    """A message split into what a person reads and the technical details kept aside."""

    text: str
    details: tuple[str, ...] = ()


_URL = re.compile(r"(?:\s+(?:at|from|on|to|for))?\s*\(?<?(https?://[^\s)>]*[^\s)>.,;])>?\)?")
_SETTING_HINT = re.compile(r"[;,]?\s*(?:check|set|see)\s+(CHECKS_[A-Z0-9_]+)", re.IGNORECASE)
_SETTING = re.compile(r"\bCHECKS_[A-Z0-9_]+\b")


def _ids_pattern() -> re.Pattern[str]:
    ids = sorted(source_names(), key=len, reverse=True)
    alternatives = "|".join(re.escape(i) for i in ids)
    # an id in brackets, or naming the subject before a colon: "(gdelt)", "gdelt: the API ..."
    return re.compile(rf"\((?P<a>{alternatives})\)|(?<![\w-])(?P<b>{alternatives}):")


def plain(message: str) -> Message:
    """The message in words for a reader, and what was taken out (settings, URLs, ids)."""
    details: list[str] = []
    text = message
    for before, after in _wording()["phrases"].items():
        text = text.replace(before, after)

    def hint(m: re.Match[str]) -> str:
        details.append(f"setting {m.group(1)}")
        return ""

    text = _SETTING_HINT.sub(hint, text)
    for m in _SETTING.finditer(text):
        details.append(f"setting {m.group(0)}")
    text = _SETTING.sub("a setting", text)

    def url(m: re.Match[str]) -> str:
        details.append(m.group(1))
        return ""

    text = _URL.sub(url, text)

    def name(m: re.Match[str]) -> str:
        source_id = m.group("a") or m.group("b")
        details.append(f"source id {source_id}")
        return f"({source_name(source_id)})" if m.group("a") else f"{source_name(source_id)}:"

    text = _ids_pattern().sub(name, text)
    text = re.sub(r"\s+([.;,])", r"\1", re.sub(r"[ \t]{2,}", " ", text)).strip()
    return Message(text, tuple(dict.fromkeys(details)))


def plain_verdicts(verdicts: Mapping[str, Verdict]) -> dict[str, Verdict]:
    """The verdicts with their explanations in plain words (for hover text on the page)."""
    return {k: replace(v, explanation=plain(v.explanation).text) for k, v in verdicts.items()}
