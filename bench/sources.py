"""Benchmark of the source layer: 20 claims in parallel vs one, then the same 20 from the cache.

Starts the fake server with 300 ms added to every answer, so the figures show what caching,
single flight and per-host parallelism buy. Run: `python bench/sources.py`.
"""

from __future__ import annotations

import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from checks.config import Settings
from checks.http import HttpClient
from checks.sources.dhl import DhlSource, year_page_name
from checks.unrecords import UnRecords
from tests.fakeserver import FakeServer

DELAY = 0.3
#: 20 resolutions spread over four years (5 each): 2015, 2016, 2017, 2018.
CLAIMS = [2196, 2210, 2231, 2250, 2258, 2266, 2280, 2300, 2321, 2336]
CLAIMS += [2337, 2350, 2370, 2390, 2396, 2397, 2400, 2420, 2437, 2449]


def _records(settings: Settings) -> tuple[HttpClient, UnRecords]:
    http = HttpClient(settings)
    return http, UnRecords(DhlSource(http, settings.url("dhl")))


def _run(records: UnRecords, numbers: list[int]) -> float:
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=len(numbers)) as pool:
        found = list(pool.map(records.resolution, numbers))
    elapsed = time.perf_counter() - start
    missing = [n for n, r in zip(numbers, found, strict=True) if r is None]
    if missing:
        raise SystemExit(f"not found: {missing}")
    return elapsed


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp, FakeServer(delay=DELAY) as server:
        base = Settings(source_urls=server.source_urls(), max_per_host=4)
        print(f"fake server {server.base}, {DELAY * 1000:.0f} ms added to every answer")

        http1, one = _records(base.with_(cache_path=f"{tmp}/one.sqlite"))
        t_one = _run(one, [2231])
        http1.close()
        print(f"one lookup, empty cache: {t_one * 1000:.0f} ms")

        server.reset_counts()
        http20, many = _records(base.with_(cache_path=f"{tmp}/many.sqlite"))
        t_many = _run(many, CLAIMS)
        ratio = t_many / t_one
        verdict = "OK" if ratio <= 2 else "SLOW"
        print(f"20 lookups in parallel, empty cache: {t_many * 1000:.0f} ms")
        print(f"ratio 20 / 1: {ratio:.2f}x (target <= 2x) {verdict}")
        counts = {y: server.count(f"/dhl/{year_page_name(y)}") for y in (2015, 2016, 2017, 2018)}
        once = all(c == 1 for c in counts.values()) and sum(server.hits.values()) == 4
        print(
            f"server fetches per year page: {counts}; total {sum(server.hits.values())}"
            f" ({'each year fetched once' if once else 'REPEATED FETCHES'})"
        )

        server.reset_counts()
        t_cached = _run(many, CLAIMS)
        verdict = "OK" if t_cached <= 0.05 else "SLOW"
        print(
            f"same 20 lookups again (in-memory HTTP layer + parse memo): {t_cached * 1000:.1f} ms"
            f" = {t_cached / t_one:.3f}x one uncached lookup (target <= 50 ms) {verdict};"
            f" server requests: {sum(server.hits.values())}"
        )
        http20.close()

        http_new, fresh = _records(base.with_(cache_path=f"{tmp}/many.sqlite"))
        t_new = _run(fresh, CLAIMS)
        print(
            f"same 20 lookups in a new process-like client (SQLite cache, re-parse):"
            f" {t_new * 1000:.1f} ms; server requests: {sum(server.hits.values())}"
        )
        http_new.close()


if __name__ == "__main__":
    main()
