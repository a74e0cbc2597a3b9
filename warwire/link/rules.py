"""When two reports may describe one event: date, place, type and actor rules.

These are the rules a conflict-data coder applies before merging two source
reports into one event record; the thresholds live in ``settings.yaml`` beside
this module. Linking reports into events: ``may_join`` is the hard test and
``link_evidence`` the scoring rule (written down below, before ``region_level``),
which also says why two reports link. Checks against reference records (ACLED,
UCDP) use ``compatible`` and ``match_score``, which grade how alike two reports are.
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from warwire.knowledge.lexicons import target_words
from warwire.knowledge.sources import split_sources
from warwire.model import YEAR_TOLD as YEAR, Actor, Location, Report

CUMULATIVE = "cumulative"  # tag of a report that sums several events (a week's toll, a monthly count)
REFERENCE = "reference"  # tag of a dated mention of a past happening (warwire.extract.references)


@dataclass(frozen=True)
class ArticleMeta:
    """What linking needs to know about a report's article."""

    outlet: str | None = None
    published: str | None = None  # ISO date
    duplicate_of: str | None = None  # id of the original, for a syndicated copy
    words: frozenset[str] = frozenset()  # distinctive words of its title and opening (knowledge lexicons.yaml: targets)
    # (date, sub-type) of the happenings it tells at a list of places ("strikes on A, B, C and D"): see ``with_lists``
    lists: frozenset[tuple[str, str]] = frozenset()
    # the source documents (URLs) its source field cites: a coded record's ("SOHR_http://...?p=82229"); see
    # ``one_document``
    documents: frozenset[str] = frozenset()
    # its date is the event's (a coded record: ``Article.event_dated``), so its reports are never late (``is_late``)
    event_dated: bool = False


@lru_cache(maxsize=1)
def settings() -> dict[str, Any]:
    """The linking rules from ``settings.yaml`` (read once)."""
    text = resources.files("warwire.link").joinpath("settings.yaml").read_text(encoding="utf-8")
    return derive(yaml.safe_load(text))


def derive(s: dict[str, Any]) -> dict[str, Any]:
    """``s`` (the settings as written) with the sets and patterns the rules read derived from it, in place."""
    s["_compatible_types"] = {frozenset(p) for p in s["compatible_event_types"]}
    s["_allied"] = {frozenset(p) for p in s["allied_states"]}
    s["_kindred"] = {t: frozenset(g) for g in s["linking"]["kindred_sub_types"] for t in g}
    s["_generic"] = re.compile("|".join(rf"\b{re.escape(w)}\b" for w in s["generic_actor_words"]), re.I)
    s["_within_details"] = frozenset(s["linking"]["within_details"])
    s["_days_apart_details"] = frozenset(s["linking"]["days_apart_details"])
    s["_rare"] = frozenset(s["linking"]["rare_sub_types"])
    # The things an attack hits that single out a happening: one list with the extract stage's (knowledge).
    s["_words"] = target_words()
    return s


def date_tolerance(precision: int | None) -> int:
    """Days either side of a date that another report of the same event may carry."""
    table = settings()["date_tolerance_days"]
    return table.get(precision or 1, table[1])


@lru_cache(maxsize=65536)
def day_number(iso: str) -> int:
    """Days since 0001-01-01 of an ISO date: cheap date arithmetic for blocking."""
    return date.fromisoformat(iso).toordinal()


def dates_compatible(a: Report, b: Report) -> bool:
    """The two dates lie within the tolerance of the vaguer of the two."""
    if not a.date or not b.date:
        return False
    tol = max(date_tolerance(a.date_precision), date_tolerance(b.date_precision))
    return abs(day_number(a.date) - day_number(b.date)) <= tol


def distance_km(a: Location, b: Location) -> float | None:
    """Great-circle distance between two located places, None when either has no coordinates."""
    if a.lat is None or b.lat is None or a.lon is None or b.lon is None:
        return None
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _norm(s: str | None) -> str:
    return (s or "").strip().casefold()


def places_compatible(a: Location | None, b: Location | None) -> bool:
    """Within the distance allowed by the coarser precision; same admin1 when either is a province."""
    if a is None or b is None:
        return False
    if _norm(a.country) and _norm(b.country) and _norm(a.country) != _norm(b.country):
        return False
    precision = max(a.geo_precision or 1, b.geo_precision or 1)
    if precision >= 3:
        return bool(a.admin1) and _norm(a.admin1) == _norm(b.admin1)
    d = distance_km(a, b)
    if d is None:  # no coordinates: only the same named place in the same province
        return _norm(a.name) == _norm(b.name) and _norm(a.admin1) == _norm(b.admin1)
    return d <= settings()["place_distance_km"][precision]


def types_compatible(a: Report, b: Report) -> bool:
    """Same event type, or a pair coders confuse; some types need the same sub-type too."""
    s = settings()
    if a.event_type in s["same_sub_type_only"] or b.event_type in s["same_sub_type_only"]:
        return a.sub_event_type == b.sub_event_type
    return a.event_type == b.event_type or frozenset((a.event_type, b.event_type)) in s["_compatible_types"]


def is_generic(actor: Actor | None) -> bool:
    """An actor that names nobody in particular ("Unidentified Armed Group", "gunmen")."""
    return actor is None or bool(settings()["_generic"].search(actor.name or ""))


_YEARS = re.compile(r"\s*\((?:\d{4})?-?(?:\d{4})?\)\s*")


def canonical_actor(actor: Actor | None) -> str:
    """An actor's name as compared: case folded, ACLED's year ranges ("(2000-)") dropped."""
    return _YEARS.sub(" ", actor.name or "").strip().casefold() if actor else ""


def same_actor(a: Actor, b: Actor) -> bool:
    """One name is the other or a unit of it ("Military Forces of Syria 5th Corps")."""
    x, y = canonical_actor(a), canonical_actor(b)
    return x == y or x.startswith(y + " ") or y.startswith(x + " ")


def actors_conflict(a: Report, b: Report) -> bool:
    """Both name state forces of two countries that do not fight side by side as actor1."""
    x, y = a.actor1, b.actor1
    if is_generic(x) or is_generic(y) or same_actor(x, y):
        return False
    if x.kind != "State forces" or y.kind != "State forces":
        return False
    cx, cy = _norm(x.country), _norm(y.country)
    if not cx or not cy or cx == cy:
        return False
    return frozenset((x.country, y.country)) not in settings()["_allied"]


def is_cumulative(r: Report) -> bool:
    return CUMULATIVE in (r.tags or ())


def same_happening(a: Report, b: Report) -> bool:
    """Two reports of one article about the same strike, clash or deal: one article often gives
    two accounts of one event (the monitor's and state media's); otherwise its reports are
    different events."""
    la, lb = a.location, b.location
    same_place = la is not None and lb is not None and (
        (la.geonames_id is not None and la.geonames_id == lb.geonames_id) or _norm(la.name) == _norm(lb.name))
    return a.sub_event_type == b.sub_event_type and a.date == b.date and same_place


def linkable(r: Report) -> bool:
    """Reports without a date or a place become events of their own (a country-wide reference, ``country_wide``,
    is linked though placed only at its country)."""
    return bool(r.date) and r.location is not None and (
        r.location.lat is not None or bool(r.location.admin1) or country_wide(r))


def country_only(loc: Location | None) -> bool:
    """A place known only by its country: no governorate, no point."""
    return loc is not None and bool(loc.country) and loc.lat is None and not loc.admin1


def country_wide(r: Report) -> bool:
    """A reference to a rare weapon's happening told by its day but by no place in the country
    (``warwire.extract.references``: "the May 3 gas attack"): that day and weapon pick one happening out of the
    whole war, so it joins the event of that weapon and day anywhere in its country (``reference_evidence``)."""
    return REFERENCE in (r.tags or ()) and country_only(r.location) and bool(r.date) and \
        (r.date_precision or 1) == 1 and r.sub_event_type in settings()["_rare"]


def compatible(a: Report, b: Report) -> bool:
    """True when nothing rules out that the two reports describe one event."""
    if not (linkable(a) and linkable(b)):
        return False
    if is_cumulative(a) != is_cumulative(b):
        return False
    if a.article_id is not None and a.article_id == b.article_id and not same_happening(a, b):
        return False
    return (types_compatible(a, b) and dates_compatible(a, b) and places_compatible(a.location, b.location)
            and not actors_conflict(a, b))


def _closeness(diff: float, scale: float) -> float:
    return max(0.0, 1.0 - diff / scale) if scale > 0 else float(diff == 0)


def match_score(a: Report, b: Report) -> float | None:
    """How alike two reports are, 0..1; None when they are not compatible.

    Weighted agreement on date (0.3), place (0.4), sub-type (0.15), actors (0.1) and
    death toll (0.05). The same strike told twice scores near 1. Two reports a day apart
    (at day precision) reach the threshold only when place, type, actor and toll all
    agree: in a town hit every day, "Monday" and "Tuesday" are usually two strikes, and
    without that evidence daily strikes would chain into one another. Two different
    named places stay apart unless close and agreeing on the rest; a province-level report
    joins a town's only when everything else agrees.
    """
    if not compatible(a, b):
        return None
    tol = max(date_tolerance(a.date_precision), date_tolerance(b.date_precision))
    date_part = _closeness(abs(day_number(a.date) - day_number(b.date)), tol)
    place_part = _place_agreement(a.location, b.location)
    sub_part = 1.0 if a.sub_event_type == b.sub_event_type else 0.3
    actor_part = 0.5
    if not is_generic(a.actor1) and not is_generic(b.actor1):
        actor_part = 1.0 if same_actor(a.actor1, b.actor1) else 0.2
    if not is_generic(a.actor2) and not is_generic(b.actor2) and not same_actor(a.actor2, b.actor2):
        actor_part *= 0.5  # two named, different targets
    toll_part = 0.5  # unknown, or both "no deaths": says little
    fa, fb = a.fatalities.best, b.fatalities.best
    if fa is not None and fb is not None and (fa or fb):
        toll_part = 1.0 if fa == fb else min(fa, fb) / max(fa, fb)
    return round(0.3 * date_part + 0.4 * place_part + 0.15 * sub_part + 0.1 * actor_part + 0.05 * toll_part, 6)


def _place_agreement(la: Location, lb: Location) -> float:
    """1 for the same place; much less for two different named places, the less the further apart."""
    if (la.geonames_id is not None and la.geonames_id == lb.geonames_id) or _norm(la.name) == _norm(lb.name):
        return 1.0
    precision = max(la.geo_precision or 1, lb.geo_precision or 1)
    d = distance_km(la, lb)
    if d is None or precision >= 3:
        return 0.25  # a province and a place in it: consistent, not confirming
    near = _closeness(d, settings()["place_distance_km"][precision])
    # a town named differently is a different town unless very close; "near X" is looser
    return 0.5 * near * near if precision == 1 else 0.5 * near


# --- Linking: which reports are one happening, and why ------------------------------------------------
#
# A pair of reports links when nothing rules it out (``may_join``) and the evidence that they tell one
# happening reaches what their places and dates demand (``link_evidence``):
#
#   needed = evidence_needed[same | within] + evidence_needed[days_apart] when the dates differ
#
# - places: "same" (one named place, or two town-level points within ``same_town_km``, but for two quarters), "within"
#   (one contains the other: a town in the governorate a province-level report names, a place
#   within ``area_km`` of an area or a spot near a town; a city named as its governorate is, for the
#   suburbs across the governorate line within ``area_km``, on a detail other than the toll; two towns
#   within ``area_km`` hit on one day by a rare weapon, one gas attack on a string of suburbs; two quarters of one
#   city, ``quarters_of_one_city``, on the weapon or words, not a toll or claimant, and sharing an event only on
#   evidence of their own: a city's report never holds two quarters' happenings), else different places, which never
#   link;
# - evidence, one point each: the same sub-type; a distinctive sub-type shared (chemical weapon,
#   suicide bomb, IED), and one more for a rare one (chemical weapon); the same named actor pair; death
#   tolls that agree; a distinctive word both articles open with (a wedding, a bakery, a convoy); the
#   same named claimant quoted;
# - dates that differ need a detail among the points (``days_apart_details``: a rare weapon, toll, words,
#   claimant; a common weapon alone is not one): the same type and sides on two days are two days of fighting
#   on one front, and mines and bombs of a common kind go off in a town most weeks;
# - places one within the other (an area and a town near it, a region and a town in it) need a detail too
#   (``within_details``): the area's towns see strikes and clashes of one type every day;
# - two records a coder made from one source document (their source fields cite one URL: an ACLED export's rows; or
#   one note copied onto both, ``link.store.article_metas``) are two of that document's events, never one (``one_document``), whatever toll or sentence they share; two coded
#   records of two event dates are two events, never one (``records_of_two_days``: a coded dataset records one event
#   a day);
# - links are taken strongest first (``LinkEvidence.score``); a late report's after every other, and a week- or
#   month-dated report's last of all, so that it never pulls a late story away from the happening it retells;
# - distinct details rule a pair out when the dates differ: another sub-type, or tolls far apart;
#   on one day, tolls far apart are a contradiction to show, not a reason to split;
# - reports of different event types link only on an agreeing toll (a strike on a front line
#   told as a battle by one outlet and as shelling by another).


def _key(s: str | None) -> str:
    return "".join(ch for ch in (s or "").casefold() if ch.isalnum())


def region_level(loc: Location) -> bool:
    """A province-level place, or a place named as its governorate is (Idlib, Aleppo, Homs...):
    outlets write the governorate's name for anywhere in it, so it may contain any place there."""
    return (loc.geo_precision or 1) >= 3 or (bool(loc.admin1) and _key(loc.name) == _key(loc.admin1))


def province_and_place(a: Location, b: Location) -> bool:
    """One report placed only at its province (geo_precision 3: "a town in northern Aleppo" resolved to the
    governorate) and the other at a town or an area: where in the province the first happened is unknown."""
    return _province_only(a) != _province_only(b)


def _province_only(loc: Location | None) -> bool:
    return loc is not None and (loc.geo_precision or 1) >= 3


def _somewhere_in(loc: Location | None) -> bool:
    """Placed only at an area (a district, a region such as a city's countryside, a spot near a town: geo_precision
    2) or a province (3): the report happened somewhere in it, so another report placed there is not at its place."""
    return loc is not None and (loc.geo_precision or 1) >= 2


def region_and_town(a: Location | None, b: Location | None) -> bool:
    """One place is region-level (``region_level``) and the other a town or an area in it."""
    return a is not None and b is not None and (region_level(a) != region_level(b) or province_and_place(a, b))


def place_relation(a: Location | None, b: Location | None) -> str | None:
    """"same", "within" (one place contains the other) or None (different places, or unknown)."""
    if a is None or b is None:
        return None
    if _norm(a.country) and _norm(b.country) and _norm(a.country) != _norm(b.country):
        return None
    same_admin1 = not a.admin1 or not b.admin1 or _key(a.admin1) == _key(b.admin1)
    if (a.geonames_id is not None and a.geonames_id == b.geonames_id) or \
            (_key(a.name) and _key(a.name) == _key(b.name) and same_admin1):
        # one name at two precisions ("Aleppo" the province, "Aleppo" the city) is a region and a place in it
        return "within" if province_and_place(a, b) else "same"
    ra, rb = region_level(a), region_level(b)
    if ra or rb:
        if ra and rb:
            return None  # two different regions
        if a.admin1 and b.admin1 and _key(a.admin1) == _key(b.admin1):
            return "within"
        return "within" if across_line(a, b) else None
    d = distance_km(a, b)
    if d is None:
        return None
    s = settings()["linking"]
    if (a.geo_precision or 1) == 1 and (b.geo_precision or 1) == 1:
        if d > s["area_km"] or not quarters_of_one_city(a, b):
            return "same" if d <= s["same_town_km"] else None
        # two quarters of one city (a town-level place each, next to each other or a few km apart): somewhere in it
        return "within"
    return "within" if d <= s["area_km"] else None


def quarters_of_one_city(a: Location, b: Location) -> bool:
    """Two places its gazetteer (the pack of their country) lists as quarters of one city: neighbourhoods of one
    governorate near its chief city's point (``warwire.extract.locations.quarter_of``, which codes an event there).
    A report at one quarter and another at the next are somewhere in the city, as a city's report and a quarter's
    are (the city is named as its governorate is: ``region_level``)."""
    city, other = city_of_quarter(a), city_of_quarter(b)
    return city is not None and other is not None and (city.admin1, city.name) == (other.admin1, other.name)


def two_quarters(a: Report, b: Report) -> bool:
    """The two reports are at two quarters of one city, next to each other or further apart (not one place)."""
    la, lb = a.location, b.location
    return la is not None and lb is not None and la.name != lb.name and quarters_of_one_city(la, lb) and \
        _key(la.name) != _key(lb.name)


def city_of_quarter(loc: Location) -> Location | None:
    """The city whose quarter ``loc`` is, by its gazetteer (the pack of its country), or None."""
    if (loc.geo_precision or 1) != 1 or loc.lat is None or loc.lon is None:
        return None
    city = _quarters(loc.country).get((loc.admin1, loc.name))  # one lookup: most places are no quarter
    if city is None:
        return None
    from warwire.extract.locations import quarter_of

    return city if quarter_of(loc, city, "neighbourhood") else None


@lru_cache(maxsize=16)
def _quarters(country: str | None) -> dict[tuple[str | None, str], Location]:
    """(governorate, name) of each of a country's neighbourhoods in a governorate with a chief city (a settlement
    named as its governorate is) -> that city, from the gazetteer of the pack of that country (none: no quarters).
    Places are looked up as the gazetteer writes them, as extraction places reports. Kept in the knowledge cache:
    linking alone need not build the gazetteer."""
    from warwire.extract import locations
    from warwire.knowledge import gazetteer, packs
    from warwire.knowledge.cache import cached

    pack = next((p for p in map(packs.load, packs.names()) if _norm(p.country) == _norm(country)), None) \
        if country else None
    if pack is None:
        return {}
    sources = [pack.folder / f for f in ("gazetteer.tsv.gz", "curated.yaml", "coded.yaml", "regions.yaml",
                                         "capitals.yaml")]
    code = [Path(m.__file__) for m in (gazetteer, locations)] + [Path(__file__)]
    return cached(f"quarters-{pack.name}", [f for f in sources if f.exists()] + code, lambda: _build_quarters(pack))


def _build_quarters(pack) -> dict[tuple[str | None, str], Location]:
    from warwire.extract.locations import chief_town
    from warwire.knowledge.gazetteer import SETTLEMENTS

    quarters, cities = [], {}
    for p in pack.gazetteer.places:
        if p.country != pack.country or p.kind not in SETTLEMENTS:
            continue
        if p.kind == "neighbourhood":
            quarters.append(p)
        elif chief_town(loc := p.location()) and (p.kind == "city" or p.admin1 not in cities):
            cities[p.admin1] = loc
    return {(p.admin1, p.name): cities[p.admin1] for p in quarters if p.admin1 in cities}


def places_relate(a: Report, b: Report) -> str | None:
    """How two reports' places relate (``place_relation``), where one attack may hit several towns at once: two
    nearby towns hit on one day by a rare weapon (``rare_sub_types``: a chemical attack on a string of suburbs,
    told town by town by some outlets and as the region by others) may be one happening, as one place within the
    other."""
    rel = place_relation(a.location, b.location)
    if rel is not None or a.date != b.date or a.sub_event_type != b.sub_event_type or \
            a.sub_event_type not in settings()["linking"]["rare_sub_types"]:
        return rel
    d = distance_km(a.location, b.location) if a.location and b.location else None
    return "within" if d is not None and d <= settings()["linking"]["area_km"] else None


def rare_sub_types() -> frozenset[str]:
    """Sub-types of weapons so rarely used that one attack is all of their reports nearby (settings)."""
    return settings()["_rare"]


def one_attack(a: Report, b: Report, between: Iterable[Report],
               articles: Mapping[str, ArticleMeta] | None = None) -> bool:
    """Two reports of one rare weapon's attack on one day at places that do not relate (a gas attack on a string of
    suburbs, told town by town): they may sit in one event when a report ``between`` them, of that day and weapon,
    relates to both places (a town near both, or the region or area that holds both), and they lie within
    ``one_attack_km`` of each other. Only a rare weapon (``rare_sub_types``): on one day a region sees many strikes
    and clashes of one type at its towns, each an event of its own, so a region-level report of one of them never
    holds two towns' events; but one gas attack is all of its reports nearby.

    Never two reports of one article, nor two records coded from one document (``one_document``, with
    ``articles``): the writer who told the two places as two events, not one, knew whether they were one attack,
    and another outlet's report of the region between them does not overrule that."""
    s = settings()["linking"]
    if a.date != b.date or a.sub_event_type != b.sub_event_type or a.sub_event_type not in s["rare_sub_types"]:
        return False
    if a.article_id is not None and a.article_id == b.article_id:
        return False
    if articles and (one_document(ma := articles.get(a.article_id or ""), mb := articles.get(b.article_id or ""))
                     or records_of_two_days(ma, mb)):
        return False
    if not (linkable(a) and linkable(b)) or is_cumulative(a) != is_cumulative(b) or actors_conflict(a, b):
        return False
    d = distance_km(a.location, b.location) if a.location and b.location else None
    if d is None or d > s["one_attack_km"]:
        return False
    return any(c.date == a.date and c.sub_event_type == a.sub_event_type and c.id not in (a.id, b.id)
               and places_relate(a, c) is not None and places_relate(b, c) is not None for c in between)


def across_line(a: Location, b: Location) -> bool:
    """A city named as its governorate is (Damascus) and a place of the next governorate within ``area_km`` of
    it: outlets name the city for its suburbs ("the suburbs of Damascus"), which a governorate line may put in
    another governorate (Eastern Ghouta in Rural Damascus)."""
    if not a.admin1 or not b.admin1 or _key(a.admin1) == _key(b.admin1):
        return False
    city, other = (a, b) if region_level(a) else (b, a)
    if not region_level(city) or region_level(other) or (city.geo_precision or 1) >= 3:
        return False
    d = distance_km(city, other)
    return d is not None and d <= settings()["linking"]["area_km"]


def days_apart(a: Report, b: Report) -> int | None:
    """Days between the two dates, None when they are further apart than linking allows."""
    if not a.date or not b.date:
        return None
    gap = abs(day_number(a.date) - day_number(b.date))
    return gap if gap <= max(reach_days(a.date_precision), reach_days(b.date_precision)) else None


def _toll(r: Report) -> int | None:
    f = r.fatalities
    return f.best if f.best is not None else f.low


def tolls_relation(a: Report, b: Report) -> str | None:
    """"agree", "distinct" (far apart: two happenings, if on two days) or None (unknown or no deaths)."""
    ta, tb = _toll(a), _toll(b)
    if not ta or not tb:
        return None
    s = settings()["linking"]
    share = min(ta, tb) / max(ta, tb)
    if share >= s["toll_agree_share"]:
        return "agree"
    if share < s["toll_distinct_share"] and abs(ta - tb) >= s["toll_distinct_gap"]:
        return "distinct"
    return None


def _toll_grew(a: Report, b: Report) -> bool:
    """The later report gives the larger toll of a distinctive weapon (a gas attack, a suicide bombing): the count
    going on as bodies are found, not another happening. A later, much smaller toll is another happening, but for
    a rare weapon (``rare_sub_types``), one attack of its kind nearby: its tolls run from one clinic's count to a
    whole region's, whichever is told later."""
    if a.sub_event_type != b.sub_event_type or a.sub_event_type not in settings()["linking"]["distinctive_sub_types"]:
        return False
    if a.sub_event_type in settings()["linking"]["rare_sub_types"]:
        return True
    early, late = (a, b) if day_number(a.date) < day_number(b.date) else (b, a)
    return (_toll(late) or 0) > (_toll(early) or 0)


def _vague_date(r: Report) -> bool:
    return (r.date_precision or 1) > 1


def happening_of_one_article(a: Report, b: Report) -> bool:
    """Two reports of one article tell one happening when they share day and sub-type and one place
    contains the other ("a gas attack in Idlib province" ... "in Khan Sheikhoun"); otherwise an
    article's reports are different events. A rare weapon (``rare_sub_types``) is the exception on dates: one
    attack is all of its reports nearby within ``days_apart``, so an article telling it on its day and again
    with the next day's toll or reactions tells it twice, not two attacks."""
    if a.sub_event_type != b.sub_event_type or places_relate(a, b) is None:
        return False
    if a.date == b.date:
        return True
    gap = days_apart(a, b)
    return gap is not None and gap <= settings()["linking"]["days_apart"] and \
        a.sub_event_type in settings()["linking"]["rare_sub_types"]


def may_join(a: Report, b: Report) -> bool:
    """True when nothing rules out that two reports tell one happening (both must hold for any event
    to hold both: a region-level report can join one town's event, never two towns' at once)."""
    if not (linkable(a) and linkable(b)) or is_cumulative(a) != is_cumulative(b):
        return False
    if a.article_id is not None and a.article_id == b.article_id:
        return happening_of_one_article(a, b)
    if not types_compatible(a, b) or actors_conflict(a, b):
        return False
    gap = days_apart(a, b)
    if gap is None or places_relate(a, b) is None:
        return False
    if gap and not (_vague_date(a) or _vague_date(b)):
        # on different days, different details are different happenings
        if (tolls_relation(a, b) == "distinct" and not _toll_grew(a, b)) or (a.sub_event_type != b.sub_event_type and not (
                kindred(a.sub_event_type, b.sub_event_type) and tolls_relation(a, b) == "agree")):
            return False
    if a.event_type != b.event_type and tolls_relation(a, b) != "agree":
        return False
    return True


def kindred(a: str | None, b: str | None) -> bool:
    """Two sub-types outlets use for one weapon ("a car bomb" for a suicide car bomb)."""
    return a is not None and b in settings()["_kindred"].get(a, ())


def sameness(a: Report, b: Report, articles: Mapping[str, ArticleMeta] | None = None) -> list[str]:
    """The points of evidence that two reports tell one happening, beyond time and place."""
    s = settings()["linking"]
    points = []
    if a.sub_event_type == b.sub_event_type:
        points.append("sub-type")
        if a.sub_event_type in s["distinctive_sub_types"]:
            points.append("weapon")
        if a.sub_event_type in s["rare_sub_types"]:
            points.append("rare weapon")
    if not is_generic(a.actor1) and not is_generic(b.actor1) and same_actor(a.actor1, b.actor1) and \
            not is_generic(a.actor2) and not is_generic(b.actor2) and same_actor(a.actor2, b.actor2):
        points.append("actors")
    if tolls_relation(a, b) == "agree":
        # one or two dead in a town is the routine of a front, not a detail that singles out a happening
        small = min(_toll(a) or 0, _toll(b) or 0) < s["toll_detail_min"]
        points.append("small toll" if small else "toll")
    if articles:
        ma, mb = articles.get(a.article_id or ""), articles.get(b.article_id or "")
        shared = (ma.words & mb.words) if ma and mb and a.article_id != b.article_id else frozenset()
        if shared:
            points.append("words: " + ", ".join(sorted(shared)))
    if a.claimed_by and b.claimed_by and a.claimed_by.name and \
            _key(a.claimed_by.name) == _key(b.claimed_by.name) and (a.claimed_by.kind or "") != "outlet":
        points.append("claimant")
    return points


#: Points that tell a happening's details, as opposed to the routine of a front (its type, its sides).
DETAILS = {"weapon", "rare weapon", "toll", "words", "claimant"}
#: Details that single out one town of a list: a toll shared out over the list is the same for every town.
LIST_DETAILS = DETAILS - {"toll"}
#: Details that single out one quarter's happening among a city's: the monitor that tells of one quarter's shelling
#: tells of every quarter's that day, so its name is no more a detail than a like toll.
QUARTER_DETAILS = LIST_DETAILS - {"claimant"}


def with_lists(articles: Mapping[str, ArticleMeta], reports: Iterable[Report]) -> Mapping[str, ArticleMeta]:
    """``articles`` with each article's lists marked: the (date, sub-type) it tells at ``listed_places`` or more
    places. A town of a list ("air strikes on A, B, C and D") is one of many an outlet or a coder names that day,
    so its report joins another's only on a detail of that town (settings: ``listed_places``)."""
    first: dict[tuple[str, str, str], object] = {}
    places: dict[tuple[str, str, str], set] = {}  # only the keys told at two places or more
    for r in reports:
        if r.article_id is None or not r.date or r.location is None:
            continue
        key = (r.article_id, r.date, r.sub_event_type)
        place = r.location.geonames_id or r.location.name
        seen = first.setdefault(key, place)
        if seen != place:
            places.setdefault(key, {seen}).add(place)
    need = settings()["linking"]["listed_places"]
    lists: dict[str, set[tuple[str, str]]] = {}
    for (aid, day, sub), found in places.items():
        if len({p if isinstance(p, int) else _key(p) for p in found}) >= need:
            lists.setdefault(aid, set()).add((day, sub))
    if not lists:
        return articles
    out = dict(articles)
    for aid, keys in lists.items():
        m = out.get(aid) or ArticleMeta()
        out[aid] = replace(m, lists=frozenset(keys))
    return out


def _listed(r: Report, m: ArticleMeta | None) -> bool:
    return m is not None and bool(m.lists) and (r.date, r.sub_event_type) in m.lists


@dataclass(frozen=True)
class LinkEvidence:
    """Why two reports link: how their places and dates relate and the points of sameness."""

    place: str
    days: int
    points: tuple[str, ...]
    needed: int
    vague: bool = False  # one report is dated only to its week or month

    @property
    def score(self) -> float:
        """Orders links, strongest first: surplus evidence, then closer dates and places; a late report's link
        after every other, so that a late story told with reports of its own days joins theirs first (and
        an earlier happening only when all of them may); a report dated only to its week or month last of all:
        it cannot tell which happening of its weeks it means, so it joins the events the day-dated and late
        reports have formed, never pulls a late report away from the happening it retells."""
        if self.vague:
            return round(len(self.points) - self.needed - 200 + 0.1 / (1 + self.days), 6)
        if self.points[:1] == ("late report",):
            return round(len(self.points) - 1 - self.needed - 100 + 0.1 / (1 + self.days), 6)
        return round(len(self.points) - self.needed + (self.place == "same") * 0.5 + 0.1 / (1 + self.days), 6)

    def reason(self) -> str:
        place = "same place" if self.place == "same" else "place within the other"
        day = "same day" if self.days == 0 else f"{self.days} day{'s' if self.days > 1 else ''} apart"
        return f"{place}, {day}; " + "; ".join(self.points)


_DOCUMENT = re.compile(r"(?:https?://|www\.)[^\s;|,]+", re.I)


@lru_cache(maxsize=4096)
def source_documents(field: str | None) -> frozenset[str]:
    """The documents a source field cites, by URL (scheme, "www." and a trailing slash dropped): the records of
    a coded dataset (an ACLED export) name the article each was coded from."""
    out = set()
    for url in _DOCUMENT.findall(field or ""):
        key = re.sub(r"^(?:https?://)?(?:www\.)?", "", url.casefold()).rstrip("/.")
        if "/" in key:  # a page, not a bare site
            out.add(key)
    return frozenset(out)


def one_document(ma: ArticleMeta | None, mb: ArticleMeta | None) -> bool:
    """Two records coded from one source document (their source fields cite one URL): the coder read that
    document and told its events apart, one record per place and happening, so the two are never one event (the
    same toll or sentence copied into each record is the document's, not a sign of one happening)."""
    return bool(ma and mb and ma.documents and mb.documents and not ma.documents.isdisjoint(mb.documents))


def records_of_two_days(ma: ArticleMeta | None, mb: ArticleMeta | None) -> bool:
    """Two coded records (``ArticleMeta.event_dated``: an ACLED export's rows) of two event dates: a coded dataset
    records one event per day (ACLED's codebook: fighting that goes on for days is one event a day), so they are two
    events, whatever place, toll or sides they share (a news report may join either, never make them one)."""
    return bool(ma and mb and ma.event_dated and mb.event_dated and ma.published and mb.published
                and ma.published != mb.published)


def _one_outlet(ma: ArticleMeta | None, mb: ArticleMeta | None) -> bool:
    """Both come from one outlet: their source fields share an outlet ("SOHR; SANA" and "SOHR")."""
    if not ma or not mb or not ma.outlet or not mb.outlet:
        return False
    return not _outlet_keys(ma.outlet).isdisjoint(_outlet_keys(mb.outlet))


@lru_cache(maxsize=4096)
def _outlet_keys(field: str) -> frozenset[str]:
    return frozenset(_key(o) for o in split_sources(field)[0]) - {""}


def is_reference(r: Report) -> bool:
    """A dated mention of a past happening (``warwire.extract.references``): it joins an event, never makes one."""
    return REFERENCE in (r.tags or ())


def reference_evidence(a: Report, b: Report) -> LinkEvidence | None:
    """Whether a reference (``a`` or ``b``) joins the other, a report of the news: the same day (within
    ``days_apart``), the same place or one within the other, the same sub-type (or a kindred one); one place
    contained in the other or another day needs a detail too (weapon, toll, claimant). A reference told only by
    its week or month (``told_within``) joins a report of a day in that week or month, on its toll and one more
    detail (``VAGUE_REFERENCE_DETAILS``); one told only by its year (``YEAR``: "sarin was used there in 2013"), a
    report of that year, on those and a toll of at least ``linking.year_told.min_toll``."""
    ref, news = (a, b) if is_reference(a) else (b, a)
    if is_reference(news) or ref.article_id == news.article_id or not (linkable(ref) and linkable(news)):
        return None  # two references, or an article's own report: nothing to join
    if country_wide(ref):
        # placed only at its country: the same rare weapon on the very day it tells, in that country
        if country_only(news.location) or _norm(news.location.country) != _norm(ref.location.country) or \
                news.sub_event_type != ref.sub_event_type or news.date != ref.date or \
                (news.date_precision or 1) != 1 or actors_conflict(ref, news):
            return None
        return LinkEvidence("within", 0, ("reference", "country-wide") + tuple(sameness(ref, news)), 0)
    if ref.sub_event_type != news.sub_event_type and not kindred(ref.sub_event_type, news.sub_event_type):
        return None
    place = places_relate(ref, news)
    gap = days_apart(ref, news)
    vague = (ref.date_precision or 1) > 1
    if vague:
        gap = gap if told_within(ref, news) else None
    elif gap is not None and gap > settings()["linking"]["days_apart"]:
        gap = None
    if place is None or gap is None or actors_conflict(ref, news):
        return None
    points = tuple(sameness(ref, news))
    kinds = {p.split(":")[0] for p in points}
    if (gap or place != "same") and not kinds & DETAILS:
        return None
    if vague and not ("toll" in kinds and kinds & VAGUE_REFERENCE_DETAILS):
        return None  # a month holds many happenings of a type at a place: its toll and one more detail pick one
    if year_told(ref) and (_toll(ref) or 0) < settings()["linking"]["year_told"]["min_toll"]:
        return None  # a year holds many happenings of a type at a place: only a mass toll picks one
    told = ("reference", "told by its year") if year_told(ref) else ("reference",)
    return LinkEvidence(place, gap, told + points, 0)


#: Besides an agreeing toll, one of these a week- or month-dated reference shares with the report it joins: a toll
#: alone meets many happenings of a month at a place (strikes on a town one week, executions there another).
VAGUE_REFERENCE_DETAILS = {"weapon", "rare weapon", "words", "claimant", "actors"}


def told_within(ref: Report, news: Report) -> bool:
    """Whether a week-, month- or year-dated reference's week, month or year holds the news report's day: a month-
    or year-dated one ("in early October", "last month", "in 2013") is dated to its first day, a week-dated one within
    ``date_tolerance`` of the day it is dated to."""
    if not ref.date or not news.date or (news.date_precision or 1) != 1:
        return False
    if year_told(ref):
        return news.date[:4] == ref.date[:4]
    if (ref.date_precision or 1) >= 3:
        return news.date[:7] == ref.date[:7]
    return abs(day_number(ref.date) - day_number(news.date)) <= date_tolerance(ref.date_precision)


# --- Late reports: a story dated only by its publication day ------------------------------------------
#
# A report whose text tells no date of its own (its date is its article's publication day: a later story, a
# retrospective, a week's round-up) may tell a happening of the days before. It links to a report whose date
# its text tells, up to ``late_reports.days`` earlier (beyond ``days_apart``), on strong evidence: the same
# sub-type, one place or one within the other, no detail that differs, and a detail of the happening in common
# (settings ``late_reports.details``). Each late report keeps only its best such link, so a late story joins
# one happening, never bridges a fortnight of strikes on one town.


def date_from_text(r: Report) -> bool:
    """The report's date is read from its text (its evidence holds the date's words)."""
    return "date" in r.evidence


def may_be_late(r: Report) -> bool:
    """Whether ``r`` could be a late report, judged without its article (what blocking can tell): day-dated, no
    reference, and no date read from its text unless such reports may be late too (``late_reports.told``)."""
    return (r.date_precision or 1) == 1 and bool(r.date) and not is_reference(r) and (
        not date_from_text(r) or bool(settings()["linking"]["late_reports"]["told"]))


def is_late(r: Report, m: ArticleMeta | None) -> bool:
    """Dated by its article's publication day: the text telling no date of its own, or telling only that day
    ("on Monday" in a Monday story, ``late_reports.told``), which may be the day its news was told, not the day of
    the happening it retells; never a report of a coded record (``ArticleMeta.event_dated``: an ACLED row's date
    is its event's day, not a later story's)."""
    return may_be_late(r) and m is not None and m.published == r.date and not m.event_dated


def late_pair(a: Report, b: Report, articles: Mapping[str, ArticleMeta] | None,
              told: bool = True) -> tuple[Report, Report, int] | None:
    """(late report, earlier report, days between) when one of ``a`` and ``b`` is a late report of the other's
    happening as far as dates go: beyond ``days_apart`` and within ``late_reports.days``; the earlier one dated by
    its text when ``told`` (a link needs that; an event may hold others of that day)."""
    if not articles or not a.date or not b.date:
        return None
    late, early = (a, b) if day_number(a.date) > day_number(b.date) else (b, a)
    gap = day_number(late.date) - day_number(early.date)
    s = settings()["linking"]
    if not s["days_apart"] < gap <= s["late_reports"]["days"] or (early.date_precision or 1) != 1 or \
            (told and not date_from_text(early)) or late.article_id == early.article_id:
        return None
    if not is_late(late, articles.get(late.article_id or "")):
        return None
    return late, early, gap


def late_may_join(a: Report, b: Report, articles: Mapping[str, ArticleMeta] | None, told: bool = False) -> bool:
    """Nothing rules out that a late report tells the other's happening: the same sub-type, places that
    relate, no sides in conflict and no toll far smaller (a later, much smaller toll is another happening)."""
    pair = late_pair(a, b, articles, told)
    if pair is None:
        return False
    late, told, _ = pair
    if late.sub_event_type != told.sub_event_type or is_cumulative(late) != is_cumulative(told) or \
            actors_conflict(late, told) or place_relation(late.location, told.location) is None:
        return False
    return not (tolls_relation(late, told) == "distinct" and not _toll_grew(late, told))


def late_evidence(a: Report, b: Report, articles: Mapping[str, ArticleMeta] | None) -> LinkEvidence | None:
    """The evidence that a late report tells the other's happening (see above), or None."""
    if not late_may_join(a, b, articles, told=True):
        return None
    late, told, gap = late_pair(a, b, articles)  # type: ignore[misc]
    s = settings()["linking"]
    place = place_relation(late.location, told.location)
    needed = s["evidence_needed"][place] + s["evidence_needed"]["days_apart"] + s["late_reports"]["extra_evidence"]
    if _one_outlet(articles.get(a.article_id or ""), articles.get(b.article_id or "")):
        return None  # an outlet's story of a later day with nothing dated is its news of that day
    points = sameness(late, told, articles)
    kinds = {p.split(":")[0] for p in points}
    if len(points) < needed or not kinds & set(s["late_reports"]["details"]):
        return None
    if date_from_text(late) and not kinds & set(s["late_reports"]["told"]):
        # its text tells the publication day: most often the news of that day, so a toll alike or the monitor that
        # tells of every day is no sign it retells an earlier happening; the weapon or the words are
        return None
    if place == "within" and not kinds & QUARTER_DETAILS and two_quarters(late, told):
        return None  # two quarters of one city: the same weapon or words, not a toll or claimant (``link_evidence``)
    return LinkEvidence(place, gap, ("late report",) + tuple(points), needed)


def is_late_link(ev: LinkEvidence) -> bool:
    return ev.points[:1] == ("late report",)


def link_evidence(a: Report, b: Report, articles: Mapping[str, ArticleMeta] | None = None) -> LinkEvidence | None:
    """The evidence that ``a`` and ``b`` tell one happening, or None when it is not enough (or they may
    not join)."""
    if is_reference(a) or is_reference(b):
        return reference_evidence(a, b)
    if not may_join(a, b):
        return late_evidence(a, b, articles) if articles else None
    found = judge_same(a, b, articles)
    return found if isinstance(found, LinkEvidence) else None


#: What ``judge_same`` names as lacking when two reports that may join do not link, in the order it asks.
SHORT_OF = ("one document", "points", "detail on another day", "detail", "one outlet's other day", "detail within",
            "region's detail", "detail across the line", "quarter's detail", "list's detail")


def judge_same(a: Report, b: Report, articles: Mapping[str, ArticleMeta] | None = None) -> LinkEvidence | str:
    """For two reports that may join (``may_join``): the evidence that they tell one happening, or what it lacks
    (one of ``SHORT_OF``), by the scoring rule written down above ``region_level``."""
    if articles and a.article_id != b.article_id and (
            one_document(ma := articles.get(a.article_id or ""), mb := articles.get(b.article_id or ""))
            or records_of_two_days(ma, mb)):
        return "one document"  # two records a coder made from one document, or of two days: two events
    place = places_relate(a, b)
    gap = days_apart(a, b)
    table = settings()["linking"]["evidence_needed"]
    one_outlet = False
    if a.article_id is not None and a.article_id == b.article_id:
        needed = 1  # one article's two accounts: may_join already asked for day, sub-type and place
    else:
        # two reports placed only at one area or province are somewhere in it, not at one place
        level = "within" if place == "same" and _somewhere_in(a.location) and _somewhere_in(b.location) else place
        needed = table[level] + (table["days_apart"] if gap or _vague_date(a) or _vague_date(b) else 0)
        one_outlet = bool(articles) and _one_outlet(articles.get(a.article_id or ""), articles.get(b.article_id or ""))
        if one_outlet and not (a.sub_event_type == b.sub_event_type and a.sub_event_type in settings()["linking"][
                "rare_sub_types"]):
            # an outlet tells a happening once; but a rare weapon's reports nearby are all of one attack
            needed += table["same_outlet"]
    points = sameness(a, b, articles)
    if len(points) < needed:
        return "points"
    kinds = {p.split(":")[0] for p in points}
    if gap and not kinds & settings()["_days_apart_details"]:
        # a mine or a bomb of a common kind goes off in a town most weeks: on another day the same weapon needs the
        # toll again, the words or the claimant of the happening
        return "detail on another day"
    if (gap or one_outlet) and not kinds & DETAILS:
        # on a front fought daily, the same type and sides on two days are two days of fighting; an outlet's
        # two stories of one place and day that share no detail are two happenings it told apart
        return "detail"
    if gap and one_outlet and not kinds & (DETAILS - {"claimant", "toll"}) and (
            _toll(a) != _toll(b) or gap > settings()["linking"]["same_outlet_toll_days"]):
        # an outlet's stories of two days quote its usual sources; they tell one happening when they give its
        # toll again the next day (or share its weapon or words), not a toll of another day; further apart, the
        # same round toll is as likely another strike on the same city told in the outlet's usual words
        return "one outlet's other day"
    if place == "within" and a.article_id != b.article_id and not kinds & settings()["_within_details"]:
        # an area and the towns within area_km of it see many happenings of one type a day: one of them is
        # singled out by a detail of its own, not by its type, its sides or a death or two
        return "detail within"
    region = settings()["linking"]["region_and_town"]
    if place == "within" and region_and_town(a.location, b.location) and a.article_id != b.article_id and (
            len(points) < needed + region["extra_evidence"] or not kinds & set(region["details"])):
        # a region-level report tells one happening somewhere in the region: it joins a town's event only on a
        # detail of that happening, or it would absorb every town's event of that day and type as one
        return "region's detail"
    if place == "within" and not kinds & LIST_DETAILS and across_line(a.location, b.location):
        # a city and a suburb across its governorate's line: the same weapon, words or claimant, not a toll alone
        return "detail across the line"
    if place == "within" and not kinds & QUARTER_DETAILS and two_quarters(a, b):
        # two quarters of one city (its quarters are shelled on one day, often with like tolls, told by one monitor):
        # the same weapon or words, not a toll or a claimant
        return "quarter's detail"
    if a.article_id != b.article_id and articles and not kinds & LIST_DETAILS and (
            _listed(a, articles.get(a.article_id or "")) or _listed(b, articles.get(b.article_id or ""))):
        return "list's detail"  # a town of a list, with nothing of its own in common with the other report
    return LinkEvidence(place, gap, tuple(points), needed, _vague_date(a) or _vague_date(b))


def reach_days(precision: int | None) -> int:
    """Days either side of a report's date that a report of the same happening may carry, for linking."""
    if (precision or 1) == 1:
        return settings()["linking"]["days_apart"]
    return date_tolerance(precision)


def year_told(r: Report) -> bool:
    """A happening told by its year only (``YEAR``): a reference dated to its year's first day."""
    return (r.date_precision or 1) >= YEAR


def told_days(r: Report) -> tuple[int, int]:
    """The first and last day a report's date stands for (day numbers): its day, or for a happening told by its year
    only (``YEAR``, dated to the year's first day) the year's days: a report of any of them may link to it."""
    day = day_number(r.date)
    if not year_told(r):
        return day, day
    return day, date(date.fromordinal(day).year, 12, 31).toordinal()


def link_reach_days() -> int:
    """Days beyond which no two reports link: the widest date reach (a late report's included)."""
    return max([reach_days(p) for p in (1, 2, 3)] + [settings()["linking"]["late_reports"]["days"]])


def opening_words(title: str | None, text: str | None) -> frozenset[str]:
    """The distinctive words of an article's title and opening, singular and lower case."""
    n = settings()["linking"]["opening_chars"]
    found = settings()["_words"].findall(f"{title or ''} {(text or '')[:n]}")
    return frozenset(w.casefold() for w in found)
