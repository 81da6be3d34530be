"""Keeping the data safe: backups and restore, users and roles, the audit log, the integrity
check."""
