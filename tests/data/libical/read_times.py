"""Prints each event's UID, start and end (Unix seconds) as libical reads them.

Run by Debian's own Python (/usr/bin/python3), which reaches libical 3 through GObject
introspection (packages python3-gi and gir1.2-ical-3.0); the calendars are the files named as
arguments, or standard input.
libical takes a TZID from the file's own VTIMEZONE blocks before its built-in zones. An event
without DTEND ends as it starts (RFC 5545); "-" stands for a time libical found no value for.
"""

import sys
from pathlib import Path

import gi

gi.require_version("ICalGLib", "3.0")
from gi.repository import ICalGLib  # noqa: E402


def unix_seconds(moment: ICalGLib.Time) -> str:
    if moment.is_null_time():
        return "-"
    zone = moment.get_timezone()
    if zone is None and not moment.is_utc():
        raise SystemExit(f"a floating time: {moment.as_ical_string()}")
    return str(ICalGLib.Time.as_timet_with_zone(moment, zone))


def print_times(text: str) -> None:
    calendar = ICalGLib.Component.new_from_string(text)
    if calendar is None:
        raise SystemExit("libical could not parse the calendar")
    kind = ICalGLib.ComponentKind.VEVENT_COMPONENT
    event = calendar.get_first_component(kind)
    while event is not None:
        start, end = unix_seconds(event.get_dtstart()), unix_seconds(event.get_dtend())
        print(event.get_uid(), start, end)
        event = calendar.get_next_component(kind)


texts = [Path(name).read_text(encoding="utf-8") for name in sys.argv[1:]]
for text in texts or [sys.stdin.read()]:
    print_times(text)
