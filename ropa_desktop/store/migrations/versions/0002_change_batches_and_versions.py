"""change batches (imports that can be undone) and frozen register versions

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('change_batch',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('uid', sa.Text(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('user', sa.Text(), server_default='', nullable=False),
    sa.Column('kind', sa.Text(), server_default='', nullable=False),
    sa.Column('description', sa.Text(), server_default='', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_change_batch')),
    sa.UniqueConstraint('uid', name=op.f('uq_change_batch_uid'))
    )
    with op.batch_alter_table('change', schema=None) as batch_op:
        batch_op.add_column(sa.Column('batch_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_change_batch_id_change_batch'), 'change_batch', ['batch_id'], ['id'], ondelete='SET NULL')
        batch_op.create_index(batch_op.f('ix_change_batch_id'), ['batch_id'], unique=False)

    op.create_table('register_version',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('label', sa.Text(), server_default='', nullable=False),
    sa.Column('frozen_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('user', sa.Text(), server_default='', nullable=False),
    sa.Column('document', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_register_version_organisation_id_organisation'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_register_version')),
    sa.UniqueConstraint('organisation_id', 'number',
                        name=op.f('uq_register_version_organisation_id'))
    )
    with op.batch_alter_table('register_version', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_register_version_organisation_id'), ['organisation_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('register_version', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_register_version_organisation_id'))
    op.drop_table('register_version')
    with op.batch_alter_table('change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_change_batch_id'))
        batch_op.drop_constraint(batch_op.f('fk_change_batch_id_change_batch'), type_='foreignkey')
        batch_op.drop_column('batch_id')
    op.drop_table('change_batch')
