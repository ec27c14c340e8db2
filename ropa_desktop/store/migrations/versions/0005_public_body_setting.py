"""organisations: explicit "is a public body under Land law" setting

A nullable boolean ``public_body`` beside the legal form: NULL means the DPO has not
answered and the default of the legal form applies (public-law forms are public bodies);
true or false is the DPO's answer (e.g. a majority-municipal GmbH doing public
administration under § 2 Abs. 2 LDSG BW). Existing organisations keep NULL, so nothing
the checks say changes until someone answers.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the nullable ``organisation.public_body`` column."""
    with op.batch_alter_table("organisation") as batch:
        batch.add_column(sa.Column("public_body", sa.Boolean(), nullable=True))


def downgrade() -> None:
    """Drop the column again."""
    with op.batch_alter_table("organisation") as batch:
        batch.drop_column("public_body")
