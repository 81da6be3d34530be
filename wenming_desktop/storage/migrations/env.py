"""Alembic environment: runs on the connection the program hands it (see storage/schema.py)."""

from alembic import context

from wenming_desktop.storage.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
