"""Fact-checking workbench: paste an article, check its claims, mark them, download reports.

Run with `streamlit run app.py`. Layout only: every decision is in `checks.workbench`, the
widgets are in `ui/`. Claims are extracted at the top of the run after "Check claims"; their
verdicts come from a background check that nothing on the page can interrupt.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import streamlit as st

from ui import flush, panels, review, signin, state
from ui.browser import focus_first_claim, page_helpers
from ui.inputs import article_form, run_new
from ui.resources import get_pipeline, warm_extractors
from ui.sidebar import sidebar
from ui.timing import timing

st.set_page_config(
    page_title="Fact-checking workbench", page_icon=":material/fact_check:", layout="wide"
)
st.title("Fact-checking workbench", anchor=False)


def main() -> None:
    signin.gate()  # without [auth] in secrets.toml: nothing (the one-person tool)
    flush.body_started()
    page_helpers()
    get_pipeline()  # load the language model with the page, not on the first click of Check
    warm_extractors()  # and the extraction workers (once per server)

    job = st.session_state.pop("job", None)
    if job is not None:
        run_new(job)

    bundle = state.bundle()
    missing = st.session_state.pop("missing", None)
    if missing is not None:
        st.error(signin.missing_message(missing), icon=":material/error:")
    flash = st.session_state.pop("flash", None)
    if flash:
        st.warning(flash)

    sidebar(bundle.id if bundle else None)
    article_form(expanded=bundle is None)

    if bundle is not None:
        review.header(bundle)
        review.progress(bundle)
        review.summary()
        left, right = st.columns([6, 5], gap="large")
        with left:
            st.markdown("##### Claims")
            panels.claims_area()
        with right:
            st.markdown("##### Article")
            review.article(bundle)
        review.reports(bundle)
        review.history()
        if st.session_state.pop("focus_claim", False):
            focus_first_claim()


with timing("page"):
    main()
