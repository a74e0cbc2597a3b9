"""The durable store: articles, reports and events in SQLite (default) or PostgreSQL.

``open_store()`` connects and migrates; every write method is one transaction, so a crash
loses nothing already committed and a rerun picks up where it stopped.
"""
from __future__ import annotations

import sqlalchemy as sa

from warwire.store.articles import AddResult, ArticleStore
from warwire.store.engine import open_engine, shown_url
from warwire.store.events import EventStore
from warwire.store.ingest import IngestSummary, ingest
from warwire.store.reports import ReportStore

__all__ = ["AddResult", "Connection", "IngestSummary", "Store", "ingest", "open_store"]

# A read connection (``Store.connect()``), as the query functions of store/ take it.
Connection = sa.Connection


class Store(ArticleStore, ReportStore, EventStore):
    """A migrated store. ``engine`` is the SQLAlchemy engine, for read queries of your own."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    @property
    def url(self) -> str:
        return shown_url(self.engine.url)

    def connect(self) -> sa.Connection:
        """A read connection (a context manager) for the query functions of ``store.browse``, ``store.summary``..."""
        return self.engine.connect()

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.url!r})"


def open_store(url: str | None = None, create: bool = True) -> Store:
    """Open (creating and migrating if needed) the store at ``url``.

    ``url``: None (then $WARWIRE_DB, then ./warwire.db), a SQLite path, ``sqlite:///...`` or
    ``postgresql://...``. Raises E101 when it cannot be opened, E104 when a SQLite file's folder
    is missing, and with ``create`` False E103 when the SQLite file does not exist yet.
    """
    return Store(open_engine(url, create=create))
