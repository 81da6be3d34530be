"""SQLAlchemy models, the engine and its transactions, Alembic migrations and queries."""
