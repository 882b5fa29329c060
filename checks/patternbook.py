"""Claim patterns and word lists, kept as data in `checks/patterns/` and compiled once.

Each `*.jsonl` line is one named pattern: `{"label": ..., "regex": ...}` with optional
`requires` (a regex the surrounding sentence must match), `precision`, `relative` and
`exclude`. `{NAME}` placeholders are expanded from `macros.json`, so a month or number-word
list is written once. Code never embeds a claim pattern: it looks patterns up by label.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PATTERN_DIR = Path(__file__).parent / "patterns"


@dataclass(frozen=True)
class Pattern:
    label: str
    regex: re.Pattern[str]
    requires: re.Pattern[str] | None = None
    options: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    trigger: re.Pattern[str] | None = None  # sentences without it cannot match: skip them


def expand(template: str, macros: dict[str, str]) -> str:
    """`{NAME}` placeholders of a pattern replaced from `macros` (which may use each other)."""
    # Macros may use other macros; expand until stable (bounded: macros are not recursive).
    for _ in range(5):
        expanded = re.sub(r"\{([A-Z]+)\}", lambda m: macros.get(m[1], m[0]), template)
        if expanded == template:
            break
        template = expanded
    return template


@functools.lru_cache(maxsize=1)
def macros() -> dict[str, str]:
    raw: dict[str, str] = json.loads((PATTERN_DIR / "macros.json").read_text(encoding="utf-8"))
    lexicon = load_json("lexicon.json")
    speech = sorted(lexicon["speech_verbs"], key=len, reverse=True)
    raw["SPEECH"] = "(?:" + "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in speech) + ")"
    # "fourth", "17th": the ordinal words of the lexicon, or a numeral with its suffix
    words = "|".join(sorted(lexicon["ordinal_words"], key=len, reverse=True))
    raw["ORDINAL"] = rf"(?:(?i:{words})|\d{{1,3}}(?:st|nd|rd|th))"
    return raw


@functools.lru_cache(maxsize=8)
def load_json(name: str) -> dict[str, Any]:
    return json.loads((PATTERN_DIR / name).read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=16)
def patterns(kind: str) -> tuple[Pattern, ...]:
    """The compiled patterns of `checks/patterns/{kind}.jsonl`, in file order."""
    table = macros()
    triggers = load_json("triggers.json")
    out: list[Pattern] = []
    path = PATTERN_DIR / f"{kind}.jsonl"
    for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        spec = json.loads(line)
        try:
            regex = re.compile(expand(spec["regex"], table))
            requires = re.compile(spec["requires"]) if spec.get("requires") else None
        except re.error as exc:
            raise ValueError(f"{path.name}:{line_no} ({spec.get('label')}): {exc}") from exc
        options = {
            k: v for k, v in spec.items() if k not in {"label", "regex", "requires", "trigger"}
        }
        trigger_text = spec.get("trigger", triggers.get(kind))
        trigger = re.compile(trigger_text) if trigger_text else None
        out.append(Pattern(spec["label"], regex, requires, options, trigger))
    return tuple(out)


def pattern(kind: str, label: str) -> Pattern:
    for p in patterns(kind):
        if p.label == label:
            return p
    raise KeyError(f"No pattern {label!r} in {kind}.jsonl")
