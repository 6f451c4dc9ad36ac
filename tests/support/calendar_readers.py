"""iCalendar readers of other projects, each reading the events of our files in the zones of the
files' own VTIMEZONE blocks, as a calendar app does with a file: libical (C: Evolution, Cyrus),
ical.js (JavaScript: Thunderbird, Nextcloud) and icalendar (Python, which the bot imports with).

libical and ical.js run in a subprocess that prints one line an event, `UID START END` in Unix
seconds (tests/data/libical/read_times.py, tests/data/icaljs/read_times.mjs). Where a reader's
programs are missing the test is skipped, saying which; with REQUIRE_CALENDAR_READERS=1 (as
.ci/run sets, after installing them) it fails instead.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Protocol

import pytest
from icalendar import Calendar, Timezone
from icalendar.prop import vDDDTypes

DATA = Path(__file__).resolve().parents[1] / "data"
# Debian's Python: python3-gi and gir1.2-ical-3.0 are for it, not for the tests' venv.
SYSTEM_PYTHON = "/usr/bin/python3"
# UID -> (start, end), in Unix seconds.
Times = dict[str, tuple[int, int]]


class Reader(Protocol):
    @property
    def name(self) -> str: ...

    def times(self, *files: Path) -> Times:
        """Every event of `files`."""
        ...


@dataclass(frozen=True)
class ProgramReader:
    name: str
    command: tuple[str, ...]
    # A command that succeeds only where the reader can run.
    probe: tuple[str, ...]
    missing: str

    def why_not_here(self) -> str | None:
        try:
            found = subprocess.run(self.probe, capture_output=True).returncode == 0
        except FileNotFoundError:
            found = False
        return None if found else f"{self.name} needs {self.missing}"

    def times(self, *files: Path) -> Times:
        problem = self.why_not_here()
        if problem is not None:
            if os.environ.get("REQUIRE_CALENDAR_READERS") == "1":
                pytest.fail(f"REQUIRE_CALENDAR_READERS=1 but {problem}")
            pytest.skip(problem)
        done = subprocess.run(
            [*self.command, *map(str, files)], capture_output=True, text=True, check=True
        )
        read = [line.split() for line in done.stdout.splitlines()]
        return {uid: (int(start), int(end)) for uid, start, end in read}


class IcalendarReader:
    name = "icalendar"

    def times(self, *files: Path) -> Times:
        found: Times = {}
        for file in files:
            calendar = Calendar.from_ical(file.read_bytes())
            # By TZID icalendar would take IANA's zone; the file's block is what is checked.
            zones = {
                str(zone["TZID"]): zone.to_tz(lookup_tzid=False)
                for zone in calendar.walk("VTIMEZONE")
                if isinstance(zone, Timezone)
            }
            for event in calendar.walk("VEVENT"):
                start, end = (_instant(event[name], zones) for name in ("DTSTART", "DTEND"))
                found[str(event["UID"])] = (int(start.timestamp()), int(end.timestamp()))
        return found


def _instant(value: vDDDTypes, zones: dict[str, tzinfo]) -> datetime:
    tzid = value.params.get("TZID")
    moment = value.dt
    assert isinstance(moment, datetime)
    return moment if tzid is None else moment.replace(tzinfo=zones[tzid])


LIBICAL = ProgramReader(
    "libical",
    (SYSTEM_PYTHON, str(DATA / "libical" / "read_times.py")),
    (SYSTEM_PYTHON, "-c", "import gi; gi.require_version('ICalGLib', '3.0')"),
    "Debian's python3-gi and gir1.2-ical-3.0 (apt-get install python3-gi gir1.2-ical-3.0)",
)
# ical.js itself is in tests/data/icaljs/lib.
ICALJS = ProgramReader(
    "ical.js",
    ("node", str(DATA / "icaljs" / "read_times.mjs")),
    ("node", "--version"),
    "Node.js (apt-get install nodejs)",
)
ICALENDAR = IcalendarReader()
READERS: list[Reader] = [LIBICAL, ICALJS, ICALENDAR]
