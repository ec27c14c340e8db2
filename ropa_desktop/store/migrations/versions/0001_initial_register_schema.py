"""initial register schema

Revision ID: 0001
Revises: -
Create Date: 2026-11-21
"""

import sqlalchemy as sa
from alembic import op


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('organisation',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('uid', sa.Text(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('kind', sa.Text(), nullable=False),
    sa.Column('land', sa.Text(), server_default='', nullable=False),
    sa.Column('street', sa.Text(), server_default='', nullable=False),
    sa.Column('postcode', sa.Text(), server_default='', nullable=False),
    sa.Column('city', sa.Text(), server_default='', nullable=False),
    sa.Column('country', sa.Text(), server_default='', nullable=False),
    sa.Column('phone', sa.Text(), server_default='', nullable=False),
    sa.Column('email', sa.Text(), server_default='', nullable=False),
    sa.Column('website', sa.Text(), server_default='', nullable=False),
    sa.Column('management', sa.Text(), server_default='', nullable=False),
    sa.Column('representative', sa.JSON(), nullable=False),
    sa.Column('dpo', sa.JSON(), nullable=False),
    sa.Column('dpo_external', sa.Boolean(), nullable=False),
    sa.Column('supervisory_authority', sa.Text(), server_default='', nullable=False),
    sa.Column('is_controller', sa.Boolean(), nullable=False),
    sa.Column('is_processor', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.Text(), server_default='', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organisation')),
    sa.UniqueConstraint('name', name=op.f('uq_organisation_name')),
    sa.UniqueConstraint('uid', name=op.f('uq_organisation_uid'))
    )
    op.create_table('processor',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('uid', sa.Text(), nullable=False),
    sa.Column('name', sa.Text(), server_default='', nullable=False),
    sa.Column('street', sa.Text(), server_default='', nullable=False),
    sa.Column('postcode', sa.Text(), server_default='', nullable=False),
    sa.Column('city', sa.Text(), server_default='', nullable=False),
    sa.Column('country', sa.Text(), server_default='', nullable=False),
    sa.Column('phone', sa.Text(), server_default='', nullable=False),
    sa.Column('email', sa.Text(), server_default='', nullable=False),
    sa.Column('contract_date', sa.Date(), nullable=True),
    sa.Column('contract_reference', sa.Text(), server_default='', nullable=False),
    sa.Column('notes', sa.Text(), server_default='', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_processor')),
    sa.UniqueConstraint('uid', name=op.f('uq_processor_uid'))
    )
    op.create_table('recipient',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('uid', sa.Text(), nullable=False),
    sa.Column('name', sa.Text(), server_default='', nullable=False),
    sa.Column('category', sa.Text(), server_default='', nullable=False),
    sa.Column('country', sa.Text(), server_default='', nullable=False),
    sa.Column('notes', sa.Text(), server_default='', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recipient')),
    sa.UniqueConstraint('uid', name=op.f('uq_recipient_uid'))
    )
    op.create_table('tom',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('uid', sa.Text(), nullable=False),
    sa.Column('title', sa.Text(), server_default='', nullable=False),
    sa.Column('description', sa.Text(), server_default='', nullable=False),
    sa.Column('sdm_goal', sa.Text(), server_default='', nullable=False),
    sa.Column('art32', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tom')),
    sa.UniqueConstraint('uid', name=op.f('uq_tom_uid'))
    )
    op.create_table('activity',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('uid', sa.Text(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('reference', sa.Text(), server_default='', nullable=False),
    sa.Column('name', sa.Text(), server_default='', nullable=False),
    sa.Column('department', sa.Text(), server_default='', nullable=False),
    sa.Column('contact', sa.JSON(), nullable=False),
    sa.Column('description', sa.Text(), server_default='', nullable=False),
    sa.Column('data_subjects', sa.JSON(), nullable=False),
    sa.Column('internal_recipients', sa.JSON(), nullable=False),
    sa.Column('tom_description', sa.Text(), server_default='', nullable=False),
    sa.Column('dpia_art35_3', sa.JSON(), nullable=False),
    sa.Column('dpia_wp248', sa.JSON(), nullable=False),
    sa.Column('dpia_dsk_list', sa.JSON(), nullable=False),
    sa.Column('dpia_result', sa.Text(), nullable=False),
    sa.Column('dpia_reference', sa.Text(), server_default='', nullable=False),
    sa.Column('dpia_notes', sa.Text(), server_default='', nullable=False),
    sa.Column('dpia_screened_on', sa.Date(), nullable=True),
    sa.Column('status', sa.Text(), nullable=False),
    sa.Column('created', sa.DateTime(timezone=True), nullable=False),
    sa.Column('changed', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_reviewed', sa.Date(), nullable=True),
    sa.Column('next_review', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), server_default='', nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_activity_organisation_id_organisation'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_activity')),
    sa.UniqueConstraint('uid', name=op.f('uq_activity_uid'))
    )
    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_activity_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('change',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('user', sa.Text(), server_default='', nullable=False),
    sa.Column('entity', sa.Text(), server_default='', nullable=False),
    sa.Column('entity_uid', sa.Text(), nullable=False),
    sa.Column('entity_label', sa.Text(), server_default='', nullable=False),
    sa.Column('field', sa.Text(), server_default='', nullable=False),
    sa.Column('old', sa.Text(), nullable=True),
    sa.Column('new', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_change'))
    )
    with op.batch_alter_table('change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_change_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_change_entity_uid'), ['entity_uid'], unique=False)

    op.create_table('processing_service',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('uid', sa.Text(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('reference', sa.Text(), server_default='', nullable=False),
    sa.Column('name', sa.Text(), server_default='', nullable=False),
    sa.Column('categories', sa.JSON(), nullable=False),
    sa.Column('tom_description', sa.Text(), server_default='', nullable=False),
    sa.Column('status', sa.Text(), nullable=False),
    sa.Column('created', sa.DateTime(timezone=True), nullable=False),
    sa.Column('changed', sa.DateTime(timezone=True), nullable=False),
    sa.Column('notes', sa.Text(), server_default='', nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_processing_service_organisation_id_organisation'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_processing_service')),
    sa.UniqueConstraint('uid', name=op.f('uq_processing_service_uid'))
    )
    with op.batch_alter_table('processing_service', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_processing_service_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('subprocessor',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('processor_id', sa.Integer(), nullable=False),
    sa.Column('subprocessor_id', sa.Integer(), nullable=False),
    sa.Column('service', sa.Text(), server_default='', nullable=False),
    sa.ForeignKeyConstraint(['processor_id'], ['processor.id'], name=op.f('fk_subprocessor_processor_id_processor'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['subprocessor_id'], ['processor.id'], name=op.f('fk_subprocessor_subprocessor_id_processor'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_subprocessor'))
    )
    with op.batch_alter_table('subprocessor', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_subprocessor_processor_id'), ['processor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_subprocessor_subprocessor_id'), ['subprocessor_id'], unique=False)

    op.create_table('client_controller',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('service_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), server_default='', nullable=False),
    sa.Column('contact', sa.Text(), server_default='', nullable=False),
    sa.Column('representative', sa.Text(), server_default='', nullable=False),
    sa.Column('dpo', sa.Text(), server_default='', nullable=False),
    sa.ForeignKeyConstraint(['service_id'], ['processing_service.id'], name=op.f('fk_client_controller_service_id_processing_service'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_client_controller'))
    )
    with op.batch_alter_table('client_controller', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_client_controller_service_id'), ['service_id'], unique=False)

    op.create_table('data_category',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('activity_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), server_default='', nullable=False),
    sa.Column('special', sa.Text(), nullable=False),
    sa.Column('source', sa.Text(), server_default='', nullable=False),
    sa.Column('retention_duration', sa.Integer(), nullable=True),
    sa.Column('retention_unit', sa.Text(), nullable=True),
    sa.Column('retention_start', sa.Text(), server_default='', nullable=False),
    sa.Column('retention_text', sa.Text(), server_default='', nullable=False),
    sa.Column('notes', sa.Text(), server_default='', nullable=False),
    sa.ForeignKeyConstraint(['activity_id'], ['activity.id'], name=op.f('fk_data_category_activity_id_activity'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_data_category'))
    )
    with op.batch_alter_table('data_category', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_data_category_activity_id'), ['activity_id'], unique=False)

    op.create_table('joint_controller',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('activity_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), server_default='', nullable=False),
    sa.Column('contact', sa.Text(), server_default='', nullable=False),
    sa.Column('arrangement', sa.Text(), server_default='', nullable=False),
    sa.ForeignKeyConstraint(['activity_id'], ['activity.id'], name=op.f('fk_joint_controller_activity_id_activity'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_joint_controller'))
    )
    with op.batch_alter_table('joint_controller', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_joint_controller_activity_id'), ['activity_id'], unique=False)

    op.create_table('processor_use',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('activity_id', sa.Integer(), nullable=True),
    sa.Column('service_id', sa.Integer(), nullable=True),
    sa.Column('processor_id', sa.Integer(), nullable=False),
    sa.Column('service', sa.Text(), server_default='', nullable=False),
    sa.CheckConstraint('(activity_id IS NULL) <> (service_id IS NULL)', name=op.f('ck_processor_use_one_owner')),
    sa.ForeignKeyConstraint(['activity_id'], ['activity.id'], name=op.f('fk_processor_use_activity_id_activity'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['processor_id'], ['processor.id'], name=op.f('fk_processor_use_processor_id_processor'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['service_id'], ['processing_service.id'], name=op.f('fk_processor_use_service_id_processing_service'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_processor_use'))
    )
    with op.batch_alter_table('processor_use', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_processor_use_activity_id'), ['activity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_processor_use_processor_id'), ['processor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_processor_use_service_id'), ['service_id'], unique=False)

    op.create_table('purpose',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('activity_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), server_default='', nullable=False),
    sa.Column('legal_bases', sa.JSON(), nullable=False),
    sa.Column('legitimate_interest', sa.Text(), server_default='', nullable=False),
    sa.ForeignKeyConstraint(['activity_id'], ['activity.id'], name=op.f('fk_purpose_activity_id_activity'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_purpose'))
    )
    with op.batch_alter_table('purpose', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_purpose_activity_id'), ['activity_id'], unique=False)

    op.create_table('recipient_use',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('activity_id', sa.Integer(), nullable=False),
    sa.Column('recipient_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['activity_id'], ['activity.id'], name=op.f('fk_recipient_use_activity_id_activity'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['recipient_id'], ['recipient.id'], name=op.f('fk_recipient_use_recipient_id_recipient'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recipient_use'))
    )
    with op.batch_alter_table('recipient_use', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recipient_use_activity_id'), ['activity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_recipient_use_recipient_id'), ['recipient_id'], unique=False)

    op.create_table('tom_use',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('activity_id', sa.Integer(), nullable=True),
    sa.Column('service_id', sa.Integer(), nullable=True),
    sa.Column('tom_id', sa.Integer(), nullable=False),
    sa.CheckConstraint('(activity_id IS NULL) <> (service_id IS NULL)', name=op.f('ck_tom_use_one_owner')),
    sa.ForeignKeyConstraint(['activity_id'], ['activity.id'], name=op.f('fk_tom_use_activity_id_activity'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['service_id'], ['processing_service.id'], name=op.f('fk_tom_use_service_id_processing_service'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tom_id'], ['tom.id'], name=op.f('fk_tom_use_tom_id_tom'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tom_use'))
    )
    with op.batch_alter_table('tom_use', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tom_use_activity_id'), ['activity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_tom_use_service_id'), ['service_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_tom_use_tom_id'), ['tom_id'], unique=False)

    op.create_table('transfer',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('activity_id', sa.Integer(), nullable=True),
    sa.Column('service_id', sa.Integer(), nullable=True),
    sa.Column('country', sa.Text(), server_default='', nullable=False),
    sa.Column('recipient', sa.Text(), server_default='', nullable=False),
    sa.Column('processor_id', sa.Integer(), nullable=True),
    sa.Column('mechanism', sa.Text(), server_default='', nullable=False),
    sa.Column('mechanism_text', sa.Text(), server_default='', nullable=False),
    sa.Column('documentation', sa.Text(), server_default='', nullable=False),
    sa.CheckConstraint('(activity_id IS NULL) <> (service_id IS NULL)', name=op.f('ck_transfer_one_owner')),
    sa.ForeignKeyConstraint(['activity_id'], ['activity.id'], name=op.f('fk_transfer_activity_id_activity'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['processor_id'], ['processor.id'], name=op.f('fk_transfer_processor_id_processor'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['service_id'], ['processing_service.id'], name=op.f('fk_transfer_service_id_processing_service'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_transfer'))
    )
    with op.batch_alter_table('transfer', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_transfer_activity_id'), ['activity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_transfer_processor_id'), ['processor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_transfer_service_id'), ['service_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('transfer', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_transfer_service_id'))
        batch_op.drop_index(batch_op.f('ix_transfer_processor_id'))
        batch_op.drop_index(batch_op.f('ix_transfer_activity_id'))

    op.drop_table('transfer')
    with op.batch_alter_table('tom_use', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tom_use_tom_id'))
        batch_op.drop_index(batch_op.f('ix_tom_use_service_id'))
        batch_op.drop_index(batch_op.f('ix_tom_use_activity_id'))

    op.drop_table('tom_use')
    with op.batch_alter_table('recipient_use', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recipient_use_recipient_id'))
        batch_op.drop_index(batch_op.f('ix_recipient_use_activity_id'))

    op.drop_table('recipient_use')
    with op.batch_alter_table('purpose', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_purpose_activity_id'))

    op.drop_table('purpose')
    with op.batch_alter_table('processor_use', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_processor_use_service_id'))
        batch_op.drop_index(batch_op.f('ix_processor_use_processor_id'))
        batch_op.drop_index(batch_op.f('ix_processor_use_activity_id'))

    op.drop_table('processor_use')
    with op.batch_alter_table('joint_controller', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_joint_controller_activity_id'))

    op.drop_table('joint_controller')
    with op.batch_alter_table('data_category', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_data_category_activity_id'))

    op.drop_table('data_category')
    with op.batch_alter_table('client_controller', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_client_controller_service_id'))

    op.drop_table('client_controller')
    with op.batch_alter_table('subprocessor', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_subprocessor_subprocessor_id'))
        batch_op.drop_index(batch_op.f('ix_subprocessor_processor_id'))

    op.drop_table('subprocessor')
    with op.batch_alter_table('processing_service', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_processing_service_organisation_id'))

    op.drop_table('processing_service')
    with op.batch_alter_table('change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_change_entity_uid'))
        batch_op.drop_index(batch_op.f('ix_change_at'))

    op.drop_table('change')
    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_activity_organisation_id'))

    op.drop_table('activity')
    op.drop_table('tom')
    op.drop_table('recipient')
    op.drop_table('processor')
    op.drop_table('organisation')
