"""Process-wide resources, built once: settings, the spaCy pipeline, the sources, the store."""

from __future__ import annotations

import os
from typing import Any

import streamlit as st

from checks.config import Settings
from checks.nlp import Pipeline, load_pipeline
from checks.pipeline import build_services
from checks.store import ReviewStore
from checks.verdicts import Services
from checks.workbench import CheckJobs, settings_from


def _secrets() -> dict[str, Any]:
    """The secrets table, or nothing when there is no secrets.toml (the usual laptop case)."""
    try:
        if not st.secrets.load_if_toml_exists():
            return {}
        return st.secrets.to_dict()
    except Exception:  # a malformed secrets.toml must not stop the app; env still applies
        return {}


@st.cache_resource(show_spinner=False)
def get_settings() -> Settings:
    return settings_from(os.environ, _secrets())


@st.cache_resource(show_spinner="Loading the language model…")
def get_pipeline() -> Pipeline:
    return load_pipeline(get_settings().spacy_model)


@st.cache_resource(show_spinner=False)
def get_services() -> Services:
    return build_services(get_settings())


@st.cache_resource(show_spinner=False)
def get_store() -> ReviewStore:
    return ReviewStore.from_settings(get_settings())


@st.cache_resource(show_spinner=False)
def get_jobs() -> CheckJobs:
    """Background checks of this process, shared by every session (a check outlives its tab)."""
    return CheckJobs()


@st.cache_resource(show_spinner=False)
def warm_extractors() -> Any:
    """Start the extraction workers with the app (each loads the language model once), so the
    first article is not kept waiting; None when extraction runs in the server
    (CHECKS_EXTRACT_SECONDS = 0)."""
    settings = get_settings()
    if settings.extract_seconds <= 0:
        return None
    from checks.guard import shared_pool

    return shared_pool(settings.spacy_model, settings.extract_workers, settings.extract_memory_mb)
