"""Use cases of the office's creation work: groups and meetings, inspections and 整改,
commendations, their ledgers and documents, and what 首页 and the summary say about them."""
