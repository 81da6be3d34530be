"""a birth date known only to the month: a precision beside each birth date

Revision ID: 0006_birth_precision
Revises: 0005_shared_pcs
"""

import sqlalchemy as sa
from alembic import op


revision = '0006_birth_precision'
down_revision = '0005_shared_pcs'
branch_labels = None
depends_on = None

WITH_BIRTH_DATE = ('volunteer', 'resident')


def upgrade() -> None:
    for table in WITH_BIRTH_DATE:
        with op.batch_alter_table(table) as batch:
            batch.add_column(
                sa.Column(
                    'birth_precision', sa.String(length=5), server_default='day', nullable=False
                )
            )


def downgrade() -> None:
    for table in WITH_BIRTH_DATE:
        with op.batch_alter_table(table) as batch:
            batch.drop_column('birth_precision')
