"""When a meeting is over, the rule that stops a cancel of a meeting that took place."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.services.meetings.timeline import has_ended
from tests.support.factories import meeting

# 10 December 2026, 10:00 in Almaty (UTC+5).
STARTS = datetime(2026, 12, 10, 5, tzinfo=UTC)


@pytest.mark.parametrize(
    ("ends_at", "time_known", "now", "ended"),
    [
        (None, True, datetime(2026, 12, 10, 4, 59, tzinfo=UTC), False),
        # Under way without an end: it may still be going on until midnight at the venue.
        (None, True, datetime(2026, 12, 10, 18, 59, tzinfo=UTC), False),
        (None, True, datetime(2026, 12, 10, 19, 0, tzinfo=UTC), True),
        (None, False, datetime(2026, 12, 10, 18, 0, tzinfo=UTC), False),
        (None, False, datetime(2026, 12, 11, 0, 0, tzinfo=UTC), True),
        (
            datetime(2026, 12, 10, 12, tzinfo=UTC),
            True,
            datetime(2026, 12, 10, 11, tzinfo=UTC),
            False,
        ),
        (
            datetime(2026, 12, 10, 12, tzinfo=UTC),
            True,
            datetime(2026, 12, 10, 12, tzinfo=UTC),
            True,
        ),
    ],
)
def test_a_meeting_has_ended_after_its_end_or_its_day(
    ends_at: datetime | None, time_known: bool, now: datetime, ended: bool
) -> None:
    held = meeting(1, STARTS)
    held.ends_at, held.time_known = ends_at, time_known
    assert has_ended(held, now) is ended
