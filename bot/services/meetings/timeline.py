"""Where a meeting stands in time: the rules that decide what may still be done with it."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from storage.models import Meeting


def ends_at(meeting: Meeting) -> datetime:
    """When the meeting is over (aware UTC): its end, else the end of its day at the venue.

    Without an end a meeting that has begun may still be going on, so only the next local
    midnight closes it; a day-only meeting (`time_known` False) is closed the same way.
    """
    if meeting.ends_at is not None:
        return meeting.ends_at
    zone = ZoneInfo(meeting.time_zone)
    day = meeting.starts_at.astimezone(zone).date() + timedelta(days=1)
    return datetime.combine(day, time(0, 0), zone).astimezone(meeting.starts_at.tzinfo)


def has_ended(meeting: Meeting, now: datetime) -> bool:
    """True once the meeting is over: it can no longer be cancelled, only corrected."""
    return now >= ends_at(meeting)
