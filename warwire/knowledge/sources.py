"""Source fields as outlets: how a byline or an ACLED source list names the outlets (and the
claimants) behind a story. Read by linking (one outlet counts once) and the store's outlet list."""
from __future__ import annotations

import re

#: What separates the outlets of a source field, longest first (the store's outlet filter splits by them too).
#: ":" ends a source's name before its links in ACLED exports ("SOHR: SOHR__http://...").
SEPARATORS = (" and ", " & ", ";", ":", "/", "|", ",")
_SEPARATORS = re.compile(r"\s*(?:" + "|".join(re.escape(s) for s in SEPARATORS) + r")\s*", re.I)
# A link, with the label an export glues to it ("SOHR__http://...", "Step_https://...").
_URL = re.compile(r"(?:[\w.-]+_+|[_\s]+)?(?:https?://|www\.)[^\s;|]*", re.I)
#: Words of a source list that name who speaks, not an outlet ("SOHR and activists").
CLAIMANT_WORDS = re.compile(r"^(?:local |opposition |media )?(?:activists?|residents?|sources?|witnesses|"
                            r"monitors?|medics|doctors|officials?)$", re.I)


def split_sources(field: str | None) -> tuple[list[str], list[str]]:
    """A source field as outlets and claimants: "SOHR; SANA; Step News Agency" is three outlets,
    "SOHR and activists" an outlet and a claimant; links are dropped and case is normalised
    ("REUTERS", "reuters" -> "Reuters"; acronyms stay)."""
    outlets: list[str] = []
    claimants: list[str] = []
    seen: set[str] = set()
    for part in _SEPARATORS.split(_URL.sub("", field or "")):
        name = part.strip(" .-_")
        if not name or name.casefold() in seen:
            continue
        seen.add(name.casefold())
        if CLAIMANT_WORDS.match(name):
            claimants.append(name.casefold())
            continue
        if name.islower() or (name.isupper() and len(name) > 5):
            name = name.title()
        outlets.append(name)
    return outlets, claimants


def main_outlet(field: str | None) -> str | None:
    """The first outlet of a source field, normalised (see ``split_sources``)."""
    outlets, _ = split_sources(field)
    return outlets[0] if outlets else None
