"""The article form, and the start of a check: claims are extracted here, verdicts come from
a background check (see `ui.review.progress`)."""

from __future__ import annotations

import time
from typing import Any

import streamlit as st

from checks.errors import InputError
from checks.workbench import (
    INPUT_MODES,
    PASTE,
    UPLOAD,
    UPLOAD_TYPES,
    chosen_input,
    guess_date,
    make_meta,
    read_article,
    start_review,
)
from ui import signin, state
from ui.resources import get_pipeline, get_settings, get_store


def _prefill_date(raw: str | bytes, name: str = "") -> None:
    """Fill the date box from the article's dateline, unless the reviewer already set one."""
    found = guess_date(raw, name)
    if found is not None and st.session_state.get("article_date") is None:
        st.session_state.article_date = found


def _on_text() -> None:
    _prefill_date(st.session_state.get("article_text", ""))


def _on_upload() -> None:
    upload = st.session_state.get(state.upload_key())
    if upload is not None:
        _prefill_date(upload.getvalue(), upload.name)


def article_form(expanded: bool) -> None:
    """Paste or upload (one at a time), say when and where it was published, and check."""
    if "article_mode" not in st.session_state:
        st.session_state.article_mode = PASTE
    with st.expander("New article", expanded=expanded, icon=":material/article:"):
        left, right = st.columns([3, 2])
        with left:
            mode = st.radio("The article", INPUT_MODES, key="article_mode", horizontal=True)
            if mode == UPLOAD:
                upload = st.file_uploader(
                    "Upload a file (.txt, .md, .html, .docx)",
                    type=list(UPLOAD_TYPES),
                    key=state.upload_key(),
                    on_change=_on_upload,
                )
                if upload is not None:
                    st.caption(f"This file will be checked: **{upload.name}**")
                else:
                    st.caption("Choose a file; pasted text is not used in this mode.")
            else:
                st.text_area(
                    "Article text",
                    key="article_text",
                    height=220,
                    placeholder="Paste the text of a news article…",
                    on_change=_on_text,
                )
        with right:
            st.date_input(
                "Publication date",
                value=None,
                key="article_date",
                help="Relative dates such as 'on Sunday' are counted from it. Pre-filled from "
                "a dateline when the article has one; you can change it after the check.",
            )
            st.text_input("Title", key="article_title")
            st.text_input("Source (outlet)", key="article_source")
            st.text_input("URL", key="article_url", placeholder="https://…")
            st.button(
                "Check claims",
                type="primary",
                key="check",
                icon=":material/fact_check:",
                on_click=state.on_check_clicked,
                width="stretch",
            )


def run_new(job: dict[str, Any]) -> None:
    """Extract the claims of the queued article, save the review and start its check in the
    background; then redraw the page from the store."""
    settings = get_settings()
    pasted, upload = chosen_input(job.get("mode"), job["text"], job["upload"])
    try:
        article = read_article(pasted, upload, max_chars=settings.max_chars)
        meta = make_meta(job["date"], job["title"], job["source"], job["url"])
    except InputError as exc:
        st.error(str(exc), icon=":material/error:")
        return
    with st.status("Extracting claims…", expanded=True) as status:
        started = time.perf_counter()
        review_id, extraction = start_review(
            get_store(),
            article,
            meta,
            pipeline=get_pipeline(),
            reviewer=state.reviewer(),
            budget=settings,
            access=signin.new_review_access(),
        )
        status.update(
            label=f"Found {len(extraction.claims)} claims in {time.perf_counter() - started:.1f} s",
            state="complete",
            expanded=False,
        )
    notices = [*article.warnings, *extraction.warnings]
    st.session_state.setdefault("notices", {})[review_id] = notices
    state.open_review(review_id)
    state.reset_form()
    if extraction.claims:
        state.start_check(review_id, extracted=extraction.claims)
    st.rerun()
