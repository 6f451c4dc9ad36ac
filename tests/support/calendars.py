"""Small calendar files for tests, written line by line as calendar applications write them."""

from __future__ import annotations

EVENT = {
    "UID": "water-2027@example.org",
    "SUMMARY": "Water talks",
    "DTSTART": "20271210T100000",
    "LOCATION": "Almaty\\, Kazakhstan",
}


def ics(*events: dict[str, str | None], header: str = "") -> bytes:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", *filter(None, [header])]
    for event in events:
        lines.append("BEGIN:VEVENT")
        lines += [f"{name}:{value}" for name, value in event.items() if value is not None]
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode()
