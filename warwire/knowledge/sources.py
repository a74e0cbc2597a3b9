"""Source fields as outlets: how a byline or an ACLED source list names the outlets (and the
claimants) behind a story. Read by linking (one outlet counts once) and the store's outlet list."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from warwire.resources import read_yaml

#: What separates the outlets of a source field, longest first (the store's outlet filter splits by them too).
#: ":" ends a source's name before its links in ACLED exports ("SOHR: SOHR__http://...").
SEPARATORS = (" and ", " & ", ";", ":", "/", "|", ",")
_SEPARATORS = re.compile(r"\s*(?:" + "|".join(re.escape(s) for s in SEPARATORS) + r")\s*", re.I)
# A link, with the label an export glues to it ("SOHR__http://...", "Step_https://..."), its scheme cut short too
# ("LiveUMap_ttps://...": the field's first letter lost to a separator).
_URL = re.compile(r"(?:[\w.-]+_+|[_\s]+)?(?:h?ttps?://|www\.)[^\s;|]*", re.I)
#: Claimant kinds that speak for a side (an armed group, a ministry, an army): named in a source field, they are
#: who makes the claim, not an outlet that reports it (knowledge/claimants.yaml and each pack's).
SIDE_KINDS = ("armed group", "government", "local officials")
_MEDIA = re.compile(r"agency|news|\bTV\b|television|channel|media|press", re.I)
#: A part of a source field with more words than this is prose that slipped into it, not a name.
MAX_NAME_WORDS = 7
#: Words of a source list that name who speaks, not an outlet ("SOHR and activists").
CLAIMANT_WORDS = re.compile(r"^(?:local |opposition |media )?(?:activists?|residents?|sources?|witnesses|"
                            r"monitors?|medics|doctors|officials?)$", re.I)


def split_sources(field: str | None) -> tuple[list[str], list[str]]:
    """A source field as outlets and claimants: "SOHR; SANA; Step News Agency" is three outlets,
    "SOHR and activists" an outlet and a claimant, "SOHR; Russian Ministry of Defence" an outlet and the side
    that speaks (``SIDE_KINDS``); links, numbers and prose are dropped and case is normalised
    ("REUTERS", "reuters" -> "Reuters"; acronyms stay)."""
    outlets: list[str] = []
    claimants: list[str] = []
    seen: set[str] = set()
    for part in _SEPARATORS.split(_URL.sub("", field or "")):
        name = part.strip(" .-_")
        if not name or name.casefold() in seen:
            continue
        seen.add(name.casefold())
        if not any(ch.isalpha() for ch in name) or len(name.split()) > MAX_NAME_WORDS or \
                name[0].islower() and len(name.split()) > 3:
            continue  # a number, a stray "&", a sentence of the note
        if CLAIMANT_WORDS.match(name):
            claimants.append(name.casefold())
            continue
        if _sides().fullmatch(name):
            claimants.append(name)
            continue
        if name.islower() or (name.isupper() and len(name) > 5):
            name = name.title()
        outlets.append(name)
    return outlets, claimants


@lru_cache(maxsize=1)
def _sides() -> re.Pattern:
    """The names and aliases of the claimants that speak for a side (``SIDE_KINDS``), of every war."""
    root = resources.files("warwire.knowledge")
    files = [root / "claimants.yaml"] + [p / "claimants.yaml" for p in (root / "packs").iterdir()
                                         if (p / "claimants.yaml").is_file()]
    names = []
    for f in sorted(files, key=str):
        for c in read_yaml(f)["claimants"]:
            if c.get("kind") in SIDE_KINDS:
                # an alias naming a news agency or channel names the outlet that relays the side (Anadolu)
                names += [re.escape(c["name"])] + [a for a in c.get("aliases") or () if not _MEDIA.search(a)]
    return re.compile("(?:" + "|".join(names) + ")", re.I) if names else re.compile(r"(?!)")


def main_outlet(field: str | None) -> str | None:
    """The first outlet of a source field, normalised (see ``split_sources``)."""
    outlets, _ = split_sources(field)
    return outlets[0] if outlets else None
