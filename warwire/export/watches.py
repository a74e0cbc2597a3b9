"""Watches: a saved filter's events as an Atom feed, and new events posted to its webhook.

A watch's filter is written as the dashboard's query string ("region=Eastern Ghouta&min_fatalities=5").
When a watch is made, the events it matches then count as told; after each ``extract`` or ``link``
run the events it matches that its webhook has not been told of are posted as one JSON message.
A webhook that fails is retried with growing waits, then reported; it never stops the run, and
the events stay untold, so the next run tries again.
"""
from __future__ import annotations

import inspect
import json
import re
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import date
from typing import Any, Callable
from urllib.parse import parse_qsl
from xml.etree import ElementTree as ET

import warwire
from warwire.api.filters import event_filters
from warwire.errors import E, WarwireError
from warwire.resources import stage_settings
from warwire.store import watches as saved
from warwire.store.browse import event_records, matching_event_ids
from warwire.store.filters import EventFilters

NAME = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
ATOM = "http://www.w3.org/2005/Atom"
_SETTINGS = stage_settings("export")["watches"]  # export/settings.yaml says what each means
FEED_ENTRIES = int(_SETTINGS["feed_entries"])
RETRIES = int(_SETTINGS["retries"])
BACKOFF = float(_SETTINGS["backoff_seconds"])
TIMEOUT = float(_SETTINGS["timeout_seconds"])
FILTER_NAMES = [p for p in inspect.signature(event_filters).parameters]


def parse_filter(text: str) -> dict[str, str]:
    """'region=Eastern Ghouta&min_fatalities=5' -> {"region": ..., "min_fatalities": "5"}, checked."""
    pairs = parse_qsl(text, keep_blank_values=False, strict_parsing=False)
    if text.strip() and not pairs:
        raise WarwireError(E.E503, text=text, why="no NAME=VALUE pair", names=", ".join(FILTER_NAMES))
    out = dict(pairs)
    unknown = sorted(set(out) - set(FILTER_NAMES))
    if unknown:
        raise WarwireError(E.E503, text=text, why=f"unknown name {unknown[0]!r}", names=", ".join(FILTER_NAMES))
    to_filters(out).conditions()  # raises on a bad value (a region is checked when it becomes SQL)
    return out


def to_filters(params: dict[str, str]) -> EventFilters:
    """The event filters of a saved query, validated as the API validates them."""
    values: dict[str, Any] = {name: None for name in FILTER_NAMES}
    try:
        for k, v in params.items():
            if k in ("since", "until"):
                values[k] = date.fromisoformat(v)
            elif k == "min_fatalities":
                values[k] = int(v)
            elif k == "has_contradiction":
                values[k] = v.lower() in ("1", "true", "yes")
            else:
                values[k] = v
    except ValueError as exc:
        raise WarwireError(E.E503, text="&".join(f"{k}={v}" for k, v in params.items()), why=str(exc),
                           names=", ".join(FILTER_NAMES)) from None
    return event_filters(**values)


def add_watch(store, name: str, filter_text: str, webhook: str | None = None) -> int:
    """Save the watch; returns how many events it matches now (counted as told)."""
    if not NAME.match(name):
        raise WarwireError(E.E502, name=name)
    if webhook is not None and not webhook.startswith(("http://", "https://")):
        raise WarwireError(E.E504, url=webhook)
    params = parse_filter(filter_text)
    saved.save_watch(store.engine, name, params, webhook)
    now = matching_ids(store, to_filters(params))
    saved.mark_delivered(store.engine, name, now)
    return len(now)


def watch(store, name: str) -> dict[str, Any]:
    found = saved.get_watch(store.engine, name)
    if found is None:
        raise WarwireError(E.E501, name=name)
    return found


def matching_ids(store, filters: EventFilters) -> list[str]:
    with store.connect() as conn:
        return matching_event_ids(conn, filters)


def _records(store, filters: EventFilters, ids: list[str] | None = None,
             limit: int | None = None) -> list[dict[str, Any]]:
    with store.connect() as conn:
        return event_records(conn, filters, ids, newest_first=True, limit=limit)


def headline(e: dict[str, Any]) -> str:
    """'Air/drone strike in Saraqeb (Idlib), 2020-02-09: 23 deaths'."""
    loc = e.get("location") or {}
    place = loc.get("name") or "unknown place"
    if loc.get("admin1") and loc.get("admin1") != place:
        place += f" ({loc['admin1']})"
    best = (e.get("fatalities") or {}).get("best")
    deaths = "" if best is None else f": {best} death{'' if best == 1 else 's'}"
    return f"{e.get('sub_event_type') or e.get('event_type')} in {place}, {e.get('date_start') or 'undated'}{deaths}"


def atom(store, name: str, base_url: str) -> str:
    """The watch's matching events, newest first, as an Atom feed."""
    w = watch(store, name)
    items = _records(store, to_filters(w["filters"]), limit=FEED_ENTRIES)
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")

    def sub(parent, tag, text=None, **attrs):
        el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            el.text = text
        return el

    query = "&".join(f"{k}={v}" for k, v in w["filters"].items())
    sub(feed, "id", f"urn:warwire:watch:{name}")
    sub(feed, "title", f"warwire watch {name}: {query or 'all events'}")
    stamps = [e.get("date_end") or e.get("date_start") for e in items if e.get("date_start")]
    sub(feed, "updated", (max(stamps) if stamps else (w["created_at"] or "1970-01-01")[:10]) + "T00:00:00Z")
    sub(feed, "link", href=f"{base_url}/api/watches/{name}.atom", rel="self")
    sub(feed, "link", href=f"{base_url}/?{query}", rel="alternate")
    sub(feed, "generator", "warwire", version=warwire.__version__)
    author = sub(feed, "author")
    sub(author, "name", "warwire")
    for e in items:
        entry = sub(feed, "entry")
        sub(entry, "id", f"urn:warwire:event:{e['id']}")
        sub(entry, "title", headline(e))
        sub(entry, "updated", f"{e.get('date_end') or e.get('date_start') or '1970-01-01'}T00:00:00Z")
        sub(entry, "link", href=f"{base_url}/event/{e['id']}", rel="alternate")
        outlets = ", ".join(e.get("outlets") or []) or "no outlet"
        sub(entry, "summary", f"{headline(e)}. Sources: {outlets} ({e.get('n_sources') or 0} independent).")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode")


@dataclass
class Delivery:
    watch: str
    url: str
    events: int
    ok: bool
    attempts: int
    error: str | None = None


def post_json(url: str, body: dict[str, Any]) -> None:
    data = json.dumps(body, ensure_ascii=False).encode()
    req = urllib.request.Request(url, data=data, method="POST", headers={"Content-Type": "application/json",
                                                                        "User-Agent": f"warwire/{warwire.__version__}"})
    with urllib.request.urlopen(req, timeout=TIMEOUT) as r:
        if not 200 <= r.status < 300:
            raise urllib.error.HTTPError(url, r.status, "not a success", r.headers, None)


def notify(store, retries: int = RETRIES, backoff: float = BACKOFF,
           post: Callable[[str, dict[str, Any]], None] = post_json,
           sleep: Callable[[float], None] = time.sleep) -> list[Delivery]:
    """Post each webhook watch's untold events; never raises for a failing webhook."""
    out = []
    for w in saved.list_watches(store.engine):
        if not w["webhook"]:
            continue
        told = saved.delivered(store.engine, w["name"])
        new = [i for i in matching_ids(store, to_filters(w["filters"])) if i not in told]
        if not new:
            continue
        body = {"watch": w["name"], "filters": w["filters"], "events": _records(store, to_filters(w["filters"]), new)}
        error, attempts = None, 0
        for attempt in range(retries + 1):
            attempts = attempt + 1
            try:
                post(w["webhook"], body)
                error = None
                break
            except Exception as exc:  # any failure of the receiver or the network is reported, never fatal
                error = f"{type(exc).__name__}: {exc}"
                if attempt < retries:
                    sleep(backoff * 2 ** attempt)
        if error is None:
            saved.mark_delivered(store.engine, w["name"], new)
        out.append(Delivery(w["name"], w["webhook"], len(new), error is None, attempts, error))
    return out


def notify_and_report(store, console) -> None:
    """``notify`` after a CLI run, one line per webhook; a failure is a warning."""
    try:
        results = notify(store)
    except Exception as exc:  # a broken watch table must not fail an extract run either
        console.print(f"[yellow]Watches not checked: {exc}[/yellow]")
        return
    for d in results:
        if d.ok:
            console.print(f"Watch {d.watch}: {d.events} new event(s) posted to {d.url}")
        else:
            console.print(f"[yellow]Watch {d.watch}: could not post {d.events} new event(s) to {d.url} after "
                          f"{d.attempts} attempts ({d.error}); they will be posted after the next run.[/yellow]")
