"""Watches: saved filters with an Atom feed and an optional webhook, and the events each was told of.

Revision ID: 0003
Revises: 0002
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'watches',
        sa.Column('name', sa.String(64), primary_key=True),
        sa.Column('filters', sa.JSON(), nullable=False),
        sa.Column('webhook', sa.Text()),
        sa.Column('created_at', sa.String(32)),
    )
    op.create_table(
        'watch_deliveries',
        sa.Column('watch', sa.String(64), sa.ForeignKey('watches.name', ondelete='CASCADE'), primary_key=True),
        sa.Column('event_id', sa.String(48), primary_key=True),
        sa.Column('delivered_at', sa.String(32)),
    )


def downgrade() -> None:
    op.drop_table('watch_deliveries')
    op.drop_table('watches')
