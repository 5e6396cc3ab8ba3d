"""crawl_run.holder and crawled_at: the process running a crawl, and when the crawler was done with the site

A crawl killed outright (kill -9, power cut) left its run `running` for ever. The run now names its process
(``host:pid:start``, as leases do), so the next crawl or scheduler to start closes the runs whose process is
gone as interrupted (monitor.crawling.job.close_stale_runs). Runs from before 0005 have no holder; they
are closed when no live process holds their site's lease. ``crawled_at`` is set by the crawl's child
process when it is done with the site (the run is closed later, with all sites of the crawl): `gxmon crawl`
counts the sites done in its progress display.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('crawl_run', schema=None) as batch_op:
        batch_op.add_column(sa.Column('holder', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True))
        batch_op.add_column(sa.Column('crawled_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('crawl_run', schema=None) as batch_op:
        batch_op.drop_column('crawled_at')
        batch_op.drop_column('holder')
