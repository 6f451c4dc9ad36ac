"""When a chat's weekly digest falls due: pure arithmetic on its weekday, hour, zone and a clock.

The time is the chat's wall clock (Monday 09:00 in Asia/Dushanbe stays 09:00 across a change to
summer time). A digest is owed only for a time after the chat set it (`anchor`): switching it on
on Tuesday does not send Monday's. `period` (BOT_DIGEST_PERIOD_SECONDS) replaces the week with a
short period counted from the anchor, so a test or a trial sees a digest within minutes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

WEEK = timedelta(days=7)
# A digest not sent this long after its time (no process ran) is skipped: next week's comes.
GRACE = timedelta(hours=12)


@dataclass(frozen=True)
class DigestTime:
    day: int  # 0 Monday .. 6 Sunday
    hour: int
    zone: str
    anchor: datetime
    period: timedelta | None = None


def latest_due(when: DigestTime, now: datetime) -> datetime | None:
    """The latest digest time at or before `now` that is owed (after the anchor), if any."""
    if when.period is not None:
        if now < when.anchor + when.period:
            return None
        return when.anchor + (now - when.anchor) // when.period * when.period
    slot = _weekly(when, now)
    return slot if slot > when.anchor else None


def next_due(when: DigestTime, now: datetime) -> datetime:
    """The first digest time after `now`."""
    if when.period is not None:
        passed = max((now - when.anchor) // when.period, 0)
        return when.anchor + (passed + 1) * when.period
    return _weekly(when, now + WEEK)


def grace(when: DigestTime) -> timedelta:
    return min(GRACE, when.period) if when.period is not None else GRACE


def _weekly(when: DigestTime, now: datetime) -> datetime:
    """The latest weekly time at or before `now`, on the chat's wall clock."""
    zone = ZoneInfo(when.zone)
    local = now.astimezone(zone)
    day = local.date() - timedelta(days=(local.weekday() - when.day) % 7)
    slot = datetime.combine(day, time(when.hour), zone).astimezone(UTC)
    if slot > now:
        slot = datetime.combine(day - WEEK, time(when.hour), zone).astimezone(UTC)
    return slot
