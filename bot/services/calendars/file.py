"""Meetings as an iCalendar file (RFC 5545) that calendar applications import and follow.

Each event keeps its UID, and its SEQUENCE and LAST-MODIFIED grow with every change, so an app
that holds an older copy replaces it; a cancelled meeting stays, with STATUS:CANCELLED, so the
app learns of the cancellation. The bot's record (bot.services.calendars.record) rides along.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from icalendar import Alarm, Calendar, Component, Event, vDuration, vText

from bot.formatting.dates import local_time
from bot.forms.dates import FIRST_YEAR, LAST_YEAR
from bot.services.calendars.record import LANGUAGE_PROPERTY, standard_texts, write_record
from bot.services.reply import Attachment
from bot.texts import template
from storage.models import Meeting, MeetingStatus

PRODUCT = "-//UNRCCA meetings bot//unrcca-bot//EN"
MIME_TYPE = "text/calendar"


@dataclass(frozen=True)
class FeedHeader:
    """What a subscribed calendar shows as the calendar's name and how often it refreshes.

    A feed's cancelled meetings also say so in their title: some calendar apps drop an event
    marked CANCELLED from a subscribed feed altogether, and the news with it. `alarms`: minutes
    before each meeting at which the app alerts (a chat's reminder offsets, its own feed).
    """

    name: str
    refresh: timedelta
    alarms: tuple[int, ...] = ()


def calendar_bytes(
    meetings: Sequence[Meeting],
    language: str = "en",
    header: FeedHeader | None = None,
    links: Mapping[int, Sequence[str]] | None = None,
) -> bytes:
    """`links`: the links of each meeting's documents (by meeting id), each an ATTACH."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add(LANGUAGE_PROPERTY, language)
    if header is not None:
        _add_header(calendar, header)
    for meeting in meetings:
        event = meeting_event(meeting, language)
        if header is not None:
            _for_feed(event, meeting, language, header.alarms)
        for url in (links or {}).get(meeting.id, ()):
            event.add("attach", url)
        calendar.add_component(event)
    _add_zones(calendar, meetings)
    return calendar.to_ical()


def meeting_attachment(meeting: Meeting, language: str) -> Attachment:
    return Attachment(
        file_name=f"unrcca-meeting-{meeting.id}.ics",
        content=calendar_bytes([meeting], language),
        mime_type=MIME_TYPE,
    )


def meeting_event(meeting: Meeting, language: str) -> Event:
    event = Event()
    event.add("uid", meeting.uid)
    # DTSTAMP is required; the last change keeps the file the same for the same meeting.
    event.add("dtstamp", meeting.updated_at)
    event.add("last-modified", meeting.updated_at)
    event.add("sequence", meeting.sequence or 0)
    _add_times(event, meeting)
    texts = standard_texts(meeting, language)
    event.add("summary", texts["SUMMARY"])
    event.add("location", texts["LOCATION"])
    if texts["DESCRIPTION"]:
        event.add("description", texts["DESCRIPTION"])
    if meeting.status == MeetingStatus.CANCELLED:
        event.add("status", "CANCELLED")
    write_record(event, meeting)
    return event


def _for_feed(event: Event, meeting: Meeting, language: str, alarms: Sequence[int]) -> None:
    title = str(event["summary"])
    if meeting.status == MeetingStatus.CANCELLED:
        marked = template(language, "calendar.feed.cancelled").format(title=title)
        event["summary"] = vText(marked)
    for minutes in alarms:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", title)
        alarm.add("trigger", -timedelta(minutes=minutes))
        event.add_component(alarm)


def _add_header(calendar: Calendar, header: FeedHeader) -> None:
    calendar.add("x-wr-calname", header.name)
    calendar.add("name", header.name)
    # RFC 7986's property, and the one Outlook and Google read.
    calendar.add("refresh-interval", header.refresh, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(header.refresh))


def _add_times(event: Event, meeting: Meeting) -> None:
    if meeting.time_known:
        event.add("dtstart", _wall_clock(meeting.starts_at, meeting.time_zone))
        if meeting.ends_at is not None:
            event.add("dtend", _wall_clock(meeting.ends_at, meeting.time_zone))
        return
    # Only the day is known: an all-day event on the venue's local date (DTEND is exclusive).
    event.add("dtstart", local_time(meeting.starts_at, meeting.time_zone).date())
    if meeting.ends_at is not None:
        last_day = local_time(meeting.ends_at, meeting.time_zone).date()
        event.add("dtend", last_day + timedelta(days=1))


def _wall_clock(moment: datetime, zone: str) -> datetime:
    """The venue's clock with its zone (TZID), unless that clock reads the same twice or never.

    In the hour a clock is set back, 02:30 happens twice and a TZID cannot say which; such a
    moment is written in UTC, which is exact (the zone still travels in the record).
    """
    local = local_time(moment, zone)
    ambiguous = local.replace(fold=1 - local.fold).utcoffset() != local.utcoffset()
    return moment if ambiguous else local


ZONE_YEARS = (date(FIRST_YEAR, 1, 1), date(LAST_YEAR, 12, 31))


def _add_zones(calendar: Calendar, meetings: Sequence[Meeting]) -> None:
    """VTIMEZONE blocks from icalendar, covering the years of these meetings, without comments.

    The blocks come first, in TZID order (icalendar adds them in a set's order, which changes
    from one process to the next: the feed's bytes and ETag must not), and each onset of an
    observance with RDATEs is an RDATE line of its own, its DTSTART too (ical.js reads only the
    first value of a multi-valued RDATE in a VTIMEZONE, and skips the DTSTART of an observance
    that has RDATEs, as libical did before 2014: either put a meeting an hour off).
    """
    days = [local_time(m.starts_at, m.time_zone).date() for m in meetings]
    # A meeting stored before the years were checked may lie anywhere: the blocks stay within
    # the years the bot shows (bot.forms.dates), where date arithmetic cannot overflow.
    first = max(min(days, default=date(1970, 1, 1)), ZONE_YEARS[0]) - timedelta(days=366)
    last = min(max(days, default=date(2038, 1, 1)), ZONE_YEARS[1]) + timedelta(days=2 * 366)
    calendar.add_missing_timezones(first_date=first, last_date=last)
    zones = sorted(calendar.timezones, key=lambda zone: str(zone["TZID"]))
    for zone in zones:
        # icalendar notes the years the block covers: noise to a calendar app.
        zone.pop("COMMENT", None)
        for observance in zone.subcomponents:
            _every_onset_an_rdate(observance)
    others = [c for c in calendar.subcomponents if c.name != "VTIMEZONE"]
    calendar.subcomponents[:] = [*zones, *others]


def _every_onset_an_rdate(observance: Component) -> None:
    values = observance.pop("RDATE", None)
    lists = values if isinstance(values, list) else [values] if values is not None else []
    onsets = {leaf.dt for value in lists for leaf in value.dts}
    if not onsets:
        return
    # RFC 5545 counts an onset listed twice once, so readers that do count DTSTART lose nothing.
    onsets.add(observance.decoded("DTSTART"))
    for moment in sorted(onsets):
        observance.add("RDATE", moment)
