"""icalendar's parser, made to read what can be read: a bad value is left out and noted.

icalendar keeps an unreadable value of an event as a broken property but refuses the whole file
for one in a VALARM (`TRIGGER:PT-2H`) or a VTIMEZONE, and fails on a VTIMEZONE with two TZID
lines (a WordPress "The Events Calendar" feed). Other calendar apps read such files, so here
every unreadable value is kept as broken, whatever holds it, and noted with its physical line
and the event (counted from 1 in file order) it stands in; the events decide what they need.
`ComponentIcalParser` is icalendar's documented place for such refinements.
"""

from __future__ import annotations

from icalendar import Calendar, ComponentFactory
from icalendar.parser import Contentline
from icalendar.parser.ical.component import ComponentIcalParser
from icalendar.parser.parameter import Parameters
from icalendar.prop import vBroken

from bot.services.calendars.reading import SHOWN_LINE, FileNote, Line


class LenientParser(ComponentIcalParser):
    def __init__(self, lines: list[Line]) -> None:
        contentlines = [Contentline(line.text) for line in lines]
        # Keyed by identity: the parser hands back the very Contentline it was given.
        self._numbers = {id(cl): line.number for cl, line in zip(contentlines, lines, strict=True)}
        self._texts = {line.number: line.text for line in lines}
        self._events = 0
        self._inside_event = 0
        self._begin_line = 0
        # Where each event begins (its BEGIN:VEVENT line), by its number minus one.
        self.event_lines: list[int] = []
        self.notes: list[FileNote] = []
        super().__init__(contentlines, ComponentFactory(), Calendar.types_factory)

    def parse_content_lines(self) -> None:
        # The base loop, with the line number at hand for the BEGIN of an event.
        for line in self._content_lines_iterator:
            self._begin_line = self._numbers.get(id(line), 0)
            self._read(line)

    def _read(self, line: Contentline) -> None:
        try:
            name, params, vals = line.parts()
        except ValueError as error:
            self.handle_line_parse_error(error)
            return
        upper = name.upper()
        if upper == "BEGIN":
            self.handle_begin_component(vals)
        elif upper == "END":
            self.handle_end_component(vals)
        else:
            self.handle_property(upper, params, vals, line)

    def handle_begin_component(self, vals: str) -> None:
        if vals.upper() == "VEVENT":
            self._events += 1
            self._inside_event += 1
            self.event_lines.append(self._begin_line)
        super().handle_begin_component(vals)

    def handle_end_component(self, vals: str) -> None:
        if vals.upper() == "VEVENT":
            self._inside_event = max(0, self._inside_event - 1)
        try:
            super().handle_end_component(vals)
        except (ValueError, TypeError, AttributeError, KeyError):
            # icalendar caches a VTIMEZONE when it ends; a block it cannot read (two TZIDs)
            # is kept as written, and the events that use it say whether its zone was found.
            self._note(self._begin_line)

    def handle_property_parse_error(
        self,
        exception: Exception,
        name: str,
        params: Parameters,
        val: str,
        line: Contentline,
    ) -> None:
        self._note(self._numbers.get(id(line), 0))
        factory = self.get_factory_for_property(name, params)
        broken = vBroken.from_parse_error(
            raw_value=val,
            params=params,
            property_name=name,
            expected_type=getattr(factory, "__name__", "unknown"),
            error=exception,
        )
        if self.component is not None:
            self.component.errors.append((name, str(exception)))
            self.component.add(name, broken, encode=False)

    def _note(self, number: int) -> None:
        event = self._events if self._inside_event else None
        text = self._texts.get(number, "")[:SHOWN_LINE]
        self.notes.append(FileNote(number, text, "unread", event))
