"""Use cases of health checkups: the resident registry and its import, checkup entry and
follow-up, statistics, the checkup ledger and the record of shown health values."""
