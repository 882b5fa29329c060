"""Whether two claims in one sentence speak of the same event, read from the parse anchors
stored on each claim (no spaCy here: extraction and the rules both use it)."""

from __future__ import annotations

import re

from checks.models import Claim

DECISION_VERB = re.compile(r"^(adopt|pass|approv|endors|vot|reject|veto|fail|back|unanim)")


def governed_by_decision(claim: Claim) -> bool:
    """The claim hangs on a decision verb ("vetoed in February", "In August 1972, 11 members
    voted"), not on another noun or verb of its sentence ("the 2023 Gaza crisis")."""
    return bool(DECISION_VERB.match((claim.governor or ":").split(":", 1)[1]))


def attached(a: Claim, b: Claim) -> bool:
    """True when one claim modifies the other ("Resolution 2371 of August 5") or both hang on
    the same decision verb ("On 22 December the Council adopted resolution 2397")."""
    if a.root < 0 or b.root < 0:
        return abs(a.start - b.end) < 40 or abs(b.start - a.end) < 40  # no parse: adjacency
    if a.root in b.heads[:3] or b.root in a.heads[:3]:
        return True
    if a.governor and a.governor == b.governor:
        verb = a.governor.split(":", 1)[1]
        return bool(DECISION_VERB.match(verb))
    return False
