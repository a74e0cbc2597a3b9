"""Who an article says makes a claim: "..., the Syrian Observatory for Human Rights said", "according to SANA".

A claimant (claimants.yaml) counts only next to a reporting verb. A bare "the
monitor" becomes the pack's monitor (the Syrian Observatory) when the article names it elsewhere.
No claim means the outlet itself (``claimed_by`` null).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from warwire.knowledge import packs
from warwire.knowledge.actors import Claimants
from warwire.model import Claim

_VERB = (r"(?:said|says|say|reported|reports|report|told|tells|announced|announces|stated|states|claimed|claims|"
         r"confirmed|confirms|added|documented|documents|counted|recorded|quoted|cited|published|accused|posted|"
         r"tallied)")
_AFTER = re.compile(rf"(?:\s*,[^,.;]{{1,90}},)?(?:\s+(?:also|later|earlier|previously|on \w+))?\s*{_VERB}\b",
                    re.IGNORECASE)
_BEFORE = re.compile(rf"(?:according\s+to|{_VERB}|(?:citing|quoting|reported\s+by|said\s+by|cited\s+by|told))\s+$",
                     re.IGNORECASE)


@dataclass
class ClaimMention:
    start: int
    end: int
    claim: Claim


def find_claims(text: str) -> list[ClaimMention]:
    """Attributions in ``text``, in order; each span covers the claimant and its verb."""
    c = Claimants.load()
    out = []
    mentions = list(c.aliases.finditer(text))
    names = {c.aliases.key(m) for m in mentions}
    monitor = packs.current().monitor
    for m in mentions:
        name = c.aliases.key(m)
        s, e = m.start(), m.end()
        after = _AFTER.match(text, e, min(len(text), e + 120))
        # (The verb before is looked for only when none follows: most claimants are told with theirs after.)
        before = None if after else _BEFORE.search(text, max(0, s - 30), s)
        if after:
            span = (s, after.end())
        elif before:
            span = (before.start(), e)
        else:
            continue
        if name == "unnamed monitor" and monitor in names:
            name = monitor
        out.append(ClaimMention(span[0], span[1], Claim(**c.entries[name].to_dict())))
    return out
