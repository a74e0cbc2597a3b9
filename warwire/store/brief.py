"""What a situation brief reads besides the event records: each event's reports, and the articles that date coverage."""
from __future__ import annotations

from collections import defaultdict
from typing import Any

import sqlalchemy as sa

from warwire.store.schema import articles, event_reports, reports
from warwire.store.sql import chunks


def reports_of(conn: sa.Connection, event_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """{event id: [{id, claimed_by, fatalities, outlet}]}, reports in id order."""
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for part in chunks(event_ids):
        q = (sa.select(event_reports.c.event_id, reports.c.id, reports.c.claimed_by, reports.c.fatalities,
                       articles.c.outlet)
             .select_from(event_reports.join(reports, reports.c.id == event_reports.c.report_id)
                          .join(articles, articles.c.id == reports.c.article_id))
             .where(event_reports.c.event_id.in_(part)).order_by(reports.c.id))
        for ev, rid, who, n, outlet in conn.execute(q):
            out[ev].append({"id": rid, "claimed_by": who, "fatalities": n, "outlet": outlet})
    return out


def events_of_reports(conn: sa.Connection, report_ids: list[str]) -> dict[str, str]:
    """{report id: the id of the event it is linked to}, for the linked ones."""
    out: dict[str, str] = {}
    for part in chunks(report_ids):
        q = sa.select(event_reports.c.report_id, event_reports.c.event_id).where(event_reports.c.report_id.in_(part))
        out.update(dict(conn.execute(q).all()))
    return out


def dated_article(conn: sa.Connection, *, before: str | None = None, after: str | None = None,
                  last: bool = False) -> Any:
    """(id, published) of one dated article: the first in the store (the last with ``last``), or the nearest
    dated strictly ``before`` or ``after`` a day; None when there is none."""
    published = articles.c.published
    q = sa.select(articles.c.id, published).where(published.is_not(None))
    if before is not None:
        q, last = q.where(published < before), True
    elif after is not None:
        q = q.where(published > after)
    return conn.execute(q.order_by(published.desc() if last else published, articles.c.id).limit(1)).first()
