"""What gets exported: events, reports or articles from the store, filtered, as records and flat rows.

The JSON record is the contract's shape (DESIGN.md). The flat row is the same
record with one column per scalar, for GeoJSON properties and Parquet columns,
so QGIS, pandas and DuckDB see plain fields; the whole record rides along as a
JSON string in Parquet.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from warwire.errors import E, WarwireError
from warwire.export.acled import link_reasons
from warwire.model import Article, Event, Report

WHATS = ("events", "reports", "articles")


@dataclass
class Filters:
    """Export filters; dates are ISO and inclusive. Articles take only since/until/outlet."""

    since: str | None = None
    until: str | None = None
    admin1: str | None = None
    event_type: str | None = None
    outlet: str | None = None


def iter_events(store, f: Filters) -> Iterator[Event]:
    for e in store.iter_events(since=f.since, until=f.until, admin1=f.admin1, event_type=f.event_type):
        if f.outlet is None or f.outlet in e.outlets:
            yield e


def iter_reports(store, f: Filters) -> Iterator[tuple[Report, str | None]]:
    """(report, outlet of its article)."""
    outlets = store.outlets_by_article()
    for r in store.iter_reports(since=f.since, until=f.until):
        outlet = outlets.get(r.article_id)
        if f.admin1 is not None and (r.location is None or r.location.admin1 != f.admin1):
            continue
        if (f.event_type is not None and r.event_type != f.event_type) or (f.outlet is not None and outlet != f.outlet):
            continue
        yield r, outlet


def iter_articles(store, f: Filters) -> Iterator[tuple[Article, dict | None]]:
    """(article, its credibility or None)."""
    cred = store.credibilities()
    for a in store.iter_articles(since=f.since, until=f.until, outlet=f.outlet):
        yield a, cred.get(a.id)


def iter_items(store, what: str, f: Filters) -> Iterator[Any]:
    if what == "events":
        return iter_events(store, f)
    if what == "reports":
        return iter_reports(store, f)
    if what == "articles":
        return iter_articles(store, f)
    raise WarwireError(E.E305, what=what, choices=", ".join(WHATS))


def record(what: str, item: Any) -> dict[str, Any]:
    """The JSON record of an exported item (events and reports as in the contract)."""
    if what == "events":
        return item.to_dict()
    if what == "reports":
        r, outlet = item
        return {**r.to_dict(with_ids=True), "outlet": outlet}
    a, credibility = item
    return {**a.header(), "duplicate_of": a.duplicate_of, "credibility": credibility}


# Flat columns per kind: name -> type ("str", "int", "float").
FLAT_COLUMNS: dict[str, dict[str, str]] = {
    "events": {
        "id": "str", "event_type": "str", "sub_event_type": "str", "tags": "str", "date_start": "str",
        "date_end": "str", "location": "str", "country": "str", "admin1": "str", "admin2": "str",
        "latitude": "float", "longitude": "float", "geo_precision": "int", "geonames_id": "int",
        "actor1": "str", "actor1_kind": "str", "actor2": "str", "actor2_kind": "str",
        "fatalities_low": "int", "fatalities_best": "int", "fatalities_high": "int",
        "civilians": "int", "combatants": "int", "children": "int", "women": "int",
        "n_reports": "int", "reports": "str", "outlets": "str", "n_sources": "int",
        "n_contradictions": "int", "contradiction_fields": "str", "link_reasons": "str",
    },
    "reports": {
        "id": "str", "article_id": "str", "outlet": "str", "event_type": "str", "sub_event_type": "str",
        "tags": "str", "date": "str", "date_precision": "int", "location": "str", "country": "str",
        "admin1": "str", "admin2": "str", "latitude": "float", "longitude": "float", "geo_precision": "int",
        "geonames_id": "int", "actor1": "str", "actor1_kind": "str", "actor2": "str", "actor2_kind": "str",
        "fatalities_best": "int", "fatalities_low": "int", "fatalities_high": "int",
        "fatalities_qualifier": "str", "civilians": "int", "combatants": "int", "children": "int",
        "women": "int", "claimed_by": "str", "claimed_by_kind": "str", "primary": "bool", "confidence": "float",
    },
    "articles": {
        "id": "str", "source_id": "str", "outlet": "str", "title": "str", "published": "str", "url": "str",
        "dateline": "str", "duplicate_of": "str", "credibility_score": "float", "credibility_label": "str",
    },
}


def _place(loc) -> dict[str, Any]:
    if loc is None:
        return {"location": None, "country": None, "admin1": None, "admin2": None, "latitude": None,
                "longitude": None, "geo_precision": None, "geonames_id": None}
    return {"location": loc.name, "country": loc.country, "admin1": loc.admin1, "admin2": loc.admin2,
            "latitude": loc.lat, "longitude": loc.lon, "geo_precision": loc.geo_precision,
            "geonames_id": loc.geonames_id}


def _actors(x) -> dict[str, Any]:
    return {"actor1": x.actor1.name if x.actor1 else None, "actor1_kind": x.actor1.kind if x.actor1 else None,
            "actor2": x.actor2.name if x.actor2 else None, "actor2_kind": x.actor2.kind if x.actor2 else None}


def flat(what: str, item: Any) -> dict[str, Any]:
    """One column per scalar field (lists joined with "; ")."""
    if what == "events":
        e: Event = item
        return {"id": e.id, "event_type": e.event_type, "sub_event_type": e.sub_event_type,
                "tags": "; ".join(e.tags), "date_start": e.date_start, "date_end": e.date_end,
                **_place(e.location), **_actors(e),
                **{f"fatalities_{k}": e.fatalities.get(k) for k in ("low", "best", "high")},
                **e.victims.to_dict(), "n_reports": len(e.reports), "reports": "; ".join(e.reports),
                "outlets": "; ".join(e.outlets), "n_sources": e.n_sources,
                "n_contradictions": len(e.contradictions),
                "contradiction_fields": "; ".join(c.field for c in e.contradictions), "link_reasons": link_reasons(e)}
    if what == "reports":
        r, outlet = item
        return {"id": r.id, "article_id": r.article_id, "outlet": outlet, "event_type": r.event_type,
                "sub_event_type": r.sub_event_type, "tags": "; ".join(r.tags), "date": r.date,
                "date_precision": r.date_precision, **_place(r.location), **_actors(r),
                **{f"fatalities_{k}": getattr(r.fatalities, k) for k in ("best", "low", "high", "qualifier")},
                **r.victims.to_dict(), "claimed_by": r.claimed_by.name if r.claimed_by else None,
                "claimed_by_kind": r.claimed_by.kind if r.claimed_by else None, "primary": bool(r.primary),
                "confidence": r.confidence}
    a, cred = item
    return {"id": a.id, "source_id": a.source_id, "outlet": a.outlet, "title": a.title, "published": a.published,
            "url": a.url, "dateline": "; ".join(a.dateline or []), "duplicate_of": a.duplicate_of,
            "credibility_score": (cred or {}).get("score"), "credibility_label": (cred or {}).get("label")}
