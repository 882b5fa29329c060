"""The open review: header and details, check progress, summary, article, reports, history."""

from __future__ import annotations

import altair as alt
import streamlit as st

from checks.reports import highlight_html
from checks.store import ReviewBundle
from checks.workbench import (
    claimreview_notes,
    history_frame,
    label_escape,
    legend_html,
    meta_date,
    meta_line,
    plain,
    plain_verdicts,
    report_files,
    status_of,
    summary_frame,
    text_html,
    unchecked_ids,
    verdict_of,
)
from ui import flush, state
from ui.flush import after_pending_saves
from ui.resources import get_jobs, get_settings, get_store
from ui.timing import timed

MUTED = "color:#5f6b76;font-size:0.875rem"
#: How often the progress bar asks the background check how far it is (seconds).
POLL_SECONDS = 0.7


def header(bundle: ReviewBundle) -> None:
    st.markdown(text_html(bundle.name, "h3"), unsafe_allow_html=True)
    meta = bundle.meta
    st.markdown(
        text_html(meta_line(bundle.id, meta.date, meta.source), style=MUTED),
        unsafe_allow_html=True,
    )
    if meta.url:
        st.link_button("Open the article", meta.url, icon=":material/open_in_new:")
    for notice in st.session_state.get("notices", {}).get(bundle.id, []):
        if notice.startswith("No article date"):
            continue  # said below, for as long as the review has no date
        st.warning(label_escape(plain(notice).text), icon=":material/warning:")
    if not meta.date:
        st.info(
            "No publication date: relative dates such as 'on Sunday' could not be read. "
            "Set it under **Edit article details**.",
            icon=":material/event:",
        )
    details(bundle)
    running = get_jobs().progress(bundle.id)
    missing = unchecked_ids(bundle)
    if missing and (running is None or not running.running):
        st.info(
            f"{len(missing)} claim(s) have no verdict yet (the check stopped before them).",
            icon=":material/pending:",
        )
        st.button(
            "Check the remaining claims",
            key="check_remaining",
            on_click=state.on_recheck,
            args=(bundle.id, sorted(missing)),
        )


def details(bundle: ReviewBundle) -> None:
    """Title, outlet, URL and publication date, editable after the check."""
    meta = bundle.meta
    with st.expander("Edit article details", icon=":material/edit_note:"):
        with st.form("edit_details", border=False):
            left, right = st.columns(2)
            left.text_input("Title", value=meta.title, key="edit_title")
            right.text_input("Source (outlet)", value=meta.source, key="edit_source")
            left.text_input("URL", value=meta.url, key="edit_url", placeholder="https://…")
            right.date_input(
                "Publication date",
                value=meta_date(bundle.meta),
                key="edit_date",
                help="Changing it re-reads relative dates and checks again the claims it "
                "affects; marks and notes are kept.",
            )
            st.form_submit_button("Save details", on_click=state.on_edit_details, args=(bundle.id,))
        if st.session_state.get("edit_error"):
            st.error(st.session_state.edit_error)
    done = st.session_state.get("edit_done", "")  # kept until another review is opened
    if done:
        st.success(done, icon=":material/check:")


def progress(bundle: ReviewBundle) -> None:
    """The running check's bar, refreshed from the background job until it ends."""
    job = get_jobs().progress(bundle.id)
    if job is None:
        return
    st.fragment(_progress, key="progress", run_every=POLL_SECONDS if job.running else None)(
        bundle.id
    )


@timed("progress")
def _progress(review_id: int) -> None:
    flush.body_started()
    job = get_jobs().progress(review_id)
    if job is None:
        return
    if not job.running:
        get_jobs().forget(review_id)
        state.changed()
        if job.state == "failed":
            st.session_state.flash = f"The check stopped: {job.error}"
        st.session_state.focus_claim = True
        st.rerun()  # the whole page, now with every verdict
    st.progress(job.fraction, text=job.text)
    st.caption(
        "The check runs on the server: you can mark claims, open another review or close "
        "the tab; every verdict is saved as it arrives."
    )


@st.fragment(key="summary")
@timed("summary")
def summary() -> None:
    """Counts by verdict and by review status; the charts are folded away so that the first
    claim is near the top on a phone."""
    flush.body_started()
    bundle = state.bundle()
    if bundle is None:
        return
    frame = summary_frame(bundle, get_settings().review_statuses)
    live = [c for c in bundle.claims if c.id not in bundle.dismissed]
    reviewed = sum(1 for c in live if status_of(bundle, c.id) != "Unreviewed")
    flagged = sum(
        1 for c in live if verdict_of(bundle, c.id) in ("contradicted", "partly_supported")
    )
    cols = st.columns(4)
    cols[0].metric("Claims", len(live))
    cols[1].metric("Checked", sum(1 for c in live if c.id in bundle.verdicts))
    cols[2].metric("Contradicted or partly", flagged)
    cols[3].metric("Reviewed", f"{reviewed} / {len(live)}")
    charts = st.expander(
        "Charts: claims by verdict and by review status",
        icon=":material/bar_chart:",
        key="charts_open",
        on_change="rerun",
    )
    if not charts.open:  # drawn only when opened: marking stays quick
        return
    with charts:
        left, right = st.columns(2)
        for column, group in ((left, "Verdict"), (right, "Review status")):
            part = frame[frame["group"] == group]
            chart = (
                alt.Chart(part, title=f"By {group.lower()}")
                .mark_bar(cornerRadiusEnd=3)
                .encode(
                    x=alt.X("claims:Q", title=None, axis=alt.Axis(tickMinStep=1)),
                    y=alt.Y(
                        "label:N",
                        sort=list(part["label"]),
                        title=None,
                        axis=alt.Axis(labelOverlap=False, labelLimit=160),
                    ),
                    color=alt.Color("colour:N", scale=None, legend=None),
                    tooltip=["label", "claims"],
                )
                .properties(height=24 * len(part) + 40)
            )
            column.altair_chart(chart, width="stretch")


def article(bundle: ReviewBundle) -> None:
    """The article, escaped, with each claim in its verdict's colour (hover: claim and verdict)."""
    st.markdown(f"<div style='font-size:0.8rem'>{legend_html()}</div>", unsafe_allow_html=True)
    body = highlight_html(
        bundle.text,
        bundle.claims,
        plain_verdicts(bundle.verdicts),
        marks=bundle.marks,
        dismissed=bundle.dismissed,
    )
    with st.container(height=560, border=True):
        st.markdown(
            f"<div class='article-view' style='white-space:pre-wrap;line-height:1.75'>{body}</div>",
            unsafe_allow_html=True,
        )


def reports(bundle: ReviewBundle) -> None:
    """One click per report; each file is built when clicked, after any note just typed has
    been saved, from the review as stored then."""
    st.markdown("##### Reports")
    review_id = bundle.id
    load = after_pending_saves(lambda: get_store().load(review_id))
    settings = get_settings()
    files = report_files(bundle, load=load, settings=settings)
    cols = st.columns(len(files))
    for column, item in zip(cols, files, strict=True):
        column.download_button(
            item.label,
            data=item.build,
            file_name=item.file_name,
            mime=item.mime,
            key=f"dl:{item.label}",
            on_click="ignore",
            icon=":material/download:",
            width="stretch",
        )
    notes = claimreview_notes(bundle, settings)
    if notes:
        st.caption("ClaimReview file: " + label_escape("; ".join(notes)))


@st.fragment(key="history")
@timed("history")
def history() -> None:
    flush.body_started()
    bundle = state.bundle()
    if bundle is None:
        return
    box = st.expander(
        "Change history", icon=":material/history:", key="history_open", on_change="rerun"
    )
    if not box.open:  # built only when opened: marking stays quick
        return
    with box:
        st.caption(f"{len(bundle.history)} changes, newest first")
        st.dataframe(history_frame(bundle), hide_index=True, width="stretch")
