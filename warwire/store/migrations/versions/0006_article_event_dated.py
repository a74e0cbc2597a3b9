"""articles.event_dated: the article's date is the date of the event it tells (a coded record), not a story's.

Revision ID: 0006
Revises: 0005
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # stored articles came from layouts not yet told apart: read as dated by their stories, as before
    op.add_column('articles', sa.Column('event_dated', sa.Boolean, nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table('articles') as batch:
        batch.drop_column('event_dated')
