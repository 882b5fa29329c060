"""Wikidata: which positions a person held (P39), and when, to check "X, the deputy minister…".

Wikidata is a cross-reference, not an authority: dates carry a precision (year, month, day) and
the answer to "did they hold it on that date?" is True/False only when the dates settle it,
None otherwise. Labels are resolved in one batched `wbgetentities` call.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any
from urllib.parse import urlparse

from checks.errors import SourceError, SourceParseError, SourceRateLimited
from checks.sources.base import Query, Source, SourceRecord

HUMAN = "Q5"
SC_RESOLUTION = "Q877358"
OF_QUALIFIERS = ("P642", "P1001")  # "of" (deprecated on Wikidata, still present) / jurisdiction


@dataclass(frozen=True)
class WikiTime:
    """A Wikidata time value cut to its precision; `lo`..`hi` is the span it may denote."""

    text: str  # "2015-07-20", "2015-07" or "2015"
    lo: date
    hi: date


def parse_time(value: Any) -> WikiTime | None:
    """`{"time": "+2015-07-20T00:00:00Z", "precision": 11}` -> WikiTime; None if unusable."""
    if not isinstance(value, dict):
        return None
    m = re.match(r"^\+?(\d{4,})-(\d{2})-(\d{2})", str(value.get("time", "")))
    if not m:
        return None
    year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    precision = int(value.get("precision", 11))
    try:
        if precision >= 11 and month and day:
            d = date(year, month, day)
            return WikiTime(d.isoformat(), d, d)
        if precision == 10 and month:
            first = date(year, month, 1)
            last = (date(year + (month == 12), month % 12 + 1, 1)) - timedelta(days=1)
            return WikiTime(f"{year:04d}-{month:02d}", first, last)
        if precision == 9:
            return WikiTime(f"{year:04d}", date(year, 1, 1), date(year, 12, 31))
    except ValueError:
        return None
    return None  # decades and coarser say too little to compare


def _snak_value(snak: Any) -> Any:
    if not isinstance(snak, dict) or snak.get("snaktype") != "value":
        return None
    return (snak.get("datavalue") or {}).get("value")


def _item_id(snak: Any) -> str | None:
    value = _snak_value(snak)
    return value.get("id") if isinstance(value, dict) else None


def parse_span(text: str | None) -> WikiTime | None:
    """ "2015", "2015-07" or "2015-07-20" (as `WikiTime.text` writes them) back to a WikiTime."""
    if not text:
        return None
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", text.strip())
    if not m:
        return None
    month, day = m.group(2), m.group(3)
    precision = 11 if day else 10 if month else 9
    stamp = f"+{m.group(1)}-{month or '00'}-{day or '00'}T00:00:00Z"
    return parse_time({"time": stamp, "precision": precision})


def held_during(
    start: WikiTime | None,
    end: WikiTime | None,
    end_unknown: bool,
    lo: date,
    hi: date,
    *,
    throughout: bool = False,
) -> bool | None:
    """Was the position held at some point of `lo`..`hi` (or, with `throughout`, all of it)?
    True/False when the recorded dates settle it, None otherwise. A statement with a start and
    no end recorded is taken as still held, as Wikidata means it."""
    if start is not None and start.lo > hi:
        return False
    if end is not None and end.hi < lo:
        return False
    if start is None:
        return None
    first, last = (lo, hi) if throughout else (hi, lo)
    started = start.hi <= first
    ongoing = (end is None and not end_unknown) or (end is not None and end.lo >= last)
    if started and ongoing:
        return True
    if throughout and (start.lo > lo or (end is not None and end.hi < hi)):
        return False  # surely began after the period began, or ended before it ended
    return None


def held_on(
    start: WikiTime | None, end: WikiTime | None, end_unknown: bool, on: date
) -> bool | None:
    """True/False when the dates settle whether the position was held on `on`, else None."""
    return held_during(start, end, end_unknown, on, on)


def check_error(payload: Any, url: str = "") -> None:
    """Raise for an API `{"error": …}` body, which Wikibase sends with HTTP 200."""
    if not isinstance(payload, dict):
        raise SourceParseError("Wikidata answer is not a JSON object", source="wikidata", url=url)
    error = payload.get("error")
    if not error:
        return
    code = str(error.get("code", "")) if isinstance(error, dict) else str(error)
    if code in {"ratelimited", "maxlag"}:
        raise SourceRateLimited(f"Wikidata API error {code}", source="wikidata", url=url)
    info = error.get("info", "") if isinstance(error, dict) else ""
    raise SourceError(f"Wikidata API error {code}: {info}", source="wikidata", url=url)


def parse_search(payload: Any, url: str = "") -> list[dict[str, Any]]:
    """Candidates of a `wbsearchentities` answer: id, label, description, in rank order."""
    check_error(payload, url)
    hits = payload.get("search", [])
    if not isinstance(hits, list):
        raise SourceParseError("wbsearchentities: 'search' is not a list", source="wikidata")
    return [
        {"id": h["id"], "label": h.get("label"), "description": h.get("description")}
        for h in hits
        if isinstance(h, dict) and isinstance(h.get("id"), str)
    ]


def parse_entities(payload: Any, url: str = "") -> dict[str, dict[str, Any]]:
    """Entities of a `wbgetentities` answer keyed by id; missing ones are left out."""
    check_error(payload, url)
    entities = payload.get("entities", {})
    if not isinstance(entities, dict):
        raise SourceParseError("wbgetentities: 'entities' is not an object", source="wikidata")
    return {k: v for k, v in entities.items() if isinstance(v, dict) and "missing" not in v}


def label(entity: dict[str, Any] | None, lang: str = "en") -> str | None:
    if not entity:
        return None
    labels = entity.get("labels") or {}
    for key in (lang, "mul"):
        if isinstance(labels.get(key), dict):
            return labels[key].get("value")
    return None


def claim_items(entity: dict[str, Any], prop: str) -> list[str]:
    """Item ids of non-deprecated `prop` statements."""
    return [
        i
        for st in (entity.get("claims") or {}).get(prop, [])
        if st.get("rank") != "deprecated" and (i := _item_id(st.get("mainsnak")))
    ]


def parse_positions(entity: dict[str, Any], on: date | None = None) -> list[dict[str, Any]]:
    """One dict per non-deprecated P39 statement; labels filled later by `apply_labels`."""
    out = []
    for st in (entity.get("claims") or {}).get("P39", []):
        if not isinstance(st, dict) or st.get("rank") == "deprecated":
            continue
        position_id = _item_id(st.get("mainsnak"))
        if not position_id:
            continue
        quals = st.get("qualifiers") or {}
        start_snaks, end_snaks = quals.get("P580", []), quals.get("P582", [])
        start = next((t for s in start_snaks if (t := parse_time(_snak_value(s)))), None)
        end = next((t for s in end_snaks if (t := parse_time(_snak_value(s)))), None)
        end_unknown = end is None and any(s.get("snaktype") == "somevalue" for s in end_snaks)
        of_ids = [i for p in OF_QUALIFIERS for s in quals.get(p, []) if (i := _item_id(s))]
        out.append(
            {
                "person": label(entity),
                "person_id": entity.get("id"),
                "position": None,
                "position_id": position_id,
                "start": start.text if start else None,
                "end": end.text if end else None,
                "end_unknown": end_unknown,
                "of": None,
                "of_ids": of_ids,
                "rank": st.get("rank", "normal"),
                "current_on_date": held_on(start, end, end_unknown, on) if on else None,
                "statement_id": st.get("id"),
            }
        )
    return out


def apply_labels(positions: list[dict[str, Any]], labels: dict[str, str | None]) -> None:
    for p in positions:
        p["position"] = labels.get(p["position_id"]) or p["position_id"]
        names = [labels.get(i) or i for i in p["of_ids"]]
        p["of"] = ", ".join(names) if names else None


def choose_person(candidates: list[dict[str, Any]], entities: dict[str, Any], name: str) -> Any:
    """The first human (P31=Q5) among the candidates, an exact label match first."""
    humans = [c for c in candidates if HUMAN in claim_items(entities.get(c["id"], {}), "P31")]
    for c in humans:
        if (label(entities[c["id"]]) or "").casefold() == name.casefold():
            return entities[c["id"]]
    return entities[humans[0]["id"]] if humans else None


def identity(
    candidates: list[dict[str, Any]], entities: dict[str, Any], name: str, person: dict[str, Any]
) -> dict[str, Any]:
    """How sure the chosen item is the person the article names: its English label is the name
    itself, and no other human among the search results bears that name."""
    humans = [c for c in candidates if HUMAN in claim_items(entities.get(c["id"], {}), "P31")]
    namesakes = [
        c["id"]
        for c in humans
        if (label(entities[c["id"]]) or "").casefold() == name.casefold()
        and c["id"] != person.get("id")
    ]
    exact = (label(person) or "").casefold() == name.casefold()
    descriptions = person.get("descriptions") or {}
    description = (descriptions.get("en") or {}).get("value") if descriptions else None
    return {
        "item": person.get("id"),
        "exact_label": exact,
        "namesakes": namesakes,
        "humans_found": len(humans),
        "description": description,
        "sure": exact and not namesakes,
    }


class WikidataSource(Source):
    """People's positions held, and resolution items, from the Wikidata API."""

    name = "wikidata"
    title = "Wikidata"
    licence = "Data CC0 1.0 (public domain dedication); Wikimedia API etiquette applies."
    kinds = ("person", "resolution")

    def _get(self, params: dict[str, str]) -> tuple[Any, Any]:
        return self.get_api_json({"format": "json", **params}, check=check_error)

    def entity_url(self, qid: str) -> str:
        host = urlparse(self.base_url).hostname or ""
        if host.endswith("wikidata.org"):
            return f"https://www.wikidata.org/wiki/{qid}"
        return re.sub(r"api\.php$", "index.php", self.base_url) + f"?title={qid}"

    def _candidates(self, text: str) -> tuple[list[dict[str, Any]], dict[str, Any], Any]:
        payload, _ = self._get(
            {
                "action": "wbsearchentities",
                "search": text,
                "language": "en",
                "uselang": "en",
                "type": "item",
                "limit": "10",
            }
        )
        candidates = parse_search(payload)
        if not candidates:
            return [], {}, None
        payload, resp = self._get(
            {
                "action": "wbgetentities",
                "ids": "|".join(c["id"] for c in candidates),
                "props": "labels|descriptions|claims|sitelinks",
                "languages": "en",
                "sitefilter": "enwiki",
            }
        )
        return candidates, parse_entities(payload), resp

    def _labels(self, ids: list[str]) -> dict[str, str | None]:
        out: dict[str, str | None] = {}
        unique = list(dict.fromkeys(ids))
        for i in range(0, len(unique), 50):
            payload, _ = self._get(
                {
                    "action": "wbgetentities",
                    "ids": "|".join(unique[i : i + 50]),
                    "props": "labels",
                    "languages": "en",
                }
            )
            out.update({k: label(v) for k, v in parse_entities(payload).items()})
        return out

    def search(self, query: Query) -> list[SourceRecord]:
        value = query.value.strip()
        if not value or query.kind not in self.kinds:
            return []
        if query.kind == "resolution":
            return self._resolution(value)
        candidates, entities, resp = self._candidates(value)
        person = choose_person(candidates, entities, value) if candidates else None
        if person is None:
            return []
        positions = parse_positions(person, query.on)
        if not positions:
            return []
        who = identity(candidates, entities, value, person)
        for p in positions:
            p["identity"] = who
        labels = self._labels(
            [p["position_id"] for p in positions] + [i for p in positions for i in p["of_ids"]]
        )
        apply_labels(positions, labels)
        records = []
        statements = {st.get("id"): st for st in person["claims"].get("P39", [])}
        for p in positions:
            span = f"{p['start'] or '?'}–{p['end'] or ('?' if p['end_unknown'] else '')}"
            records.append(
                SourceRecord(
                    source=self.name,
                    title=f"{p['person']}: {p['position']} ({span})",
                    url=self.entity_url(p["person_id"]),
                    retrieved_at=resp.retrieved_at,
                    fields=p,
                    raw=statements.get(p["statement_id"]),
                    from_cache=bool(getattr(resp, "from_cache", False)),
                )
            )
        return records

    def _resolution(self, value: str) -> list[SourceRecord]:
        """Items of class Q877358 found by name, e.g. "2231" -> "…Resolution 2231"."""
        text = f"United Nations Security Council Resolution {value}" if value.isdigit() else value
        candidates, entities, resp = self._candidates(text)
        records = []
        for c in candidates:
            entity = entities.get(c["id"])
            if not entity or SC_RESOLUTION not in claim_items(entity, "P31"):
                continue
            claims = entity.get("claims") or {}
            when = next(
                (
                    t.text
                    for prop in ("P577", "P585")
                    for st in claims.get(prop, [])
                    if (t := parse_time(_snak_value(st.get("mainsnak"))))
                ),
                None,
            )
            enwiki = ((entity.get("sitelinks") or {}).get("enwiki") or {}).get("title")
            fields = {
                "item_id": c["id"],
                "label": label(entity),
                "description": c.get("description"),
                "date": when,
                "enwiki": enwiki,
            }
            records.append(
                SourceRecord(
                    source=self.name,
                    title=fields["label"] or c["id"],
                    url=self.entity_url(c["id"]),
                    retrieved_at=resp.retrieved_at,
                    fields=fields,
                    raw={
                        "id": c["id"],
                        "claims": {k: claims[k] for k in ("P31", "P577") if k in claims},
                    },
                    from_cache=bool(getattr(resp, "from_cache", False)),
                )
            )
        return records

    def probe_url(self) -> str:
        return f"{self.base_url}?action=wbgetentities&ids=Q5&props=labels&languages=en&format=json"
