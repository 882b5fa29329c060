"""The code style is part of the build: ruff's lint and format settings live in pyproject.toml."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]


def ruff(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ruff", *args], cwd=ROOT, capture_output=True, text=True
    )


def test_ruff_lint_is_clean():
    result = ruff("check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_is_clean():
    result = ruff("format", "--check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_checks_never_imports_streamlit():
    offenders = [
        str(p.relative_to(ROOT))
        for p in (ROOT / "checks").rglob("*.py")
        if "import streamlit" in p.read_text(encoding="utf-8")
        or "from streamlit" in p.read_text(encoding="utf-8")
    ]
    assert offenders == []
