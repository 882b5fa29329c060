"""What the UN Charter itself settles about a vote, whatever the record of the day says.

Only the five permanent members can veto (Article 27(3)): a negative vote of an elected member
is a vote against, never a veto. "Bolivia joined Russia and China to veto the resolution" says
Bolivia vetoed, which no elected member can do; the claim is false on that part whichever vote
it describes, so no decision link is needed to say so.
"""

from __future__ import annotations

from checks import countries
from checks.models import Claim, Verdict
from checks.verdicts.base import make
from checks.verdicts.numbers import charter_evidence

PERMANENT = "China, France, Russia (the USSR until 1991), the United Kingdom and the United States"


def elected_vetoers(value: dict) -> list[str]:
    """States the claim says vetoed that are not permanent members."""
    named = [*(value.get("vetoed_by_elected") or []), *(value.get("vetoed_by") or [])]
    out: list[str] = []
    for name in named:
        canon = countries.canonical(name)
        if (
            countries.is_known(name)
            and not countries.is_permanent_member(name)
            and canon not in out
        ):
            out.append(canon)
    return out


def check_elected_veto(claim: Claim, claimed: str, rule: str, version: str) -> Verdict | None:
    """Contradicted when the claim has an elected member veto; None otherwise."""
    elected = elected_vetoers(claim.value)
    if not elected:
        return None
    names = ", ".join(elected)
    return make(
        "contradicted",
        f"The article says {names} vetoed, but only the five permanent members ({PERMANENT}) "
        f"can veto a draft (UN Charter, Article 27(3)); {names} "
        f"{'was an elected member' if len(elected) == 1 else 'were elected members'}, whose "
        "vote against is not a veto. What the rest of the claim says was not checked here.",
        rule,
        version,
        evidence=[charter_evidence("permanent"), charter_evidence("affirmative_votes")],
        claimed=claimed,
        found="only permanent members veto",
        reason="vote.veto_by_elected_member",
    )
