"""Fact-checking workbench: paste an article, check its claims, mark them, download reports.

Run with `streamlit run app.py`. Layout only: every decision is in `checks.workbench`, the
widgets are in `ui/`. A queued check runs first, before any widget is drawn, so clicks on the
page during a check wait instead of cutting it short.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import streamlit as st

from ui import panels, review, state
from ui.inputs import article_form, run_job
from ui.resources import get_pipeline
from ui.sidebar import sidebar

st.set_page_config(
    page_title="Fact-checking workbench", page_icon=":material/fact_check:", layout="wide"
)
st.title("Fact-checking workbench", anchor=False)
get_pipeline()  # load the language model with the page, not on the first click of Check

job = st.session_state.pop("job", None)
if job is not None:
    run_job(job)

flash = st.session_state.pop("flash", None)
if flash:
    st.warning(flash)

bundle = state.bundle()
sidebar(bundle.id if bundle else None)
article_form(expanded=bundle is None)

if bundle is not None:
    review.header(bundle)
    review.summary(bundle)
    left, right = st.columns([5, 6], gap="large")
    with left:
        st.markdown("##### Article")
        review.article(bundle)
    with right:
        st.markdown("##### Claims")
        shown = panels.filters(bundle)
        panels.add_claim_form(bundle)
        for claim in shown:
            panels.panel(bundle, claim)
    review.reports(bundle)
    review.history(bundle)
