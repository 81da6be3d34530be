"""Filing and reporting: the filing packet, period summaries, the figures of 首页 and
台账与归档, report deadlines."""
