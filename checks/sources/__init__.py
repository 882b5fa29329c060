"""Registry of public-source adapters: `SOURCES = {name: class}`.

Adapters written by other engineers are registered when their module exists, so that this
file never breaks the import of the package while they are being written.
"""

from __future__ import annotations

import importlib

from checks.sources.base import Source
from checks.sources.dhl import DhlSource

SOURCES: dict[str, type[Source]] = {DhlSource.name: DhlSource}

_OPTIONAL: tuple[tuple[str, str], ...] = (
    ("undl", "UndlSource"),
    ("wikipedia", "WikipediaSource"),
    ("wikidata", "WikidataSource"),
    ("gdelt", "GdeltSource"),
    ("factcheck", "FactCheckSource"),
)

for _module, _cls in _OPTIONAL:
    try:
        _mod = importlib.import_module(f"checks.sources.{_module}")
    except ModuleNotFoundError as _exc:
        if _exc.name != f"checks.sources.{_module}":
            raise  # the module exists but one of its own imports is missing: say so
        continue
    _source = getattr(_mod, _cls)
    SOURCES[_source.name] = _source

__all__ = ["SOURCES", "DhlSource", "Source"]
