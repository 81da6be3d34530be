"""Plain-Python rules of the office's work: no Qt, no SQLAlchemy, fully unit-tested."""
