"""Opening stores: URL forms, migrations on a fresh database, concurrent first opens, unreachable stores."""
from __future__ import annotations

import subprocess
import sys

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from warwire.errors import WarwireError
from warwire.store import open_store
from warwire.store.engine import create_engine, current_revision, head_revision, resolve_url
from warwire.store.schema import metadata


def test_fresh_store_is_migrated_to_head_and_matches_schema(store_url):
    store = open_store(store_url)
    with store.engine.connect() as conn:
        assert current_revision(conn) == head_revision()
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    # The migration scripts create exactly the tables, columns and indexes of schema.py.
    assert diff == []
    store.close()


def test_reopening_keeps_data(store_url):
    from warwire.model import Article

    with open_store(store_url) as store:
        store.add_articles([Article(text="Shelling hit Jobar on Tuesday.")])
    with open_store(store_url) as store:
        assert store.count_articles() == 1


def test_sqlite_pragmas(tmp_path):
    store = open_store(str(tmp_path / "w.db"))
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
    store.close()


def test_url_forms(tmp_path, monkeypatch):
    monkeypatch.delenv("WARWIRE_DB", raising=False)
    assert resolve_url(None) == "sqlite:///warwire.db"
    assert resolve_url("data/x.db") == "sqlite:///data/x.db"
    assert resolve_url("sqlite:////abs/x.db") == "sqlite:////abs/x.db"
    assert resolve_url("postgresql://u:p@h:5432/db") == "postgresql+psycopg://u:p@h:5432/db"
    monkeypatch.setenv("WARWIRE_DB", str(tmp_path / "env.db"))
    assert resolve_url(None) == f"sqlite:///{tmp_path / 'env.db'}"
    open_store().close()
    assert (tmp_path / "env.db").exists()


@pytest.mark.parametrize("url", ["{tmp}/articles.csv", "postgresql://nobody:wrong@127.0.0.1:1/none"])
def test_unreachable_store_is_E101(url, tmp_path):
    (tmp_path / "articles.csv").write_text("id,text\n" + "1,Shelling of Jobar\n" * 200)  # not a database
    with pytest.raises(WarwireError) as err:
        open_store(url.format(tmp=tmp_path))
    assert err.value.code.name == "E101"
    assert "wrong" not in str(err.value)  # the password is not printed
    assert "+psycopg" not in str(err.value)


def test_concurrent_first_open(store_url):
    """Several processes opening one new store at once: all succeed, the schema is created once."""
    code = ("import sys; from warwire.store import open_store; from warwire.model import Article; "
            "s = open_store(sys.argv[1]); s.add_articles([Article(text='Clashes in Daraa ' + sys.argv[2])])")
    procs = [subprocess.Popen([sys.executable, "-c", code, store_url, str(i)], stderr=subprocess.PIPE, text=True)
             for i in range(4)]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    with open_store(store_url) as store:
        assert store.count_articles() == 4
        with store.engine.connect() as conn:
            assert conn.execute(sa.text("SELECT count(*) FROM alembic_version")).scalar() == 1


def test_a_new_sqlite_store_opens_while_another_process_writes_the_new_file(tmp_path):
    """Switching a new file to WAL while another connection holds its write lock fails at once, the busy timeout
    unheeded (SQLite will not upgrade a read lock then); opening waits for the lock instead. One of several
    processes opening a new store at once hit this."""
    import sqlite3
    import threading

    path = tmp_path / "w.db"
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    other.execute("CREATE TABLE notes (text TEXT)")
    release = threading.Timer(1.0, other.execute, ["COMMIT"])
    release.start()
    try:
        with open_store(str(path)) as store:  # before: E101, database is locked
            with store.engine.connect() as conn:
                assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
                assert current_revision(conn) == head_revision()
    finally:
        release.join()
        other.close()


def test_schema_made_without_migrations_is_adopted(store_url):
    """A database whose tables were made by ``metadata.create_all`` opens, and is stamped at head."""
    engine = create_engine(resolve_url(store_url))
    metadata.create_all(engine)
    engine.dispose()
    with open_store(store_url) as store:
        with store.engine.connect() as conn:
            assert current_revision(conn) == head_revision()
        assert store.count_articles() == 0


def test_a_store_in_a_missing_folder_says_the_folder_is_missing(tmp_path):
    with pytest.raises(WarwireError) as err:
        open_store(str(tmp_path / "no" / "such" / "x.db"))
    assert err.value.code.name == "E104" and str(tmp_path / "no" / "such") in str(err.value)
    assert not (tmp_path / "no").exists()


def test_opening_a_missing_store_to_read_creates_nothing(tmp_path):
    path = tmp_path / "never.db"
    with pytest.raises(WarwireError) as err:
        open_store(str(path), create=False)
    assert err.value.code.name == "E103" and "ingest" in str(err.value)
    assert not path.exists()
    open_store(str(path)).close()  # made by a command that writes
    open_store(str(path), create=False).close()


def test_a_store_made_by_another_process_that_goes_on_writing_opens(tmp_path, monkeypatch):
    """One process makes a new SQLite store, then writes batch after batch, holding the write lock with
    hardly a gap. A second one opening the store meanwhile waits for the schema, not for a turn at the lock."""
    import threading
    import time

    from alembic import command

    from warwire.store import engine as store_engine

    monkeypatch.setattr(store_engine, "BUSY_TIMEOUT_MS", 6_000)
    url = resolve_url(str(tmp_path / "w.db"))
    maker = create_engine(url)
    locked = threading.Event()

    def make_then_write() -> None:
        with store_engine.write_begin(maker) as conn:
            locked.set()
            time.sleep(1.0)
            cfg = store_engine.alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
        for _ in range(80):  # about 8 s of writes, each taking the lock again at once
            with store_engine.write_begin(maker) as conn:
                conn.exec_driver_sql("SELECT 1")
                time.sleep(0.1)

    writer = threading.Thread(target=make_then_write)
    writer.start()
    try:
        assert locked.wait(10)
        store = open_store(str(tmp_path / "w.db"))  # before: E101, database is locked, after 6 s
        with store.engine.connect() as conn:
            assert current_revision(conn) == head_revision()
        store.close()
    finally:
        writer.join()
        maker.dispose()
