from datetime import datetime, timedelta

from wenming_desktop.domain.retention import backups_to_delete, backups_to_keep


def hourly_for(days: int, end: datetime) -> list[tuple[str, datetime]]:
    """Three backups a day (08:00, 12:00, 17:00) for `days` days up to `end`."""
    stamps = []
    for d in range(days):
        day = end - timedelta(days=d)
        for hour in (8, 12, 17):
            at = day.replace(hour=hour, minute=0, second=0)
            stamps.append((at.strftime("%Y%m%d-%H"), at))
    return stamps


def test_nothing_to_thin_is_kept_whole() -> None:
    assert backups_to_keep([]) == set()
    one = [("a", datetime(2026, 5, 1, 9))]
    assert backups_to_keep(one) == {"a"}


def test_two_years_of_daily_use_keeps_14_days_and_12_months() -> None:
    stamps = hourly_for(730, datetime(2026, 11, 23))
    keep = backups_to_keep(stamps)
    kept = sorted(at for key, at in stamps if key in keep)
    # newest day entirely (3) + newest of the 13 days before it + newest of 11 earlier months
    days = {at.date() for at in kept}
    months = {(at.year, at.month) for at in kept}
    assert len(months) == 12
    assert sorted(days)[-14:] == [
        datetime(2026, 11, 23).date() - timedelta(days=i) for i in range(13, -1, -1)
    ]
    assert sum(1 for at in kept if at.date() == datetime(2026, 11, 23).date()) == 3
    older_days = [at for at in kept if at.date() != datetime(2026, 11, 23).date()]
    assert all(at.hour == 17 for at in older_days)  # the newest of each day or month
    assert len(kept) == 3 + 13 + 11
    assert kept[0] == datetime(2025, 12, 31, 17)  # the oldest kept: newest of its month
    assert backups_to_delete(stamps) == {key for key, _ in stamps} - keep


def test_days_without_backups_do_not_count() -> None:
    """A program not started for months still keeps 14 distinct days of history."""
    stamps = [(f"d{i}", datetime(2026, 1, 1, 9) + timedelta(days=3 * i)) for i in range(20)]
    keep = backups_to_keep(stamps, keep_daily=14, keep_monthly=0)
    assert keep == {f"d{i}" for i in range(6, 20)}


def test_every_backup_of_the_newest_day_stays() -> None:
    stamps = [
        ("before-restore", datetime(2026, 3, 5, 10, 0)),
        ("manual", datetime(2026, 3, 5, 11, 0)),
        ("yesterday-1", datetime(2026, 3, 4, 9, 0)),
        ("yesterday-2", datetime(2026, 3, 4, 16, 0)),
    ]
    assert backups_to_delete(stamps) == {"yesterday-1"}


def test_monthly_keeps_the_newest_of_each_month() -> None:
    stamps = [
        ("jan-early", datetime(2025, 1, 2)),
        ("jan-late", datetime(2025, 1, 30)),
        ("feb", datetime(2025, 2, 10)),
    ]
    assert backups_to_keep(stamps, keep_daily=1, keep_monthly=2) == {"jan-late", "feb"}
