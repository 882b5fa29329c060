"""A verdict panel per claim, the filters above them, and the form to add a missed claim."""

from __future__ import annotations

import html

import streamlit as st

from checks.models import CLAIM_TYPES, VERDICT_LABELS, Claim
from checks.reports.markdown import md_link
from checks.store import ReviewBundle
from checks.workbench import (
    UNCHECKED,
    badge_html,
    filter_claims,
    label_escape,
    last_change,
    panel_label,
    sentence_html,
    status_of,
    verdict_of,
    verdict_title,
)
from ui import state
from ui.resources import get_settings


def _statuses() -> list[str]:
    return list(dict.fromkeys(["Unreviewed", *get_settings().review_statuses]))


def filters(bundle: ReviewBundle) -> list[Claim]:
    cols = st.columns([1, 1, 1])
    types = cols[0].multiselect("Type", CLAIM_TYPES, key="f_types", placeholder="All types")
    verdicts = cols[1].multiselect(
        "Verdict",
        [*VERDICT_LABELS, UNCHECKED],
        format_func=verdict_title,
        key="f_verdicts",
        placeholder="All verdicts",
    )
    statuses = cols[2].multiselect(
        "Review status", _statuses(), key="f_statuses", placeholder="All statuses"
    )
    show_dismissed = st.toggle("Show dismissed claims", key="f_dismissed")
    shown = filter_claims(
        bundle, types=types, verdicts=verdicts, statuses=statuses, show_dismissed=show_dismissed
    )
    st.caption(f"Showing {len(shown)} of {len(bundle.claims)} claims")
    return shown


def add_claim_form(bundle: ReviewBundle) -> None:
    """A claim the extractor missed: its exact text in the article and its type."""
    with st.expander("Add a claim the tool missed", icon=":material/add_circle:"):
        with st.form("add_claim", clear_on_submit=True, border=False):
            st.text_input("Exact text from the article", key="add_text")
            left, right = st.columns(2)
            left.selectbox("Type", CLAIM_TYPES, key="add_type", index=CLAIM_TYPES.index("number"))
            right.number_input(
                "Occurrence",
                min_value=1,
                value=1,
                step=1,
                key="add_occurrence",
                help="If the text appears more than once, which one (1 = first).",
            )
            st.form_submit_button("Add and check", on_click=state.on_add_claim, args=(bundle.id,))
        if st.session_state.get("add_error"):
            st.error(st.session_state.add_error)


def panel(bundle: ReviewBundle, claim: Claim) -> None:
    rid, cid = bundle.id, claim.id
    label, status = verdict_of(bundle, cid), status_of(bundle, cid)
    dismissed = cid in bundle.dismissed
    verdict = bundle.verdicts.get(cid)
    with st.expander(panel_label(claim, label, status, dismissed), key=f"panel-{rid}-{cid}"):
        origin = " · added by a reviewer" if claim.origin == "reviewer" else ""
        st.markdown(
            f"{badge_html(label)} <span style='color:#5f6b76'>{html.escape(claim.type)} claim "
            f"{html.escape(cid)}{origin}</span>",
            unsafe_allow_html=True,
        )
        st.markdown(
            f"<blockquote style='margin:0.4rem 0'>{sentence_html(claim, label)}</blockquote>",
            unsafe_allow_html=True,
        )
        if verdict is not None:
            st.markdown(f"<p>{html.escape(verdict.explanation)}</p>", unsafe_allow_html=True)
            said, found = st.columns(2)
            said.caption("The article says")
            said.markdown(label_escape(verdict.claimed or "—"))
            found.caption("The records show")
            found.markdown(label_escape(verdict.found or "—"))
            for ev in verdict.evidence:
                when = (
                    f"retrieved {label_escape(ev.retrieved_at[:16].replace('T', ' '))} UTC"
                    if ev.retrieved_at
                    else "reference text, nothing fetched"
                )
                st.markdown(
                    f"**{label_escape(ev.source)}** · {md_link(ev.url, ev.title or ev.url)}"
                    f" · {when}"
                )
                if ev.excerpt:
                    st.caption(label_escape(ev.excerpt))
        else:
            st.caption("Not checked yet.")
        _marking(bundle, claim, status, dismissed, retry=bool(verdict and verdict.retryable))


def _marking(bundle: ReviewBundle, claim: Claim, status: str, dismissed: bool, retry: bool) -> None:
    rid, cid = bundle.id, claim.id
    mark = bundle.marks.get(cid)
    options = _statuses()
    if status not in options:
        options.append(status)
    left, right = st.columns([1, 2])
    left.selectbox(
        "Review status",
        options,
        index=options.index(status),
        key=f"status:{rid}:{cid}",
        on_change=state.on_status,
        args=(rid, cid),
    )
    right.text_area(
        "Note",
        value=mark.note if mark else "",
        key=f"note:{rid}:{cid}",
        on_change=state.on_note,
        args=(rid, cid),
        height=80,
        placeholder="What you found, where, and who you asked…",
    )
    buttons = st.container(horizontal=True, vertical_alignment="center")
    buttons.button(
        "Check again",
        key=f"again:{rid}:{cid}",
        type="primary" if retry else "secondary",
        icon=":material/refresh:",
        on_click=state.on_recheck,
        args=(rid, [cid]),
    )
    buttons.button(
        "Restore" if dismissed else "Dismiss",
        key=f"dismiss:{rid}:{cid}",
        icon=":material/undo:" if dismissed else ":material/block:",
        on_click=state.on_dismiss,
        args=(rid, cid, not dismissed),
        help="Not a claim? Dismiss it: it stays in the reports, marked dismissed.",
    )
    line = last_change(bundle, cid)
    if line:
        buttons.caption(line)
