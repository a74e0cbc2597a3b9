"""Initial schema: the tables of warwire/store/schema.py.

Revision ID: 0001
Revises:
Create Date: 2026-11-26 08:16:48.903374
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('articles',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('source_id', sa.String(length=255), nullable=True),
    sa.Column('outlet', sa.String(length=255), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('published', sa.String(length=10), nullable=True),
    sa.Column('metadata_date', sa.String(length=10), nullable=True),
    sa.Column('dateline', sa.JSON(), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('origin', sa.Text(), nullable=True),
    sa.Column('duplicate_of', sa.String(length=32), nullable=True),
    sa.Column('minhash', sa.Text(), nullable=True),
    sa.Column('credibility', sa.JSON(), nullable=True),
    sa.Column('ingested_at', sa.String(length=32), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_articles_duplicate_of', 'articles', ['duplicate_of'])
    op.create_index('ix_articles_outlet', 'articles', ['outlet'])
    op.create_index('ix_articles_published', 'articles', ['published'])

    op.create_table('events',
    sa.Column('id', sa.String(length=48), nullable=False),
    sa.Column('event_type', sa.String(length=64), nullable=True),
    sa.Column('sub_event_type', sa.String(length=64), nullable=True),
    sa.Column('date_start', sa.String(length=10), nullable=True),
    sa.Column('date_end', sa.String(length=10), nullable=True),
    sa.Column('country', sa.String(length=64), nullable=True),
    sa.Column('admin1', sa.String(length=128), nullable=True),
    sa.Column('location_name', sa.String(length=255), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('actor1', sa.String(length=255), nullable=True),
    sa.Column('actor2', sa.String(length=255), nullable=True),
    sa.Column('fatalities_low', sa.Integer(), nullable=True),
    sa.Column('fatalities_best', sa.Integer(), nullable=True),
    sa.Column('fatalities_high', sa.Integer(), nullable=True),
    sa.Column('n_sources', sa.Integer(), nullable=True),
    sa.Column('n_contradictions', sa.Integer(), nullable=True),
    sa.Column('record', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_events_admin1', 'events', ['admin1'])
    op.create_index('ix_events_date_start', 'events', ['date_start'])
    op.create_index('ix_events_event_type', 'events', ['event_type'])
    op.create_index('ix_events_fatalities_best', 'events', ['fatalities_best'])
    op.create_index('ix_events_lat_lon', 'events', ['lat', 'lon'])
    op.create_index('ix_events_sub_event_type', 'events', ['sub_event_type'])

    op.create_table('extractions',
    sa.Column('article_id', sa.String(length=32), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('n_reports', sa.Integer(), nullable=False),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('extractor_version', sa.String(length=32), nullable=True),
    sa.Column('updated_at', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('article_id')
    )
    op.create_table('minhash_bands',
    sa.Column('band', sa.String(length=48), nullable=False),
    sa.Column('article_id', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.UniqueConstraint('band', 'article_id')
    )
    op.create_index('ix_minhash_bands_band', 'minhash_bands', ['band'])

    op.create_table('reports',
    sa.Column('id', sa.String(length=48), nullable=False),
    sa.Column('article_id', sa.String(length=32), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('event_type', sa.String(length=64), nullable=True),
    sa.Column('sub_event_type', sa.String(length=64), nullable=True),
    sa.Column('date', sa.String(length=10), nullable=True),
    sa.Column('date_precision', sa.Integer(), nullable=True),
    sa.Column('country', sa.String(length=64), nullable=True),
    sa.Column('admin1', sa.String(length=128), nullable=True),
    sa.Column('admin2', sa.String(length=128), nullable=True),
    sa.Column('location_name', sa.String(length=255), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('geo_precision', sa.Integer(), nullable=True),
    sa.Column('actor1', sa.String(length=255), nullable=True),
    sa.Column('actor2', sa.String(length=255), nullable=True),
    sa.Column('fatalities', sa.Integer(), nullable=True),
    sa.Column('claimed_by', sa.String(length=255), nullable=True),
    sa.Column('primary', sa.Boolean(), nullable=True),
    sa.Column('record', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('article_id', 'idx')
    )
    op.create_index('ix_reports_admin1', 'reports', ['admin1'])
    op.create_index('ix_reports_article_id', 'reports', ['article_id'])
    op.create_index('ix_reports_country_date', 'reports', ['country', 'date'])
    op.create_index('ix_reports_date', 'reports', ['date'])
    op.create_index('ix_reports_event_type', 'reports', ['event_type'])
    op.create_index('ix_reports_sub_event_type', 'reports', ['sub_event_type'])

    op.create_table('event_reports',
    sa.Column('event_id', sa.String(length=48), nullable=False),
    sa.Column('report_id', sa.String(length=48), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['report_id'], ['reports.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('report_id')
    )
    op.create_index('ix_event_reports_event_id', 'event_reports', ['event_id'])


def downgrade() -> None:
    op.drop_index('ix_event_reports_event_id', table_name='event_reports')

    op.drop_table('event_reports')
    op.drop_index('ix_reports_sub_event_type', table_name='reports')
    op.drop_index('ix_reports_event_type', table_name='reports')
    op.drop_index('ix_reports_date', table_name='reports')
    op.drop_index('ix_reports_country_date', table_name='reports')
    op.drop_index('ix_reports_article_id', table_name='reports')
    op.drop_index('ix_reports_admin1', table_name='reports')

    op.drop_table('reports')
    op.drop_index('ix_minhash_bands_band', table_name='minhash_bands')

    op.drop_table('minhash_bands')
    op.drop_table('extractions')
    op.drop_index('ix_events_sub_event_type', table_name='events')
    op.drop_index('ix_events_lat_lon', table_name='events')
    op.drop_index('ix_events_fatalities_best', table_name='events')
    op.drop_index('ix_events_event_type', table_name='events')
    op.drop_index('ix_events_date_start', table_name='events')
    op.drop_index('ix_events_admin1', table_name='events')

    op.drop_table('events')
    op.drop_index('ix_articles_published', table_name='articles')
    op.drop_index('ix_articles_outlet', table_name='articles')
    op.drop_index('ix_articles_duplicate_of', table_name='articles')

    op.drop_table('articles')
