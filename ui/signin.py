"""Sign-in for a team (Streamlit's `st.login`, OpenID Connect), and the glue the page calls.

Without an `[auth]` section in `.streamlit/secrets.toml` nothing changes: the workbench is the
one-person tool with a typed name. With it, every page run starts with `gate()`: nobody gets
past the sign-in button, people outside every configured team are refused, and marks, notes
and the audit trail carry the signed-in name and e-mail. The rules are in `checks.auth`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

from checks.auth import Identity, TeamPolicy, identity_from_user, load_for, not_available
from checks.workbench import label_escape
from ui.resources import get_settings

_KEY = "signed_in_identity"


def auth_configured() -> bool:
    """True when `.streamlit/secrets.toml` has an `[auth]` section."""
    try:
        return "auth" in st.secrets
    except Exception:  # no or malformed secrets.toml: the one-person tool
        return False


def _provider() -> str | None:
    """A named provider (`[auth.name]`) if the section has one, else the default."""
    try:
        section = st.secrets["auth"]
    except Exception:
        return None
    return next((k for k, v in section.items() if isinstance(v, Mapping)), None)


def policy() -> TeamPolicy:
    return TeamPolicy.parse(get_settings().teams)


def _sign_in() -> None:
    provider = _provider()
    if provider:
        st.login(provider)
    else:
        st.login()


def gate() -> Identity | None:
    """Call first on every run. Returns the signed-in identity, or None when sign-in is not
    configured; otherwise stops the page until someone from a team has signed in."""
    if not auth_configured():
        st.session_state.pop(_KEY, None)
        return None
    identity = identity_from_user(st.user)
    if identity is None:
        st.session_state.pop(_KEY, None)
        if st.user.is_logged_in:
            st.error("Your sign-in gave no verified e-mail address, so no team can be matched.")
            st.button("Sign out", on_click=st.logout)
        else:
            st.info("Sign in with your newsroom account to use the workbench.")
            st.button("Sign in", on_click=_sign_in, type="primary", key="sign_in")
        st.stop()
    teams = policy()
    if not teams.may_sign_in(identity):
        st.session_state.pop(_KEY, None)
        st.error(
            f"{label_escape(identity.email)} is not in any team of this workbench; ask whoever "
            "runs it to add your address or domain to CHECKS_TEAMS."
        )
        st.button("Sign out", on_click=st.logout)
        st.stop()
    st.session_state[_KEY] = identity
    with st.sidebar:
        st.caption(f"Signed in as {label_escape(identity.label)}")
        st.button("Sign out", on_click=st.logout, key="sign_out")
    return identity


def identity() -> Identity | None:
    return st.session_state.get(_KEY)


def who(typed: str = "") -> str:
    """What marks and the audit trail record: the signed-in identity, else the typed name."""
    signed = identity()
    return signed.label if signed else typed


def visible_teams() -> list[str] | None:
    """Teams whose reviews the list shows; None (everything) without sign-in."""
    signed = identity()
    return None if signed is None else policy().visible_teams(signed)


def load_review(store: Any, review_id: int) -> Any:
    """Load a review the signed-in person may open (`ReviewNotFound` otherwise, the same
    message as for a review that does not exist); without sign-in, any review."""
    signed = identity()
    if signed is None:
        return store.load(review_id)
    return load_for(store, review_id, signed, policy())


def new_review_access() -> dict[str, str]:
    """`owner` and `team` for `create_review` (empty without sign-in)."""
    signed = identity()
    if signed is None:
        return {}
    return {"owner": signed.email, "team": policy().team_for_new_review(signed)}


def missing_message(review_id: int) -> str:
    """What the page says when `?review=ID` cannot be opened."""
    if identity() is not None:
        return not_available(review_id)
    return f"Review #{review_id} does not exist (it may have been deleted)."
