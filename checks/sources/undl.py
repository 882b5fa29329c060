"""UN Digital Library (TIND): the official Security Council voting records, as MARCXML.

The voting record is the authority for who voted how; Wikipedia and the press are checked
against it. Symbols are stored both as `S/RES/2231(2015)` and `S/RES/2231 (2015)`, so both
forms are tried. Field meanings follow the Dag Hammarskjöld Library's own converter (see
FORMATS.md b.2): 269 date, 791 resolution, 952 meeting, 993 draft, 996 totals, 967 members.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from checks.errors import SourceParseError
from checks.sources.base import Query, Source, SourceRecord

VOTE_WORDS = {"Y": "yes", "N": "no", "A": "abstain"}
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def _local(tag: Any) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _subfields(field: Any) -> list[tuple[str, str]]:
    return [
        (sf.get("code", ""), (sf.text or "").strip())
        for sf in field
        if _local(sf.tag) == "subfield"
    ]


def _datafields(record: Any, tag: str) -> list[list[tuple[str, str]]]:
    return [_subfields(f) for f in record if _local(f.tag) == "datafield" and f.get("tag") == tag]


def _first(record: Any, tag: str, code: str) -> str | None:
    for subs in _datafields(record, tag):
        for c, value in subs:
            if c == code and value:
                return value
    return None


def _all(record: Any, tag: str, code: str) -> list[str]:
    return [v for subs in _datafields(record, tag) for c, v in subs if c == code and v]


def _int(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return int(float(value.strip()))
    except ValueError:
        return None


def normalise_symbol(symbol: str) -> str:
    """`S/RES/2231(2015)` and `S/RES/2231 (2015)` compare equal once spaces are removed."""
    return re.sub(r"\s+", "", symbol).upper()


def resolution_number(symbol: str | None) -> int | None:
    m = re.match(r"S/RES/(\d+)", normalise_symbol(symbol or ""))
    return int(m.group(1)) if m else None


def _iso_date(value: str | None) -> str | None:
    if not value:
        return None
    digits = re.sub(r"\D", "", value)
    if len(digits) >= 8:
        return f"{digits[:4]}-{digits[4:6]}-{digits[6:8]}"
    return value


def _title(record: Any) -> str:
    parts = [v for subs in _datafields(record, "245")[:1] for c, v in subs if c in "abc"]
    return re.sub(r"\s+([:/;,])$", "", " ".join(parts)).strip(" /:")


def parse_record(record: Any) -> dict[str, Any]:
    """Fields of one MARC record: a voting record when it has 967/996, else bibliographic."""
    record_id = next(
        (
            (f.text or "").strip()
            for f in record
            if _local(f.tag) == "controlfield" and f.get("tag") == "001"
        ),
        None,
    )
    subjects = _all(record, "991", "d") or _all(record, "650", "a")
    common = {
        "record_id": record_id,
        "title": _title(record) or None,
        "date": _iso_date(_first(record, "269", "a")),
        "subjects": subjects,
        "draft": _first(record, "993", "a"),
    }
    members_raw = _datafields(record, "967")
    totals = _datafields(record, "996")
    if not members_raw and not totals:
        return {
            **common,
            "record_type": "bibliographic",
            "symbol": _first(record, "191", "a") or _first(record, "791", "a"),
            "pdf_urls": [u for u in _all(record, "856", "u") if u.lower().endswith(".pdf")],
        }
    members = []
    for subs in members_raw:
        d = dict(subs)
        vote = d.get("d", "").upper() or None
        members.append({"code": d.get("c"), "name": d.get("e"), "vote": vote})
    t = dict(totals[0]) if totals else {}
    yes, no, abstain = _int(t.get("b")), _int(t.get("c")), _int(t.get("d"))
    non_voting, total = _int(t.get("e")), _int(t.get("f"))
    counted = {k: sum(1 for m in members if m["vote"] == k) for k in ("Y", "N", "A")}
    inferred_unanimous = False
    # Early records adopted unanimously list every member with no vote ($d): read as all "Y".
    if (
        members
        and all(m["vote"] is None for m in members)
        and (yes == len(members) or (yes is None and t.get("a")))
    ):
        for m in members:
            m["vote"] = "Y"
        counted["Y"] = len(members)
        inferred_unanimous = True
    totals_derived = not totals or yes is None
    if yes is None:
        yes, no, abstain = counted["Y"], counted["N"], counted["A"]
        non_voting = sum(1 for m in members if m["vote"] is None)
        total = len(members) or None
    resolution = _first(record, "791", "a")
    return {
        **common,
        "record_type": "voting",
        "resolution": resolution,
        "resolution_number": resolution_number(resolution),
        "meeting": _first(record, "952", "a"),
        "vote_note": _first(record, "591", "a") or t.get("a"),
        "yes": yes,
        "no": no,
        "abstentions": abstain,
        "non_voting": non_voting,
        "total": total,
        "vote": f"{yes}-{no}-{abstain}" if None not in (yes, no, abstain) else None,
        "adopted": bool(resolution),
        "members": members,
        "votes": {m["name"] or m["code"]: m["vote"] for m in members},
        "counts_match": counted["Y"] == yes and counted["N"] == no and counted["A"] == abstain
        if members
        else None,
        "unanimous_inferred": inferred_unanimous,
        "totals_derived": totals_derived,
    }


def parse_marcxml(content: bytes | str, url: str = "") -> list[tuple[dict[str, Any], str]]:
    """(fields, raw record XML) for each `<record>` of a MARCXML answer; [] for none."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    start = data.find(b"<")
    if start == -1:
        if not data.strip():
            return []
        raise SourceParseError("UNDL answer is not XML", source="undl", url=url)
    data = data[start:]
    if re.match(rb"<(?:!doctype\s+html|html)\b", data, re.IGNORECASE):
        raise SourceParseError(
            "UNDL answered HTML, not MARCXML (a bot challenge?)", source="undl", url=url
        )
    try:
        root = etree.fromstring(data, parser=_PARSER)
    except etree.XMLSyntaxError as exc:
        raise SourceParseError(f"UNDL MARCXML unreadable: {exc}", source="undl", url=url) from None
    if _local(root.tag) == "record":
        records = [root]
    elif _local(root.tag) == "collection":
        records = [r for r in root if _local(r.tag) == "record"]
    else:
        raise SourceParseError(f"UNDL answer root is <{_local(root.tag)}>", source="undl", url=url)
    return [(parse_record(r), etree.tostring(r, encoding="unicode")[:4000]) for r in records]


def resolution_symbols(number: str, year: int | None) -> list[str]:
    """Search patterns for a resolution, both stored forms; a prefix when the year is unknown."""
    if year:
        return [f"S/RES/{number}({year})", f"S/RES/{number} ({year})"]
    return [f"S/RES/{number}(", f"S/RES/{number} ("]


class UndlSource(Source):
    """Security Council voting and bibliographic records from digitallibrary.un.org."""

    name = "undl"
    title = "UN Digital Library (voting records)"
    licence = (
        "Copyright United Nations; UN Digital Library terms of use "
        "(https://digitallibrary.un.org/pages/?ln=en&page=tos): "
        "non-commercial use with attribution."
    )
    kinds = ("resolution", "draft", "record")

    def _url(self, path: str) -> str:
        return self.base_url.rstrip("/") + "/" + path.lstrip("/")

    def record_url(self, record_id: str | None) -> str:
        return self._url(f"record/{record_id}?ln=en") if record_id else self._url("search")

    def _fetch(self, path: str, params: dict[str, str] | None = None) -> list[SourceRecord]:
        resp = self.http.get(self._url(path), source=self.name, params=params, expect="xml")
        if resp.status == 404:
            return []
        out = []
        for fields, raw in parse_marcxml(resp.content, resp.url):
            label = fields.get("resolution") or fields.get("symbol") or fields.get("draft")
            kind = "Voting record" if fields["record_type"] == "voting" else "Record"
            out.append(
                SourceRecord(
                    source=self.name,
                    title=f"{kind} {label or fields['record_id'] or ''}".strip(),
                    url=self.record_url(fields["record_id"]),
                    retrieved_at=resp.retrieved_at,
                    fields=fields,
                    raw=raw,
                    from_cache=bool(getattr(resp, "from_cache", False)),
                )
            )
        return out

    def _search_voting(self, pattern: str) -> list[SourceRecord]:
        params = {
            "ln": "en",
            "as": "1",
            "cc": "Voting Data",
            "c": "Voting Data",
            "m1": "p",
            "p1": pattern,
            "f1": "documentsymbol",
            "op1": "a",
            "rg": "50",
            "jrec": "1",
            "of": "xm",
        }
        return self._fetch("search", params)

    def search(self, query: Query) -> list[SourceRecord]:
        value = query.value.strip()
        if query.kind == "record":
            return self._fetch(f"record/{value}/export/xm") if value.isdigit() else []
        if query.kind == "resolution":
            number = re.sub(r"\D", "", value.split("(")[0]) if value else ""
            if not number:
                return []
            year = query.year
            if year is None and (m := re.search(r"\((\d{4})\)", value)):
                year = int(m.group(1))
            for pattern in resolution_symbols(number, year):
                found = [
                    r
                    for r in self._search_voting(pattern)
                    if r.fields.get("resolution_number") == int(number)
                ]
                if found:
                    return found
            return []
        if query.kind == "draft":
            return self._draft(value)
        return []

    def _draft(self, symbol: str) -> list[SourceRecord]:
        """The voting record of a draft (failed drafts have no resolution symbol), else the
        draft's bibliographic record."""
        if not symbol.upper().startswith("S/"):
            return []
        wanted = normalise_symbol(symbol)
        voting = [
            r
            for r in self._search_voting(symbol)
            if wanted in {normalise_symbol(r.fields.get(k) or "") for k in ("draft", "resolution")}
        ]
        if voting:
            return voting
        params = {
            "ln": "en",
            "cc": "Draft resolutions and decisions",
            "c": "Draft resolutions and decisions",
            "p": f"documentsymbol:{symbol}",
            "sf": "year",
            "rg": "20",
            "of": "xm",
        }
        return [
            r
            for r in self._fetch("search", params)
            if normalise_symbol(r.fields.get("symbol") or r.fields.get("draft") or "") == wanted
        ]

    def probe_url(self) -> str:
        return self._url("search?ln=en&p=S%2FRES%2F2231&of=xm&rg=1")
