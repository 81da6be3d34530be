"""The 设置 page and its tabs: unit, lists, deadlines, users, backups, audit log."""
