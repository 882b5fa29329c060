"""The workbench's core: input, checking, summary counts, filters and reviewer-added claims.

The app (`app.py` and `ui/`) only lays out widgets and calls these. Nothing here imports
Streamlit, so every decision the UI makes (which text to read, what to count, which claims to
show, how a reviewer's selection becomes a claim, what a report file is called) has a unit test.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import pandas as pd

from checks.config import Settings
from checks.errors import InputError
from checks.extract import Extraction, extract_claims, find_dateline
from checks.models import CLAIM_TYPES, VERDICT_LABELS, ArticleMeta, Claim, Verdict
from checks.nlp import Pipeline
from checks.pipeline import check_claims
from checks.reports import verdict_colour
from checks.reports.common import safe_link
from checks.store import UNREVIEWED, ReviewBundle, ReviewStore
from checks.textio import ArticleText, prepare_text
from checks.verdicts import Services

#: The label of a claim that has no verdict yet (interrupted check, or just added by hand).
UNCHECKED = "unchecked"
#: Streamlit's named palette for badges in Markdown labels (expanders cannot take raw HTML);
#: the article view and panels use the report's exact verdict colours instead.
BADGE_COLOURS: dict[str, str] = {
    "supported": "blue",
    "contradicted": "red",
    "partly_supported": "orange",
    "not_found": "violet",
    "unverifiable": "gray",
    "source_unavailable": "gray",
    UNCHECKED: "gray",
}
UPLOAD_TYPES: tuple[str, ...] = ("txt", "md", "html", "htm", "docx")


# -- configuration ---------------------------------------------------------------------------


def flat_secrets(secrets: Mapping[str, Any] | None) -> dict[str, Any]:
    """The top-level scalar entries of st.secrets; tables such as [auth] are not settings."""
    if not secrets:
        return {}
    return {k: v for k, v in secrets.items() if not isinstance(v, Mapping)}


def settings_from(env: Mapping[str, str], secrets: Mapping[str, Any] | None = None) -> Settings:
    """Settings from the environment, overridden by `.streamlit/secrets.toml` (flat CHECKS_*)."""
    return Settings.from_mapping({**env, **flat_secrets(secrets)})


# -- input -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Upload:
    """An uploaded file, reduced to what `prepare_text` needs."""

    name: str
    data: bytes


#: The two ways to give an article; the form shows one at a time, so it is always visible
#: which one will be checked.
PASTE, UPLOAD = "Paste text", "Upload a file"
INPUT_MODES: tuple[str, ...] = (PASTE, UPLOAD)


def chosen_input(mode: str | None, pasted: str, upload: Upload | None) -> tuple[str, Upload | None]:
    """The one input the reviewer chose: pasted text in paste mode, the file in upload mode.

    The other is dropped even if it is still held somewhere, so a file chosen earlier can never
    be checked under a pasted article's title."""
    if mode == UPLOAD:
        return "", upload
    return pasted or "", None


def read_article(pasted: str, upload: Upload | None, *, max_chars: int) -> ArticleText:
    """The article to check: the uploaded file if there is one, else the pasted text.

    Raises InputError (a message for the journalist) for empty, oversized or unreadable input.
    """
    if upload is not None:
        return prepare_text(upload.data, max_chars=max_chars, filename=upload.name)
    return prepare_text(pasted or "", max_chars=max_chars)


def guess_date(raw: str | bytes, filename: str = "") -> date | None:
    """The dateline's date, to pre-fill the date box; None when absent or unreadable."""
    try:
        text = prepare_text(raw, max_chars=10**7, filename=filename).text
    except InputError:
        return None
    return find_dateline(text)


def make_meta(article_date: date | None, title: str, source: str, url: str) -> ArticleMeta:
    """Article metadata as stored; a URL that is not plain http(s) is refused."""
    url = url.strip()
    if url and safe_link(url) is None:
        raise InputError("The article URL must start with http:// or https://.")
    return ArticleMeta(
        date=article_date.isoformat() if article_date else None,
        title=title.strip(),
        source=source.strip(),
        url=url,
    )


def meta_date(meta: ArticleMeta) -> date | None:
    """The stored publication date as a date (None when missing or malformed)."""
    try:
        return date.fromisoformat(meta.date) if meta.date else None
    except ValueError:
        return None


def with_page_metadata(meta: ArticleMeta, article: ArticleText) -> ArticleMeta:
    """Fill what the reviewer left empty from the file itself (an HTML page's title,
    publication date, site name and address, a Word file's title); what the reviewer typed
    always wins."""
    page = article.metadata or {}
    return replace(
        meta,
        title=meta.title or article.title,
        date=meta.date or (article.date.isoformat() if article.date else None),
        source=meta.source or page.get("site_name", "").strip(),
        url=meta.url or safe_link(page.get("url", "")) or "",
    )


def extract_article(
    text: str,
    article_date: date | None,
    *,
    pipeline: Pipeline | None,
    budget: Settings | None = None,
) -> list[Claim]:
    """The claims of a stored article, read again (to check it, or with a new date). With a
    budget (CHECKS_EXTRACT_SECONDS > 0) the reading runs in the extraction workers, so a
    pathological text cannot hold the server; what was read in time is used."""
    if budget is not None and budget.extract_seconds > 0:
        from checks.guard import extract_with_budget

        return extract_with_budget(
            text,
            article_date,
            model=budget.spacy_model,
            seconds=budget.extract_seconds,
            workers=budget.extract_workers,
            memory_mb=budget.extract_memory_mb,
        ).extraction.claims
    return extract_claims(text, article_date=article_date, pipeline=pipeline).claims


def start_review(
    store: ReviewStore,
    article: ArticleText,
    meta: ArticleMeta,
    *,
    pipeline: Pipeline,
    reviewer: str = "",
    budget: Settings | None = None,
    access: Mapping[str, str] | None = None,
) -> tuple[int, Extraction]:
    """Extract the claims and save them as a new review (verdicts come later, one by one).

    With `budget` (the settings' CHECKS_EXTRACT_SECONDS > 0), extraction runs in a worker
    process within that time (`checks.guard`), so a pathological paste cannot freeze every
    session; claims found before the budget ran out are kept, with a message."""
    source = "user" if meta.date else "metadata"
    meta = with_page_metadata(meta, article)
    if budget is not None and budget.extract_seconds > 0:
        from checks.guard import extract_with_budget

        extraction = extract_with_budget(
            article.text,
            meta_date(meta),
            model=budget.spacy_model,
            seconds=budget.extract_seconds,
            workers=budget.extract_workers,
            memory_mb=budget.extract_memory_mb,
            article_date_source=source if meta.date else "user",
        ).extraction
    else:
        extraction = extract_claims(article.text, article_date=meta_date(meta), pipeline=pipeline)
    if meta.date is None and extraction.article_date is not None:
        meta = replace(meta, date=extraction.article_date.isoformat())
    review_id = store.create_review(
        article.text,
        meta,
        extraction.claims,
        created_by=reviewer,
        model=extraction.model,
        warnings=[*article.warnings, *extraction.warnings],
        **(access or {}),
    )
    return review_id, extraction


# -- checking --------------------------------------------------------------------------------


def with_parse(stored: Sequence[Claim], extracted: Iterable[Claim]) -> list[Claim]:
    """Stored claims with the parse details the store does not keep (root, heads, governor),
    copied from a fresh extraction of the same text, so a re-check reads claims as the first
    check did."""
    parse = {(c.type, c.start, c.end): c for c in extracted}
    out = []
    for claim in stored:
        twin = parse.get((claim.type, claim.start, claim.end))
        if twin is None:
            out.append(claim)
        else:
            out.append(replace(claim, root=twin.root, heads=twin.heads, governor=twin.governor))
    return out


def run_check(
    store: ReviewStore,
    bundle: ReviewBundle,
    *,
    settings: Settings,
    pipeline: Pipeline,
    only: set[str] | None = None,
    on_verdict: Callable[[Claim, Verdict], None] | None = None,
    services: Services | None = None,
    extracted: Sequence[Claim] | None = None,
) -> dict[str, Verdict]:
    """Check claims of a stored review, saving each verdict the moment it arrives.

    Saving per verdict means an interrupted check loses nothing already found; the claims
    left without a verdict are offered for checking again. With `only`, the other claims'
    stored verdicts go along, so the cross-claim step sees the whole article. `extracted`
    (the claims just extracted, parse included) saves extracting the article a second time.
    """
    article_date = meta_date(bundle.meta)
    if extracted is None:
        extracted = extract_article(bundle.text, article_date, pipeline=pipeline, budget=settings)
    claims = with_parse(bundle.claims, extracted)

    def save(claim: Claim, verdict: Verdict) -> None:
        store.save_verdicts(bundle.id, {claim.id: verdict})
        if on_verdict is not None:
            on_verdict(claim, verdict)

    return check_claims(
        bundle.text,
        claims,
        article_date,
        settings=settings,
        services=services,
        on_verdict=save,
        only=only,
        previous=bundle.verdicts if only is not None else None,
    )


def unchecked_ids(bundle: ReviewBundle) -> set[str]:
    """Claims still waiting for a verdict (dismissed ones are not worth checking)."""
    return {
        c.id for c in bundle.claims if c.id not in bundle.verdicts and c.id not in bundle.dismissed
    }


# -- summary and filters ---------------------------------------------------------------------


def verdict_of(bundle: ReviewBundle, claim_id: str) -> str:
    verdict = bundle.verdicts.get(claim_id)
    return verdict.label if verdict else UNCHECKED


def status_of(bundle: ReviewBundle, claim_id: str) -> str:
    mark = bundle.marks.get(claim_id)
    return mark.status if mark and mark.status else UNREVIEWED


def verdict_title(label: str) -> str:
    """'partly_supported' -> 'Partly supported'; the words always go with the colour."""
    return "Not checked" if label == UNCHECKED else verdict_colour(label).label


def summary_frame(bundle: ReviewBundle, statuses: Sequence[str]) -> pd.DataFrame:
    """Claim counts by verdict and by review status (dismissed claims left out).

    Columns: group ("Verdict" or "Review status"), label, claims, colour; every verdict and
    status appears, with 0 when none, so the chart's bars keep their places.
    """
    live = [c for c in bundle.claims if c.id not in bundle.dismissed]
    rows: list[dict[str, Any]] = []
    for label in (*VERDICT_LABELS, UNCHECKED):
        n = sum(1 for c in live if verdict_of(bundle, c.id) == label)
        if label == UNCHECKED and n == 0:
            continue
        colour = verdict_colour(None if label == UNCHECKED else label).colour
        rows.append(
            {"group": "Verdict", "label": verdict_title(label), "claims": n, "colour": colour}
        )
    names = list(dict.fromkeys([UNREVIEWED, *statuses]))
    names += sorted({status_of(bundle, c.id) for c in live} - set(names))
    for status in names:
        n = sum(1 for c in live if status_of(bundle, c.id) == status)
        rows.append({"group": "Review status", "label": status, "claims": n, "colour": "#5b6f82"})
    return pd.DataFrame(rows, columns=["group", "label", "claims", "colour"])


def filter_claims(
    bundle: ReviewBundle,
    *,
    types: Iterable[str] = (),
    verdicts: Iterable[str] = (),
    statuses: Iterable[str] = (),
    show_dismissed: bool = False,
) -> list[Claim]:
    """Claims in reading order that match every non-empty filter (an empty filter keeps all)."""
    types, verdicts, statuses = set(types), set(verdicts), set(statuses)
    out = []
    for claim in sorted(bundle.claims, key=lambda c: (c.start, c.end, c.id)):
        if claim.id in bundle.dismissed and not show_dismissed:
            continue
        if types and claim.type not in types:
            continue
        if verdicts and verdict_of(bundle, claim.id) not in verdicts:
            continue
        if statuses and status_of(bundle, claim.id) not in statuses:
            continue
        out.append(claim)
    return out


# -- reviewer-added claims -------------------------------------------------------------------


def find_occurrences(text: str, snippet: str) -> list[int]:
    """Start offsets of every occurrence of `snippet` in `text` (overlaps included)."""
    if not snippet:
        return []
    starts, i = [], text.find(snippet)
    while i != -1:
        starts.append(i)
        i = text.find(snippet, i + 1)
    return starts


_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]*\s+|\n+")


#: At most this many characters of "sentence" either side of an added claim: a text without
#: sentence ends would otherwise make the whole article the sentence to store and re-read.
SENTENCE_REACH = 1_000


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around text[start:end]: from the last sentence end before it to the next,
    reaching at most SENTENCE_REACH characters either side."""
    left = max(0, start - SENTENCE_REACH)
    for m in _SENTENCE_END.finditer(text, left, start):
        left = m.end()
    m = _SENTENCE_END.search(text, end, end + SENTENCE_REACH)
    right = m.start() if m else min(len(text), end + SENTENCE_REACH)
    return left, max(right, end)


def build_added_claim(
    text: str,
    snippet: str,
    claim_type: str,
    *,
    occurrence: int = 1,
    pipeline: Pipeline | None = None,
    article_date: date | None = None,
) -> Claim:
    """A reviewer's claim from its exact text in the article (the n-th occurrence, from 1).

    The sentence comes from the text around it; the value (numbers, symbols, names the rules
    compare) comes from extracting that sentence, when the extractor can read a claim of the
    chosen type there. Raises InputError with a message for the reviewer.
    """
    snippet = snippet.strip()
    if not snippet:
        raise InputError("Type or paste the claim's exact text from the article.")
    if claim_type not in CLAIM_TYPES:
        raise InputError(
            f"Unknown claim type {claim_type!r}; choose one of {', '.join(CLAIM_TYPES)}."
        )
    starts = find_occurrences(text, snippet)
    if not starts:
        raise InputError(
            "That text is not in the article. Copy it exactly from the article view "
            "(same quotes, dashes and spacing)."
        )
    if not 1 <= occurrence <= len(starts):
        raise InputError(
            f"The text occurs {len(starts)} time(s); occurrence {occurrence} is out of range."
        )
    start = starts[occurrence - 1]
    end = start + len(snippet)
    s_start, s_end = sentence_bounds(text, start, end)
    value: dict[str, Any] = {}
    if pipeline is not None:
        sentence = text[s_start:s_end]
        found = extract_claims(sentence, article_date=article_date, pipeline=pipeline).claims
        lo, hi = start - s_start, end - s_start
        same = [c for c in found if c.type == claim_type and c.start < hi and lo < c.end]
        if same:
            value = dict(same[0].value)
    return Claim(
        id="r0",  # the store gives it its real id
        type=claim_type,
        start=start,
        end=end,
        text=snippet,
        sentence=text[s_start:s_end],
        value=value,
        sentence_start=s_start,
        origin="reviewer",
    )


def shorten(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
