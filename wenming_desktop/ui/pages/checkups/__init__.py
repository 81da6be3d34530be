"""The 健康体检 page and its tabs: residents, fast entry, records, follow-up, statistics."""
