"""SQLAlchemy models, the engine and its transactions, Alembic migrations and queries."""

# The office's creation-work tables (storage/office_models.py) share models.Base, and an
# attachment's foreign keys name them: loading the package registers them with every use of
# the models, without models.py importing them back.
from wenming_desktop.storage import office_models as office_models
