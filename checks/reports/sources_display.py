"""How reports name a source: the name people know it by, and the credit line it requires.

Verdicts record sources by short ids ("dhl", "votesdb"); a reader needs "UN Dag Hammarskjöld
Library". Some data is licensed on condition of attribution (the Sciences Po votes database is
CC BY 4.0), so its credit line must appear wherever its facts are shown. Kept as data here so
the reports and the UI name sources the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class SourceDisplay:
    """A source as shown to people; `attribution` is required credit, empty when none is due."""

    name: str
    url: str = ""
    attribution: str = ""


VOTES_DB_ATTRIBUTION = (
    '"UNSC votes since 1946 Database", B. Martin, Sciences Po, CC BY 4.0, doi:10.21410/7E4/Z0KECE'
)

#: Source id (as in `Evidence.source`) to its display name, home page and credit line.
SOURCES_DISPLAY: dict[str, SourceDisplay] = {
    "dhl": SourceDisplay("UN Dag Hammarskjöld Library", "https://www.un.org/depts/dhl/resguide/"),
    "veto-list": SourceDisplay(
        "UN Dag Hammarskjöld Library veto list", "https://www.un.org/depts/dhl/resguide/scact_veto"
    ),
    "votesdb": SourceDisplay(
        "UNSC votes database (Sciences Po)",
        "https://doi.org/10.21410/7E4/Z0KECE",
        VOTES_DB_ATTRIBUTION,
    ),
    "undl": SourceDisplay("UN Digital Library", "https://digitallibrary.un.org/"),
    "un-documents": SourceDisplay("UN Official Document System", "https://docs.un.org/"),
    "un-charter": SourceDisplay("UN Charter", "https://www.un.org/en/about-us/un-charter"),
    "calendar": SourceDisplay("Calendar"),
    "wikipedia": SourceDisplay(
        "Wikipedia", "https://en.wikipedia.org/", "Wikipedia text, CC BY-SA 4.0"
    ),
    "wikidata": SourceDisplay("Wikidata", "https://www.wikidata.org/"),
    "gdelt": SourceDisplay("GDELT news search", "https://www.gdeltproject.org/"),
    "factcheck": SourceDisplay("Google Fact Check Tools", "https://toolbox.google.com/factcheck/"),
}


def source_display(source_id: str) -> SourceDisplay:
    """The display record; an unknown id is shown as it is rather than hidden."""
    return SOURCES_DISPLAY.get(source_id) or SourceDisplay(source_id)


def source_name(source_id: str) -> str:
    return source_display(source_id).name


def source_attribution(source_id: str) -> str:
    return source_display(source_id).attribution


def attributions(source_ids: Iterable[str]) -> list[tuple[str, str]]:
    """(name, credit line) of each source that requires credit, once each, in first-seen order."""
    out: dict[str, tuple[str, str]] = {}
    for source_id in source_ids:
        shown = source_display(source_id)
        if shown.attribution and source_id not in out:
            out[source_id] = (shown.name, shown.attribution)
    return list(out.values())
