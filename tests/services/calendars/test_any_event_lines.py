"""Issue 20: whatever an event's lines say, parsing answers with events, problems and notes, or
refuses the file with its reason; nothing else escapes (a property test over odd values)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.services.calendars.parsing import NotACalendar, parse_calendar
from bot.services.calendars.report import full_report
from bot.services.calendars.sync import ImportReport

NAMES = [
    "DTSTART", "DTEND", "DURATION", "LAST-MODIFIED", "SEQUENCE", "STATUS", "LOCATION",
    "SUMMARY", "UID", "RECURRENCE-ID", "TRIGGER", "X-UNRCCA-TIME-ZONE", "X-UNRCCA-CITY-EN",
    "X-UNRCCA-ORDINAL", "X-WR-TIMEZONE", "TZOFFSETFROM", "RDATE", "EXDATE",
]  # fmt: skip
PARAMETERS = [
    "", ";VALUE=DATE", ";VALUE=PERIOD", ";TZID=Asia/Almaty", ";TZID=/mozilla.org/x/Asia/Almaty",
    ";TZID=Nowhere", ";VALUE=DURATION", ';TZID="Asia/Almaty";VALUE=DATE',
]  # fmt: skip
VALUES = st.one_of(
    st.sampled_from([
        "20271210", "20271210T100000", "20271210T100000Z", "PT-2H", "-PT2H", "+05", "yesterday",
        "99991231T235959Z", "00010101", "20271210T100000Z/PT1H", "CANCELED",
        "Almaty\\, Kazakhstan", "Asia/Almaty", "", "-1", "P99999999W",
        "\u202eytamlA", "a\x00b", "FREQ=SECONDLY",
    ]),
    st.text(alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="\r\n"),
            max_size=20),
)  # fmt: skip
# After the drawn lines: where a drawn line names the same property, the drawn one is first.
BASE = ["DTSTART:20271210T100000", "LOCATION:Almaty"]
LINE = st.tuples(st.sampled_from(NAMES), st.sampled_from(PARAMETERS), VALUES).map(
    lambda parts: f"{parts[0]}{parts[1]}:{parts[2]}"
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LINE, max_size=8), st.sampled_from(["", "METHOD:CANCEL"]))
def test_any_event_lines_give_a_report_or_a_reason(lines: list[str], method: str) -> None:
    head = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//t//EN", *filter(None, [method])]
    event = ["BEGIN:VEVENT", "UID:a@x", "SUMMARY:Water talks", *lines, *BASE, "END:VEVENT"]
    content = ("\r\n".join([*head, *event, "END:VCALENDAR"]) + "\r\n").encode()
    try:
        parsed = parse_calendar(content)
    except NotACalendar:
        return
    report = ImportReport(skipped=list(parsed.problems), notes=list(parsed.notes))
    for language in ("en", "ru"):
        assert full_report(report, language)
    for imported in parsed.events:
        texts = [value for value in imported.values.values() if isinstance(value, str)]
        assert not any("\x00" in text or "\u202e" in text for text in texts)
