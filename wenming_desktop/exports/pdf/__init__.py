"""PDF sheets, records and summaries with reportlab; the CJK font is embedded."""
