"""Print-ready Excel ledgers."""
