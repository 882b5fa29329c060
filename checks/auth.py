"""Who is signed in and which reviews they may open, when the workbench runs for a team.

Sign-in itself is Streamlit's (`st.login`, OpenID Connect); this module only reads the identity
it yields (an `st.user`-like mapping) and applies the team rules, so they can be tested without
a browser. Teams are configured, never typed by users: `CHECKS_TEAMS` lists each team's allowed
e-mail domains and addresses, e.g.

    CHECKS_TEAMS = "desk: example.org, stringer@partner.org; data: data.example.org"

A list without a name ("example.org, ann@partner.org") is one team called "newsroom".
Each review has an owner (the creator's e-mail) and a team; it opens for the owner and for
members of its team. Reviews made before sign-in (no team) belong to the first team.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from checks.errors import ConfigError

#: The team of a one-team configuration given without a name.
DEFAULT_TEAM = "newsroom"


@dataclass(frozen=True)
class Identity:
    """A signed-in person, as the identity provider vouched for them."""

    name: str
    email: str  # lower case

    @property
    def label(self) -> str:
        """What marks and the audit trail record: name and e-mail, never a typed name."""
        return (
            f"{self.name} <{self.email}>" if self.name and self.name != self.email else self.email
        )


def identity_from_user(user: Mapping[str, Any] | Any) -> Identity | None:
    """The identity in an `st.user`-like mapping, or None when nobody is signed in or the
    provider gave no usable e-mail (team rules match e-mails, so none means no access). An
    e-mail the provider marks unverified (`email_verified: false`) is not trusted either."""
    get = (
        user.get if hasattr(user, "get") else lambda key, default=None: getattr(user, key, default)
    )
    if not get("is_logged_in", False):
        return None
    email = str(get("email", "") or "").strip().lower()
    local, _, domain = email.partition("@")
    if not local or not domain or " " in email:
        return None
    if get("email_verified", None) is False:
        return None
    name = str(get("name", "") or get("preferred_username", "") or "").strip()
    return Identity(name=" ".join(name.split()) or local, email=email)


@dataclass(frozen=True)
class Team:
    name: str
    domains: frozenset[str]
    addresses: frozenset[str]

    def has(self, email: str) -> bool:
        """Exact address, or exact domain (a subdomain is another domain: not a member)."""
        email = email.lower()
        return email in self.addresses or email.rpartition("@")[2] in self.domains


@dataclass(frozen=True)
class TeamPolicy:
    """The configured teams; the first one is the default for reviews without a team."""

    teams: tuple[Team, ...] = ()

    @classmethod
    def parse(cls, spec: str) -> TeamPolicy:
        """Read `name: member, member; name: ...` (members: `domain` or `address@domain`)."""
        teams: list[Team] = []
        for part in (p.strip() for p in spec.split(";")):
            if not part:
                continue
            name, colon, members = part.partition(":")
            if not colon:
                name, members = DEFAULT_TEAM, part
            name = name.strip()
            if not name or any(t.name == name for t in teams):
                raise ConfigError(f"CHECKS_TEAMS: missing or repeated team name in {part!r}")
            domains, addresses = set(), set()
            for item in (m.strip().lower().lstrip("@") for m in members.split(",")):
                if not item:
                    continue
                if " " in item or "." not in item.rpartition("@")[2]:
                    raise ConfigError(f"CHECKS_TEAMS: {item!r} is neither a domain nor an e-mail")
                (addresses if "@" in item else domains).add(item)
            if not domains and not addresses:
                raise ConfigError(f"CHECKS_TEAMS: team {name!r} has no members")
            teams.append(Team(name, frozenset(domains), frozenset(addresses)))
        return cls(tuple(teams))

    @property
    def default_team(self) -> str:
        return self.teams[0].name if self.teams else ""

    def teams_of(self, identity: Identity | None) -> list[str]:
        if identity is None:
            return []
        return [t.name for t in self.teams if t.has(identity.email)]

    def may_sign_in(self, identity: Identity | None) -> bool:
        """Only members of some team may use a team's workbench."""
        return bool(self.teams_of(identity))

    def team_for_new_review(self, identity: Identity) -> str:
        teams = self.teams_of(identity)
        return teams[0] if teams else ""

    def visible_teams(self, identity: Identity | None) -> list[str]:
        """Team values whose reviews this person may list ("" stands for the default team)."""
        teams = self.teams_of(identity)
        return [*teams, ""] if self.default_team in teams else teams

    def can_open(self, owner: str, team: str, identity: Identity | None) -> bool:
        """The owner, and members of the review's team (no team: the default team)."""
        if identity is None:
            return False
        if owner and owner.lower() == identity.email:
            return True
        return (team or self.default_team) in self.teams_of(identity)


#: What a review one may not open says: the same as for one that does not exist, so that
#: guessing `?review=ID` tells nothing about other teams' reviews.
def not_available(review_id: int) -> str:
    return f"Review #{review_id} does not exist or is not shared with your team."


def load_for(store: Any, review_id: int, identity: Identity | None, policy: TeamPolicy) -> Any:
    """The review if this person may open it; otherwise `ReviewNotFound` with the same message
    whether it is another team's, archived, or never existed (nothing of it is read)."""
    from checks.store import ReviewNotFound

    try:
        owner, team = store.review_access(review_id)
    except ReviewNotFound:
        raise ReviewNotFound(not_available(review_id)) from None
    if not policy.can_open(owner, team, identity):
        raise ReviewNotFound(not_available(review_id))
    return store.load(review_id)
