"""The PySide6 window: pages, dialogs, table models and background workers. Only here is Qt."""
