"""record versions on the office's records: groups, meetings, inspections, findings, commendations

Revision ID: 0007_more_versions
Revises: 0006_birth_precision
"""

import sqlalchemy as sa
from alembic import op


revision = '0007_more_versions'
down_revision = '0006_birth_precision'
branch_labels = None
depends_on = None

VERSIONED = ('office_group', 'meeting', 'inspection', 'finding', 'commendation')


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
