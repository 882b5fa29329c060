"""Session state and the callbacks that write to the store the moment a widget changes."""

from __future__ import annotations

from typing import Any

import streamlit as st

from checks.errors import CheckError
from checks.store import ReviewBundle, ReviewNotFound
from checks.workbench import Upload, build_added_claim, meta_date, parse_review_id
from ui.resources import get_pipeline, get_store


def reviewer() -> str:
    return str(st.session_state.get("reviewer") or "").strip()


def current_id() -> int | None:
    """The open review: from this session, else from ?review= (a reload or a shared link)."""
    if "review_id" not in st.session_state:
        st.session_state.review_id = parse_review_id(st.query_params.get("review"))
    return st.session_state.review_id


def open_review(review_id: int | None) -> None:
    st.session_state.review_id = review_id
    st.session_state.bundle = None
    if review_id is None:
        st.query_params.pop("review", None)
    else:
        st.query_params["review"] = str(review_id)


def bundle() -> ReviewBundle | None:
    """The open review, cached in the session; re-read from the store only after a write."""
    review_id = current_id()
    if review_id is None:
        return None
    cached = st.session_state.get("bundle")
    if cached is not None and cached.id == review_id:
        return cached
    try:
        loaded = get_store().load(review_id)
    except ReviewNotFound:
        st.session_state.review_id = None
        st.query_params.pop("review", None)
        st.session_state.flash = f"Review #{review_id} no longer exists."
        return None
    st.session_state.bundle = loaded
    return loaded


def changed() -> None:
    """Forget the cached review after a write, so the page shows what is stored."""
    st.session_state.bundle = None


def queue(job: dict[str, Any]) -> None:
    """Long work runs at the top of the next run, before any widget is drawn, so a click on
    the (stale) page is held by the browser instead of interrupting the check."""
    st.session_state.job = job


# -- callbacks -------------------------------------------------------------------------------


def on_check_clicked() -> None:
    ss = st.session_state
    upload = ss.get("article_file")
    queue(
        {
            "kind": "new",
            "text": ss.get("article_text", ""),
            "upload": Upload(upload.name, upload.getvalue()) if upload is not None else None,
            "date": ss.get("article_date"),
            "title": ss.get("article_title", ""),
            "source": ss.get("article_source", ""),
            "url": ss.get("article_url", ""),
        }
    )


def on_recheck(review_id: int, claim_ids: list[str]) -> None:
    queue({"kind": "recheck", "review_id": review_id, "ids": sorted(claim_ids)})


def on_status(review_id: int, claim_id: str) -> None:
    value = st.session_state[f"status:{review_id}:{claim_id}"]
    _write(lambda: get_store().set_mark(review_id, claim_id, status=value, reviewer=reviewer()))


def on_note(review_id: int, claim_id: str) -> None:
    value = st.session_state[f"note:{review_id}:{claim_id}"]
    _write(lambda: get_store().set_mark(review_id, claim_id, note=value, reviewer=reviewer()))


def on_dismiss(review_id: int, claim_id: str, dismissed: bool) -> None:
    _write(lambda: get_store().dismiss_claim(review_id, claim_id, reviewer(), dismissed))


def on_add_claim(review_id: int) -> None:
    ss = st.session_state
    current = bundle()
    if current is None:
        return
    try:
        claim = build_added_claim(
            current.text,
            ss.get("add_text", ""),
            ss.get("add_type", "number"),
            occurrence=int(ss.get("add_occurrence") or 1),
            pipeline=get_pipeline(),
            article_date=meta_date(current.meta),
        )
        added = get_store().add_claim(review_id, claim, reviewer=reviewer())
    except CheckError as exc:
        ss.add_error = str(exc)
        return
    ss.add_error = ""
    changed()
    on_recheck(review_id, [added.id])


def on_rename(review_id: int) -> None:
    name = st.session_state.get("rename", "")
    _write(lambda: get_store().rename(review_id, name, who=reviewer()))


def on_delete(review_id: int) -> None:
    _write(lambda: get_store().delete(review_id))
    if current_id() == review_id:
        open_review(None)


def _write(action: Any) -> None:
    try:
        action()
    except CheckError as exc:
        st.session_state.flash = f"Not saved: {exc}"
    changed()
