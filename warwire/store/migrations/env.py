"""Alembic environment: runs on the connection that ``warwire.store.engine.migrate`` passes in."""
from __future__ import annotations

from alembic import context

from warwire.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Run migrations through warwire.store.open_store(), which passes a connection.")
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
