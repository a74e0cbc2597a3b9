"""Counting and comparing: metrics, error cases, and the value comparisons every gold kind shares."""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from warwire.knowledge import acled
from warwire.model import Report
from warwire.resources import load_yaml

#: Two place names match when their normalised forms are this similar (0..100):
#: transliterations differ ("Maarat al-Numan", "Ma'arrat an Nu'man").
NAME_SIMILARITY = 80
#: Reading order of metric names in tables.
FIELD_ORDER = ["reports", "event_type", "sub_event_type", "tags", "date", "date_precision", "location", "admin1",
               "governorate", "actor1", "actor2", "actor", "fatalities", "victims", "nb_civilians", "nb_noncivilians",
               "nb_children", "nb_women", "injured", "cause_of_death", "claimed_by", "primary"]
#: A predicted place within this many km of the gold coordinates is the same place.
PLACE_KM = 10.0


@dataclass
class Metric:
    """Precision/recall/F1 over counted items (``kind="prf"``) or accuracy over compared pairs."""

    name: str
    kind: str = "accuracy"
    tp: int = 0
    fp: int = 0
    fn: int = 0
    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> bool:
        self.total += 1
        self.correct += bool(ok)
        return ok

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.total if self.total else None

    @property
    def value(self) -> float | None:
        """The number a floor applies to: F1 for counted items, accuracy for pairs."""
        return self.f1 if self.kind == "prf" else self.accuracy

    @property
    def support(self) -> int:
        return self.tp + self.fn if self.kind == "prf" else self.total

    def to_dict(self) -> dict[str, Any]:
        if self.kind == "prf":
            return {"kind": "prf", "precision": self.precision, "recall": self.recall, "f1": self.f1,
                    "tp": self.tp, "fp": self.fp, "fn": self.fn}
        return {"kind": "accuracy", "accuracy": self.accuracy, "correct": self.correct, "total": self.total}


@dataclass
class Case:
    """One gold item and what went wrong on it; ``badness`` orders the worst first."""

    id: str
    text: str
    badness: int
    diffs: list[str] = field(default_factory=list)


@dataclass
class Scores:
    """The result of scoring one gold set: metrics by name, error cases, and how fast it ran."""

    dataset: str
    n: int = 0
    seconds: float = 0.0
    source: str | None = None  # the gold file scored
    metrics: dict[str, Metric] = field(default_factory=dict)
    cases: list[Case] = field(default_factory=list)
    extras: dict[str, Any] = field(default_factory=dict)  # counts a floor does not apply to (reports per event)

    def ordered(self) -> list[Metric]:
        """Metrics in reading order: report counts, then the record's fields as DESIGN.md lists them."""
        def key(m: Metric) -> tuple[int, str]:
            head = m.name.split(".")[0]
            return (FIELD_ORDER.index(head) if head in FIELD_ORDER else len(FIELD_ORDER), m.name)
        return sorted(self.metrics.values(), key=key)

    def metric(self, name: str, kind: str = "accuracy") -> Metric:
        if name not in self.metrics:
            self.metrics[name] = Metric(name, kind)
        return self.metrics[name]

    @property
    def speed(self) -> float | None:
        """Articles per second of the extraction run."""
        return self.n / self.seconds if self.seconds else None

    def worst(self, n: int) -> list[Case]:
        return sorted((c for c in self.cases if c.badness), key=lambda c: -c.badness)[:n]

    def values(self) -> dict[str, float]:
        """Floor-able values by metric name (metrics with nothing counted are left out)."""
        return {k: round(m.value, 4) for k, m in self.metrics.items() if m.value is not None}

    def to_dict(self, errors: int = 0) -> dict[str, Any]:
        d: dict[str, Any] = {"dataset": self.dataset, "source": self.source, "n": self.n, "seconds": round(self.seconds, 3),
                             "speed": self.speed, "metrics": {k: m.to_dict() for k, m in self.metrics.items()}}
        if self.extras:
            d["extras"] = dict(self.extras)
        if errors:
            d["errors"] = [c.__dict__ for c in self.worst(errors)]
        return d


@lru_cache(maxsize=1)
def mappings() -> dict[str, Any]:
    """The comparison tables: FA-KES's in ``mappings.yaml`` and ACLED's in ``knowledge/acled.yaml`` (loaded once)."""
    return {**acled.tables(), **load_yaml("warwire.eval", "mappings.yaml")}


admin1 = acled.admin1  # the scorers take it from here

_ARTICLE = re.compile(r"\b(?:al|el|ad|ar|as|ash|at|az|an|ath)\b[-\s]*")


def place_key(name: str) -> str:
    """A place name reduced for comparison: no case, accents, articles (al-, ash-...), punctuation or doubled letters."""
    s = unicodedata.normalize("NFKD", name).casefold()
    s = _ARTICLE.sub("", s.replace("'", "").replace("\u2019", ""))
    s = "".join(ch for ch in s if ch.isalnum())
    return re.sub(r"(.)\1+", r"\1", s)


def same_place(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return a == b
    ka, kb = place_key(a), place_key(b)
    return ka == kb or fuzz.ratio(ka, kb) >= NAME_SIMILARITY


#: A gold place name the gazetteer puts this close to the predicted point is the same place.
SAME_POINT_KM = 3.0


@lru_cache(maxsize=1)
def _gazetteer():
    try:
        from warwire.knowledge.gazetteer import Gazetteer

        return Gazetteer.load()
    except Exception:  # no gazetteer built: names are compared as written
        return None


@lru_cache(maxsize=4096)
def _point(name: str, admin1: str | None) -> tuple[float, float] | None:
    gaz = _gazetteer()
    loc = gaz.lookup(name, admin1) if gaz else None
    return (loc.lat, loc.lon) if loc and loc.lat is not None else None


def same_location(name: str, admin1: str | None, got: dict[str, Any] | None) -> bool:
    """Whether a predicted location is the gold's named place: the names match loosely, or the gazetteer
    puts the gold name (in its governorate) within ``SAME_POINT_KM`` of the predicted point.

    Transliterations differ too much for names alone ("Morek", "Murak"; "Al-Rai", "Ar-Ra'ee").
    """
    if not got:
        return False
    if same_place(name, got.get("name")):
        return True
    point = _point(name, admin1)
    lat, lon = got.get("lat"), got.get("lon")
    return point is not None and lat is not None and lon is not None and km(*point, lat, lon) <= SAME_POINT_KM


def actor_key(name: str) -> str:
    """An actor name without its ACLED period suffix ("Military Forces of Syria (2000-)") and case."""
    return re.sub(r"\s*\(\d{4}-\d{0,4}\)", "", name).strip().casefold()


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def primary_report(reports: list[Report]) -> Report | None:
    """The article's lead report: the one marked primary, else the first."""
    for r in reports:
        if r.primary:
            return r
    return reports[0] if reports else None


def spaced(items: list, limit: int | None) -> list:
    """At most ``limit`` items, evenly spaced through the list: the same ones every run, from every part of it."""
    if not limit or limit >= len(items):
        return items
    step = len(items) / limit
    return [items[int(i * step)] for i in range(limit)]


def excerpt(text: str, n: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "\u2026"
