"""End-to-end check of the seed article against a local fake server, on a warm model.

    python bench/check.py

Starts the fake server over ../shared/samples (no network), loads the model once, then times
extraction + verdicts for the seed article with an empty HTTP cache (every source asked) and
again with the cache warm, and prints both against the 3 s target.
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checks.config import Settings  # noqa: E402
from checks.extract import extract_claims  # noqa: E402
from checks.nlp import load_pipeline  # noqa: E402
from checks.pipeline import check_claims  # noqa: E402
from tests.fakeserver import FakeServer  # noqa: E402

SEED = ROOT.parent / "shared" / "eval" / "articles" / "00-presstv-iran-arms-embargo-2020.txt"
SEED_DATE = date(2020, 10, 18)


def run(text: str, settings: Settings, pipeline) -> tuple[float, dict]:
    start = time.perf_counter()
    extraction = extract_claims(text, article_date=SEED_DATE, pipeline=pipeline)
    verdicts = check_claims(text, extraction.claims, SEED_DATE, settings=settings)
    return time.perf_counter() - start, verdicts


def main() -> None:
    text = SEED.read_text(encoding="utf-8")
    pipeline = load_pipeline()
    extract_claims(text, article_date=SEED_DATE, pipeline=pipeline)  # warm the model
    with FakeServer() as server, tempfile.TemporaryDirectory() as tmp:
        settings = Settings(
            cache_path=str(Path(tmp) / "cache.sqlite"), source_urls=server.source_urls(), retries=0
        )
        cold, verdicts = run(text, settings, pipeline)
        warm, _ = run(text, settings, pipeline)
        requests = sum(server.hits_full.values()) if hasattr(server, "hits_full") else "?"
    labels: dict[str, int] = {}
    for v in verdicts.values():
        labels[v.label] = labels.get(v.label, 0) + 1
    print(f"seed article: {len(text)} characters, {len(verdicts)} claims, verdicts {labels}")
    print(f"requests to the fake server: {requests}")
    print(f"check, empty HTTP cache: {cold:.2f} s (target <= 3 s, ratio {cold / 3:.2f})")
    print(f"check, warm HTTP cache:  {warm:.2f} s (ratio {warm / 3:.2f})")


if __name__ == "__main__":
    main()
