"""Fixtures every test module can use: store URLs for SQLite and PostgreSQL, the bundled sample, shared data.

PostgreSQL tests need ``WARWIRE_TEST_PG`` (a server URL such as
``postgresql://postgres:postgres@127.0.0.1:5432/postgres``); ``.ci/run`` starts
a server and sets it. Each test gets a fresh database of its own.
"""
from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from hypothesis import settings

from services import skip_unless_ci

# In CI the property tests draw the same examples every run: a CI result must not depend on luck. Outside CI
# they draw new ones each run, which is how they find new bugs (and a found example is kept in .hypothesis/).
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("WARWIRE_CI") == "1":
    settings.load_profile("ci")

REPO = Path(__file__).resolve().parent.parent
SAMPLE_DIR = REPO / "warwire" / "data" / "sample"
SHARED_DATA = REPO.parent / "shared" / "data"


def _pg_server() -> str | None:
    return os.environ.get("WARWIRE_TEST_PG")


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'warwire.db'}"


@pytest.fixture
def pg_url():
    """A fresh, empty PostgreSQL database, dropped after the test."""
    server = _pg_server()
    if not server:
        skip_unless_ci("WARWIRE_TEST_PG is not set (CI sets it)")
    import sqlalchemy as sa

    name = f"ww_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(server.replace("postgresql://", "postgresql+psycopg://", 1),
                             isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    base = server.rsplit("/", 1)[0]
    yield f"{base}/{name}"
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    """Runs a test once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'warwire.db'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def sample_dir() -> Path:
    return SAMPLE_DIR


@pytest.fixture
def shared_data() -> Path:
    """The development data beside the repo; tests that need it skip where it is absent (a user's clone)."""
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not present")
    return SHARED_DATA
