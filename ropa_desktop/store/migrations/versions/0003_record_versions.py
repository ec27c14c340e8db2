"""record versions for optimistic concurrency

Every record a user edits (organisation, activity, processing service, processor,
recipient, TOM) gets a version counter: 1 for what exists already, one more with
every stored change. A save names the version it was loaded at; a stale one is
refused as a conflict.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

TABLES = ("organisation", "activity", "processing_service", "processor", "recipient", "tom")


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("version", sa.Integer(), server_default="1",
                                          nullable=False))


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("version")
