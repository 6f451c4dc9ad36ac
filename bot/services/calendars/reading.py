"""An .ics file's bytes as iCalendar text: unfolded, decoded, and checked line by line.

Lines are unfolded as bytes, before decoding: a calendar app folds at 75 octets, which can fall
inside one UTF-8 character ("Встреча" split between its two bytes), and decoding each half
alone would leave U+FFFD in the title. A file that begins like a calendar but breaks further
on is refused with the line where it breaks, which is what the admin needs to repair it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from icalendar.parser import Contentline

# A line break followed by a space or a tab continues the previous line (RFC 5545, 3.1).
FOLD = re.compile(rb"\r?\n[ \t]")
START = "BEGIN:VCALENDAR"
SHOWN_LINE = 60


class NotACalendar(Exception):
    """The file is not an iCalendar file at all."""


class BrokenCalendar(NotACalendar):
    """The file starts as a calendar and breaks at `line` (counted from 1, as editors do)."""

    def __init__(self, line: int, content: str, problem: str) -> None:
        super().__init__(f"line {line}: {problem}: {content!r}")
        self.line = line
        self.content = content[:SHOWN_LINE]
        # A key under calendar.broken.: bad_line, unexpected_end, unclosed.
        self.problem = problem


@dataclass(frozen=True)
class FileNote:
    """A line read differently from how it was written, or left out: a note for the admin."""

    line: int
    content: str
    # A key under calendar.note.: unread, second_tzid, busy_zone.
    problem: str
    # The event it stands in (from 1, as the report counts them); None outside any event.
    event: int | None = None


@dataclass(frozen=True)
class Line:
    number: int
    text: str


def calendar_lines(content: bytes) -> list[Line]:
    """The unfolded lines of a file that is a whole calendar; NotACalendar/BrokenCalendar else."""
    lines = unfolded_lines(content)
    if not lines or lines[0].text.strip().upper() != START:
        raise NotACalendar("it does not start with BEGIN:VCALENDAR")
    _check_structure(lines)
    return lines


def unfolded_lines(content: bytes) -> list[Line]:
    """Logical lines, each with the number of the physical line it starts on; blanks dropped."""
    content = content.removeprefix(b"\xef\xbb\xbf")
    lines: list[Line] = []
    number = 1
    for raw in re.split(rb"\r?\n(?![ \t])", content):
        text = FOLD.sub(b"", raw).decode("utf-8", errors="replace")
        if text.strip():
            lines.append(Line(number, text))
        number += len(FOLD.findall(raw)) + 1
    return lines


def _check_structure(lines: list[Line]) -> None:
    """Every line a property, and every BEGIN closed by its own END, in order."""
    open_components: list[str] = []
    for line in lines:
        try:
            name, _, value = Contentline(line.text).parts()
        except ValueError as error:
            raise BrokenCalendar(line.number, line.text, "bad_line") from error
        if name.upper() == "BEGIN":
            open_components.append(value.upper())
        elif name.upper() == "END":
            if not open_components or open_components.pop() != value.upper():
                raise BrokenCalendar(line.number, line.text, "unexpected_end")
        elif not open_components:
            raise BrokenCalendar(line.number, line.text, "bad_line")
    if open_components:
        last = lines[-1]
        raise BrokenCalendar(last.number, last.text, "unclosed")
