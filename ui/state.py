"""Session state and the callbacks that write to the store the moment a widget changes."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import streamlit as st

from checks.errors import CheckError
from checks.models import Claim
from checks.store import UNREVIEWED, EditConflict, ReviewBundle, ReviewNotFound
from checks.workbench import (
    PASTE,
    Progress,
    Upload,
    apply_details,
    build_added_claim,
    make_meta,
    meta_date,
    parse_review_id,
    run_check,
)
from ui import signin
from ui.resources import get_jobs, get_pipeline, get_services, get_settings, get_store
from ui.timing import timed

#: The article form's widgets; "New article" and a started check clear them all.
FORM_KEYS = ("article_text", "article_date", "article_title", "article_source", "article_url")


def reviewer() -> str:
    """The signed-in name and e-mail; without sign-in, the name typed in the sidebar."""
    return signin.who(str(st.session_state.get("reviewer") or "").strip())


def seen_version(review_id: int, claim_id: str) -> int | None:
    """The version of the claim's mark on the page (the cached bundle): a save over a newer
    change is refused (EditConflict). None (no check) when nothing is cached."""
    cached = st.session_state.get("bundle")
    return cached.versions.get(claim_id) if cached is not None and cached.id == review_id else None


def current_id() -> int | None:
    """The open review: from this session, else from ?review= (a reload or a shared link)."""
    if "review_id" not in st.session_state:
        st.session_state.review_id = parse_review_id(st.query_params.get("review"))
    return st.session_state.review_id


def upload_key() -> str:
    """The uploader's key changes with each new form: a file chosen for one article can
    never stay selected for the next (an uploader cannot be cleared through session state)."""
    return f"article_file_{st.session_state.get('form_gen', 0)}"


def reset_form() -> None:
    """Empty every input of the form. Values are set, not deleted: a deleted key would be sent
    back by the browser, which still shows the old value."""
    ss = st.session_state
    for key in FORM_KEYS:
        ss[key] = None if key == "article_date" else ""
    ss.article_mode = PASTE
    ss.form_gen = ss.get("form_gen", 0) + 1


def open_review(review_id: int | None) -> None:
    st.session_state.review_id = review_id
    st.session_state.edit_done = ""
    st.session_state.bundle = None
    if review_id is None:
        st.query_params.pop("review", None)
        reset_form()
    else:
        st.query_params["review"] = str(review_id)


def on_open(review_id: int | None) -> None:
    """A click in the review list (a fragment): open it and redraw the whole page."""
    open_review(review_id)
    st.rerun()


def bundle() -> ReviewBundle | None:
    """The open review, cached in the session; re-read from the store only after a write."""
    review_id = current_id()
    if review_id is None:
        return None
    cached = st.session_state.get("bundle")
    if cached is not None and cached.id == review_id:
        return cached
    try:
        loaded = signin.load_review(get_store(), review_id)
    except ReviewNotFound:
        st.session_state.review_id = None
        st.query_params.pop("review", None)
        st.session_state.missing = review_id
        return None
    st.session_state.bundle = loaded
    return loaded


def changed() -> None:
    """Forget the cached review after a write, so the page shows what is stored."""
    st.session_state.bundle = None


def queue(job: dict[str, Any]) -> None:
    """Extraction runs at the top of the next run, before any widget is drawn."""
    st.session_state.job = job


def start_check(
    review_id: int, only: Iterable[str] | None = None, extracted: list[Claim] | None = None
) -> Progress:
    """Check claims in the background: the check finishes whatever the page does next."""
    store, jobs = get_store(), get_jobs()
    settings, pipeline, services = get_settings(), get_pipeline(), get_services()
    subset = None if only is None else set(only)
    ids = subset if subset is not None else {c.id for c in store.load(review_id).claims}

    def work(on_verdict: Any) -> None:
        run_check(
            store,
            store.load(review_id),
            settings=settings,
            pipeline=pipeline,
            services=services,
            only=subset,
            on_verdict=on_verdict,
            extracted=extracted,
        )

    progress = jobs.start(review_id, ids, work)
    if progress.claim_ids != frozenset(ids):
        st.session_state.flash = (
            "This review is still being checked; check again when it has finished."
        )
    st.session_state.checking = review_id  # focus the first claim when it ends
    return progress


def rerun_parts(*keys: str) -> None:
    """Redraw only these fragments after a callback (not the whole page)."""
    st.rerun(list(keys))


# -- callbacks -------------------------------------------------------------------------------


def on_check_clicked() -> None:
    ss = st.session_state
    upload = ss.get(upload_key())
    queue(
        {
            "kind": "new",
            "mode": ss.get("article_mode") or PASTE,
            "text": ss.get("article_text", ""),
            "upload": Upload(upload.name, upload.getvalue()) if upload is not None else None,
            "date": ss.get("article_date"),
            "title": ss.get("article_title", ""),
            "source": ss.get("article_source", ""),
            "url": ss.get("article_url", ""),
        }
    )


def on_recheck(review_id: int, claim_ids: list[str]) -> None:
    start_check(review_id, claim_ids)
    changed()
    st.rerun()  # the whole page: the progress bar appears above the claims


def panel_key(review_id: int, claim_id: str) -> str:
    return f"frag-{review_id}-{claim_id}"


def open_key(review_id: int, claim_id: str) -> str:
    return f"open:{review_id}:{claim_id}"


@timed("on_panel_toggled")
def on_panel_toggled(review_id: int, claim_id: str) -> None:
    """Remember which panels are open: a panel whose title changes (a new status, a new
    verdict) is a new widget to Streamlit, and would otherwise close."""
    key = f"panel-{review_id}-{claim_id}"
    st.session_state[open_key(review_id, claim_id)] = bool(st.session_state.get(key))


@timed("on_status")
def on_status(review_id: int, claim_id: str) -> None:
    value = st.session_state[f"status:{review_id}:{claim_id}"]
    seen = seen_version(review_id, claim_id)
    _mark_write(
        review_id,
        claim_id,
        lambda: get_store().set_mark(
            review_id, claim_id, status=value, reviewer=reviewer(), expected_version=seen
        ),
    )
    rerun_parts(panel_key(review_id, claim_id), "summary", "reviews", "history")


@timed("on_note")
def on_note(review_id: int, claim_id: str) -> None:
    """Save the note; if the store had to replace characters, show what was saved."""
    key = f"note:{review_id}:{claim_id}"
    save_note(review_id, claim_id, st.session_state[key])


def save_note(review_id: int, claim_id: str, value: str) -> None:
    seen = seen_version(review_id, claim_id)
    try:
        saved = get_store().set_mark(
            review_id, claim_id, note=value, reviewer=reviewer(), expected_version=seen
        )
    except EditConflict as exc:
        show_conflict(exc)
        return
    except CheckError as exc:
        st.session_state[f"note_msg:{review_id}:{claim_id}"] = f"Not saved: {exc}"
        return
    finally:
        changed()
    message = ""
    if saved.note != value:
        st.session_state[f"note:{review_id}:{claim_id}"] = saved.note
        message = (
            "Some characters could not be stored and were replaced with \ufffd; "
            "the note is saved as shown."
        )
    st.session_state[f"note_msg:{review_id}:{claim_id}"] = message


@timed("on_dismiss")
def on_dismiss(review_id: int, claim_id: str, dismissed: bool) -> None:
    seen = seen_version(review_id, claim_id)
    _mark_write(
        review_id,
        claim_id,
        lambda: get_store().dismiss_claim(
            review_id, claim_id, reviewer(), dismissed, expected_version=seen
        ),
    )
    rerun_parts("claims", "summary", "reviews", "history")


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


def on_edit_details(review_id: int) -> None:
    """Save title, outlet, URL and date; a new date re-reads and re-checks what it affects."""
    ss = st.session_state
    current = bundle()
    if current is None:
        return
    try:
        meta = make_meta(
            ss.get("edit_date"),
            ss.get("edit_title", ""),
            ss.get("edit_source", ""),
            ss.get("edit_url", ""),
        )
        change = apply_details(
            get_store(),
            current,
            meta,
            pipeline=get_pipeline(),
            who=reviewer(),
            budget=get_settings(),
        )
    except CheckError as exc:
        ss.edit_error = str(exc)
        return
    ss.edit_error = ""
    changed()
    if change.date_changed:
        notices = ss.setdefault("notices", {})
        notices[review_id] = [n for n in notices.get(review_id, []) if "date" not in n.lower()]
        if change.recheck:
            everything = {c.id for c in current.claims if c.id not in current.dismissed}
            start_check(review_id, None if change.recheck >= everything else change.recheck)
        ss.edit_done = (
            f"Publication date set to {meta.date or 'none'}: {len(change.values)} claim(s) "
            f"re-read, {len(change.recheck)} being checked again. Marks and notes are kept."
        )
    else:
        ss.edit_done = "Details saved."


def on_rename(review_id: int) -> None:
    name = st.session_state.get("rename", "")
    _write(lambda: get_store().rename(review_id, name, who=reviewer()))


def on_delete(review_id: int) -> None:
    _write(lambda: get_store().delete(review_id, who=reviewer()))  # archived, not erased
    if current_id() == review_id:
        open_review(None)


def _write(action: Any) -> None:
    try:
        action()
    except CheckError as exc:
        st.session_state.flash = f"Not saved: {exc}"
    changed()


def _mark_write(review_id: int, claim_id: str, action: Any) -> None:
    """A status or dismissal: a conflict is told in the claim's panel (which is what redraws)."""
    try:
        action()
    except EditConflict as exc:
        show_conflict(exc)
    except CheckError as exc:
        st.session_state.flash = f"Not saved: {exc}"
    finally:
        changed()


def show_conflict(exc: EditConflict) -> None:
    """Say whose change stopped this one, and put the stored status and note back in the
    widgets: the page must show what is saved, not the refused edit."""
    rid, cid, current = exc.review_id, exc.claim_id, exc.current
    ss = st.session_state
    ss[f"note_msg:{rid}:{cid}"] = f"Not saved: {exc}"
    ss[f"note:{rid}:{cid}"] = current.note or ""
    ss[f"status:{rid}:{cid}"] = current.status or UNREVIEWED
    changed()
