"""watched_site: the watch list kept in the archive (gxmon sites add/pause/resume)

Sites added from the command line live here beside the config's [[site]] tables: start URLs, name, who hears
about them (alert_to, notify), an optional cron schedule and other [[site]] keys (settings: crawl limits). A row without start URLs pauses the config's
site of that id. Nothing existing changes, so the downgrade only drops the table.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'watched_site',
        sa.Column('site_id', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
        sa.Column('start_urls', sa.JSON(), nullable=True),
        sa.Column('alert_to', sa.JSON(), nullable=True),
        sa.Column('notify', sa.JSON(), nullable=True),
        sa.Column('schedule', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True),
        sa.Column('settings', sa.JSON(), nullable=True),
        sa.Column('added_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column('paused_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint('site_id'),
    )


def downgrade() -> None:
    op.drop_table('watched_site')
