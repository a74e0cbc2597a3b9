"""Opening a store: resolve the URL, make the engine, migrate the schema to the latest revision."""
from __future__ import annotations

import json
import os
import sqlite3
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from warwire.errors import E, WarwireError
from warwire.rows import JSONText
from warwire.store.schema import metadata

DEFAULT_PATH = "warwire.db"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_MS = 30_000
# SQLite: how long one try for the write lock to migrate lasts; between tries the schema is read again, so
# a process that finds another one migrating (then writing batch after batch) waits for its migration only.
MIGRATE_TRY_MS = 500
# SQLite: the pause before trying again to switch a new file to WAL while another process writes it.
WAL_RETRY_SECONDS = 0.05
# Any constant works; it only has to be the same for every warwire process writing to one server.
_PG_WRITE_LOCK = 0x77617277


def resolve_url(url: str | None = None) -> str:
    """The SQLAlchemy URL for a --db value: None -> $WARWIRE_DB -> ./warwire.db; a path -> SQLite."""
    url = url or os.environ.get("WARWIRE_DB") or DEFAULT_PATH
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    if "://" in url:
        return url
    return f"sqlite:///{Path(url).expanduser()}"


def to_json(value) -> str:
    """A JSON column's text: ``json.dumps``, as SQLAlchemy's default, but a record that is text already
    (``warwire.rows.JSONText``, serialised by the worker that extracted it) as it is."""
    return value if type(value) is JSONText else json.dumps(value)


def create_engine(url: str) -> sa.Engine:
    """An engine for ``url`` (already resolved). SQLite gets WAL, foreign keys and a busy timeout."""
    if url.startswith("sqlite"):
        engine = sa.create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}, json_serializer=to_json)
        _configure_sqlite(engine)
        return engine
    return sa.create_engine(url, pool_pre_ping=True, json_serializer=to_json)


def _configure_sqlite(engine: sa.Engine) -> None:
    # pysqlite's own transaction handling skips BEGIN before DDL and cannot take the write lock up
    # front; we emit BEGIN ourselves so that writers can ask for BEGIN IMMEDIATE (see write_begin).
    @sa.event.listens_for(engine, "connect")
    def _connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys = ON")
        if engine.url.database not in (None, "", ":memory:"):
            _journal_in_wal(cur)
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.close()

    @sa.event.listens_for(engine, "begin")
    def _begin(conn):
        mode = conn.get_execution_options().get("sqlite_begin", "")
        conn.exec_driver_sql(f"BEGIN {mode}".strip())


def _journal_in_wal(cur) -> None:
    """Switch the database to WAL, waiting as long as for any lock.

    Switching a new file writes its header. A process doing so while another writes the new file gets "database is
    locked" at once, its busy timeout unheeded: it holds a read lock it would have to upgrade, and SQLite refuses
    rather than risk a deadlock. So several processes opening one new store at once try again until the timeout.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cur.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(WAL_RETRY_SECONDS)


@contextmanager
def write_begin(engine: sa.Engine) -> Iterator[sa.Connection]:
    """A write transaction that holds the database's write lock from its start.

    SQLite: BEGIN IMMEDIATE, so two writers queue on the busy timeout instead of one failing when
    it upgrades a read lock. PostgreSQL: a transaction-scoped advisory lock, so concurrent ingests
    see each other's articles when they look for duplicates.
    """
    if engine.dialect.name == "sqlite":
        with engine.execution_options(sqlite_begin="IMMEDIATE").begin() as conn:
            yield conn
        return
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_WRITE_LOCK})
        yield conn


def alembic_config() -> Config:
    """Alembic configuration built in code: the migration scripts ship inside the package."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(conn: sa.Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def migrate(engine: sa.Engine) -> None:
    """Bring the schema to the latest revision; safe when several processes open a new store at once."""
    head = head_revision()
    if engine.dialect.name != "sqlite":
        with engine.connect() as conn:
            if current_revision(conn) == head:
                return
        # Under the write lock, a second process waits, then finds the schema at head and does nothing.
        with write_begin(engine) as conn:
            _upgrade(conn)
        return
    # SQLite: the write lock in short tries, the schema read between them (WAL readers never wait). A
    # process that found the store being made waits for that, not for the other's whole run of writes,
    # which a single long wait on the lock can lose to (the lock is not handed over in turn).
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        with engine.connect() as conn:
            if current_revision(conn) == head:
                return
            conn.rollback()
            raw = conn.connection.dbapi_connection
            raw.execute(f"PRAGMA busy_timeout = {MIGRATE_TRY_MS}")
            try:
                with conn.execution_options(sqlite_begin="IMMEDIATE").begin():
                    _upgrade(conn)
                return
            except sa.exc.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
            finally:
                raw.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def _upgrade(conn: sa.Connection) -> None:
    """Migrate to head on ``conn``, in the write transaction it holds."""
    cfg = alembic_config()
    cfg.attributes["connection"] = conn
    tables = set(sa.inspect(conn).get_table_names())
    if current_revision(conn) is None and metadata.tables.keys() <= tables:
        # Made by metadata.create_all (a script or test fixture): the schema is there, record it.
        command.stamp(cfg, "head")
    else:
        command.upgrade(cfg, "head")


def sqlite_path(url: str) -> Path | None:
    """The file of a resolved SQLite URL, or None (another database, or SQLite in memory)."""
    u = sa.make_url(url)
    if u.get_backend_name() != "sqlite" or u.database in (None, "", ":memory:") or \
            str(u.database).startswith("file:"):
        return None
    return Path(u.database)


def open_engine(url: str | None = None, create: bool = True) -> sa.Engine:
    """Resolve, connect and migrate; E101 when the store cannot be opened.

    A SQLite store in a folder that does not exist is E104; with ``create`` False (commands that
    only read) a SQLite file that does not exist is E103, and nothing is created.
    """
    resolved = resolve_url(url)
    shown = shown_url(resolved)
    path = sqlite_path(resolved)
    if path is not None and not path.parent.is_dir():
        raise WarwireError(E.E104, path=str(path), folder=str(path.parent))
    if path is not None and not create and not path.exists():
        raise WarwireError(E.E103, path=str(path))
    try:
        engine = create_engine(resolved)
        migrate(engine)
    except WarwireError:
        raise
    except ModuleNotFoundError as exc:
        if resolved.startswith("postgresql") and (exc.name or "").split(".")[0] in ("psycopg", "psycopg2"):
            raise WarwireError(E.E105, url=shown, why=_short(exc)) from exc
        raise WarwireError(E.E101, url=shown, why=_short(exc)) from exc
    except Exception as exc:  # driver errors differ by backend; all mean the same to the user
        raise WarwireError(E.E101, url=shown, why=_short(exc)) from exc
    return engine


def shown_url(url: str | sa.URL) -> str:
    """A URL as a user would write it: no driver name, no password."""
    u = sa.make_url(url)
    return u.set(drivername=u.get_backend_name()).render_as_string(hide_password=True)


def _short(exc: Exception) -> str:
    return str(getattr(exc, "orig", None) or exc).strip().splitlines()[0][:200]
