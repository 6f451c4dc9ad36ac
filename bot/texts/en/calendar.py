TEXTS: dict[str, str] = {
    "calendar.import.usage": (
        "Please send the calendar as an <b>.ics file</b> with the caption <code>/import</code>: "
        "attach the file, write <code>/import</code> in its caption and send it. You can also "
        "reply <code>/import</code> to a message that holds the file. Each event becomes a "
        "meeting, found again by its UID on the next import, for example:\n"
        "<pre>BEGIN:VEVENT\n"
        "UID:water-talks-2027@unrcca-bot\n"
        "SUMMARY:Water talks\n"
        "DTSTART:20271210T050000Z\n"
        "LOCATION:Almaty, Kazakhstan\n"
        "END:VEVENT</pre>\n"
        "/export sends the current meetings in this format."
    ),
    "calendar.import.not_ics": (
        "<i>{name}</i> is not an .ics file, so I did not read it. Please send an iCalendar file "
        "whose name ends in <b>.ics</b> (calendar apps export one) with the caption "
        "<code>/import</code>."
    ),
    "calendar.import.too_big": (
        "The file <i>{name}</i> is too big: {size} KB, and at most {limit} KB are read. Please "
        "split the calendar into smaller .ics files and send each with the caption "
        "<code>/import</code>."
    ),
    "calendar.import.not_calendar": (
        "<i>{name}</i> is not a calendar: I could not read it as iCalendar (it must start with "
        "<code>BEGIN:VCALENDAR</code>). Please export the calendar again as an .ics file and "
        "send it with the caption <code>/import</code>."
    ),
    "calendar.import.broken": (
        "<i>{name}</i> is a calendar file, but it is broken at line {line}: "
        "<code>{content}</code> — {problem} Please export the calendar again, or correct that "
        "line, and send the file with the caption <code>/import</code>."
    ),
    "calendar.broken.bad_line": (
        "this line is not an iCalendar property (it should look like "
        "<code>SUMMARY:Water talks</code>)."
    ),
    "calendar.broken.unexpected_end": "this END closes a block that was not begun there.",
    "calendar.broken.unclosed": (
        "the file ends here, before the END of a block it began (a file cut off in sending?)."
    ),
    "calendar.import.hint": (
        "To import <i>{name}</i> as meetings, reply <code>/import</code> to it, or send it again "
        "with the caption <code>/import</code>."
    ),
    "calendar.import.report": (
        "<b>Import finished.</b> Created: {created}, updated: {updated}, unchanged: {unchanged}, "
        "skipped: {skipped}."
    ),
    "calendar.import.created_header": "Created:",
    "calendar.import.updated_header": "Updated:",
    "calendar.import.unchanged_header": "Unchanged:",
    "calendar.import.outcome_item": "• Event {number}: <i>{title}</i> (ID {id}): {changed}",
    "calendar.import.same_item": "• Event {number}: <i>{title}</i> (ID {id})",
    "calendar.import.full_report_attached": (
        "The whole report, every meeting named, is too long for a message: it is in the "
        "attached file."
    ),
    "calendar.import.skipped_header": "Skipped events (correct them and import the file again):",
    "calendar.import.skipped_item": "• Event {number}{title}: {reason}",
    "calendar.import.event_title": " (<i>{title}</i>)",
    "calendar.field.title": "title",
    "calendar.field.start": "start",
    "calendar.field.end": "end",
    "calendar.field.zone": "time zone",
    "calendar.field.place": "place",
    "calendar.field.summary": "description",
    "calendar.field.status": "status",
    "calendar.field.organizer": "organizer",
    "calendar.field.supporters": "supporters",
    "calendar.field.ordinal": "series and number",
    "calendar.field.source": "source",
    "calendar.import.more": "…and {count} more skipped events.",
    "calendar.import.progress": "⏳ Importing… {done} of {total} events done.",
    "calendar.skip.no_uid": (
        "it has no <b>UID</b>. Please give each event its own, e.g. "
        "<code>UID:water-talks-2027@unrcca-bot</code>, so that a later import updates it."
    ),
    "calendar.skip.no_title": (
        "it has no title (<b>SUMMARY</b>). Please add one, e.g. <code>SUMMARY:Water talks</code>."
    ),
    "calendar.skip.repeating": (
        "it repeats (<b>RRULE</b>/<b>RDATE</b>), and each meeting must be an event of its own. "
        "Please list every meeting as a separate event with its own UID."
    ),
    "calendar.skip.no_start": (
        "it has no start (<b>DTSTART</b>). Please add one, e.g. "
        "<code>DTSTART:20271210T050000Z</code>, or <code>DTSTART;VALUE=DATE:20271210</code> "
        "when only the day is known."
    ),
    "calendar.skip.bad_dtstart": (
        "its start <i>{value}</i> (<b>DTSTART</b>) is not a date I can read. Please write it like "
        "<code>DTSTART:20271210T050000Z</code>."
    ),
    "calendar.skip.bad_dtend": (
        "its end <i>{value}</i> (<b>DTEND</b>) is not a date I can read. Please write it like "
        "<code>DTEND:20271210T120000Z</code>, or leave it out."
    ),
    "calendar.skip.bad_duration": (
        "its length <i>{value}</i> (<b>DURATION</b>) is not one I can read. Please write it like "
        "<code>DURATION:PT3H</code>, or give <b>DTEND</b> instead."
    ),
    "calendar.skip.out_of_range": (
        "its time <i>{value}</i> is outside the years I can keep ({first} to {last}). Please check "
        "the year, e.g. <code>DTSTART:20271210T050000Z</code>."
    ),
    "calendar.skip.mixed_end": (
        "its start and end are of different kinds (one a day, one a time). Please make both "
        "days (<code>VALUE=DATE</code>) or both date-times."
    ),
    "calendar.skip.end_before_start": (
        "it ends before it starts. Please check <b>DTSTART</b> and <b>DTEND</b>."
    ),
    "calendar.skip.unknown_place": (
        "I cannot tell its time zone: <i>{location}</i> names no city I know, and the file gives "
        "no zone. Please begin <b>LOCATION</b> with the city, e.g. "
        "<code>LOCATION:Almaty, Kazakhstan</code>, or give the start a zone, e.g. "
        "<code>DTSTART;TZID=Asia/Almaty:20271210T100000</code>."
    ),
    "calendar.skip.too_long": (
        "its <b>{field}</b> is too long: {length} characters, and at most {limit} fit. "
        "Please shorten it."
    ),
    "calendar.skip.unknown_zone": (
        "its time names the zone <i>{zone}</i>, which I do not know, and the file has no "
        "<b>VTIMEZONE</b> block for it. Please use a zone name such as "
        "<code>DTSTART;TZID=Asia/Almaty:20271210T100000</code>, or a UTC time such as "
        "<code>DTSTART:20271210T050000Z</code>."
    ),
    "calendar.skip.older": (
        "it is an older version of meeting {id}: the file's <b>SEQUENCE</b> is {file}, the "
        "bot's is {ours}, and the meeting was changed after this file was. Nothing was changed. "
        "Please /export the current version and edit that; to insist on this file, raise its "
        "SEQUENCE above {ours}."
    ),
    "calendar.skip.duplicate_uid": (
        "its <b>UID</b> is used by an earlier event in the file too, so only the first was read. "
        "Please give each event its own UID."
    ),
    "calendar.skip.duplicate": (
        "a meeting with the same title and start already exists (ID {id}) under another UID. "
        "Please change the title or the start, or use that meeting's UID (/export shows it)."
    ),
    "calendar.skip.conflict": (
        "a meeting with the same title and start, or the same UID, was saved at the same moment. "
        "Please import the file again."
    ),
    "calendar.export.caption": (
        "Meetings: {total} (upcoming: {upcoming}, past: {past}, cancelled: {cancelled}). "
        "Calendar apps can import this file; send it back with the caption /import after "
        "editing it."
    ),
    "calendar.feed.name": "UNRCCA meetings",
    "calendar.skip.outside_calendar": (
        "it stands after <code>END:VCALENDAR</code>, outside the calendar, where "
        "calendar apps do not show it. Please move it before <code>END:VCALENDAR</code>."
    ),
    "calendar.import.notes_header": "Lines I read otherwise than written, or left out:",
    "calendar.import.note_item": "• Line {line}{event}: <code>{content}</code> — {problem}",
    "calendar.import.note_event": " (event {number})",
    "calendar.note.unread": "its value cannot be read, so I left it out; the rest was read.",
    "calendar.note.second_tzid": (
        "a second <b>TZID</b> in one <b>VTIMEZONE</b>; the first names the zone."
    ),
    "calendar.note.busy_zone": (
        "this zone rule changes the clock more often than any time zone does, so I left the "
        "zone out (events using it are skipped). Please use a zone name such as "
        "<code>TZID=Asia/Almaty</code>."
    ),
    "calendar.import.over_budget": (
        "I stopped reading <i>{name}</i>: {reason} Nothing was imported. Please check the "
        "file's <b>VTIMEZONE</b> blocks and repeating rules, or split the calendar into smaller "
        ".ics files, and send it again with the caption <code>/import</code>."
    ),
    "calendar.budget.time": "reading it took longer than {seconds} seconds.",
    "calendar.budget.memory": "reading it needed more than {megabytes} MB of memory.",
    "calendar.import.unknown_encoding": (
        "<i>{name}</i> is not written in UTF-8, and I cannot tell its encoding for sure (it "
        "looks like {encoding}). Please export the calendar again as UTF-8 (calendar apps and "
        "text editors offer it when saving) and send it with the caption <code>/import</code>."
    ),
    "calendar.import.event_line": "(It begins at line {line}.)",
}
