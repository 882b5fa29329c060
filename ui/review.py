"""The open review: header, summary chart, highlighted article, reports and history."""

from __future__ import annotations

import html

import altair as alt
import streamlit as st

from checks.reports import highlight_html
from checks.store import ReviewBundle
from checks.workbench import (
    history_frame,
    legend_html,
    report_files,
    status_of,
    summary_frame,
    unchecked_ids,
    verdict_of,
)
from ui import state
from ui.resources import get_settings, get_store


def header(bundle: ReviewBundle) -> None:
    st.subheader(bundle.name, anchor=False)
    meta = bundle.meta
    bits = [f"Review #{bundle.id}"]
    if meta.date:
        bits.append(f"published {meta.date}")
    if meta.source:
        bits.append(meta.source)
    line = " · ".join(html.escape(b) for b in bits)
    st.markdown(f"<span style='color:#5f6b76'>{line}</span>", unsafe_allow_html=True)
    if meta.url:
        st.link_button("Open the article", meta.url, icon=":material/open_in_new:")
    for notice in st.session_state.get("notices", {}).get(bundle.id, []):
        st.warning(notice, icon=":material/warning:")
    missing = unchecked_ids(bundle)
    if missing:
        st.info(f"{len(missing)} claim(s) have no verdict yet (the check was interrupted).")
        st.button(
            "Check the remaining claims",
            key="check_remaining",
            on_click=state.on_recheck,
            args=(bundle.id, sorted(missing)),
        )


def summary(bundle: ReviewBundle) -> None:
    """Counts by verdict and by review status: metrics and two small bar charts."""
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
        bundle.text, bundle.claims, bundle.verdicts, marks=bundle.marks, dismissed=bundle.dismissed
    )
    with st.container(height=560, border=True):
        st.markdown(
            f"<div class='article-view' style='white-space:pre-wrap;line-height:1.75'>{body}</div>",
            unsafe_allow_html=True,
        )


def reports(bundle: ReviewBundle) -> None:
    """One click per report; files are built when clicked, from the review as stored then."""
    st.markdown("##### Reports")
    files = report_files(bundle, load=lambda: get_store().load(bundle.id))
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


def history(bundle: ReviewBundle) -> None:
    with st.expander(f"Change history ({len(bundle.history)})", icon=":material/history:"):
        st.dataframe(history_frame(bundle), hide_index=True, width="stretch")
