"""record versions on what 设置 edits: report deadlines, activity categories, free-clinic services, attachments (captions)

Revision ID: 0008_settings_versions
Revises: 0007_more_versions
"""

import sqlalchemy as sa
from alembic import op


revision = '0008_settings_versions'
down_revision = '0007_more_versions'
branch_labels = None
depends_on = None

VERSIONED = ('deadline', 'category', 'service_kind', 'attachment')


def upgrade() -> None:
    for table in VERSIONED:
        with op.batch_alter_table(table) as batch:
            batch.add_column(
                sa.Column('version', sa.Integer(), server_default='1', nullable=False)
            )


def downgrade() -> None:
    for table in VERSIONED:
        with op.batch_alter_table(table) as batch:
            batch.drop_column('version')
