"""link_seen: references linking has tried and left in no event, so an incremental link does not start from them again.

Revision ID: 0004
Revises: 0003
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'link_seen',
        sa.Column('report_id', sa.String(48), sa.ForeignKey('reports.id', ondelete='CASCADE'), primary_key=True),
    )


def downgrade() -> None:
    op.drop_table('link_seen')
