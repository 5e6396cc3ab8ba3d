"""crawl_run.holder: the process running a crawl

A crawl killed outright (kill -9, power cut) left its run `running` for ever. The run now names its process
(``host:pid:start``, as leases do), so the next crawl or scheduler to start closes the runs whose process is
gone as interrupted (monitor.crawling.job.close_stale_runs). Runs from before 0005 have no holder; they
are closed when no live process holds their site's lease.

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


def downgrade() -> None:
    with op.batch_alter_table('crawl_run', schema=None) as batch_op:
        batch_op.drop_column('holder')
