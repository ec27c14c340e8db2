"""explicit "none" statements of an activity and a processing service

An activity can state explicitly that it has no external recipients, no joint
controllers and no third-country transfer; a processing service that it makes no
third-country transfer (issue 18). Three and one yes/no columns, false for what
exists already.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

COLUMNS = {
    "activity": ("no_external_recipients", "no_joint_controllers", "no_transfers"),
    "processing_service": ("no_transfers",),
}


def upgrade() -> None:
    for table, columns in COLUMNS.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column in columns:
                batch_op.add_column(
                    sa.Column(column, sa.Boolean(), server_default=sa.false(), nullable=False)
                )


def downgrade() -> None:
    for table, columns in COLUMNS.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column in columns:
                batch_op.drop_column(column)
