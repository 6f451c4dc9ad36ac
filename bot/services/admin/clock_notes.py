"""A word in the preview when a meeting's local time happens twice (the night clocks go back)."""

from __future__ import annotations

from bot.formatting.dates import format_short_day, local_time, utc_offset
from bot.formatting.transitions import happens_twice
from bot.texts import Html, t
from storage.models import Meeting


def repeated_hour_note(meeting: Meeting, language: str) -> Html | None:
    """Which of the two was taken (the offset says it), or None when the time is unambiguous."""
    if not meeting.time_known:
        return None
    moments = [m for m in (meeting.starts_at, meeting.ends_at) if m is not None]
    for moment in moments:
        local = local_time(moment, meeting.time_zone)
        if happens_twice(local):
            return t(
                language,
                "admin.preview.repeated_hour",
                clock=f"{local:%H:%M}",
                day=format_short_day(moment, meeting.time_zone, language),
                zone=meeting.time_zone,
                offset=utc_offset(local.utcoffset()),
            )
    return None
