"""Paired villages (结对村/实践站): the list and its ledger."""
