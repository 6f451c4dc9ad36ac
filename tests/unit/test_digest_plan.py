"""When a weekly digest falls due: the chat's wall clock, owed only after it was set, and the
short period tests use."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.services.digests.plan import DigestTime, latest_due, next_due

SET = datetime(2027, 3, 1, 6, 0, tzinfo=UTC)  # Monday 11:00 in Dushanbe (UTC+5)
MONDAY_9 = DigestTime(0, 9, "Asia/Dushanbe", SET)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (SET + timedelta(hours=1), None),  # this Monday's 09:00 was before it was set
        (datetime(2027, 3, 8, 3, 59, tzinfo=UTC), None),
        (datetime(2027, 3, 8, 4, 0, tzinfo=UTC), datetime(2027, 3, 8, 4, 0, tzinfo=UTC)),
        (datetime(2027, 3, 12, 0, 0, tzinfo=UTC), datetime(2027, 3, 8, 4, 0, tzinfo=UTC)),
        (datetime(2027, 3, 15, 4, 0, tzinfo=UTC), datetime(2027, 3, 15, 4, 0, tzinfo=UTC)),
    ],
)
def test_the_latest_weekly_time_owed(now: datetime, expected: datetime | None) -> None:
    assert latest_due(MONDAY_9, now) == expected


def test_the_next_time_is_a_week_on_in_the_chats_wall_clock_across_summer_time() -> None:
    berlin = DigestTime(4, 18, "Europe/Berlin", SET)
    # Friday 26 March 2027 18:00 CET (UTC+1), then 2 April 18:00 CEST (UTC+2).
    first = next_due(berlin, datetime(2027, 3, 25, tzinfo=UTC))
    assert first == datetime(2027, 3, 26, 17, 0, tzinfo=UTC)
    assert next_due(berlin, first) == datetime(2027, 4, 2, 16, 0, tzinfo=UTC)


def test_a_short_period_counts_from_when_the_digest_was_set() -> None:
    quick = DigestTime(0, 9, "UTC", SET, period=timedelta(seconds=20))
    assert latest_due(quick, SET + timedelta(seconds=19)) is None
    assert latest_due(quick, SET + timedelta(seconds=45)) == SET + timedelta(seconds=40)
    assert next_due(quick, SET + timedelta(seconds=45)) == SET + timedelta(seconds=60)
