"""Fatality estimates and source counts of an event, from the reports linked into it.

Independent sources. A report's source is whoever stands behind its claim:
the named claimant when the article attributes it (the Syrian Observatory
relayed by Reuters and by AFP is one source, not two), otherwise the outlet's
own reporting. A syndicated copy (an article with ``duplicate_of``) counts as
its original's outlet, so a wire story reprinted by ten sites is one source.
``n_sources`` is the number of distinct sources.

Fatalities, in UCDP's sense of low / best / high:

- each source's *latest* claim stands for that source (a toll that rises from
  12 to 20 over a day is one source's update, not two sources);
- ``low`` is the lowest of those latest claims and ``high`` the highest
  (an "at least 12" claim counts 12 for both, as it bounds nothing above);
- ``best`` is the median of the latest claims of the most reliable kind of
  claimant present (monitor > the outlet itself > a party to the conflict;
  the lower median of an even count, to stay conservative), because UCDP's best estimate is the most reliable one, not the average of
  all; a party's figure only decides when nobody else gave one.

Victims (civilians, combatants, children, women): the largest figure per field
among the same most reliable sources' latest reports, so the breakdown matches
the best estimate's sources.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from warwire.knowledge.sources import main_outlet
from warwire.link.rules import ArticleMeta, settings
from warwire.model import Report, Victims


def root_article(article_id: str | None, articles: Mapping[str, ArticleMeta]) -> str | None:
    """The original of a syndicated copy (following copies of copies), or the article itself."""
    seen = set()
    while article_id in articles and articles[article_id].duplicate_of and article_id not in seen:
        seen.add(article_id)
        article_id = articles[article_id].duplicate_of
    return article_id


def source_of(r: Report, articles: Mapping[str, ArticleMeta]) -> str:
    """The independent source behind a report: its claimant, else its original article's outlet."""
    if r.claimed_by and r.claimed_by.name:
        return "claimant:" + r.claimed_by.name.strip().casefold()
    root = root_article(r.article_id, articles)
    meta = articles.get(root) if root else None
    outlet = main_outlet(meta.outlet) if meta else None
    if outlet:
        return "outlet:" + outlet.casefold()
    return f"article:{root}"


def n_sources(reports: Sequence[Report], articles: Mapping[str, ArticleMeta]) -> int:
    return len({source_of(r, articles) for r in reports})


def reliability(r: Report) -> int:
    """Rank of the report's claimant kind; unnamed claimants and unknown kinds rank as the outlet."""
    table = settings()["claimant_reliability"]
    kind = (r.claimed_by.kind or "").casefold() if r.claimed_by else "outlet"
    return table.get(kind, table["outlet"])


def _published(r: Report, articles: Mapping[str, ArticleMeta]) -> str:
    meta = articles.get(r.article_id or "")
    return (meta.published if meta else None) or ""


def _whole_first(r: Report) -> tuple[bool, int]:
    """Within one publication: the article's main report, then the larger toll, stands for the source
    ("14 killed, including nine civilians ... the other five were fighters": 5 is a part of 14)."""
    f = r.fatalities
    toll = f.best if f.best is not None else (f.low if f.low is not None else -1)
    return r.primary, toll


def latest_claims(reports: Sequence[Report], articles: Mapping[str, ArticleMeta]) -> list[Report]:
    """Each source's latest report giving a death toll (by the article's publication date; within one
    publication, its whole toll rather than a part of it)."""
    latest: dict[str, Report] = {}
    for r in sorted(reports, key=lambda r: (_published(r, articles), *_whole_first(r), r.id or "")):
        if r.fatalities.best is not None or r.fatalities.low is not None:
            latest[source_of(r, articles)] = r
    return [latest[k] for k in sorted(latest)]


def claim_bounds(r: Report) -> tuple[int, int]:
    """The lowest and highest toll a claim allows itself to mean, as numbers it states."""
    f = r.fatalities
    best = f.best if f.best is not None else f.low
    low = f.low if f.low is not None else best
    high = f.high if f.high is not None else best
    return low, high


def fatalities(reports: Sequence[Report], articles: Mapping[str, ArticleMeta]) -> dict[str, int | None]:
    """UCDP-style {low, best, high} over the sources' latest claims (see the module docstring)."""
    claims = latest_claims(reports, articles)
    if not claims:
        return {"low": None, "best": None, "high": None}
    lows, highs = zip(*(claim_bounds(r) for r in claims))
    top = max(reliability(r) for r in claims)
    bests = sorted(r.fatalities.best if r.fatalities.best is not None else r.fatalities.low
                   for r in claims if reliability(r) == top)
    best = bests[(len(bests) - 1) // 2]
    low, high = min(lows), max(highs)
    return {"low": min(low, best), "best": best, "high": max(high, best)}


def victims(reports: Sequence[Report], articles: Mapping[str, ArticleMeta]) -> Victims:
    """Largest figure per field among the most reliable sources' latest reports."""
    claims = latest_claims(reports, articles)
    with_victims = [r for r in claims if any(v is not None for v in vars(r.victims).values())]
    if not with_victims:
        with_victims = [r for r in reports if any(v is not None for v in vars(r.victims).values())]
    if not with_victims:
        return Victims()
    top = max(reliability(r) for r in with_victims)
    chosen = [r for r in with_victims if reliability(r) == top]
    out = Victims()
    for name in vars(out):
        values = [getattr(r.victims, name) for r in chosen if getattr(r.victims, name) is not None]
        setattr(out, name, max(values) if values else None)
    return out
