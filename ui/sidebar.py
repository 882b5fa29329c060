"""The sidebar: who is reviewing, and the saved reviews (open, rename, delete)."""

from __future__ import annotations

import streamlit as st

from checks.workbench import review_option
from ui import state
from ui.resources import get_store


def sidebar(current_id: int | None) -> None:
    with st.sidebar:
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
        reviews = get_store().list_reviews()
        if not reviews:
            st.caption("No reviews yet.")
        for item in reviews:
            st.button(
                review_option(item),
                key=f"open:{item.id}",
                type="primary" if item.id == current_id else "tertiary",
                on_click=state.open_review,
                args=(item.id,),
                width="stretch",
            )
        if current_id is not None:
            current = next((r for r in reviews if r.id == current_id), None)
            if current is None:
                return
            with st.expander("Rename or delete this review", icon=":material/edit:"):
                with st.form("rename_form", border=False):
                    st.text_input("Name", value=current.name, key="rename")
                    st.form_submit_button("Rename", on_click=state.on_rename, args=(current_id,))
                sure = st.checkbox("Yes, delete it with all its marks", key="delete_sure")
                st.button(
                    "Delete review",
                    key="delete",
                    disabled=not sure,
                    on_click=state.on_delete,
                    args=(current_id,),
                    icon=":material/delete:",
                )
