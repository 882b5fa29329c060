"""A small page around ui/signin.py for the sign-in browser test (tests/test_team_browser.py).

It uses the real glue the workbench page calls (gate, who, load_review, new_review_access,
visible_teams) and the real store, and prints what a person sees as plain text.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import streamlit as st

from checks.models import ArticleMeta, Claim
from checks.store import EditConflict, ReviewNotFound, ReviewStore
from ui import signin
from ui.resources import get_settings

TEXT = "The Security Council voted 12-0 with 3 abstentions on Tuesday."
FRAGMENT = "12-0 with 3 abstentions"

identity = signin.gate()
store = ReviewStore(get_settings().store_url)


def new_review() -> None:
    start = TEXT.index(FRAGMENT)
    claim = Claim("c1", "vote", start, start + len(FRAGMENT), FRAGMENT, TEXT)
    review_id = store.create_review(
        TEXT,
        ArticleMeta(title="Tuesday vote"),
        [claim],
        created_by=signin.who(),
        **signin.new_review_access(),
    )
    st.query_params["review"] = str(review_id)


st.button("New review", on_click=new_review)
st.text("Reviews: " + ", ".join(f"#{r.id}" for r in store.list_reviews(signin.visible_teams())))
raw = st.query_params.get("review")
if raw:
    try:
        bundle = signin.load_review(store, int(raw))
    except ReviewNotFound as exc:
        st.error(str(exc))
        st.stop()
    st.text(f"Open: #{bundle.id} {bundle.name} (team {bundle.team or '-'})")
    # The version this session saw when it opened the review (the workbench caches the bundle
    # the same way): a save over a newer change is refused.
    seen_key = f"seen:{bundle.id}"
    st.session_state.setdefault(seen_key, bundle.versions["c1"])
    status = st.selectbox("Status", ["Unreviewed", "Verified", "False"], key="status")
    if st.button("Save mark"):
        try:
            store.set_mark(
                bundle.id,
                "c1",
                status=status,
                reviewer=signin.who(),
                expected_version=st.session_state[seen_key],
            )
            bundle = store.load(bundle.id)
            st.session_state[seen_key] = bundle.versions["c1"]
        except EditConflict as exc:
            st.warning(f"Not saved: {exc}")
    st.text("Mark: " + (bundle.marks["c1"].status if "c1" in bundle.marks else "none"))
    for row in store.history(bundle.id):
        st.text(f"Audit: {row['who']} | {row['field']} | {row['new_value']} | {row['outcome']}")
