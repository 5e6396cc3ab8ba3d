"""indexes for the counts of /changes: changes by kind, versions with errors

The /changes page and the dashboard count the changes of each kind, and those that brought a failing version,
up to a cap (monitor.archive.changes.COUNT_CAP). Without an index a rare kind (withdrawn) or the few failing
versions cost a scan of every change: seconds on a million versions.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('change', schema=None) as batch_op:
        batch_op.create_index('ix_change_kind_detected', ['kind', 'detected_at', 'id'], unique=False)
    with op.batch_alter_table('version', schema=None) as batch_op:
        batch_op.create_index('ix_version_failing', ['error_count', 'id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('version', schema=None) as batch_op:
        batch_op.drop_index('ix_version_failing')
    with op.batch_alter_table('change', schema=None) as batch_op:
        batch_op.drop_index('ix_change_kind_detected')
