"""delivery of a frozen version: to whom, when, under which reference

A frozen register version ("Stand") records whether and how it was handed over
(e.g. to the supervisory authority): the recipient, the date and a reference
(file number of the request). Empty for every version that exists already.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("register_version", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("delivered_to", sa.Text(), server_default="", nullable=False)
        )
        batch_op.add_column(sa.Column("delivered_on", sa.Date(), nullable=True))
        batch_op.add_column(
            sa.Column("delivery_reference", sa.Text(), server_default="", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("register_version", schema=None) as batch_op:
        batch_op.drop_column("delivery_reference")
        batch_op.drop_column("delivered_on")
        batch_op.drop_column("delivered_to")
