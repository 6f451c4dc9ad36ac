"""What one audited change shows: field names, venue times, and nothing that did not change."""

from __future__ import annotations

from bot.services.admin.audit_values import UTC_CLOCK, Clock, changed_lines, value_lines

ALMATY = Clock("Asia/Almaty", True)


def test_only_fields_whose_reading_changed_are_shown() -> None:
    before = {"status": "scheduled", "cancel_reason": None, "city_ru": "Алматы"}
    after = {"status": "cancelled", "cancel_reason": None, "city_ru": "Ташкент"}
    assert changed_lines(before, after, ALMATY, "en") == ["    status: scheduled → cancelled"]


def test_times_read_at_the_venue_in_the_readers_language() -> None:
    before = {"starts_at": "2026-12-10T05:00:00+00:00"}
    after = {"starts_at": "2026-12-11T05:00:00+00:00"}
    (line,) = changed_lines(before, after, ALMATY, "ru")
    assert line.startswith("    начало: 10 декабря 2026\u202fг., 10:00 ")
    assert "→ 11 декабря 2026\u202fг., 10:00 " in line


def test_a_day_only_meeting_shows_no_hour_and_its_own_zone() -> None:
    added = {"title_en": "Water talks", "starts_at": "2026-12-09T19:00:00+00:00"}
    values = {**added, "time_zone": "Asia/Almaty", "time_known": False}
    lines = value_lines(values, ("title_en", "starts_at"), UTC_CLOCK, "en")
    assert lines == ["    title: Water talks", "    starts: 10 December 2026"]
