"""Read queries returning plain rows for lists and exports (pages never build SQL)."""
