"""When reminders fall due, with an injected clock: no database, no waiting."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.formatting.cards import reader_time
from bot.formatting.durations import duration_text
from bot.services.reminders.plan import (
    DueWindow,
    OffsetHolders,
    due_between,
    minutes_left,
    next_due_at,
    offset_holders,
)
from bot.services.reminders.sweep import SweepSettings, start_times
from storage.repositories.deliveries import Due

START = datetime(2027, 3, 28, 8, 0, tzinfo=UTC)  # 10:00 in Berlin, summer time from 01:00 UTC
LONG_AGO = datetime(2027, 1, 1, tzinfo=UTC)
DEFAULT = (1440, 60)


def window(
    starts_at: datetime = START, anchor: datetime = LONG_AGO, meeting_id: int = 1
) -> DueWindow:
    return DueWindow(meeting_id, starts_at, anchor)


def holders(*minutes: int) -> list[OffsetHolders]:
    return [OffsetHolders(m, (), True) for m in sorted(minutes, reverse=True)]


def test_an_offset_is_an_exact_length_of_time_across_a_change_to_summer_time() -> None:
    # Berlin moves its clocks forward in the night before the meeting: the day before is still
    # exactly 24 hours before, so the reader's clock shows 09:00 the day before, not 10:00.
    (day_before,) = due_between([window()], holders(1440), None, START)
    assert day_before.due_at == START - timedelta(hours=24)
    shown = reader_time(day_before.due_at, "Asia/Almaty", "Europe/Berlin", "en")
    assert shown is not None and "09:00" in shown and "GMT+01:00" in shown
    at_start = reader_time(START, "Asia/Almaty", "Europe/Berlin", "en")
    assert at_start is not None and "10:00" in at_start and "GMT+02:00" in at_start


def test_the_readers_time_is_left_out_when_their_clock_shows_the_venues() -> None:
    assert reader_time(START, "Asia/Almaty", "Asia/Almaty", "en") is None
    assert reader_time(START, "Asia/Almaty", None, "en") is None
    # Another zone name with the same offset at that moment shows nothing new either.
    assert reader_time(START, "Asia/Almaty", "Asia/Qostanay", "ru") is None


def test_a_meeting_moved_earlier_past_an_offset_does_not_send_it_late() -> None:
    moved_at = START - timedelta(hours=5)
    found = due_between([window(anchor=moved_at)], holders(1440, 60), None, START)
    # The day-before reminder was due before the move (the change notice told them); the
    # hour-before one is still to come.
    assert [due.offset_minutes for due in found] == [60]


def test_two_offsets_falling_due_together_are_both_due() -> None:
    other_start = START + timedelta(hours=23)  # its 1d offset falls at START - 1h too
    meetings = [window(), window(other_start, meeting_id=2)]
    found = due_between(meetings, holders(1440, 60), None, START - timedelta(hours=1))
    together = [
        (d.meeting_id, d.offset_minutes) for d in found if d.due_at == START - timedelta(hours=1)
    ]
    assert sorted(together) == [(1, 60), (2, 1440)]


def test_only_what_falls_due_in_the_interval_is_due() -> None:
    meetings = [window()]
    after = START - timedelta(hours=2)
    assert [d.offset_minutes for d in due_between(meetings, holders(1440, 60), after, START)] == [
        60
    ]
    assert due_between(meetings, holders(1440, 60), START - timedelta(minutes=60), START) == []


def test_the_next_due_time_is_the_first_owed_one_after_now() -> None:
    now = START - timedelta(days=2)
    assert next_due_at([window()], holders(1440, 60), now) == START - timedelta(days=1)
    moved = window(anchor=START - timedelta(hours=3))
    assert next_due_at([moved], holders(1440, 60), now) == START - timedelta(hours=1)
    assert next_due_at([window()], holders(60), START) is None


def test_offset_holders_list_who_holds_each_offset() -> None:
    found = offset_holders(["1440,60", "30", None], DEFAULT)
    assert [(h.minutes, h.offset_values, h.default_holds) for h in found] == [
        (1440, ("1440,60",), True),
        (60, ("1440,60",), True),
        (30, ("30",), False),
    ]
    assert offset_holders(["30"], DEFAULT)[0].default_holds is False
    assert offset_holders([], DEFAULT) == []


@pytest.mark.parametrize(
    ("left", "language", "text"),
    [
        (timedelta(minutes=40), "en", "40 minutes"),
        (timedelta(minutes=55), "en", "55 minutes"),
        (timedelta(minutes=59, seconds=40), "en", "1 hour"),
        (timedelta(hours=1, minutes=30), "en", "1 hour 30 minutes"),
        (timedelta(days=1, minutes=1), "ru", "1 день 1 минута"),
        (timedelta(minutes=22), "ru", "22 минуты"),
        (timedelta(seconds=-5), "en", "0 minutes"),
    ],
)
def test_the_time_left_is_said_exactly(left: timedelta, language: str, text: str) -> None:
    assert duration_text(minutes_left(START, START - left), language) == text


def _due(seconds: float) -> Due:
    due_at = datetime(2027, 6, 10, 5, 0, tzinfo=UTC) + timedelta(seconds=seconds)
    return Due(1, due_at + timedelta(hours=1), 60, due_at, ("60",), False)


def test_ten_fan_outs_due_together_start_from_their_whole_backlog() -> None:
    """10 reminders to the same 300 chats, at 30 a second: 3,000 messages, 100 s of sending;
    each fan-out planned alone would start 11 s early and end 90 s late."""
    settings = SweepSettings(default_offsets=(60,), rate=30.0)
    planned = [_due(0) for _ in range(10)]
    starts = start_times(planned, [300] * 10, settings)
    lead = (planned[0].due_at - starts[0]).total_seconds()
    assert lead == pytest.approx(3000 / 30 * 1.1 + 0.25)
    assert len(set(starts)) == 1


def test_a_fan_out_starts_early_enough_for_a_bigger_one_due_just_after_it() -> None:
    settings = SweepSettings(default_offsets=(60,), rate=30.0, backlog=300)
    planned = [_due(0), _due(5)]
    first, second = start_times(planned, [1000, 1000], settings)
    # The second's deadline needs 2,300 messages sent before it: the first starts with it.
    assert first == second == planned[1].due_at - timedelta(seconds=2300 / 30 * 1.1 + 0.25)


def test_replies_measured_recently_leave_less_rate_for_fan_outs() -> None:
    quiet = SweepSettings(default_offsets=(60,), rate=30.0)
    busy = SweepSettings(default_offsets=(60,), rate=30.0, reply_rate=10.0)
    assert busy.lead(600) > quiet.lead(600)
    assert busy.lead(600).total_seconds() == pytest.approx(600 / 20 * 1.1 + 0.25)


def test_a_machine_that_keeps_less_than_the_rate_starts_earlier() -> None:
    slow = SweepSettings(default_offsets=(60,), rate=30.0, measured_rate=20.0)
    assert slow.lead(600).total_seconds() == pytest.approx(600 / 20 * 1.1 + 0.25)
    # Measured faster than the rate (a burst): the rate still bounds the plan.
    fast = SweepSettings(default_offsets=(60,), rate=30.0, measured_rate=45.0)
    assert fast.lead(600).total_seconds() == pytest.approx(600 / 30 * 1.1 + 0.25)
