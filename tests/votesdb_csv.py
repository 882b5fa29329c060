"""Small votes-database CSVs built in code with the real header layout (so that tests run in a
clone without ../shared). Written from ../shared/samples/unsc-votes-sciencespo/PROVENANCE.md:
the 14 columns describing a vote, then one upper-case column per state (a subset here)."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence

HEAD = (
    "Vote in the DB",
    "UN classification",
    "Vote outcome",
    "Vote outcome typology-Observable",
    "Resolution number",
    "Date",
    "Official full title",
    "Title-Observable",
    "Yes",
    "No",
    "Abstentions",
    "Non-Voting",
    "Total",
    "(of which veto)",
)
STATES = (
    "CHINA",
    "FRANCE",
    "RUSSIAN FEDERATION/USSR",
    "UNITED KINGDOM",
    "UNITED STATES",
    "ALGERIA",
    "DENMARK",
    "GREECE",
    "GUYANA",
    "PAKISTAN",
    "PANAMA",
    "KOREA",
    "SIERRA LEONE",
    "SLOVENIA",
    "SOMALIA",
    "SRI LANKA/CEYLAN",
    "GERMANY, FEDERAL REPUBLIC OF",
    "EGYPT / UNITED ARAB REPUBLIC",
)
P5 = STATES[:5]
ELECTED_2025 = STATES[5:15]


def vote_row(
    symbol: str,
    outcome: str,
    day: str,
    votes: Mapping[str, str],
    *,
    number: str = "-",
    title: str = "",
    totals: Sequence[str] | None = None,
) -> dict[str, str]:
    """One row; totals are counted from `votes` unless given (to build impossible rows)."""
    counted = [sum(v == k for v in votes.values()) for k in ("Y", "N", "A", "NV")]
    yes, no, abst, nv = totals or [str(n) for n in counted]
    typology = {
        "adopted": "adopted (unanimity)" if counted[0] == len(votes) else "adopted (majority)",
        "vetoed": "not adopted (veto)",
        "lack of maj.": "not adopted (lack of majority)",
    }[outcome]
    row = {
        "UN classification": symbol,
        "Vote outcome": outcome,
        "Vote outcome typology-Observable": typology,
        "Resolution number": number,
        "Date": day,
        "Official full title": title,
        "Title-Observable": title,
        "Yes": yes,
        "No": no,
        "Abstentions": abst,
        "Non-Voting": nv,
        "Total": str(sum(int(x) for x in (yes, no, abst, nv) if x.isdigit())),
        "(of which veto)": str(sum(votes.get(s) == "N" for s in P5)),
    }
    row.update(votes)
    return row


def council(default: str = "Y", **changes: str) -> dict[str, str]:
    """The 2025 Council voting `default`, with changes keyed by index name (CHINA=..., US=...)."""
    names = {"CHINA": 0, "FRANCE": 1, "RUSSIA": 2, "UK": 3, "US": 4}
    votes = {s: default for s in (*P5, *ELECTED_2025)}
    for key, value in changes.items():
        votes[STATES[names[key]] if key in names else key.replace("_", " ")] = value
    return votes


def make_csv(rows: Sequence[Mapping[str, str]]) -> bytes:
    """The CSV, newest row first and numbered 1..N from the oldest, like the real file."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*HEAD, *STATES])
    for i, row in enumerate(reversed(rows)):
        n = len(rows) - i
        writer.writerow(
            [str(n), *(row.get(c, "") for c in HEAD[1:]), *(row.get(s, "") for s in STATES)]
        )
    return out.getvalue().rstrip("\n").encode("utf-8")  # the real file has no final newline
