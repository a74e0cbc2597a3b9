"""The records warwire passes between stages: plain dataclasses, no I/O.

Field names follow DESIGN.md's report record, which uses ACLED's and UCDP's
words. Every record converts to and from the JSON shape of the contract with
``to_dict`` / ``from_dict``.
"""
from __future__ import annotations

import hashlib
import unicodedata
from copy import deepcopy
from dataclasses import asdict, dataclass, field, fields, is_dataclass
from datetime import date
from typing import Any

EVENT_TYPES: dict[str, list[str]] = {
    "Battles": ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
    "Explosions/Remote violence": [
        "Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
        "Suicide bomb", "Grenade", "Chemical weapon",
    ],
    "Violence against civilians": ["Attack", "Abduction/forced disappearance", "Sexual violence"],
    "Protests": ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"],
    "Riots": ["Violent demonstration", "Mob violence"],
    "Strategic developments": [
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other",
    ],
}
SUB_EVENT_TYPES: dict[str, str] = {sub: et for et, subs in EVENT_TYPES.items() for sub in subs}

ACTOR_KINDS = (
    "State forces", "Rebel group", "Political militia", "Identity militia",
    "Rioters", "Protesters", "Civilians", "External/Other forces",
)
QUALIFIERS = ("exact", "at_least", "about", "at_most", "vague")


def normalise_text(text: str) -> str:
    """Text as compared for identity: NFC, whitespace collapsed, case folded.

    Whitespace is collapsed by ``str.split``, which splits at the characters a regular expression's ``\\s`` matches
    (both ask ``str.isspace``), and drops them at the ends: a quarter of the time of a substitution and a strip.
    """
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


def article_id(text: str) -> str:
    """Stable id of an article: the first 16 hex digits of SHA-256 of its normalised text."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:16]


def record_id(text: str, published: str | None, outlet: str | None) -> str:
    """Id of an article whose text is already stored under another date or outlet: the same text
    dated or sourced differently is another record (two ACLED notes worded alike), not a copy."""
    key = "\x1f".join((normalise_text(text), published or "", normalise_text(outlet or "")))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


_NAMES: dict[type, tuple[str, ...]] = {}
_ATOMS = (str, int, float, bool, type(None))


def _names(cls: type) -> tuple[str, ...]:
    names = _NAMES.get(cls)
    if names is None:
        names = _NAMES[cls] = tuple(f.name for f in fields(cls))
    return names


def _plain(value: Any) -> Any:
    """``dataclasses.asdict``'s conversion of one value, without its generic dispatch and deep copies of
    immutable values: records become dicts, lists, tuples and dicts are copied, anything else deep-copied."""
    kind = type(value)
    if kind in _ATOMS:
        return value
    if isinstance(value, _Record):
        return {name: _plain(getattr(value, name)) for name in _names(kind)}
    if kind is list:
        return [_plain(v) for v in value]
    if kind is dict:
        return {_plain(k): _plain(v) for k, v in value.items()}
    if kind is tuple:
        return tuple(_plain(v) for v in value)
    if isinstance(value, (list, tuple, dict)) or (is_dataclass(value) and not isinstance(value, type)):
        return asdict(_Holder(value))["value"]  # asdict's own rules for anything rarer
    return deepcopy(value)


@dataclass
class _Holder:
    value: Any


class _Record:
    """Shared JSON conversion for the dataclasses below."""

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None):
        if d is None:
            return None
        names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
        return cls(**{k: v for k, v in d.items() if k in names})


@dataclass
class Article(_Record):
    """One news item as ingested. ``published`` is the base for relative dates."""

    text: str
    id: str = ""
    source_id: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None  # ISO date
    dateline: list[str] = field(default_factory=list)
    url: str | None = None
    origin: str | None = None  # file:row, URL or "stdin"
    metadata_date: str | None = None  # the date the input gave, when the text printed another one
    duplicate_of: str | None = None  # id of the original of a near-duplicate (syndicated copy)
    # ``published`` is the date of the event the text tells, not of a story (a coded record: an ACLED row's
    # event date), so a report dated by it is no late telling of an earlier happening
    event_dated: bool = False
    cumulative: list[CumulativeToll] = field(default_factory=list)  # set by extraction

    def __post_init__(self) -> None:
        if not self.id:
            self.id = article_id(self.text)

    @property
    def published_date(self) -> date | None:
        return date.fromisoformat(self.published) if self.published else None

    def header(self) -> dict[str, Any]:
        """The article fields of an ``extract`` output line (DESIGN.md)."""
        return {
            "id": self.id, "source_id": self.source_id, "outlet": self.outlet, "title": self.title,
            "published": self.published, "dateline": list(self.dateline), "url": self.url,
            "cumulative": [c.to_dict() for c in self.cumulative],
        }


@dataclass
class Location(_Record):
    name: str
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: int | None = None  # 1 town, 2 area or near a town, 3 province
    geonames_id: int | None = None


@dataclass
class Actor(_Record):
    name: str
    kind: str | None = None  # one of ACTOR_KINDS
    country: str | None = None


@dataclass
class Count(_Record):
    """A casualty figure: fatalities or injured."""

    best: int | None = None
    low: int | None = None
    high: int | None = None
    qualifier: str | None = None  # one of QUALIFIERS


@dataclass
class Victims(_Record):
    civilians: int | None = None
    combatants: int | None = None
    children: int | None = None
    women: int | None = None


@dataclass
class Claim(_Record):
    """Who an article says makes a claim."""

    name: str
    kind: str | None = None  # monitor, state media, government, activists, spokesperson, ...


@dataclass
class CumulativeToll(_Record):
    """A toll the article sums over a period or the whole war ("600 killed since 2014"): a fact it tells, never
    an event's toll. ``evidence`` holds the toll's and its event word's offsets into the text."""

    killed: Count = field(default_factory=Count)
    victims: Victims = field(default_factory=Victims)
    claimed_by: Claim | None = None
    evidence: dict[str, list[int]] = field(default_factory=dict)


class ArticleReports(list):
    """The reports of one article, carrying the article's cumulative tolls with them (across processes too)."""

    def __init__(self, reports=(), cumulative: list[CumulativeToll] | None = None) -> None:
        super().__init__(reports)
        self.cumulative: list[CumulativeToll] = list(cumulative or [])


Span = tuple[int, int]


#: Date precision of a happening told by its year only (a reference, dated to the year's first day).
YEAR_TOLD = 4


@dataclass
class Report(_Record):
    """One article's claim about one event. Evidence offsets index the article text."""

    event_type: str
    sub_event_type: str
    tags: list[str] = field(default_factory=list)
    date: str | None = None
    date_precision: int | None = None  # 1 day, 2 week, 3 month, YEAR_TOLD a past happening told by its year only
    location: Location | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    fatalities: Count = field(default_factory=Count)
    victims: Victims = field(default_factory=Victims)
    injured: Count | None = None
    claimed_by: Claim | None = None
    primary: bool = False
    evidence: dict[str, list[int]] = field(default_factory=dict)
    confidence: float = 0.5
    # Not part of the extract record: set when a report is stored.
    article_id: str | None = None
    index: int | None = None

    @property
    def id(self) -> str | None:
        return f"{self.article_id}:{self.index}" if self.article_id is not None else None

    def to_dict(self, with_ids: bool = False) -> dict[str, Any]:
        d = {name: _plain(getattr(self, name)) for name in _names(Report) if name not in ("article_id", "index")}
        if with_ids:
            d = {"id": self.id, "article_id": self.article_id, **d}
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Report":
        d = dict(d)
        if d.get("id") and not d.get("article_id"):
            aid, _, idx = str(d["id"]).rpartition(":")
            d["article_id"], d["index"] = aid, int(idx)
        r = super().from_dict.__func__(cls, d)  # type: ignore[attr-defined]
        r.location = Location.from_dict(d.get("location"))
        r.actor1 = Actor.from_dict(d.get("actor1"))
        r.actor2 = Actor.from_dict(d.get("actor2"))
        r.fatalities = Count.from_dict(d.get("fatalities")) or Count()
        r.victims = Victims.from_dict(d.get("victims")) or Victims()
        r.injured = Count.from_dict(d.get("injured"))
        r.claimed_by = Claim.from_dict(d.get("claimed_by"))
        r.tags = list(d.get("tags") or [])
        r.evidence = {k: list(v) for k, v in (d.get("evidence") or {}).items()}
        return r


@dataclass
class Contradiction(_Record):
    """Reports of one event that disagree on a field. ``values``: [{value, report, outlet, claimed_by}]."""

    field: str
    values: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Event(_Record):
    """Reports of the same happening, linked across articles and outlets."""

    id: str
    event_type: str
    sub_event_type: str
    tags: list[str] = field(default_factory=list)
    date_start: str | None = None
    date_end: str | None = None
    location: Location | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    fatalities: dict[str, int | None] = field(default_factory=lambda: {"low": None, "best": None, "high": None})
    victims: Victims = field(default_factory=Victims)
    reports: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    n_sources: int = 0
    contradictions: list[Contradiction] = field(default_factory=list)
    verdict: dict[str, Any] | None = None
    link_reasons: dict[str, str] = field(default_factory=dict)  # report id -> why it joined the event

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Event":
        e = super().from_dict.__func__(cls, d)  # type: ignore[attr-defined]
        e.location = Location.from_dict(d.get("location"))
        e.actor1 = Actor.from_dict(d.get("actor1"))
        e.actor2 = Actor.from_dict(d.get("actor2"))
        e.victims = Victims.from_dict(d.get("victims")) or Victims()
        e.contradictions = [Contradiction.from_dict(c) for c in d.get("contradictions") or []]
        return e
