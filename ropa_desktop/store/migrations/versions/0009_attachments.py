"""attachments: files kept beside an activity or a processor

One table holding the file's content with its name, size, time and user; owner and
organisation are named by uid (no foreign keys, so an undone deletion finds its files).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "attachment",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("uid", sa.Text(), nullable=False),
        sa.Column("organisation_uid", sa.Text(), nullable=False),
        sa.Column("owner_kind", sa.Text(), nullable=False),
        sa.Column("owner_uid", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), server_default="", nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("added", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user", sa.Text(), server_default="", nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachment")),
        sa.UniqueConstraint("uid", name=op.f("uq_attachment_uid")),
    )
    op.create_index(
        op.f("ix_attachment_organisation_uid"), "attachment", ["organisation_uid"], unique=False
    )
    op.create_index(op.f("ix_attachment_owner_uid"), "attachment", ["owner_uid"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_attachment_owner_uid"), table_name="attachment")
    op.drop_index(op.f("ix_attachment_organisation_uid"), table_name="attachment")
    op.drop_table("attachment")
