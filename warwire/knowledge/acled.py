"""ACLED's codebook as warwire reads it (``acled.yaml``): event types of either typology, the
interaction codes as actor kinds, and governorates in ACLED's spelling.

Used wherever an ACLED record is read: the reference checks (``verify``) and the scorer (``eval``).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

from warwire.model import ACTOR_KINDS
from warwire.resources import load_yaml

ACLED_YAML = Path(__file__).with_name("acled.yaml")
_RIOT = re.compile(r"\briot", re.I)
_KIND = {k.casefold().rstrip("s"): k for k in ACTOR_KINDS}


def tables() -> dict[str, Any]:
    """The tables of ``acled.yaml``, loaded once."""
    return load_yaml(ACLED_YAML)


def event_type(raw: str, text: str) -> str:
    """Today's event type for an ACLED event type of either typology (a riot note makes Riots/Protests Riots)."""
    mapped = tables()["acled_event_types"].get(raw, raw)
    if raw == "Riots/Protests" and _RIOT.search(text):
        return "Riots"
    return mapped


def sub_event_type(raw: str | None) -> str | None:
    """Today's sub-event type named by a pre-2019 event type, None for the event types that name none."""
    return tables()["acled_sub_event_types"].get(raw) if raw else None


def inter_kind(value: str | None) -> str | None:
    """An ACLED inter code (1..8, 0 = none) or kind name as one of the eight kinds, None for no actor."""
    value = (value or "").strip()
    if value.isdigit():
        return tables()["acled_inter"].get(int(value))
    return _KIND.get(value.casefold().rstrip("s")) if value else None


def _key(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s.casefold() if ch.isalnum())


@lru_cache(maxsize=1)
def _admin1_index() -> dict[str, str]:
    index = {}
    for canonical, others in tables()["admin1"].items():
        for name in [canonical, *others]:
            index[_key(name)] = canonical
    return index


def admin1(name: str | None) -> str | None:
    """The ACLED spelling of a governorate name in any spelling the sources use (unknown names pass through)."""
    if not name:
        return None
    return _admin1_index().get(_key(name), name)
