"""constitution questionnaire answers and the doctor's override reason on a checkup

Revision ID: 0003_constitution
Revises: 0002_issue8_users
"""

import sqlalchemy as sa
from alembic import op


revision = '0003_constitution'
down_revision = '0002_issue8_users'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('checkup') as batch:
        batch.add_column(
            sa.Column('tcm_answers', sa.String(length=33), server_default='', nullable=False)
        )
        batch.add_column(
            sa.Column(
                'constitution_override_reason', sa.Text(), server_default='', nullable=False
            )
        )


def downgrade() -> None:
    with op.batch_alter_table('checkup') as batch:
        batch.drop_column('constitution_override_reason')
        batch.drop_column('tcm_answers')
