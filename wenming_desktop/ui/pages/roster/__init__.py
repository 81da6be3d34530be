"""The 志愿者 page: the roster list and its actions (import, export, certificates, registry)."""
