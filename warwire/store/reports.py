"""Reports in the store: each article's extraction result, replaced whole when the article is extracted again."""
from __future__ import annotations

from typing import Any, Iterable, Iterator

import sqlalchemy as sa

from warwire.model import Report
from warwire.rows import Rows, report_rows
from warwire.store.engine import write_begin
from warwire.store.schema import articles, extractions, reports
from warwire.store.sql import PAGE, chunks, fit, now, where as _where


class ReportStore:
    """Report and extraction methods of ``Store``; expects ``self.engine``."""

    engine: sa.Engine

    def save_extractions(self, results: list[tuple[str, list[Report] | Rows | None, str | None]],
                         extractor_version: str | None = None) -> None:
        """Store (article_id, reports, error) results in one transaction, replacing earlier ones.

        ``reports`` are ``Report`` objects (each gets its ``article_id`` and ``index`` set), or their rows as
        ``warwire.rows.report_rows`` built them (an extraction worker does). An article extracted twice keeps
        only the last result.
        """
        if not results:
            return
        latest = {aid: (reps, err) for aid, reps, err in results}  # a repeated id: the last result wins
        ids = list(latest)
        stamp = now()
        version = fit(extractions, {"extractor_version": extractor_version})["extractor_version"]
        rows, extraction_rows = [], []
        for aid, (reps, err) in latest.items():
            if reps and not isinstance(reps, Rows):
                for i, r in enumerate(reps):
                    r.article_id, r.index = aid, i
                reps = report_rows(aid, reps)
            if reps:
                rows.extend(reps)
            row = {"article_id": aid, "status": "error" if err else "done", "n_reports": len(reps or []),
                   "error": err, "extractor_version": version, "updated_at": stamp}
            # The version was fitted once; an error's text, or an id that is not a plain one, is fitted here.
            extraction_rows.append(fit(extractions, row) if err or len(aid) > 32 or not aid.isprintable() else row)
        with write_begin(self.engine) as conn:
            for part in chunks(ids):
                conn.execute(reports.delete().where(reports.c.article_id.in_(part)))
                conn.execute(extractions.delete().where(extractions.c.article_id.in_(part)))
            if rows:
                conn.execute(reports.insert(), rows)
            conn.execute(extractions.insert(), extraction_rows)

    def iter_reports(self, *, article_id: str | None = None, since: str | None = None, until: str | None = None,
                     country: str | None = None, ids: Iterable[str] | None = None) -> Iterator[Report]:
        """Stored reports matching the filters, by article then position, streamed."""
        where = _where(reports, date="date", article_id=article_id, since=since, until=until, country=country, ids=ids)
        stmt = (sa.select(reports.c.article_id, reports.c.idx, reports.c.record).where(*where)
                .order_by(reports.c.article_id, reports.c.idx))
        with self.engine.connect() as conn:
            for row in conn.execution_options(stream_results=True, yield_per=PAGE).execute(stmt):
                r = Report.from_dict(row.record)
                r.article_id, r.index = row.article_id, row.idx
                yield r

    def count_reports(self, *, article_id: str | None = None, since: str | None = None, until: str | None = None,
                      country: str | None = None, ids: Iterable[str] | None = None) -> int:
        where = _where(reports, date="date", article_id=article_id, since=since, until=until, country=country, ids=ids)
        with self.engine.connect() as conn:
            return conn.scalar(sa.select(sa.func.count()).select_from(reports).where(*where)) or 0

    def count_pending(self, extractor_version: str | None = None, ids: Iterable[str] | None = None) -> int:
        """How many articles (of ``ids`` when given) have no extraction by ``extractor_version`` yet."""
        done = sa.select(extractions.c.article_id)
        if extractor_version is not None:
            done = done.where(extractions.c.extractor_version == extractor_version)
        with self.engine.connect() as conn:
            done_ids = set(conn.scalars(done))
            if ids is not None:
                return len(set(ids) - done_ids)
            every = conn.scalar(sa.select(sa.func.count()).select_from(articles)) or 0
        return every - len(done_ids)

    def extracted_ids(self, status: str | None = None) -> set[str]:
        """Ids of the articles with an extraction (only those with ``status`` ``done`` or ``error`` when given)."""
        stmt = sa.select(extractions.c.article_id)
        if status is not None:
            stmt = stmt.where(extractions.c.status == status)
        with self.engine.connect() as conn:
            return set(conn.scalars(stmt))

    def errors(self) -> list[dict[str, Any]]:
        """Failed extractions: ``{article_id, origin, title, error, updated_at}``."""
        stmt = (sa.select(extractions.c.article_id, articles.c.origin, articles.c.title, extractions.c.error,
                          extractions.c.updated_at)
                .join(articles, articles.c.id == extractions.c.article_id)
                .where(extractions.c.status == "error").order_by(extractions.c.article_id))
        with self.engine.connect() as conn:
            return [dict(row._mapping) for row in conn.execute(stmt)]
