"""An imported event's start and end as a meeting keeps them: UTC, and whether the hour is known.

A DATE value means only the day is known: the meeting starts at the venue's local midnight, as
the bundled meetings do, and DTEND (the day after the last one) becomes the last day's midnight.
A floating time (no zone, no Z) is the venue's wall clock. Outlook writes a whole day as two
midnights with X-MICROSOFT-CDO-ALLDAYEVENT:TRUE; that is a day too, and an end day equal to the
start day (some apps write it) is that one day.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from icalendar import Component
from icalendar.prop import vBroken

from bot.forms.dates import FIRST_YEAR, LAST_YEAR, within_years
from bot.services.calendars.zones import FileZones, UnknownTzid, iana_key

ALL_DAY_FLAGS = ("X-MICROSOFT-CDO-ALLDAYEVENT", "X-MICROSOFT-MSNCALENDAR-ALLDAYEVENT")


class Skip(Exception):
    """The event cannot become a meeting; `reason` names a text under `calendar.skip.`."""

    def __init__(self, reason: str, details: Mapping[str, object] | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.details = dict(details or {})


def moment(
    event: Component, name: str, zones: FileZones | None = None
) -> date | datetime | timedelta | None:
    """The value of DTSTART, DTEND or DURATION; Skip(`bad_dtstart`...) when it is unreadable.

    A time with a TZID is the wall clock the file wrote, put in the zone that TZID names.
    """
    prop = _one(event.get(name))
    if prop is None:
        return None
    value = getattr(prop, "dt", None) if not isinstance(prop, vBroken) else None
    if not isinstance(value, date | timedelta):
        raise Skip(f"bad_{name.lower()}", {"value": _raw(prop)})
    tzid = getattr(prop, "params", {}).get("TZID")
    if isinstance(value, datetime) and tzid:
        try:
            return (zones or FileZones()).localize(value.replace(tzinfo=None), str(tzid))
        except UnknownTzid as unknown:
            raise Skip("unknown_zone", {"zone": _raw(unknown.tzid)}) from unknown
    return value


def zone_named(event: Component, name: str) -> str | None:
    """The IANA zone a property's TZID names (Windows names mapped by icalendar), if it is one."""
    prop = _one(event.get(name))
    tzid = getattr(prop, "params", {}).get("TZID")
    return iana_key(str(tzid)) if tzid else None


def event_times(event: Component, zone: str, zones: FileZones | None = None) -> dict[str, object]:
    """starts_at, ends_at and time_known, the venue's `zone` reading floating times and days."""
    start, end = _day_or_time(event, "DTSTART", zones), _day_or_time(event, "DTEND", zones)
    if start is None:
        raise Skip("no_start")
    duration = moment(event, "DURATION")
    if end is None and isinstance(duration, timedelta):
        end = _plus(start, duration, event)
    _check_years(event, start, end)
    if end is not None and isinstance(end, datetime) != isinstance(start, datetime):
        raise Skip("mixed_end")
    if isinstance(start, datetime) and _whole_days(event, start, end):
        start, end = start.date(), end.date() if isinstance(end, datetime) else None
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


def _day_or_time(event: Component, name: str, zones: FileZones | None) -> date | None:
    value = moment(event, name, zones)
    if isinstance(value, timedelta):
        raise Skip(f"bad_{name.lower()}", {"value": _raw(_one(event.get(name)))})
    return value


def _whole_days(event: Component, start: datetime, end: date | None) -> bool:
    """Outlook's all-day event: flagged, and starting (and ending) at midnight on its clock."""
    flagged = any(str(event.get(flag, "")).strip().upper() == "TRUE" for flag in ALL_DAY_FLAGS)
    midnights = [start, end] if isinstance(end, datetime) else [start]
    return flagged and all(value.time() == time(0, 0) for value in midnights)


def _hours(start: datetime, end: datetime | None, zone: str) -> dict[str, object]:
    starts_at = _utc(start, zone)
    ends_at = _utc(end, zone) if end is not None else None
    if ends_at is not None and ends_at < starts_at:
        raise Skip("end_before_start")
    # A zero-length event has no end worth showing.
    ends_at = ends_at if ends_at != starts_at else None
    return {"starts_at": starts_at, "ends_at": ends_at, "time_known": True}


def _days(start: date, end: date | None, zone: str) -> dict[str, object]:
    # DTEND is exclusive; one equal to DTSTART (written by some apps) means that one day.
    last_day = end - timedelta(days=1) if end is not None and end != start else None
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
