"""Issue 20: libical, ical.js and icalendar read every exported meeting at the bot's instants.

The meetings lie in zones that changed their rules (Kazakhstan moved Almaty from +06 to +05 on
1 March 2024, Russia kept Moscow at +04 from 2011 to 2014), in zones with summer time, across a
clock change, and at a moment a clock reads twice. Each reader takes the zones from the file's
own VTIMEZONE blocks, as calendar apps do with a file, so a block written wrong reads wrong.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.services.calendars.file import calendar_bytes, meeting_attachment
from storage.models import Meeting
from tests.support.calendar_readers import READERS, Reader, Times
from tests.support.factories import meeting

# Zone, city, the venue's clock at the start (fold 0: the first of a twice-read time), hours.
MEETINGS = [
    ("Asia/Dushanbe", "Dushanbe", datetime(2027, 1, 15, 10, 0), 3),
    ("Asia/Dushanbe", "Dushanbe", datetime(2027, 7, 15, 10, 0), 3),
    ("Asia/Almaty", "Almaty", datetime(2023, 7, 1, 10, 0), 2),
    ("Asia/Almaty", "Almaty", datetime(2024, 2, 29, 10, 0), 2),
    ("Asia/Almaty", "Almaty", datetime(2024, 3, 1, 10, 0), 2),
    ("Asia/Almaty", "Almaty", datetime(2027, 7, 1, 10, 0), 2),
    # Across Almaty's change: the clock went from 00:00 back to 23:00 on 29 February.
    ("Asia/Almaty", "Almaty", datetime(2024, 2, 29, 20, 0), 8),
    ("Asia/Tashkent", "Tashkent", datetime(2027, 3, 28, 9, 0), 4),
    ("Europe/Moscow", "Moscow", datetime(2010, 7, 1, 12, 0), 2),
    ("Europe/Moscow", "Moscow", datetime(2010, 12, 1, 12, 0), 2),
    ("Europe/Moscow", "Moscow", datetime(2013, 1, 15, 12, 0), 2),
    ("Europe/Moscow", "Moscow", datetime(2015, 1, 15, 12, 0), 2),
    ("Europe/Berlin", "Berlin", datetime(2027, 1, 10, 9, 0), 8),
    ("Europe/Berlin", "Berlin", datetime(2027, 7, 10, 9, 0), 8),
    # Across the spring and the autumn change; the last starts at 02:30 read twice that night.
    ("Europe/Berlin", "Berlin", datetime(2027, 3, 27, 22, 0), 8),
    ("Europe/Berlin", "Berlin", datetime(2027, 10, 30, 22, 0), 8),
    ("Europe/Berlin", "Berlin", datetime(2027, 10, 31, 2, 30), 1),
    ("America/New_York", "New York", datetime(2026, 7, 4, 12, 0), 2),
    ("America/New_York", "New York", datetime(2027, 3, 13, 20, 0), 10),
    ("America/New_York", "New York", datetime(2027, 11, 6, 20, 0), 10),
    ("America/New_York", "New York", datetime(2029, 12, 1, 9, 0), 2),
    # Far from today: before Unix time, and past 2038 (where a 32-bit time_t ends).
    ("America/New_York", "New York", datetime(1965, 7, 1, 9, 0), 2),
    ("Europe/Berlin", "Berlin", datetime(2150, 7, 1, 9, 0), 2),
]


def meetings() -> list[Meeting]:
    found = []
    for number, (zone, city, clock, hours) in enumerate(MEETINGS, start=1):
        starts_at = clock.replace(tzinfo=ZoneInfo(zone)).astimezone(UTC)
        held = meeting(number, starts_at)
        held.time_zone, held.city_en = zone, city
        held.ends_at = starts_at + timedelta(hours=hours)
        found.append(held)
    return found


def held_times(held: list[Meeting]) -> Times:
    return {
        m.uid: (int(m.starts_at.timestamp()), int(m.ends_at.timestamp()))
        for m in held
        if m.ends_at is not None
    }


@pytest.mark.parametrize("reader", READERS, ids=lambda reader: reader.name)
def test_the_whole_export_reads_at_the_instants_the_bot_holds(
    reader: Reader, tmp_path: Path
) -> None:
    held = meetings()
    exported = tmp_path / "unrcca-meetings.ics"
    exported.write_bytes(calendar_bytes(held))
    assert reader.times(exported) == held_times(held)


@pytest.mark.parametrize("reader", READERS, ids=lambda reader: reader.name)
def test_each_meetings_own_file_reads_at_the_instant_the_bot_holds(
    reader: Reader, tmp_path: Path
) -> None:
    # A meeting's own file carries zone blocks for the years around that meeting only.
    held = meetings()
    files = [tmp_path / f"{number}.ics" for number in range(len(held))]
    for file, one in zip(files, held, strict=True):
        file.write_bytes(meeting_attachment(one, "ru").content)
    assert reader.times(*files) == held_times(held)


@pytest.mark.parametrize("reader", READERS, ids=lambda reader: reader.name)
def test_each_reader_reads_the_files_own_zone_blocks(reader: Reader, tmp_path: Path) -> None:
    # Were a reader to take IANA's zones by TZID, the tests above could not see a block gone wrong.
    tashkent = [m for m in meetings() if m.time_zone == "Asia/Tashkent"]
    content = calendar_bytes(tashkent).replace(b"TZOFFSETTO:+0500", b"TZOFFSETTO:+0700")
    wrong = tmp_path / "wrong-zone.ics"
    wrong.write_bytes(content)
    earlier = 2 * 3600
    held = held_times(tashkent)
    assert reader.times(wrong) == {uid: (s - earlier, e - earlier) for uid, (s, e) in held.items()}
