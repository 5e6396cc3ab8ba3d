"""change index by detection time, for "what changed since …"

`gxmon changes --since`, the /changes page, its Atom feed and the dashboard read the changes detected in a
period, newest first: one index on (detected_at, id) serves the range and the order.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('change', schema=None) as batch_op:
        batch_op.create_index('ix_change_detected_at', ['detected_at', 'id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('change', schema=None) as batch_op:
        batch_op.drop_index('ix_change_detected_at')
