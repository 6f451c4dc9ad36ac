"""An imported event's start and end as a meeting keeps them: UTC, and whether the hour is known.

A DATE value means only the day is known: the meeting starts at the venue's local midnight, as
the bundled meetings do, and DTEND (the day after the last one) becomes the last day's midnight.
A floating time (no zone, no Z) is the venue's wall clock.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from icalendar import Component
from icalendar.prop import vBroken

from bot.forms.dates import FIRST_YEAR, LAST_YEAR, within_years
from bot.places import is_valid_zone


class Skip(Exception):
    """The event cannot become a meeting; `reason` names a text under `calendar.skip.`."""

    def __init__(self, reason: str, details: Mapping[str, object] | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.details = dict(details or {})


def moment(event: Component, name: str) -> date | datetime | timedelta | None:
    """The value of DTSTART, DTEND or DURATION; Skip(`bad_dtstart`...) when it is unreadable."""
    prop = _one(event.get(name))
    if prop is None:
        return None
    value = getattr(prop, "dt", None) if not isinstance(prop, vBroken) else None
    if not isinstance(value, date | timedelta):
        raise Skip(f"bad_{name.lower()}", {"value": _raw(prop)})
    return value


def zone_named(event: Component, name: str) -> str | None:
    """The IANA zone a property's TZID names (icalendar maps Windows names), if it is one."""
    prop = _one(event.get(name))
    value = getattr(prop, "dt", None) if "TZID" in getattr(prop, "params", {}) else None
    key = getattr(getattr(value, "tzinfo", None), "key", None)
    return key if isinstance(key, str) and is_valid_zone(key) else None


def event_times(event: Component, zone: str) -> dict[str, object]:
    """starts_at, ends_at and time_known, the venue's `zone` reading floating times and days."""
    start, end = _day_or_time(event, "DTSTART"), _day_or_time(event, "DTEND")
    if start is None:
        raise Skip("no_start")
    duration = moment(event, "DURATION")
    if end is None and isinstance(duration, timedelta):
        end = _plus(start, duration, event)
    _check_years(event, start, end)
    if end is not None and isinstance(end, datetime) != isinstance(start, datetime):
        raise Skip("mixed_end")
    if isinstance(start, datetime):
        return _hours(start, end if isinstance(end, datetime) else None, zone)
    return _days(start, end, zone)


def _plus(start: date, duration: timedelta, event: Component) -> date:
    try:
        return start + duration
    except OverflowError:
        raise Skip("out_of_range", _range(f"DURATION:{_ical(event, 'DURATION')}")) from None


def _check_years(event: Component, start: date, end: date | None) -> None:
    """Years the bot can show in every zone (bot.forms.dates): one event skipped, not the file."""
    for name, value in (("DTSTART", start), ("DTEND", end)):
        if value is not None and not within_years(value):
            raise Skip("out_of_range", _range(f"{name}: {value.isoformat()}"))


def _range(value: str) -> dict[str, object]:
    return {"value": value[:60], "first": FIRST_YEAR, "last": LAST_YEAR}


def _ical(event: Component, name: str) -> str:
    prop = _one(event.get(name))
    to_ical = getattr(prop, "to_ical", None)
    return to_ical().decode() if callable(to_ical) else str(prop)


def _day_or_time(event: Component, name: str) -> date | None:
    value = moment(event, name)
    if isinstance(value, timedelta):
        raise Skip(f"bad_{name.lower()}", {"value": _raw(_one(event.get(name)))})
    return value


def _hours(start: datetime, end: datetime | None, zone: str) -> dict[str, object]:
    starts_at = _utc(start, zone)
    ends_at = _utc(end, zone) if end is not None else None
    if ends_at is not None and ends_at < starts_at:
        raise Skip("end_before_start")
    # A zero-length event has no end worth showing.
    ends_at = ends_at if ends_at != starts_at else None
    return {"starts_at": starts_at, "ends_at": ends_at, "time_known": True}


def _days(start: date, end: date | None, zone: str) -> dict[str, object]:
    last_day = end - timedelta(days=1) if end is not None else None
    if last_day is not None and last_day < start:
        raise Skip("end_before_start")
    return {
        "starts_at": _midnight(start, zone),
        "ends_at": _midnight(last_day, zone) if last_day is not None else None,
        "time_known": False,
    }


def _midnight(day: date, zone: str) -> datetime:
    return datetime.combine(day, time(0, 0), ZoneInfo(zone)).astimezone(UTC)


def _utc(moment: datetime, zone: str) -> datetime:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo(zone))
    return moment.astimezone(UTC)


def _one(prop: object) -> object:
    # A property given twice comes back as a list; the first is the one calendar apps show.
    if isinstance(prop, list):
        return prop[0] if prop else None
    return prop


def _raw(prop: object) -> str:
    # A broken property keeps the text as it was in the file, which is what the admin wrote.
    return str(prop)[:60]
