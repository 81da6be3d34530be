"""several PCs on one database: record versions, the PC in the audit log, shared attachments

Revision ID: 0005_shared_pcs
Revises: 0004_office
"""

import sqlalchemy as sa
from alembic import op


revision = '0005_shared_pcs'
down_revision = '0004_office'
branch_labels = None
depends_on = None

VERSIONED = ('village', 'volunteer', 'activity', 'resident', 'checkup')


def upgrade() -> None:
    for table in VERSIONED:
        with op.batch_alter_table(table) as batch:
            batch.add_column(
                sa.Column('version', sa.Integer(), server_default='1', nullable=False)
            )
    with op.batch_alter_table('audit_entry') as batch:
        batch.add_column(
            sa.Column('host', sa.String(length=100), server_default='', nullable=False)
        )
    op.create_table('attachment_content',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.PrimaryKeyConstraint('sha256', name=op.f('pk_attachment_content'))
    )


def downgrade() -> None:
    op.drop_table('attachment_content')
    with op.batch_alter_table('audit_entry') as batch:
        batch.drop_column('host')
    for table in VERSIONED:
        with op.batch_alter_table(table) as batch:
            batch.drop_column('version')
