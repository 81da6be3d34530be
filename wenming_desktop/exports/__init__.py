"""Excel ledgers (openpyxl) and PDF sheets (reportlab) built from plain rows; no Qt here."""
