"""The store's tables (SQLAlchemy Core). Alembic migrations in ``store/migrations`` create them.

Nested report and event fields live whole in a JSON ``record`` column (the
contract's shape); the columns beside it are copies of the fields that
filters, sorting and linking need, so queries never parse JSON.
"""
from __future__ import annotations

from sqlalchemy import (JSON, Boolean, Column, Float, ForeignKey, Index, Integer, MetaData, String, Table,
                        Text, UniqueConstraint, false)

metadata = MetaData()

articles = Table(
    "articles", metadata,
    Column("id", String(32), primary_key=True),
    Column("source_id", String(255)),
    Column("outlet", String(255), index=True),
    Column("title", Text),
    Column("text", Text, nullable=False),
    Column("published", String(10), index=True),
    Column("metadata_date", String(10)),
    Column("dateline", JSON),
    Column("url", Text),
    Column("origin", Text),
    Column("duplicate_of", String(32), index=True),  # original of a near-duplicate (syndicated copy)
    # its date is the event's, not a story's (a coded record: Article.event_dated)
    Column("event_dated", Boolean, nullable=False, default=False, server_default=false()),
    Column("minhash", Text),  # hex of the MinHash signature, for near-duplicate lookups
    Column("credibility", JSON),
    Column("ingested_at", String(32)),
)

# LSH bands of each article's MinHash, so near-duplicate search survives restarts and scales.
minhash_bands = Table(
    "minhash_bands", metadata,
    Column("band", String(48), nullable=False),
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    UniqueConstraint("band", "article_id"),  # its index serves lookups by band
)

# One row per article once extraction has run on it (done or failed): what makes runs resumable.
extractions = Table(
    "extractions", metadata,
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("status", String(16), nullable=False),  # done | error
    Column("n_reports", Integer, nullable=False, default=0),
    Column("error", Text),
    Column("extractor_version", String(32)),
    Column("updated_at", String(32)),
)

reports = Table(
    "reports", metadata,
    Column("id", String(48), primary_key=True),  # "{article_id}:{index}"
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("idx", Integer, nullable=False),
    Column("event_type", String(64), index=True),
    Column("sub_event_type", String(64), index=True),
    Column("date", String(10), index=True),
    Column("date_precision", Integer),
    Column("country", String(64)),
    Column("admin1", String(128), index=True),
    Column("admin2", String(128)),
    Column("location_name", String(255)),
    Column("lat", Float),
    Column("lon", Float),
    Column("geo_precision", Integer),
    Column("actor1", String(255)),
    Column("actor2", String(255)),
    Column("fatalities", Integer),  # best
    Column("claimed_by", String(255)),
    Column("primary", Boolean, default=False),
    Column("record", JSON, nullable=False),
    UniqueConstraint("article_id", "idx"),
    Index("ix_reports_country_date", "country", "date"),
)

events = Table(
    "events", metadata,
    Column("id", String(48), primary_key=True),
    Column("event_type", String(64), index=True),
    Column("sub_event_type", String(64), index=True),
    Column("date_start", String(10), index=True),
    Column("date_end", String(10)),
    Column("country", String(64)),
    Column("admin1", String(128), index=True),
    Column("location_name", String(255)),
    Column("lat", Float),
    Column("lon", Float),
    Column("actor1", String(255)),
    Column("actor2", String(255)),
    Column("fatalities_low", Integer),
    Column("fatalities_best", Integer, index=True),
    Column("fatalities_high", Integer),
    Column("n_sources", Integer),
    Column("n_contradictions", Integer, default=0),
    Column("record", JSON, nullable=False),
    Index("ix_events_lat_lon", "lat", "lon"),
    # The dashboard's common filters, each followed by the default sort (newest first).
    Index("ix_events_type_date", "event_type", "date_start"),
    Index("ix_events_admin1_date", "admin1", "date_start"),
    Index("ix_events_sub_type_date", "sub_event_type", "date_start"),
)

event_reports = Table(
    "event_reports", metadata,
    Column("event_id", String(48), ForeignKey("events.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("report_id", String(48), ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True),
)

# Saved filters ("watches"): an Atom feed each, and optionally a webhook told of new events.
watches = Table(
    "watches", metadata,
    Column("name", String(64), primary_key=True),
    Column("filters", JSON, nullable=False),  # the event filters as query parameters, e.g. {"region": "..."}
    Column("webhook", Text),
    Column("created_at", String(32)),
)

# The events a watch's webhook has been told of (or that matched when the watch was made).
watch_deliveries = Table(
    "watch_deliveries", metadata,
    Column("watch", String(64), ForeignKey("watches.name", ondelete="CASCADE"), primary_key=True),
    Column("event_id", String(48), primary_key=True),
    Column("delivered_at", String(32)),
)

# References (link-only reports) that linking has tried against the events near their date and left
# in no event: an incremental link starts only from new reports, so these wait for new reports near them.
link_seen = Table(
    "link_seen", metadata,
    Column("report_id", String(48), ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True),
)

# What a user did to linking by hand, replayed after every link (full or incremental) in the order given:
# "merge" keeps ``reports`` in one event; "split" keeps ``reports`` out of any event holding a report of ``apart``.
link_overrides = Table(
    "link_overrides", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(8), nullable=False),
    Column("reports", JSON, nullable=False),
    Column("apart", JSON),
    Column("created_at", String(32)),
)
