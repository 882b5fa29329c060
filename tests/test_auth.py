"""Sign-in rules without a browser: identity from an st.user-like mapping, teams, who may open
which review (with the review store on SQLite)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from checks.auth import (
    DEFAULT_TEAM,
    Identity,
    TeamPolicy,
    identity_from_user,
    load_for,
    not_available,
)
from checks.config import Settings
from checks.errors import ConfigError
from checks.models import ArticleMeta
from checks.store import ReviewNotFound, ReviewStore

POLICY = TeamPolicy.parse("desk: example.org, stringer@partner.net; data: data.example.org")
ANN = Identity("Ann Lee", "ann@example.org")
STRINGER = Identity("Sam", "stringer@partner.net")
DANA = Identity("Dana", "dana@data.example.org")
EVE = Identity("Eve", "eve@elsewhere.com")


def test_identity_from_st_user_mapping_and_object() -> None:
    user = {"is_logged_in": True, "name": "  Ann   Lee ", "email": "Ann@Example.ORG"}
    assert identity_from_user(user) == ANN
    assert ANN.label == "Ann Lee <ann@example.org>"
    as_object = SimpleNamespace(is_logged_in=True, name="", email="bo@example.org")
    assert identity_from_user(as_object) == Identity("bo", "bo@example.org")
    assert Identity("bo@example.org", "bo@example.org").label == "bo@example.org"


@pytest.mark.parametrize(
    "user",
    [
        {"is_logged_in": False, "email": "ann@example.org"},
        {"is_logged_in": True, "email": ""},
        {"is_logged_in": True, "email": "not-an-address"},
        {"is_logged_in": True, "email": "ann@example.org", "email_verified": False},
        {},
    ],
)
def test_no_usable_identity(user: dict) -> None:
    assert identity_from_user(user) is None


def test_team_membership_by_domain_and_address() -> None:
    assert POLICY.teams_of(ANN) == ["desk"]
    assert POLICY.teams_of(STRINGER) == ["desk"]
    assert POLICY.teams_of(DANA) == ["data"]  # a subdomain is not the parent domain
    assert POLICY.teams_of(Identity("x", "other@partner.net")) == []  # only the one address
    assert POLICY.teams_of(EVE) == [] and not POLICY.may_sign_in(EVE)
    assert POLICY.may_sign_in(ANN) and not POLICY.may_sign_in(None)
    assert POLICY.default_team == "desk"
    assert POLICY.team_for_new_review(DANA) == "data"


def test_unnamed_list_is_one_team_and_bad_specs_are_refused() -> None:
    one = TeamPolicy.parse("example.org, @wire.example.com, bob@x.org")
    assert [t.name for t in one.teams] == [DEFAULT_TEAM]
    assert one.teams_of(Identity("", "z@wire.example.com")) == [DEFAULT_TEAM]
    assert TeamPolicy.parse("").teams == ()
    for bad in ("desk: ", "desk: a.org; desk: b.org", "desk: localhost", ": a.org"):
        with pytest.raises(ConfigError, match="CHECKS_TEAMS"):
            TeamPolicy.parse(bad)
    settings = Settings.from_mapping({"CHECKS_TEAMS": "desk: example.org"})
    assert TeamPolicy.parse(settings.teams).teams_of(ANN) == ["desk"]


def test_who_may_open_a_review() -> None:
    assert POLICY.can_open("ann@example.org", "desk", STRINGER)  # same team
    assert not POLICY.can_open("ann@example.org", "desk", DANA)  # other team
    assert POLICY.can_open("dana@data.example.org", "desk", DANA)  # the owner always
    assert POLICY.can_open("", "", ANN)  # made before sign-in: the default team's
    assert not POLICY.can_open("", "", DANA)
    assert not POLICY.can_open("", "desk", None)
    assert not POLICY.can_open("", "desk", EVE)
    assert POLICY.visible_teams(ANN) == ["desk", ""] and POLICY.visible_teams(DANA) == ["data"]


def test_load_for_says_the_same_for_other_teams_missing_and_archived(tmp_path: Path) -> None:
    store = ReviewStore(f"sqlite:///{tmp_path / 'r.sqlite'}")
    meta = ArticleMeta(title="Desk story")
    desk = store.create_review("Desk text.", meta, [], owner=ANN.email, team="desk")
    data = store.create_review("Data text.", meta, [], owner=DANA.email, team="data")
    assert load_for(store, desk, STRINGER, POLICY).text == "Desk text."
    archived = store.create_review("Old.", meta, [], owner=ANN.email, team="desk")
    store.delete(archived, who=ANN.label)
    for review_id in (data, archived, data + 100):
        with pytest.raises(ReviewNotFound) as refused:
            load_for(store, review_id, ANN, POLICY)
        assert str(refused.value) == not_available(review_id)
        assert "Data text" not in str(refused.value)
    with pytest.raises(ReviewNotFound):
        load_for(store, desk, EVE, POLICY)
    listed = store.list_reviews(teams=POLICY.visible_teams(DANA))
    assert [r.id for r in listed] == [data]
