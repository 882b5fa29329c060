"""A verdict panel per claim, the filters above them, and the form to add a missed claim.

The claims list is a fragment (a filter change redraws the list, not the page) and each panel
is one too (marking or a note redraws that panel, plus the counts that depend on it). A panel's
body is drawn only while it is open.
"""

from __future__ import annotations

import html

import streamlit as st

from checks.models import CLAIM_TYPES, VERDICT_LABELS, Claim
from checks.reports.markdown import md_link
from checks.store import ReviewBundle
from checks.workbench import (
    UNCHECKED,
    VERDICT_MEANINGS,
    badge_html,
    evidence_source,
    filter_claims,
    label_escape,
    last_change,
    panel_label,
    plain,
    sentence_html,
    source_credit,
    status_of,
    text_html,
    verdict_of,
    verdict_title,
)
from ui import flush, state
from ui.resources import get_settings
from ui.timing import timed


def _statuses() -> list[str]:
    return list(dict.fromkeys(["Unreviewed", *get_settings().review_statuses]))


@st.fragment(key="claims")
@timed("claims")
def claims_area() -> None:
    flush.body_started()
    bundle = state.bundle()
    if bundle is None:
        return
    shown = filters(bundle)
    add_claim_form(bundle)
    for claim in shown:
        st.fragment(_panel, key=state.panel_key(bundle.id, claim.id))(bundle.id, claim.id)


def filters(bundle: ReviewBundle) -> list[Claim]:
    with st.container(key="filters"):
        types = st.multiselect("Type", CLAIM_TYPES, key="f_types", placeholder="All types")
        verdicts = st.multiselect(
            "Verdict",
            [*VERDICT_LABELS, UNCHECKED],
            format_func=verdict_title,
            key="f_verdicts",
            placeholder="All verdicts",
        )
        statuses = st.multiselect(
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


@timed("panel")
def _panel(review_id: int, claim_id: str) -> None:
    flush.body_started()
    bundle = state.bundle()
    claim = next((c for c in bundle.claims if c.id == claim_id), None) if bundle else None
    if bundle is None or claim is None:
        return
    panel(bundle, claim)


def panel(bundle: ReviewBundle, claim: Claim) -> None:
    rid, cid = bundle.id, claim.id
    label, status = verdict_of(bundle, cid), status_of(bundle, cid)
    dismissed = cid in bundle.dismissed
    verdict = bundle.verdicts.get(cid)
    box = st.expander(
        panel_label(claim, label, status, dismissed),
        expanded=st.session_state.get(state.open_key(rid, cid), False),
        key=f"panel-{rid}-{cid}",
        on_change=state.on_panel_toggled,
        args=(rid, cid),
    )
    if not box.open:
        return
    with box:
        origin = " · added by a reviewer" if claim.origin == "reviewer" else ""
        st.markdown(
            f"{badge_html(label)} <span style='color:#5f6b76'>{html.escape(claim.type)} claim"
            f"{origin}</span>",
            unsafe_allow_html=True,
        )
        st.caption(VERDICT_MEANINGS.get(label, ""))
        st.markdown(
            f"<blockquote style='margin:0.4rem 0'>{sentence_html(claim, label)}</blockquote>",
            unsafe_allow_html=True,
        )
        if verdict is not None:
            _verdict(verdict)
        _marking(bundle, claim, status, dismissed, retry=bool(verdict and verdict.retryable))


def _verdict(verdict) -> None:
    said_plain = plain(verdict.explanation)
    st.markdown(f"<p>{html.escape(said_plain.text)}</p>", unsafe_allow_html=True)
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
            f"**{evidence_source(ev.source)}** · {md_link(ev.url, ev.title or ev.url)} · {when}"
        )
        if ev.excerpt:
            st.caption(label_escape(ev.excerpt))
        if source_credit(ev.source):
            st.caption(f"Source credit: {label_escape(source_credit(ev.source))}")
    if said_plain.details:
        with st.popover("Details", icon=":material/info:"):
            st.caption("Technical details, for whoever runs the workbench:")
            for item in said_plain.details:
                st.code(item, language=None)


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
    note_key = f"note:{rid}:{cid}"
    if note_key not in st.session_state:
        st.session_state[note_key] = mark.note if mark else ""
    right.text_area(
        "Note",
        key=note_key,
        on_change=state.on_note,
        args=(rid, cid),
        height=80,
        placeholder="What you found, where, and who you asked… (saved when you leave the box)",
    )
    message = st.session_state.get(f"note_msg:{rid}:{cid}")
    if message:
        right.warning(message, icon=":material/warning:")
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
        buttons.markdown(
            text_html(line, style="color:#5f6b76;font-size:0.875rem"), unsafe_allow_html=True
        )
