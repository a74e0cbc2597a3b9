"""link_overrides: events merged or split by hand, replayed after every link so a re-link keeps them.

Revision ID: 0005
Revises: 0004
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'link_overrides',
        sa.Column('id', sa.Integer, primary_key=True, autoincrement=True),
        sa.Column('kind', sa.String(8), nullable=False),
        sa.Column('reports', sa.JSON, nullable=False),
        sa.Column('apart', sa.JSON),
        sa.Column('created_at', sa.String(32)),
    )


def downgrade() -> None:
    op.drop_table('link_overrides')
