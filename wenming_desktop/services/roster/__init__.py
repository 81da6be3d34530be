"""Use cases of the volunteer roster: the staff list, its HR import, the national system's
registry reconciliation, service hours, certificates and the roster's editable lists."""
