"""Indexes for the dashboard's filters; drop the band index the unique constraint already provides.

Revision ID: 0002
Revises: 0001
"""
from __future__ import annotations

from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index('ix_minhash_bands_band', table_name='minhash_bands')
    op.create_index('ix_events_type_date', 'events', ['event_type', 'date_start'])
    op.create_index('ix_events_admin1_date', 'events', ['admin1', 'date_start'])
    op.create_index('ix_events_sub_type_date', 'events', ['sub_event_type', 'date_start'])


def downgrade() -> None:
    op.drop_index('ix_events_sub_type_date', table_name='events')
    op.drop_index('ix_events_admin1_date', table_name='events')
    op.drop_index('ix_events_type_date', table_name='events')
    op.create_index('ix_minhash_bands_band', 'minhash_bands', ['band'])
