"""Issue 20: a file in Windows-1251, KOI8-R, Windows-1252 or Latin-1 is read in its encoding
(charset-normalizer finds it), and one no likely encoding reads is refused naming what it looks
like; `������` is never stored."""

from __future__ import annotations

import pytest

from bot.services.calendars.entry import not_a_calendar
from bot.services.calendars.parsing import UnknownEncoding, parse_calendar


def calendar(title: str, location: str = "Almaty") -> str:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Microsoft Corporation//Outlook 11.0 MIMEDIR//EN",
        "BEGIN:VEVENT",
        "UID:water@example.org",
        f"SUMMARY:{title}",
        "DTSTART:20271210T100000",
        f"LOCATION:{location}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "\r\n".join(lines) + "\r\n"


@pytest.mark.parametrize(
    ("title", "encoding"),
    [
        ("Встреча по воде", "cp1251"),
        ("Консультации по водным ресурсам Центральной Азии", "cp1251"),
        ("Встреча по воде", "koi8_r"),
        ("Réunion à Genève", "cp1252"),
        ("Café Münster, réunion", "latin_1"),
        ("Zürich", "latin_1"),
        ("Встреча", "utf_16"),
        ("Встреча", "utf_8_sig"),
    ],
)
def test_a_file_in_its_own_encoding_is_read_as_written(title: str, encoding: str) -> None:
    parsed = parse_calendar(calendar(title).encode(encoding))
    (imported,) = parsed.events
    assert imported.values["title_en"] == title
    assert "\ufffd" not in str(imported.values)


def test_a_file_no_likely_encoding_reads_is_refused_naming_what_it_looks_like() -> None:
    content = calendar("会議 東京 水資源の協議 について話し合います。日本の水").encode("euc_jp")
    with pytest.raises(UnknownEncoding) as refused:
        parse_calendar(content)
    assert refused.value.encoding
    text = not_a_calendar("en", "tokyo.ics", refused.value)
    assert "not written in UTF-8" in text and refused.value.encoding in text
    assert "BEGIN:VCALENDAR" not in text
