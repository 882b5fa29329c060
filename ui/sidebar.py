"""The sidebar: who is reviewing, and the saved reviews (open, rename, delete)."""

from __future__ import annotations

import streamlit as st

from checks.workbench import label_escape, review_option
from ui import flush, signin, state
from ui.resources import get_jobs, get_store
from ui.timing import timed

#: How often the list refreshes while a check is running somewhere (seconds).
POLL_SECONDS = 1.5


def sidebar(current_id: int | None) -> None:
    with st.sidebar:
        if signin.identity() is None:  # signed in: marks carry the identity, not a typed name
            st.text_input(
                "Your name",
                key="reviewer",
                bind="query-params",
                placeholder="Recorded with every mark",
                help="Kept in the page address, so a reload or bookmark remembers it.",
            )
            if not state.reviewer():
                st.caption("Enter your name so your marks are attributed.")
        st.button(
            "New article",
            icon=":material/add:",
            on_click=state.open_review,
            args=(None,),
            width="stretch",
        )
        st.markdown("#### Reviews")
        every = POLL_SECONDS if get_jobs().running() else None
        st.fragment(_reviews, key="reviews", run_every=every)(current_id)
        if current_id is not None:
            _manage(current_id)


@timed("reviews")
def _reviews(current_id: int | None) -> None:
    """Every review with its progress; a review being checked says how far it is."""
    flush.body_started()
    reviews = get_store().list_reviews(signin.visible_teams())
    running = get_jobs().running()
    if not reviews:
        st.caption("No reviews yet.")
    for item in reviews:
        job = running.get(item.id)
        checking = f"checking {job.done}/{job.total}" if job else ""
        st.button(
            review_option(item, checking),
            key=f"open:{item.id}",
            type="primary" if item.id == current_id else "tertiary",
            on_click=state.on_open,
            args=(item.id,),
            icon=":material/hourglass_top:" if job else None,
            width="stretch",
        )


def _manage(current_id: int) -> None:
    current = next(
        (r for r in get_store().list_reviews(signin.visible_teams()) if r.id == current_id), None
    )
    if current is None:
        return
    with st.expander("Rename or delete this review", icon=":material/edit:"):
        with st.form("rename_form", border=False):
            st.text_input("Name", value=current.name, key="rename")
            st.form_submit_button("Rename", on_click=state.on_rename, args=(current_id,))
        sure = st.checkbox(
            f"Yes, delete “{label_escape(current.name)}” with all its marks", key="delete_sure"
        )
        st.button(
            "Delete review",
            key="delete",
            disabled=not sure,
            on_click=state.on_delete,
            args=(current_id,),
            icon=":material/delete:",
        )
