"""A notice names each changed field with its old and its new value, as the reader sees it: the
time in the venue's zone and the reader's own, the place, the venue, the title."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.services.channels.render import card, change_note
from bot.services.reminders.changed import changed_lines, kept
from bot.services.reminders.messages import notice_reply
from storage.models import Meeting
from tests.support.factories import meeting

START = datetime(2026, 12, 10, 5, tzinfo=UTC)  # 10:00 in Almaty


def water_talks() -> Meeting:
    found = meeting(1, START, "Water talks")
    found.id = 7
    found.venue_en = "New hall"
    return found


@pytest.mark.parametrize(
    ("before", "language", "zone", "expected"),
    [
        ({"venue_en": "Old hall"}, "en", None, ["🏛 Venue", "Was: <s>Old hall</s>", "New hall"]),
        (
            {"starts_at": "2026-12-09T05:00:00+00:00"},
            "en",
            None,
            ["🕒 Time", "9 December 2026, 10:00", "10 December 2026, 10:00"],
        ),
        (
            # The reader's own clock beside the venue's.
            {"starts_at": "2026-12-09T05:00:00+00:00"},
            "en",
            "Europe/Berlin",
            ["06:00 Central European", "10:00"],
        ),
        ({"city_en": "Astana", "city_ru": "Астана"}, "ru", None, ["📍 Место", "Астана", "Алматы"]),
        (
            {"title_en": "Energy talks"},
            "kk",
            None,
            ["📝 Атауы", "<s>Energy talks</s>", "Water talks 1"],
        ),
    ],
)
def test_each_changed_field_is_named_with_its_old_and_new_value(
    before: dict[str, object], language: str, zone: str | None, expected: list[str]
) -> None:
    text = "\n".join(changed_lines(before, water_talks(), language, zone))
    for part in expected:
        assert part in text, (part, text)


def test_a_change_the_reader_cannot_see_makes_no_line() -> None:
    # Only the Kazakh venue changed: an English reader reads the English one, unchanged.
    before = {"translations": {"kk": {"venue": "Ескі зал"}}}
    assert changed_lines(before, water_talks(), "en", None) == []


def test_a_notice_keeps_only_what_it_shows() -> None:
    assert kept({"venue_en": "A", "summary_en": "long", "sequence": 3}) == {"venue_en": "A"}
    assert kept({"summary_en": "long"}) is None


def test_a_moved_notice_lists_every_changed_field() -> None:
    before = {"venue_en": "Old hall", "starts_at": "2026-12-09T05:00:00+00:00"}
    reply = notice_reply("moved", water_talks(), before, "en", None)
    assert "🕒 Time" in reply.text and "🏛 Venue" in reply.text and "/event_7" in reply.text


def test_a_channel_post_is_in_both_languages_by_default_and_in_one_when_set() -> None:
    talks = water_talks()
    both = card(talks, "both", START)
    assert "Алматы" in both and "Almaty" in both
    only_russian = card(talks, "ru", START)
    assert "Almaty" not in only_russian
    note = change_note("moved", talks, {"venue_en": "Old hall"}, "en")
    assert note is not None and "Old hall" in note and "/event" not in note
    assert change_note("announced", talks, None, "both") is None
