"""Per-article credibility from interpretable signals.

Signals (each 0 when it does not apply), from everything in the store:

- ``verified_supported``, ``verified_contradicted``: share of the article's reports
  that reference records support / contradict (``warwire verify``);
- ``corroborated``: share of its reports whose event other, independent sources
  report too (a syndicated copy and the claimant it relays count once);
  ``other_sources``: their mean number;
- ``toll_disputed``, ``actor_disputed``: share of its reports whose death toll /
  perpetrator disagrees with most of the other sources of the same event; ``toll_deviation``: how far its tolls
  are from the median of the other sources' tolls for the same event (0..1);
  ``actor_agreement``: share of its named perpetrators another source names too;
- ``attributed``: share of reports with a claimant; ``named_sources``: share with
  a named, on-the-record one (an organisation or official, not "activists");
- ``exact_tolls``, ``vague_tolls``: share of its tolls given exactly / vaguely;
- ``hedging``, ``loaded``: words of the lexicons in ``knowledge/credibility``
  per 100 words; ``date_mismatch``: 1 when the printed date and the given one
  are more than a day apart;
- ``reports``, ``max_toll`` (log), ``words`` (log): size, which the others are read against.

The score is a logistic model over the signals: ``knowledge/credibility/model.json``
(trained by ``scripts/train_credibility.py`` on FA-KES, see :mod:`warwire.eval.credibility`) when present, else the
hand-weighted formula of ``knowledge/credibility/weights.yaml``.
"""
from __future__ import annotations

import json
import math
import re
import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable

import yaml

from warwire.link.estimates import root_article, source_of
from warwire.link.rules import ArticleMeta, is_generic, same_actor
from warwire.model import Article, Event, Report
from warwire.resources import stage_settings
from warwire.verify.contradictions import actors_disagree, tolls_consistent


def _default_threshold() -> float:
    """The score from which an article is credible when its model gives no threshold (verify/settings.yaml)."""
    return float(stage_settings("verify")["credibility"]["threshold"])


KNOWLEDGE = Path(__file__).resolve().parent.parent / "knowledge" / "credibility"
MODEL = KNOWLEDGE / "model.json"
CREDIBLE, DOUBTFUL = "credible", "doubtful"
SIGNALS = (
    "verified_supported", "verified_contradicted", "corroborated", "other_sources", "toll_disputed",
    "actor_disputed", "toll_deviation", "actor_agreement", "attributed", "named_sources", "exact_tolls",
    "vague_tolls", "hedging", "loaded", "date_mismatch", "reports", "max_toll", "words",
)
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=4)
def lexicon(name: str) -> re.Pattern:
    """The phrases of ``knowledge/credibility/{name}.txt`` as one word-bounded, case-blind pattern."""
    path = KNOWLEDGE / f"{name}.txt"
    phrases = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()
               if ln.strip() and not ln.lstrip().startswith("#")]
    phrases.sort(key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases) + r")\b", re.I)


def text_signals(article: Article) -> dict[str, float]:
    """Hedging and loaded words per 100 words, the date check and the length."""
    text = article.text or ""
    words = max(1, len(_WORD.findall(text)))
    mismatch = 0.0
    if article.metadata_date and article.published:
        try:
            gap = abs((date.fromisoformat(article.metadata_date) - date.fromisoformat(article.published)).days)
            mismatch = 1.0 if gap > 1 else 0.0
        except ValueError:
            mismatch = 0.0
    return {"hedging": round(100 * len(lexicon("hedging").findall(text)) / words, 4),
            "loaded": round(100 * len(lexicon("loaded").findall(text)) / words, 4),
            "date_mismatch": mismatch, "words": round(math.log1p(words), 4)}


def on_the_record(claimant: str | None) -> bool:
    """A source named as an organisation or official ("SANA", "Syrian Observatory for Human Rights"),
    not a crowd ("activists", "residents", "medics") or an "unnamed monitor": the claimant names
    warwire keeps are capitalised exactly when they are proper names."""
    name = (claimant or "").strip()
    return name[:1].isupper() and "unnamed" not in name.casefold()


def _toll(r: Report) -> int | None:
    return r.fatalities.best if r.fatalities.best is not None else r.fatalities.low


def report_signals(reports: list[Report]) -> dict[str, float]:
    """Attribution and number specificity of one article's reports."""
    n = len(reports)
    tolls = [r for r in reports if _toll(r) is not None]
    attributed = [r for r in reports if r.claimed_by and r.claimed_by.name]
    named = [r for r in attributed if on_the_record(r.claimed_by.name)]
    exact = [r for r in tolls if r.fatalities.qualifier in ("exact", "at_least", "at_most")]
    vague = [r for r in tolls if r.fatalities.qualifier in ("vague", "about")]
    return {
        "reports": float(n),
        "attributed": len(attributed) / n if n else 0.0,
        "named_sources": len(named) / n if n else 0.0,
        "exact_tolls": len(exact) / len(tolls) if tolls else 0.0,
        "vague_tolls": len(vague) / len(tolls) if tolls else 0.0,
        "max_toll": round(math.log1p(max((_toll(r) or 0) for r in tolls)), 4) if tolls else 0.0,
    }


@dataclass
class Corpus:
    """What agreement signals read: every report by id, the event of each, and article metadata."""

    reports: dict[str, Report]
    events: dict[str, Event]
    event_of: dict[str, str]
    metas: dict[str, ArticleMeta]
    by_article: dict[str, list[Report]] = field(default_factory=dict)

    @classmethod
    def build(cls, reports: Iterable[Report], events: Iterable[Event], metas: dict[str, ArticleMeta]) -> "Corpus":
        reps = {r.id: r for r in reports}
        evs = {e.id: e for e in events}
        event_of = {rid: e.id for e in evs.values() for rid in e.reports}
        by_article: dict[str, list[Report]] = defaultdict(list)
        for r in reps.values():
            by_article[r.article_id or ""].append(r)
        return cls(reps, evs, event_of, metas, dict(by_article))

    @classmethod
    def from_store(cls, store) -> "Corpus":
        from warwire.link.store import article_metas

        return cls.build(store.iter_reports(), store.iter_events(), article_metas(store.engine))


def agreement_signals(article_id: str, corpus: Corpus) -> dict[str, float]:
    """How the article's reports fare against the other sources of the same events, and against
    reference records when ``warwire verify`` has run."""
    mine = corpus.by_article.get(article_id, [])
    root = root_article(article_id, corpus.metas)
    n = len(mine)
    corroborated = others_total = toll_disputed = actor_disputed = supported = contradicted = 0
    deviations: list[float] = []
    named_actor = actor_agreed = 0
    for r in mine:
        event = corpus.events.get(corpus.event_of.get(r.id or "", ""))
        if event is None:
            continue
        verdict = ((event.verdict or {}).get("reports") or {}).get(r.id or "")
        if verdict:
            supported += verdict.get("verdict") == "supported"
            contradicted += verdict.get("verdict") == "contradicted"
        own = source_of(r, corpus.metas)
        others = [corpus.reports[rid] for rid in event.reports if rid in corpus.reports and rid != r.id]
        # Independent: another source, and not a copy of this very article.
        others = [o for o in others if source_of(o, corpus.metas) != own
                  and root_article(o.article_id, corpus.metas) != root]
        if others:
            corroborated += 1
            others_total += len({source_of(o, corpus.metas) for o in others})
        # Disputed: on the losing side of a disagreement, against most of the other sources.
        tolled = [o for o in others if _toll(o) is not None]
        if _toll(r) is not None and tolled:
            toll_disputed += 2 * sum(not tolls_consistent(r, o) for o in tolled) > len(tolled)
        named = [o for o in others if not is_generic(o.actor1)]
        if not is_generic(r.actor1) and named:
            actor_disputed += 2 * sum(actors_disagree(r, o) for o in named) > len(named)
        own_toll = _toll(r)
        other_tolls = [t for o in others if (t := _toll(o)) is not None]
        if own_toll is not None and other_tolls:
            median = statistics.median(other_tolls)
            deviations.append(abs(own_toll - median) / max(own_toll, median, 1))
        if not is_generic(r.actor1) and others:
            named_actor += 1
            actor_agreed += any(not is_generic(o.actor1) and same_actor(o.actor1, r.actor1) for o in others)
    share = (lambda k: k / n) if n else (lambda k: 0.0)
    return {
        "verified_supported": share(supported), "verified_contradicted": share(contradicted),
        "corroborated": share(corroborated), "other_sources": others_total / corroborated if corroborated else 0.0,
        "toll_disputed": share(toll_disputed), "actor_disputed": share(actor_disputed),
        "toll_deviation": round(statistics.fmean(deviations), 4) if deviations else 0.0,
        "actor_agreement": actor_agreed / named_actor if named_actor else 0.0,
    }


def article_signals(article: Article, corpus: Corpus) -> dict[str, float]:
    """Every signal of SIGNALS for one article."""
    s = {**text_signals(article), **report_signals(corpus.by_article.get(article.id, [])),
         **agreement_signals(article.id, corpus)}
    return {name: float(s.get(name, 0.0)) for name in SIGNALS}


@dataclass
class CredibilityModel:
    """A logistic model over standardised signals: the trained one (model.json) or the hand weights."""

    features: list[str]
    coef: list[float]
    intercept: float
    mean: list[float]
    scale: list[float]
    threshold: float = field(default_factory=lambda: _default_threshold())
    source: str = "hand-weighted"
    extra: dict[str, Any] = field(default_factory=dict)

    def probability(self, signals: dict[str, float]) -> float:
        z = self.intercept
        for name, w, m, s in zip(self.features, self.coef, self.mean, self.scale):
            z += w * (signals.get(name, 0.0) - m) / (s or 1.0)
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    def to_dict(self) -> dict[str, Any]:
        return {"features": self.features, "coef": self.coef, "intercept": self.intercept, "mean": self.mean,
                "scale": self.scale, "threshold": self.threshold, "source": self.source, **self.extra}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "CredibilityModel":
        known = {"features", "coef", "intercept", "mean", "scale", "threshold", "source"}
        return cls(features=list(d["features"]), coef=[float(x) for x in d["coef"]], intercept=float(d["intercept"]),
                   mean=[float(x) for x in d["mean"]], scale=[float(x) for x in d["scale"]],
                   threshold=float(d.get("threshold", _default_threshold())), source=d.get("source", "model"),
                   extra={k: v for k, v in d.items() if k not in known})

    @classmethod
    def hand_weighted(cls) -> "CredibilityModel":
        w = yaml.safe_load((KNOWLEDGE / "weights.yaml").read_text(encoding="utf-8"))
        names = list(w["weights"])
        return cls(features=names, coef=[float(w["weights"][n]) for n in names], intercept=float(w.get("bias", 0)),
                   mean=[0.0] * len(names), scale=[1.0] * len(names), threshold=float(w.get("threshold", _default_threshold())))


def load_model(path: Path | str | None = None) -> CredibilityModel:
    """The trained model at ``path`` (default: the shipped model.json), else the hand-weighted formula."""
    path = Path(path) if path else MODEL
    if path.is_file():
        return CredibilityModel.from_dict(json.loads(path.read_text(encoding="utf-8")))
    return CredibilityModel.hand_weighted()


def credibility(signals: dict[str, float], model: CredibilityModel | None = None) -> dict[str, Any]:
    """``{score, label, signals, model}`` for one article's signals."""
    model = model or load_model()
    score = round(model.probability(signals), 4)
    return {"score": score, "label": CREDIBLE if score >= model.threshold else DOUBTFUL,
            "signals": {k: round(v, 4) for k, v in signals.items()}, "model": model.source}


def score_store(store, model: CredibilityModel | None = None,
                progress: Callable[[int, int], None] | None = None) -> dict[str, Any]:
    """Score every article in the store and save it with ``set_credibility``; returns the counts."""
    model = model or load_model()
    corpus = Corpus.from_store(store)
    total = store.count_articles()
    counts = {CREDIBLE: 0, DOUBTFUL: 0}
    scores = []
    for n, article in enumerate(store.iter_articles(), start=1):
        result = credibility(article_signals(article, corpus), model)
        store.set_credibility(article.id, result)
        counts[result["label"]] += 1
        scores.append(result["score"])
        if progress and (n % 100 == 0 or n == total):
            progress(n, total)
    return {"articles": len(scores), **counts, "mean_score": round(statistics.fmean(scores), 4) if scores else None,
            "model": model.source}
