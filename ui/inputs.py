"""The article form, and the check with its progress: claims first, verdicts as they come."""

from __future__ import annotations

import html
import time
from typing import Any

import streamlit as st

from checks.errors import CheckError, InputError
from checks.models import Claim, Verdict
from checks.workbench import (
    UNCHECKED,
    UPLOAD_TYPES,
    badge_html,
    guess_date,
    make_meta,
    read_article,
    run_check,
    shorten,
    start_review,
)
from ui import state
from ui.resources import get_pipeline, get_services, get_settings, get_store


def _prefill_date(raw: str | bytes, name: str = "") -> None:
    """Fill the date box from the article's dateline, unless the reviewer already set one."""
    found = guess_date(raw, name)
    if found is not None and st.session_state.get("article_date") is None:
        st.session_state.article_date = found


def _on_text() -> None:
    _prefill_date(st.session_state.get("article_text", ""))


def _on_upload() -> None:
    upload = st.session_state.get("article_file")
    if upload is not None:
        _prefill_date(upload.getvalue(), upload.name)


def article_form(expanded: bool) -> None:
    """Paste or upload, say when and where it was published, and check."""
    with st.expander("New article", expanded=expanded, icon=":material/article:"):
        left, right = st.columns([3, 2])
        with left:
            st.text_area(
                "Article text",
                key="article_text",
                height=220,
                placeholder="Paste the text of a news article…",
                on_change=_on_text,
            )
            st.file_uploader(
                "…or upload a file (.txt, .md, .html, .docx)",
                type=list(UPLOAD_TYPES),
                key="article_file",
                on_change=_on_upload,
            )
        with right:
            st.date_input(
                "Publication date",
                value=None,
                key="article_date",
                help="Relative dates such as 'on Sunday' are counted from it. Pre-filled from "
                "a dateline when the article has one.",
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


def run_job(job: dict[str, Any]) -> None:
    """Do the queued check; on success rerun so the page is drawn from the store."""
    extracted = None
    if job["kind"] == "new":
        started = _new_review(job)
        if started is None:
            return
        review_id, extracted, ids = started[0], started[1], None
    else:
        review_id, ids = job["review_id"], set(job["ids"])
    current = get_store().load(review_id)
    claims = [c for c in current.claims if ids is None or c.id in ids]
    if claims:
        _check_with_progress(current, claims, ids, extracted)
    state.changed()
    st.rerun()


def _new_review(job: dict[str, Any]) -> tuple[int, list[Claim]] | None:
    settings = get_settings()
    try:
        article = read_article(job["text"], job["upload"], max_chars=settings.max_chars)
        meta = make_meta(job["date"], job["title"], job["source"], job["url"])
    except InputError as exc:
        st.error(str(exc), icon=":material/error:")
        return None
    with st.status("Extracting claims…", expanded=True) as status:
        started = time.perf_counter()
        review_id, extraction = start_review(
            get_store(), article, meta, pipeline=get_pipeline(), reviewer=state.reviewer()
        )
        status.update(
            label=f"Found {len(extraction.claims)} claims in {time.perf_counter() - started:.1f} s",
            state="complete",
            expanded=False,
        )
    notices = [*article.warnings, *extraction.warnings]
    st.session_state.setdefault("notices", {})[review_id] = notices
    state.open_review(review_id)
    return review_id, extraction.claims


def _check_with_progress(
    current: Any, claims: list[Claim], ids: set[str] | None, extracted: list[Claim] | None
) -> None:
    total = len(claims)
    st.markdown(f"**Checking {total} claim{'s' if total != 1 else ''} against public records…**")
    bar = st.progress(0.0, text=f"0 of {total} checked")
    slots = {}
    with st.container(border=True):
        for claim in claims:
            slots[claim.id] = st.empty()
            slots[claim.id].markdown(_line(claim, UNCHECKED, "checking…"), unsafe_allow_html=True)
    done = 0

    def show(claim: Claim, verdict: Verdict) -> None:
        nonlocal done
        done += 1
        bar.progress(done / total, text=f"{done} of {total} checked")
        if claim.id in slots:
            slots[claim.id].markdown(
                _line(claim, verdict.label, shorten(verdict.explanation, 140)),
                unsafe_allow_html=True,
            )

    try:
        run_check(
            get_store(),
            current,
            settings=get_settings(),
            pipeline=get_pipeline(),
            services=get_services(),
            only=ids,
            on_verdict=show,
            extracted=extracted,
        )
    except CheckError as exc:  # a store failure; verdicts found so far are already saved
        st.error(f"The check stopped: {exc}")
        st.stop()


def _line(claim: Claim, label: str, note: str) -> str:
    return (
        f"{badge_html(label)} <code>{html.escape(claim.type)}</code> "
        f"{html.escape(shorten(claim.text, 80))} "
        f"<span style='color:#5f6b76'>— {html.escape(note)}</span>"
    )
