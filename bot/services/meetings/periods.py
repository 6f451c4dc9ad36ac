"""A period relative to today ("last year", «в этом месяце») as UTC bounds, read with the clock.

Calendar periods are whole weeks (from Monday), months or years of the UTC calendar; rolling ones
("the past 12 months") end now.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.understanding.model import Period

MONTHS_A_YEAR = 12
DAYS_A_WEEK = 7


def _month_start(year: int, month: int) -> datetime:
    year, month = year + (month - 1) // MONTHS_A_YEAR, (month - 1) % MONTHS_A_YEAR + 1
    return datetime(year, month, 1, tzinfo=UTC)


def _start(period: Period, now: datetime, offset: int) -> datetime:
    if period.unit == "year":
        return datetime(now.year + offset, 1, 1, tzinfo=UTC)
    if period.unit == "month":
        return _month_start(now.year, now.month + offset)
    monday = now.astimezone(UTC).date() - timedelta(days=now.weekday())
    start = datetime(monday.year, monday.month, monday.day, tzinfo=UTC)
    return start + timedelta(weeks=offset)


def _rolling_start(period: Period, now: datetime) -> datetime:
    if period.unit == "week":
        return now - timedelta(weeks=period.count)
    months = period.count * (MONTHS_A_YEAR if period.unit == "year" else 1)
    start = _month_start(now.year, now.month - months)
    return start.replace(day=min(now.day, 28), hour=now.hour, minute=now.minute)


def period_bounds(period: Period, now: datetime) -> tuple[datetime, datetime]:
    """[since, until) of the period around `now` (an aware datetime)."""
    if period.rolling:
        return _rolling_start(period, now), now
    return _start(period, now, period.offset), _start(period, now, period.offset + period.count)
