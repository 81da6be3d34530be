"""initial schema

Revision ID: 0001_initial
Revises: 
"""

import sqlalchemy as sa
from alembic import op


revision = '0001_initial'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('audit_entry',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('user', sa.String(length=50), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('entity', sa.String(length=50), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=True),
    sa.Column('old_values', sa.Text(), nullable=False),
    sa.Column('new_values', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_audit_entry'))
    )
    op.create_table('category',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.Column('is_health', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_category')),
    sa.UniqueConstraint('name', name=op.f('uq_category_name'))
    )
    op.create_table('deadline',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('month_day', sa.String(length=5), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_deadline')),
    sa.UniqueConstraint('name', name=op.f('uq_deadline_name'))
    )
    op.create_table('department',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_department')),
    sa.UniqueConstraint('name', name=op.f('uq_department_name'))
    )
    op.create_table('party_branch',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_party_branch')),
    sa.UniqueConstraint('name', name=op.f('uq_party_branch_name'))
    )
    op.create_table('service_kind',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('sort_order', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_kind')),
    sa.UniqueConstraint('name', name=op.f('uq_service_kind_name'))
    )
    op.create_table('setting',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_setting'))
    )
    op.create_table('team',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_team')),
    sa.UniqueConstraint('name', name=op.f('uq_team_name'))
    )
    op.create_table('village',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('station_name', sa.String(length=100), nullable=False),
    sa.Column('contact_person', sa.String(length=50), nullable=False),
    sa.Column('contact_phone', sa.String(length=20), nullable=False),
    sa.Column('pairing_start', sa.Date(), nullable=True),
    sa.Column('pairing_end', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_village')),
    sa.UniqueConstraint('name', name=op.f('uq_village_name'))
    )
    op.create_table('period_text',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('period', sa.String(length=10), nullable=False),
    sa.Column('village_id', sa.Integer(), nullable=True),
    sa.Column('section', sa.String(length=20), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['village_id'], ['village.id'], name=op.f('fk_period_text_village_id_village')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_period_text')),
    sa.UniqueConstraint('period', 'village_id', 'section', name=op.f('uq_period_text_period'))
    )
    op.create_table('resident',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('village_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('pinyin_initials', sa.String(length=50), nullable=False),
    sa.Column('id_number', sa.String(length=18), nullable=True),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('gender', sa.String(length=2), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=False),
    sa.Column('group_name', sa.String(length=50), nullable=False),
    sa.Column('address', sa.String(length=200), nullable=False),
    sa.Column('left_behind_elderly', sa.Boolean(), nullable=False),
    sa.Column('living_alone', sa.Boolean(), nullable=False),
    sa.Column('left_behind_child', sa.Boolean(), nullable=False),
    sa.Column('disabled', sa.Boolean(), nullable=False),
    sa.Column('needy', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['village_id'], ['village.id'], name=op.f('fk_resident_village_id_village')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_resident')),
    sa.UniqueConstraint('id_number', name=op.f('uq_resident_id_number'))
    )
    with op.batch_alter_table('resident', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_resident_name'), ['name'], unique=False)
        batch_op.create_index(batch_op.f('ix_resident_pinyin_initials'), ['pinyin_initials'], unique=False)
        batch_op.create_index(batch_op.f('ix_resident_village_id'), ['village_id'], unique=False)

    op.create_table('service_request',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('village_id', sa.Integer(), nullable=False),
    sa.Column('requested_by', sa.String(length=50), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('wanted_on', sa.Date(), nullable=True),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.ForeignKeyConstraint(['village_id'], ['village.id'], name=op.f('fk_service_request_village_id_village')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_request'))
    )
    with op.batch_alter_table('service_request', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_service_request_village_id'), ['village_id'], unique=False)

    op.create_table('volunteer',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('staff_no', sa.String(length=30), nullable=True),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('pinyin_initials', sa.String(length=50), nullable=False),
    sa.Column('gender', sa.String(length=2), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('id_number', sa.String(length=18), nullable=True),
    sa.Column('phone', sa.String(length=20), nullable=False),
    sa.Column('department_id', sa.Integer(), nullable=True),
    sa.Column('title', sa.String(length=50), nullable=False),
    sa.Column('position', sa.String(length=50), nullable=False),
    sa.Column('political_status', sa.String(length=20), nullable=False),
    sa.Column('party_branch_id', sa.Integer(), nullable=True),
    sa.Column('registered', sa.Boolean(), nullable=False),
    sa.Column('registry_no', sa.String(length=50), nullable=False),
    sa.Column('registered_on', sa.Date(), nullable=True),
    sa.Column('registry_minutes', sa.Integer(), nullable=True),
    sa.Column('specialty', sa.String(length=100), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['department_id'], ['department.id'], name=op.f('fk_volunteer_department_id_department')),
    sa.ForeignKeyConstraint(['party_branch_id'], ['party_branch.id'], name=op.f('fk_volunteer_party_branch_id_party_branch')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_volunteer')),
    sa.UniqueConstraint('id_number', name=op.f('uq_volunteer_id_number')),
    sa.UniqueConstraint('staff_no', name=op.f('uq_volunteer_staff_no'))
    )
    with op.batch_alter_table('volunteer', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_volunteer_department_id'), ['department_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_volunteer_name'), ['name'], unique=False)
        batch_op.create_index(batch_op.f('ix_volunteer_pinyin_initials'), ['pinyin_initials'], unique=False)

    op.create_table('activity',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('category_id', sa.Integer(), nullable=False),
    sa.Column('village_id', sa.Integer(), nullable=False),
    sa.Column('place', sa.String(length=200), nullable=False),
    sa.Column('place_is_public', sa.Boolean(), nullable=False),
    sa.Column('start_at', sa.DateTime(), nullable=False),
    sa.Column('end_at', sa.DateTime(), nullable=False),
    sa.Column('organizer', sa.String(length=100), nullable=False),
    sa.Column('person_in_charge', sa.String(length=50), nullable=False),
    sa.Column('expected_attendance', sa.Integer(), nullable=True),
    sa.Column('actual_attendance', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('police_approval_ref', sa.String(length=100), nullable=False),
    sa.Column('city_approval_ref', sa.String(length=100), nullable=False),
    sa.Column('has_backdrop', sa.Boolean(), nullable=False),
    sa.Column('medicine_kit_holder', sa.String(length=50), nullable=False),
    sa.Column('request_id', sa.Integer(), nullable=True),
    sa.Column('satisfaction', sa.Integer(), nullable=True),
    sa.Column('evaluation_comment', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['category_id'], ['category.id'], name=op.f('fk_activity_category_id_category')),
    sa.ForeignKeyConstraint(['request_id'], ['service_request.id'], name=op.f('fk_activity_request_id_service_request')),
    sa.ForeignKeyConstraint(['village_id'], ['village.id'], name=op.f('fk_activity_village_id_village')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_activity'))
    )
    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_activity_category_id'), ['category_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_activity_start_at'), ['start_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_activity_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_activity_village_id'), ['village_id'], unique=False)

    op.create_table('certificate',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('volunteer_id', sa.Integer(), nullable=False),
    sa.Column('date_from', sa.Date(), nullable=False),
    sa.Column('date_to', sa.Date(), nullable=False),
    sa.Column('total_minutes', sa.Integer(), nullable=False),
    sa.Column('activity_count', sa.Integer(), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['volunteer_id'], ['volunteer.id'], name=op.f('fk_certificate_volunteer_id_volunteer')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_certificate')),
    sa.UniqueConstraint('number', name=op.f('uq_certificate_number'))
    )
    with op.batch_alter_table('certificate', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_certificate_volunteer_id'), ['volunteer_id'], unique=False)

    op.create_table('volunteer_team',
    sa.Column('volunteer_id', sa.Integer(), nullable=False),
    sa.Column('team_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['team_id'], ['team.id'], name=op.f('fk_volunteer_team_team_id_team'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['volunteer_id'], ['volunteer.id'], name=op.f('fk_volunteer_team_volunteer_id_volunteer'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('volunteer_id', 'team_id', name=op.f('pk_volunteer_team'))
    )
    op.create_table('activity_department',
    sa.Column('activity_id', sa.Integer(), nullable=False),
    sa.Column('department_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['activity_id'], ['activity.id'], name=op.f('fk_activity_department_activity_id_activity'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['department_id'], ['department.id'], name=op.f('fk_activity_department_department_id_department')),
    sa.PrimaryKeyConstraint('activity_id', 'department_id', name=op.f('pk_activity_department'))
    )
    op.create_table('attachment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('activity_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('original_name', sa.String(length=255), nullable=False),
    sa.Column('suffix', sa.String(length=16), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('caption', sa.String(length=200), nullable=False),
    sa.Column('added_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['activity_id'], ['activity.id'], name=op.f('fk_attachment_activity_id_activity'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attachment'))
    )
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attachment_activity_id'), ['activity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_attachment_sha256'), ['sha256'], unique=False)

    op.create_table('checkup',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('resident_id', sa.Integer(), nullable=False),
    sa.Column('activity_id', sa.Integer(), nullable=True),
    sa.Column('checkup_date', sa.Date(), nullable=False),
    sa.Column('height_cm', sa.Float(), nullable=True),
    sa.Column('weight_kg', sa.Float(), nullable=True),
    sa.Column('waist_cm', sa.Float(), nullable=True),
    sa.Column('systolic', sa.Integer(), nullable=True),
    sa.Column('diastolic', sa.Integer(), nullable=True),
    sa.Column('heart_rate', sa.Integer(), nullable=True),
    sa.Column('fasting_glucose', sa.Float(), nullable=True),
    sa.Column('chronic_conditions', sa.String(length=200), nullable=False),
    sa.Column('constitution', sa.String(length=20), nullable=False),
    sa.Column('self_care_eating', sa.Integer(), nullable=True),
    sa.Column('self_care_grooming', sa.Integer(), nullable=True),
    sa.Column('self_care_dressing', sa.Integer(), nullable=True),
    sa.Column('self_care_toilet', sa.Integer(), nullable=True),
    sa.Column('self_care_moving', sa.Integer(), nullable=True),
    sa.Column('conclusion', sa.Text(), nullable=False),
    sa.Column('advice', sa.Text(), nullable=False),
    sa.Column('doctor_id', sa.Integer(), nullable=True),
    sa.Column('followed_up_on', sa.Date(), nullable=True),
    sa.Column('followed_up_by', sa.String(length=50), nullable=False),
    sa.Column('follow_up_note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['activity_id'], ['activity.id'], name=op.f('fk_checkup_activity_id_activity')),
    sa.ForeignKeyConstraint(['doctor_id'], ['volunteer.id'], name=op.f('fk_checkup_doctor_id_volunteer')),
    sa.ForeignKeyConstraint(['resident_id'], ['resident.id'], name=op.f('fk_checkup_resident_id_resident')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checkup')),
    sa.UniqueConstraint('resident_id', 'checkup_date', name=op.f('uq_checkup_resident_id'))
    )
    with op.batch_alter_table('checkup', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_checkup_activity_id'), ['activity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_checkup_checkup_date'), ['checkup_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_checkup_resident_id'), ['resident_id'], unique=False)

    op.create_table('clinic_service',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('activity_id', sa.Integer(), nullable=False),
    sa.Column('service_kind_id', sa.Integer(), nullable=False),
    sa.Column('department_id', sa.Integer(), nullable=True),
    sa.Column('people_served', sa.Integer(), nullable=False),
    sa.Column('materials_given', sa.Integer(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['activity_id'], ['activity.id'], name=op.f('fk_clinic_service_activity_id_activity'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['department_id'], ['department.id'], name=op.f('fk_clinic_service_department_id_department')),
    sa.ForeignKeyConstraint(['service_kind_id'], ['service_kind.id'], name=op.f('fk_clinic_service_service_kind_id_service_kind')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_clinic_service')),
    sa.UniqueConstraint('activity_id', 'service_kind_id', 'department_id', name=op.f('uq_clinic_service_activity_id'))
    )
    with op.batch_alter_table('clinic_service', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_clinic_service_activity_id'), ['activity_id'], unique=False)

    op.create_table('participation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('activity_id', sa.Integer(), nullable=False),
    sa.Column('volunteer_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('sign_in', sa.DateTime(), nullable=True),
    sa.Column('sign_out', sa.DateTime(), nullable=True),
    sa.Column('recorded_minutes', sa.Integer(), nullable=True),
    sa.Column('corrected_minutes', sa.Integer(), nullable=True),
    sa.Column('correction_reason', sa.Text(), nullable=False),
    sa.Column('corrected_by', sa.String(length=50), nullable=False),
    sa.Column('corrected_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['activity_id'], ['activity.id'], name=op.f('fk_participation_activity_id_activity'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['volunteer_id'], ['volunteer.id'], name=op.f('fk_participation_volunteer_id_volunteer')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_participation')),
    sa.UniqueConstraint('activity_id', 'volunteer_id', name=op.f('uq_participation_activity_id'))
    )
    with op.batch_alter_table('participation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_participation_activity_id'), ['activity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_participation_volunteer_id'), ['volunteer_id'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('participation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_participation_volunteer_id'))
        batch_op.drop_index(batch_op.f('ix_participation_activity_id'))

    op.drop_table('participation')
    with op.batch_alter_table('clinic_service', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_clinic_service_activity_id'))

    op.drop_table('clinic_service')
    with op.batch_alter_table('checkup', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_checkup_resident_id'))
        batch_op.drop_index(batch_op.f('ix_checkup_checkup_date'))
        batch_op.drop_index(batch_op.f('ix_checkup_activity_id'))

    op.drop_table('checkup')
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attachment_sha256'))
        batch_op.drop_index(batch_op.f('ix_attachment_activity_id'))

    op.drop_table('attachment')
    op.drop_table('activity_department')
    op.drop_table('volunteer_team')
    with op.batch_alter_table('certificate', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_certificate_volunteer_id'))

    op.drop_table('certificate')
    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_activity_village_id'))
        batch_op.drop_index(batch_op.f('ix_activity_status'))
        batch_op.drop_index(batch_op.f('ix_activity_start_at'))
        batch_op.drop_index(batch_op.f('ix_activity_category_id'))

    op.drop_table('activity')
    with op.batch_alter_table('volunteer', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_volunteer_pinyin_initials'))
        batch_op.drop_index(batch_op.f('ix_volunteer_name'))
        batch_op.drop_index(batch_op.f('ix_volunteer_department_id'))

    op.drop_table('volunteer')
    with op.batch_alter_table('service_request', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_service_request_village_id'))

    op.drop_table('service_request')
    with op.batch_alter_table('resident', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_resident_village_id'))
        batch_op.drop_index(batch_op.f('ix_resident_pinyin_initials'))
        batch_op.drop_index(batch_op.f('ix_resident_name'))

    op.drop_table('resident')
    op.drop_table('period_text')
    op.drop_table('village')
    op.drop_table('team')
    op.drop_table('setting')
    op.drop_table('service_kind')
    op.drop_table('party_branch')
    op.drop_table('department')
    op.drop_table('deadline')
    op.drop_table('category')
    op.drop_table('audit_entry')

