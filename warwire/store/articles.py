"""Articles in the store: idempotent batches, near-duplicate links, filtered listing, extraction queue."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Iterator

import numpy as np
import sqlalchemy as sa

from warwire.ingest import dedupe
from warwire.ingest.settings import settings
from warwire.model import Article, article_id, record_id
from warwire.store.engine import write_begin
from warwire.store.schema import articles, extractions, minhash_bands
from warwire.store.sql import PAGE, chunks, clean, fit, now, where as _where


@dataclass
class AddResult:
    """What one ``add_articles`` batch did: ``new`` includes the near-duplicates stored."""

    new: int = 0
    duplicates: int = 0
    near_duplicates: int = 0


def article_row(a: Article, signature: str, ingested_at: str) -> dict[str, Any]:
    return fit(articles, {
        "id": a.id, "source_id": a.source_id, "outlet": a.outlet, "title": a.title, "text": a.text,
        "published": a.published, "metadata_date": a.metadata_date, "dateline": list(a.dateline or []),
        "url": a.url, "origin": a.origin, "duplicate_of": a.duplicate_of, "event_dated": bool(a.event_dated),
        "minhash": signature,
        "credibility": None, "ingested_at": ingested_at,
    })


def row_article(row: Any) -> Article:
    return Article(
        text=row.text, id=row.id, source_id=row.source_id, outlet=row.outlet, title=row.title,
        published=row.published, dateline=list(row.dateline or []), url=row.url, origin=row.origin,
        metadata_date=row.metadata_date, duplicate_of=row.duplicate_of, event_dated=bool(row.event_dated),
    )


_ARTICLE_COLUMNS = [c for c in articles.c if c.name not in ("minhash", "credibility")]


def _clean_article(a: Article) -> None:
    """Control characters out of every string field, in place, before the id is looked up or stored."""
    for name in ("id", "source_id", "outlet", "title", "text", "published", "metadata_date", "url", "origin",
                 "duplicate_of", "dateline"):
        setattr(a, name, clean(getattr(a, name)))


def _record(a: Article) -> tuple[str | None, str]:
    """What makes two articles of one text two records: the date and the outlet they came with."""
    return a.published, (a.outlet or "").casefold()


def _another(first: tuple[str | None, str], then: tuple[str | None, str]) -> bool:
    """Whether ``then`` is another record than ``first`` of the same text: a date or an outlet both
    give and differ on (a copy that lacks one is the same record)."""
    return any(x and y and x != y for x, y in zip(first, then))


class ArticleStore:
    """Article methods of ``Store``; expects ``self.engine``."""

    engine: sa.Engine

    def add_articles(self, batch: list[Article]) -> AddResult:
        """Store a batch in one transaction. Known ids are skipped; near-duplicates point to their original.

        A near-duplicate (a syndicated copy) is stored too, with ``duplicate_of`` set, on the given
        Article as well, to the earliest stored article it copies.
        """
        result = AddResult()
        unique: dict[str, Article] = {}
        for a in batch:
            _clean_article(a)
            if a.id in unique and _another(_record(unique[a.id]), _record(a)):
                a.id = record_id(a.text, a.published, a.outlet)
            if a.id in unique:
                result.duplicates += 1
            else:
                unique[a.id] = a
        if not unique:
            return result
        # MinHash is the costly part; compute it before taking the write lock.
        by_text = {a.text: dedupe.signature(a.text) for a in unique.values()}
        with write_begin(self.engine) as conn:
            text_ids = {aid: article_id(a.text) for aid, a in unique.items()}
            stored = self._records(conn, sorted(set(unique) | set(text_ids.values())))
            kept: dict[str, Article] = {}
            for aid, a in unique.items():
                first = stored.get(text_ids[aid])
                if first is not None:
                    # The same text under another date or outlet is a record of its own (two ACLED notes
                    # worded alike); under the same ones it is the stored article again.
                    a.id = record_id(a.text, a.published, a.outlet) if _another(first, _record(a)) else text_ids[aid]
                if a.id in kept:
                    result.duplicates += 1
                else:
                    kept[a.id] = a
            unique = kept
            stored.update(self._records(conn, [aid for aid in unique if aid not in stored]))
            known = {aid for aid in unique if aid in stored}
            result.duplicates += len(known)
            signatures = {aid: by_text[a.text] for aid, a in unique.items()}
            bands = {aid: dedupe.bands(sig) for aid, sig in signatures.items()}
            fresh = [a for aid, a in unique.items() if aid not in known]
            if not fresh:
                return result
            linked = self._link_near_duplicates(conn, fresh, signatures, bands)
            result.near_duplicates = linked
            stamp = now()
            conn.execute(articles.insert(), [article_row(a, signatures[a.id], stamp) for a in fresh])
            band_rows = [{"band": b, "article_id": a.id} for a in fresh for b in dict.fromkeys(bands[a.id])]
            if band_rows:
                conn.execute(minhash_bands.insert(), band_rows)
            result.new = len(fresh)
        return result

    @staticmethod
    def _records(conn: sa.Connection, ids: list[str]) -> dict[str, tuple[str | None, str]]:
        """Date and outlet of the stored articles among ``ids``."""
        found: dict[str, tuple[str | None, str]] = {}
        for part in chunks(ids):
            for row in conn.execute(sa.select(articles.c.id, articles.c.published, articles.c.outlet)
                                    .where(articles.c.id.in_(part))):
                found[row.id] = (row.published, (row.outlet or "").casefold())
        return found

    def _link_near_duplicates(self, conn: sa.Connection, fresh: list[Article], signatures: dict[str, str],
                              bands: dict[str, list[str]]) -> int:
        """Set ``duplicate_of`` on articles of ``fresh`` that copy a stored or earlier one; returns how many.

        At most ``max_per_band`` articles per band are candidates (ingest/settings.yaml): templated
        stories crowd a few bands, and comparing each new one with every story of the template made
        the check quadratic. A copy shares about a third of its bands or more with its original,
        most of them with few other articles, so it is still found.
        """
        cap = settings()["near_duplicates"]["max_per_band"]
        wanted = sorted({b for a in fresh for b in bands[a.id]})
        by_band: dict[str, list[str]] = {}
        for part in chunks(wanted):
            rank = sa.func.row_number().over(partition_by=minhash_bands.c.band,
                                             order_by=minhash_bands.c.article_id).label("rank")
            ranked = (sa.select(minhash_bands.c.band, minhash_bands.c.article_id, rank)
                      .where(minhash_bands.c.band.in_(part)).subquery())
            for band, aid in conn.execute(sa.select(ranked.c.band, ranked.c.article_id).where(ranked.c.rank <= cap)):
                by_band.setdefault(band, []).append(aid)
        # id -> (signature values, original or None, order of storing)
        seen: dict[str, tuple[np.ndarray, str | None, tuple[str, int]]] = {}
        stored_ids = sorted({aid for ids in by_band.values() for aid in ids})
        for part in chunks(stored_ids):
            cols = (articles.c.id, articles.c.minhash, articles.c.duplicate_of, articles.c.ingested_at)
            for row in conn.execute(sa.select(*cols).where(articles.c.id.in_(part))):
                if row.minhash:
                    seen[row.id] = (dedupe.values(row.minhash), row.duplicate_of, (row.ingested_at or "", -1))
        linked = 0
        for position, a in enumerate(fresh):
            sig = dedupe.values(signatures[a.id])
            candidates = sorted({aid for b in bands[a.id] for aid in by_band.get(b, ()) if aid in seen})
            if candidates:
                alike = dedupe.similarities(sig, np.stack([seen[cid][0] for cid in candidates]))
                originals = [seen[cid][1] or cid for cid, s in zip(candidates, alike) if s >= dedupe.NEAR_DUPLICATE]
                if originals and not a.duplicate_of:
                    a.duplicate_of = min(originals, key=lambda oid: seen[oid][2] if oid in seen else ("", 0))
            if a.duplicate_of:
                linked += 1
            seen[a.id] = (sig, a.duplicate_of, ("~", position))  # "~" sorts after any timestamp
            for b in bands[a.id]:
                members = by_band.setdefault(b, [])
                if len(members) < cap:
                    members.append(a.id)
        return linked

    def get_article(self, article_id: str) -> Article | None:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(*_ARTICLE_COLUMNS).where(articles.c.id == article_id)).first()
        return row_article(row) if row else None

    def iter_articles(self, *, outlet: str | None = None, since: str | None = None, until: str | None = None,
                      query: str | None = None, ids: Iterable[str] | None = None, limit: int | None = None,
                      offset: int = 0) -> Iterator[Article]:
        """Articles matching the filters, oldest publication first (undated last), streamed."""
        where = _where(articles, date="published", outlet=outlet, since=since, until=until, ids=ids, words=query,
                       words_in=("title", "text"))
        stmt = (sa.select(*_ARTICLE_COLUMNS).where(*where)
                .order_by(articles.c.published.asc().nulls_last(), articles.c.id).offset(offset or None))
        if limit is not None:
            stmt = stmt.limit(limit)
        with self.engine.connect() as conn:
            for row in conn.execution_options(stream_results=True, yield_per=PAGE).execute(stmt):
                yield row_article(row)

    def count_articles(self, *, outlet: str | None = None, since: str | None = None, until: str | None = None,
                       query: str | None = None, ids: Iterable[str] | None = None, limit: int | None = None,
                       offset: int = 0) -> int:
        where = _where(articles, date="published", outlet=outlet, since=since, until=until, ids=ids, words=query,
                       words_in=("title", "text"))
        with self.engine.connect() as conn:
            n = conn.scalar(sa.select(sa.func.count()).select_from(articles).where(*where)) or 0
        n = max(0, n - (offset or 0))
        return min(n, limit) if limit is not None else n

    def pending_articles(self, extractor_version: str | None = None, limit: int | None = None) -> Iterator[Article]:
        """Articles not yet extracted (or extracted by another ``extractor_version``), in id order.

        Reads page by page, so the caller may save extractions while iterating.
        """
        done = sa.select(extractions.c.article_id).where(extractions.c.article_id == articles.c.id)
        if extractor_version is not None:
            done = done.where(extractions.c.extractor_version == extractor_version)
        after, given = "", 0
        while limit is None or given < limit:
            page = PAGE if limit is None else min(PAGE, limit - given)
            stmt = (sa.select(*_ARTICLE_COLUMNS).where(~done.exists(), articles.c.id > after)
                    .order_by(articles.c.id).limit(page))
            with self.engine.connect() as conn:
                rows = conn.execute(stmt).all()
            for row in rows:
                yield row_article(row)
            given += len(rows)
            if len(rows) < page:
                return
            after = rows[-1].id

    def outlets_by_article(self) -> dict[str, str | None]:
        """{article id: its outlet} for every article."""
        with self.engine.connect() as conn:
            return dict(conn.execute(sa.select(articles.c.id, articles.c.outlet)).all())

    def credibilities(self) -> dict[str, dict[str, Any]]:
        """{article id: its stored credibility} for the articles that have one."""
        with self.engine.connect() as conn:
            return dict(conn.execute(sa.select(articles.c.id, articles.c.credibility)
                                     .where(articles.c.credibility.isnot(None))).all())

    def set_credibility(self, article_id: str, credibility: dict[str, Any]) -> None:
        """Store the article's credibility ``{score, label, signals}``."""
        with self.engine.begin() as conn:
            conn.execute(articles.update().where(articles.c.id == article_id).values(credibility=credibility))

    def get_credibility(self, article_id: str) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            return conn.scalar(sa.select(articles.c.credibility).where(articles.c.id == article_id))
