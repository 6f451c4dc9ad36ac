"""Lines other calendar apps write that icalendar would misread, refuse or take minutes over,
rewritten before it reads them; what changes the reading is noted for the admin.

- A date with a TZID (`DTSTART;TZID=Asia/Almaty:20271210`): a date has no zone (RFC 5545,
  3.2.19), and icalendar would make it a midnight; the TZID is dropped.
- `TZOFFSETFROM:+05`: the hours alone, as some writers put it; read as `+0500`.
- A second TZID line in a VTIMEZONE (a WordPress feed): the first names the block.
- A zone rule (RRULE of a STANDARD or DAYLIGHT block) is expanded to RDATE lines for the years
  the file's events need only (bot.services.calendars.zone_rules): a 508-byte rule that repeats
  every minute from 2010 would otherwise cost icalendar 40 s and 600 MB.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from icalendar.parser import Contentline
from icalendar.parser.parameter import Parameters

from bot.services.calendars.reading import SHOWN_LINE, FileNote, Line
from bot.services.calendars.zone_rules import YearSpan, expanded_rule, window_of

DATED = frozenset({"DTSTART", "DTEND", "RECURRENCE-ID", "DUE", "EXDATE"})
DATE_VALUE = re.compile(r"^\d{8}$")
SHORT_OFFSET = re.compile(r"^[+-]\d{2}$")
YEAR = re.compile(r"(\d{4})\d{4}")
OBSERVANCES = frozenset({"STANDARD", "DAYLIGHT"})
# A line's name, parameters and value (None and "" for a line that cannot be split).
Parts = tuple[str, Parameters | None, str]


@dataclass
class _Zone:
    """A VTIMEZONE being read: its lines so far, and whether it must be left out."""

    lines: list[Line] = field(default_factory=list)
    tzid_seen: bool = False
    dropped: bool = False
    observance: list[Line] | None = None


def repaired(lines: list[Line]) -> tuple[list[Line], list[FileNote]]:
    """The lines calendar apps mean, and the notes on what was changed or left out."""
    # Each line split once (icalendar's Contentline.parts: 20 us a line, 110,000 lines in a
    # file of 6,000 events), not once for the years, once for its name and once to repair it.
    read = [(line, _parts(line)) for line in lines]
    window = window_of(_event_years(read))
    kept: list[Line] = []
    notes: list[FileNote] = []
    zone: _Zone | None = None
    for line, parts in read:
        name, value = _name_value(parts)
        if zone is None and (name, value) == ("BEGIN", "VTIMEZONE"):
            zone = _Zone()
        if zone is None:
            kept.append(_plain(line, parts))
            continue
        _zone_line(zone, line, name, value, window, notes)
        if (name, value) == ("END", "VTIMEZONE"):
            kept += [] if zone.dropped else zone.lines
            zone = None
    return kept, notes


def _zone_line(
    zone: _Zone, line: Line, name: str, value: str, window: YearSpan, notes: list[FileNote]
) -> None:
    if name == "BEGIN" and value in OBSERVANCES:
        zone.observance = [line]
    elif zone.observance is not None:
        zone.observance.append(_plain(line, _parts(line)))
        if name == "END" and value in OBSERVANCES:
            zone.lines += _observance(zone, zone.observance, window, notes)
            zone.observance = None
    elif name == "TZID" and zone.tzid_seen:
        notes.append(FileNote(line.number, line.text[:SHOWN_LINE], "second_tzid"))
    else:
        zone.tzid_seen = zone.tzid_seen or name == "TZID"
        zone.lines.append(line)


def _observance(
    zone: _Zone, lines: list[Line], window: YearSpan, notes: list[FileNote]
) -> list[Line]:
    rule = next((line for line in lines if _name_value(_parts(line))[0] == "RRULE"), None)
    start = next((line for line in lines if _name_value(_parts(line))[0] == "DTSTART"), None)
    if rule is None or start is None:
        return lines
    try:
        onsets = expanded_rule(_value(rule), _value(start), window)
    except ValueError:
        return lines
    if onsets is None:
        zone.dropped = True
        notes.append(FileNote(rule.number, rule.text[:SHOWN_LINE], "busy_zone"))
        return []
    rdates = [Line(rule.number, f"RDATE:{onset:%Y%m%dT%H%M%S}") for onset in onsets]
    return [line for line in lines if line is not rule][:-1] + rdates + lines[-1:]


def _plain(line: Line, parts: Parts) -> Line:
    """A line (split into `parts`) as icalendar should read it: dates without a zone, offsets
    with minutes."""
    name, params, value = parts
    if params is None:
        return line
    upper = name.upper()
    if upper in DATED and "TZID" in params and DATE_VALUE.match(value.strip()):
        params.pop("TZID")
        params["VALUE"] = "DATE"
        return Line(line.number, Contentline.from_parts(name, params, value, sorted=False))
    if upper in ("TZOFFSETFROM", "TZOFFSETTO") and SHORT_OFFSET.match(value.strip()):
        return Line(line.number, f"{name}:{value.strip()}00")
    return line


def _event_years(read: list[tuple[Line, Parts]]) -> Iterator[int]:
    """The years of the events' starts and ends, as written (before any zone is known)."""
    depth = 0
    for _, parts in read:
        name, value = _name_value(parts)
        depth += (name, value) == ("BEGIN", "VEVENT")
        depth -= (name, value) == ("END", "VEVENT")
        found = YEAR.match(value) if depth and name in ("DTSTART", "DTEND") else None
        if found:
            yield int(found.group(1))


def _name_value(parts: Parts) -> tuple[str, str]:
    name, _, value = parts
    return name.upper(), value.strip().upper()


def _value(line: Line) -> str:
    return _parts(line)[2].strip()


def _parts(line: Line) -> Parts:
    try:
        return Contentline(line.text).parts()
    except ValueError:
        # bot.services.calendars.reading refuses such a line before it comes here.
        return "", None, ""
