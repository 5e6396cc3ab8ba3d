"""crawl_run.coverage: what a crawl covered

The crawler's coverage of a site (sub-sites entered, 年报 columns found on each, reports per agency and year,
traps), as JSON (crawler.coverage.Coverage), for `gxmon crawl` and the run's page.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04 06:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('crawl_run', schema=None) as batch_op:
        batch_op.add_column(sa.Column('coverage', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('crawl_run', schema=None) as batch_op:
        batch_op.drop_column('coverage')
