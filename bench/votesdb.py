"""How long reading and indexing the votes database costs, once per process (target: <= 1 s).

    python bench/votesdb.py [--runs 5] [--csv PATH]

Each run is a fresh Python process (the cost is paid once per process, so a warm loop would
flatter it): it imports the modules, then times pandas' import, `parse_votes_csv` and the
decisions index built from the rows (`index_votes`). Prints each figure's median and the ratio
of parse + index to the 1 s target. Reads ../shared/samples/unsc-votes-sciencespo by default.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CSV = (
    ROOT.parent / "shared" / "samples" / "unsc-votes-sciencespo" / "unsc_votes_1946-2025.csv"
)
TARGET_S = 1.0

CHILD = """
import json, sys, time
t0 = time.perf_counter()
import pandas  # noqa: F401
t1 = time.perf_counter()
from checks.decision_sources import index_votes
from checks.sources.votesdb import VotesPayload, parse_votes_csv
data = open(sys.argv[1], "rb").read()
t2 = time.perf_counter()
rows = parse_votes_csv(data)
t3 = time.perf_counter()
index = index_votes(VotesPayload(tuple(rows), "file", "now", False))
t4 = time.perf_counter()
print(json.dumps({"pandas_import": t1 - t0, "parse": t3 - t2, "index": t4 - t3,
                  "rows": len(rows), "decisions": len(index.rows)}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--csv", type=Path, default=DEFAULT_CSV)
    args = parser.parse_args()
    if not args.csv.exists():
        sys.exit(f"no votes database at {args.csv} (pass --csv)")
    results = []
    for _ in range(args.runs):
        out = subprocess.run(
            [sys.executable, "-c", CHILD, str(args.csv)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        results.append(json.loads(out.strip().splitlines()[-1]))
    med = {k: statistics.median(r[k] for r in results) for k in ("pandas_import", "parse", "index")}
    cost = med["parse"] + med["index"]
    print(
        f"votes database: {results[0]['rows']} rows -> {results[0]['decisions']} decisions, "
        f"median of {args.runs} fresh processes"
    )
    print(f"  parse  {med['parse'] * 1000:7.0f} ms   (pandas.read_csv + cleaning)")
    print(f"  index  {med['index'] * 1000:7.0f} ms   (partials, checks, grouping)")
    print(
        f"  parse + index {cost * 1000:.0f} ms = {cost / TARGET_S:.2f} x the {TARGET_S:g} s target"
    )
    print(f"  (pandas import, paid once by any pandas user: {med['pandas_import'] * 1000:.0f} ms)")


if __name__ == "__main__":
    main()
