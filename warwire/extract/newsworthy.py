"""Newsworthy: a small learned decision of which assembled events of a whole story are its news.

Assembly (``assembly.py``) and the status filter (``mentions.py``) decide by
hand-written cues which mentions of a story are events of this news cycle.
This module scores each assembled event with a logistic model over cue
classes that carry from one story to another (never the words of one story):
where in the story it is first told (headline, lead, relative position), how
many mentions joined it, the tense and aspect around its event word (perfect,
modal or future, passive, quoted, sourced), whether its day is told and how far
before publication, whether it tells its own place, toll, attacker, claimant,
its event type (of every event, and of one told past the headline), and whether an event of the same type was
told before it.

The weights are fitted by ``scripts/train_newsworthy.py`` on the tuning
articles only and shipped as ``data/newsworthy.json``. When the file is
enabled, an event is dropped when its probability is below the file's
threshold, and a mention the rules set aside is kept when the file says to
rescue them and its probability reaches the threshold. Only stories are scored
(a coder's one-event note reports its one event), and a story always keeps at
least its best-scored event. With no file, or one shipped disabled, the rules
decide alone.

Of all these cues two carried from the tuning stories to the held-out ones, and a third keeps the
story's main event for the article-level record. An event alike one told before it (``kept_alike``: the
same event type, day and place, or none told; a clash and the taking of the place that day, the later with no
dead of its own, are one battle) is that event told again. An event the story places no finer
than a governorate (``town`` unset) is, in these stories, more often a town's event told again at its
province, or a headline's summary, than an event of its own. An event first told in the headline or lead
(``lead``) is kept even so: it is the article's main event, whose governorate and toll FA-KES scores. The
event type of an event past the headline (``later``) weighs too: told past the lead beside a story's strikes, a
killing of civilians or a statement was seldom an event of its own, a strike mostly was (weighed on the headline's
event as well, the type dropped the main event of stories led by a battle told only at a governorate). The shipped
model is fitted on those four cue classes (``--features kept_alike,town,lead,later``), chosen by cross-validation
leaving one tuning set out; with every cue, the fit gained on the tuning stories and lost on some held-out ones,
and no class of the others (the status the rules gave among them) made keeping a set-aside mention pay. A dropped telling is merged into the alike event
before it, or, told at a governorate, into the one kept event of the same kind and day at a town of that
governorate (``"merge"``: its day, toll and sides fill what that event's report lacks). Merged rather than
dropped, the retelling costs the linking of articles about one incident little (each report of an article
is a chance to meet another article's).
"""
from __future__ import annotations

import json
import math
import re
from datetime import date
from functools import lru_cache
from pathlib import Path

from warwire.extract.event_types import event_type
from warwire.extract.locations import inside

MODEL = Path(__file__).resolve().parent.parent / "data" / "newsworthy.json"

#: ACLED's event types, in the order of their indicator features.
EVENT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
               "Strategic developments")

# Tense and aspect of the words just before an event word, read as classes.
_PERFECT = re.compile(r"\b(?:has|have|had)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_MODAL = re.compile(r"\b(?:will|would|could|might|may|should|shall|must|plans?\s+to|planning\s+to|threat\w*|"
                    r"vow\w*|warn\w*|aims?\s+to|intends?\s+to|prepar\w*)\b", re.IGNORECASE)
_PASSIVE = re.compile(r"\b(?:was|were|been|being)\s+(?:\w+\s+)?$", re.IGNORECASE)
_SOURCED = re.compile(r"\b(?:said|says|told|reported|reports|according to|announced|stated|claimed)\b",
                      re.IGNORECASE)
_EARLIER = re.compile(r"\b(?:last\s+(?:week|month|year)|ago|earlier|previously|since|in\s+(?:19|20)\d\d)\b",
                      re.IGNORECASE)
_QUOTES = re.compile("[\"\u201c\u201d]")
#: How far before an event word (characters) its tense and aspect are read.
CUE_REACH = 40

#: What the rules said of a mention they set aside (``mentions.STATUSES`` but ``asserted``).
SET_ASIDE = ("negated", "hypothetical", "threatened", "alleged", "background", "cumulative")

FEATURES = ("bias", "headline", "lead", "position", "mentions", "perfect", "modal", "passive", "quoted", "sourced",
            "earlier_cue", "date_told", "days_before", "place_told", "town", "toll", "injured", "actor1", "actor2",
            "claim", "tier", "inherited", "same_type_before", "frames", "kept_alike",
            *(f"type:{t}" for t in EVENT_TYPES), *(f"status:{s}" for s in SET_ASIDE),
            *(f"later:{t}" for t in EVENT_TYPES))


def _same_happening(a, b) -> bool:
    """The facts both tell agree, the place left aside: the same event type, day (or none), not two weapons each
    named ("shelling" and "a car bomb"), ``b``'s doer not told as another of a kind ("other units"). Two kinds of
    battle do not part them: the fighting for a place and its taking that day are one battle ("rebels clashed with
    troops in X on Sunday ... rebels took control of X on Sunday"), unless the later tells dead of its own."""
    da, db = a.told_date(), b.told_date()
    return event_type(a.sub) == event_type(b.sub) \
        and not (a.sub != b.sub and a.tier >= 2 and b.tier >= 2
                 and (event_type(a.sub) != "Battles" or b.casualties.fatalities.best is not None)) \
        and not b.apart and (da is None or db is None or da.date == db.date)


def _alike(a, b) -> bool:
    """Whether mention ``b`` tells what ``a`` tells by the facts both tell: the same happening (``_same_happening``)
    at the same place (or none). (Which side each names is left out: in the tuning stories, telling the same event
    again with another side read as its doer was more common than two alike events told apart by their sides.)"""
    return _same_happening(a, b) and (a.place is None or b.place is None or a.place.name == b.place.name)


def _within(a, b) -> bool:
    """Whether ``b``, told at a governorate (or nowhere), may be event ``a`` at one of its towns told more broadly:
    the same happening, ``a``'s place inside ``b``'s."""
    return _same_happening(a, b) and a.place is not None and (b.place is None or inside(a.place, b.place))


_CUES = ("perfect", "modal", "passive", "quoted", "sourced", "earlier_cue")


def features(frames: list, text: str, sentences: list[tuple[int, int]], base: date | None,
             kept: list | None = None, used: frozenset[str] | None = None) -> list[list[float]]:
    """One row of ``FEATURES`` per frame (a ``Mention`` with the mentions it joined); ``kept`` are the frames the
    rules keep when ``frames`` are mentions they set aside (else ``frames`` are those). With ``used`` (the features
    a model weighs), the cues of the words around the event word are read only when one of them is used."""
    read_cues = used is None or not used.isdisjoint(_CUES)
    n = max(len(sentences), 1)
    rows = []
    seen_types: set[str] = set()
    seen: list = []  # the frames before this one
    kept = frames if kept is None else kept
    for f in frames:
        told = [m.sentence for m in (f, *f.joined)]
        first = min(told)
        et = event_type(f.sub)
        cues = dict.fromkeys(_CUES, 0.0)
        if read_cues and f.trigger is not None and f.sentence < len(sentences):
            s, e = sentences[f.sentence]
            before = text[max(s, f.trigger.start - CUE_REACH):f.trigger.start]
            cues["perfect"] = float(bool(_PERFECT.search(before)))
            cues["modal"] = float(bool(_MODAL.search(before)))
            cues["passive"] = float(bool(_PASSIVE.search(before)))
            cues["quoted"] = float(len(_QUOTES.findall(text, s, f.trigger.start)) % 2 == 1)
            cues["sourced"] = float(bool(_SOURCED.search(text, s, e)))
            cues["earlier_cue"] = float(bool(_EARLIER.search(text, s, e)))
        day = f.told_date()
        days = (base - day.date).days if day is not None and base is not None else 0
        c = f.casualties
        row = {
            "bias": 1.0,
            "headline": float(first == 0),
            "lead": float(first <= 2),
            "position": first / n,
            "mentions": math.log1p(len(f.joined)),
            **cues,
            "date_told": float(day is not None),
            "days_before": math.log1p(max(days, 0)),
            "place_told": float(bool(f.place_told)),
            "town": float(f.place is not None and (f.place.geo_precision or 3) < 3),
            "toll": float(c.fatalities.best is not None),
            "injured": float(c.injured is not None),
            "actor1": float(f.actor1 is not None),
            "actor2": float(f.actor2 is not None),
            "claim": float(f.claim is not None),
            "tier": min(f.tier, 3) / 3,
            "inherited": float(bool(f.inherited)),
            "same_type_before": float(et in seen_types),
            "frames": math.log1p(len(kept)),
            "kept_alike": float(any(g is not f and _alike(g, f) for g in (kept if kept is not frames else seen))),
        }
        for t in EVENT_TYPES:
            row[f"type:{t}"] = float(et == t)
        for st in SET_ASIDE:
            row[f"status:{st}"] = float(f.status == st and kept is not frames)
        for t in EVENT_TYPES:  # the event type of an event the headline does not tell
            row[f"later:{t}"] = float(et == t and first > 0)
        seen_types.add(et)
        seen.append(f)
        rows.append([row[k] for k in FEATURES])
    return rows


@lru_cache(maxsize=1)
def model() -> dict | None:
    """The shipped weights ({"features", "weights", "threshold", "enabled", ...}), or None when no model ships. A
    model written with ``"enabled": false`` leaves the decision to the rules."""
    if not MODEL.is_file():
        return None
    m = json.loads(MODEL.read_text("utf-8"))
    if tuple(m["features"]) != FEATURES:
        return None  # weights of other features than these: not usable
    return m


def _used(m: dict) -> frozenset[str]:
    """The features a model gives a weight."""
    return frozenset(f for f, w in zip(FEATURES, m["weights"]) if w)


def probabilities(rows: list[list[float]], weights: list[float]) -> list[float]:
    """The logistic model's probability that each row is an event of the story's news."""
    out = []
    for row in rows:
        z = sum(w * x for w, x in zip(weights, row))
        out.append(1 / (1 + math.exp(-max(-30.0, min(30.0, z)))))
    return out


#: When a list, ``keep`` keeps every event the rules keep, adds those they set aside (tagged ``set-aside``), and
#: appends (report, feature row) pairs of both to it (for training).
RECORDING: list | None = None


def keep(found, reports: list, finish, text: str, sentences: list[tuple[int, int]], base: date | None,
         story: bool = True, weights: dict | None = None) -> list:
    """The reports the model (``weights``, else the shipped one; none: the rules' reports) scores as the story's
    news: of ``reports`` (one per frame of assembly ``found``, in order), and, when the model says so, of the
    mentions assembly set aside (``finish`` makes them reports)."""
    frames = found.frames
    if not story or not frames or len(frames) != len(reports):
        return reports
    m = weights or model()
    if RECORDING is None and (m is None or not m.get("enabled", True)):
        return reports
    used = None if RECORDING is not None else _used(m)
    rows = features(frames, text, sentences, base, used=used)
    aside = [d for d in (*found.set_aside, *found.cumulative) if d.trigger is not None]
    if RECORDING is not None or m.get("rescue"):
        extra_rows = features(aside, text, sentences, base, kept=frames, used=used) if aside else []
    else:
        aside, extra_rows = [], []
    extra = finish(aside) if aside else []
    if RECORDING is not None:
        for r in extra:
            r.tags = sorted({*r.tags, "set-aside"})
        RECORDING.extend(zip(reports + extra, rows + extra_rows))
        return reports + extra
    p = probabilities(rows + extra_rows, m["weights"])
    best = max(range(len(rows)), key=p.__getitem__)
    kept = [i for i in range(len(p)) if p[i] >= m["threshold"] or i == best]
    out = reports + extra
    if m.get("merge"):
        # A telling dropped as an alike event's is that event told again: what it tells that the event's report
        # lacks (its day, toll, sides) fills that report, as assembly joins a restatement to its frame.
        told = {}
        for i in range(len(frames)):
            if i in kept:
                continue
            j = next((j for j in reversed(kept) if j < i and _alike(frames[j], frames[i])), None)
            if j is None:
                within = [j for j in kept if j < len(frames) and _within(frames[j], frames[i])]
                j = within[0] if len(within) == 1 else None  # a broad telling of several towns' events is none's
            if j is not None:
                frames[j].merge(frames[i])
                told[j] = True
        if told:
            out = list(out)
            for j, r in zip(told, finish([frames[j] for j in told])):
                out[j] = r
    return [out[i] for i in kept]
