"""Issue 20: the exported file is the same bytes in every process (the feed's ETag survives a
restart), and its zones are written as ical.js, libical and icalendar all read them."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from icalendar import Calendar

from bot.services.calendars.file import calendar_bytes
from storage.models import Meeting
from tests.support.calendar_readers import ICALJS
from tests.support.factories import meeting

ROOT = Path(__file__).resolve().parents[3]
ZONES = [
    ("Asia/Almaty", "Almaty"),
    ("Europe/Berlin", "Berlin"),
    ("Asia/Tashkent", "Tashkent"),
    ("America/New_York", "New York"),
    ("Asia/Dushanbe", "Dushanbe"),
]
PRINT_EXPORT = """
import sys
from tests.services.calendars.test_export_bytes import meetings
from bot.services.calendars.file import calendar_bytes
sys.stdout.buffer.write(calendar_bytes(meetings()))
"""


def meetings() -> list[Meeting]:
    found = []
    for number, (zone, city) in enumerate(ZONES, start=1):
        summer = meeting(number, datetime(2027, 7, number, 8, 0, tzinfo=UTC))
        summer.time_zone, summer.city_en = zone, city
        found.append(summer)
    return found


def exported_in_a_process(hash_seed: str) -> bytes:
    # A set's order follows the hash seed, which differs from one process to the next.
    environment = {**os.environ, "PYTHONHASHSEED": hash_seed, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", PRINT_EXPORT], capture_output=True, check=True, env=environment
    )
    return done.stdout


def test_the_export_is_the_same_bytes_in_every_process() -> None:
    first, *others = (exported_in_a_process(seed) for seed in ("1", "2", "3"))
    assert first.count(b"BEGIN:VTIMEZONE") == len(ZONES)
    assert all(other == first for other in others)


def test_each_zone_onset_is_a_line_of_its_own_and_summer_times_read_right() -> None:
    content = calendar_bytes(meetings())
    rdates = [line for line in content.split(b"\r\n") if line.startswith(b"RDATE")]
    assert rdates and all(b"," not in line for line in rdates)
    events = Calendar.from_ical(content).walk("VEVENT")
    starts = [event.decoded("DTSTART").astimezone(UTC) for event in events]
    assert starts == [m.starts_at for m in meetings()]


def test_ical_js_reads_every_exported_start_right_in_summer_and_winter(tmp_path: Path) -> None:
    berlin = []
    for number, (year, month) in enumerate(itertools.product(range(2026, 2030), (1, 7)), 1):
        found = meeting(number, datetime(year, month, 10, 8, 0, tzinfo=UTC))
        found.time_zone, found.city_en = "Europe/Berlin", "Berlin"
        berlin.append(found)
    every = [*meetings(), *berlin]
    exported = tmp_path / "exported.ics"
    exported.write_bytes(calendar_bytes(every))
    read = {uid: str(start) for uid, (start, _) in ICALJS.times(exported).items()}
    assert read == {m.uid: str(int(m.starts_at.timestamp())) for m in every}
