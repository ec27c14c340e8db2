"""the database's own identity (for questionnaires sent to departments); review cycle

A single-row table ``register_identity``: a random ``uid`` naming this database and a
random ``secret`` with which questionnaire workbooks are signed, so an answer coming back
is recognised as one of this database's and a changed hidden identifier is noticed. The
row is created by the store the first time a questionnaire is sent.

``organisation.review_months``: the organisation's review cycle, the months from one
review of an activity to the next (default 12).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('register_identity',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('uid', sa.Text(), nullable=False),
    sa.Column('secret', sa.Text(), nullable=False),
    sa.Column('created', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_register_identity')),
    sa.UniqueConstraint('uid', name=op.f('uq_register_identity_uid'))
    )
    with op.batch_alter_table('organisation', schema=None) as batch_op:
        batch_op.add_column(sa.Column('review_months', sa.Integer(), server_default='12', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('organisation', schema=None) as batch_op:
        batch_op.drop_column('review_months')
    op.drop_table('register_identity')
