"""The 活动 page and its parts: list, calendar, details tabs (volunteers, clinic, checks,
attachments, requests), keyboard sign-in and the activity exports."""
