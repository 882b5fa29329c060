"""Extraction speed against the bare spaCy pipeline, measured in one run.

    python bench/extract.py

Prints words per second of the whole extraction and of the bare pipeline (the same loaded
spaCy pipeline, `nlp(text)` alone) on the same texts, their ratio (the extractor's overhead),
the time for a 1,000-word article after the model is loaded, and peak memory. Texts: the dev
articles in ../shared/eval/articles plus a 1,000-word article assembled from them.
"""

from __future__ import annotations

import resource
import statistics
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checks.extract import extract_claims  # noqa: E402
from checks.nlp import load_pipeline  # noqa: E402

ARTICLES = ROOT.parent / "shared" / "eval" / "articles"
ROUNDS = 7


def texts() -> list[str]:
    found = sorted(ARTICLES.glob("*.txt"))
    if not found:
        sys.exit(f"no articles in {ARTICLES}")
    return [p.read_text(encoding="utf-8") for p in found]


def thousand_words(corpus: list[str]) -> str:
    words: list[str] = []
    paragraphs = [p for t in corpus for p in t.split("\n") if p.strip()]
    i = 0
    out = []
    while len(words) < 1000:
        p = paragraphs[i % len(paragraphs)]
        out.append(p)
        words += p.split()
        i += 1
    return "\n".join(out)


def best_time(fn, rounds: int = ROUNDS) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def main() -> None:
    t0 = time.perf_counter()
    pipeline = load_pipeline()
    load_s = time.perf_counter() - t0
    corpus = texts()
    words = sum(len(t.split()) for t in corpus)
    on = date(2020, 10, 18)
    extract_claims(corpus[0], article_date=on, pipeline=pipeline)  # warm caches and patterns

    def bare() -> None:
        for t in corpus:
            pipeline.nlp(t)

    def full() -> None:
        for t in corpus:
            extract_claims(t, article_date=on, pipeline=pipeline)

    # Interleave the two so that machine noise hits both alike.
    bare_best, full_best = float("inf"), float("inf")
    for _ in range(ROUNDS):
        bare_best = min(bare_best, best_time(bare, 1)[0])
        full_best = min(full_best, best_time(full, 1)[0])
    long_text = thousand_words(corpus)
    long_words = len(long_text.split())
    long_best, long_median = best_time(
        lambda: extract_claims(long_text, article_date=on, pipeline=pipeline)
    )
    long_bare, _ = best_time(lambda: pipeline.nlp(long_text))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"model: {pipeline.model} (loaded in {load_s:.2f} s)")
    print(f"texts: {len(corpus)} articles, {words} words")
    print(f"bare spaCy pipeline: {words / bare_best:,.0f} words/s")
    print(f"whole extraction:    {words / full_best:,.0f} words/s")
    print(
        f"ratio extraction/bare time: {full_best / bare_best:.2f} "
        f"(overhead {100 * (full_best / bare_best - 1):.0f} %, target <= 30 %)"
    )
    print(
        f"{long_words}-word article: {1000 * long_best:.0f} ms best, "
        f"{1000 * long_median:.0f} ms median (target <= 150 ms); "
        f"the bare pipeline alone: {1000 * long_bare:.0f} ms"
    )
    print(f"peak memory (max RSS): {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
