"""Two app processes editing one review's marks on one PostgreSQL database: no edit lost.

    python bench/team_edits.py [--edits 200] [--url postgresql+psycopg://...]

Without --url (or CHECKS_STORE_URL) it starts a throwaway PostgreSQL server (Debian's
binaries) and stops it at the end. Two worker processes take turns (edit i goes to worker
i % 2) editing the note and status of the same claims, each starting from the version it last
read, as two reviewers in two browser tabs would. Every edit must end saved or refused as a
conflict; the audit trail must hold every attempt, and each saved change must start from the
one saved before it. Prints the outcome counts and the time per edit.
"""

from __future__ import annotations

import argparse
import itertools
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checks.models import ArticleMeta, Claim  # noqa: E402
from checks.store import EditConflict, ReviewStore  # noqa: E402

TEXT = "The Council voted 13-0 with 2 abstentions on Friday to extend the mission by a year."
CLAIM_IDS = ("c1", "c2")


def worker(url: str, review_id: int, name: str, turns: list[int]) -> None:
    """Make the edits numbered `turns`; print 'saved conflicts seconds'."""
    store = ReviewStore(url)
    saved = conflicts = 0
    spent = 0.0
    for i in turns:
        claim_id = CLAIM_IDS[i % 4 // 2]  # both workers edit c1 twice, then c2 twice, ...
        seen = store.mark_version(review_id, claim_id)  # what the reviewer's page showed
        status = ("Verified", "False", "Needs work")[i % 3]
        started = time.perf_counter()
        try:
            store.set_mark(
                review_id,
                claim_id,
                status=status,
                note=f"{name} edit {i}",
                reviewer=name,
                expected_version=seen,
            )
            saved += 1
        except EditConflict:
            conflicts += 1
        spent += time.perf_counter() - started
    print(saved, conflicts, f"{spent:.6f}")


def run(url: str, edits: int) -> int:
    store = ReviewStore(url)
    claims = []
    for claim_id, kind, fragment in (
        ("c1", "vote", "13-0 with 2 abstentions"),
        ("c2", "date", "Friday"),
    ):
        start = TEXT.index(fragment)
        claims.append(Claim(claim_id, kind, start, start + len(fragment), fragment, TEXT))
    review_id = store.create_review(TEXT, ArticleMeta(title="Mission vote"), claims)
    before = len(store.history(review_id))
    started = time.perf_counter()
    procs = []
    for n, name in enumerate(("ana", "ben")):
        turns = ",".join(str(i) for i in range(n, edits, 2))
        procs.append(
            subprocess.Popen(
                [sys.executable, __file__, "--worker", url, str(review_id), name, turns],
                stdout=subprocess.PIPE,
                text=True,
            )
        )
    results = []
    for proc in procs:
        out, _ = proc.communicate(timeout=600)
        if proc.returncode != 0:
            print("worker failed", file=sys.stderr)
            return 1
        saved, conflicts, spent = out.split()
        results.append((int(saved), int(conflicts), float(spent)))
    wall = time.perf_counter() - started
    saved = sum(r[0] for r in results)
    conflicts = sum(r[1] for r in results)
    trail = store.history(review_id)[before:]
    lost = edits - saved - conflicts
    chained = True
    for claim_id in CLAIM_IDS:
        kept = [r for r in trail if r["claim_id"] == claim_id and r["outcome"] == "saved"]
        notes = [r for r in kept if r["field"] == "note"]
        chained &= all(b["old_value"] == a["new_value"] for a, b in itertools.pairwise(notes))
        chained &= store.load(review_id).marks[claim_id].note == notes[-1]["new_value"]
    attempts = len({(r["at"], r["who"], r["claim_id"]) for r in trail})
    print(f"database: {store._engine.dialect.name}; {edits} edits by 2 processes")
    print(f"saved {saved}, refused as conflict {conflicts}, lost {lost}")
    print(f"audit trail: {attempts} edits recorded (of {edits}), {len(trail)} field rows")
    print(f"each saved change starts from the previous one: {chained}")
    per_edit = sum(r[2] for r in results) / edits
    print(f"time per edit: {per_edit * 1000:.1f} ms (one save); wall {wall:.2f} s")
    ok = lost == 0 and attempts == edits and chained
    print("OK" if ok else "FAILED")
    return 0 if ok else 1


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        url, review_id, name, turns = sys.argv[2:6]
        worker(url, int(review_id), name, [int(t) for t in turns.split(",") if t])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=200)
    parser.add_argument("--url", default=os.environ.get("CHECKS_STORE_URL", ""))
    args = parser.parse_args()
    if args.url:
        return run(args.url, args.edits)
    from tests.servers import postgres

    with postgres() as server:
        url = server.create_database("team_edits")
        try:
            return run(url, args.edits)
        finally:
            from checks.store.engine import engine_for

            engine_for(url).dispose()


if __name__ == "__main__":
    raise SystemExit(main())
